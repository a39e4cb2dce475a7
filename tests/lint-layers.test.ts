/**
 * The layers of docs/ARCHITECTURE.md are enforced by `npm run lint` (eslint.config.mjs, "Layers"):
 * snippets placed as modules of each layer are linted with the project's own configuration and
 * a forbidden import must fail. ESLint loads the ES-module configuration with a dynamic import,
 * which jest's module system does not run, so the linting happens in a child Node process.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

interface Case {
  file: string;
  code: string;
}
interface Problem {
  rule: string | null;
  message: string;
}

/** The errors (not warnings) ESLint reports for each snippet, linted as `file` of this repository. */
function lintErrors(cases: Case[]): Problem[][] {
  const probe = `
    const { ESLint } = require("eslint");
    const path = require("node:path");
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: "eslint.config.mjs" });
      const out = [];
      for (const c of JSON.parse(process.argv[1])) {
        const [r] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) });
        out.push(r.messages.filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, message: m.message })));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const stdout = execFileSync(process.execPath, ["-e", probe, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(stdout) as Problem[][];
}

const rules = (ps: Problem[]): (string | null)[] => ps.map((p) => p.rule);

describe("npm run lint enforces the layers", () => {
  let results: Problem[][];
  const cases: Case[] = [
    // 0. a core module importing the Office.js edge and node:fs
    {
      file: "src/merge/layer-probe.ts",
      code: 'import { officeHost } from "../excel/host";\nimport { readFileSync } from "node:fs";\nexport const probe = [officeHost, readFileSync];\n',
    },
    // 1. a core module importing the file adapter, a bare Node built-in, React; type-only too
    {
      file: "src/layout/layer-probe.ts",
      code: 'import type { ReadOptions } from "../xlsx/reader";\nimport * as path from "path";\nimport * as React from "react";\nexport type Probe = ReadOptions;\nexport const probe = [path, React];\n',
    },
    // 2. a core module loading an edge lazily, and reading a Node global
    {
      file: "src/inspect/layer-probe.ts",
      code: 'export const load = () => import("../cli/main");\nexport const env = process.env;\n',
    },
    // 3. an edge importing another edge (the command line using the Office.js edge)
    {
      file: "src/cli/layer-probe.ts",
      code: 'import { officeHost } from "../excel/host";\nexport const probe = officeHost;\n',
    },
    // 4. the Office.js edge importing the task pane, and the file adapter importing an edge
    {
      file: "src/excel/layer-probe.ts",
      code: 'import { startTaskpane } from "../taskpane/start";\nexport const probe = startTaskpane;\n',
    },
    {
      file: "src/xlsx/layer-probe.ts",
      code: 'import { main } from "../cli/main";\nimport { inflateRawSync } from "node:zlib";\nexport const probe = [main, inflateRawSync];\n',
    },
    // 6. production code importing a test double
    {
      file: "src/taskpane/layer-probe.ts",
      code: 'import { createFakeExcel } from "../../tests/excel/fake-excel";\nexport const probe = createFakeExcel;\n',
    },
    // 7–9. allowed: core → core, taskpane → excel + xlsx + core, cli → xlsx + node
    {
      file: "src/merge/layer-probe.ts",
      code: 'import { builtInForm } from "../form/resolve";\nimport { parseA1 } from "../workbook/address";\nexport const probe = [builtInForm, parseA1];\n',
    },
    {
      file: "src/taskpane/layer-probe.ts",
      code: 'import { officeHost } from "../excel/host";\nimport { inspectFile } from "../xlsx/reader";\nimport { buildSummary } from "../layout/summary";\nexport const probe = [officeHost, inspectFile, buildSummary];\n',
    },
    {
      file: "src/cli/layer-probe.ts",
      code: 'import { readFileSync } from "node:fs";\nimport { inspectFile } from "../xlsx/reader";\nexport const probe = [readFileSync, inspectFile];\n',
    },
  ];

  beforeAll(() => {
    results = lintErrors(cases);
  }, 120_000);

  test("a core module importing the edge or node:fs fails", () => {
    expect(rules(results[0])).toEqual(["no-restricted-imports", "no-restricted-imports"]);
    expect(results[0][0].message).toContain("src/merge: imports no edge");
    expect(results[0][1].message).toContain("imports no Node built-in");
  });

  test("the core imports no file adapter, no bare Node module, no React, not even types", () => {
    expect(rules(results[1])).toEqual([
      "no-restricted-imports",
      "no-restricted-imports",
      "no-restricted-imports",
    ]);
  });

  test("the core loads nothing lazily and uses no Node global", () => {
    expect(rules(results[2])).toEqual(["no-restricted-syntax", "no-restricted-globals"]);
  });

  test("an edge importing another edge fails", () => {
    expect(rules(results[3])).toEqual(["no-restricted-imports"]);
    expect(results[3][0].message).toContain("src/cli: imports no edge");
    expect(rules(results[4])).toEqual(["no-restricted-imports"]);
    expect(rules(results[5])).toEqual(["no-restricted-imports", "no-restricted-imports"]);
  });

  test("production code imports no test double", () => {
    expect(rules(results[6])).toEqual(["no-restricted-imports"]);
  });

  test("allowed imports pass", () => {
    expect(results.slice(7)).toEqual([[], [], []]);
  });
});
