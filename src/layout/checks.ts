/**
 * The template's native checks, compiled FROM THE FORM'S RULES (no indicator code is written
 * here): for every rule the rule engine (src/validate/engine.ts) applies across cells, one
 * condition per affected row, in the same terms the engine uses (which cells, which
 * comparison, which tolerance), plus the computed values (% female, sex ratio at birth).
 *
 * A check item sits on the row of the indicator the engine names in its issue
 * (`issue.indicator`), so the Kiểm tra column and the engine can be compared row by row.
 *
 * Differences from the engine, by design: a number typed as text is shown as "not a number"
 * (the engine converts it with a warning; the template's data validation prevents typing it);
 * blank cells and header fields are not reported in the Kiểm tra column (a blank template
 * would be all red); the engine reports them.
 */
import type { ResolvedForm, ResolvedIndicator } from "../form/resolve";
import type { CellPart, CellRef, Rule, RuleType, Severity } from "../form/schema";
import { comparisonsOf } from "../form/comparisons";
import { COMPARE_TOLERANCE, type Comparison, type Term } from "../form/rule-expr";
import { E, type Expr } from "./expr";

export interface CheckItem {
  /** Rule id from the form (e.g. "part.II.3-le-II.2"). */
  rule: string;
  ruleType: RuleType;
  severity: Severity;
  /** The indicator whose row shows it (= the engine issue's `indicator`). */
  indicator: string;
  /** Shown when true. */
  when: Expr;
  /** Vietnamese text shown in the Kiểm tra cell, with its "Lỗi:"/"Lưu ý:" prefix. */
  message: string;
}

export interface ComputedItem {
  /** Computed id from the form, e.g. "V.1.pctf". */
  id: string;
  op: "percentFemale" | "sexRatioAtBirth";
  of: string;
  /** Number, or "" when it cannot be computed. */
  expr: Expr;
}

/** Where an indicator's cell is (address on the report sheet). */
export type CellLocator = (code: string, part: CellPart) => string | undefined;

const PART_VI: Record<CellPart, string> = { total: "tổng số", female: "số nữ", value: "giá trị" };

function prefix(severity: Severity): string {
  return severity === "error" ? "Lỗi:" : "Lưu ý:";
}

/** What the per-rule builders below share: the form, the cells' expressions, the list being built. */
interface Checks {
  form: ResolvedForm;
  addr: CellLocator;
  /** The cell holds a number of its indicator's kind (throws when the form has no such cell). */
  valid: (code: string, part: CellPart) => Expr;
  val: (code: string, part: CellPart) => Expr;
  push: (rule: Rule, indicator: string, when: Expr, text: string) => void;
}

type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;

const label = (r: CellRef): string =>
  r.part === "value" ? r.indicator : `${r.indicator} (${PART_VI[r.part]})`;

export function checkItems(form: ResolvedForm, at: CellLocator): CheckItem[] {
  const items: CheckItem[] = [];
  const kindOf = (code: string): { kind: "count" | "amount"; decimals?: number } => {
    const ind = form.byCode.get(code);
    return ind?.kind === "amount" ? { kind: "amount", decimals: ind.decimals } : { kind: "count" };
  };
  const h: Checks = {
    form,
    addr: at,
    valid: (code, part) => {
      const a = at(code, part);
      if (!a) throw new Error(`thiếu ô ${code}/${part} / no cell`);
      const k = kindOf(code);
      return E.valid(a, k.kind, k.decimals);
    },
    val: (code, part) => E.val(at(code, part) as string),
    push: (rule, indicator, when, text) =>
      items.push({
        rule: rule.id,
        ruleType: rule.type,
        severity: rule.severity,
        indicator,
        when,
        message: `${prefix(rule.severity)} ${text}.`,
      }),
  };
  // Per rule, in the form's order.
  for (const r of form.definition.rules) ruleChecks(r, h);
  return items;
}

