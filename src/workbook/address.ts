/**
 * THE address module: cell positions, A1 text, sheet names in references, ranges and the
 * formulas of defined names. Every layer uses it (the file reader and writer, the layouts, the
 * inspection step, the Office.js edge and its test double).
 *
 * One position type, `CellPos`, 1-based like A1 text and OOXML. Office.js counts rows and columns
 * from 0 (`Range.rowIndex`, `Worksheet.getCell(row, column)`): src/excel converts where it calls
 * those, nowhere else.
 *
 * One quoting rule, `quoteSheet`, Excel's (see there).
 */

export interface CellPos {
  row: number; // 1-based
  col: number; // 1-based
}

export interface SheetCell extends CellPos {
  sheet: string | null;
}

/** A rectangle, 1-based, `start` top-left and `end` bottom-right; `sheet` null for a local range. */
export interface RangeRef {
  sheet: string | null;
  start: CellPos;
  end: CellPos;
}

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

/* ------------------------------------------------------------------ columns --------------- */

function letters(col: number): string {
  let s = "";
  for (let x = col; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 1 → "A", 27 → "AA"; a RangeError outside 1‥16384. */
export function columnLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COL)
    throw new RangeError(`cột không hợp lệ / bad column ${n}`);
  return letters(n);
}

/** "AA" (or "aa") → 27. */
export function columnNumber(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n = n * 26 + ((text.charCodeAt(i) & ~0x20) - 64);
  return n;
}

/* ------------------------------------------------------------------ cells ----------------- */

/** "D14", "$D$14", "d14" → {row 14, col 4}; null when not a cell reference within Excel's limits. */
export function parseA1(ref: string): CellPos | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const cs = i;
  while (i < n) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (i === cs || i - cs > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rs = i;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === rs || i !== n || row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return { row, col };
}

/** {row 14, col 4} → "D14". */
export function a1(pos: CellPos): string {
  return `${letters(pos.col)}${pos.row}`;
}

/** ("D", 14) or (4, 14) → "D14". */
export function cellAddress(column: string | number, row: number): string {
  return `${typeof column === "number" ? columnLetter(column) : column}${row}`;
}

/** "D14" (or "$D$14") → { column: "D", row: 14 }; a RangeError when it is not one cell in capitals. */
export function parseAddress(address: string): { column: string; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]+)$/.exec(address);
  if (!m) throw new RangeError(`địa chỉ ô không hợp lệ / bad cell address ${address}`);
  return { column: m[1], row: Number(m[2]) };
}

/** "D14" → "$D$14"; "D2:D43" → "$D$2:$D$43". */
export function absolute(range: string): string {
  return range
    .split(":")
    .map((a) => {
      const p = parseAddress(a);
      return `$${p.column}$${p.row}`;
    })
    .join(":");
}

