/**
 * What the add-in remembers about the marks it left in a workbook: kept in memory and in a
 * workbook setting (saved with the document), so marks can be cleared after a reload.
 */
export const MARKS_SETTING = "bdg-report.marks";

export interface MarkRecord {
  v: 1;
  /** Worksheets (by id: stable across renames) that carry marks. */
  sheetIds: string[];
  /** Marked cells as they were when marked (`'Báo cáo'!D14`), for information. */
  cells: string[];
}

export function parseMarkRecord(value: unknown): MarkRecord | null {
  let v: unknown = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (o.v !== 1 || !Array.isArray(o.sheetIds) || !Array.isArray(o.cells)) return null;
  return {
    v: 1,
    sheetIds: o.sheetIds.filter((x): x is string => typeof x === "string"),
    cells: o.cells.filter((x): x is string => typeof x === "string"),
  };
}
