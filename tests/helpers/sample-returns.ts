/**
 * Sample returned reports as .xlsx bytes: a unit's own template with realistic, seeded values
 * typed into its input cells. One generator for the tests (tests/cli/merge-command.test.ts,
 * tests/e2e/report-files.ts) and the demo (scripts/demo.ts, `npm run demo`).
 */
import type { ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import type { CellScalar } from "../../src/layout/sheet-model";
import { buildTemplate, formulaValues } from "../../src/layout/template";
import { isoToSerial } from "../../src/validate/dates";
import { REPORT_SHEET } from "../../src/workbook/contract";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { rng } from "./sample-numbers";

export interface ReturnSpec {
  unit: Unit;
  seed: number;
  /** ISO report date. */
  date: string;
  /** Type some numbers as text ("1.250"). */
  textNumbers?: boolean;
  /** Put a rule error in (female > total at I.2). */
  ruleError?: boolean;
}

const NARRATIVES = [
  'Tổ chức tốt các hội nghị tuyên truyền Luật Bình đẳng giới; phối hợp với Hội Phụ nữ duy trì mô hình "Địa chỉ tin cậy".',
  "Tỷ lệ nữ tham gia cấp ủy còn thấp; kinh phí cho công tác bình đẳng giới còn hạn chế; cán bộ phụ trách kiêm nhiệm nhiều việc.",
  "Năm 2020 tiếp tục tuyên truyền trên hệ thống truyền thanh; nhân rộng mô hình phòng, chống bạo lực gia đình.",
  "Đề nghị huyện hỗ trợ kinh phí tập huấn cho cộng tác viên thôn, khu phố.",
];

/** Input values of one realistic return, by defined name (numbers consistent with the rules unless asked). */
export function returnValues(form: ResolvedForm, spec: ReturnSpec): Map<string, CellScalar> {
  const r = rng(spec.seed);
  const scale = spec.unit.group === "Xã, thị trấn" ? 1 : 0.6;
  const int = (lo: number, hi: number): number => Math.round((lo + (hi - lo) * r()) * scale);
  const values = new Map<string, CellScalar>();
  const field = (k: string): string => form.fieldByKey.get(k)?.name ?? k;
  values.set(field("year"), form.definition.year);
  values.set(field("reportDate"), isoToSerial(spec.date));
  values.set(
    field("preparer"),
    ["Nguyễn Thị Hương", "Trần Văn Minh", "Lê Thị Thu", "Phạm Văn Đức"][Math.floor(r() * 4)]
  );
  values.set(field("phone"), `0204 3${String(100000 + Math.floor(r() * 899999))}`);
  values.set(field("head"), ["Hoàng Văn Nam", "Ngô Thị Lan", "Đỗ Văn Hải"][Math.floor(r() * 3)]);
  const nums = new Map<string, number>();
  const ranges: Record<string, [number, number]> = {
    cuộc: [2, 15],
    "lượt người": [80, 900],
    "tin, bài": [3, 30],
    bản: [50, 600],
    cái: [2, 25],
    "hoạt động": [1, 10],
    lớp: [1, 5],
    "văn bản": [2, 20],
    "mô hình": [1, 4],
    người: [5, 120],
    "địa chỉ": [1, 3],
    vụ: [0, 4],
    "tập thể": [0, 3],
    trẻ: [60, 180],
  };
  for (const ind of form.indicators) {
    if (ind.kind === "count") nums.set(ind.cells[0].name, int(...(ranges[ind.unit] ?? [0, 10])));
    else if (ind.kind === "amount")
      nums.set(ind.cells[0].name, Math.round((5 + 60 * r()) * scale * 1000) / 1000);
    else if (ind.kind === "tf") {
      const t = int(...(ranges[ind.unit] ?? [10, 100]));
      nums.set(ind.cells[0].name, t);
      nums.set(ind.cells[1].name, Math.floor(t * (0.35 + 0.3 * r())));
    }
  }
  for (const rule of form.definition.rules) {
    if (rule.type === "partOfWhole") {
      const part = form.byCode.get(rule.part);
      const whole = form.byCode.get(rule.whole);
      part?.cells.forEach((c, i) =>
        nums.set(
          c.name,
          Math.min(nums.get(c.name) ?? 0, Math.floor((nums.get(whole?.cells[i].name ?? "") ?? 0) * 0.8))
        )
      );
    }
    if (rule.type === "sumEquals") {
      const whole = form.byCode.get(rule.whole)?.cells[0].name ?? "";
      const w = nums.get(whole) ?? 0;
      const [p1, p2] = rule.parts.map((c) => form.byCode.get(c)?.cells[0].name ?? "");
      const a = Math.round(w * 0.7 * 1000) / 1000;
      nums.set(p1, a);
      nums.set(p2, Math.round((w - a) * 1000) / 1000);
    }
    if (rule.type === "notLess") {
      const left =
        form.byCode.get(rule.left.indicator)?.cells.find((c) => c.part === rule.left.part)?.name ?? "";
      const right =
        form.byCode.get(rule.right.indicator)?.cells.find((c) => c.part === rule.right.part)?.name ?? "";
      if ((nums.get(left) ?? 0) < (nums.get(right) ?? 0)) nums.set(left, nums.get(right) ?? 0);
    }
  }
  const v7 = form.byCode.get("V.7");
  if (v7) nums.set(v7.cells[1].name, Math.round((nums.get(v7.cells[0].name) ?? 0) / 2.12));
  // Female ≤ total after the adjustments above.
  for (const ind of form.indicators)
    if (ind.kind === "tf")
      nums.set(
        ind.cells[1].name,
        Math.min(nums.get(ind.cells[1].name) ?? 0, nums.get(ind.cells[0].name) ?? 0)
      );
  if (spec.ruleError) {
    const i2 = form.byCode.get("I.2");
    if (i2) nums.set(i2.cells[1].name, (nums.get(i2.cells[0].name) ?? 0) + 37);
  }
  let k = 0;
  for (const [name, n] of nums) {
    // Numbers typed as text, the way officers do it: "1.250" (Vietnamese thousands), "45".
    if (spec.textNumbers && k++ % 9 === 0 && Number.isInteger(n))
      values.set(name, n >= 1000 ? n.toLocaleString("de-DE") : String(n));
    else values.set(name, n);
  }
  form.indicators
    .filter((i) => i.kind === "text")
    .forEach((ind, i) => values.set(ind.cells[0].name, `${NARRATIVES[i % NARRATIVES.length]}`));
  return values;
}

/** One filled return as .xlsx bytes (the unit's own template, inputs filled, formulas' cached results updated). */
export async function writeReturn(form: ResolvedForm, spec: ReturnSpec): Promise<Uint8Array> {
  return writeFilledTemplate(form, spec.unit, returnValues(form, spec), new Date(Date.UTC(2019, 10, 1)));
}

/**
 * A returned report as .xlsx bytes: the unit's template (unit pre-filled) with `values` typed into
 * its input cells by defined name, and the formulas' cached results updated to match (as Excel
 * leaves them on save). Throws on a name without a cell or a name that is a formula cell.
 */
export async function writeFilledTemplate(
  form: ResolvedForm,
  unit: Unit,
  values: ReadonlyMap<string, CellScalar>,
  created: Date
): Promise<Uint8Array> {
  const t = buildTemplate(form, { unitCode: unit.code });
  const sheet = t.model.sheets.find((s) => s.name === REPORT_SHEET);
  if (!sheet) throw new Error(`no ${REPORT_SHEET} sheet in the template model`);
  const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
  for (const [name, value] of values) {
    const address = t.positions.cells[name];
    if (!address) throw new Error(`no cell for ${name}`);
    const cell = byAddress.get(address);
    if (!cell) sheet.cells.push({ address, value });
    else if (cell.formula !== undefined) throw new Error(`${name} at ${address} is a formula cell`);
    else cell.value = value;
  }
  const cached = formulaValues(t, values);
  for (const c of sheet.cells) if (c.formula !== undefined) c.value = cached.get(c.address) ?? "";
  return writeWorkbook(t.model, { created });
}
