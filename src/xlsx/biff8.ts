/**
 * The .xls reader (Excel 97–2003, BIFF8): the OLE2 "Workbook" stream (cfb.ts) parsed into a
 * LoadedWorkbook. Reads what a report needs and nothing else: sheets (name, visibility, type),
 * the shared strings, cell values (numbers, RK, strings, booleans, errors, formula results),
 * merged ranges, the 1904 date flag, and defined names resolved to A1 references.
 *
 * Formulas: BIFF8 keeps every formula's last result next to it, and Excel, LibreOffice, WPS and
 * Gnumeric all write it, so a FORMULA record gives its cached value (no "uncomputed" state). Only
 * a string result whose STRING record is missing (a damaged file) is read as "uncomputed".
 *
 * Untrusted input: record lengths are bounds-checked, the cell cap is counted over the whole
 * file, declared counts (SST, EXTERNSHEET, MERGECELLS) never size an allocation.
 */
import type { CellValue } from "../workbook/cell-value";
import { corrupt, Cursor, Records, type Rec } from "./biff-records";
import { nameRefOf, type ExternSheet, type Supbook } from "./biff-names";
import { readCfbStream } from "./cfb-stream";
import {
  MAX_SHEETS,
  type LoadLimits,
  type LoadedName,
  type LoadedSheet,
  type LoadedWorkbook,
} from "./loaded-workbook";
import { CellCapError, type CellCounter } from "./ooxml";
import { key, type Range, type SheetData } from "../workbook/sheet-data";
import { ReportReject } from "./report-reject";

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const DATEMODE = 0x0022;
const EXTERNSHEET = 0x0017;
const SUPBOOK = 0x01ae;
const NAME = 0x0018;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MERGECELLS = 0x00e5;
const WSBOOL = 0x0081;

/** BIFF8 worksheets have 256 columns (A–IV). */
const MAX_COL = 255;

const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const errorOf = (code: number): CellValue => ({ type: "error", code: ERRORS[code] ?? "#N/A" });

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => u16(b, o) + u16(b, o + 2) * 0x10000;

function f64(b: Uint8Array, o: number): number {
  return new DataView(b.buffer, b.byteOffset + o, 8).getFloat64(0, true);
}

/** A finite number, or #NUM! for the NaN/infinity no spreadsheet writes. */
function numberValue(n: number): CellValue {
  return Number.isFinite(n) ? { type: "number", value: n } : { type: "error", code: "#NUM!" };
}

/** RK: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
export function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = (rk | 0) >> 2;
  else {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(4, rk & 0xfffffffc, true);
    v = dv.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

interface SheetEntry {
  name: string;
  state: number;
  /** 0 worksheet or dialog, 1 macro sheet, 2 chart, 6 VBA module. */
  dt: number;
  pos: number;
}

interface Globals {
  sheets: SheetEntry[];
  sst: string[];
  date1904: boolean;
  externs: ExternSheet[];
  supbooks: Supbook[];
  rawNames: Rec[];
}

/** The workbook in an .xls file. Throws ReportReject (corrupt, encrypted, old "xls"…) or CellCapError. */
export function readXls(bytes: Uint8Array, limits: LoadLimits): LoadedWorkbook {
  const stream = readCfbStream(bytes, "Workbook", limits.maxUncompressedBytes);
  if (!stream) {
    if (readCfbStream(bytes, "Book", limits.maxUncompressedBytes))
      throw oldXls("BIFF5 Book stream", "Excel 5.0/95");
    // (the sniffer saw a Workbook entry, or this would not be called: a damaged directory)
    throw corrupt("no readable Workbook stream");
  }
  return parseWorkbookStream(stream, limits);
}

