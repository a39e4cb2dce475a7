/**
 * The form definition as data: zod schemas and the types inferred from them.
 * A form says what a report contains (header fields, sections, indicators, computed values),
 * which rules apply, who collects it and which units report. Nothing here does I/O.
 */
import { z } from "zod";
import { parseComparison, type ExpressionError } from "./rule-expr";

export const textVi = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof textVi>;

export const indicatorKind = z.enum(["count", "amount", "tf", "text", "computed"]);
export type IndicatorKind = z.infer<typeof indicatorKind>;

/** One input cell of an indicator: tf indicators have total + female, the others one value. */
export const cellPart = z.enum(["total", "female", "value"]);
export type CellPart = z.infer<typeof cellPart>;

const code = z
  .string()
  .regex(/^[A-Z]+(\.[0-9]+)*$/, "mã chỉ tiêu phải có dạng I.2, IV.10 / code must look like I.2");

export const computedFormula = z.object({
  /** percentFemale = F / T × 100; sexRatioAtBirth = (T − F) / F × 100 (boys per 100 girls). */
  op: z.enum(["percentFemale", "sexRatioAtBirth"]),
  of: code,
});
export type ComputedFormula = z.infer<typeof computedFormula>;

/** The input cells of an indicator of a kind: tf has total + female, computed none, others one value. */
export function partsOfKind(kind: IndicatorKind): CellPart[] {
  if (kind === "tf") return ["total", "female"];
  if (kind === "computed") return [];
  return ["value"];
}

export const indicatorSchema = z
  .object({
    code,
    section: z.string().min(1),
    label: textVi,
    /** Unit of measure, e.g. "lượt người"; empty for text. */
    unit: z.string(),
    kind: indicatorKind,
    /** Label of the female cell when it is not simply "nữ" (e.g. "bé gái"). */
    femaleLabel: textVi.optional(),
    /** Only for kind "computed". */
    formula: computedFormula.optional(),
    /** Only for kind "amount": maximum decimals. */
    decimals: z.number().int().min(0).max(6).optional(),
  })
  .superRefine((ind, ctx) => {
    if (ind.kind === "computed" && !ind.formula) {
      ctx.addIssue({
        code: "custom",
        message: "chỉ tiêu tính toán cần công thức / computed indicator needs a formula",
        path: ["formula"],
      });
    }
    if (ind.kind !== "computed" && ind.formula) {
      ctx.addIssue({
        code: "custom",
        message: "chỉ chỉ tiêu tính toán có công thức / only computed indicators have a formula",
        path: ["formula"],
      });
    }
    if (ind.femaleLabel && ind.kind !== "tf") {
      ctx.addIssue({
        code: "custom",
        message: "femaleLabel chỉ dùng cho chỉ tiêu T|F / femaleLabel is for tf indicators only",
        path: ["femaleLabel"],
      });
    }
  });
export type Indicator = z.infer<typeof indicatorSchema>;

export const sectionSchema = z.object({
  code: z.string().regex(/^[A-Z]+$/),
  title: textVi,
  /** Show the Tỷ lệ nữ (%) column for the tf rows of this section. */
  percentFemale: z.boolean().default(false),
});
export type Section = z.infer<typeof sectionSchema>;

export const fieldKey = z.enum(["unit", "year", "reportDate", "preparer", "phone", "head"]);
export type FieldKey = z.infer<typeof fieldKey>;

export const fieldSchema = z.object({
  key: fieldKey,
  label: textVi,
  required: z.boolean(),
});
export type Field = z.infer<typeof fieldSchema>;

export const severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof severity>;

/** Reference to one cell of an indicator. For tf indicators `part` says which. */
export const cellRef = z.object({ indicator: code, part: cellPart.default("value") });
export type CellRef = z.infer<typeof cellRef>;

const ruleBase = { id: z.string().regex(/^[a-z][a-zA-Z0-9.-]*$/), severity, description: textVi };

/**
 * Rules are data. The "generic" ones (type, blank, header, late, text number, tf) apply to
 * every indicator of the matching kind; the others name their indicators.
 */
