/**
 * One inspection step: `validate` (src/cli/validate-command.ts), the merge (src/merge/merger.ts)
 * and the add-in (src/excel/read-report.ts, on the same file opened in the recording Excel host)
 * reach the same verdict — the same unit, the same issues — on every returned file of the
 * corpus, and on a template whose metadata spells the form id in lower case.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NODE_READ } from "../../src/cli/node-read";
import { validateBytes } from "../../src/cli/validate-command";
import { readOpenReport } from "../../src/excel/read-report";
import { builtInForm } from "../../src/form/resolve";
import { Merger } from "../../src/merge/merger";
import type { Issue } from "../../src/validate/issue";
import { inspectFile } from "../../src/xlsx/reader";
import { reportFixture } from "../xlsx/fixture-xlsx";
import { openInFakeExcel } from "../helpers/open-in-fake-excel";

const form = builtInForm();
const DIR = join(__dirname, "..", "fixtures", "returns");

interface Verdict {
  readable: boolean;
  unit: string | null;
  issues: string[];
}

const key = (i: Pick<Issue, "severity" | "rule" | "cell">): string =>
  `${i.severity} ${i.rule} ${i.cell ?? "-"}`;
const sorted = (xs: string[]): string[] => [...xs].sort();

function byValidate(file: string, bytes: Uint8Array): Verdict {
  const v = validateBytes(file, bytes, form);
  return { readable: v.readable, unit: v.unit, issues: sorted(v.issues.map(key)) };
}

function byMerge(file: string, bytes: Uint8Array): Verdict {
  const merger = new Merger(form);
  const read = inspectFile(bytes, form, NODE_READ);
  merger.add(file, 0, read);
  const c = merger.finish();
  const f = c.files[0];
  if (!read.ok) return { readable: false, unit: null, issues: [] };
  // A file the merge rejects for its unit is still a readable report with the same issues.
  if (f.verdict === "rejected") return { readable: true, unit: null, issues: sorted(read.issues.map(key)) };
  const status = c.units.find((u) => u.code === f.unit);
  return { readable: true, unit: f.unit, issues: sorted((status?.issues ?? []).map(key)) };
}

async function byAddin(bytes: Uint8Array): Promise<Verdict | null> {
  let h;
  try {
    h = openInFakeExcel(bytes);
  } catch {
    return null; // not an .xlsx, or formulas Excel would compute: nothing to compare
  }
  const r = await readOpenReport(h.host, form);
  if (!r.ok) return { readable: false, unit: null, issues: [] };
  return { readable: true, unit: r.unit.unit?.code ?? null, issues: sorted(r.issues.map(key)) };
}

const files = readdirSync(DIR)
  .filter((f) => /\.xlsx$/.test(f))
  .sort();

describe("validate, merge and the add-in agree on every returned file", () => {
  let compared = 0;
  test.each(files)("%s", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, file)));
    const v = byValidate(file, bytes);
    expect(byMerge(file, bytes)).toEqual(v);
    const a = await byAddin(bytes);
    if (a) {
      expect(a).toEqual(v);
      compared++;
    }
  });
  afterAll(() => {
    // Most of the corpus goes through the add-in too (the rest has formulas Excel would compute).
    expect(compared).toBeGreaterThan(files.length * 0.7);
  });
});

test("a template whose metadata spells the form id in lower case is the same form everywhere", async () => {
  const fx = reportFixture(
    form,
    { [form.fieldByKey.get("unit")!.name]: "Xã Cao Xá" },
    { meta: { formId: "bdg-2019" } }
  );
  const v = byValidate("lower.xlsx", fx.bytes);
  expect(v.readable).toBe(true);
  expect(v.unit).toBe("XA-CAO-XA");
  expect(byMerge("lower.xlsx", fx.bytes)).toEqual(v);
  expect(await byAddin(fx.bytes)).toEqual(v);
});

test("a hidden copy of the report sheet is looked at everywhere: the same warning in the add-in", async () => {
  const fx = reportFixture(
    form,
    { [form.fieldByKey.get("unit")!.name]: "Xã Cao Xá" },
    { copies: [{ name: "Năm 2018", state: "hidden" }] }
  );
  const v = byValidate("hidden-copy.xlsx", fx.bytes);
  expect(v.issues.some((i) => i.startsWith("warning reader.other-report-sheets"))).toBe(true);
  expect(byMerge("hidden-copy.xlsx", fx.bytes)).toEqual(v);
  expect(await byAddin(fx.bytes)).toEqual(v);
});
