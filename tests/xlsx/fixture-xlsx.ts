/**
 * Minimal .xlsx files for reader tests, zipped from XML strings with fflate: only what the
 * contract needs (defined names, the metadata sheet, the code column). Not a writer.
 */
import { strToU8, zipSync } from "fflate";
import type { ResolvedForm } from "../../src/form/resolve";
import { COLUMN_HEADERS, META_KEYS, META_SHEET, REPORT_SHEET } from "../../src/workbook/contract";

export type FixtureCell =
  | number
  | string
  | boolean
  | null
  | { f: string; v?: number | string; t?: "str" | "b" | "e" | "n"; shared?: { si: number; ref?: string } }
  | { err: string }
  | { inline: string }
  | { rich: string[]; phonetic?: string }
  | { date: string };

export interface FixtureSheet {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  cells: [string, FixtureCell][];
  merges?: string[];
  /** Raw XML inserted after the XML declaration (e.g. a DOCTYPE). */
  prolog?: string;
}

export interface FixtureWorkbook {
  sheets: FixtureSheet[];
  names?: { name: string; ref: string; localSheetId?: number }[];
  date1904?: boolean;
  /** Namespace prefix for SpreadsheetML elements, e.g. "x". */
  prefix?: string;
  /** Write strings as shared strings (default) or inline strings. */
  inlineStrings?: boolean;
  /** Extra zip entries. */
  extra?: Record<string, string | Uint8Array>;
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function sortKey(addr: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

export function buildXlsx(wb: FixtureWorkbook): Uint8Array {
  const p = wb.prefix ? `${wb.prefix}:` : "";
  const ns = wb.prefix ? `xmlns:${wb.prefix}` : "xmlns";
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const richSst: string[] = [];
  const shared = (s: string): number => {
    let i = sstIndex.get(s);
    if (i === undefined) {
      i = sst.length;
      sst.push(`<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`);
      sstIndex.set(s, i);
    }
    return i;
  };
  const cellXml = (addr: string, c: FixtureCell): string => {
    if (c === null) return `<${p}c r="${addr}" s="1"/>`;
    if (typeof c === "number") return `<${p}c r="${addr}"><${p}v>${c}</${p}v></${p}c>`;
    if (typeof c === "boolean") return `<${p}c r="${addr}" t="b"><${p}v>${c ? 1 : 0}</${p}v></${p}c>`;
    if (typeof c === "string") {
      if (wb.inlineStrings)
        return `<${p}c r="${addr}" t="inlineStr"><${p}is><${p}t>${esc(c)}</${p}t></${p}is></${p}c>`;
      return `<${p}c r="${addr}" t="s"><${p}v>${shared(c)}</${p}v></${p}c>`;
    }
    if ("err" in c) return `<${p}c r="${addr}" t="e"><${p}v>${esc(c.err)}</${p}v></${p}c>`;
    if ("inline" in c)
      return `<${p}c r="${addr}" t="inlineStr"><${p}is><${p}t>${esc(c.inline)}</${p}t></${p}is></${p}c>`;
    if ("date" in c) return `<${p}c r="${addr}" t="d"><${p}v>${c.date}</${p}v></${p}c>`;
    if ("rich" in c) {
      const i = sst.length;
      sst.push(
        `<${p}si>${c.rich.map((r, j) => `<${p}r>${j ? `<${p}rPr><${p}b/></${p}rPr>` : ""}<${p}t xml:space="preserve">${esc(r)}</${p}t></${p}r>`).join("")}${
          c.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>${esc(c.phonetic)}</${p}t></${p}rPh>` : ""
        }</${p}si>`
      );
      richSst.push(String(i));
      return `<${p}c r="${addr}" t="s"><${p}v>${i}</${p}v></${p}c>`;
    }
    const t = c.t ? ` t="${c.t}"` : "";
    const fAttrs = c.shared
      ? ` t="shared" si="${c.shared.si}"${c.shared.ref ? ` ref="${c.shared.ref}"` : ""}`
      : "";
    const f = c.f === "" ? `<${p}f${fAttrs}/>` : `<${p}f${fAttrs}>${esc(c.f)}</${p}f>`;
    const v = c.v === undefined ? "" : `<${p}v>${esc(String(c.v))}</${p}v>`;
    return `<${p}c r="${addr}"${t}>${f}${v}</${p}c>`;
  };
  const files: Record<string, Uint8Array> = {};
  const sheetEntries: string[] = [];
  const rels: string[] = [];
  wb.sheets.forEach((sh, i) => {
    const rows = new Map<number, string[]>();
    const sorted = [...sh.cells].sort((a, b) => {
      const [ra, ca] = sortKey(a[0]);
      const [rb, cb] = sortKey(b[0]);
      return ra - rb || ca - cb;
    });
    for (const [addr, c] of sorted) {
      const r = sortKey(addr)[0];
      const list = rows.get(r) ?? [];
      list.push(cellXml(addr, c));
      rows.set(r, list);
    }
    const rowXml = [...rows].map(([r, cs]) => `<${p}row r="${r}">${cs.join("")}</${p}row>`).join("");
    const merges = sh.merges?.length
      ? `<${p}mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join("")}</${p}mergeCells>`
      : "";
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${sh.prolog ?? ""}\n<${p}worksheet ${ns}="${MAIN}" xmlns:r="${R}"><${p}sheetData>${rowXml}</${p}sheetData>${merges}</${p}worksheet>`
    );
    const state = sh.state && sh.state !== "visible" ? ` state="${sh.state}"` : "";
    sheetEntries.push(`<${p}sheet name="${esc(sh.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    );
  });
  const n = wb.sheets.length;
  rels.push(
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
  );
  const names = (wb.names ?? [])
    .map(
      (d) =>
        `<${p}definedName name="${esc(d.name)}"${d.localSheetId !== undefined ? ` localSheetId="${d.localSheetId}"` : ""}>${esc(d.ref)}</${p}definedName>`
    )
    .join("");
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns}="${MAIN}" xmlns:r="${R}"><${p}workbookPr${wb.date1904 ? ' date1904="1"' : ""}/><${p}sheets>${sheetEntries.join("")}</${p}sheets>${
      names ? `<${p}definedNames>${names}</${p}definedNames>` : ""
    }</${p}workbook>`
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns}="${MAIN}" count="${sst.length}" uniqueCount="${sst.length}">${sst.join("")}</${p}sst>`
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${wb.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
      )
      .join(
        ""
      )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
  );
  for (const [k, v] of Object.entries(wb.extra ?? {})) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files, { level: 6 });
}

export interface ReportFixtureOptions {
  /** Write defined names (default true). */
  names?: boolean;
  /** Write the metadata sheet (default true); override its fields. */
  meta?:
    | boolean
    | {
        formId?: string;
        formVersion?: string;
        unitCode?: string;
        kind?: string;
        names?: boolean;
        /** Written in place of the generator row. */
        fingerprint?: string;
      };
  sheetName?: string;
  /** Rows inserted above the table (moves everything down, names follow). */
  rowOffset?: number;
  date1904?: boolean;
  prefix?: string;
  inlineStrings?: boolean;
  metaState?: "hidden" | "veryHidden";
  /** Replace the formula of some names (e.g. "#REF!"). */
  nameRefs?: Record<string, string>;
  extraCells?: [string, FixtureCell][];
  merges?: string[];
  /** Copies of the report sheet (last year's kept beside it, a backup), after it. */
  copies?: { name: string; state?: "visible" | "hidden" }[];
  /** The metadata map's rows are this many rows above the cells (rows inserted after it was written). */
  staleMetaRows?: number;
}

export interface ReportFixture {
  bytes: Uint8Array;
  /** Defined name → A1 address on the report sheet. */
  addresses: Map<string, string>;
  sheetName: string;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const abs = (a: string): string => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/**
 * A report laid out like the template (contract.ts): "Đơn vị:" in A2 with the unit in B2, header
 * fields as "Label:" in A + input in C, the table with COLUMN_HEADERS (A code, B indicator,
 * C unit, D total, E female), narratives merged C:H, and the signature block.
 */
export function reportFixture(
  form: ResolvedForm,
  values: Record<string, FixtureCell>,
  opts: ReportFixtureOptions = {}
): ReportFixture {
  const sheetName = opts.sheetName ?? REPORT_SHEET;
  const off = opts.rowOffset ?? 0;
  const cells: [string, FixtureCell][] = [];
  const merges: string[] = [...(opts.merges ?? [])];
  const addresses = new Map<string, string>();
  const put = (addr: string, v: FixtureCell): void => {
    cells.push([addr, v]);
  };
  const input = (name: string, addr: string): void => {
    addresses.set(name, addr);
    const v = values[name];
    if (v !== undefined) put(addr, v);
  };
  put("A1", "UBND HUYỆN TÂN YÊN");
  put("D1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  put("A2", "Đơn vị:");
  const unitField = form.fieldByKey.get("unit")!;
  input(unitField.name, "B2");
  let row = 4 + off;
  for (const f of form.fields) {
    if (f.key === "unit" || f.key === "preparer" || f.key === "head") continue;
    put(`A${row}`, `${f.label.vi}${f.required ? " (*)" : ""}:`);
    merges.push(`A${row}:B${row}`);
    input(f.name, `C${row}`);
    row++;
  }
  row++;
  const headerRow = row;
  const cols = ["code", "indicator", "unit", "total", "female", "percentFemale", "note", "check"] as const;
  cols.forEach((k, i) => put(`${String.fromCharCode(65 + i)}${headerRow}`, COLUMN_HEADERS[k].vi));
  row = headerRow + 2;
  for (const s of form.definition.sections) {
    put(`A${row}`, s.code);
    put(`B${row}`, s.title.vi);
    row++;
    for (const ind of form.indicators.filter((i) => i.section === s.code && i.kind !== "computed")) {
      put(`A${row}`, ind.code);
      put(`B${row}`, ind.label.vi);
      if (ind.kind === "text") {
        merges.push(`C${row}:H${row}`);
        input(ind.cells[0].name, `C${row}`);
      } else {
        put(`C${row}`, ind.unit);
        for (const c of ind.cells) input(c.name, `${c.part === "female" ? "E" : "D"}${row}`);
      }
      row++;
    }
  }
  row++;
  const sign: [string, string][] = [
    ["preparer", "B"],
    ["head", "E"],
  ];
  for (const [key, col] of sign) {
    const f = form.fieldByKey.get(key);
    if (!f) continue;
    put(`${col}${row}`, f.label.vi.toUpperCase());
    put(`${col}${row + 1}`, "(Ký, ghi rõ họ tên)");
    input(f.name, `${col}${row + 3}`);
  }
  for (const c of opts.extraCells ?? []) put(c[0], c[1]);

  const sheets: FixtureSheet[] = [{ name: sheetName, cells, merges }];
  for (const c of opts.copies ?? []) sheets.push({ name: c.name, state: c.state, cells, merges });
  const names: { name: string; ref: string }[] = [];
  if (opts.names !== false) {
    for (const [n, a] of addresses)
      names.push({ name: n, ref: opts.nameRefs?.[n] ?? `${quote(sheetName)}!${abs(a)}` });
  }
  if (opts.meta !== false) {
    const m = typeof opts.meta === "object" ? opts.meta : {};
    const metaCells: [string, FixtureCell][] = [
      ["A1", META_KEYS.formId],
      ["B1", m.formId ?? form.id],
      ["A2", META_KEYS.formVersion],
      ["B2", m.formVersion ?? form.version],
      ["A3", META_KEYS.unitCode],
      ["A4", META_KEYS.kind],
      ["B4", m.kind ?? "template"],
      ["A5", m.fingerprint ? META_KEYS.fingerprint : META_KEYS.generator],
      ["B5", m.fingerprint ?? "bdg-report"],
      ["A6", META_KEYS.names],
    ];
    if (m.unitCode) metaCells.push(["B3", m.unitCode]);
    if (m.names !== false) {
      let r = 7;
      // The map records where the template put each cell (before any row was inserted).
      for (const [n, a] of addresses) {
        const at = a.replace(/\d+$/, (d) => String(Number(d) - (opts.staleMetaRows ?? 0)));
        metaCells.push([`A${r}`, n], [`B${r}`, `${quote(REPORT_SHEET)}!${abs(at)}`]);
        r++;
      }
    }
    sheets.push({ name: META_SHEET, state: opts.metaState ?? "veryHidden", cells: metaCells });
  }
  return {
    bytes: buildXlsx({
      sheets,
      names,
      date1904: opts.date1904,
      prefix: opts.prefix,
      inlineStrings: opts.inlineStrings,
    }),
    addresses,
    sheetName,
  };
}
