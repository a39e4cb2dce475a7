/** Parsers for the few SpreadsheetML parts the reader needs (any namespace prefix, strict or transitional). */
import type { CellValue } from "../validate/cell-value";
import { isoToSerial } from "../validate/dates";
import { parseA1 } from "./refs";
import { attr, attrsOf, decodeEntities, decodeOoxmlEscapes, scanXml } from "./xml";

export interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  relId: string;
  /** Resolved part path (lower-case lookup is done by the caller). */
  path: string | null;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet a local name belongs to; null for workbook-scoped names. */
  localSheet: number | null;
  formula: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  date1904: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function truthy(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: SheetInfo[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let current: { name: string; localSheet: number | null; start: number; end: number; text: string } | null = null;
  scanXml(xml, {
    open(name, raw) {
      if (name === "sheet") {
        const a = attrsOf(raw);
        const st = a.get("state");
        sheets.push({ name: a.get("name") ?? "", state: st === "hidden" ? "hidden" : st === "veryHidden" ? "veryHidden" : "visible", relId: a.get("id") ?? "", path: null });
      } else if (name === "workbookPr") {
        // extensions (x15:workbookPr) repeat the element without the attribute
        const d = attr(raw, "date1904");
        if (d !== undefined) date1904 = truthy(d);
      } else if (name === "definedName") {
        const a = attrsOf(raw);
        const ls = a.get("localSheetId");
        current = { name: a.get("name") ?? "", localSheet: ls !== undefined && /^\d+$/.test(ls) ? Number(ls) : null, start: 0, end: 0, text: "" };
      }
    },
    close(name) {
      if (name === "definedName" && current) {
        definedNames.push({ name: current.name, localSheet: current.localSheet, formula: decodeEntities(current.text) });
        current = null;
      }
    },
    text(x, s, e) {
      if (current) current.text += x.slice(s, e);
    },
  });
  return { sheets, definedNames, date1904 };
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, raw) {
      if (name !== "Relationship") return;
      const a = attrsOf(raw);
      out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" });
    },
    close() {},
  });
  return out;
}

/** Resolve a relationship target against the directory of the part that holds the rels. */
export function resolveTarget(basePart: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  if (t.startsWith("/")) return t.slice(1);
  const dir = basePart.includes("/") ? basePart.slice(0, basePart.lastIndexOf("/") + 1) : "";
  const segs = (dir + t).split("/");
  const out: string[] = [];
  for (const s of segs) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  t = out.join("/");
  return t;
}

/** `_rels/.rels` of `xl/workbook.xml` is `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Shared strings: one string per `<si>`, rich-text runs joined, phonetic runs (`<rPh>`) skipped. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let buf = "";
  scanXml(xml, {
    open(name, _raw, self) {
      if (name === "si") {
        inSi = true;
        buf = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inSi && !phonetic && !self) inT = true;
    },
    close(name) {
      if (name === "si") {
        out.push(decodeOoxmlEscapes(buf));
        inSi = false;
      } else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "t") inT = false;
    },
    text(x, s, e, cdata) {
      if (inT) buf += cdata ? x.slice(s, e) : decodeEntities(x.slice(s, e));
    },
  });
  return out;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetData {
  /** Cells by key(row, col). Blank styled cells are not stored. */
  cells: Map<number, CellValue>;
  merges: Range[];
}

export const key = (row: number, col: number): number => row * 16384 + (col - 1);
export const rowOf = (k: number): number => Math.floor(k / 16384);
export const colOf = (k: number): number => (k % 16384) + 1;

export class CellCapError extends Error {
  constructor(readonly cap: number) {
    super(`more than ${cap} cells`);
    this.name = "CellCapError";
  }
}

export interface CellCounter {
  count: number;
  max: number;
}

const EPOCH_MS = Date.UTC(1899, 11, 30);

function uncomputedOf(rawFormula: string): CellValue {
  return { type: "uncomputed", formula: decodeEntities(rawFormula) };
}

function dateCellToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (m) {
    const day = isoToSerial(`${m[1]}-${m[2]}-${m[3]}`);
    const frac = m[4] ? (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400 : 0;
    return day + frac;
  }
  const t = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text.trim());
  if (t) return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86400;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? (ms - EPOCH_MS) / 86_400_000 : null;
}

/**
 * One worksheet: values of every non-blank cell, merged ranges. Counts every `<c>` against the
 * cell cap (throws CellCapError). Formulas without a cached value become "uncomputed".
 */
