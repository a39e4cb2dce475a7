/**
 * Test helper: a complete, valid report for a form, as values by defined name, built from the
 * form itself (every input cell and header field), with overrides by "CODE/part" or field key.
 */
import { nameOf, type ResolvedForm } from "../../src/form";
import type { CellPart } from "../../src/form/schema";
import type { CellValue } from "../../src/workbook/cell-value";
import { isoToSerial } from "../../src/validate/dates";

export const num = (value: number): CellValue => ({ type: "number", value });
export const text = (t: string): CellValue => ({ type: "text", text: t });
export const blank: CellValue = { type: "blank" };

/** Valid numbers that satisfy every rule of BDG-2019 (parts ≤ wholes, sums, sex ratio 108). */
const DEFAULTS: Record<string, number | [number, number]> = {
  "I.1": 12,
  "I.2": [850, 430],
  "I.7": 5,
  "I.8": [1200, 700],
  "II.2": [300, 150],
  "II.3": [60, 30],
  "II.4": [80, 40],
  "II.5": 10,
  "II.6": 4,
  "III.1": 6,
  "III.2": 2,
  "III.5": 3,
  "III.6": [4, 3],
  "III.7": [4, 3],
  "III.8": 3,
  "IV.2": 2,
  "IV.3": 1,
  "IV.5": 150.5,
  "IV.6": 100.25,
  "IV.7": 50.25,
  "V.7": [125, 60],
};

/** A key: a header field key ("unit", "year"…), "CODE" (value cell) or "CODE/total" / "CODE/female". */
export type Key = string;

export function cellOf(form: ResolvedForm, key: Key): string {
  const field = form.fieldByKey.get(key);
  if (field) return field.name;
  const [code, part] = key.split("/") as [string, CellPart | undefined];
  const ind = form.byCode.get(code);
  if (!ind) throw new Error(`no indicator ${code}`);
  return nameOf(form, code, part ?? (ind.kind === "tf" ? "total" : "value"));
}

export type Override = CellValue | number | string | null;

function toValue(v: Override): CellValue {
  if (v === null) return blank;
  if (typeof v === "number") return num(v);
  if (typeof v === "string") return text(v);
  return v;
}

/** A complete valid report for `form`; `overrides` replace cells (null = blank, string = text). */
export function validReport(
  form: ResolvedForm,
  overrides: Record<Key, Override> = {}
): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  const header: Record<string, CellValue> = {
    unit: text("Xã Cao Xá"),
    year: num(form.definition.year),
    reportDate: num(isoToSerial("2019-11-28")),
    preparer: text("Nguyễn Thị Lan"),
    phone: text("0204 3878 123"),
    head: text("Trần Văn Hùng"),
  };
  for (const f of form.fields) values.set(f.name, header[f.key] ?? text("x"));
  for (const ind of form.indicators) {
    const d = DEFAULTS[ind.code];
    for (const c of ind.cells) {
      let v: CellValue;
      if (ind.kind === "text") v = text(`Nội dung ${ind.code}`);
      else if (ind.kind === "tf") {
        const [t, f] = Array.isArray(d) ? d : [20, 9];
        v = num(c.part === "female" ? f : t);
      } else v = num(typeof d === "number" ? d : 7);
      values.set(c.name, v);
    }
  }
  for (const [key, v] of Object.entries(overrides)) values.set(cellOf(form, key), toValue(v));
  return values;
}
