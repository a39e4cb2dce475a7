/**
 * A workbook read whole into memory by one of the readers of other formats (.xls: biff8.ts,
 * .ods: ods.ts). Reports are small (one sheet of ~70 rows), so these readers materialise every
 * non-blank cell under the same cell cap as the .xlsx reader; loaded-snapshot.ts turns the
 * result into the inspection step's WorkbookSnapshot. They refuse a file by throwing ReportReject
 * (report-reject.ts: "corrupt", "encrypted", "xls" for Excel 95 and older, "tooManyCells"…),
 * CellCapError, or the zip and XML readers' errors.
 */
import type { SheetData } from "../workbook/sheet-data";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { InflateFn, ZipArchive } from "./zip";

export interface LoadedSheet {
  name: string;
  visible: boolean;
  /** null for chart/dialog/macro sheets */
  data: SheetData | null;
}

export interface LoadedName {
  name: string;
  /**
   * Excel A1 syntax: `'Báo cáo'!$D$14`, `Sheet1!$A$1:$B$2`, or `#REF!` when broken; a formula the
   * readers do not decode (a function, a constant…) is given as `=?` (the locator calls it "other").
   */
  ref: string;
  /** index into sheets for a sheet-scoped name, else null */
  localSheet: number | null;
}

export interface LoadedWorkbook {
  format: "xls" | "ods";
  sheets: LoadedSheet[];
  names: LoadedName[];
  /** dates in the file use the 1904 system */
  date1904: boolean;
}

/** Caps a reader of another format honours (the fields of ReadLimits it needs). */
export interface LoadLimits {
  /** Largest total decompressed size (ODS) or OLE2 stream size (XLS), in bytes. */
  maxUncompressedBytes: number;
  /** Most cells stored over the whole file (CellCapError past it). */
  maxCells: number;
}

/** Most sheets a workbook of another format may hold (a report has two). */
export const MAX_SHEETS = 1000;

/**
 * The readers of .xls and .ods (other-formats.ts). The task pane loads them as a separate chunk
 * only when it meets such a file (reader.ts, inspectFileAsync); Node imports them directly.
 */
export interface OtherFormats {
  readXls(bytes: Uint8Array, limits: LoadLimits): LoadedWorkbook;
  readOds(zip: ZipArchive, limits: LoadLimits, inflate?: InflateFn): LoadedWorkbook;
  /** The workbook as the inspection step sees it (loaded-snapshot.ts). */
  snapshotOf(loaded: LoadedWorkbook): WorkbookSnapshot;
}