export function parseSheet(xml: string, sst: readonly string[], counter: CellCounter): SheetData {
  const cells = new Map<number, CellValue>();
  const merges: Range[] = [];
  const sharedFormulas = new Map<string, string>();
  let row = 0;
  let col = 0;
  // current cell
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType = "";
  let v: string | null = null;
  let f: string | null = null;
  let fShared: string | null = null;
  let inline: string | null = null;
  // capture state: 0 none, 1 <v>, 2 <f>, 3 <is><t>
  let capture = 0;
  let inIs = false;
  let phonetic = 0;
  let buf = "";

  const finish = (): void => {
    let value: CellValue | null = null;
    const vs = v;
    let formula = f;
    if (formula === "" && fShared !== null) formula = sharedFormulas.get(fShared) ?? "";
    const raw = formula ?? "";
    switch (cType) {
      case "s": {
        if (vs !== null && vs.trim() !== "") {
          const idx = Number(vs);
          const s = Number.isInteger(idx) && idx >= 0 && idx < sst.length ? sst[idx] : undefined;
          value = s === undefined ? { type: "error", code: "#REF!" } : s === "" ? null : { type: "text", text: s };
        }
        break;
      }
      case "inlineStr":
        if (inline !== null && inline !== "") value = { type: "text", text: decodeOoxmlEscapes(inline) };
        else if (vs !== null && vs !== "") value = { type: "text", text: decodeOoxmlEscapes(vs) };
        break;
      case "str":
        if (vs === null) value = formula !== null ? uncomputedOf(raw) : null;
        else value = vs === "" ? null : { type: "text", text: decodeOoxmlEscapes(vs) };
        break;
      case "b":
        if (vs !== null && vs.trim() !== "") value = { type: "boolean", value: vs.trim() === "1" || vs.trim().toLowerCase() === "true" };
        else if (formula !== null) value = uncomputedOf(raw);
        break;
      case "e":
        if (vs !== null && vs.trim() !== "") value = { type: "error", code: vs.trim() };
        else if (formula !== null) value = uncomputedOf(raw);
        break;
      case "d": {
        if (vs !== null && vs.trim() !== "") {
          const serial = dateCellToSerial(vs);
          value = serial === null ? { type: "text", text: vs } : { type: "number", value: serial };
        } else if (formula !== null) value = uncomputedOf(raw);
        break;
      }
      default: {
        if (vs !== null && vs.trim() !== "") {
          const n = Number(vs.trim());
          value = Number.isFinite(n) ? { type: "number", value: n } : { type: "text", text: vs };
        } else if (formula !== null) value = uncomputedOf(raw);
      }
    }
    if (value) cells.set(key(cRow, cCol), value);
  };

  scanXml(xml, {
    open(name, raw, self) {
      switch (name) {
        case "row": {
          const r = attr(raw, "r");
          row = r && /^\d+$/.test(r) ? Number(r) : row + 1;
          col = 0;
          return;
        }
        case "c": {
          if (++counter.count > counter.max) throw new CellCapError(counter.max);
          const r = attr(raw, "r");
          const pos = r ? parseA1(r) : null;
          if (pos) {
            cRow = pos.row;
            cCol = pos.col;
            row = pos.row;
          } else {
            cRow = row || 1;
            cCol = col + 1;
          }
          col = cCol;
          cType = attr(raw, "t") ?? "n";
          v = null;
          f = null;
          fShared = null;
          inline = null;
          inCell = !self;
          return;
        }
        case "v":
          if (inCell) {
            if (self) v = "";
            else {
              capture = 1;
              buf = "";
            }
          }
          return;
        case "f":
          if (inCell) {
            const t = attr(raw, "t");
            const si = t === "shared" ? attr(raw, "si") ?? null : null;
            fShared = si;
            if (self) {
              f = "";
            } else {
              capture = 2;
              buf = "";
            }
          }
          return;
        case "is":
          if (inCell) {
            inIs = true;
            inline = "";
          }
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (inIs && !phonetic && !self) {
            capture = 3;
            buf = "";
          }
          return;
        case "mergeCell": {
          const ref = attr(raw, "ref");
          if (ref) {
            const [a, b] = ref.split(":");
            const p1 = parseA1(a);
            const p2 = b ? parseA1(b) : p1;
            if (p1 && p2) merges.push({ r1: Math.min(p1.row, p2.row), c1: Math.min(p1.col, p2.col), r2: Math.max(p1.row, p2.row), c2: Math.max(p1.col, p2.col) });
          }
          return;
        }
        default:
          return;
      }
    },
    close(name) {
      switch (name) {
        case "v":
          if (capture === 1) {
            v = buf;
            capture = 0;
          }
          return;
        case "f":
          if (capture === 2) {
            f = buf;
            if (fShared !== null && buf !== "") sharedFormulas.set(fShared, buf);
            capture = 0;
          }
          return;
        case "t":
          if (capture === 3) {
            inline = (inline ?? "") + buf;
            capture = 0;
          }
          return;
        case "rPh":
          phonetic = Math.max(0, phonetic - 1);
          return;
        case "is":
          inIs = false;
          return;
        case "c":
          if (inCell) finish();
          inCell = false;
          inIs = false;
          capture = 0;
          return;
        default:
          return;
      }
    },
    text(x, s, e, cdata) {
      // formulas are kept raw (decoded only when one has no cached value)
      if (capture) buf += cdata || capture === 2 ? x.slice(s, e) : decodeEntities(x.slice(s, e));
    },
  });
  return { cells, merges };
}

/** The value at a position, following a merged range to its top-left cell. */
export function valueAt(sheet: SheetData, row: number, col: number): { value: CellValue | undefined; row: number; col: number } {
  const direct = sheet.cells.get(key(row, col));
  if (direct !== undefined) return { value: direct, row, col };
  for (const m of sheet.merges) {
    if (row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2 && (row !== m.r1 || col !== m.c1)) {
      return { value: sheet.cells.get(key(m.r1, m.c1)), row: m.r1, col: m.c1 };
    }
  }
  return { value: undefined, row, col };
}
