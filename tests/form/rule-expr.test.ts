/** The comparison rules an officer writes (src/form/rule-expr.ts): grammar, errors, round trip. */
import fc from "fast-check";
import { builtInForm } from "../../src/form/resolve";
import {
  ExpressionError,
  formatSide,
  holds,
  parseComparison,
  type Comparison,
  type Term,
} from "../../src/form/rule-expr";
import { BDG_2019 } from "../../src/form/bdg-2019";
import { loadForm } from "../../src/form/resolve";
import { FormDefinitionError } from "../../src/form/schema";

const form = builtInForm();
const cellsOf = (code: string) => {
  const ind = form.byCode.get(code);
  return ind ? (ind.kind === "text" ? [] : ind.cells.map((c) => c.part)) : null;
};
const parse = (s: string): Comparison => parseComparison(s, cellsOf);
const fails = (s: string): ExpressionError => {
  try {
    parse(s);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`parsed: ${s}`);
};
const format = (c: Comparison): string => `${formatSide(c.left)} ${c.op} ${formatSide(c.right)}`;

describe("parseComparison", () => {
  test("sums of cells on both sides, every operator", () => {
    expect(parse("II.3.T + II.4.T <= II.2.T")).toEqual({
      left: [
        { sign: 1, cell: { indicator: "II.3", part: "total" } },
        { sign: 1, cell: { indicator: "II.4", part: "total" } },
      ],
      op: "<=",
      right: [{ sign: 1, cell: { indicator: "II.2", part: "total" } }],
    });
    expect(parse("IV.5 = IV.6 + IV.7").right).toHaveLength(2);
    for (const [text, op] of [
      ["I.1 < I.3", "<"],
      ["I.1 ≤ I.3", "<="],
      ["I.1 ≥ I.3", ">="],
      ["I.1 >= I.3", ">="],
      ["I.1 > I.3", ">"],
      ["I.1 == I.3", "="],
    ] as const)
      expect(parse(text).op).toBe(op);
  });

  test("minus signs (- and −), numbers with . or , decimals, lower case, no spaces", () => {
    expect(parse("iv.5−iv.6-1,5>=0")).toEqual({
      left: [
        { sign: 1, cell: { indicator: "IV.5", part: "value" } },
        { sign: -1, cell: { indicator: "IV.6", part: "value" } },
        { sign: -1, value: 1.5 },
      ],
      op: ">=",
      right: [{ sign: 1, value: 0 }],
    });
    expect(parse("-I.1 + I.3 > 2.5").left[0].sign).toBe(-1);
  });

  test("errors say what and where", () => {
    expect(fails("II.2 <= II.3.T")).toMatchObject({ at: 0 });
    expect(fails("II.2 <= II.3.T").vi).toContain("II.2.T");
    expect(fails("I.1.T <= 3").vi).toContain("chỉ có một ô");
    expect(fails("X.9 <= 3")).toMatchObject({ at: 0, en: "unknown indicator X.9" });
    expect(fails("I.1 3")).toMatchObject({ at: 4 });
    expect(fails("I.1 + <= 3").vi).toContain("thiếu chỉ tiêu hoặc số");
    expect(fails("I.1 <=").vi).toContain("còn thiếu");
    expect(fails("I.1 <= 2 <= 3").vi).toContain("thừa nội dung");
    expect(fails("1 <= 2").vi).toContain("ít nhất một chỉ tiêu");
    expect(fails("VI.1 <= 2").vi).toContain("không có ô số liệu");
    expect(fails("I.1 <= 2 # x").vi).toContain('ký tự không hợp lệ "#"');
  });

  test("what is written back parses to the same comparison (fast-check)", () => {
    const numericCells = form.indicators.flatMap((i) =>
      i.kind === "text" ? [] : i.cells.map((c) => ({ indicator: i.code, part: c.part }))
    );
    const term: fc.Arbitrary<Term> = fc.oneof(
      fc.record({ sign: fc.constantFrom(1 as const, -1 as const), cell: fc.constantFrom(...numericCells) }),
      fc.record({
        sign: fc.constantFrom(1 as const, -1 as const),
        value: fc.integer({ min: 0, max: 10_000 }),
      })
    );
    const side = fc.array(term, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(side, fc.constantFrom("<=", "<", "=", ">=", ">" as const), side, (left, op, right) => {
        fc.pre([...left, ...right].some((t) => "cell" in t));
        const c: Comparison = { left, op, right };
        expect(parse(format(c))).toEqual(c);
      }),
      { numRuns: 300 }
    );
  });
});

test("holds: the tolerance absorbs float noise and nothing more", () => {
  expect(holds(0.1 + 0.2, "=", 0.3)).toBe(true);
  expect(holds(0.1 + 0.2, "<=", 0.3)).toBe(true);
  expect(holds(0.30001, "<=", 0.3)).toBe(false);
  expect(holds(3, "<", 3)).toBe(false);
  expect(holds(3, ">=", 3)).toBe(true);
  expect(holds(1e12 + 1, "=", 1e12)).toBe(false);
});

describe("a compare rule in a form definition", () => {
  const withRule = (expression: string) =>
    loadForm({
      ...BDG_2019,
      rules: [
        ...BDG_2019.rules,
        {
          id: "cmp.test",
          type: "compare",
          severity: "error",
          description: { vi: "Kiểm tra", en: "Check" },
          expression,
        },
      ],
    });

  test("is accepted when it parses", () => {
    expect(withRule("II.3.T + II.4.T <= II.2.T").definition.rules.at(-1)).toMatchObject({ type: "compare" });
  });

  test("is refused, naming the rule and the place, when it does not", () => {
    expect(() => withRule("II.3 + II.4.T <= II.2.T")).toThrow(FormDefinitionError);
    try {
      withRule("II.3 + II.4.T <= II.2.T");
    } catch (e) {
      const msg = (e as FormDefinitionError).problems.join("\n");
      expect(msg).toMatch(/rules\[\d+\] \(cmp\.test\)\.expression/);
      expect(msg).toContain("ký tự 1");
      expect(msg).toContain("II.3.T");
    }
  });
});
