/**
 * Returned report files for the end-to-end test, made with the project's own template layout and
 * writer (exceljs) plus a fill step on the sheet model: what a unit would send back.
 */
import type { ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { REPORT_SHEET } from "../../src/layout/contract";
import type { CellScalar, WorkbookModel } from "../../src/layout/sheet-model";
import { buildTemplate } from "../../src/layout/template";
import { isoToSerial } from "../../src/validate/dates";
import { writeWorkbook } from "../../src/xlsx/write-workbook";

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible numbers by defined name that pass every error rule of the form. */
export function plausibleNumbers(form: ResolvedForm, seed: number): Map<string, number> {
  const r = rng(seed);
  const int = (min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
  const out = new Map<string, number>();
  const name = (code: string, i = 0): string | undefined => form.byCode.get(code)?.cells[i]?.name;
  for (const ind of form.indicators) {
    if (ind.kind === "count") out.set(ind.cells[0].name, int(1, 40));
    else if (ind.kind === "amount") out.set(ind.cells[0].name, int(1_000, 200_000) / 1000);
    else if (ind.kind === "tf") {
      const total = int(20, 600);
      out.set(ind.cells[0].name, total);
      out.set(ind.cells[1].name, Math.floor(total * (0.3 + 0.4 * r())));
    }
  }
  for (const rule of form.definition.rules) {
    if (rule.type === "partOfWhole") {
      const part = form.byCode.get(rule.part);
      const whole = form.byCode.get(rule.whole);
      part?.cells.forEach((c, i) => {
        const w = out.get(whole?.cells[i]?.name ?? "") ?? 0;
        out.set(c.name, Math.min(out.get(c.name) ?? 0, w));
      });
    }
    if (rule.type === "sumEquals") {
      const sum = rule.parts.reduce((a, code) => a + Math.round((out.get(name(code) ?? "") ?? 0) * 1000), 0);
      const whole = name(rule.whole);
      if (whole) out.set(whole, sum / 1000);
    }
  }
  // Victims (III.6) not fewer than cases (III.5); a plausible sex ratio at birth (V.7).
  const victims = name("III.6");
  const cases = name("III.5");
  if (victims && cases) out.set(victims, Math.max(out.get(victims) ?? 0, out.get(cases) ?? 0));
  const births = name("V.7");
  const girls = name("V.7", 1);
  if (births && girls) out.set(girls, Math.round((out.get(births) ?? 0) * 0.48));
  return out;
}

export interface FilledReport {
  /** Values by defined name as written (numbers, texts, header fields). */
  values: Map<string, CellScalar>;
  /** Cell address (on the report sheet) of every defined name. */
  cells: Record<string, string>;
}

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

/** Writes `values` into the template model's input cells (by defined name). */
export function fillModel(
  model: WorkbookModel,
  cells: Record<string, string>,
  values: ReadonlyMap<string, CellScalar>
): void {
  const sheet = model.sheets.find((s) => s.name === REPORT_SHEET);
  if (!sheet) throw new Error(`no ${REPORT_SHEET} sheet in the template model`);
  const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
  for (const [name, value] of values) {
    const address = cells[name];
    if (!address) throw new Error(`no cell for ${name}`);
    const cell = byAddress.get(address);
    if (cell) {
      if (cell.formula) throw new Error(`${name} at ${address} is a formula cell`);
      cell.value = value;
    } else sheet.cells.push({ address, value });
  }
}

/** A returned report: the unit's template (unit pre-filled) with `values` typed in, as .xlsx bytes. */
export async function returnedReport(
  form: ResolvedForm,
  unit: Unit,
  values: ReadonlyMap<string, CellScalar>
): Promise<Uint8Array> {
  const template = buildTemplate(form, { unitCode: unit.code });
  fillModel(template.model, template.positions.cells, values);
  return writeWorkbook(template.model, { created: new Date(Date.UTC(2019, 10, 28)) });
}
