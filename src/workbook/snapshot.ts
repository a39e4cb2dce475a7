/**
 * What the inspection step needs to know about a workbook, whatever it came from: a returned
 * .xlsx/.xls/.ods file (src/xlsx) or the workbook open in Excel (src/excel). Each adapter
 * implements this small interface; sheets may be loaded lazily. Sheet names are matched
 * case-insensitively, as Excel does.
 */
import type { Meta } from "./meta";
import type { SheetData } from "./sheet-data";

export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** A defined name as the workbook holds it. */
export interface NameDef {
  /** Reference text: `'Báo cáo'!$D$14`, `=Sheet1!$A$1`, `#REF!`. */
  ref: string;
  /** The sheet of a sheet-scoped name (a reference without a sheet points there); null for workbook scope. */
  scope: string | null;
}

export interface WorkbookSnapshot {
  /** Worksheets in tab order (missing parts and chart sheets left out). */
  readonly sheets: readonly SheetInfo[];
  /** The form's defined names present in the workbook, by upper-case name (workbook scope preferred). */
  readonly names: ReadonlyMap<string, NameDef>;
  /** Every non-blank cell of a sheet and its merged ranges, or null when the sheet is not available. */
  cells(sheet: string): SheetData | null;
  /**
   * At least the cells `want` accepts (1-based row and column) and the sheet's merged ranges; an
   * adapter may return the whole sheet. Lets a file reader skip the cells nobody asked for.
   */
  part(sheet: string, want: (row: number, col: number) => boolean): SheetData | null;
  /** The metadata sheet, or null without one. `withNames` false: the keys suffice (the name map may be empty). */
  meta(withNames: boolean): Meta | null;
  /** Dates are stored in the 1904 date system (old Mac workbooks): serials are 1,462 days short. */
  readonly date1904: boolean;
}

/** The canonical name of a sheet of the snapshot (case-insensitive), or null. */
export function sheetOf(snap: Pick<WorkbookSnapshot, "sheets">, name: string | null): string | null {
  if (name === null) return null;
  const up = name.toUpperCase();
  for (const s of snap.sheets) if (s.name.toUpperCase() === up) return s.name;
  return null;
}
