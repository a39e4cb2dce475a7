/** The rule engine: every rule of BDG-2019 passing and failing, reading values, header, computed values. */
import fc from "fast-check";
import { BDG_2019, builtInForm, loadForm, UnitMatcher } from "../../src/form";
import type { CellValue } from "../../src/workbook/cell-value";
import { isoToSerial } from "../../src/validate/dates";
import { computeFormula, computeValues, evaluateReport, type Evaluation } from "../../src/validate/engine";
import { countBySeverity, type Issue } from "../../src/validate/issue";
import { blank, cellOf, num, text, validReport, type Key, type Override } from "./report-fixture";

const form = builtInForm();
const evaluate = (overrides: Record<Key, Override> = {}): Evaluation =>
  evaluateReport(form, validReport(form, overrides));
const byRule = (ev: Evaluation, rule: string): Issue[] => ev.issues.filter((i) => i.rule === rule);
const name = (key: Key): string => cellOf(form, key);
const serial = (iso: string): CellValue => num(isoToSerial(iso));
const err = (code: string): CellValue => ({ type: "error", code });
const uncomputed = (formula: string): CellValue => ({ type: "uncomputed", formula });
const bool = (value: boolean): CellValue => ({ type: "boolean", value });

describe("a fully valid report", () => {
  const ev = evaluate();

  it("has zero issues", () => {
    expect(ev.issues).toEqual([]);
  });

  it("reads every numeric cell and every narrative", () => {
    const numeric = form.indicators
      .filter((i) => i.kind !== "text")
      .flatMap((i) => i.cells.map((c) => c.name));
    expect([...ev.numbers.keys()].sort()).toEqual(numeric.sort());
    expect(ev.numbers.get(name("I.2/female"))).toBe(430);
    expect(ev.numbers.get(name("IV.5"))).toBe(150.5);
    expect(ev.texts.get(name("VI.1"))).toBe("Nội dung VI.1");
    expect(ev.texts.size).toBe(4);
  });

  it("reads the header", () => {
    expect(ev.header).toEqual({
      unitText: "Xã Cao Xá",
      unitMatch: expect.objectContaining({ type: "match" }),
      unit: expect.objectContaining({ code: "XA-CAO-XA" }),
      year: 2019,
      reportDate: "2019-11-28",
      preparer: "Nguyễn Thị Lan",
      phone: "0204 3878 123",
      head: "Trần Văn Hùng",
    });
  });

  it("computes % female and the sex ratio at birth", () => {
    expect(ev.computed.get("V.7.pctf")).toBeCloseTo(48, 10);
    expect(ev.computed.get("V.7.srb")).toBeCloseTo((65 / 60) * 100, 10);
    expect(ev.computed.get("V.1.pctf")).toBeCloseTo(45, 10);
    expect([...ev.computed.keys()]).toEqual(form.definition.computed.map((c) => c.id));
  });

  it("the same report with every number typed as text (Vietnamese style) only gets text-number warnings", () => {
    const values = validReport(form);
    for (const [k, v] of values) {
      if (v.type === "number" && form.byName.get(k)?.type === "indicator")
        values.set(k, text(String(v.value).replace(".", ",")));
    }
    const e = evaluateReport(form, values);
    expect(new Set(e.issues.map((i) => i.rule))).toEqual(new Set(["text-number"]));
    expect(e.issues.every((i) => i.severity === "warning")).toBe(true);
    expect(e.numbers).toEqual(ev.numbers);
  });
});

/** One expected issue: which rule, where, and what the Vietnamese message must contain. */
interface Expected {
  indicator: string | null;
  cell: Key;
  vi: string[];
  en?: string[];
  field?: string;
}
interface RuleCase {
  fail: [label: string, overrides: Record<Key, Override>, expected: Expected][];
  pass: [label: string, overrides: Record<Key, Override>][];
}

function partOfWholeCase(part: string, whole: string): RuleCase {
  const ind = form.byCode.get(part)!;
  const valid = validReport(form);
  const get = (key: Key): number => {
    const v = valid.get(name(key));
    return v?.type === "number" ? v.value : NaN;
  };
  if (ind.kind === "tf") {
    const [wt, wf] = [get(`${whole}/total`), get(`${whole}/female`)];
    return {
      fail: [
        [
          "total above",
          { [`${part}/total`]: wt + 1, [`${part}/female`]: 0 },
          {
            indicator: part,
            cell: `${part}/total`,
            vi: [`${part} (tổng số) = ${wt + 1} lớn hơn ${whole} (tổng số) = ${wt}`],
            en: [`${part} (total) = ${wt + 1} exceeds ${whole} (total) = ${wt}`],
          },
        ],
        [
          "female above",
          { [`${part}/total`]: wt, [`${part}/female`]: wf + 1 },
          {
            indicator: part,
            cell: `${part}/female`,
            vi: [`${part} (số nữ) = ${wf + 1} lớn hơn ${whole} (số nữ) = ${wf}`],
          },
        ],
      ],
      pass: [
        ["equal to the whole", { [`${part}/total`]: wt, [`${part}/female`]: wf }],
        ["whole blank", { [`${whole}/total`]: null, [`${whole}/female`]: null }],
      ],
    };
  }
  const w = get(whole);
  return {
    fail: [
      [
        "above",
        { [part]: w + 1 },
        {
          indicator: part,
          cell: part,
          vi: [`${part} = ${w + 1} lớn hơn ${whole} = ${w}`],
          en: [`${part} = ${w + 1} exceeds ${whole} = ${w}`],
        },
      ],
    ],
    pass: [
      ["equal to the whole", { [part]: w }],
      ["part blank", { [part]: null }],
    ],
  };
}

