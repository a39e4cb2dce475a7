/** The computed values of a form (% female, sex ratio at birth), from a report's or a sum's numbers. */
import type { ResolvedForm } from "../form/resolve";

/** % female and sex ratio at birth, from (possibly summed) totals and females. */
export function computeValues(
  form: ResolvedForm,
  numbers: ReadonlyMap<string, number>
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const c of form.definition.computed) {
    const ind = form.byCode.get(c.formula.of);
    const total = ind && numbers.get(ind.cells[0].name);
    const female = ind && numbers.get(ind.cells[1].name);
    out.set(c.id, computeFormula(c.formula.op, total, female));
  }
  return out;
}

export function computeFormula(
  op: "percentFemale" | "sexRatioAtBirth",
  total: number | undefined,
  female: number | undefined
): number | null {
  if (total === undefined || female === undefined) return null;
  if (op === "percentFemale") return total > 0 ? (female / total) * 100 : null;
  return female > 0 ? ((total - female) / female) * 100 : null;
}
