/**
 * One worksheet part (`xl/worksheets/sheetN.xml`) → the values of its non-blank cells and its
 * merged ranges. The hot path of the reader: a report's few dozen cells are picked out of parts
 * that may hold a million, so a filtered scan jumps from tag to tag and parses only wanted cells.
 */
import type { CellValue } from "../workbook/cell-value";
import { parseA1 } from "../workbook/address";
import { dateCell, numericCell } from "../workbook/numbers";
import { key, type Range, type SheetData } from "../workbook/sheet-data";
import type { SharedStrings } from "./ooxml";
import {
  attr,
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
    else if (quotes % 2 === 0 && (c === 58 /* : */ || (c === 61 && !plainEquals(xml, gt))))
      return null; // a prefixed attribute (x:t), or spaces around "=": the full parser decides
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

/** An attribute's `=` written the plain way: a name right before it, a quote right after it. */
function plainEquals(xml: string, at: number): boolean {
  return xml.charCodeAt(at + 1) === 34 /* " */ && xml.charCodeAt(at - 1) !== 32;
}

/** isNameEnd of xml.ts, local: the lane calls it for every character of a tag name. */
function nameEnds(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 62 || c === 47;
}

/** A cell's value from what its `<c>` held: type, `<v>`, formula (raw), inline text; null when blank. */
function cellValue(
  cType: string,
  vs: string | null,
  formula: string | null,
  raw: string,
  inline: string | null,
  sst: SharedStrings
): CellValue | null {
  switch (cType) {
    case "s":
      return vs !== null && vs.trim() !== "" ? sharedStringCell(vs, sst) : null;
    case "inlineStr":
      if (inline !== null && inline !== "") return { type: "text", text: decodeOoxmlEscapes(inline) };
      return vs !== null && vs !== "" ? { type: "text", text: decodeOoxmlEscapes(vs) } : null;
    case "str":
      if (vs === null) return formula !== null ? uncomputedOf(raw) : null;
      return vs === "" ? null : { type: "text", text: decodeOoxmlEscapes(vs) };
    case "b":
      if (vs !== null && vs.trim() !== "") return booleanCell(vs);
      return formula !== null ? uncomputedOf(raw) : null;
    case "e":
      if (vs !== null && vs.trim() !== "") return { type: "error", code: vs.trim() };
      return formula !== null ? uncomputedOf(raw) : null;
    case "d":
      if (vs !== null && vs.trim() !== "") return dateCell(vs);
      return formula !== null ? uncomputedOf(raw) : null;
    default:
      // Only the numeric grammar is a number ("0x10", "Infinity", " 12 " are not: numbers.ts).
      if (vs !== null && vs.trim() !== "") return numericCell(vs);
      return formula !== null ? uncomputedOf(raw) : null;
  }
}

/** A `<mergeCell ref="A1:C2">` as a range (corners in order); null when its ref is not one. */
function mergeRange(raw: string): Range | null {
  const ref = attr(raw, "ref");
  if (!ref) return null;
  const [a, b] = ref.split(":");
  const p1 = parseA1(a);
  const p2 = b ? parseA1(b) : p1;
  if (!p1 || !p2) return null;
  return {
    r1: Math.min(p1.row, p2.row),
    c1: Math.min(p1.col, p2.col),
    r2: Math.max(p1.row, p2.row),
    c2: Math.max(p1.col, p2.col),
  };
}

/** Capture state: what the text being collected in `buf` belongs to. */
const NONE = 0;
const V = 1;
const F = 2;
const IS_T = 3;

/**
 * The worksheet being read: the cells and merges found so far and the state of the cell being
 * parsed. As an XmlHandler it reads every element it is given (the full scan, and one wanted cell
 * at a time for the filtered scan, `single`).
 */
class SheetReader implements XmlHandler {
  readonly cells = new Map<number, CellValue>();
  readonly merges: Range[] = [];
  private partialFormulas = false;
  private readonly sharedFormulas = new Map<string, string>();
  /** The current row and the column of the last cell (for cells without `r`). */
  row = 0;
  col = 0;
  // The current cell.
  private inCell = false;
  private cRow = 0;
  private cCol = 0;
  private cType = "";
  private v: string | null = null;
  private f: string | null = null;
  private fShared: string | null = null;
  private inline: string | null = null;
  private capture = NONE;
  private inIs = false;
  private phonetic = 0;
  private buf = "";
  /** One cell at a time (filtered scan): `close` stops after the cell's end tag. */
  single = false;

  constructor(
    private readonly sst: SharedStrings,
    readonly counter: CellCounter,
    readonly want: SheetScan["want"],
    readonly stopAtRow: SheetScan["stopAtRow"],
    /** The part is a byte string: texts are UTF-8-decoded as they are taken. */
    private readonly bytes: boolean
  ) {}

  /** A text of the part as Unicode (still entity-encoded). */
  private fix(x: string): string {
    return this.bytes ? utf8FromBytes(x) : x;
  }

  data(): SheetData {
    const { cells, merges } = this;
    return this.partialFormulas ? { cells, merges, partialFormulas: true } : { cells, merges };
  }

  /** The `<c>` at (row, col) found by the filtered lane in its plain shape (plainCell), stored. */
  plain(row: number, col: number, quick: NonNullable<ReturnType<typeof plainCell>>): void {
    tick(this.counter);
    this.row = this.cRow = row;
    this.col = this.cCol = col;
    this.cType = quick.type;
    this.v = quick.v === null ? null : decodeEntities(this.fix(quick.v));
    this.inline = quick.inline === null ? null : decodeEntities(this.fix(quick.inline));
    this.f = this.fShared = null;
    this.finishCell();
  }

  /** The current cell is complete: its value stored (a formula without a cached value is "uncomputed"). */
  private finishCell(): void {
    const formula = this.f;
    let raw = formula ?? "";
    let missingMaster = false;
    if (formula === "" && this.fShared !== null) {
      const master = this.sharedFormulas.get(this.fShared);
      if (master !== undefined) raw = master;
      else missingMaster = this.want !== undefined;
    }
    const value = cellValue(this.cType, this.v, formula, raw, this.inline, this.sst);
    if (value) {
      keep(this.counter);
      this.cells.set(key(this.cRow, this.cCol), value);
    }
    if (missingMaster && value?.type === "uncomputed") this.partialFormulas = true;
  }

  mergeCell(raw: string): void {
    const range = mergeRange(raw);
    if (range) this.merges.push(range);
  }

  open(name: string, raw: string, self: boolean): OpenAction {
    switch (name) {
      case "row": {
        const r = attr(raw, "r");
        this.row = r && /^\d+$/.test(r) ? Number(r) : this.row + 1;
        this.col = 0;
        if (this.stopAtRow?.(this.row, this.cells)) return STOP;
        return undefined;
      }
      case "c":
        return this.openCell(raw, self);
      case "v":
        if (this.inCell) {
          if (self) this.v = "";
          else this.startCapture(V);
        }
        return;
      case "f":
        if (this.inCell) {
          const t = attr(raw, "t");
          this.fShared = t === "shared" ? (attr(raw, "si") ?? null) : null;
          if (self) this.f = "";
          else this.startCapture(F);
        }
        return;
      case "is":
        if (this.inCell) {
          this.inIs = true;
          this.inline = "";
        }
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "t":
        if (this.inIs && !this.phonetic && !self) this.startCapture(IS_T);
        return;
      case "mergeCell":
        this.mergeCell(raw);
        return;
      default:
        return;
    }
  }

  private startCapture(what: number): void {
    this.capture = what;
    this.buf = "";
  }

  private openCell(raw: string, self: boolean): OpenAction {
    tick(this.counter);
    const r = attr(raw, "r");
    const pos = r ? parseA1(r) : null;
    if (pos) {
      this.cRow = pos.row;
      this.cCol = pos.col;
      this.row = pos.row;
    } else {
      this.cRow = this.row || 1;
      this.cCol = this.col + 1;
    }
    this.col = this.cCol;
    if (this.want && !this.want(this.cRow, this.cCol)) {
      this.inCell = false;
      return self ? undefined : SKIP;
    }
    this.cType = attr(raw, "t") ?? "n";
    this.v = null;
    this.f = null;
    this.fShared = null;
    this.inline = null;
    this.inCell = !self;
    return;
  }

  close(name: string): void | typeof STOP {
    switch (name) {
      case "v":
        if (this.capture === V) {
          this.v = this.buf;
          this.capture = NONE;
        }
        return;
      case "f":
        if (this.capture === F) {
          this.f = this.buf;
          if (this.fShared !== null && this.buf !== "") this.sharedFormulas.set(this.fShared, this.buf);
          this.capture = NONE;
        }
        return;
      case "t":
        if (this.capture === IS_T) {
          this.inline = (this.inline ?? "") + this.buf;
          this.capture = NONE;
        }
        return;
      case "rPh":
        this.phonetic = Math.max(0, this.phonetic - 1);
        return;
      case "is":
        this.inIs = false;
        return;
      case "c":
        if (this.inCell) this.finishCell();
        this.inCell = false;
        this.inIs = false;
        this.capture = NONE;
        return this.single ? STOP : undefined;
      default:
        return;
    }
  }

  text(x: string, s: number, e: number, cdata: boolean): void {
    // formulas are kept raw (decoded only when one has no cached value)
    const capture = this.capture;
    if (capture === NONE) return;
    const t = this.fix(x.slice(s, e));
    this.buf += cdata || capture === F ? t : decodeEntities(t);
  }
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
  const reader = new SheetReader(sst, counter, scan.want, scan.stopAtRow, scan.bytes === true);
  if (!scan.want) scanXml(xml, reader);
  else scanWanted(xml, reader, scan.want);
  return reader.data();
}

/**
 * Filtered scan. Outside <sheetData>: only <mergeCells> is read, every other element of the
 * worksheet is skipped whole. Inside: a lane that jumps from '<' to '<' (in well-formed XML a
 * '<' can only start markup) and looks only at <row r> and <c r>; a wanted cell is parsed by
 * the reader, every other tag is passed over without being tokenised.
 */
function scanWanted(xml: string, reader: SheetReader, want: (row: number, col: number) => boolean): void {
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
        reader.mergeCell(raw);
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
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      const end = endTagEnd(xml, lt);
      if (isSheetDataEnd(xml, lt, end)) {
        scanXml(xml, outside, end + 1);
        return;
      }
      pos = end + 1;
      continue;
    }
    let i = lt + 1;
    while (i < n && !nameEnds(xml.charCodeAt(i))) i++;
    const nameEnd = i;
    // local name "c" or "row" (any prefix)
    const last = xml.charCodeAt(nameEnd - 1);
    const isC = last === 99 /* c */ && (nameEnd - 1 === lt + 1 || xml.charCodeAt(nameEnd - 2) === 58);
    if (isC) pos = laneCell(xml, reader, want, lt, nameEnd);
    else if (last === 119 /* w */ && localName(xml.slice(lt + 1, nameEnd)) === "row") {
      const end = endOfStartTag(xml, nameEnd);
      const selfClosing = xml.charCodeAt(end - 1) === 47 && end - 1 >= nameEnd;
      const r = attr(xml.slice(nameEnd, selfClosing ? end - 1 : end), "r");
      reader.row = r && /^\d+$/.test(r) ? Number(r) : reader.row + 1;
      reader.col = 0;
      if (reader.stopAtRow?.(reader.row, reader.cells)) return;
      pos = end + 1;
    } else pos = nameEnd;
  }
}

