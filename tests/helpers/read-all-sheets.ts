/**
 * Every worksheet of an .xlsx file, for tests and diagnostics: states, non-blank cells by A1
 * address, merged ranges and workbook-scoped defined names. The product reads a returned file
 * through src/xlsx/reader.ts (`inspectFile`: only the cells the inspection asks for); this reads
 * all of it with the same parts of src/xlsx (zip, workbook, relationships, sheets, shared strings)
 * and the same platform options (`inflate`, `latin1`), so a test can look at what a writer put in
 * a file. Throws nothing on a bad file: `{ ok: false, reason, detail }`.
 */
import { a1 } from "../../src/workbook/address";
import type { CellValue } from "../../src/workbook/cell-value";
import { colOf, rowOf } from "../../src/workbook/sheet-data";
import {
  EMPTY_SST,
  LazySharedStrings,
  parseRels,
  parseSheet,
  parseWorkbook,
  relsPathOf,
  resolveTarget,
  type SharedStrings,
} from "../../src/xlsx/ooxml";
import { DEFAULT_LIMITS, sniffFile, type ReadOptions } from "../../src/xlsx/reader";
import { readEntry, ZipError, type ZipArchive } from "../../src/xlsx/zip";

export interface AllSheets {
  ok: true;
  date1904: boolean;
  sheets: Map<string, { state: string; cells: Map<string, CellValue>; merges: string[] }>;
  definedNames: Map<string, string>;
}

export type AllSheetsResult = AllSheets | { ok: false; reason: string; detail: string };

const utf8 = new TextDecoder("utf-8");
const utf16 = new TextDecoder("utf-16le");

/** A zip's parts as text: UTF-8 (or UTF-16 with a BOM), or byte strings when `latin1` is given. */
function partReader(zip: ZipArchive, options: ReadOptions) {
  let budget = options.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes;
  const bytesOf = (path: string): Uint8Array | null => {
    const e = zip.entries.get(path.toLowerCase());
    if (!e) return null;
    const out = readEntry(zip, e, budget, options.inflate);
    budget -= out.length;
    return out;
  };
  const has = (path: string): boolean => zip.entries.has(path.toLowerCase());
  const text = (path: string): string => {
    const b = bytesOf(path);
    if (!b) return "";
    return b[0] === 0xff && b[1] === 0xfe ? utf16.decode(b.subarray(2)) : utf8.decode(b);
  };
  /** For the scanners: a byte string when the platform gives a latin1 decoder (and no UTF-16). */
  const scanText = (path: string): { xml: string; bytes: boolean } => {
    const b = bytesOf(path);
    if (!b) return { xml: "", bytes: false };
    if (b[0] === 0xff && b[1] === 0xfe) return { xml: utf16.decode(b.subarray(2)), bytes: false };
    return options.latin1 ? { xml: options.latin1(b), bytes: true } : { xml: utf8.decode(b), bytes: false };
  };
  return { has, text, scanText };
}

function readZip(zip: ZipArchive, options: ReadOptions): AllSheetsResult {
  const parts = partReader(zip, options);
  const office = parts.has("_rels/.rels")
    ? parseRels(parts.text("_rels/.rels")).find((r) => !r.external && /\/officeDocument$/.test(r.type))
    : undefined;
  let wbPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  if (!parts.has(wbPath)) wbPath = "xl/workbook.xml";
  if (!parts.has(wbPath)) return { ok: false, reason: "notSpreadsheet", detail: "no workbook part" };
  const wb = parseWorkbook(parts.text(wbPath));
  const relsPath = relsPathOf(wbPath);
  const rels = parts.has(relsPath) ? parseRels(parts.text(relsPath)) : [];
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type) && !r.external);
  const sstPath = resolveTarget(wbPath, sstRel ? sstRel.target : "sharedStrings.xml");
  let sst: SharedStrings = EMPTY_SST;
  if (parts.has(sstPath)) {
    const p = parts.scanText(sstPath);
    sst = new LazySharedStrings(p.xml, p.bytes);
  }
  const counter = { count: 0, max: options.maxCells ?? DEFAULT_LIMITS.maxCells };
  const sheets: AllSheets["sheets"] = new Map();
  wb.sheets.forEach((s, i) => {
    const r = byId.get(s.relId);
    const path =
      r && !r.external
        ? resolveTarget(wbPath, r.target)
        : resolveTarget(wbPath, `worksheets/sheet${i + 1}.xml`);
    const cells = new Map<string, CellValue>();
    let merges: string[] = [];
    if (parts.has(path)) {
      const p = parts.scanText(path);
      const data = parseSheet(p.xml, sst, counter, { bytes: p.bytes });
      for (const [k, v] of data.cells) cells.set(a1({ row: rowOf(k), col: colOf(k) }), v);
      merges = (data.merges ?? []).map(
        (m) => `${a1({ row: m.r1, col: m.c1 })}:${a1({ row: m.r2, col: m.c2 })}`
      );
    }
    if (!sheets.has(s.name)) sheets.set(s.name, { state: s.state, cells, merges });
  });
  const definedNames = new Map<string, string>();
  for (const d of wb.definedNames) if (d.localSheet === null) definedNames.set(d.name, d.formula);
  return { ok: true, date1904: wb.date1904, sheets, definedNames };
}

export function readAllSheets(bytes: Uint8Array, options: ReadOptions = {}): AllSheetsResult {
  try {
    const s = sniffFile(bytes, { ...DEFAULT_LIMITS, ...options });
    if (s.type === "reject") return { ok: false, reason: s.reason, detail: s.detail };
    if (s.type !== "zip") return { ok: false, reason: "notSpreadsheet", detail: "not a zip" };
    return readZip(s.zip, options);
  } catch (e) {
    const reason = e instanceof ZipError ? e.kind : "corrupt";
    return { ok: false, reason, detail: e instanceof Error ? e.message : String(e) };
  }
}
