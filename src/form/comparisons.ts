/**
 * The comparison rules of a form (`type: "compare"`), parsed once per form. The form's schema has
 * already refused any expression that does not parse (schema.ts), so parsing cannot fail here.
 */
import type { ResolvedForm } from "./resolve";
import { parseComparison, type Comparison } from "./rule-expr";
import type { Rule } from "./schema";

export type CompareRule = Extract<Rule, { type: "compare" }>;

const cache = new WeakMap<ResolvedForm, { rule: CompareRule; cmp: Comparison }[]>();

export function comparisonsOf(form: ResolvedForm): { rule: CompareRule; cmp: Comparison }[] {
  let list = cache.get(form);
  if (!list) {
    const cellsOf = (code: string) => {
      const ind = form.byCode.get(code);
      return ind ? (ind.kind === "text" ? [] : ind.cells.map((c) => c.part)) : null;
    };
    list = form.definition.rules
      .filter((r): r is CompareRule => r.type === "compare")
      .map((rule) => ({ rule, cmp: parseComparison(rule.expression, cellsOf) }));
    cache.set(form, list);
  }
  return list;
}
