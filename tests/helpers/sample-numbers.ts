/**
 * Seeded sample numbers for returned reports: one implementation for the tests
 * (tests/merge/helpers.ts, tests/e2e/report-files.ts) and, through ./sample-returns.ts, the demo
 * (scripts/demo.ts). Pure: no files, no writer.
 */
import type { ResolvedForm } from "../../src/form/resolve";

/** mulberry32: small, seeded, deterministic. */
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

/**
 * Plausible numbers by defined name that pass every error rule of the form (female ≤ total,
 * part ≤ whole, sums) and its "not less" warning rule, with a plausible sex ratio at birth (V.7).
 */
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
  // left ≥ right (e.g. victims III.6 not fewer than cases III.5).
  for (const rule of form.definition.rules) {
    if (rule.type !== "notLess") continue;
    const left = form.byCode.get(rule.left.indicator)?.cells.find((c) => c.part === rule.left.part)?.name;
    const right = form.byCode.get(rule.right.indicator)?.cells.find((c) => c.part === rule.right.part)?.name;
    if (left && right) out.set(left, Math.max(out.get(left) ?? 0, out.get(right) ?? 0));
  }
  const births = name("V.7");
  const girls = name("V.7", 1);
  if (births && girls) out.set(girls, Math.round((out.get(births) ?? 0) * 0.48));
  return out;
}