/** The "Workbook" stream: the globals substream, then one substream per sheet. */
export function parseWorkbookStream(stream: Uint8Array, limits: LoadLimits): LoadedWorkbook {
  const recs = new Records(stream);
  checkBof(recs.next());
  const g = readGlobals(recs);
  if (g.sheets.length > MAX_SHEETS) throw new ReportReject("tooManyCells", `${g.sheets.length} sheets`);
  const sheets: LoadedSheet[] = g.sheets.map((s) => ({ name: s.name, visible: s.state === 0, data: null }));
  const byOffset = new Map(g.sheets.map((s, i) => [s.pos, i]));
  const seen = new Set<number>();
  const counter: CellCounter = { count: 0, max: limits.maxCells };
  let order = 0;
  for (let r = recs.next(); r; r = recs.next()) {
    if (r.type !== BOF) continue;
    let idx = byOffset.get(r.at);
    if (idx === undefined || seen.has(idx)) {
      while (seen.has(order)) order++;
      idx = order;
    }
    seen.add(idx);
    const dt = r.segs[0].length >= 4 ? u16(r.segs[0], 2) : 0;
    const entry = g.sheets[idx];
    const isWorksheet = dt === 0x0010 && entry?.dt === 0;
    const data = readSubstream(recs, isWorksheet, counter, g.sst);
    if (entry && isWorksheet) sheets[idx].data = data;
  }
  if (recs.truncated) throw corrupt("the Workbook stream is cut short");
  const lost = g.sheets.findIndex((s, i) => s.dt === 0 && !seen.has(i));
  if (lost >= 0) throw corrupt(`sheet "${g.sheets[lost].name}" has no substream`);
  const names = g.rawNames
    .map((r) => loadedName(r, g, sheets.length))
    .filter((n): n is LoadedName => n !== null);
  return { format: "xls", sheets, names, date1904: g.date1904 };
}

/** An .xls older than Excel 97: refused with "save as .xlsx" (the message names the version). */
function oldXls(detail: string, version: string): ReportReject {
  return new ReportReject("xls", detail, { xlsVersion: version });
}

function checkBof(r: Rec | null): void {
  if (!r) throw corrupt("empty Workbook stream");
  const d = r.segs[0];
  if (r.type === 0x0009 || r.type === 0x0209 || r.type === 0x0409)
    throw oldXls(`BIFF${(r.type >> 8) + 2} BOF`, "Excel 2.x–4.0");
  if (r.type !== BOF || d.length < 4) throw corrupt("the Workbook stream does not start with BOF");
  const version = u16(d, 0);
  if (version === 0x0500) throw oldXls("BIFF5 BOF", "Excel 5.0/95");
  if (version !== 0x0600) throw corrupt(`BOF version 0x${version.toString(16)}`);
  if (u16(d, 2) !== 0x0005) throw corrupt("the first substream is not the workbook globals");
}

function readGlobals(recs: Records): Globals {
  const g: Globals = { sheets: [], sst: [], date1904: false, externs: [], supbooks: [], rawNames: [] };
  for (;;) {
    const r = recs.next();
    if (!r) throw corrupt("the workbook globals end before their EOF");
    const d = r.segs[0];
    switch (r.type) {
      case EOF:
        return g;
      case FILEPASS:
        throw new ReportReject("encrypted", "BIFF8 FILEPASS (password to open)");
      case BOUNDSHEET: {
        const c = new Cursor(r.segs);
        const pos = c.u32();
        const state = c.u8() & 3;
        const dt = c.u8();
        g.sheets.push({ pos, state, dt, name: c.shortString() });
        if (g.sheets.length > MAX_SHEETS) throw new ReportReject("tooManyCells", "too many sheets");
        break;
      }
      case SST:
        g.sst = readSst(r);
        break;
      case DATEMODE:
        g.date1904 = d.length >= 2 && u16(d, 0) === 1;
        break;
      case SUPBOOK:
        g.supbooks.push(d.length >= 4 && u16(d, 2) === 0x0401 ? "self" : "other");
        break;
      case EXTERNSHEET: {
        const c = new Cursor(r.segs);
        const n = c.u16();
        for (let i = 0; i < n && c.left() >= 6; i++)
          g.externs.push({ book: c.u16(), first: c.u16(), last: c.u16() });
        break;
      }
      case NAME:
        g.rawNames.push(r);
        break;
      default:
        break;
    }
  }
}

