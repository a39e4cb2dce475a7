/**
 * What inspecting one workbook gives — a returned file or the workbook open in Excel, through the
 * same step (src/inspect/inspect.ts): either a report (every value with the cell it came from and
 * how that cell was found, the issues, the unit it is from) or a refusal with a reason code and an
 * actionable Vietnamese message.
 */
import type { Text, Unit } from "../form/schema";
import type { Evaluation } from "../validate/engine";
import type { Issue } from "../validate/issue";
import type { CellValue } from "../workbook/cell-value";

export type RejectReason =
  | "empty" // 0 bytes
  | "tooLarge" // file over the size cap
  | "zipBomb" // decompressed size over the cap, or a suspicious ratio
  | "tooManyCells" // cells in the file, or cells scanned to read it, over the cap
  | "tooManySheets" // a workbook listing more worksheets than any report has (src/xlsx/reader.ts MAX_SHEETS)
  | "tooManyNames" // a workbook defining more names than any report has (src/xlsx/reader.ts MAX_NAMES)
  | "duplicateEntries" // two zip entries of one name: readers disagree on which copy counts
  | "xls" // an .xls older than Excel 97 (BIFF5 and before)
  | "xlsb"
  | "ods"
  | "numbers"
  | "encrypted" // password-protected
  | "corrupt" // broken or truncated container, unreadable XML
  | "readFailed" // reading stopped on an unexpected error (a defect of the program, not of the file)
  | "notSpreadsheet" // text or another file type renamed .xlsx, a zip that is not a workbook
  | "notReport" // a workbook, but not a report of this form (no names, no metadata, no code column)
  | "severalReports" // several sheets look like this form's report and nothing tells which one is
  | "otherForm"; // a report of another form id (another version of this form is read, with a warning)

/**
 * How a cell was found (docs/CONTRACT.md "The workbook contract"): its defined name, the
 * metadata sheet's name → address map, the report sheet's code column (indicators), or the
 * label in front of it (header fields).
 */
export type FoundVia = "name" | "meta" | "code" | "label";

/** Where one value came from. */
export interface Provenance {
  /** Sheet-qualified address, e.g. `'Báo cáo'!D14`. */
  address: string;
  sheet: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
  via: FoundVia;
}

/** Whose report this is, decided once for validate, merge and the add-in (src/inspect/unit.ts). */
export type UnitIdentity =
  /** "cell": the unit typed on the sheet; "meta": the unit the template was issued to. */
  | { unit: Unit; source: "cell" | "meta"; problem: null }
  /** No unit can be told: the merge refuses the file with this reason. */
  | { unit: null; source: null; problem: { reason: "unknownUnit" | "ambiguousUnit"; message: Text } };

export interface Inspection {
  ok: true;
  formId: string;
  formVersion: string;
  /** Unit code from the metadata sheet, when the template was pre-filled. */
  metaUnitCode: string | null;
  /** "template" | "summary" | null, from the metadata sheet. */
  metaKind: string | null;
  /** The sheet the report was found on (it may have been renamed). */
  sheetName: string;
  /** Values by defined name; an input that was not found is absent. */
  values: Map<string, CellValue>;
  /** Where each value was found. */
  cells: Map<string, Provenance>;
  /** The most-used way of locating values, for the status report. */
  via: FoundVia;
  /** Everything found: locating, the form's rules, the unit. */
  issues: Issue[];
  evaluation: Evaluation;
  unit: UnitIdentity;
}

export interface Refusal {
  ok: false;
  reason: RejectReason;
  /** Actionable message for the officer. */
  message: Text;
  /** Technical detail for logs (never shown alone). */
  detail?: string;
}

export type InspectResult = Inspection | Refusal;