export const ruleSchema = z.discriminatedUnion("type", [
  /** Counts whole ≥ 0, amounts ≥ 0, dates are dates. */
  z.object({ ...ruleBase, type: z.literal("valueType") }),
  /** A blank numeric input cell: "not reported". */
  z.object({ ...ruleBase, type: z.literal("blank") }),
  /** A number typed as text (converted and flagged). */
  z.object({ ...ruleBase, type: z.literal("textNumber") }),
  /** For every tf indicator: F ≤ T. */
  z.object({ ...ruleBase, type: z.literal("femaleNotAboveTotal") }),
  /** For every tf indicator: F filled while T blank. */
  z.object({ ...ruleBase, type: z.literal("femaleWithoutTotal") }),
  /** part ≤ whole, on every part (total and female) for tf pairs. */
  z.object({ ...ruleBase, type: z.literal("partOfWhole"), part: code, whole: code }),
  /** sum(parts) = whole within tolerance, when all are filled. */
  z.object({
    ...ruleBase,
    type: z.literal("sumEquals"),
    parts: z.array(code).min(1),
    whole: code,
    tolerance: z.number().min(0),
  }),
  /** left ≥ right (both filled); e.g. victims ≥ cases. */
  z.object({ ...ruleBase, type: z.literal("notLess"), left: cellRef, right: cellRef }),
  /** when `when` > 0, `requires` must be > 0; e.g. participants while no event. */
  z.object({ ...ruleBase, type: z.literal("requiresPositive"), when: cellRef, requires: cellRef }),
  /** Sex ratio at birth of a tf indicator outside [min, max] when T ≥ minTotal. */
  z.object({
    ...ruleBase,
    type: z.literal("sexRatioRange"),
    indicator: code,
    minTotal: z.number().min(0),
    min: z.number(),
    max: z.number(),
  }),
  /** A text indicator left blank. */
  z.object({ ...ruleBase, type: z.literal("textRequired"), indicator: code }),
  /** Header: required fields, unit in the registry, year equal to the form's year, date/phone shape. */
  z.object({ ...ruleBase, type: z.literal("header") }),
  /** Report date after the deadline. */
  z.object({ ...ruleBase, type: z.literal("late") }),
  /**
   * A comparison an officer writes: `II.3.T + II.4.T <= II.2.T` (rule-expr.ts). It holds when
   * true; checked when every cell it names holds a number. `description` is its message.
   */
  z.object({ ...ruleBase, type: z.literal("compare"), expression: z.string().min(1) }),
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule["type"];

export const unitSchema = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, "mã đơn vị: chữ in hoa, số, '-' / unit code: A-Z, 0-9, '-'"),
  name: z.string().min(1),
  /**
   * The group the unit belongs to, by name ("Xã, thị trấn", "Thôn", "Tổ dân phố"…): the summary's
   * subtotals, the reporting rates and the comparison of unusual values follow the groups, in the
   * order they first appear in the registry.
   */
  group: z.string().trim().min(1),
  /** Other names officers type for it (abbreviations). */
  aliases: z.array(z.string().min(1)).default([]),
});
export type Unit = z.infer<typeof unitSchema>;

export const formSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, "mã biểu mẫu: chữ, số, '-' / form id: letters, digits, '-'"),
    version: z.string().regex(/^[0-9]+(\.[0-9]+)*$/),
    title: textVi,
    year: z.number().int().min(1900).max(9999),
    /** The unit that collects the report (district, province…). */
    collector: z.object({ code: unitSchema.shape.code, name: z.string().min(1) }),
    /** Last day (inclusive) a report is on time: ISO date. */
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    fields: z.array(fieldSchema).min(1),
    sections: z.array(sectionSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    /** Values computed from indicators, never typed (e.g. % female). */
    computed: z.array(
      z.object({
        id: z.string().regex(/^[A-Z]+(\.[0-9]+)*\.[a-z]+$/),
        label: textVi,
        unit: z.string(),
        formula: computedFormula,
      })
    ),
    rules: z.array(ruleSchema),
    units: z.array(unitSchema).min(1),
  })
  .superRefine((form, ctx) => checkReferences(form, ctx));

