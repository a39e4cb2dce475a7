/**
 * The .xls/.ods fixtures of tests/fixtures/xls-ods/: our template (src/xlsx/write-template.ts
 * layout, the project's writer) filled with known values — Vietnamese text, a text number,
 * a date, a boolean, an error constant, a formula with an error result, a narrative of several
 * lines, spaced text — as `report.xlsx`; that file converted by LibreOffice (`lo.xls`, `lo.ods`)
 * and re-written by SheetJS (`sheetjs.xls`, `sheetjs.ods`); and saved by LibreOffice with a
 * password to open (`locked.ods`, `locked.xls`: tests/interop/scripts/lo_password.py, UNO).
 *
 * Regenerate (needs /usr/bin/soffice and python3-uno):  npx tsx tests/xlsx/xls-ods-fixtures.ts
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { writeFilledTemplate } from "../helpers/sample-returns";
import { builtInForm, nameOf, type ResolvedForm } from "../../src/form/resolve";
import type { CellScalar } from "../../src/layout/sheet-model";
import { templatePositions } from "../../src/layout/template";
import { isoToSerial } from "../../src/validate/dates";

export const FIXTURE_DIR = join(__dirname, "..", "fixtures", "xls-ods");
export const SOFFICE = "/usr/bin/soffice";
export const UNIT_CODE = "XA-CAO-XA";

/** The files: the source and its four conversions. */
export const FIXTURES = {
  xlsx: "report.xlsx",
  loXls: "lo.xls",
  loOds: "lo.ods",
  sheetjsXls: "sheetjs.xls",
  sheetjsOds: "sheetjs.ods",
  lockedOds: "locked.ods",
  lockedXls: "locked.xls",
} as const;

/** Multi-line and spaced texts: the line ends and runs of spaces must survive every format. */
export const NARRATIVE = "Dòng một: “trích dẫn” & <thẻ>;\nDòng hai — đạt 100%\nDòng ba.";
export const SPACED = "Hai  khoảng trắng,   ba khoảng trắng";

/** What the officer typed, by defined name (errors are patched in afterwards: see ERRORS). */
export function filledValues(form: ResolvedForm): Map<string, CellScalar> {
  const N = (code: string, part: "total" | "female" | "value" = "value"): string => nameOf(form, code, part);
  const F = (key: string): string => form.fieldByKey.get(key)!.name;
  return new Map<string, CellScalar>([
    [F("year"), 2019],
    [F("reportDate"), isoToSerial("2019-11-28")],
    [F("preparer"), "Nguyễn Thị Lan"],
    [F("phone"), "0204 3878 123"],
    [F("head"), "Trần Văn Hùng"],
    [N("I.1"), 12],
    [N("I.2", "total"), 1500],
    [N("I.2", "female"), 800],
    [N("I.3"), "1.234"],
    [N("I.4"), true],
    [N("II.2", "total"), 1_234_567_890],
    [N("II.2", "female"), -5],
    [N("IV.5"), 12.5],
    [N("IV.6"), 0.1],
    [N("IV.7"), 1234567.891],
    [N("VI.1"), NARRATIVE],
    [N("VI.2"), SPACED],
  ]);
}

/** Cells given an error value by patching the sheet XML: [name, formula or null, error]. */
export function errorCells(form: ResolvedForm): [string, string | null, string][] {
  return [
    [nameOf(form, "I.5", "value"), null, "#N/A"],
    [nameOf(form, "I.6", "value"), "1/0", "#DIV/0!"],
  ];
}

