/**
 * The defined-name scheme for input cells and header fields.
 *
 * `<FORM>_<CODE>_<PART>`: e.g. BDG_2019_I_2_T (I.2 total), BDG_2019_I_2_F (female),
 * BDG_2019_I_1 (single value), BDG_2019_H_UNIT (header field). Only ASCII letters, digits and
 * `_`; derived from the form id (not its version), so names are stable across versions.
 * The form id's letters are always followed by `_` so that no name starts like a cell
 * reference (BDG2019 is cell BDG2019 in Excel).
 */
import type { CellPart, FieldKey } from "./schema";

const PART_SUFFIX: Record<CellPart, string> = { total: "T", female: "F", value: "" };
const FIELD_SUFFIX: Record<FieldKey, string> = {
  unit: "UNIT",
  year: "YEAR",
  reportDate: "DATE",
  preparer: "PREPARER",
  phone: "PHONE",
  head: "HEAD",
};

/** "BDG-2019" → "BDG_2019"; letters and digits always separated so it is never a cell reference. */
export function namePrefix(formId: string): string {
  const ascii = formId
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/([A-Z])(?=[0-9])/g, "$1_")
    .replace(/^_+|_+$/g, "");
  return /^[A-Z]/.test(ascii) ? ascii : `F_${ascii}`;
}

export function cellName(formId: string, indicatorCode: string, part: CellPart): string {
  const code = indicatorCode.replace(/\./g, "_");
  const suffix = PART_SUFFIX[part];
  return `${namePrefix(formId)}_${code}${suffix ? `_${suffix}` : ""}`;
}

export function fieldName(formId: string, key: FieldKey): string {
  return `${namePrefix(formId)}_H_${FIELD_SUFFIX[key]}`;
}

/** Excel's last column is XFD (16384), last row 1048576. */
function isA1Reference(name: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(name);
  if (!m) return false;
  const col = m[1]
    .toUpperCase()
    .split("")
    .reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  const row = Number(m[2]);
  return col <= 16384 && row >= 1 && row <= 1048576;
}

function isR1C1Reference(name: string): boolean {
  return /^(R[0-9]*)?(C[0-9]*)?$/i.test(name);
}

/**
 * Is this a defined name that both Excel and LibreOffice accept, and that our scheme allows?
 * ASCII letters, digits and `_`; starts with a letter or `_`; at most 255 characters; not a
 * cell reference in A1 or R1C1 style, nor does it start with one followed by `_` digits that
 * LibreOffice might read as a range (we simply forbid a leading A1-like run).
 */
export function isValidDefinedName(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(name)) return false;
  if (isA1Reference(name) || isR1C1Reference(name)) return false;
  const lead = /^[A-Za-z]+[0-9]+/.exec(name);
  if (lead && isA1Reference(lead[0])) return false;
  return true;
}