export type FormDefinition = z.infer<typeof formSchema>;
/** What a form author writes (defaults not yet applied). */
export type FormInput = z.input<typeof formSchema>;

type Path = (string | number)[];

const NUMERIC: IndicatorKind[] = ["count", "amount", "tf"];

/** Cross-references of a form checked as zod issues: what the per-part checks below share. */
class References {
  /** The indicators by code, as far as read (an indicator may refer only to one before it). */
  readonly byCode = new Map<string, Indicator>();

  constructor(private readonly ctx: z.RefinementCtx) {}

  issue(message: string, path: Path): void {
    this.ctx.addIssue({ code: "custom", message, path });
  }

  dup(kind: [vi: string, en: string], value: string, path: Path): void {
    this.issue(`${kind[0]} trùng lặp / duplicate ${kind[1]}: ${value}`, path);
  }

  /** `c` is an indicator of one of `kinds`. */
  requireKind(c: string, kinds: IndicatorKind[], path: Path): void {
    const ind = this.byCode.get(c);
    if (!ind) this.issue(`chỉ tiêu ${c} không tồn tại / unknown indicator ${c}`, path);
    else if (!kinds.includes(ind.kind))
      this.issue(
        `chỉ tiêu ${c} phải thuộc loại ${kinds.join("|")} / indicator ${c} must be ${kinds.join("|")}`,
        path
      );
  }

  /** A numeric indicator's cell: tf indicators have total/female, count/amount a single value. */
  requireCell(ref: CellRef, path: Path): void {
    this.requireKind(ref.indicator, NUMERIC, path);
    const kind = this.byCode.get(ref.indicator)?.kind;
    if (!kind || !NUMERIC.includes(kind)) return;
    const ok = kind === "tf" ? ref.part !== "value" : ref.part === "value";
    if (!ok)
      this.issue(
        `chỉ tiêu ${ref.indicator} không có ô "${ref.part}" / indicator ${ref.indicator} has no "${ref.part}" cell`,
        [...path, "part"]
      );
  }

  /** Each value once: a duplicate is an issue at its own path. */
  unique<T>(
    items: readonly T[],
    valueOf: (x: T) => string,
    kind: [vi: string, en: string],
    path: (i: number) => Path
  ): void {
    const seen = new Set<string>();
    items.forEach((x, i) => {
      const v = valueOf(x);
      if (seen.has(v)) this.dup(kind, v, path(i));
      seen.add(v);
    });
  }
}

function checkReferences(form: z.infer<typeof formSchema>, ctx: z.RefinementCtx): void {
  const refs = new References(ctx);
  const sections = new Set(form.sections.map((s) => s.code));
  form.indicators.forEach((ind, i) => {
    if (refs.byCode.has(ind.code))
      refs.dup(["mã chỉ tiêu", "indicator code"], ind.code, ["indicators", i, "code"]);
    refs.byCode.set(ind.code, ind);
    if (!sections.has(ind.section))
      refs.issue(
        `mục "${ind.section}" không tồn tại / unknown section "${ind.section}" (chỉ tiêu ${ind.code})`,
        ["indicators", i, "section"]
      );
    if (ind.kind === "computed" && ind.formula)
      refs.requireKind(ind.formula.of, ["tf"], ["indicators", i, "formula", "of"]);
  });
  refs.unique(
    form.fields,
    (f) => f.key,
    ["trường", "field"],
    (i) => ["fields", i, "key"]
  );
  if (!form.fields.some((f) => f.key === "unit"))
    refs.issue("thiếu trường đơn vị / the unit field is required", ["fields"]);
  const seenComputed = new Set<string>();
  form.computed.forEach((c, i) => {
    if (seenComputed.has(c.id)) refs.dup(["mã giá trị tính", "computed id"], c.id, ["computed", i, "id"]);
    seenComputed.add(c.id);
    refs.requireKind(c.formula.of, ["tf"], ["computed", i, "formula", "of"]);
  });
  const seenRules = new Set<string>();
  form.rules.forEach((r, i) => {
    if (seenRules.has(r.id)) refs.dup(["mã quy tắc", "rule id"], r.id, ["rules", i, "id"]);
    seenRules.add(r.id);
    checkRuleReferences(refs, r, (k) => ["rules", i, k]);
  });
  refs.unique(
    form.units,
    (u) => u.code,
    ["mã đơn vị", "unit code"],
    (i) => ["units", i, "code"]
  );
}

