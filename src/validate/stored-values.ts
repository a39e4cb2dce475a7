/**
 * Messages for values a file stores in a form that is not the officer's number: a date cell in a
 * count, a numeric cell whose stored text is not a number (src/workbook/numbers.ts). Both are
 * type errors on their cell: such a value never reaches a total.
 */
import type { CellPart, Text } from "../form/schema";
import type { CellValue } from "../workbook/cell-value";
import { isoToVi, serialToIso } from "./dates";

/**
 * A text from a file quoted in a message: at most `max` characters (a cell may hold megabytes; a
 * message names it, it does not copy it).
 */
export function shown(raw: string, max = 80): string {
  if (raw.length <= max) return raw;
  const chars = [...raw.slice(0, 2 * max)];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/** A date serial as "dd/mm/yyyy" (the time of day dropped), or the serial itself when out of range. */
export function dateText(serial: number): string {
  const iso = serialToIso(serial);
  return iso ? isoToVi(iso) : String(serial);
}

export function invalidValueMessage(where: string, whereEn: string, raw: string): Text {
  return {
    vi: `Ô ${where}: giá trị lưu trong tệp là "${shown(raw, 40)}", không phải số hay ngày hợp lệ (Excel không ghi như vậy; tệp có thể đã được sửa bằng chương trình khác): hãy nhập lại`,
    en: `${whereEn}: the file stores "${shown(raw, 40)}", which is not a valid number or date (Excel never writes that; another program may have edited the file): type it again`,
  };
}

export function dateInNumberMessage(where: string, whereEn: string, serial: number): Text {
  return {
    vi: `Ô ${where} chứa một ngày (${dateText(serial)}), không phải số: hãy nhập lại số liệu`,
    en: `${whereEn} holds a date (${dateText(serial)}), not a number: type the value again`,
  };
}

/** A blank cell, or one holding only spaces. */
export function isBlankValue(v: CellValue): boolean {
  return v.type === "blank" || (v.type === "text" && !v.text.trim());
}

/** The parts of a total/female indicator as messages name them. */
export const PART_VI: Record<CellPart, string> = { total: "tổng số", female: "số nữ", value: "giá trị" };
export const PART_EN: Record<CellPart, string> = { total: "total", female: "female", value: "value" };