/** Every cell address of a range "B5:D6" (row by row). */
export function cellsOfRange(range: string): string[] {
  const [a, b = a] = range.split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  const c1 = Math.min(columnNumber(p.column), columnNumber(q.column));
  const c2 = Math.max(columnNumber(p.column), columnNumber(q.column));
  const out: string[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
    for (let c = c1; c <= c2; c++) out.push(cellAddress(c, r));
  return out;
}

/* ------------------------------------------------------------------ sheet names ----------- */

/** A name Excel reads as an R1C1 reference at its start: "R", "C", "RC", "R1…", "C1…", "RC1…". */
const R1C1_START = /^(?:[RC]\d|RC\d|[RC]$|RC$)/i;
/** Shaped like an A1 reference (any row, at most three column letters): "A1", "xfd1048576", "ABC0". */
const A1_SHAPE = /^[A-Za-z]{1,3}[0-9]+$/;
/** Letters (any script), digits, "_" and "."; first a letter or "_". */
const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/**
 * A sheet name as it appears in a reference, with Excel's rule: left bare when it is made of
 * letters, digits, "_" and "." and starts with a letter or "_" — letters of any script, so
 * `Báocáo!A1`, as Excel writes it — and is neither shaped like an A1 reference (`'A1'`, `'Q3'`)
 * nor starting like an R1C1 one (`'R2C3'`, `'C1x'`, `'R'`); quoted otherwise (`'Báo cáo'`,
 * `'2019'`, `'It''s'`, with a quote doubled). Where unsure it quotes, since a quoted name is
 * always read right and a bare one that should not be is a broken reference: A1 shapes beyond
 * Excel's limits (`'ABC0'`), letters written with combining marks (decomposed "á"), emoji.
 */
export function quoteSheet(name: string): string {
  if (PLAIN_NAME.test(name) && !A1_SHAPE.test(name) && !R1C1_START.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Báo cáo'!D14`: a cell of a sheet, as messages show it (relative). */
export function qualified(sheet: string, pos: CellPos): string {
  return `${quoteSheet(sheet)}!${a1(pos)}`;
}

/** `'Báo cáo'!$D$14`, `_BDG_META!$D$2:$D$43`: what a defined name refers to (absolute). */
export function nameRef(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${absolute(range)}`;
}

/** Split `'Báo cáo'!$D$14` into sheet name and local part; the sheet is null when absent. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim().replace(/^=/, "");
  if (a.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i];
      i++;
    }
    if (a[i + 1] !== "!") throw new Error(`Địa chỉ không hợp lệ / invalid address: ${address}`);
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: a };
  return { sheet: a.slice(0, bang), local: a.slice(bang + 1) };
}

/* ------------------------------------------------------------------ ranges ---------------- */

function parseCell(s: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(s);
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** `A1`, `A1:C3`, `D:D`, `3:5`, `Sheet!A1`, `'My sheet'!$A$1:$B$2` → a RangeRef; null when it is none. */
export function parseRange(address: string): RangeRef | null {
  let parts: { sheet: string | null; local: string };
  try {
    parts = splitSheet(address);
  } catch {
    return null;
  }
  const [a, b] = parts.local.split(":");
  const wholeCols = /^\$?([A-Za-z]{1,3})$/.exec(a ?? "");
  const wholeCols2 = /^\$?([A-Za-z]{1,3})$/.exec(b ?? "");
  if (wholeCols && wholeCols2) {
    const c1 = columnNumber(wholeCols[1]);
    const c2 = columnNumber(wholeCols2[1]);
    return {
      sheet: parts.sheet,
      start: { row: 1, col: Math.min(c1, c2) },
      end: { row: MAX_ROW, col: Math.max(c1, c2) },
    };
  }
  const wholeRows = /^\$?([0-9]{1,7})$/.exec(a ?? "");
  const wholeRows2 = /^\$?([0-9]{1,7})$/.exec(b ?? "");
  if (wholeRows && wholeRows2) {
    const r1 = Number(wholeRows[1]);
    const r2 = Number(wholeRows2[1]);
    return {
      sheet: parts.sheet,
      start: { row: Math.min(r1, r2), col: 1 },
      end: { row: Math.max(r1, r2), col: MAX_COL },
    };
  }
  const start = parseCell(a ?? "");
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return null;
  return {
    sheet: parts.sheet,
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** A RangeRef as A1 text (`D14`, `A1:C3`, `'Báo cáo'!$D$14` with `absolute`). */
export function formatRange(ref: RangeRef, absolute = false): string {
  const d = absolute ? "$" : "";
  const a = (c: CellPos): string => `${d}${letters(c.col)}${d}${c.row}`;
  const body =
    ref.start.row === ref.end.row && ref.start.col === ref.end.col
      ? a(ref.start)
      : `${a(ref.start)}:${a(ref.end)}`;
  return ref.sheet === null ? body : `${quoteSheet(ref.sheet)}!${body}`;
}

/** The areas of a RangeAreas address (`'a, b'!A1:B2, Sheet2!C3`), split at commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/* ------------------------------------------------------------------ defined names --------- */

export type NameRef =
  { type: "cell"; sheet: string | null; row: number; col: number } | { type: "broken" } | { type: "other" };

/**
 * The formula of a defined name (or a metadata address): `'Báo cáo'!$D$14`, `Sheet1!$D$14:$E$14`
 * (top-left taken), `#REF!`, `'Báo cáo'!#REF!` → broken; anything else (constants, functions,
 * external or 3-D references, several areas) → other.
 */
export function parseNameRef(text: string): NameRef {
  let s = text.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  if (s.includes("#REF!")) return { type: "broken" };
  let sheet: string | null = null;
  let rest = s;
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    for (;;) {
      const q = s.indexOf("'", i);
      if (q < 0) return { type: "other" };
      name += s.slice(i, q);
      if (s.charCodeAt(q + 1) === 39) {
        name += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    if (s.charCodeAt(i) !== 33 /* ! */) return { type: "other" };
    sheet = name;
    rest = s.slice(i + 1);
  } else {
    const bang = s.lastIndexOf("!");
    if (bang >= 0) {
      sheet = s.slice(0, bang);
      rest = s.slice(bang + 1);
      if (!sheet || /[[\]:'()\s,]/.test(sheet)) return { type: "other" };
    }
  }
  if (sheet !== null && sheet.startsWith("[")) return { type: "other" };
  const parts = rest.split(":");
  if (parts.length > 2) return { type: "other" };
  const tl = parseA1(parts[0]);
  if (!tl) return { type: "other" };
  if (parts.length === 2) {
    const br = parseA1(parts[1]);
    if (!br) return { type: "other" };
    return { type: "cell", sheet, row: Math.min(tl.row, br.row), col: Math.min(tl.col, br.col) };
  }
  return { type: "cell", sheet, row: tl.row, col: tl.col };
}
