/**
 * The comparison rules an officer writes (`II.3.T + II.4.T <= II.2.T`, src/form/rule-expr.ts),
 * checked on a report's numbers: when every cell a rule names holds a valid number and the
 * comparison is false, one issue on the first cell of its left side, with the numbers.
 */
import { comparisonsOf } from "../form/comparisons";
import type { ResolvedForm } from "../form/resolve";
import { formatSide, holds, type CompareOp, type Term } from "../form/rule-expr";
import type { Issue } from "./issue";
import { formatNumberVi } from "./number";

const OP_SHOWN: Record<CompareOp, string> = { "<=": "≤", "<": "<", "=": "=", ">=": "≥", ">": ">" };

export function compareIssues(form: ResolvedForm, numbers: ReadonlyMap<string, number>): Issue[] {
  const nameOf = (t: Extract<Term, { cell: unknown }>): string | undefined =>
    form.byCode.get(t.cell.indicator)?.cells.find((c) => c.part === t.cell.part)?.name;
  const valueOf = (t: Term): number | undefined => ("cell" in t ? numbers.get(nameOf(t) ?? "") : t.value);
  const sum = (terms: readonly Term[]): number | undefined => {
    let s = 0;
    for (const t of terms) {
      const v = valueOf(t);
      if (v === undefined) return undefined;
      s += t.sign * v;
    }
    return s;
  };
  const issues: Issue[] = [];
  for (const { rule, cmp } of comparisonsOf(form)) {
    const l = sum(cmp.left);
    const r = sum(cmp.right);
    if (l === undefined || r === undefined || holds(l, cmp.op, r)) continue;
    const first = [...cmp.left, ...cmp.right].find((t): t is Extract<Term, { cell: unknown }> => "cell" in t);
    const withValues = (terms: readonly Term[], vi: boolean): string =>
      formatSide(terms, (t) => {
        const v = valueOf(t) as number;
        return "cell" in t
          ? `${formatSide([{ ...t, sign: 1 }])} (${vi ? formatNumberVi(v) : v})`
          : String(t.value);
      });
    const stated = `${formatSide(cmp.left)} ${OP_SHOWN[cmp.op]} ${formatSide(cmp.right)}`;
    const shown = (n: number): number => Math.round(n * 1e6) / 1e6;
    issues.push({
      severity: rule.severity,
      rule: rule.id,
      indicator: first?.cell.indicator ?? null,
      cell: first ? (nameOf(first) ?? null) : null,
      message: {
        vi: `${rule.description.vi}: cần ${stated}, nhưng ${withValues(cmp.left, true)} = ${formatNumberVi(shown(l))} và ${withValues(cmp.right, true)} = ${formatNumberVi(shown(r))}`,
        en: `${rule.description.en}: ${stated} must hold, but ${withValues(cmp.left, false)} = ${shown(l)} and ${withValues(cmp.right, false)} = ${shown(r)}`,
      },
    });
  }
  return issues;
}
