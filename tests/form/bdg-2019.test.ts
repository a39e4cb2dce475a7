/** The built-in BDG-2019 form against docs/FORM-BDG-2019.md: indicators, kinds, units of measure, computed values, rules. */
import { BDG_2019, builtInForm, formSchema, type Rule } from "../../src/form";

/** docs/FORM-BDG-2019.md, "Indicators": code, unit of measure, kind (T|F = tf). */
const SPEC: [code: string, unit: string, kind: "count" | "amount" | "tf" | "text"][] = [
  ["I.1", "cuộc", "count"],
  ["I.2", "lượt người", "tf"],
  ["I.3", "tin, bài", "count"],
  ["I.4", "bản", "count"],
  ["I.5", "cái", "count"],
  ["I.6", "hoạt động", "count"],
  ["I.7", "hoạt động", "count"],
  ["I.8", "lượt người", "tf"],
  ["II.1", "lớp", "count"],
  ["II.2", "lượt người", "tf"],
  ["II.3", "lượt người", "tf"],
  ["II.4", "lượt người", "tf"],
  ["II.5", "văn bản", "count"],
  ["II.6", "văn bản", "count"],
  ["III.1", "mô hình", "count"],
  ["III.2", "mô hình", "count"],
  ["III.3", "người", "tf"],
  ["III.4", "địa chỉ", "count"],
  ["III.5", "vụ", "count"],
  ["III.6", "người", "tf"],
  ["III.7", "người", "tf"],
  ["III.8", "vụ", "count"],
  ["III.9", "người", "count"],
  ["III.10", "hoạt động", "count"],
  ["IV.1", "cuộc", "count"],
  ["IV.2", "vụ", "count"],
  ["IV.3", "vụ", "count"],
  ["IV.4", "cuộc", "count"],
  ["IV.5", "triệu đồng", "amount"],
  ["IV.6", "triệu đồng", "amount"],
  ["IV.7", "triệu đồng", "amount"],
  ["IV.8", "tập thể", "count"],
  ["IV.9", "người", "tf"],
  ["V.1", "người", "tf"],
  ["V.2", "người", "tf"],
  ["V.3", "người", "tf"],
  ["V.4", "người", "tf"],
  ["V.5", "người", "tf"],
  ["V.6", "người", "tf"],
  ["V.7", "trẻ", "tf"],
  ["VI.1", "", "text"],
  ["VI.2", "", "text"],
  ["VI.3", "", "text"],
  ["VI.4", "", "text"],
];

/** A few labels exactly as in the spec (Vietnamese, with diacritics). */
const SPEC_LABELS: Record<string, string> = {
  "I.1": "Số cuộc tuyên truyền, phổ biến pháp luật về BĐG (hội nghị, tọa đàm, sinh hoạt chuyên đề)",
  "I.2": "Số lượt người tham dự",
  "II.3": "Trong đó: cán bộ quản lý nhà nước về BĐG, thành viên Ban vì sự tiến bộ phụ nữ",
  "III.6": "Số nạn nhân",
  "IV.5": "Tổng kinh phí thực hiện công tác BĐG",
  "V.7": "Số trẻ sinh ra trong năm",
  "VI.3": "Phương hướng, nhiệm vụ năm 2020",
};

const form = builtInForm();
const d = form.definition;

