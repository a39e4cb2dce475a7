/** Reading numbers typed as text (docs/CONTRACT.md "Reading values"), table and property tests. */
import fc from "fast-check";
import {
  formatNumberVi,
  parseNumberText,
  type NumberKind,
  type ParsedNumber,
} from "../../src/validate/number";

const NBSP = "\u00a0";

describe("parseNumberText: table", () => {
  const cases: [string, NumberKind, ParsedNumber][] = [
    ["1.234", "count", { ok: true, value: 1234 }],
    ["1.234.567", "count", { ok: true, value: 1234567 }],
    ["1.234.567", "amount", { ok: true, value: 1234567 }],
    ["12,5", "amount", { ok: true, value: 12.5 }],
    ["0,5", "amount", { ok: true, value: 0.5 }],
    ["1.234,5", "amount", { ok: true, value: 1234.5 }],
    ["1.234,567", "amount", { ok: true, value: 1234.567 }],
    ["12.5", "amount", { ok: true, value: 12.5 }],
    ["-", "count", { ok: true, value: 0 }],
    ["–", "count", { ok: true, value: 0 }],
    ["-", "amount", { ok: true, value: 0 }],
    [" – ", "amount", { ok: true, value: 0 }],
    ["0", "count", { ok: true, value: 0 }],
    ["42", "count", { ok: true, value: 42 }],
    [" 42 ", "count", { ok: true, value: 42 }],
    [`1${NBSP}234`, "count", { ok: true, value: 1234 }],
    ["1 234 567", "count", { ok: true, value: 1234567 }],
    [`1${NBSP}234,5`, "amount", { ok: true, value: 1234.5 }],
    ["1\u202f234", "count", { ok: true, value: 1234 }],
    ["1.234", "amount", { ok: false, reason: "ambiguous", readings: [1234, 1.234] }],
    ["1,234", "amount", { ok: false, reason: "ambiguous", readings: [1.234, 1234] }],
    ["1,234", "count", { ok: true, value: 1234 }],
    ["abc", "count", { ok: false, reason: "notNumber" }],
    ["12abc", "amount", { ok: false, reason: "notNumber" }],
    ["", "count", { ok: false, reason: "empty" }],
    ["   ", "amount", { ok: false, reason: "empty" }],
    [NBSP, "amount", { ok: false, reason: "empty" }],
    ["1.2.3", "count", { ok: false, reason: "notNumber" }],
    ["1.2.3", "amount", { ok: false, reason: "notNumber" }],
    [".", "count", { ok: false, reason: "notNumber" }],
    [",", "amount", { ok: false, reason: "notNumber" }],
    ["--", "count", { ok: false, reason: "notNumber" }],
    ["-5", "count", { ok: true, value: -5 }],
    ["-1.234", "count", { ok: true, value: -1234 }],
    ["-12,5", "amount", { ok: true, value: -12.5 }],
    ["+7", "count", { ok: true, value: 7 }],
    // A leading-zero group is not thousands grouping: "0,123" is 0.123, "0.500" is 0.5.
    ["0,123", "amount", { ok: true, value: 0.123 }],
    ["0.500", "amount", { ok: true, value: 0.5 }],
    // Fits only one kind: "12,5" for a count reads as 12.5 (the type rule then rejects it).
    ["12,5", "count", { ok: true, value: 12.5 }],
    // A count is written without decimals: "1.000" is one thousand, not 1.000 = 1.
    ["1.000", "count", { ok: true, value: 1000 }],
    ["1,000", "count", { ok: true, value: 1000 }],
    ["1.000", "amount", { ok: false, reason: "ambiguous", readings: [1000, 1] }],
    ["1.000.000", "amount", { ok: true, value: 1000000 }],
    // More digits than a double holds: not a number, never Infinity.
    ["9".repeat(400), "count", { ok: false, reason: "notNumber" }],
  ];
  it.each(cases)("%j as %s", (text, kind, expected) => {
    expect(parseNumberText(text, kind)).toEqual(expected);
  });

  it("never returns -0", () => {
    const r = parseNumberText("-0", "count");
    expect(r).toEqual({ ok: true, value: 0 });
    expect(r.ok && Object.is(r.value, -0)).toBe(false);
  });
});