const CASES: Record<string, RuleCase> = {
  type: {
    fail: [
      [
        "count not whole",
        { "I.1": 2.5 },
        {
          indicator: "I.1",
          cell: "I.1",
          vi: ["Ô I.1: 2,5 không phải số nguyên"],
          en: ["2.5 is not a whole number"],
        },
      ],
      ["negative count", { "I.3": -3 }, { indicator: "I.3", cell: "I.3", vi: ["số âm (-3)", "≥ 0"] }],
      [
        "negative female",
        { "V.2/female": -1 },
        { indicator: "V.2", cell: "V.2/female", vi: ["V.2 (số nữ): số âm (-1)"] },
      ],
      [
        "amount with 4 decimals",
        { "IV.5": 150.5001 },
        { indicator: "IV.5", cell: "IV.5", vi: ["150,5", "quá 3 chữ số thập phân"] },
      ],
      ["negative amount", { "IV.7": -1.5 }, { indicator: "IV.7", cell: "IV.7", vi: ["số âm (-1,5)"] }],
      [
        "implausibly large count (would overflow the sums)",
        { "I.4": 1e306 },
        {
          indicator: "I.4",
          cell: "I.4",
          vi: ["lớn bất thường", "quá 1.000.000.000.000"],
          en: ["implausibly large"],
        },
      ],
      [
        "implausibly large number typed as text",
        { "I.3": "12345678901234567890123" },
        { indicator: "I.3", cell: "I.3", vi: ["1,235×10^22 lớn bất thường"] },
      ],
      [
        "text that is not a number",
        { "I.4": "nhiều" },
        { indicator: "I.4", cell: "I.4", vi: ['Ô I.4: "nhiều" không phải là số'] },
      ],
      [
        "ambiguous amount",
        { "IV.6": "1.234" },
        {
          indicator: "IV.6",
          cell: "IV.6",
          vi: ['"1.234" không rõ là 1.234 hay 1,234'],
          en: ["could be 1234 or 1.234"],
        },
      ],
      ["error value", { "I.5": err("#REF!") }, { indicator: "I.5", cell: "I.5", vi: ["Ô I.5 có lỗi #REF!"] }],
      [
        "boolean",
        { "II.1": bool(true) },
        { indicator: "II.1", cell: "II.1", vi: ["Ô II.1 phải là số, không phải TRUE"] },
      ],
      [
        "uncomputed formula",
        { "I.2/total": uncomputed("=SUM(C5:C9)") },
        {
          indicator: "I.2",
          cell: "I.2/total",
          vi: ["Ô I.2 (tổng số) là công thức chưa được tính"],
          en: ["Cell I.2 (total) is a formula that was never computed"],
        },
      ],
      [
        "report date not a date",
        { reportDate: "31/11/2019" },
        {
          indicator: null,
          cell: "reportDate",
          field: "reportDate",
          vi: ['"Ngày báo cáo": "31/11/2019" không phải là ngày'],
        },
      ],
    ],
    pass: [
      ["zero", { "I.1": 0, "I.2/total": 0, "I.2/female": 0 }],
      ["amount with 3 decimals", { "IV.5": 150.501, "IV.6": 100.251 }],
      ["dash for zero", { "I.3": "-" }],
    ],
  },
  "tf.female-le-total": {
    fail: [
      [
        "F > T",
        { "I.2/total": 100, "I.2/female": 120 },
        {
          indicator: "I.2",
          cell: "I.2/female",
          vi: ["Số nữ (120) lớn hơn tổng số (100) tại I.2"],
          en: ["Female (120) exceeds total (100) at I.2"],
        },
      ],
      [
        "F > T with grouping",
        { "V.3/total": 1500, "V.3/female": 1501 },
        { indicator: "V.3", cell: "V.3/female", vi: ["Số nữ (1.501) lớn hơn tổng số (1.500) tại V.3"] },
      ],
    ],
    pass: [
      ["F = T", { "I.2/total": 100, "I.2/female": 100 }],
      ["both 0", { "V.4/total": 0, "V.4/female": 0 }],
    ],
  },
  "tf.female-without-total": {
    fail: [
      [
        "F filled, T blank",
        { "I.8/total": null, "I.8/female": 40 },
        { indicator: "I.8", cell: "I.8/total", vi: ["Đã nhập số nữ (40) nhưng bỏ trống tổng số tại I.8"] },
      ],
    ],
    pass: [
      ["both blank", { "I.8/total": null, "I.8/female": null }],
      ["T filled, F blank", { "I.8/female": null }],
      ["T holds an error (reported by the type rule instead)", { "I.8/total": err("#VALUE!") }],
    ],
  },
  ...Object.fromEntries(
    form.definition.rules.flatMap((r) =>
      r.type === "partOfWhole" ? [[r.id, partOfWholeCase(r.part, r.whole)]] : []
    )
  ),
  "sum.IV.6-IV.7-eq-IV.5": {
    fail: [
      [
        "sum differs",
        { "IV.6": 100.25, "IV.7": 50 },
        {
          indicator: "IV.5",
          cell: "IV.5",
          vi: ["IV.6 + IV.7 = 150,25 khác IV.5 = 150,5"],
          en: ["IV.6 + IV.7 = 150.25 differs from IV.5 = 150.5"],
        },
      ],
      [
        "just over the tolerance",
        { "IV.6": 100.252 },
        { indicator: "IV.5", cell: "IV.5", vi: ["IV.6 + IV.7 = 150,502 khác IV.5 = 150,5"] },
      ],
    ],
    pass: [
      ["exact", {}],
      ["within 0.001", { "IV.6": 100.251 }],
      ["a part blank", { "IV.7": null }],
      ["the whole blank", { "IV.5": null }],
    ],
  },
  header: {
    fail: [
      [
        "unit missing",
        { unit: null },
        { indicator: null, cell: "unit", field: "unit", vi: ['Chưa nhập "Đơn vị báo cáo"'] },
      ],
      [
        "year not 2019",
        { year: 2018 },
        { indicator: null, cell: "year", field: "year", vi: ['Năm báo cáo phải là 2019, không phải "2018"'] },
      ],
      [
        "preparer missing",
        { preparer: "  " },
        { indicator: null, cell: "preparer", field: "preparer", vi: ['Chưa nhập "Người lập biểu"'] },
      ],
      [
        "head missing",
        { head: null },
        { indicator: null, cell: "head", field: "head", vi: ['Chưa nhập "Thủ trưởng đơn vị"'] },
      ],
      [
        "date missing",
        { reportDate: null },
        { indicator: null, cell: "reportDate", field: "reportDate", vi: ['Chưa nhập "Ngày báo cáo"'] },
      ],
      [
        "phone with letters",
        { phone: "gọi chị Lan" },
        { indicator: null, cell: "phone", field: "phone", vi: ['Số điện thoại "gọi chị Lan"'] },
      ],
    ],
    pass: [
      ["unit by code", { unit: "XA-CAO-XA" }],
      ["year as text", { year: "2019" }],
      ["phone blank (optional)", { phone: null }],
    ],
  },
  blank: {
    fail: [
      [
        "count blank",
        { "I.3": null },
        { indicator: "I.3", cell: "I.3", vi: ["Ô I.3 bỏ trống (chưa báo cáo)"], en: ["I.3 is blank"] },
      ],
      [
        "female blank",
        { "V.1/female": null },
        { indicator: "V.1", cell: "V.1/female", vi: ["Ô V.1 (số nữ) bỏ trống"] },
      ],
      ["whitespace", { "IV.8": " \u00a0 " }, { indicator: "IV.8", cell: "IV.8", vi: ["Ô IV.8 bỏ trống"] }],
      ["amount blank", { "IV.4": blank }, { indicator: "IV.4", cell: "IV.4", vi: ["Ô IV.4 bỏ trống"] }],
    ],
    pass: [
      ["zero typed", { "I.3": 0 }],
      ["dash typed", { "I.3": "-" }],
      ["a blank narrative other than VI.1 is not a blank numeric cell", { "VI.2": null }],
    ],
  },
  "blank.VI.1": {
    fail: [
      [
        "VI.1 blank",
        { "VI.1": null },
        { indicator: "VI.1", cell: "VI.1", vi: ["Chưa nhập nội dung mục VI.1 (Kết quả nổi bật)"] },
      ],
      ["VI.1 whitespace only", { "VI.1": "   " }, { indicator: "VI.1", cell: "VI.1", vi: ["VI.1"] }],
    ],
    pass: [
      ["VI.1 filled", {}],
      ["VI.2–VI.4 blank", { "VI.2": null, "VI.3": null, "VI.4": null }],
    ],
  },
  "victims.III.6-ge-III.5": {
    fail: [
      [
        "fewer victims than cases",
        { "III.6/total": 2, "III.6/female": 1, "III.7/total": 2, "III.7/female": 1 },
        {
          indicator: "III.6",
          cell: "III.6/total",
          vi: ["III.6 (tổng số) = 2 nhỏ hơn III.5 = 3"],
          en: ["III.6 (total) = 2 is less than III.5 = 3"],
        },
      ],
    ],
    pass: [
      [
        "as many victims as cases",
        { "III.6/total": 3, "III.6/female": 3, "III.7/total": 3, "III.7/female": 3 },
      ],
      ["cases blank", { "III.5": null, "III.8": null }],
    ],
  },
  "requires.I.2-I.1": {
    fail: [
      [
        "attendance without events",
        { "I.1": 0 },
        { indicator: "I.1", cell: "I.1", vi: ["I.2 (tổng số) = 850 nhưng I.1 = 0"] },
      ],
    ],
    pass: [
      ["no attendance, no events", { "I.1": 0, "I.2/total": 0, "I.2/female": 0 }],
      ["events blank (only the blank warning)", { "I.1": null }],
      ["attendance blank", { "I.1": 0, "I.2/total": null, "I.2/female": null }],
    ],
  },
  "requires.I.8-I.7": {
    fail: [
      [
        "Action Month participants without activities",
        { "I.7": 0 },
        {
          indicator: "I.7",
          cell: "I.7",
          vi: ["I.8 (tổng số) = 1.200 nhưng I.7 = 0"],
          en: ["I.8 (total) = 1200 but I.7 = 0"],
        },
      ],
    ],
    pass: [["no participants", { "I.7": 0, "I.8/total": 0, "I.8/female": 0 }]],
  },
  "srb.V.7": {
    fail: [
      [
        "too many boys",
        { "V.7/total": 100, "V.7/female": 40 },
        {
          indicator: "V.7",
          cell: "V.7/female",
          vi: ["Tỷ số giới tính khi sinh tại V.7 là 150 bé trai/100 bé gái (100 trẻ, 40 bé gái)", "90–130"],
        },
      ],
      [
        "too few boys",
        { "V.7/total": 100, "V.7/female": 55 },
        { indicator: "V.7", cell: "V.7/female", vi: ["là 81,8 bé trai/100 bé gái (100 trẻ, 55 bé gái)"] },
      ],
      [
        "exactly 50 births",
        { "V.7/total": 50, "V.7/female": 15 },
        { indicator: "V.7", cell: "V.7/female", vi: ["là 233,3 bé trai/100 bé gái (50 trẻ, 15 bé gái)"] },
      ],
      [
        "no girls among 60 births",
        { "V.7/total": 60, "V.7/female": 0 },
        { indicator: "V.7", cell: "V.7/female", vi: ["là ∞ bé trai/100 bé gái (60 trẻ, 0 bé gái)"] },
      ],
    ],
    pass: [
      ["49 births, lopsided", { "V.7/total": 49, "V.7/female": 10 }],
      ["exactly 130", { "V.7/total": 115, "V.7/female": 50 }],
      ["exactly 90", { "V.7/total": 95, "V.7/female": 50 }],
      ["girls blank", { "V.7/female": null }],
    ],
  },
  "text-number": {
    fail: [
      [
        "count as text",
        { "I.3": "1.234" },
        {
          indicator: "I.3",
          cell: "I.3",
          vi: [
            "Ô I.3: số được gõ dạng chữ “1.234”, được hiểu là 1234 (dấu chấm hoặc dấu cách ngăn cách hàng nghìn); nên gõ lại dạng số",
          ],
          en: ["read as 1234 (dot or space between thousands)"],
        },
      ],
      [
        "amount as text",
        { "IV.5": "150,5" },
        {
          indicator: "IV.5",
          cell: "IV.5",
          vi: ["“150,5”", "được hiểu là 150,5 (dấu phẩy trước phần thập phân)"],
        },
      ],
      [
        "female as text with NBSP",
        { "V.3/total": 2000, "V.3/female": "1\u00a0050" },
        {
          indicator: "V.3",
          cell: "V.3/female",
          vi: ["V.3 (số nữ)", "được hiểu là 1050 (dấu chấm hoặc dấu cách ngăn cách hàng nghìn)"],
        },
      ],
    ],
    pass: [["numbers as numbers", {}]],
  },
  late: {
    fail: [
      [
        "one day late",
        { reportDate: serial("2019-12-02") },
        {
          indicator: null,
          cell: "reportDate",
          field: "reportDate",
          vi: ["Nộp muộn: ngày báo cáo 02/12/2019 sau hạn 01/12/2019"],
        },
      ],
      [
        "late, typed as text",
        { reportDate: "15/01/2020" },
        { indicator: null, cell: "reportDate", field: "reportDate", vi: ["ngày báo cáo 15/01/2020"] },
      ],
    ],
    pass: [
      ["on the deadline day", { reportDate: serial("2019-12-01") }],
      ["deadline day typed as text", { reportDate: "01/12/2019" }],
      ["early", { reportDate: serial("2019-06-30") }],
    ],
  },
};