describe("BDG-2019: the built-in form", () => {
  it("parses with the schema", () => {
    expect(formSchema.safeParse(BDG_2019).success).toBe(true);
    expect(form.id).toBe("BDG-2019");
    expect(d.year).toBe(2019);
    expect(d.deadline).toBe("2019-12-01");
    expect(d.collector).toEqual({ code: "HUYEN-TAN-YEN", name: "UBND huyện Tân Yên" });
    expect(d.title.vi).toMatch(/bình đẳng giới năm 2019/);
  });

  it("has exactly 44 indicators and 42 units", () => {
    expect(form.indicators).toHaveLength(44);
    expect(form.units).toHaveLength(42);
  });

  it("has the sections I–VI in order; only V shows % female", () => {
    expect(d.sections.map((s) => s.code)).toEqual(["I", "II", "III", "IV", "V", "VI"]);
    expect(d.sections.filter((s) => s.percentFemale).map((s) => s.code)).toEqual(["V"]);
    // Indicators are grouped by section in section order.
    const order = form.indicators.map((i) => d.sections.findIndex((s) => s.code === i.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(form.indicators.every((i) => i.code.startsWith(`${i.section}.`))).toBe(true);
  });

  it("indicator codes, order, units of measure and kinds are exactly the spec's", () => {
    expect(form.indicators.map((i) => [i.code, i.unit, i.kind])).toEqual(SPEC);
  });

  it.each(SPEC)("%s: unit %j, kind %s, cells by kind", (code, unit, kind) => {
    const ind = form.byCode.get(code);
    expect(ind).toBeDefined();
    expect(ind!.unit).toBe(unit);
    expect(ind!.kind).toBe(kind);
    expect(ind!.cells.map((c) => c.part)).toEqual(kind === "tf" ? ["total", "female"] : ["value"]);
    expect(ind!.label.vi.length).toBeGreaterThan(0);
    expect(ind!.label.en.length).toBeGreaterThan(0);
    if (kind === "amount") expect(ind!.decimals).toBe(3);
  });

  it("section counts: I 8, II 6, III 10, IV 9, V 7, VI 4", () => {
    const count = (s: string) => form.indicators.filter((i) => i.section === s).length;
    expect(["I", "II", "III", "IV", "V", "VI"].map(count)).toEqual([8, 6, 10, 9, 7, 4]);
  });

  it.each(Object.entries(SPEC_LABELS))("%s label is the spec's", (code, label) => {
    expect(form.byCode.get(code)!.label.vi).toBe(label);
  });

  it("V.7's female cell is labelled girls", () => {
    expect(form.byCode.get("V.7")!.femaleLabel?.vi).toMatch(/bé gái/);
  });

  it("header fields: unit, year, reportDate, preparer, phone (optional), head", () => {
    expect(form.fields.map((f) => [f.key, f.required])).toEqual([
      ["unit", true],
      ["year", true],
      ["reportDate", true],
      ["preparer", true],
      ["phone", false],
      ["head", true],
    ]);
    expect(form.fields.map((f) => f.label.vi)).toEqual([
      "Đơn vị báo cáo",
      "Năm báo cáo",
      "Ngày báo cáo",
      "Người lập biểu",
      "Số điện thoại",
      "Thủ trưởng đơn vị",
    ]);
  });
});

describe("BDG-2019: computed values", () => {
  it("percent female for each of the 7 T|F rows of section V, and V.7's sex ratio at birth", () => {
    const vTf = form.indicators.filter((i) => i.section === "V" && i.kind === "tf").map((i) => i.code);
    expect(vTf).toEqual(["V.1", "V.2", "V.3", "V.4", "V.5", "V.6", "V.7"]);
    expect(d.computed.map((c) => [c.id, c.formula.op, c.formula.of])).toEqual([
      ...vTf.map((code) => [`${code}.pctf`, "percentFemale", code]),
      ["V.7.srb", "sexRatioAtBirth", "V.7"],
    ]);
    expect(d.computed.filter((c) => c.formula.op === "percentFemale").every((c) => c.unit === "%")).toBe(
      true
    );
  });

  it("computed values are never input cells", () => {
    for (const c of d.computed)
      expect(form.names.some((n) => n.toLowerCase().includes(c.id.replace(/\./g, "_").toLowerCase()))).toBe(
        false
      );
  });
});

describe("BDG-2019: rules (docs/FORM-BDG-2019.md, Rules)", () => {
  const rules = d.rules;
  const byType = (type: Rule["type"]) => rules.filter((r) => r.type === type);
  const sev = (type: Rule["type"]) => byType(type).map((r) => r.severity);

  it("rule ids are unique and every rule has a Vietnamese and an English description", () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.description.vi).toBeTruthy();
      expect(r.description.en).toBeTruthy();
    }
  });

  it("errors: type, F > T, F without T, header", () => {
    expect(sev("valueType")).toEqual(["error"]);
    expect(sev("femaleNotAboveTotal")).toEqual(["error"]);
    expect(sev("femaleWithoutTotal")).toEqual(["error"]);
    expect(sev("header")).toEqual(["error"]);
  });

  it("errors: every part ≤ whole pair of the spec, and nothing else", () => {
    const pairs = byType("partOfWhole").map((r) =>
      r.type === "partOfWhole" ? `${r.part}<=${r.whole}:${r.severity}` : ""
    );
    expect(pairs.sort()).toEqual(
      ["II.3<=II.2", "II.4<=II.2", "II.6<=II.5", "III.2<=III.1", "III.7<=III.6", "III.8<=III.5", "IV.3<=IV.2"]
        .map((p) => `${p}:error`)
        .sort()
    );
  });

  it("error: IV.6 + IV.7 = IV.5 to 0.001", () => {
    const sums = byType("sumEquals");
    expect(sums).toHaveLength(1);
    expect(sums[0]).toMatchObject({
      severity: "error",
      parts: ["IV.6", "IV.7"],
      whole: "IV.5",
      tolerance: 0.001,
    });
  });

  it("warnings: blank numeric cell, blank VI.1, text number, late", () => {
    expect(sev("blank")).toEqual(["warning"]);
    expect(byType("textRequired")).toEqual([
      expect.objectContaining({ severity: "warning", indicator: "VI.1" }),
    ]);
    expect(sev("textNumber")).toEqual(["warning"]);
    expect(sev("late")).toEqual(["warning"]);
  });

  it("warning: III.6 T < III.5", () => {
    expect(byType("notLess")).toEqual([
      expect.objectContaining({
        severity: "warning",
        left: { indicator: "III.6", part: "total" },
        right: { indicator: "III.5", part: "value" },
      }),
    ]);
  });

  it("warnings: I.2 T > 0 while I.1 = 0; I.8 T > 0 while I.7 = 0", () => {
    const rp = byType("requiresPositive").map((r) =>
      r.type === "requiresPositive" ? [r.severity, r.when, r.requires] : []
    );
    expect(rp).toEqual([
      ["warning", { indicator: "I.2", part: "total" }, { indicator: "I.1", part: "value" }],
      ["warning", { indicator: "I.8", part: "total" }, { indicator: "I.7", part: "value" }],
    ]);
  });

  it("warning: V.7 sex ratio at birth outside 90–130 when births ≥ 50", () => {
    expect(byType("sexRatioRange")).toEqual([
      expect.objectContaining({ severity: "warning", indicator: "V.7", minTotal: 50, min: 90, max: 130 }),
    ]);
  });

  it("covers all rule types of the schema that the spec uses, and no unexpected ones", () => {
    expect(new Set(rules.map((r) => r.type))).toEqual(
      new Set([
        "valueType",
        "femaleNotAboveTotal",
        "femaleWithoutTotal",
        "partOfWhole",
        "sumEquals",
        "header",
        "blank",
        "textRequired",
        "notLess",
        "requiresPositive",
        "sexRatioRange",
        "textNumber",
        "late",
      ])
    );
  });
});
