/**
 * The cells of one worksheet as every reader hands them to the locator: the file readers
 * (.xlsx, .xls, .ods) and the Office.js edge alike. Rows and columns are 1-based.
 */
import type { CellValue } from "./cell-value";

/** A merged range, inclusive, 1-based. */
export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetData {
  /** Cells by key(row, col). Blank styled cells are not stored. */
  cells: Map<number, CellValue>;
  /** Merged ranges; null when the source cannot tell (an Excel host without the merged-areas API). */
  merges: Range[] | null;
  /**
   * Set by a filtered scan when a cell read as "uncomputed" uses a shared formula whose master
   * cell was passed over (its formula text is unknown): read the whole sheet for that text.
   */
  partialFormulas?: boolean;
}

/** One number per cell position (rows up to 1,048,576 and columns up to 16,384 fit exactly). */
export const key = (row: number, col: number): number => row * 16384 + (col - 1);
export const rowOf = (k: number): number => Math.floor(k / 16384);
export const colOf = (k: number): number => (k % 16384) + 1;

/** The merged range holding a position, or null (also when merges are unknown). */
export function mergeAt(sheet: SheetData, row: number, col: number): Range | null {
  for (const m of sheet.merges ?? []) {
    if (row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2) return m;
  }
  return null;
}

/** The value at a position, blank when the sheet holds nothing there. Never follows a merge. */
export function cellAt(sheet: SheetData | null | undefined, row: number, col: number): CellValue | undefined {
  return sheet?.cells.get(key(row, col));
}
