import fc from "fast-check";
import { builtInForm } from "../../src/form";
import type { RuleType } from "../../src/form/schema";
import { E, evaluate, numberLiteral, toExcel } from "../../src/layout/expr";
import { buildTemplate, expectedChecks, firedChecks, formulaValues } from "../../src/layout/template";
import type { CellValue } from "../../src/workbook/cell-value";
import { evaluateReport } from "../../src/validate/engine";
import type { CellScalar } from "../../src/layout/sheet-model";

const form = builtInForm();
const t = buildTemplate(form);
const CROSS: RuleType[] = [
  "valueType",
  "femaleNotAboveTotal",
  "femaleWithoutTotal",
  "partOfWhole",
  "sumEquals",
  "notLess",
  "requiresPositive",
  "sexRatioRange",
];
const ruleType = new Map(form.definition.rules.map((r) => [r.id, r.type]));

/** What the engine reports on indicator rows for the cross-cell rules, as "code|rule" (sorted). */
function engineKeys(inputs: Map<string, CellScalar>): string[] {
  const values = new Map<string, CellValue>();
  for (const [n, v] of inputs) if (typeof v === "number") values.set(n, { type: "number", value: v });
  return evaluateReport(form, values)
    .issues.filter((i) => i.indicator !== null && CROSS.includes(ruleType.get(i.rule) as RuleType))
    .map((i) => `${i.indicator}|${i.rule}`)
    .sort();
}
function templateKeys(inputs: Map<string, CellScalar>): string[] {
  return firedChecks(t, inputs)
    .map((c) => `${c.indicator}|${c.rule}`)
    .sort();
}

const numericCells = form.indicators
  .filter((i) => i.kind !== "text")
  .flatMap((i) => i.cells.map((c) => ({ name: c.name, kind: i.kind })));

const countValue = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: -1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => n + 0.5) }
);
const amountValue = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((n) => n / 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 99_999 }).map((n) => n / 10_000) },
  { weight: 1, arbitrary: fc.constant(-1) }
);
const inputsArb = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: numericCells.length, maxLength: numericCells.length }),
    fc.tuple(...numericCells.map((c) => (c.kind === "amount" ? amountValue : countValue))),
    fc.boolean()
  )
  .map(([, vals, balance]) => {
    const m = new Map<string, CellScalar>();
    numericCells.forEach((c, i) => {
      if (vals[i] !== null) m.set(c.name, vals[i]);
    });
    // Often make sums balance, so both sides of "sum equals" are exercised.
    if (balance) {
      for (const r of form.definition.rules) {
        if (r.type !== "sumEquals") continue;
        const parts = r.parts.map((p) => m.get(form.byCode.get(p)?.cells[0].name as string));
        if (parts.every((p) => typeof p === "number"))
          m.set(
            form.byCode.get(r.whole)?.cells[0].name as string,
            (parts as number[]).reduce((a, b) => a + b, 0)
          );
      }
    }
    return m;
  });

