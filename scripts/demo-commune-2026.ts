/**
 * The demo's second scenario (scripts/demo.ts): a commune collects the gender-equality report of
 * 2026 from its villages and agencies. Everything about the collection is in this definition,
 * written to a definition workbook that the command line then uses with `--form`:
 * the built-in BDG form copied to 2026, ONE added indicator (II.7, online training), ONE compare
 * rule written the way an officer writes it (II.7.T <= II.2.T), and a clearly fictional registry
 * ("Xã Hòa Bình (giả định)": five villages and four agencies, two groups).
 */
import { copyForYear } from "../src/definition/copy-year";
import { builtInForm, type ResolvedForm } from "../src/form/resolve";
import { parseForm, type FormDefinition, type Indicator, type Rule, type Unit } from "../src/form/schema";
import type { CellScalar } from "../src/layout/sheet-model";
import { returnValues, type ReturnSpec } from "../tests/helpers/sample-returns";

export const VILLAGES = "Thôn";
export const AGENCIES = "Cơ quan, đoàn thể";

/** A fictional commune's villages and agencies (no real place is meant). */
export const HOA_BINH_UNITS: Unit[] = [
  { code: "THON-DONG", name: "Thôn Đông", group: VILLAGES, aliases: ["Thon Dong", "Đông"] },
  { code: "THON-TAY", name: "Thôn Tây", group: VILLAGES, aliases: ["Thon Tay", "Tây"] },
  { code: "THON-NAM", name: "Thôn Nam", group: VILLAGES, aliases: ["Thon Nam"] },
  { code: "THON-BAC", name: "Thôn Bắc", group: VILLAGES, aliases: ["Thon Bac"] },
  { code: "THON-TRUNG", name: "Thôn Trung", group: VILLAGES, aliases: ["Thon Trung"] },
  { code: "TRAM-Y-TE", name: "Trạm Y tế xã", group: AGENCIES, aliases: ["Trạm y tế", "TYT"] },
  { code: "TRUONG-TH", name: "Trường Tiểu học Hòa Bình", group: AGENCIES, aliases: ["Trường TH"] },
  { code: "HOI-PHU-NU", name: "Hội Liên hiệp Phụ nữ xã", group: AGENCIES, aliases: ["Hội Phụ nữ", "HLHPN"] },
  { code: "DOAN-TN", name: "Đoàn Thanh niên xã", group: AGENCIES, aliases: ["Xã đoàn", "Đoàn TN"] },
];

export const ADDED_CODE = "II.7";
export const WRITTEN_RULE_ID = "cmp.II.7-le-II.2";
export const WRITTEN_EXPRESSION = "II.7.T <= II.2.T";

const ADDED: Indicator = {
  code: ADDED_CODE,
  section: "II",
  label: {
    vi: "Số lượt người tham gia tập huấn trực tuyến về bình đẳng giới",
    en: "Online gender-equality training participations",
  },
  unit: "lượt người",
  kind: "tf",
};

const WRITTEN_RULE: Rule = {
  id: WRITTEN_RULE_ID,
  type: "compare",
  severity: "error",
  description: {
    vi: "Số lượt người tập huấn trực tuyến (II.7) không được lớn hơn số lượt người được tập huấn (II.2)",
    en: "Online training participations (II.7) cannot exceed all trainees (II.2)",
  },
  expression: WRITTEN_EXPRESSION,
};

/** The commune's form for 2026: BDG copied for the year, one indicator and one rule added, its registry. */
export function communeDefinition2026(): FormDefinition {
  const base = copyForYear(builtInForm().definition, 2026);
  const at = base.indicators.findIndex((i) => i.code === "II.6") + 1;
  return parseForm({
    ...base,
    title: { vi: `${base.title.vi} (cấp xã)`, en: `${base.title.en} (commune level)` },
    collector: { code: "XA-HOA-BINH", name: "UBND xã Hòa Bình (giả định)" },
    indicators: [...base.indicators.slice(0, at), ADDED, ...base.indicators.slice(at)],
    rules: [...base.rules, WRITTEN_RULE],
    units: HOA_BINH_UNITS,
  });
}

/**
 * A realistic return of the commune's form (tests/helpers/sample-returns.ts), with the added
 * indicator consistent with the written rule — or breaking it when asked (II.7.T above II.2.T).
 */
export function communeReturnValues(
  form: ResolvedForm,
  spec: ReturnSpec & { breakWrittenRule?: boolean }
): Map<string, CellScalar> {
  const values = returnValues(form, spec);
  const cell = (code: string, part: "total" | "female"): string =>
    form.byCode.get(code)?.cells.find((c) => c.part === part)?.name ?? `${code}/${part}`;
  const num = (name: string): number => {
    const v = values.get(name);
    // a number typed as text the Vietnamese way: "1.250"
    return typeof v === "string" ? Number(v.replace(/\./g, "")) : Number(v ?? 0);
  };
  const t = num(cell("II.2", "total"));
  const f = num(cell("II.2", "female"));
  const total = spec.breakWrittenRule ? t + 25 : Math.floor(t * 0.4);
  values.set(cell(ADDED_CODE, "total"), total);
  values.set(
    cell(ADDED_CODE, "female"),
    Math.min(total, Math.floor(f * 0.4) + (spec.breakWrittenRule ? 10 : 0))
  );
  return values;
}
