/**
 * A plain, JSON-serializable workbook model: what the template (and later the summary) looks
 * like, independent of how it is written. Two outputs apply it: src/xlsx/write-workbook.ts
 * (exceljs → .xlsx bytes) and the Office.js edge (src/excel, writing into the open workbook).
 * No exceljs or Office types here, no functions in the data: `JSON.parse(JSON.stringify(m))`
 * gives back an equal model.
 *
 * Conventions (they follow OOXML, so both edges can map them one to one):
 * - Addresses are A1 style without sheet and without `$` ("D14"); ranges "B5:H5". Helpers for
 *   them are in src/workbook/address.ts.
 * - Formulas are stored WITHOUT the leading "=" (as in the file); the Office.js edge adds it.
 * - Data-validation formulae are formula text without "=" too ("0", "BDG_2019_LIST_UNITS"),
 *   except for `date` validations, whose formulae are ISO dates ("2019-01-01"): exceljs and
 *   Office.js both accept them, the file stores the serial.
 * - Colours are ARGB hex ("FFFFF2CC"). Widths are Excel character units, heights points.
 */

export type CellScalar = number | string | boolean | null;

export interface CellModel {
  /** "D14" */
  address: string;
  /** The value shown; for a formula cell, its cached result (null = empty string result is written as ""). */
  value: CellScalar;
  /** Formula text without "=". When present, `value` is its cached result. */
  formula?: string;
  /** Name of a style in WorkbookModel.styles. */
  style?: string;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface FreezeModel {
  /** Number of frozen rows at the top (0 = none). */
  rows: number;
  /** Number of frozen columns at the left (0 = none). */
  columns: number;
}

export interface PrintModel {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on the width of one page (pages tall: as many as needed). */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. {first: 10, last: 11}. */
  repeatRows?: { first: number; last: number };
  /** Columns repeated at the left of every printed page, e.g. {first: "A", last: "C"}. */
  repeatColumns?: { first: string; last: string };
  /** Inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered?: boolean;
  /** Footer text in Excel's header/footer codes, e.g. "&CTrang &P/&N". */
  footer?: string;
}

export interface ProtectionModel {
  /** Optional password; none by default (anyone can unprotect, nobody changes labels by accident). */
  password?: string;
  /** Let users resize columns / rows of the protected sheet. */
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
}

export type ValidationType = "whole" | "decimal" | "date" | "list" | "textLength" | "custom";
export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

export interface DataValidationModel {
  /** Cell or range on this sheet: "D14" or "D14:D20". */
  range: string;
  type: ValidationType;
  /** Not used by list and custom. */
  operator?: ValidationOperator;
  /** One formula, two for between/notBetween. See the conventions above. */
  formulae: string[];
  allowBlank: boolean;
  /** Input message shown when the cell is selected (title ≤ 32 characters, message ≤ 255). */
  prompt?: { title: string; message: string };
  /** Error alert (title ≤ 32 characters, message ≤ 255). */
  error: { title: string; message: string; style: "stop" | "warning" | "information" };
}

export interface RowModel {
  /** 1-based row number. */
  index: number;
  /** Points. */
  height: number;
}

export interface ColumnModel {
  /** Column letter, "A". */
  column: string;
  /** Excel character units. */
  width: number;
  hidden?: boolean;
}

export interface SheetModel {
  name: string;
  visibility: SheetVisibility;
  cells: CellModel[];
  /** "B4:H4" */
  merges: string[];
  columns: ColumnModel[];
  rows: RowModel[];
  freeze?: FreezeModel;
  print?: PrintModel;
  /** Absent = not protected. */
  protection?: ProtectionModel;
  validations: DataValidationModel[];
  /** Tab colour, ARGB. */
  tabColor?: string;
}

export interface DefinedNameModel {
  /** Workbook-scoped name. */
  name: string;
  /** Sheet-qualified absolute reference: `'Báo cáo'!$D$14` or `'_BDG_META'!$D$2:$D$43`. */
  ref: string;
}

export type BorderStyle = "thin" | "medium" | "dotted" | "hair";

export interface StyleModel {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; underline?: boolean; color?: string };
  alignment?: {
    horizontal?: "left" | "center" | "right";
    vertical?: "top" | "middle" | "bottom";
    wrapText?: boolean;
    indent?: number;
  };
  /** Same style on all four sides. */
  border?: BorderStyle;
  /** Solid fill, ARGB. */
  fill?: string;
  /** Excel number format code, e.g. "#,##0", "dd/mm/yyyy", "@". */
  numberFormat?: string;
  /** Locked cells cannot be edited once the sheet is protected. */
  locked: boolean;
}

export interface WorkbookModel {
  properties: { title: string; subject?: string; creator: string; company?: string; description?: string };
  sheets: SheetModel[];
  names: DefinedNameModel[];
  styles: Record<string, StyleModel>;
  /** Index of the sheet shown when the file opens. */
  activeSheet: number;
}

/** Excel's limits for data-validation texts; longer ones make Excel refuse the file. */
export const VALIDATION_LIMITS = { title: 32, message: 255 } as const;

/** A data-validation title cut to Excel's limit, with "…" where it was cut. */
export function clipValidationTitle(s: string): string {
  return s.length <= VALIDATION_LIMITS.title ? s : `${s.slice(0, VALIDATION_LIMITS.title - 1)}…`;
}

/** A data-validation message cut to Excel's limit, with "…" where it was cut. */
export function clipValidationMessage(s: string): string {
  return s.length <= VALIDATION_LIMITS.message ? s : `${s.slice(0, VALIDATION_LIMITS.message - 1)}…`;
}
