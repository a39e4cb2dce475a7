/**
 * # Returned-files corpus (tests/fixtures/returns/)
 *
 * Reports returned the way units really fill the template: in LibreOffice, with exceljs,
 * SheetJS and openpyxl; saved as .xls/.ods; copied as values into a new workbook; rows
 * inserted, deleted or sorted; cells merged, cut and pasted; sheets renamed, copied or added;
 * unit names typed freehand. Each file is made from the real template (`writeTemplate`) by the
 * real programs, and `manifest.json` says what the officer meant: the unit and the value of
 * every input cell by defined name (numbers as numbers, texts as texts, blank as null).
 *
 * ## Regenerate
 *     npx tsx tests/returns/make-returns.ts            # every file + manifest.json
 *     npx tsx tests/returns/make-returns.ts --only a.xlsx,b.xlsx --out /tmp/x
 * Needs /usr/bin/python3 with openpyxl and python3-uno, and /usr/bin/soffice. Deterministic
 * apart from the timestamps the programs write into the files; about a minute.
 *
 * ## Families
 * See FAMILIES in tests/returns/recipe.ts (one line each) and the cases-*.ts files (one function
 * per family, each variant described in its manifest entry). In short: baseline; row-deleted;
 * merged-total-female; values-copy-two-years; values-copy (narratives); sheetjs-resave;
 * neighbour-template; freehand-unit; xls-ods; rows-inserted; column-inserted; sheet-copied;
 * rows-sorted; cut-paste; meta-deleted; names-deleted; text-numbers; formulas;
 * second-report-below; sheet-to-new-workbook; file-renamed; last-year-template; blank-report;
 * wrong-extension; sheet-renamed-added.
 *
 * ## What "expect" means
 * - exact: the file must count for the intended unit and every intended value must be read
 *   (as the merge reads it: "1.234" typed for a count is 1234). The unit may carry errors only
 *   when its values are right.
 * - flag: what the officer meant cannot be read back for sure (a row deleted, total and female
 *   merged, two reports in one file, a neighbour's template retyped): the file must be refused
 *   with a reason, or its unit must carry an error (naming `flagIndicators` when given).
 * - refuse: the file must be refused (last year's template).
 * Never, for any file: a value differing from the intended one, or a wrong unit, while the unit
 * carries no error ("silent wrong"). tests/returns/returns-corpus.test.ts checks all this
 * through tests/returns/inspect-adapter.ts; files failing today are listed, with the reason, in
 * tests/returns/known-failures.json (the list may only shrink).
 */
import * as XLSX from "@e965/xlsx";
import exceljsPackage from "exceljs/package.json";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BDG_2019 } from "../../src/form/bdg-2019";
import { builtInForm, loadForm, type ResolvedForm } from "../../src/form/resolve";
import { writeTemplate } from "../../src/xlsx/write-template";
import type { CaseBuilder } from "./case-builder";
import { LAST_YEAR_FORM_ID } from "./cases-content";
import { checkCases, corpusCases, FIXTURE_DIR, MANIFEST } from "./corpus-cases";
import { PYTHON, SOFFICE, runRounds } from "./pipeline";
import { FAMILIES, manifestEntry, type CaseSpec, type Manifest } from "./recipe";

const TEMPLATE_DATE = new Date(Date.UTC(2019, 10, 1));

function lastYearForm(): ResolvedForm {
  return loadForm({
    ...BDG_2019,
    id: LAST_YEAR_FORM_ID,
    year: 2018,
    deadline: "2018-12-01",
    title: {
      vi: "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2018",
      en: "Report on gender-equality work, 2018",
    },
  });
}

async function writeTemplates(
  dir: string,
  form: ResolvedForm,
  builder: CaseBuilder,
  used: Set<string>
): Promise<void> {
  const forms = new Map<string, ResolvedForm>([[form.id, form]]);
  for (const [file, t] of builder.templates) {
    if (!used.has(file)) continue;
    if (!forms.has(t.formId)) forms.set(t.formId, lastYearForm());
    const f = forms.get(t.formId) as ResolvedForm;
    const bytes = await writeTemplate(f, t.unitCode ? { unitCode: t.unitCode } : {}, {
      created: TEMPLATE_DATE,
    });
    writeFileSync(join(dir, file), bytes);
  }
}

function toolVersions(): Record<string, string> {
  const run = (cmd: string, args: string[]): string => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "missing";
    }
  };
  return {
    libreoffice: run(SOFFICE, ["--version"]).replace(/\s*\(.*$|\s+[0-9a-f]{20,}.*$/, ""),
    openpyxl: run(PYTHON, ["-c", "import openpyxl; print(openpyxl.__version__)"]),
    exceljs: exceljsPackage.version,
    sheetjs: XLSX.version,
  };
}

export interface GenerateOptions {
  /** Where the files go (default tests/fixtures/returns, emptied first, with manifest.json). */
  outDir?: string;
  /** Only these files (no manifest written). */
  only?: string[];
}

/** Make the corpus files; returns the cases made and the time taken. */
export async function generate(options: GenerateOptions = {}): Promise<{ cases: CaseSpec[]; ms: number }> {
  const t0 = Date.now();
  const form = builtInForm();
  const { cases: all, builder } = corpusCases(form);
  checkCases(form, all);
  const cases = options.only ? all.filter((c) => options.only?.includes(c.file)) : all;
  if (options.only && cases.length !== options.only.length)
    throw new Error(`unknown files in ${options.only.join(", ")}`);
  const work = mkdtempSync(join(tmpdir(), "bdg-returns-"));
  try {
    const used = new Set(
      cases.flatMap((c) => c.rounds.flat().flatMap((j) => [j.in ?? "", ...(j.new ?? []).map((s) => s.in)]))
    );
    await writeTemplates(work, form, builder, used);
    const depth = Math.max(...cases.map((c) => c.rounds.length));
    const rounds = Array.from({ length: depth }, (_, r) => cases.flatMap((c) => c.rounds[r] ?? []));
    await runRounds(work, rounds);
    const out = options.outDir ?? FIXTURE_DIR;
    mkdirSync(out, { recursive: true });
    if (!options.only) for (const f of readdirSync(out)) rmSync(join(out, f));
    for (const c of cases) copyFileSync(join(work, c.file), join(out, c.file));
    if (!options.only) {
      const manifest: Manifest = {
        form: { id: form.id, version: form.version },
        families: { ...FAMILIES },
        tools: toolVersions(),
        files: cases.map((c) => manifestEntry(c, form.names)),
      };
      writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { cases, ms: Date.now() - t0 };
}

function summary(cases: CaseSpec[], dir: string, ms: number): string {
  const byFamily = new Map<string, number>();
  const byProgram = new Map<string, number>();
  for (const c of cases) {
    byFamily.set(c.family, (byFamily.get(c.family) ?? 0) + 1);
    for (const p of c.programs) byProgram.set(p, (byProgram.get(p) ?? 0) + 1);
  }
  const bytes = cases.reduce((n, c) => n + statSync(join(dir, c.file)).size, 0);
  return [
    `${cases.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${(ms / 1000).toFixed(1)} s`,
    ...[...byFamily].map(([f, n]) => `  ${f}: ${n}`),
    "programs:",
    ...[...byProgram].map(([p, n]) => `  ${p}: ${n}`),
  ].join("\n");
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = value("--only")?.split(",").filter(Boolean);
  const outDir = value("--out");
  generate({ only, outDir })
    .then(({ cases, ms }) => console.log(summary(cases, outDir ?? FIXTURE_DIR, ms)))
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
