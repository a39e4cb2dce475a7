/**
 * Messages for values a file stores in a form that is not the officer's number: a date cell in a
 * count, a numeric cell whose stored text is not a number (src/workbook/numbers.ts). Both are
 * type errors on their cell: such a value never reaches a total.
 */
import type { Text } from "../form/schema";
import { isoToVi, serialToIso } from "./dates";

/** A stored text shown in a message: at most 40 characters. */
function shown(raw: string): string {
  const chars = [...raw];
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : raw;
}

/** A date serial as "dd/mm/yyyy" (the time of day dropped), or the serial itself when out of range. */
export function dateText(serial: number): string {
  const iso = serialToIso(serial);
  return iso ? isoToVi(iso) : String(serial);
}

export function invalidValueMessage(where: string, whereEn: string, raw: string): Text {
  return {
    vi: `Ô ${where}: giá trị lưu trong tệp là "${shown(raw)}", không phải số hay ngày hợp lệ (Excel không ghi như vậy; tệp có thể đã được sửa bằng chương trình khác): hãy nhập lại`,
    en: `${whereEn}: the file stores "${shown(raw)}", which is not a valid number or date (Excel never writes that; another program may have edited the file): type it again`,
  };
}

export function dateInNumberMessage(where: string, whereEn: string, serial: number): Text {
  return {
    vi: `Ô ${where} chứa một ngày (${dateText(serial)}), không phải số: hãy nhập lại số liệu`,
    en: `${whereEn} holds a date (${dateText(serial)}), not a number: type the value again`,
  };
}
