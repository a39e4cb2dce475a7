/**
 * The stored forms of numbers and dates in spreadsheet files, read strictly: what a file stores in
 * a numeric cell is a number only when it is written in the file format's numeric grammar
 * (OOXML's `<v>` is an xsd:double: optional sign, digits, optional fraction, optional exponent).
 * JavaScript's Number() also takes "0x10", "0b101", "0o17", "Infinity" and " 12 ", which
 * LibreOffice reads as 0 and openpyxl refuses: such a cell is a value error, never a guess. Shared
 * by every file reader (.xlsx here; .xls/.ods readers for their own text forms).
 */
import type { CellValue } from "./cell-value";

/** Sign, digits with an optional fraction (or a fraction alone), optional exponent; nothing else, no spaces. */
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a numeric cell stores, or null when the text is not in the numeric grammar or not finite ("1e999"). */
export function parseOoxmlNumber(text: string): number | null {
  if (!NUMERIC.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n + 0 : null; // + 0: "-0" is 0
}

/** A numeric cell's value: the number, or an "invalid" value carrying the stored text. */
export function numericCell(text: string): CellValue {
  const n = parseOoxmlNumber(text);
  return n === null ? { type: "invalid", raw: text } : { type: "number", value: n };
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

function dayFraction(h: string, m: string, s: string | undefined, frac: string | undefined): number | null {
  const hh = Number(h);
  const mm = Number(m);
  const ss = Number(s ?? 0) + (frac ? Number(`0.${frac}`) : 0);
  if (hh > 24 || mm > 59 || ss >= 60 || (hh === 24 && (mm > 0 || ss > 0))) return null;
  return (hh * 3600 + mm * 60 + ss) / 86400;
}

/**
 * An ISO 8601 date-time as a date cell stores it (OOXML `t="d"`: "2019-11-28", "2019-11-28T10:30:00",
 * "10:30") → an Excel serial in the 1900 date system; null when it is not such a text or not a real
 * date (2019-02-30). A time zone, when written, is ignored (spreadsheets have none).
 */
export function parseIsoDateSerial(text: string): number | null {
  const d = ISO_DATE_TIME.exec(text);
  if (d) {
    const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const ms = Date.UTC(y, mo - 1, da);
    const back = new Date(ms);
    if (y < 1900 || mo < 1 || mo > 12 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== da)
      return null;
    const frac = d[4] ? dayFraction(d[4], d[5], d[6], d[7]) : 0;
    return frac === null ? null : Math.round((ms - EPOCH_1900) / MS_PER_DAY) + frac;
  }
  const t = ISO_TIME.exec(text);
  return t ? dayFraction(t[1], t[2], t[3], t[4]) : null;
}

/** A date cell's value: the date, or an "invalid" value carrying the stored text. */
export function dateCell(text: string): CellValue {
  const serial = parseIsoDateSerial(text);
  return serial === null ? { type: "invalid", raw: text } : { type: "date", serial };
}