describe("every rule of the form has a passing and a failing case", () => {
  const rules = form.definition.rules;

  it("the cases cover exactly the form's rules", () => {
    expect(Object.keys(CASES).sort()).toEqual(rules.map((r) => r.id).sort());
  });

  const failing = rules.flatMap((r) =>
    (CASES[r.id]?.fail ?? []).map(([label, o, e]) => [r.id, label, r.severity, o, e] as const)
  );
  it.each(failing)("%s fails: %s", (ruleId, _label, severity, overrides, expected) => {
    const ev = evaluate(overrides);
    const hits = byRule(ev, ruleId).filter((i) => i.cell === name(expected.cell));
    expect(hits).toHaveLength(1);
    const issue = hits[0];
    expect(issue.severity).toBe(severity);
    expect(issue.indicator).toBe(expected.indicator);
    if (expected.field) expect(issue.field).toBe(expected.field);
    for (const s of expected.vi) expect(issue.message.vi).toContain(s);
    for (const s of expected.en ?? []) expect(issue.message.en).toContain(s);
    // The English message is English (quoted user input aside).
    expect(issue.message.en.replace(/"[^"]*"/g, "")).not.toMatch(
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i
    );
  });

  const passing = rules.flatMap((r) =>
    (CASES[r.id]?.pass ?? []).map(([label, o]) => [r.id, label, o] as const)
  );
  it.each(passing)("%s passes: %s", (ruleId, _label, overrides) => {
    expect(byRule(evaluate(overrides), ruleId)).toEqual([]);
  });

  it("every rule has at least one of each", () => {
    for (const r of rules) {
      expect([r.id, (CASES[r.id]?.fail.length ?? 0) > 0]).toEqual([r.id, true]);
      expect([r.id, (CASES[r.id]?.pass.length ?? 0) > 0]).toEqual([r.id, true]);
    }
  });
});

