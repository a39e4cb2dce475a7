/**
 * A value as read from one cell of a workbook (by the file reader or from Excel).
 * Dates are Excel serials in the 1900 date system (the reader converts 1904 workbooks).
 */
export type CellValue =
  | { type: "blank" }
  | { type: "number"; value: number }
  | { type: "text"; text: string }
  | { type: "boolean"; value: boolean }
  /** An Excel error value such as #REF! or #DIV/0!. */
  | { type: "error"; code: string }
  /** A formula whose result was never computed (e.g. a file written by a script). */
  | { type: "uncomputed"; formula: string }
  /**
   * A cell the file stores as a date (OOXML `t="d"`, an ODS date): a serial in the 1900 date
   * system, whatever the workbook's date system. A date, never a count: only a date field takes it.
   */
  | { type: "date"; serial: number }
  /**
   * A value stored in a form no spreadsheet reads the same way ("0x10" in a numeric cell, a date
   * cell that is not a date): `raw` is the stored text. An error for any input.
   */
  | { type: "invalid"; raw: string };

export const BLANK: CellValue = Object.freeze({ type: "blank" }) as CellValue;

/** Values by defined name. A Map, so names like "__proto__" are just keys. */
export type CellValues = ReadonlyMap<string, CellValue>;

export function isBlank(v: CellValue | undefined): boolean {
  return !v || v.type === "blank" || (v.type === "text" && v.text.trim() === "");
}

/** The text a person sees for a text, number or boolean cell; "" for the others. */
export function cellText(v: CellValue | undefined): string {
  if (!v) return "";
  switch (v.type) {
    case "text":
      return v.text;
    case "number":
      return String(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    default:
      return "";
  }
}