/**
 * The shared-string table: XLUnicodeRichExtendedString × cstUnique, across CONTINUE records
 * (rich-text runs and phonetic data skipped). The declared count only bounds the loop.
 */
function readSst(r: Rec): string[] {
  const c = new Cursor(r.segs);
  c.skip(4); // cstTotal
  const unique = c.u32();
  const out: string[] = [];
  while (out.length < unique && c.left() > 0) {
    const cch = c.u16();
    const flags = c.u8();
    const runs = flags & 0x08 ? c.u16() : 0;
    const ext = flags & 0x04 ? c.u32() : 0;
    out.push(c.chars(cch, (flags & 1) === 1));
    c.skip(Math.min(runs * 4 + ext, c.left()));
  }
  return out;
}

/** A sheet's substream, from after its BOF to its EOF (embedded chart substreams passed over). */
function readSubstream(
  recs: Records,
  isWorksheet: boolean,
  counter: CellCounter,
  sst: readonly string[]
): SheetData | null {
  const cells = new Map<number, CellValue>();
  const merges: Range[] = [];
  const put = (row: number, col: number, v: CellValue | null): void => {
    if (col > MAX_COL) throw corrupt(`a cell in column ${col + 1}, beyond IV`);
    if (v === null) return;
    if (++counter.count > counter.max) throw new CellCapError(counter.max);
    cells.set(key(row + 1, col + 1), v);
  };
  let pending: { row: number; col: number } | null = null;
  let dialog = false;
  let depth = 1;
  for (;;) {
    const r = recs.next();
    if (!r) throw corrupt("a sheet ends before its EOF");
    if (r.type === BOF) depth++;
    else if (r.type === EOF && --depth === 0) break;
    if (depth > 1 || !isWorksheet) continue;
    if (pending && r.type !== STRING && isCell(r.type)) {
      // a string result without its STRING record
      put(pending.row, pending.col, { type: "uncomputed", formula: "" });
      pending = null;
    }
    if (r.type === WSBOOL) dialog = (r.segs[0][0] & 0x10) !== 0;
    else if (r.type === MERGECELLS) readMerges(r.segs[0], merges, counter);
    else if (r.type === STRING) {
      if (pending) {
        const text = new Cursor(r.segs).unicodeString();
        put(pending.row, pending.col, text === "" ? null : { type: "text", text });
      }
      pending = null;
    } else if (r.type === FORMULA) pending = readFormula(r.segs[0], put);
    else readCell(r, put, sst);
  }
  if (pending) put(pending.row, pending.col, { type: "uncomputed", formula: "" });
  return isWorksheet && !dialog ? { cells, merges } : null;
}

const CELL_TYPES = new Set([LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA, 0x0201, 0x00be]);
const isCell = (t: number): boolean => CELL_TYPES.has(t);

type Put = (row: number, col: number, v: CellValue | null) => void;

function need(d: Uint8Array, n: number, what: string): void {
  if (d.length < n) throw corrupt(`${what} record too short`);
}

