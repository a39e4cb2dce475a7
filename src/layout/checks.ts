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
import type { CellPart, CellRef, RuleType, Severity } from "../form/schema";
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

export function checkItems(form: ResolvedForm, at: CellLocator): CheckItem[] {
  const items: CheckItem[] = [];
  const rules = form.definition.rules;
  const kindOf = (code: string): { kind: "count" | "amount"; decimals?: number } => {
    const ind = form.byCode.get(code);
    return ind?.kind === "amount" ? { kind: "amount", decimals: ind.decimals } : { kind: "count" };
  };
  const addr = (code: string, part: CellPart): string | undefined => at(code, part);
  const valid = (code: string, part: CellPart): Expr => {
    const a = addr(code, part);
    if (!a) throw new Error(`thiếu ô ${code}/${part} / no cell`);
    const k = kindOf(code);
    return E.valid(a, k.kind, k.decimals);
  };
  const val = (code: string, part: CellPart): Expr => E.val(addr(code, part) as string);
  const label = (r: CellRef): string =>
    r.part === "value" ? r.indicator : `${r.indicator} (${PART_VI[r.part]})`;
  const push = (
    rule: { id: string; type: RuleType; severity: Severity },
    indicator: string,
    when: Expr,
    text: string
  ): void => {
    items.push({
      rule: rule.id,
      ruleType: rule.type,
      severity: rule.severity,
      indicator,
      when,
      message: `${prefix(rule.severity)} ${text}.`,
    });
  };
  const numeric = form.indicators.filter((i) => i.kind === "count" || i.kind === "amount" || i.kind === "tf");
  const tfs = form.indicators.filter((i) => i.kind === "tf");

  // Per rule, in the form's order; the valueType rule first on each row (sorted below).
  for (const r of rules) {
    switch (r.type) {
      case "valueType":
        for (const ind of numeric) {
          for (const c of ind.cells) {
            const a = addr(ind.code, c.part);
            if (!a) continue;
            const what = ind.kind === "tf" ? `${PART_VI[c.part]} ` : "";
            const must =
              ind.kind === "amount"
                ? `là số ≥ 0${ind.decimals !== undefined ? ` (tối đa ${ind.decimals} chữ số thập phân)` : ""}`
                : "là số nguyên ≥ 0";
            push(
              r,
              ind.code,
              E.and(E.not(E.blank(a)), E.not(valid(ind.code, c.part))),
              `${what}phải ${must}`.replace(/^./, (ch) => ch.toUpperCase())
            );
          }
        }
        break;
      case "femaleNotAboveTotal":
        for (const ind of tfs) {
          push(
            r,
            ind.code,
            E.and(
              valid(ind.code, "total"),
              valid(ind.code, "female"),
              E.cmp(">", val(ind.code, "female"), val(ind.code, "total"))
            ),
            `${femaleWord(ind)} lớn hơn tổng số`
          );
        }
        break;
      case "femaleWithoutTotal":
        for (const ind of tfs) {
          push(
            r,
            ind.code,
            E.and(valid(ind.code, "female"), E.blank(addr(ind.code, "total") as string)),
            `có ${femaleWord(ind).toLowerCase()} nhưng bỏ trống tổng số`
          );
        }
        break;
      case "partOfWhole": {
        const part = form.byCode.get(r.part);
        for (const c of part?.cells ?? []) {
          push(
            r,
            r.part,
            E.and(
              valid(r.part, c.part),
              valid(r.whole, c.part),
              E.cmp(">", val(r.part, c.part), val(r.whole, c.part))
            ),
            `${label({ indicator: r.part, part: c.part })} lớn hơn ${label({ indicator: r.whole, part: c.part })}`
          );
        }
        break;
      }
      case "sumEquals": {
        const parts = r.parts.map((p) => val(p, "value"));
        push(
          r,
          r.whole,
          E.and(
            ...r.parts.map((p) => valid(p, "value")),
            valid(r.whole, "value"),
            E.cmp(">", E.abs(E.sub(E.add(...parts), val(r.whole, "value"))), E.num(r.tolerance + 1e-9))
          ),
          `${r.parts.join(" + ")} khác ${r.whole}`
        );
        break;
      }
      case "notLess":
        push(
          r,
          r.left.indicator,
          E.and(
            valid(r.left.indicator, r.left.part),
            valid(r.right.indicator, r.right.part),
            E.cmp("<", val(r.left.indicator, r.left.part), val(r.right.indicator, r.right.part))
          ),
          `${label(r.left)} nhỏ hơn ${label(r.right)}`
        );
        break;
      case "requiresPositive":
        push(
          r,
          r.requires.indicator,
          E.and(
            valid(r.when.indicator, r.when.part),
            valid(r.requires.indicator, r.requires.part),
            E.cmp(">", val(r.when.indicator, r.when.part), E.num(0)),
            E.cmp("=", val(r.requires.indicator, r.requires.part), E.num(0))
          ),
          `${label(r.when)} > 0 nhưng ${label(r.requires)} = 0`
        );
        break;
      case "compare": {
        const found = comparisonsOf(form).find((c) => c.rule.id === r.id);
        if (found) push(r, firstIndicator(found.cmp), compareFails(found.cmp, valid, val), r.description.vi);
        break;
      }
      case "sexRatioRange": {
        const t = val(r.indicator, "total");
        const f = val(r.indicator, "female");
        const srb = E.mul(E.div(E.sub(t, f), f), E.num(100));
        push(
          r,
          r.indicator,
          E.if(
            E.and(
              valid(r.indicator, "total"),
              valid(r.indicator, "female"),
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
        break;
      }
      default:
        // blank, textNumber, textRequired, header, late: not shown in the Kiểm tra column.
        break;
    }
  }
  return items;
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
