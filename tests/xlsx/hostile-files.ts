/**
 * Hostile workbooks that stay small on disk, built from a real report (reportFixture) by editing
 * its zip: many sheets pointing at one huge part, hundreds of blank sheets, duplicated zip
 * entries, odd numerals in a cell. Shared by the reader tests and the CLI tests (which run them
 * in a child process with time and memory bounds).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { nameOf, type ResolvedForm } from "../../src/form/resolve";
import { reportFixture, type FixtureCell, type ReportFixtureOptions } from "./fixture-xlsx";

const WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/**
 * A complete, clean report of Xã Cao Xá as a value map: I.1 = 5, I.2 = 10 (4 women), every other
 * number 0, texts "Nội dung", dated 28/11/2019 (no rule fires).
 */
export function reportValues(
  form: ResolvedForm,
  over: Record<string, FixtureCell> = {}
): Record<string, FixtureCell> {
  const F = (k: string): string => form.fieldByKey.get(k)?.name ?? k;
  const values: Record<string, FixtureCell> = {
    [F("unit")]: "Xã Cao Xá",
    [F("year")]: 2019,
    [F("reportDate")]: 43797, // 28/11/2019
    [F("preparer")]: "Nguyễn Thị Lan",
    [F("head")]: "Trần Văn Hùng",
  };
  for (const ind of form.indicators)
    for (const c of ind.cells) values[c.name] = ind.kind === "text" ? "Nội dung" : 0;
  values[nameOf(form, "I.1", "value")] = 5;
  values[nameOf(form, "I.2", "total")] = 10;
  values[nameOf(form, "I.2", "female")] = 4;
  return { ...values, ...over };
}

/** A good report's bytes. */
export function goodReport(
  form: ResolvedForm,
  over: Record<string, FixtureCell> = {},
  opts: ReportFixtureOptions = {}
): Uint8Array {
  return reportFixture(form, reportValues(form, over), opts).bytes;
}

/** A worksheet part of `rows` × `cols` number cells (no `r` attributes: it compresses ~1000:1). */
export function bigSheetXml(rows: number, cols: number): string {
  const row = `<row>${"<c><v>7</v></c>".repeat(cols)}</row>`;
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(rows)}</sheetData></worksheet>`;
}

/**
 * The report with `extra` more sheets listed in workbook.xml, all pointing (each through its own
 * relationship) at ONE part `xl/worksheets/shared.xml` holding `partXml`. With `spreadNames`, the
 * form's defined names are spread over those sheets (so a reader that follows names visits each).
 */
export function sheetsSharingOnePart(
  form: ResolvedForm,
  extra: number,
  partXml: string,
  spreadNames = false
): Uint8Array {
  const files = unzipSync(goodReport(form));
  let wb = strFromU8(files["xl/workbook.xml"]);
  let rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const sheets: string[] = [];
  const relXml: string[] = [];
  for (let i = 0; i < extra; i++) {
    sheets.push(`<sheet name="Copy ${i + 1}" sheetId="${100 + i}" r:id="rIdX${i}"/>`);
    relXml.push(`<Relationship Id="rIdX${i}" Type="${WS_TYPE}" Target="worksheets/shared.xml"/>`);
  }
  wb = wb.replace("</sheets>", `${sheets.join("")}</sheets>`);
  if (spreadNames) {
    let k = 0;
    wb = wb.replace(
      /(<definedName name="[^"]+">)'[^']*'!/g,
      (_, open: string) => `${open}'Copy ${(k++ % extra) + 1}'!`
    );
  }
  rels = rels.replace("</Relationships>", `${relXml.join("")}</Relationships>`);
  files["xl/workbook.xml"] = strToU8(wb);
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  files["xl/worksheets/shared.xml"] = strToU8(partXml);
  return zipSync(files as Zippable, { level: 9 });
}

/** The report followed by `extra` blank sheets, each with its own (empty) part. */
export function manyBlankSheets(form: ResolvedForm, extra: number): Uint8Array {
  const files = unzipSync(goodReport(form));
  let wb = strFromU8(files["xl/workbook.xml"]);
  let rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const sheets: string[] = [];
  const relXml: string[] = [];
  const blank =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
  for (let i = 0; i < extra; i++) {
    sheets.push(`<sheet name="Trang ${i + 1}" sheetId="${100 + i}" r:id="rIdB${i}"/>`);
    relXml.push(`<Relationship Id="rIdB${i}" Type="${WS_TYPE}" Target="worksheets/blank${i}.xml"/>`);
    files[`xl/worksheets/blank${i}.xml`] = strToU8(blank);
  }
  files["xl/workbook.xml"] = strToU8(wb.replace("</sheets>", `${sheets.join("")}</sheets>`));
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    rels.replace("</Relationships>", `${relXml.join("")}</Relationships>`)
  );
  wb = rels = "";
  return zipSync(files as Zippable, { level: 9 });
}

/** A zip written by hand from already-deflated data, with whatever sizes we want to declare. */
export function rawZip(
  entries: { name: string; data: Uint8Array; method: 0 | 8; size: number }[]
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const lh = new Uint8Array(30 + name.length);
    const dv = new DataView(lh.buffer);
    dv.setUint32(0, 0x04034b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(8, e.method, true);
    dv.setUint32(18, e.data.length, true);
    dv.setUint32(22, e.size, true);
    dv.setUint16(26, name.length, true);
    lh.set(name, 30);
    const ch = new Uint8Array(46 + name.length);
    const cv = new DataView(ch.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    ch.set(name, 46);
    chunks.push(lh, e.data);
    central.push(ch);
    offset += lh.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of all) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Entries of a zip written by hand (stored), in order, names repeated as given. */
export function storedZip(entries: [string, Uint8Array][]): Uint8Array {
  return rawZip(entries.map(([name, data]) => ({ name, data, method: 0, size: data.length })));
}

/**
 * The report with a second `xl/worksheets/sheet1.xml` entry (`nameCase` lets the copy differ in
 * letter case only) whose cell for `addr` holds `value` instead.
 */
export function duplicatedSheetEntry(
  bytes: Uint8Array,
  addr: string,
  value: number,
  nameCase: (n: string) => string = (n) => n
): Uint8Array {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
  const copy = sheet.replace(new RegExp(`(<c r="${addr}"[^>]*>)<v>[^<]*</v>`), `$1<v>${value}</v>`);
  const entries: [string, Uint8Array][] = Object.entries(files);
  entries.push([nameCase("xl/worksheets/sheet1.xml"), strToU8(copy)]);
  return storedZip(entries);
}

/** The report with the raw `<v>` text of the cell at `addr` replaced (e.g. "0x10"), and its type attribute set to `t`. */
export function withRawCell(bytes: Uint8Array, addr: string, raw: string, t?: string): Uint8Array {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
  const re = new RegExp(`<c r="${addr}"[^>]*>(?:<v>[^<]*</v>)?</c>|<c r="${addr}"[^>]*/>`);
  if (!re.test(sheet)) throw new Error(`no cell ${addr}`);
  files["xl/worksheets/sheet1.xml"] = strToU8(
    sheet.replace(re, `<c r="${addr}"${t ? ` t="${t}"` : ""}><v>${raw}</v></c>`)
  );
  return zipSync(files as Zippable, { level: 6 });
}
