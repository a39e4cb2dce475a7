/**
 * Comparison rules (`II.3.T + II.4.T <= II.2.T`): the rule engine (src/validate/compare-rules.ts)
 * and the template's Kiểm tra formulas (src/layout/checks.ts) fire on exactly the same reports.
 */
import fc from "fast-check";
import { BDG_2019 } from "../../src/form/bdg-2019";
import { loadForm } from "../../src/form/resolve";
import type { CellScalar } from "../../src/layout/sheet-model";
import { buildTemplate, firedChecks } from "../../src/layout/template";
import { evaluateReport } from "../../src/validate/engine";
import type { CellValue } from "../../src/workbook/cell-value";

const RULES = [
  ["cmp.ii", "II.3.T + II.4.T <= II.2.T", "error"],
  ["cmp.iv", "IV.5 = IV.6 + IV.7", "error"],
  ["cmp.v", "V.1.F - V.2.F < 10", "warning"],
  ["cmp.i", "I.1 >= 2", "warning"],
  ["cmp.iii", "III.3.T > III.3.F", "warning"],
] as const;

const form = loadForm({
  ...BDG_2019,
  rules: [
    ...BDG_2019.rules,
    ...RULES.map(([id, expression, severity]) => ({
      id,
      type: "compare" as const,
      severity,
      description: { vi: `Quy tắc ${id}`, en: `Rule ${id}` },
      expression,
    })),
  ],
});
const template = buildTemplate(form);
const ids = new Set<string>(RULES.map((r) => r[0]));
const name = (code: string, part = 0): string => form.byCode.get(code)!.cells[part].name;

function engine(inputs: Map<string, number>): string[] {
  const values = new Map<string, CellValue>([...inputs].map(([n, v]) => [n, { type: "number", value: v }]));
  return evaluateReport(form, values)
    .issues.filter((i) => ids.has(i.rule))
    .map((i) => `${i.indicator}|${i.rule}`)
    .sort();
}
function formulas(inputs: Map<string, number>): string[] {
  return firedChecks(template, inputs as Map<string, CellScalar>)
    .filter((c) => ids.has(c.rule))
    .map((c) => `${c.indicator}|${c.rule}`)
    .sort();
}

test("a failing comparison: one issue on its first cell, with the numbers", () => {
  const inputs = new Map([
    [name("II.2"), 10],
    [name("II.3"), 6],
    [name("II.4"), 7],
  ]);
  const issue = evaluateReport(
    form,
    new Map([...inputs].map(([n, v]) => [n, { type: "number", value: v } as CellValue]))
  ).issues.find((i) => i.rule === "cmp.ii");
  expect(issue).toMatchObject({ severity: "error", indicator: "II.3", cell: name("II.3") });
  expect(issue?.message.vi).toBe(
    "Quy tắc cmp.ii: cần II.3.T + II.4.T ≤ II.2.T, nhưng II.3.T (6) + II.4.T (7) = 13 và II.2.T (10) = 10"
  );
  expect(formulas(inputs)).toEqual(["II.3|cmp.ii"]);
});

test("a comparison naming a blank cell is not checked", () => {
  expect(engine(new Map([[name("II.3"), 60]]))).toEqual([]);
  expect(formulas(new Map([[name("II.3"), 60]]))).toEqual([]);
});

test("decimals summed without float noise: 0.1 + 0.2 = 0.3", () => {
  const inputs = new Map([
    [name("IV.5"), 0.3],
    [name("IV.6"), 0.1],
    [name("IV.7"), 0.2],
  ]);
  expect(engine(inputs)).toEqual([]);
  expect(formulas(inputs)).toEqual([]);
});

test("engine and template formulas agree on random reports (fast-check)", () => {
  const cells = ["II.2", "II.3", "II.4", "V.1", "V.2", "III.3"].flatMap((c) => [name(c, 0), name(c, 1)]);
  const amounts = ["IV.5", "IV.6", "IV.7"].map((c) => name(c));
  const count = fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined });
  const amount = fc.option(
    fc.integer({ min: 0, max: 3000 }).map((n) => n / 1000),
    { nil: undefined }
  );
  fc.assert(
    fc.property(
      fc.tuple(...cells.map(() => count)),
      fc.tuple(...amounts.map(() => amount)),
      count,
      (cs, as, i1) => {
        const inputs = new Map<string, number>();
        cells.forEach((n, i) => cs[i] !== undefined && inputs.set(n, cs[i] as number));
        amounts.forEach((n, i) => as[i] !== undefined && inputs.set(n, as[i] as number));
        if (i1 !== undefined) inputs.set(name("I.1"), i1);
        expect(formulas(inputs)).toEqual(engine(inputs));
      }
    ),
    { numRuns: 400 }
  );
});