describe("formatNumberVi", () => {
  it.each([
    [0, "0"],
    [120, "120"],
    [1234, "1.234"],
    [1234567, "1.234.567"],
    [12.5, "12,5"],
    [1234.567, "1.234,567"],
    [-1234.5, "-1.234,5"],
  ])("%p → %s", (n, s) => {
    expect(formatNumberVi(n)).toBe(s);
  });
});

/** Vietnamese grouping of a non-negative integer with a chosen separator. */
function group(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

describe("parseNumberText: properties", () => {
  const nonNegInt = fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer({ min: 0, max: 99_999_999 }));

  it('Vietnamese "." grouping of any non-negative integer reads back as a count', () => {
    fc.assert(
      fc.property(nonNegInt, (n) => {
        expect(parseNumberText(group(n, "."), "count")).toEqual({ ok: true, value: n });
      })
    );
  });

  it("space / NBSP / narrow NBSP grouping reads back, for counts and amounts", () => {
    fc.assert(
      fc.property(
        nonNegInt,
        fc.constantFrom(" ", NBSP, "\u202f"),
        fc.constantFrom<NumberKind>("count", "amount"),
        (n, sep, kind) => {
          expect(parseNumberText(group(n, sep), kind)).toEqual({ ok: true, value: n });
        }
      )
    );
  });

  it("formatNumberVi output reads back as a count", () => {
    fc.assert(
      fc.property(nonNegInt, (n) => {
        expect(parseNumberText(formatNumberVi(n), "count")).toEqual({ ok: true, value: n });
      })
    );
  });

  it('an amount "int,dec" (1–3 decimals, Vietnamese grouping) reads back; only "ddd,ddd" is ambiguous', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc
          .integer({ min: 1, max: 3 })
          .chain((len) => fc.tuple(fc.constant(len), fc.integer({ min: 0, max: 10 ** len - 1 }))),
        fc.boolean(),
        (int, [len, dec], negative) => {
          const decText = String(dec).padStart(len, "0");
          const text = `${negative ? "-" : ""}${group(int, ".")},${decText}`;
          const expected = (negative ? -1 : 1) * Number(`${int}.${decText}`) + 0;
          const r = parseNumberText(text, "amount");
          // "1,234" (1–3 integer digits, exactly 3 decimals, no grouping) could be English 1234.
          const englishToo = int >= 1 && int < 1000 && len === 3;
          if (englishToo) {
            expect(r.ok).toBe(false);
            if (!r.ok && r.reason === "ambiguous") expect(r.readings).toContain(expected);
            else throw new Error(`expected ambiguous for ${text}, got ${JSON.stringify(r)}`);
          } else {
            expect(r).toEqual({ ok: true, value: expected });
          }
        }
      )
    );
  });

  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.stringMatching(/^[-+\u2013 .,\u00a00-9]{0,30}$/),
    fc.string({ unit: fc.constantFrom("0", "1", "9", ".", ",", " ", "-", "\u00a0", "e", "x"), maxLength: 40 })
  );

  it("never throws; returns a finite number or a reason", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<NumberKind>("count", "amount"), (text, kind) => {
        const r = parseNumberText(text, kind);
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
        } else {
          expect(["empty", "notNumber", "ambiguous"]).toContain(r.reason);
        }
      }),
      { numRuns: 2000 }
    );
  });

  it("an ambiguous result always carries two different finite readings", () => {
    const digitsAndSeparators = fc.string({
      unit: fc.constantFrom("0", "1", "2", "5", "9", ".", ","),
      minLength: 1,
      maxLength: 15,
    });
    fc.assert(
      fc.property(
        fc.oneof(digitsAndSeparators, anyText),
        fc.constantFrom<NumberKind>("count", "amount"),
        (text, kind) => {
          const r = parseNumberText(text, kind);
          if (!r.ok && r.reason === "ambiguous") {
            expect(r.readings).toHaveLength(2);
            expect(r.readings[0]).not.toBe(r.readings[1]);
            expect(r.readings.every(Number.isFinite)).toBe(true);
            if (kind === "count") expect(r.readings.every(Number.isInteger)).toBe(true);
          }
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("a count is never ambiguous between a whole number and a fraction (the whole number wins)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (a, b) => {
        const text = `${a}.${String(b).padStart(3, "0")}`;
        expect(parseNumberText(text, "count")).toEqual({ ok: true, value: a * 1000 + b });
      })
    );
  });
});
