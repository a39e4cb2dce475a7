/**
 * What reading one returned file gives: either a report (values by defined name, where each
 * was found and how) or a rejection with a reason code and an actionable Vietnamese message.
 */
import type { Text } from "../form/schema";
import type { CellValue } from "../validate/cell-value";
import type { Issue } from "../validate/issue";

export type RejectReason =
  | "empty" // 0 bytes
  | "tooLarge" // file over the size cap
  | "zipBomb" // decompressed size over the cap, or a suspicious ratio
  | "tooManyCells"
  | "xls" // BIFF .xls (OLE2 without encryption stream)
  | "xlsb"
  | "ods"
  | "numbers"
  | "encrypted" // OLE2 holding EncryptionInfo / EncryptedPackage (password-protected OOXML)
  | "corrupt" // broken or truncated zip, unreadable XML
  | "notSpreadsheet" // text or another file type renamed .xlsx, a zip that is not a workbook
  | "notReport" // a workbook, but not a report of this form (no names, no metadata, no code column)
  | "otherForm" // a report of another form id
  | "otherVersion"; // this form id, another version

/** How a value was located (docs/CONTRACT.md: name first, then the metadata map, then the code column). */
export type FoundVia = "name" | "meta" | "code";

export interface LocatedCell {
  /** Sheet-qualified address, e.g. `'Báo cáo'!D14`. */
  address: string;
  via: FoundVia;
}

export interface ReportRead {
  ok: true;
  formId: string;
  formVersion: string;
  /** Unit code from the metadata sheet, when the template was pre-filled. */
  metaUnitCode: string | null;
  /** "template" | "summary" | null, from the metadata sheet. */
  metaKind: string | null;
  /** The sheet the report was found on (may have been renamed). */
  sheetName: string;
  /** Values by defined name; a name the file lacks is absent (read as blank). */
  values: Map<string, CellValue>;
  cells: Map<string, LocatedCell>;
  /** The most-used way of locating values, for the status report. */
  via: FoundVia;
  /** Reader-level notes (e.g. values found by code column because names were deleted). */
  issues: Issue[];
}

export interface ReportRejected {
  ok: false;
  reason: RejectReason;
  /** Actionable message for the officer. */
  message: Text;
  /** Technical detail for logs (never shown alone). */
  detail?: string;
}

export type ReadResult = ReportRead | ReportRejected;
