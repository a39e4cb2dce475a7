/**
 * A BIFF8 defined name's formula (rgce) as A1 text: the references a name can hold (ptgRef3d,
 * ptgArea3d, their #REF! forms, unions of them), each resolved through EXTERNSHEET and SUPBOOK
 * to a sheet of this workbook. Anything else — functions, constants, external books — is not a
 * cell a report's value can be taken from and comes back as `=?` or an external form the locator
 * calls "other"; a deleted sheet or a #REF! token gives `#REF!`.
 */
import { columnLetter as colLetters, quoteSheet } from "../workbook/address";

/** One XTI of EXTERNSHEET: a SUPBOOK index and a range of its sheets. */
export interface ExternSheet {
  book: number;
  first: number;
  last: number;
}

/** "self": this workbook (SUPBOOK with 0x0401); "other": an external workbook or add-in functions. */
export type Supbook = "self" | "other";

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);

/** What an ixti refers to: a sheet prefix ("'Báo cáo'!", "" for no sheet), or null when broken. */
function sheetPrefix(
  ixti: number,
  externs: readonly ExternSheet[],
  supbooks: readonly Supbook[],
  sheets: readonly { name: string }[]
): string | null {
  const x = externs[ixti];
  if (!x) return null;
  // A writer that leaves SUPBOOK out (old BIFF8 writers) can only mean this workbook.
  const book = supbooks.length ? supbooks[x.book] : "self";
  if (book === undefined) return null;
  if (book === "other") return `[${x.book}]!`;
  if (x.first === 0xfffe) return ""; // a reference to the workbook itself
  const a = sheets[x.first]?.name;
  const b = sheets[x.last]?.name;
  if (a === undefined || b === undefined) return null; // 0xFFFF: the sheet was deleted
  return `${quoteSheet(x.first === x.last ? a : `${a}:${b}`)}!`;
}

/** Row/column with BIFF8's relative flags (bit 15 column, bit 14 row) as `$D$14` / `D14`. */
function cellText(row: number, colField: number): string {
  const col = (colField & 0x3fff) + 1;
  return `${colField & 0x8000 ? "" : "$"}${colLetters(col)}${colField & 0x4000 ? "" : "$"}${row + 1}`;
}

/** The name's references joined with "," (a union), `#REF!`, or `=?` for any other formula. */
export function nameRefOf(
  rgce: Uint8Array,
  externs: readonly ExternSheet[],
  supbooks: readonly Supbook[],
  sheets: readonly { name: string }[]
): string {
  const refs: string[] = [];
  let broken = false;
  let i = 0;
  while (i < rgce.length) {
    const t = rgce[i];
    // the three classes of a token (reference, value, array) share their low 5 bits
    const base = t & 0x60 ? (t & 0x1f) | 0x20 : t;
    const size = base === 0x3a || base === 0x3c ? 7 : base === 0x3b || base === 0x3d ? 11 : 0;
    if (base === 0x10 || base === 0x15) {
      i++; // ptgUnion, ptgParen
      continue;
    }
    if (!size || i + size > rgce.length) return "=?";
    const prefix = sheetPrefix(u16(rgce, i + 1), externs, supbooks, sheets);
    if (prefix === null || base === 0x3c || base === 0x3d) broken = true;
    else if (base === 0x3a) refs.push(prefix + cellText(u16(rgce, i + 3), u16(rgce, i + 5)));
    else {
      const from = cellText(u16(rgce, i + 3), u16(rgce, i + 7));
      const to = cellText(u16(rgce, i + 5), u16(rgce, i + 9));
      refs.push(`${prefix}${from}:${to}`);
    }
    i += size;
  }
  if (broken) return "#REF!";
  return refs.length ? refs.join(",") : "=?";
}