/** The check items of one rule. */
function ruleChecks(r: Rule, h: Checks): void {
  switch (r.type) {
    case "valueType":
      return valueTypeChecks(r, h);
    case "femaleNotAboveTotal":
      return femaleChecks(r, h);
    case "femaleWithoutTotal":
      for (const ind of h.form.indicators.filter((i) => i.kind === "tf"))
        h.push(
          r,
          ind.code,
          E.and(h.valid(ind.code, "female"), E.blank(h.addr(ind.code, "total") as string)),
          `có ${femaleWord(ind).toLowerCase()} nhưng bỏ trống tổng số`
        );
      return;
    case "partOfWhole":
      return partOfWholeChecks(r, h);
    case "sumEquals":
      return sumEqualsCheck(r, h);
    case "notLess":
      return h.push(
        r,
        r.left.indicator,
        E.and(
          h.valid(r.left.indicator, r.left.part),
          h.valid(r.right.indicator, r.right.part),
          E.cmp("<", h.val(r.left.indicator, r.left.part), h.val(r.right.indicator, r.right.part))
        ),
        `${label(r.left)} nhỏ hơn ${label(r.right)}`
      );
    case "requiresPositive":
      return h.push(
        r,
        r.requires.indicator,
        E.and(
          h.valid(r.when.indicator, r.when.part),
          h.valid(r.requires.indicator, r.requires.part),
          E.cmp(">", h.val(r.when.indicator, r.when.part), E.num(0)),
          E.cmp("=", h.val(r.requires.indicator, r.requires.part), E.num(0))
        ),
        `${label(r.when)} > 0 nhưng ${label(r.requires)} = 0`
      );
    case "compare": {
      const found = comparisonsOf(h.form).find((c) => c.rule.id === r.id);
      if (found)
        h.push(r, firstIndicator(found.cmp), compareFails(found.cmp, h.valid, h.val), r.description.vi);
      return;
    }
    case "sexRatioRange":
      return sexRatioCheck(r, h);
    default:
      // blank, textNumber, textRequired, header, late: not shown in the Kiểm tra column.
      return;
  }
}

/** Every numeric cell: not blank and not a number of its kind. */
function valueTypeChecks(r: RuleOf<"valueType">, h: Checks): void {
  const numeric = h.form.indicators.filter(
    (i) => i.kind === "count" || i.kind === "amount" || i.kind === "tf"
  );
  for (const ind of numeric) {
    for (const c of ind.cells) {
      const a = h.addr(ind.code, c.part);
      if (!a) continue;
      const what = ind.kind === "tf" ? `${PART_VI[c.part]} ` : "";
      const must =
        ind.kind === "amount"
          ? `là số ≥ 0${ind.decimals !== undefined ? ` (tối đa ${ind.decimals} chữ số thập phân)` : ""}`
          : "là số nguyên ≥ 0";
      h.push(
        r,
        ind.code,
        E.and(E.not(E.blank(a)), E.not(h.valid(ind.code, c.part))),
        `${what}phải ${must}`.replace(/^./, (ch) => ch.toUpperCase())
      );
    }
  }
}

/** Every total/female indicator: female above the total. */
function femaleChecks(r: RuleOf<"femaleNotAboveTotal">, h: Checks): void {
  for (const ind of h.form.indicators.filter((i) => i.kind === "tf"))
    h.push(
      r,
      ind.code,
      E.and(
        h.valid(ind.code, "total"),
        h.valid(ind.code, "female"),
        E.cmp(">", h.val(ind.code, "female"), h.val(ind.code, "total"))
      ),
      `${femaleWord(ind)} lớn hơn tổng số`
    );
}

/** The part above the whole, cell by cell. */
function partOfWholeChecks(r: RuleOf<"partOfWhole">, h: Checks): void {
  const part = h.form.byCode.get(r.part);
  for (const c of part?.cells ?? [])
    h.push(
      r,
      r.part,
      E.and(
        h.valid(r.part, c.part),
        h.valid(r.whole, c.part),
        E.cmp(">", h.val(r.part, c.part), h.val(r.whole, c.part))
      ),
      `${label({ indicator: r.part, part: c.part })} lớn hơn ${label({ indicator: r.whole, part: c.part })}`
    );
}

/** The parts' sum differs from the whole by more than the tolerance. */
function sumEqualsCheck(r: RuleOf<"sumEquals">, h: Checks): void {
  const parts = r.parts.map((p) => h.val(p, "value"));
  h.push(
    r,
    r.whole,
    E.and(
      ...r.parts.map((p) => h.valid(p, "value")),
      h.valid(r.whole, "value"),
      E.cmp(">", E.abs(E.sub(E.add(...parts), h.val(r.whole, "value"))), E.num(r.tolerance + 1e-9))
    ),
    `${r.parts.join(" + ")} khác ${r.whole}`
  );
}