/** The indicators and cells one rule names exist and are of the kinds it needs; a comparison parses. */
function checkRuleReferences(refs: References, r: Rule, p: (k: string) => Path): void {
  const byCode = refs.byCode;
  switch (r.type) {
    case "partOfWhole":
      refs.requireKind(r.part, NUMERIC, p("part"));
      refs.requireKind(r.whole, NUMERIC, p("whole"));
      if (byCode.get(r.part)?.kind !== byCode.get(r.whole)?.kind && byCode.has(r.part) && byCode.has(r.whole))
        refs.issue(`${r.part} và ${r.whole} phải cùng loại / must be of the same kind`, p("part"));
      return;
    case "sumEquals":
      r.parts.forEach((c, j) => refs.requireKind(c, ["count", "amount"], [...p("parts"), j]));
      refs.requireKind(r.whole, ["count", "amount"], p("whole"));
      return;
    case "notLess":
      refs.requireCell(r.left, p("left"));
      refs.requireCell(r.right, p("right"));
      return;
    case "requiresPositive":
      refs.requireCell(r.when, p("when"));
      refs.requireCell(r.requires, p("requires"));
      return;
    case "sexRatioRange":
      refs.requireKind(r.indicator, ["tf"], p("indicator"));
      return;
    case "textRequired":
      refs.requireKind(r.indicator, ["text"], p("indicator"));
      return;
    case "compare":
      try {
        parseComparison(r.expression, (c) => {
          const ind = byCode.get(c);
          return ind ? (ind.kind === "text" ? [] : partsOfKind(ind.kind)) : null;
        });
      } catch (e) {
        const x = e as ExpressionError;
        refs.issue(`biểu thức "${r.expression}" (ký tự ${x.at + 1}): ${x.vi} / ${x.en}`, p("expression"));
      }
      return;
    default:
      return;
  }
}

/**
 * Human-readable list of what is wrong with a form definition, one line per problem, each
 * naming the entry by its position and, when it has one, its code or id:
 * `indicators[3] (I.4).kind: …`.
 */
export function describeFormErrors(error: z.ZodError, input?: unknown): string[] {
  return error.issues.map((iss) => `${describePath(iss.path, input)}: ${iss.message}`);
}

function describePath(path: readonly PropertyKey[], input: unknown): string {
  if (!path.length) return "(form)";
  let node: unknown = input;
  let out = "";
  for (const key of path) {
    if (typeof key === "number") {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const label =
        node && typeof node === "object"
          ? ((node as Record<string, unknown>).code ??
            (node as Record<string, unknown>).id ??
            (node as Record<string, unknown>).key)
          : undefined;
      if (typeof label === "string") out += ` (${label})`;
    } else {
      out += `${out ? "." : ""}${String(key)}`;
      node =
        node && typeof node === "object" && Object.prototype.hasOwnProperty.call(node, key)
          ? (node as Record<PropertyKey, unknown>)[key]
          : undefined;
    }
  }
  return out;
}

export class FormDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Định nghĩa biểu mẫu không hợp lệ / invalid form definition:\n- ${problems.join("\n- ")}`);
    this.name = "FormDefinitionError";
  }
}

/** Parse and check a form definition; throws FormDefinitionError with one line per problem. */
export function parseForm(input: unknown): FormDefinition {
  const result = formSchema.safeParse(input);
  if (!result.success) throw new FormDefinitionError(describeFormErrors(result.error, input));
  return result.data;
}