describe("Kiểm tra column ↔ rule engine", () => {
  test("the same violations on random numeric inputs", () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        expect(templateKeys(inputs)).toEqual(engineKeys(inputs));
      }),
      { numRuns: 400 }
    );
  });

  test("computed values equal the engine's", () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const values = new Map<string, CellValue>();
        for (const [n, v] of inputs) if (typeof v === "number") values.set(n, { type: "number", value: v });
        const engine = evaluateReport(form, values).computed;
        const mine = formulaValues(t, inputs);
        for (const [id, cell] of Object.entries(t.positions.computed)) {
          const e = engine.get(id) ?? null;
          const v = mine.get(cell);
          if (e === null) expect(v).toBe("");
          else expect(v).toBeCloseTo(e, 9);
        }
      }),
      { numRuns: 200 }
    );
  });

  test("hand-picked violations, one per rule kind", () => {
    const n = (code: string, part = "value") =>
      form.byCode.get(code)?.cells.find((c) => c.part === part)?.name as string;
    const inputs = new Map<string, CellScalar>([
      [n("I.2", "total"), 100],
      [n("I.2", "female"), 120],
      [n("I.1"), 0],
      [n("II.2", "total"), 10],
      [n("II.2", "female"), 5],
      [n("II.3", "total"), 12],
      [n("II.3", "female"), 3],
      [n("IV.5"), 10],
      [n("IV.6"), 3],
      [n("IV.7"), 2.5],
      [n("III.5"), 4],
      [n("III.6", "total"), 2],
      [n("III.6", "female"), 1],
      [n("V.7", "total"), 200],
      [n("V.7", "female"), 60],
      [n("V.1", "female"), 4],
      [n("I.3"), -2],
    ]);
    const checks = expectedChecks(t, inputs);
    expect(checks.get("I.2")).toBe("Lỗi: Số nữ lớn hơn tổng số.");
    expect(checks.get("I.1")).toBe("Lưu ý: I.2 (tổng số) > 0 nhưng I.1 = 0.");
    expect(checks.get("II.3")).toBe("Lỗi: II.3 (tổng số) lớn hơn II.2 (tổng số).");
    expect(checks.get("IV.5")).toBe("Lỗi: IV.6 + IV.7 khác IV.5.");
    expect(checks.get("III.6")).toBe("Lưu ý: III.6 (tổng số) nhỏ hơn III.5.");
    expect(checks.get("V.7")).toBe("Lưu ý: tỷ số giới tính khi sinh ngoài khoảng 90–130.");
    expect(checks.get("V.1")).toBe("Lỗi: có số nữ nhưng bỏ trống tổng số.");
    expect(checks.get("I.3")).toBe("Lỗi: Phải là số nguyên ≥ 0.");
    expect(checks.get("I.4")).toBe("");
    expect(templateKeys(inputs)).toEqual(engineKeys(inputs));
    const v = formulaValues(t, inputs);
    expect(v.get(t.positions.computed["V.7.srb"])).toBeCloseTo(233.333333, 5);
  });

  test("a number typed as text shows as an error in the sheet (the engine converts it with a warning)", () => {
    const name = form.byCode.get("I.1")?.cells[0].name as string;
    expect(expectedChecks(t, new Map([[name, "12"]])).get("I.1")).toBe("Lỗi: Phải là số nguyên ≥ 0.");
    expect(expectedChecks(t, new Map([[name, "  "]])).get("I.1")).toBe("");
  });
});

describe("expression tree", () => {
  test("renders Excel formulas", () => {
    expect(
      toExcel(
        E.if(E.and(E.valid("D5", "count"), E.cmp(">", E.val("D5"), E.num(0))), E.str('a "b"'), E.str(""))
      )
    ).toBe('IF(AND(AND(ISNUMBER(D5),N(D5)>=0,N(D5)<=1000000000000,N(D5)=INT(N(D5))),N(D5)>0),"a ""b""","")');
    expect(
      toExcel(E.cmp(">", E.abs(E.sub(E.add(E.val("A1"), E.val("A2")), E.val("A3"))), E.num(0.001000001)))
    ).toBe("ABS((N(A1)+N(A2))-N(A3))>0.001000001");
    expect(numberLiteral(1e-9)).toBe("0.000000001");
    expect(toExcel(E.bool(true))).toBe("TRUE");
  });

  test("evaluates like a spreadsheet", () => {
    const cells = (a: string): CellScalar => ({ A1: 2.5, A2: "x", A3: null, A4: -1 })[a] ?? null;
    expect(evaluate(E.val("A2"), cells)).toBe(0);
    expect(evaluate(E.valid("A1", "count"), cells)).toBe(false);
    expect(evaluate(E.valid("A1", "amount", 3), cells)).toBe(true);
    expect(evaluate(E.valid("A4", "amount"), cells)).toBe(false);
    expect(evaluate(E.blank("A3"), cells)).toBe(true);
    expect(evaluate(E.trimConcat(E.str(" a "), E.str(""), E.str("b ")), cells)).toBe("a b");
    expect(() => evaluate(E.div(E.num(1), E.val("A3")), cells)).toThrow(/DIV/);
  });
});
