/**
 * The Office.js edge's view of the open workbook for the shared locator (src/xlsx/locate.ts,
 * the same algorithm the file reader runs): used ranges as Excel returns them (2-D values and
 * value types), workbook names, the sheet list → a WorkbookSnapshot. Pure, no Office.js calls:
 * read-report.ts loads the ranges, this module only adapts them. Locates by defined name, then
 * the metadata sheet's map, then the code column (indicators) and labels (header fields).
 */
import type { ResolvedForm } from "../form/resolve";
import { META_SHEET, REPORT_SHEET } from "../layout/contract";
import type { CellValue } from "../validate/cell-value";
import {
  locate as locateIn,
  metaFromSheet,
  mostCommon,
  type LocateResult,
  type Located,
  type Meta,
  type NameDef,
  type WorkbookSnapshot,
} from "../xlsx/locate";
import { key, type SheetData } from "../xlsx/ooxml";
import { parseNameRef } from "../xlsx/refs";
import { sheetCell } from "./address";

export type { LocateResult, Located, Meta };
export { mostCommon };

/** One sheet's used range as Excel returns it. Row/col offsets are 0-based (Range.rowIndex/columnIndex). */
export interface SheetGrid {
  name: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
}

/** What read-report.ts loaded from the open workbook. */
export interface GridWorkbook {
  /** Workbook names: name → reference text (`'Báo cáo'!$D$14`, `=Sheet1!$A$1`, `#REF!`). */
  names: Map<string, string>;
  /** Used ranges of the sheets that were loaded, by sheet name. */
  sheets: Map<string, SheetGrid>;
  /** Every sheet of the workbook in tab order (name, visibility). */
  sheetList: { name: string; visibility: string }[];
}

/** Excel value + valueType → CellValue. */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  switch (valueType) {
    case "Error":
      return { type: "error", code: String(value) };
    case "Empty":
      return { type: "blank" };
    case "Boolean":
      return { type: "boolean", value: Boolean(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? { type: "number", value } : { type: "text", text: String(value) };
    default:
      if (value === null || value === undefined || value === "") return { type: "blank" };
      if (typeof value === "number") return { type: "number", value };
      if (typeof value === "boolean") return { type: "boolean", value };
      return { type: "text", text: String(value) };
  }
}

/** The value at a 0-based position of the sheet (blank outside the used range). */
export function cellAt(grid: SheetGrid | undefined, row: number, col: number): CellValue {
  if (!grid) return { type: "blank" };
  const r = row - grid.rowIndex;
  const c = col - grid.columnIndex;
  if (r < 0 || c < 0 || r >= grid.values.length || c >= (grid.values[r]?.length ?? 0))
    return { type: "blank" };
  return toCellValue(grid.values[r][c], grid.valueTypes[r]?.[c]);
}

/** The grid's non-blank cells as the file reader's SheetData (1-based keys). Merges are not loaded. */
export function toSheetData(grid: SheetGrid): SheetData {
  const cells = new Map<number, CellValue>();
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const cv = toCellValue(v, grid.valueTypes[r]?.[c]);
      if (cv.type !== "blank") cells.set(key(grid.rowIndex + r + 1, grid.columnIndex + c + 1), cv);
    })
  );
  return { cells, merges: [] };
}

function findSheet<T>(map: Map<string, T>, name: string): [string, T] | undefined {
  const up = name.toUpperCase();
  for (const [k, v] of map) if (k.toUpperCase() === up) return [k, v];
  return undefined;
}

/** The loaded workbook as the shared locator's snapshot (grids converted once, on demand). */
export function gridSnapshot(wb: GridWorkbook): WorkbookSnapshot {
  const names = new Map<string, NameDef>();
  for (const [n, ref] of wb.names) {
    const up = n.toUpperCase();
    if (!names.has(up)) names.set(up, { ref, scope: null });
  }
  const data = new Map<string, SheetData | null>();
  const cells = (name: string): SheetData | null => {
    const found = findSheet(wb.sheets, name);
    if (!found) return null;
    let d = data.get(found[0]);
    if (d === undefined) data.set(found[0], (d = toSheetData(found[1])));
    return d;
  };
  let meta: Meta | null | undefined;
  return {
    sheets: wb.sheetList.map((s) => ({ name: s.name, visible: s.visibility === "Visible" })),
    names,
    cells,
    meta: () => {
      if (meta === undefined) {
        const sh = cells(META_SHEET);
        meta = sh ? metaFromSheet(sh) : null;
      }
      return meta;
    },
  };
}

/** Locate the form's inputs in the loaded workbook (1-based positions, see Located). */
export function locate(form: ResolvedForm, wb: GridWorkbook): LocateResult {
  return locateIn(form, gridSnapshot(wb));
}

/**
 * Which sheets a read must load for `names`: the sheets the form's names point at, the
 * metadata sheet; when some form name is not defined, also the default report sheet and
 * every visible sheet (the code-column fallback).
 */
export function sheetsToLoad(
  form: ResolvedForm,
  names: Map<string, string>,
  sheetList: { name: string; visibility: string }[],
  maxFallbackSheets = 12
): string[] {
  const out: string[] = [];
  const push = (n: string | null | undefined): void => {
    if (!n) return;
    const real = sheetList.find((s) => s.name.toUpperCase() === n.toUpperCase());
    if (real && !out.includes(real.name)) out.push(real.name);
  };
  push(META_SHEET);
  let complete = true;
  for (const name of form.names) {
    const def = findSheet(names, name);
    const r = def ? parseNameRef(def[1]) : null;
    if (
      r &&
      r.type === "cell" &&
      r.sheet !== null &&
      sheetList.some((s) => s.name.toUpperCase() === r.sheet!.toUpperCase())
    )
      push(r.sheet);
    else complete = false;
  }
  if (!complete) {
    push(REPORT_SHEET);
    for (const s of sheetList.filter((x) => x.visibility === "Visible").slice(0, maxFallbackSheets))
      push(s.name);
  }
  return out;
}

/** `'Báo cáo'!D14`. */
export function locatedAddress(l: Located): string {
  return sheetCell(l.sheet, l.pos.row - 1, l.pos.col - 1);
}