/** report.xlsx: the unit's template, values typed in, two cells turned into error values. */
export async function filledReportXlsx(form: ResolvedForm): Promise<Uint8Array> {
  const unit = form.units.find((u) => u.code === UNIT_CODE)!;
  const bytes = await writeFilledTemplate(form, unit, filledValues(form), new Date(Date.UTC(2019, 10, 28)));
  const files = unzipSync(bytes);
  const path = "xl/worksheets/sheet1.xml";
  let xml = strFromU8(files[path]);
  const pos = templatePositions(form);
  for (const [name, formula, code] of errorCells(form)) {
    const addr = pos.cells[name];
    const cell = new RegExp(`<c r="${addr}"( s="\\d+")?(/>|>.*?</c>)`);
    if (!cell.test(xml)) throw new Error(`no cell ${addr} in ${path}`);
    xml = xml.replace(
      cell,
      (_m, s: string | undefined) =>
        `<c r="${addr}"${s ?? ""} t="e">${formula ? `<f>${formula}</f>` : ""}<v>${code}</v></c>`
    );
  }
  files[path] = strToU8(xml);
  // fixed entry times: the same values give the same bytes
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2019, 10, 28)) });
}

/** `xlsx` converted by LibreOffice headless into `format` ("xls" or "ods"); the path of the result. */
export function convertWithLibreOffice(xlsx: string, format: "xls" | "ods", outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-xls-ods-"));
  const filter = format === "xls" ? "xls:MS Excel 97" : "ods";
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--calc",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        xlsx,
      ],
      { stdio: "ignore", timeout: 180_000 }
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = join(
    outDir,
    xlsx
      .split("/")
      .pop()!
      .replace(/\.xlsx$/, `.${format}`)
  );
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/**
 * Read by SheetJS. SheetJS trusts a sheet's `<dimension>` and writes only the cells inside it;
 * exceljs writes `B1:H67` for the report sheet although column A holds the codes, so the range
 * is widened to every cell present.
 */
export function readWithSheetJs(xlsx: Uint8Array): XLSX.WorkBook {
  const wb = XLSX.read(xlsx, { type: "array", cellFormula: true, cellStyles: false });
  for (const ws of Object.values(wb.Sheets)) {
    const range = { s: { r: Infinity, c: Infinity }, e: { r: 0, c: 0 } };
    for (const a of Object.keys(ws).filter((k) => !k.startsWith("!"))) {
      const { r, c } = XLSX.utils.decode_cell(a);
      range.s = { r: Math.min(range.s.r, r), c: Math.min(range.s.c, c) };
      range.e = { r: Math.max(range.e.r, r), c: Math.max(range.e.c, c) };
    }
    if (Number.isFinite(range.s.r)) ws["!ref"] = XLSX.utils.encode_range(range);
  }
  return wb;
}

/** The workbook read by SheetJS and written again as .xls (BIFF8) or .ods. */
export function rewriteWithSheetJs(xlsx: Uint8Array, bookType: "biff8" | "ods"): Uint8Array {
  const wb = readWithSheetJs(xlsx);
  return new Uint8Array(XLSX.write(wb, { type: "buffer", bookType, compression: true }) as Buffer);
}

/** Write all five fixtures into `dir` (default tests/fixtures/xls-ods). */
export async function makeFixtures(dir = FIXTURE_DIR): Promise<void> {
  const form = builtInForm();
  mkdirSync(dir, { recursive: true });
  const xlsx = await filledReportXlsx(form);
  const src = join(dir, FIXTURES.xlsx);
  writeFileSync(src, xlsx);
  const tmp = mkdtempSync(join(tmpdir(), "bdg-xls-ods-"));
  try {
    writeFileSync(join(dir, FIXTURES.loXls), readFileSync(convertWithLibreOffice(src, "xls", tmp)));
    writeFileSync(join(dir, FIXTURES.loOds), readFileSync(convertWithLibreOffice(src, "ods", tmp)));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const profile = mkdtempSync(join(tmpdir(), "lo-xls-ods-pw-"));
  try {
    const script = join(__dirname, "..", "interop", "scripts", "lo_password.py");
    execFileSync("/usr/bin/python3", [script, profile, src, dir, "mật khẩu"], {
      stdio: "inherit",
      timeout: 180_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  writeFileSync(join(dir, FIXTURES.sheetjsXls), rewriteWithSheetJs(xlsx, "biff8"));
  writeFileSync(join(dir, FIXTURES.sheetjsOds), rewriteWithSheetJs(xlsx, "ods"));
}

if (require.main === module) {
  makeFixtures().then(
    () => console.log(`fixtures written to ${FIXTURE_DIR}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    }
  );
}
