/** Parsers for the few SpreadsheetML parts the reader needs (any namespace prefix, strict or transitional). */
import type { CellValue } from "../workbook/cell-value";
import { parseA1 } from "../workbook/address";
import { dateCell, numericCell } from "../workbook/numbers";
import { key, type Range, type SheetData } from "../workbook/sheet-data";
import {
  attr,
  attrsOf,
  decodeEntities,
  decodeOoxmlEscapes,
  endOfStartTag,
  localName,
  scanXml,
  skipMarkup,
  SKIP,
  STOP,
  utf8FromBytes,
  XmlError,
  type OpenAction,
  type XmlHandler,
} from "./xml";

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

/** A workbook part listing more sheets or defined names than the caps allow. */
export class WorkbookCapError extends Error {
  constructor(
    readonly what: "sheets" | "names",
    readonly cap: number
  ) {
    super(`more than ${cap} ${what}`);
    this.name = "WorkbookCapError";
  }
}

/** Most sheets and defined names a workbook part may list (parseWorkbook throws WorkbookCapError past them). */
export interface WorkbookCaps {
  maxSheets: number;
  maxNames: number;
}

export function parseWorkbook(
  xml: string,
  caps: WorkbookCaps = { maxSheets: Infinity, maxNames: Infinity }
): WorkbookInfo {
  const sheets: SheetInfo[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let current: { name: string; localSheet: number | null; start: number; end: number; text: string } | null =
    null;
  scanXml(xml, {
    open(name, raw) {
      if (name === "sheet") {
        if (sheets.length >= caps.maxSheets) throw new WorkbookCapError("sheets", caps.maxSheets);
        const a = attrsOf(raw);
        const st = a.get("state");
        sheets.push({
          name: a.get("name") ?? "",
          state: st === "hidden" ? "hidden" : st === "veryHidden" ? "veryHidden" : "visible",
          relId: a.get("id") ?? "",
          path: null,
        });
      } else if (name === "workbookPr") {
        // extensions (x15:workbookPr) repeat the element without the attribute
        const d = attr(raw, "date1904");
        if (d !== undefined) date1904 = truthy(d);
      } else if (name === "definedName") {
        if (definedNames.length >= caps.maxNames) throw new WorkbookCapError("names", caps.maxNames);
        const a = attrsOf(raw);
        const ls = a.get("localSheetId");
        current = {
          name: a.get("name") ?? "",
          localSheet: ls !== undefined && /^\d+$/.test(ls) ? Number(ls) : null,
          start: 0,
          end: 0,
          text: "",
        };
      }
    },
    close(name) {
      if (name === "definedName" && current) {
        definedNames.push({
          name: current.name,
          localSheet: current.localSheet,
          formula: decodeEntities(current.text),
        });
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
      out.push({
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: a.get("Target") ?? "",
        external: a.get("TargetMode") === "External",
      });
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

/** Shared strings by index (undefined past the end). */
export interface SharedStrings {
  get(index: number): string | undefined;
}

/** Shared strings: one string per `<si>`, rich-text runs joined, phonetic runs (`<rPh>`) skipped. */
export function parseSharedStrings(xml: string): string[] {
  const sst = new LazySharedStrings(xml);
  const out: string[] = [];
  for (let s = sst.get(0); s !== undefined; s = sst.get(out.length)) out.push(s);
  return out;
}

export const EMPTY_SST: SharedStrings = { get: () => undefined };

/** The end tag of an `<si>`, any namespace prefix. */
const SI_END = /<\/(?:[A-Za-z_][\w.-]*:)?si\s*>/g;
const SI_MEMO = new Map<string, string>();
const SI_MEMO_LIMIT = 4096;
const SI_MEMO_SPAN = 1024;

/**
 * The shared-string table, decoded only as far as it is used: the `<si>` start offsets are
 * indexed up to the highest index asked for (each `<si>` passed over with SKIP), and a string
 * is decoded the first time it is asked for. A report needs a few dozen of hundreds of strings.
 */
export class LazySharedStrings implements SharedStrings {
  /** Offset just after each `<si>` start tag; -1 for `<si/>`. */
  private readonly starts: number[] = [];
  private pos = 0;
  private done = false;
  private readonly cache = new Map<number, string>();

  /** `bytes`: the part is a byte string (ReadOptions.latin1); texts are UTF-8-decoded when taken. */
  constructor(
    private readonly xml: string,
    private readonly bytes = false
  ) {}

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0) return undefined;
    const hit = this.cache.get(index);
    if (hit !== undefined) return hit;
    if (index >= this.starts.length && !this.done) this.indexUpTo(index);
    if (index >= this.starts.length) return undefined;
    const s = this.decode(this.starts[index]);
    this.cache.set(index, s);
    return s;
  }

  private indexUpTo(index: number): void {
    const starts = this.starts;
    const end = scanXml(
      this.xml,
      {
        open(name, _raw, self, after): OpenAction {
          if (name !== "si") return undefined;
          starts.push(self ? -1 : after);
          if (starts.length > index) return STOP;
          return SKIP;
        },
        close() {},
      },
      this.pos
    );
    this.pos = end;
    if (end >= this.xml.length) this.done = true;
  }

  /**
   * One `<si>`'s text. Every returned report of a form repeats the template's labels, so a
   * string's decoded text is remembered across files by its raw XML (bounded; spans holding
   * CDATA or comments, whose end cannot be found by a search, are never remembered).
   */
  private decode(start: number): string {
    if (start < 0) return "";
    SI_END.lastIndex = start;
    const m = SI_END.exec(this.xml);
    const raw = m && m.index - start <= SI_MEMO_SPAN ? this.xml.slice(start, m.index) : null;
    const key = raw !== null && !raw.includes("<!") ? `${this.bytes ? "b" : "s"}${raw}` : null;
    const hit = key === null ? undefined : SI_MEMO.get(key);
    if (hit !== undefined) return hit;
    const s = this.decodeSpan(start);
    if (key !== null) {
      if (SI_MEMO.size >= SI_MEMO_LIMIT) SI_MEMO.clear();
      SI_MEMO.set(key, s);
    }
    return s;
  }

  private decodeSpan(start: number): string {
    let inT = false;
    let phonetic = 0;
    let buf = "";
    let closed = false;
    const fix = this.bytes ? utf8FromBytes : (x: string): string => x;
    scanXml(
      this.xml,
      {
        open(name, _raw, self): OpenAction {
          if (closed) return STOP;
          if (name === "rPh") phonetic++;
          else if (name === "t" && !phonetic && !self) inT = true;
          return undefined;
        },
        close(name) {
          if (name === "si") closed = true;
          else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
          else if (name === "t") inT = false;
        },
        text(x, s, e, cdata) {
          if (inT && !closed) buf += cdata ? fix(x.slice(s, e)) : decodeEntities(fix(x.slice(s, e)));
        },
      },
      start
    );
    return decodeOoxmlEscapes(buf);
  }
}

export class CellCapError extends Error {
  constructor(
    readonly cap: number,
    /**
     * "cells": cells in the file's parts; "visits": cells met over all the scans of the file;
     * "values": non-blank values kept in memory.
     */
    readonly what: "cells" | "visits" | "values" = "cells"
  ) {
    super(
      `more than ${cap} ${what === "cells" ? "cells" : what === "visits" ? "cells scanned" : "values kept"}`
    );
    this.name = "CellCapError";
  }
}

/**
 * Cells counted against the caps. `count`/`max`: the caller may rewind `count` when a scan meets
 * cells already counted. Optional, never rewound: `visits`/`maxVisits`, every cell met by any scan
 * (the work actually done on the file); `values`/`maxValues`, every non-blank value stored (the
 * memory the file takes).
 */
export interface CellCounter {
  count: number;
  max: number;
  visits?: number;
  maxVisits?: number;
  values?: number;
  maxValues?: number;
}

/** One value stored. */
function keep(counter: CellCounter): void {
  if (counter.maxValues !== undefined) {
    counter.values = (counter.values ?? 0) + 1;
    if (counter.values > counter.maxValues) throw new CellCapError(counter.maxValues, "values");
  }
}

/** One `<c>` met: count it against both caps. */
function tick(counter: CellCounter): void {
  if (++counter.count > counter.max) throw new CellCapError(counter.max);
  if (counter.maxVisits !== undefined) {
    counter.visits = (counter.visits ?? 0) + 1;
    if (counter.visits > counter.maxVisits) throw new CellCapError(counter.maxVisits, "visits");
  }
}

/** A boolean cell stores 0 or 1 (some writers: true / false); anything else is not a boolean. */
function booleanCell(v: string): CellValue {
  const t = v.trim().toLowerCase();
  if (t === "1" || t === "true") return { type: "boolean", value: true };
  if (t === "0" || t === "false") return { type: "boolean", value: false };
  return { type: "invalid", raw: v };
}

/** A shared-string cell: its `<v>` is an index, digits only (Number() would also take "0x1f", "1e1", " 3 "). */
function sharedStringCell(v: string, sst: SharedStrings): CellValue | null {
  if (!/^\d{1,10}$/.test(v)) return { type: "invalid", raw: v };
  const s = sst.get(Number(v));
  return s === undefined ? { type: "error", code: "#REF!" } : s === "" ? null : { type: "text", text: s };
}

function uncomputedOf(rawFormula: string): CellValue {
  return { type: "uncomputed", formula: decodeEntities(rawFormula) };
}

/** What part of a worksheet to read. */
export interface SheetScan {
  /** Only cells it accepts are read and stored; the others are counted and passed over cheaply. */
  want?: (row: number, col: number) => boolean;
  /** Asked at each `<row>` (its number, the cells read so far); true ends the scan there (rows come in ascending order). */
  stopAtRow?: (row: number, cells: ReadonlyMap<number, CellValue>) => boolean;
  /** The part is a byte string (one char per byte, see ReadOptions.latin1): texts are UTF-8-decoded as they are taken. */
  bytes?: boolean;
}

/** The text between `open` and `close` at `from` when it holds no markup, and where it ends. */
function plainInner(xml: string, open: string, close: string, from: number): [string, number] | null {
  if (!xml.startsWith(open, from)) return null;
  const e = xml.indexOf(close, from + open.length);
  if (e < 0) return null;
  const text = xml.slice(from + open.length, e);
  return text.includes("<") ? null : [text, e + close.length];
}

const PRESERVED_T = '<is><t xml:space="preserve">';

/**
 * The common shapes of a cell, read without the tokenizer: `<c r="D14" s="3" t="s"><v>5</v></c>`,
 * `<c r="D14" s="3"/>`, `<c …></c>` and `<c … t="inlineStr"><is><t>text</t></is></c>` (plain
 * attributes separated by single spaces). Anything else — a formula, rich text, a prefix, other
 * whitespace, quotes of another kind, CDATA — returns null and the full handler reads the cell.
 */
function plainCell(
  xml: string,
  nameEnd: number
): { type: string; v: string | null; inline: string | null; end: number } | null {
  // One pass over the start tag: plain attributes only, and where ` t="` starts.
  let quotes = 0;
  let t = -1;
  let gt = nameEnd;
  for (; gt < xml.length; gt++) {
    const c = xml.charCodeAt(gt);
    if (c === 62 /* > */) break;
    if (c === 34 /* " */) quotes++;
    else if (c === 60 || c === 39 || c === 9 || c === 10 || c === 13)
      return null; // < ' tab LF CR
    else if (c === 32 && xml.charCodeAt(gt + 1) === 32) return null;
    else if (
      c === 116 /* t */ &&
      quotes % 2 === 0 &&
      xml.charCodeAt(gt - 1) === 32 &&
      xml.startsWith('="', gt + 1)
    )
      t = gt + 3;
  }
  if (gt >= xml.length || quotes % 2 !== 0) return null;
  const type = t < 0 ? "n" : xml.slice(t, xml.indexOf('"', t));
  if (xml.charCodeAt(gt - 1) === 47 /* / */) return { type, v: null, inline: null, end: gt + 1 };
  if (xml.startsWith("</c>", gt + 1)) return { type, v: null, inline: null, end: gt + 5 };
  if (type === "inlineStr") {
    const tx =
      plainInner(xml, "<is><t>", "</t></is>", gt + 1) ?? plainInner(xml, PRESERVED_T, "</t></is>", gt + 1);
    return tx && xml.startsWith("</c>", tx[1]) ? { type, v: null, inline: tx[0], end: tx[1] + 4 } : null;
  }
  const v = plainInner(xml, "<v>", "</v>", gt + 1);
  return v && xml.startsWith("</c>", v[1]) ? { type, v: v[0], inline: null, end: v[1] + 4 } : null;
}

/** isNameEnd of xml.ts, local: the lane calls it for every character of a tag name. */
function nameEnds(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 62 || c === 47;
}

/**
 * One worksheet: values of the non-blank cells (all, or those `scan.want` accepts), merged
 * ranges. Counts every `<c>` it meets against the cell cap (throws CellCapError). Formulas
 * without a cached value become "uncomputed".
 */
export function parseSheet(
  xml: string,
  sstIn: SharedStrings | readonly string[],
  counter: CellCounter,
  scan: SheetScan = {}
): SheetData {
  const sst: SharedStrings = Array.isArray(sstIn)
    ? { get: (i: number) => (sstIn as readonly string[])[i] }
    : (sstIn as SharedStrings);
  const want = scan.want;
  const stopAtRow = scan.stopAtRow;
  const fix = scan.bytes ? utf8FromBytes : (x: string): string => x;
  const cells = new Map<number, CellValue>();
  const merges: Range[] = [];
  let partialFormulas = false;
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
    const formula = f;
    let raw = formula ?? "";
    let missingMaster = false;
    if (formula === "" && fShared !== null) {
      const master = sharedFormulas.get(fShared);
      if (master !== undefined) raw = master;
      else missingMaster = want !== undefined;
    }
    switch (cType) {
      case "s":
        if (vs !== null && vs.trim() !== "") value = sharedStringCell(vs, sst);
        break;
      case "inlineStr":
        if (inline !== null && inline !== "") value = { type: "text", text: decodeOoxmlEscapes(inline) };
        else if (vs !== null && vs !== "") value = { type: "text", text: decodeOoxmlEscapes(vs) };
        break;
      case "str":
        if (vs === null) value = formula !== null ? uncomputedOf(raw) : null;
        else value = vs === "" ? null : { type: "text", text: decodeOoxmlEscapes(vs) };
        break;
      case "b":
        if (vs !== null && vs.trim() !== "") value = booleanCell(vs);
        else if (formula !== null) value = uncomputedOf(raw);
        break;
      case "e":
        if (vs !== null && vs.trim() !== "") value = { type: "error", code: vs.trim() };
        else if (formula !== null) value = uncomputedOf(raw);
        break;
      case "d": {
        if (vs !== null && vs.trim() !== "") value = dateCell(vs);
        else if (formula !== null) value = uncomputedOf(raw);
        break;
      }
      default: {
        // Only the numeric grammar is a number ("0x10", "Infinity", " 12 " are not: numbers.ts).
        if (vs !== null && vs.trim() !== "") value = numericCell(vs);
        else if (formula !== null) value = uncomputedOf(raw);
      }
    }
    if (value) {
      keep(counter);
      cells.set(key(cRow, cCol), value);
    }
    if (missingMaster && value?.type === "uncomputed") partialFormulas = true;
  };

  const mergeCell = (raw: string): void => {
    const ref = attr(raw, "ref");
    if (ref) {
      const [a, b] = ref.split(":");
      const p1 = parseA1(a);
      const p2 = b ? parseA1(b) : p1;
      if (p1 && p2)
        merges.push({
          r1: Math.min(p1.row, p2.row),
          c1: Math.min(p1.col, p2.col),
          r2: Math.max(p1.row, p2.row),
          c2: Math.max(p1.col, p2.col),
        });
    }
  };
  // One cell at a time (filtered scan): the handler stops after the cell's end tag.
  let single = false;

  const handler: XmlHandler = {
    open(name, raw, self): OpenAction {
      switch (name) {
        case "row": {
          const r = attr(raw, "r");
          row = r && /^\d+$/.test(r) ? Number(r) : row + 1;
          col = 0;
          if (stopAtRow?.(row, cells)) return STOP;
          return undefined;
        }
        case "c": {
          tick(counter);
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
          if (want && !want(cRow, cCol)) {
            inCell = false;
            return self ? undefined : SKIP;
          }
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
            const si = t === "shared" ? (attr(raw, "si") ?? null) : null;
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
        case "mergeCell":
          mergeCell(raw);
          return;
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
          return single ? STOP : undefined;
        default:
          return;
      }
    },
    text(x, s, e, cdata) {
      // formulas are kept raw (decoded only when one has no cached value)
      if (capture) buf += cdata || capture === 2 ? fix(x.slice(s, e)) : decodeEntities(fix(x.slice(s, e)));
    },
  };
  const done = (): SheetData => (partialFormulas ? { cells, merges, partialFormulas } : { cells, merges });
  if (!want) {
    scanXml(xml, handler);
    return done();
  }

  // Filtered scan. Outside <sheetData>: only <mergeCells> is read, every other element of the
  // worksheet is skipped whole. Inside: a lane that jumps from '<' to '<' (in well-formed XML a
  // '<' can only start markup) and looks only at <row r> and <c r>; a wanted cell is parsed by
  // the handler above, every other tag is passed over without being tokenised.
  let depth = 0;
  const outside: XmlHandler = {
    open(name, raw, self): OpenAction {
      if (depth === 0) {
        if (!self) depth = 1; // the root element
        return undefined;
      }
      if (name === "sheetData") return self ? undefined : STOP;
      if (name === "mergeCells") return undefined;
      if (name === "mergeCell") {
        mergeCell(raw);
        return self ? undefined : SKIP;
      }
      return SKIP;
    },
    close() {},
  };
  const n = xml.length;
  let pos = scanXml(xml, outside);
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    const skipped = skipMarkup(xml, lt);
    if (skipped >= 0) {
      pos = skipped;
      continue;
    }
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      let e = lt + 2;
      while (e < n && xml.charCodeAt(e) !== 62 /* > */) e++;
      if (e >= n) throw new XmlError("unterminated end tag");
      pos = e + 1;
      // `</sheetData>` or `</x:sheetData>` (no allocation for the usual `</c>`, `</v>`, `</row>`)
      const plain =
        xml.charCodeAt(e - 1) === 97 /* a */ &&
        xml.startsWith("sheetData", e - 9) &&
        (e - 9 === lt + 2 || xml.charCodeAt(e - 10) === 58);
      const ws = xml.charCodeAt(e - 1);
      if (
        plain ||
        ((ws === 32 || ws === 9 || ws === 10 || ws === 13) &&
          localName(xml.slice(lt + 2, e).trim()) === "sheetData")
      ) {
        pos = scanXml(xml, outside, pos);
        break;
      }
      continue;
    }
    let i = lt + 1;
    while (i < n && !nameEnds(xml.charCodeAt(i))) i++;
    const nameEnd = i;
    // local name "c" or "row" (any prefix)
    const last = xml.charCodeAt(nameEnd - 1);
    const isC = last === 99 /* c */ && (nameEnd - 1 === lt + 1 || xml.charCodeAt(nameEnd - 2) === 58);
    const isRow = !isC && last === 119 /* w */ && localName(xml.slice(lt + 1, nameEnd)) === "row";
    if (isRow) {
      const end = endOfStartTag(xml, nameEnd);
      const selfClosing = xml.charCodeAt(end - 1) === 47 && end - 1 >= nameEnd;
      const r = attr(xml.slice(nameEnd, selfClosing ? end - 1 : end), "r");
      row = r && /^\d+$/.test(r) ? Number(r) : row + 1;
      col = 0;
      if (stopAtRow?.(row, cells)) return done();
      pos = end + 1;
      continue;
    }
    if (!isC) {
      pos = nameEnd;
      continue;
    }
    // A cell: its position from r (fast path: r is the first attribute), else from the row.
    let cr = 0;
    let cc = 0;
    if (xml.startsWith(' r="', nameEnd)) {
      let j = nameEnd + 4;
      let ch = xml.charCodeAt(j);
      while (ch >= 65 && ch <= 90) {
        cc = cc * 26 + (ch - 64);
        ch = xml.charCodeAt(++j);
      }
      while (ch >= 48 && ch <= 57) {
        cr = cr * 10 + (ch - 48);
        ch = xml.charCodeAt(++j);
      }
      if (ch !== 34 || cc === 0 || cc > 16384 || cr === 0 || cr > 1048576) cr = cc = 0;
    }
    if (cr === 0) {
      const end = endOfStartTag(xml, nameEnd);
      const r = attr(xml.slice(nameEnd, end), "r");
      const p = r ? parseA1(r) : null;
      cr = p ? p.row : row || 1;
      cc = p ? p.col : col + 1;
    }
    if (want(cr, cc)) {
      const quick = plainCell(xml, nameEnd);
      if (quick) {
        tick(counter);
        row = cRow = cr;
        col = cCol = cc;
        cType = quick.type;
        v = quick.v === null ? null : decodeEntities(fix(quick.v));
        inline = quick.inline === null ? null : decodeEntities(fix(quick.inline));
        f = fShared = null;
        finish();
        pos = quick.end;
        continue;
      }
      // the handler counts the cell and takes its position again
      single = true;
      pos = scanXml(xml, handler, lt);
      single = false;
      continue;
    }
    tick(counter);
    row = cr;
    col = cc;
    pos = nameEnd;
  }
  return done();
}