/** Value cells other than FORMULA/STRING. */
function readCell(r: Rec, put: Put, sst: readonly string[]): void {
  const d = r.segs[0];
  switch (r.type) {
    case LABELSST: {
      need(d, 10, "LABELSST");
      const s = sst[u32(d, 6)];
      put(
        u16(d, 0),
        u16(d, 2),
        s === undefined ? { type: "error", code: "#REF!" } : s ? { type: "text", text: s } : null
      );
      return;
    }
    case LABEL:
    case RSTRING: {
      need(d, 9, "LABEL");
      const text = new Cursor(r.segs, 6).unicodeString();
      put(u16(d, 0), u16(d, 2), text ? { type: "text", text } : null);
      return;
    }
    case NUMBER:
      need(d, 14, "NUMBER");
      put(u16(d, 0), u16(d, 2), numberValue(f64(d, 6)));
      return;
    case RK:
      need(d, 10, "RK");
      put(u16(d, 0), u16(d, 2), numberValue(rkValue(u32(d, 6))));
      return;
    case MULRK:
      readMulRk(d, put);
      return;
    case BOOLERR:
      need(d, 8, "BOOLERR");
      put(u16(d, 0), u16(d, 2), d[7] ? errorOf(d[6]) : { type: "boolean", value: d[6] !== 0 });
      return;
    default:
      return;
  }
}

/** MULRK: a row's run of RK values; the column range must match the record's length. */
function readMulRk(d: Uint8Array, put: Put): void {
  need(d, 12, "MULRK");
  const n = (d.length - 6) / 6;
  const first = u16(d, 2);
  const last = u16(d, d.length - 2);
  if (!Number.isInteger(n) || last !== first + n - 1 || last > MAX_COL)
    throw corrupt(`MULRK columns ${first}–${last} do not match its ${n} values`);
  const row = u16(d, 0);
  for (let i = 0; i < n; i++) put(row, first + i, numberValue(rkValue(u32(d, 4 + i * 6 + 2))));
}

/** FORMULA: its cached result now, or the cell to give the next STRING record's text to. */
function readFormula(d: Uint8Array, put: Put): { row: number; col: number } | null {
  need(d, 20, "FORMULA");
  const row = u16(d, 0);
  const col = u16(d, 2);
  if (d[12] !== 0xff || d[13] !== 0xff) {
    put(row, col, numberValue(f64(d, 6)));
    return null;
  }
  switch (d[6]) {
    case 0:
      return { row, col }; // a string: in the STRING record that follows
    case 1:
      put(row, col, { type: "boolean", value: d[8] !== 0 });
      return null;
    case 2:
      put(row, col, errorOf(d[8]));
      return null;
    default:
      return null; // 3: an empty string
  }
}

function readMerges(d: Uint8Array, merges: Range[], counter: CellCounter): void {
  if (d.length < 2) return;
  const n = Math.min(u16(d, 0), Math.floor((d.length - 2) / 8));
  for (let i = 0; i < n; i++) {
    const o = 2 + i * 8;
    const r1 = u16(d, o);
    const r2 = u16(d, o + 2);
    const c1 = u16(d, o + 4);
    const c2 = u16(d, o + 6);
    if (r2 < r1 || c2 < c1 || c2 > MAX_COL) continue;
    if (++counter.count > counter.max) throw new CellCapError(counter.max);
    merges.push({ r1: r1 + 1, c1: c1 + 1, r2: r2 + 1, c2: c2 + 1 });
  }
}

/** A NAME record as a LoadedName; null for built-in names (Print_Area…) and unreadable records. */
function loadedName(r: Rec, g: Globals, sheetCount: number): LoadedName | null {
  try {
    const c = new Cursor(r.segs);
    const flags = c.u16();
    c.skip(1); // keyboard shortcut
    const cch = c.u8();
    const cce = c.u16();
    c.skip(2);
    const itab = c.u16();
    c.skip(4);
    if (flags & 0x0020 || cch === 0) return null; // fBuiltin
    const name = c.chars(cch, (c.u8() & 1) === 1);
    const rgce = c.bytes(Math.min(cce, c.left()));
    const ref = cce > rgce.length ? "=?" : nameRefOf(rgce, g.externs, g.supbooks, g.sheets);
    if (itab > sheetCount) return null; // scoped to a sheet that does not exist
    return { name, ref, localSheet: itab > 0 ? itab - 1 : null };
  } catch (e) {
    if (e instanceof ReportReject) return null;
    throw e;
  }
}
