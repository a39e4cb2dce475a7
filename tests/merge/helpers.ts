/** Synthetic ReadResult values for merge tests (no files needed). */
import type { ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import type { CellValue } from "../../src/validate/cell-value";
import { isoToSerial } from "../../src/validate/dates";
import type { ReadResult, ReportRead, RejectReason } from "../../src/xlsx/read-result";

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

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Numbers that satisfy every error rule of the form (female ≤ total, part ≤ whole, sums). */
export function validNumbers(form: ResolvedForm, seed: number): Map<string, number> {
  const r = rng(seed);
  const int = (max: number): number => Math.floor(r() * (max + 1));
  const out = new Map<string, number>();
  for (const ind of form.indicators) {
    if (ind.kind === "count") out.set(ind.cells[0].name, int(40));
    else if (ind.kind === "amount") out.set(ind.cells[0].name, int(200_000) / 1000);
    else if (ind.kind === "tf") {
      const total = int(600);
      out.set(ind.cells[0].name, total);
      out.set(ind.cells[1].name, Math.floor(total * (0.3 + 0.4 * r())));
    }
  }
  for (const rule of form.definition.rules) {
    if (rule.type === "partOfWhole") {
      const part = form.byCode.get(rule.part);
      const whole = form.byCode.get(rule.whole);
      if (!part || !whole) continue;
      part.cells.forEach((c, i) => {
        const w = out.get(whole.cells[i].name) ?? 0;
        out.set(c.name, Math.min(out.get(c.name) ?? 0, w));
      });
    }
    if (rule.type === "sumEquals") {
      const sum = rule.parts.reduce((a, code) => a + Math.round((out.get(form.byCode.get(code)?.cells[0].name ?? "") ?? 0) * 1000), 0);
      const whole = form.byCode.get(rule.whole);
      if (whole) out.set(whole.cells[0].name, sum / 1000);
    }
  }
  // Keep the sex ratio at birth plausible (a warning otherwise, which is fine but noisy).
  const v7 = form.byCode.get("V.7");
  if (v7) {
    const t = out.get(v7.cells[0].name) ?? 0;
    out.set(v7.cells[1].name, Math.round(t * 0.48));
  }
  return out;
}

export function reportRead(form: ResolvedForm, unit: Unit | null, spec: ReportSpec = {}): ReportRead {
  const values = new Map<string, CellValue>();
  const field = (key: string): string => form.fieldByKey.get(key)?.name ?? key;
  const unitText = spec.unitText === undefined ? unit?.name ?? null : spec.unitText;
  if (unitText !== null) values.set(field("unit"), { type: "text", text: unitText });
  values.set(field("year"), { type: "number", value: form.definition.year });
  const date = spec.date === undefined ? "2019-11-28" : spec.date;
  if (date !== null) values.set(field("reportDate"), { type: "number", value: isoToSerial(date) });
  values.set(field("preparer"), { type: "text", text: "Nguyễn Thị Lan" });
  values.set(field("head"), { type: "text", text: "Trần Văn Hùng" });
  for (const [name, n] of validNumbers(form, spec.seed ?? 1)) values.set(name, { type: "number", value: n });
  for (const ind of form.indicators) {
    if (ind.kind === "text") values.set(ind.cells[0].name, { type: "text", text: `${unit?.name ?? "?"}: nội dung ${ind.code} (${spec.seed ?? 1})` });
  }
  for (const [k, v] of Object.entries(spec.set ?? {})) values.set(k, v);
  return {
    ok: true,
    formId: spec.formId ?? form.id,
    formVersion: spec.formVersion ?? form.version,
    metaUnitCode: spec.metaCode ?? null,
    metaKind: spec.metaKind === undefined ? (spec.metaCode ? "template" : null) : spec.metaKind,
    sheetName: "Báo cáo",
    values,
    cells: new Map(),
    via: "name",
    issues: [],
  };
}

export function rejectedRead(reason: RejectReason = "corrupt"): ReadResult {
  return { ok: false, reason, message: { vi: `Tệp bị hỏng (${reason})`, en: `Broken file (${reason})` } };
}

export function num(n: number): CellValue {
  return { type: "number", value: n };
}