describe("reading values", () => {
  it("every blank numeric cell is one warning; nothing is read for it", () => {
    const values = validReport(form);
    const numeric = form.indicators
      .filter((i) => i.kind !== "text")
      .flatMap((i) => i.cells.map((c) => c.name));
    for (const n of numeric) values.delete(n); // absent = blank
    const ev = evaluateReport(form, values);
    expect(byRule(ev, "blank").map((i) => i.cell)).toEqual(numeric);
    expect(byRule(ev, "blank").every((i) => i.severity === "warning")).toBe(true);
    expect(ev.numbers.size).toBe(0);
    expect(ev.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect([...ev.computed.values()].every((v) => v === null)).toBe(true);
  });

  it('a number typed as text is read, converted, flagged; "-" reads as 0', () => {
    const ev = evaluate({ "I.3": "1.234", "I.4": "-", "I.5": "–", "IV.5": "150,5", "I.6": " 1 234 " });
    expect(ev.numbers.get(name("I.3"))).toBe(1234);
    expect(ev.numbers.get(name("I.4"))).toBe(0);
    expect(ev.numbers.get(name("I.5"))).toBe(0);
    expect(ev.numbers.get(name("I.6"))).toBe(1234);
    expect(ev.numbers.get(name("IV.5"))).toBe(150.5);
    expect(byRule(ev, "text-number").map((i) => i.cell)).toEqual(
      ["I.3", "I.4", "I.5", "I.6", "IV.5"].map(name)
    );
    expect(ev.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("ambiguous text is an error, never a guess", () => {
    const ev = evaluate({ "IV.5": "1,234" });
    expect(ev.numbers.has(name("IV.5"))).toBe(false);
    expect(byRule(ev, "type")).toEqual([expect.objectContaining({ severity: "error", cell: name("IV.5") })]);
    expect(byRule(ev, "type")[0].message.vi).toContain("không rõ là 1,234 hay 1.234");
    expect(byRule(ev, "text-number")).toEqual([]);
    // …and the sum rule does not run on a guess.
    expect(byRule(ev, "sum.IV.6-IV.7-eq-IV.5")).toEqual([]);
  });

  it.each(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?"])(
    "error value %s is an error for that cell and is not read",
    (code) => {
      const ev = evaluate({ "II.5": err(code) });
      expect(ev.numbers.has(name("II.5"))).toBe(false);
      expect(ev.issues).toEqual([
        expect.objectContaining({ severity: "error", rule: "type", indicator: "II.5", cell: name("II.5") }),
      ]);
      expect(ev.issues[0].message.vi).toContain(code);
      expect(ev.issues[0].message.en).toContain(code);
    }
  );

  it("an uncomputed formula is reported and never read as 0", () => {
    // If I.1 were read as 0, "attendance without events" would fire; if IV.6 were 0, the sum would fail.
    const ev = evaluate({ "I.1": uncomputed("=B7+B8"), "IV.6": uncomputed("=IV5-IV7") });
    expect(ev.numbers.has(name("I.1"))).toBe(false);
    expect(ev.numbers.has(name("IV.6"))).toBe(false);
    expect(ev.issues.map((i) => [i.rule, i.severity, i.indicator, i.cell])).toEqual([
      ["type", "error", "I.1", name("I.1")],
      ["type", "error", "IV.6", name("IV.6")],
    ]);
    expect(ev.issues[0].message.vi).toContain("công thức chưa được tính");
  });

  it("an uncomputed formula in a narrative or a header field is reported too", () => {
    const ev = evaluate({ "VI.1": uncomputed("=A1"), year: uncomputed("=YEAR(TODAY())") });
    expect(ev.issues.map((i) => [i.rule, i.severity, i.indicator, i.cell, i.field])).toEqual([
      ["type", "error", "VI.1", name("VI.1"), undefined],
      ["type", "error", null, name("year"), "year"],
    ]);
    expect(ev.header.year).toBeNull();
  });

  it("booleans are errors in numeric cells", () => {
    const ev = evaluate({ "V.1/total": bool(false) });
    expect(ev.issues).toEqual([
      expect.objectContaining({ severity: "error", rule: "type", indicator: "V.1", cell: name("V.1/total") }),
    ]);
    expect(ev.issues[0].message.vi).toContain("không phải FALSE");
  });

  it("non-finite numbers are errors", () => {
    const ev = evaluate({ "I.4": NaN, "I.5": Infinity });
    expect(byRule(ev, "type").map((i) => i.cell)).toEqual([name("I.4"), name("I.5")]);
  });

  it("a count typed as text with a decimal is flagged as text and rejected as not whole", () => {
    const ev = evaluate({ "I.3": "2,5" });
    expect(ev.issues.map((i) => [i.rule, i.severity])).toEqual([
      ["text-number", "warning"],
      ["type", "error"],
    ]);
    expect(ev.issues[1].message.vi).toContain("2,5 không phải số nguyên");
  });

  it("amounts: up to 3 decimals accepted, more rejected (also from text)", () => {
    expect(evaluate({ "IV.8": 3, "IV.5": 150.5, "IV.6": 100.499, "IV.7": 50.001 }).issues).toEqual([]);
    const ev = evaluate({ "IV.6": "100,2501" });
    expect(byRule(ev, "type")).toEqual([expect.objectContaining({ cell: name("IV.6") })]);
    expect(byRule(ev, "type")[0].message.vi).toContain("quá 3 chữ số thập phân");
  });

  it("property: any amount with at most 3 decimals is accepted, a 4th decimal digit is rejected", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.integer({ min: 1, max: 9 }),
        (milli, tenth) => {
          const ok = milli / 1000;
          expect(byRule(evaluate({ "IV.5": ok, "IV.6": null }), "type")).toEqual([]);
          const bad = (milli * 10 + tenth) / 10000;
          expect(byRule(evaluate({ "IV.5": bad, "IV.6": null }), "type").map((i) => i.cell)).toEqual([
            name("IV.5"),
          ]);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("narratives: numbers and text are kept as text", () => {
    const ev = evaluate({ "VI.2": 2020, "VI.3": "  Tiếp tục tuyên truyền  " });
    expect(ev.texts.get(name("VI.2"))).toBe("2020");
    expect(ev.texts.get(name("VI.3"))).toContain("Tiếp tục tuyên truyền");
    expect(ev.issues).toEqual([]);
  });

  it("values under names the form does not know are ignored", () => {
    const values = validReport(form);
    values.set("__proto__", num(5));
    values.set("SOMETHING_ELSE", text("x"));
    expect(evaluateReport(form, values).issues).toEqual([]);
  });
});

describe("header", () => {
  const headerIssues = (o: Record<Key, Override>): Issue[] =>
    evaluate(o).issues.filter((i) => i.indicator === null);

  // Whose report it is (and the problems with the unit) is src/inspect/unit.ts's: see tests/inspect/unit.test.ts.
  it("unit ambiguous: the town or the commune — the match says so, the engine adds no issue", () => {
    const ev = evaluate({ unit: "Cao Thượng" });
    expect(ev.header.unit).toBeNull();
    expect(ev.header.unitText).toBe("Cao Thượng");
    expect(ev.header.unitMatch).toMatchObject({ type: "ambiguous" });
    expect(ev.issues).toEqual([]);
  });

  it.each([
    ["XA-CAO-XA", "XA-CAO-XA"],
    ["TT-CAO-THUONG", "TT-CAO-THUONG"],
    ["TT Cao Thượng", "TT-CAO-THUONG"],
    ["UBND xã Cao Thượng", "XA-CAO-THUONG"],
    ["xa nha nam", "XA-NHA-NAM"],
    ["Hội Phụ nữ huyện", "HLHPN"],
  ])("unit %j → %s, no issue", (typed, code) => {
    const ev = evaluate({ unit: typed });
    expect(ev.header.unit?.code).toBe(code);
    expect(ev.issues).toEqual([]);
  });

  it("unit not in the registry: the typed text is kept, the match is none", () => {
    const ev = evaluate({ unit: "Phường Hà Đông" });
    expect(ev.header).toMatchObject({ unit: null, unitText: "Phường Hà Đông", unitMatch: { type: "none" } });
  });

  it("unit holding an error value", () => {
    expect(headerIssues({ unit: err("#N/A") })).toEqual([
      expect.objectContaining({ severity: "error", rule: "type", field: "unit" }),
    ]);
  });

  it.each([
    [2018, "2018"],
    [2020, "2020"],
    [2019.5, "2019.5"],
    ["hai nghìn", "hai nghìn"],
  ])("year %j is wrong", (year, shown) => {
    const issues = headerIssues({ year });
    expect(issues).toEqual([
      expect.objectContaining({ severity: "error", rule: "header", field: "year", cell: name("year") }),
    ]);
    expect(issues[0].message.vi).toContain(`Năm báo cáo phải là 2019, không phải "${shown}"`);
  });

  it.each([2019, "2019", " 2019 "])("year %j is right", (year) => {
    const ev = evaluate({ year });
    expect(ev.header.year).toBe(2019);
    expect(ev.issues).toEqual([]);
  });

  it.each([
    ["serial", serial("2019-11-30"), "2019-11-30"],
    ["serial with a time", num(isoToSerial("2019-11-30") + 0.75), "2019-11-30"],
    ["text dd/mm/yyyy", "30/11/2019", "2019-11-30"],
    ["text d/m/yyyy", "5/9/2019", "2019-09-05"],
    ["text dd-mm-yyyy", "30-11-2019", "2019-11-30"],
    ["text dd.mm.yyyy", "30.11.2019", "2019-11-30"],
    ["ISO", "2019-11-30", "2019-11-30"],
    ["Vietnamese", "Tân Yên, ngày 30 tháng 11 năm 2019", "2019-11-30"],
  ])("report date as %s", (_label, value, iso) => {
    const ev = evaluate({ reportDate: value });
    expect(ev.header.reportDate).toBe(iso);
    expect(ev.issues).toEqual([]);
  });

  it.each([["31/11/2019"], ["29/02/2019"], ["hôm nay"], ["11/30/2019"], [bool(true)]])(
    "report date %j is not a date (error)",
    (value) => {
      const ev = evaluate({ reportDate: value });
      expect(ev.header.reportDate).toBeNull();
      expect(ev.issues).toEqual([
        expect.objectContaining({
          severity: "error",
          field: "reportDate",
          cell: name("reportDate"),
          indicator: null,
        }),
      ]);
      expect(ev.issues[0].message.vi).toContain("không phải là ngày");
    }
  );

  it("late vs on time", () => {
    expect(byRule(evaluate({ reportDate: serial("2019-12-01") }), "late")).toEqual([]);
    expect(byRule(evaluate({ reportDate: serial("2019-11-30") }), "late")).toEqual([]);
    const late = byRule(evaluate({ reportDate: serial("2019-12-02") }), "late");
    expect(late).toEqual([expect.objectContaining({ severity: "warning", field: "reportDate" })]);
    expect(late[0].message.en).toContain("2019-12-02");
    // A report without a readable date is not also "late".
    expect(byRule(evaluate({ reportDate: "sau Tết" }), "late")).toEqual([]);
  });

  it.each(["0204 3878 123", "0204.3878.123", "+84 204 3878 123", "0912345678"])(
    "phone %j is fine",
    (phone) => {
      const ev = evaluate({ phone });
      expect(ev.header.phone).toBe(phone);
      expect(ev.issues).toEqual([]);
    }
  );

  it.each(["0204-3878-123", "(0204) 3878 123", "gọi chị Lan", "+ .", "0912345678 (Lan)"])(
    "phone %j breaks the rule: digits, spaces, + and . only",
    (phone) => {
      expect(headerIssues({ phone })).toEqual([
        expect.objectContaining({ severity: "error", rule: "header", field: "phone", cell: name("phone") }),
      ]);
    }
  );

  it("a phone typed as a number is fine", () => {
    expect(evaluate({ phone: 912345678 }).issues).toEqual([]);
  });

  it("all header fields blank: one error per required field, none for the phone", () => {
    const o = Object.fromEntries(form.fields.map((f) => [f.key, null]));
    const issues = evaluate(o).issues;
    expect(issues.map((i) => i.field)).toEqual(["unit", "year", "reportDate", "preparer", "head"]);
    expect(issues.every((i) => i.severity === "error" && i.rule === "header")).toBe(true);
  });

  it("a reusable matcher can be passed in", () => {
    const ev = evaluateReport(form, validReport(form, { unit: "tt nha nam" }), {
      matcher: new UnitMatcher(form.units),
    });
    expect(ev.header.unit?.code).toBe("TT-NHA-NAM");
  });
});

describe("computed values", () => {
  it("% female of every T|F row of section V, sex ratio at birth of V.7", () => {
    const ev = evaluate({
      "V.1/total": 200,
      "V.1/female": 50,
      "V.5/total": 3,
      "V.5/female": 1,
      "V.7/total": 210,
      "V.7/female": 100,
    });
    expect(ev.computed.get("V.1.pctf")).toBe(25);
    expect(ev.computed.get("V.5.pctf")).toBeCloseTo(100 / 3, 10);
    expect(ev.computed.get("V.7.pctf")).toBeCloseTo((100 / 210) * 100, 10);
    expect(ev.computed.get("V.7.srb")).toBeCloseTo(110, 10);
  });

  it("null when a part is missing or the denominator is 0", () => {
    const ev = evaluate({
      "V.2/total": 0,
      "V.2/female": 0,
      "V.3/female": null,
      "V.7/total": 10,
      "V.7/female": 0,
    });
    expect(ev.computed.get("V.2.pctf")).toBeNull();
    expect(ev.computed.get("V.3.pctf")).toBeNull();
    expect(ev.computed.get("V.7.srb")).toBeNull();
    expect(ev.computed.get("V.7.pctf")).toBe(0);
  });

  it("computeFormula", () => {
    expect(computeFormula("percentFemale", 100, 40)).toBe(40);
    expect(computeFormula("percentFemale", 0, 0)).toBeNull();
    expect(computeFormula("percentFemale", undefined, 3)).toBeNull();
    expect(computeFormula("sexRatioAtBirth", 212, 100)).toBeCloseTo(112, 10);
    expect(computeFormula("sexRatioAtBirth", 5, 0)).toBeNull();
    expect(computeFormula("sexRatioAtBirth", 5, undefined)).toBeNull();
  });

  it("computeValues on summed parts is a ratio of sums, not an average of ratios", () => {
    // Unit A: 1 of 2 female (50 %); unit B: 1 of 98 (≈1 %). Summed: 2 of 100 = 2 %, not ≈25.5 %.
    const numbers = new Map([
      [name("V.3/total"), 100],
      [name("V.3/female"), 2],
    ]);
    expect(computeValues(form, numbers).get("V.3.pctf")).toBe(2);
  });

  it("the sex-ratio warning needs at least 50 births", () => {
    expect(byRule(evaluate({ "V.7/total": 49, "V.7/female": 5 }), "srb.V.7")).toEqual([]);
    expect(byRule(evaluate({ "V.7/total": 50, "V.7/female": 5 }), "srb.V.7")).toHaveLength(1);
    // F > T is the tf rule's business, not a sex ratio.
    expect(byRule(evaluate({ "V.7/total": 60, "V.7/female": 70 }), "srb.V.7")).toEqual([]);
  });
});

describe("forms are data", () => {
  it("a form without the optional warning rules gives no warnings for them", () => {
    const input = structuredClone(BDG_2019);
    input.rules = input.rules.filter((r) => r.severity === "error");
    const f = loadForm(input);
    const ev = evaluateReport(
      f,
      validReport(f, { "I.3": null, "I.4": "12", "VI.1": null, reportDate: serial("2020-01-01") })
    );
    expect(ev.issues).toEqual([]);
    expect(ev.numbers.get(name("I.4"))).toBe(12);
  });

  it("a later year's form checks its own year and deadline", () => {
    const f = loadForm({ ...structuredClone(BDG_2019), id: "BDG-2020", year: 2020, deadline: "2020-12-01" });
    const ev = evaluateReport(f, validReport(f, { reportDate: serial("2020-12-02") }));
    expect(ev.issues.map((i) => i.rule)).toEqual(["late"]);
    expect(evaluateReport(f, validReport(f, { year: 2019 })).issues.map((i) => i.field)).toEqual(["year"]);
  });
});

describe("property: any report", () => {
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(blank),
    fc.double({ noNaN: false }).map(num),
    fc.integer({ min: -5, max: 2000 }).map(num),
    fc.string({ maxLength: 12 }).map(text),
    fc.stringMatching(/^[-–0-9., \u00a0]{0,10}$/).map(text),
    fc.boolean().map(bool),
    fc.constantFrom("#REF!", "#VALUE!").map(err),
    fc.constant(uncomputed("=A1"))
  );
  const ruleIds = new Set(form.definition.rules.map((r) => r.id));
  const names = new Set(form.names);

  it("never throws; every issue names a known rule and cell, with both messages", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...form.names), cellValue), (dict) => {
        const ev = evaluateReport(form, new Map(Object.entries(dict)));
        for (const i of ev.issues) {
          expect(ruleIds.has(i.rule)).toBe(true);
          expect(i.cell === null || names.has(i.cell)).toBe(true);
          expect(i.indicator === null || form.byCode.has(i.indicator)).toBe(true);
          expect(["error", "warning"]).toContain(i.severity);
          expect(i.message.vi.length).toBeGreaterThan(0);
          expect(i.message.en.length).toBeGreaterThan(0);
          expect(i.severity).toBe(form.definition.rules.find((r) => r.id === i.rule)!.severity);
        }
        for (const [n, v] of ev.numbers) {
          expect(names.has(n)).toBe(true);
          expect(Number.isFinite(v) && v >= 0).toBe(true);
        }
        const { errors, warnings } = countBySeverity(ev.issues);
        expect(errors + warnings).toBe(ev.issues.length);
      }),
      { numRuns: 300 }
    );
  });
});

describe("countBySeverity", () => {
  it("counts errors and warnings", () => {
    const ev = evaluate({ "I.3": null, "I.4": -1, "VI.1": null });
    expect(countBySeverity(ev.issues)).toEqual({ errors: 1, warnings: 2 });
    expect(countBySeverity([])).toEqual({ errors: 0, warnings: 0 });
  });
});
