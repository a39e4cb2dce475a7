/** A1 references, sheet-qualified addresses and defined-name formulas. */

export interface CellPos {
  row: number; // 1-based
  col: number; // 1-based
}

export interface SheetCell extends CellPos {
  sheet: string | null;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** "D14", "$D$14", "d14" → {row 14, col 4}; null when not a cell reference. */
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

/** Column index (1-based) → letters. */
export function colLetters(col: number): string {
  let s = "";
  while (col > 0) {
    const m = (col - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    col = Math.floor((col - 1) / 26);
  }
  return s;
}

export function a1(pos: CellPos): string {
  return `${colLetters(pos.col)}${pos.row}`;
}

/** `'Báo cáo'!D14`; quotes only when needed. */
export function qualified(sheet: string, pos: CellPos): string {
  return `${quoteSheet(sheet)}!${a1(pos)}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !parseA1(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

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
