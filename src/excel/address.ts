/**
 * A1 addresses with sheet names, as Excel writes them: `'Báo cáo'!$D$14`, `Sheet1!A1:C3`.
 * Pure (no Office.js): used by the Excel edge and by the fake host.
 */

export interface CellRef {
  /** 0-based. */
  row: number;
  /** 0-based. */
  col: number;
}

export interface RangeRef {
  sheet: string | null;
  start: CellRef;
  end: CellRef;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `D14` for (13, 3). */
export function cellA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** Quote a sheet name when Excel would: anything but letters, digits, `_` and `.`, or a leading digit. */
export function quoteSheet(name: string): string {
  if (
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc][0-9]*$/.test(name)
  )
    return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function formatRange(ref: RangeRef, absolute = false): string {
  const d = absolute ? "$" : "";
  const a = (c: CellRef): string => `${d}${colToLetters(c.col)}${d}${c.row + 1}`;
  const body =
    ref.start.row === ref.end.row && ref.start.col === ref.end.col
      ? a(ref.start)
      : `${a(ref.start)}:${a(ref.end)}`;
  return ref.sheet === null ? body : `${quoteSheet(ref.sheet)}!${body}`;
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

function parseCell(s: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(s);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

/** Parse `A1`, `A1:C3`, `Sheet!A1`, `'My sheet'!$A$1:$B$2`; null when it is not an A1 range. */
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
    const c1 = lettersToCol(wholeCols[1]);
    const c2 = lettersToCol(wholeCols2[1]);
    return {
      sheet: parts.sheet,
      start: { row: 0, col: Math.min(c1, c2) },
      end: { row: 1048575, col: Math.max(c1, c2) },
    };
  }
  const wholeRows = /^\$?([0-9]{1,7})$/.exec(a ?? "");
  const wholeRows2 = /^\$?([0-9]{1,7})$/.exec(b ?? "");
  if (wholeRows && wholeRows2) {
    const r1 = Number(wholeRows[1]) - 1;
    const r2 = Number(wholeRows2[1]) - 1;
    return {
      sheet: parts.sheet,
      start: { row: Math.min(r1, r2), col: 0 },
      end: { row: Math.max(r1, r2), col: 16383 },
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

/** `'Báo cáo'!D14` (relative, as the issue list shows it). */
export function sheetCell(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellA1(row, col)}`;
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
