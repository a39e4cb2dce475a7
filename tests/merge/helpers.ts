/** Synthetic InspectResult values for merge tests (no files needed). */
import type { ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import type { CellValue } from "../../src/workbook/cell-value";
import { isoToSerial } from "../../src/validate/dates";
import { inspectWorkbook } from "../../src/inspect/inspect";
import type { InspectResult, RejectReason } from "../../src/inspect/types";
import { valuesSnapshot } from "../helpers/values-workbook";
import { plausibleNumbers } from "../helpers/sample-numbers";

export interface ReportSpec {
  /** Text typed in the unit cell; default: the unit's name; null: blank. */
  unitText?: string | null;
  /** Metadata unit code; default null. */
  metaCode?: string | null;
  metaKind?: string | null;
  /** ISO report date; default 2019-11-28; null: blank. */
  date?: string | null;
  /** Seed of the pseudo-random values. */
  seed?: number;
  /** Overrides by defined name. */
  set?: Record<string, CellValue>;
  formId?: string;
  formVersion?: string;
}

/** Numbers that satisfy every error rule of the form (female ≤ total, part ≤ whole, sums). */
export const validNumbers = plausibleNumbers;

export function reportRead(form: ResolvedForm, unit: Unit | null, spec: ReportSpec = {}): InspectResult {
  const values = new Map<string, CellValue>();
  const field = (key: string): string => form.fieldByKey.get(key)?.name ?? key;
  const unitText = spec.unitText === undefined ? (unit?.name ?? null) : spec.unitText;
  if (unitText !== null) values.set(field("unit"), { type: "text", text: unitText });
  values.set(field("year"), { type: "number", value: form.definition.year });
  const date = spec.date === undefined ? "2019-11-28" : spec.date;
  if (date !== null) values.set(field("reportDate"), { type: "number", value: isoToSerial(date) });
  values.set(field("preparer"), { type: "text", text: "Nguyễn Thị Lan" });
  values.set(field("head"), { type: "text", text: "Trần Văn Hùng" });
  for (const [name, n] of validNumbers(form, spec.seed ?? 1)) values.set(name, { type: "number", value: n });
  for (const ind of form.indicators) {
    if (ind.kind === "text")
      values.set(ind.cells[0].name, {
        type: "text",
        text: `${unit?.name ?? "?"}: nội dung ${ind.code} (${spec.seed ?? 1})`,
      });
  }
  for (const [k, v] of Object.entries(spec.set ?? {})) values.set(k, v);
  const kind = spec.metaKind === undefined ? (spec.metaCode ? "template" : null) : spec.metaKind;
  const withMeta =
    spec.metaCode != null || kind != null || spec.formId !== undefined || spec.formVersion !== undefined;
  const meta = withMeta
    ? { formId: spec.formId, formVersion: spec.formVersion, unitCode: spec.metaCode ?? null, kind }
    : null;
  return inspectWorkbook(form, valuesSnapshot(form, values, meta));
}

export function rejectedRead(reason: RejectReason = "corrupt"): InspectResult {
  return { ok: false, reason, message: { vi: `Tệp bị hỏng (${reason})`, en: `Broken file (${reason})` } };
}

export function num(n: number): CellValue {
  return { type: "number", value: n };
}
