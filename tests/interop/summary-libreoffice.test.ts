/**
 * Interop: the summary opens in LibreOffice and its recalculated formulas equal the cached
 * results we wrote. To be sure LibreOffice really recalculates (and does not just keep our cached
 * values), a copy is written with every cached formula result blanked; after the soffice round
 * trip, openpyxl (data_only) must read the values we computed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInForm, withUnits } from "../../src/form/resolve";
import { buildSummary, SUMMARY_SHEET } from "../../src/layout/summary";
import { mergeReports, type Submission } from "../../src/merge";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { inspectFile } from "../../src/xlsx/reader";
import { reportRead, rejectedRead } from "../merge/helpers";
import { missing } from "../external-tools";

const SOFFICE = "/usr/bin/soffice";
const PY = "/usr/bin/python3";
const have = !missing("LibreOffice summary test", "soffice", "openpyxl");
const maybe = have ? test : test.skip;
jest.setTimeout(180_000);

const form = builtInForm();

maybe("LibreOffice recalculates the summary's formulas to the cached results", async () => {
  const subs: Submission[] = form.units
    .slice(0, 36)
    .map((u, i) => ({ file: `${u.code}.xlsx`, modified: 0, read: reportRead(form, u, { seed: 500 + i }) }));
  subs.push({ file: "junk.xlsx", modified: 0, read: rejectedRead("notSpreadsheet") });
  const c = mergeReports(form, subs);
  const summary = buildSummary(c, form, { reportDate: "2019-12-10" });
  const expected = new Map<string, number | string>();
  const sheet = summary.model.sheets.find((s) => s.name === SUMMARY_SHEET);
  if (!sheet) throw new Error("no sheet");
  for (const cell of sheet.cells) {
    if (cell.formula === undefined) continue;
    expected.set(cell.address, cell.value as number | string);
    cell.value = null; // blank cached result: only a recalculation can bring the number back
  }
  const dir = mkdtempSync(join(tmpdir(), "bdg-sum-lo-"));
  try {
    const src = join(dir, "in.xlsx");
    writeFileSync(src, await writeWorkbook(summary.model));
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        src,
      ],
      { stdio: "ignore", timeout: 150_000 }
    );
    const out = join(dir, "out", "in.xlsx");
    const py = `import openpyxl, json, sys
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb[sys.argv[2]]
print(json.dumps({c: ws[c].value for c in sys.argv[3].split(",")}))`;
    const addrs = [...expected.keys()];
    const got = JSON.parse(
      execFileSync(PY, ["-c", py, out, SUMMARY_SHEET, addrs.join(",")], { encoding: "utf8" })
    ) as Record<string, number | string | null>;
    let compared = 0;
    for (const [a, want] of expected) {
      const v = got[a];
      if (want === "") expect(v === null || v === "").toBe(true);
      else {
        expect(typeof v).toBe("number");
        expect(v as number).toBeCloseTo(want as number, 6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // The LibreOffice-saved summary is still a report of the collector with the same totals.
    const province = withUnits(form, [
      {
        code: form.definition.collector.code,
        name: form.definition.collector.name,
        group: "Cơ quan, ban, ngành, đoàn thể",
        aliases: [],
      },
    ]);
    const read = inspectFile(new Uint8Array(readFileSync(out)), province);
    if (!read.ok) throw new Error(read.reason);
    const up = mergeReports(province, [{ file: "tong-hop.xlsx", modified: 0, read }]);
    expect(up.files[0].verdict).toBe("accepted");
    for (const [name, v] of Object.entries(c.totals.all.numbers))
      expect(up.totals.all.numbers[name]).toBeCloseTo(v, 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
