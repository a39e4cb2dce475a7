/**
 * Returned report files for the end-to-end test, made with the project's own template layout and
 * writer (exceljs) plus a fill step on the sheet model: what a unit would send back.
 * The numbers and the fill step are shared with the demo (tests/helpers/sample-numbers.ts and
 * sample-returns.ts).
 */
import type { ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import type { CellScalar } from "../../src/layout/sheet-model";
import { isoToSerial } from "../../src/validate/dates";
import { plausibleNumbers } from "../helpers/sample-numbers";
import { writeFilledTemplate } from "../helpers/sample-returns";

/** Everything a unit types into its template: header fields, numbers, narratives. */
export function filledValues(
  form: ResolvedForm,
  unit: Unit | null,
  seed: number,
  reportDate = "2019-11-28"
): Map<string, CellScalar> {
  const values = new Map<string, CellScalar>();
  const field = (key: string): string => form.fieldByKey.get(key)?.name ?? key;
  if (unit) values.set(field("unit"), unit.name);
  values.set(field("year"), form.definition.year);
  values.set(field("reportDate"), isoToSerial(reportDate));
  values.set(field("preparer"), "Nguyễn Thị Lan");
  values.set(field("phone"), "0912345678");
  values.set(field("head"), "Trần Văn Minh");
  for (const [n, v] of plausibleNumbers(form, seed)) values.set(n, v);
  for (const ind of form.indicators) {
    if (ind.kind === "text")
      values.set(ind.cells[0].name, `${unit?.name ?? "Đơn vị"}: nội dung mục ${ind.code}.`);
  }
  return values;
}

/** A returned report: the unit's template (unit pre-filled) with `values` typed in, as .xlsx bytes. */
export function returnedReport(
  form: ResolvedForm,
  unit: Unit,
  values: ReadonlyMap<string, CellScalar>
): Promise<Uint8Array> {
  return writeFilledTemplate(form, unit, values, new Date(Date.UTC(2019, 10, 28)));
}