/** The `>` of the end tag starting at `lt`. */
function endTagEnd(xml: string, lt: number): number {
  let e = lt + 2;
  const n = xml.length;
  while (e < n && xml.charCodeAt(e) !== 62 /* > */) e++;
  if (e >= n) throw new XmlError("unterminated end tag");
  return e;
}

/** `</sheetData>` or `</x:sheetData>`, spaces allowed before `>` (no allocation for the usual `</c>`, `</v>`, `</row>`). */
function isSheetDataEnd(xml: string, lt: number, e: number): boolean {
  const plain =
    xml.charCodeAt(e - 1) === 97 /* a */ &&
    xml.startsWith("sheetData", e - 9) &&
    (e - 9 === lt + 2 || xml.charCodeAt(e - 10) === 58);
  if (plain) return true;
  const ws = xml.charCodeAt(e - 1);
  return (
    (ws === 32 || ws === 9 || ws === 10 || ws === 13) &&
    localName(xml.slice(lt + 2, e).trim()) === "sheetData"
  );
}

/**
 * A `<c>` met by the lane at `lt`: its position from r (fast path: r is the first attribute), else
 * from the row; a wanted cell read (plainCell, else the reader on that one element), any other
 * only counted. Returns where the lane goes on.
 */
function laneCell(
  xml: string,
  reader: SheetReader,
  want: (row: number, col: number) => boolean,
  lt: number,
  nameEnd: number
): number {
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
    cr = p ? p.row : reader.row || 1;
    cc = p ? p.col : reader.col + 1;
  }
  if (!want(cr, cc)) {
    tick(reader.counter);
    reader.row = cr;
    reader.col = cc;
    return nameEnd;
  }
  const quick = plainCell(xml, nameEnd);
  if (quick) {
    reader.plain(cr, cc, quick);
    return quick.end;
  }
  // the reader counts the cell and takes its position again
  reader.single = true;
  const pos = scanXml(xml, reader, lt);
  reader.single = false;
  return pos;
}
