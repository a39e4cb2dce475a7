/**
 * OpenDocument spreadsheet values and references as the reader needs them: a cell's typed value
 * (office:value-type and its value attribute, a formula's cached result), ISO dates and
 * durations as date cells (Excel serials, 1900 system), and cell-range addresses (`$'Báo cáo'.$D$14`) as
 * Excel A1 references (`'Báo cáo'!$D$14`).
 */
import type { CellValue } from "../workbook/cell-value";
import { dateCell, numericCell } from "../workbook/numbers";
import { parseA1, quoteSheet } from "../workbook/address";

/** The attributes of a table:table-cell the value depends on (local names). */
export interface OdsCellAttrs {
  valueType?: string;
  /** calcext:value-type (LibreOffice): "error" marks an error result. */
  calcType?: string;
  value?: string;
  dateValue?: string;
  timeValue?: string;
  booleanValue?: string;
  stringValue?: string;
  formula?: string;
}

const ERROR_TEXT = /^(#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N\/A|#GETTING_DATA|Err:\d{3})$/;

/** ISO 8601 duration (`PT12H30M00S`, `P1DT2H`, `-PT1H`) → days, or null. */
export function durationToDays(text: string): number | null {
  const m =
    /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text.trim()
    );
  if (!m || text.trim() === "P" || text.trim().endsWith("T")) return null;
  const days =
    Number(m[2] ?? 0) + Number(m[3] ?? 0) / 24 + Number(m[4] ?? 0) / 1440 + Number(m[5] ?? 0) / 86400;
  return m[1] ? -days : days;
}

/** office:value, read with the numeric grammar of every reader (src/workbook/numbers.ts): "0x10" is invalid. */
function num(text: string | undefined): CellValue | null {
  if (text === undefined || text.trim() === "") return null;
  return numericCell(text.trim());
}

/** The formula's text as an officer would read it (`of:=SUM([.A1])` → `SUM([.A1])`). */
function formulaText(f: string): string {
  return f.replace(/^[a-z]+:/i, "").replace(/^=/, "");
}

/**
 * A cell's value from its attributes and the text of its paragraphs; null for an empty cell.
 * A formula's error result is written as a number 0 shown as "#DIV/0!" (Excel) or with
 * calcext:value-type="error" (LibreOffice: "Err:502" or "#DIV/0!"): both become an error value.
 * A formula without any result is "uncomputed".
 */
export function odsCellValue(a: OdsCellAttrs, text: string): CellValue | null {
  if (
    a.formula !== undefined &&
    (a.calcType === "error" || (isNumeric(a.valueType) && ERROR_TEXT.test(text)))
  )
    return { type: "error", code: text || "#N/A" };
  switch (a.valueType) {
    case "float":
    case "percentage":
    case "currency":
      return num(a.value);
    // A date or a time is a date cell (as OOXML's t="d"): a date field takes it, a count refuses it.
    case "date":
      return a.dateValue !== undefined
        ? dateCell(a.dateValue.trim())
        : { type: "invalid", raw: a.value ?? "" };
    case "time": {
      const v = a.timeValue !== undefined ? durationToDays(a.timeValue) : null;
      return v === null
        ? { type: "invalid", raw: a.timeValue ?? a.value ?? "" }
        : { type: "date", serial: v };
    }
    case "boolean": {
      const b = (a.booleanValue ?? a.value ?? "").trim().toLowerCase();
      return { type: "boolean", value: b === "true" || b === "1" };
    }
    case "string": {
      const s = a.stringValue ?? text;
      return s === "" ? null : { type: "text", text: s };
    }
    default:
      if (a.formula !== undefined) return { type: "uncomputed", formula: formulaText(a.formula) };
      // no value type: ODF calls the cell empty, but a writer that left the type out still meant its text
      return text === "" ? null : { type: "text", text };
  }
}

function isNumeric(t: string | undefined): boolean {
  return t === undefined || t === "float" || t === "percentage" || t === "currency";
}

/** One `[$]Sheet.$D$14` / `.$D$14` part: sheet (null when absent) and cell text. */
function rangePart(s: string): { sheet: string | null; cell: string } | null {
  let i = s.startsWith("$") ? 1 : 0;
  let sheet: string | null = null;
  if (s[i] === "'") {
    let name = "";
    i++;
    for (;;) {
      const q = s.indexOf("'", i);
      if (q < 0) return null;
      name += s.slice(i, q);
      if (s[q + 1] === "'") {
        name += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    sheet = name;
  } else {
    const dot = s.lastIndexOf(".");
    if (dot < 0) return null;
    if (dot > i) sheet = s.slice(i, dot);
    i = dot;
  }
  if (s[i] !== ".") return null;
  const cell = s.slice(i + 1);
  return parseA1(cell) ? { sheet, cell } : null;
}

/** Split at ":" outside quotes. */
function splitRange(s: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") quoted = !quoted;
    else if (s[i] === ":" && !quoted) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

/**
 * `$'Báo cáo'.$D$14` → `'Báo cáo'!$D$14`; `$Sheet1.$A$1:.$B$2` → `Sheet1!$A$1:$B$2`; a broken
 * reference → `#REF!`; anything else (external files, lists of ranges) → `=?`. `baseSheet` is the
 * sheet of a part without one.
 */
export function odsRangeToA1(address: string, baseSheet: string | null = null): string {
  const s = address.trim();
  if (s.includes("#REF!")) return "#REF!";
  if (/^'[^']*'#/.test(s) || /\s/.test(s.replace(/'[^']*'/g, ""))) return "=?";
  const parts = splitRange(s);
  if (parts.length > 2) return "=?";
  const first = rangePart(parts[0]);
  const second = parts.length === 2 ? rangePart(parts[1]) : null;
  if (!first || (parts.length === 2 && !second)) return "=?";
  const sheet = first.sheet ?? baseSheet;
  if (second && second.sheet !== null && second.sheet !== sheet) return "=?";
  const prefix = sheet === null ? "" : `${quoteSheet(sheet)}!`;
  return `${prefix}${first.cell}${second ? `:${second.cell}` : ""}`;
}

/** A named expression that is a single reference (`of:=[$Sheet1.$A$1]`) as A1, else `=?`. */
export function odsExpressionToA1(expression: string, baseSheet: string | null): string {
  const m = /^(?:[a-z]+:)?=?\s*\[([^\]]+)\]\s*$/i.exec(expression.trim());
  return m ? odsRangeToA1(m[1], baseSheet) : expression.includes("#REF!") ? "#REF!" : "=?";
}