/** The sex ratio at birth outside its range, once the total is large enough to say. */
function sexRatioCheck(r: RuleOf<"sexRatioRange">, h: Checks): void {
  const t = h.val(r.indicator, "total");
  const f = h.val(r.indicator, "female");
  const srb = E.mul(E.div(E.sub(t, f), f), E.num(100));
  h.push(
    r,
    r.indicator,
    E.if(
      E.and(
        h.valid(r.indicator, "total"),
        h.valid(r.indicator, "female"),
        E.cmp(">=", t, E.num(r.minTotal)),
        E.cmp("<=", f, t)
      ),
      E.if(
        E.cmp("=", f, E.num(0)),
        E.bool(true),
        E.or(E.cmp("<", srb, E.num(r.min)), E.cmp(">", srb, E.num(r.max)))
      ),
      E.bool(false)
    ),
    `tỷ số giới tính khi sinh ngoài khoảng ${r.min}–${r.max}`
  );
}

function femaleWord(ind: ResolvedIndicator): string {
  const l = ind.femaleLabel?.vi.replace(/^Trong đó\s+/i, "");
  return l ? `Số ${l}` : "Số nữ";
}

/** % female and sex ratio at birth as formulas ("" when they cannot be computed). */
export function computedItems(form: ResolvedForm, at: CellLocator): ComputedItem[] {
  return form.definition.computed.map((c) => {
    const ind = form.byCode.get(c.formula.of);
    const kind = ind?.kind === "amount" ? "amount" : "count";
    const ta = at(c.formula.of, "total") as string;
    const fa = at(c.formula.of, "female") as string;
    const t = E.val(ta);
    const f = E.val(fa);
    const both = [E.valid(ta, kind), E.valid(fa, kind)];
    const expr =
      c.formula.op === "percentFemale"
        ? E.if(E.and(...both, E.cmp(">", t, E.num(0))), E.mul(E.div(f, t), E.num(100)), E.str(""))
        : E.if(E.and(...both, E.cmp(">", f, E.num(0))), E.mul(E.div(E.sub(t, f), f), E.num(100)), E.str(""));
    return { id: c.id, op: c.formula.op, of: c.formula.of, expr };
  });
}

/** The Kiểm tra formula for one row: its items' messages joined, "" when none applies. */
export function rowCheckExpr(items: CheckItem[]): Expr {
  return E.trimConcat(...items.map((i) => E.if(i.when, E.str(`${i.message} `), E.str(""))));
}

/** The indicator whose row shows a comparison's check (the engine's issue names the same). */
function firstIndicator(c: Comparison): string {
  const t = [...c.left, ...c.right].find((x) => "cell" in x);
  return t && "cell" in t ? t.cell.indicator : "";
}

/**
 * "Every cell named holds a valid number, and the comparison does not hold" — the same test as
 * src/validate/compare-rules.ts, with the same tolerance relative to the larger side.
 */
function compareFails(
  c: Comparison,
  valid: (code: string, part: CellPart) => Expr,
  val: (code: string, part: CellPart) => Expr
): Expr {
  const term = (t: Term): Expr => {
    const x = "cell" in t ? val(t.cell.indicator, t.cell.part) : E.num(t.value);
    return t.sign < 0 ? E.sub(E.num(0), x) : x;
  };
  const l = E.add(...c.left.map(term));
  const r = E.add(...c.right.map(term));
  const eps = E.mul(E.num(COMPARE_TOLERANCE), E.max(E.num(1), E.abs(l), E.abs(r)));
  const fails: Record<Comparison["op"], Expr> = {
    "<=": E.cmp(">", E.sub(l, r), eps),
    "<": E.cmp(">=", E.sub(l, r), E.sub(E.num(0), eps)),
    "=": E.cmp(">", E.abs(E.sub(l, r)), eps),
    ">=": E.cmp(">", E.sub(r, l), eps),
    ">": E.cmp(">=", E.sub(r, l), E.sub(E.num(0), eps)),
  };
  const cells = [...c.left, ...c.right].filter((t): t is Extract<Term, { cell: unknown }> => "cell" in t);
  return E.and(...cells.map((t) => valid(t.cell.indicator, t.cell.part)), fails[c.op]);
}
