/** Matching a typed unit name against the registry (docs/FORM-BDG-2019.md, "Reporting units"). */
import {
  builtInForm,
  matchUnit,
  stripDiacritics,
  UnitMatcher,
  type Unit,
  type UnitMatch,
} from "../../src/form";

const units = builtInForm().units;
const matcher = new UnitMatcher(units);
const m = (typed: string): UnitMatch => matcher.match(typed);
const codeOf = (r: UnitMatch): string | null => (r.type === "match" ? r.unit.code : null);

describe("UnitMatcher", () => {
  it.each(units.map((u) => [u.name, u.code]))("%s matches itself exactly (%s)", (name, code) => {
    expect(m(name)).toMatchObject({ type: "match", unit: { code } });
  });

  it.each(units.map((u) => [u.code]))("unit code %s matches (any case, spaces around)", (code) => {
    expect(codeOf(m(code))).toBe(code);
    expect(codeOf(m(` ${code.toLowerCase()} `))).toBe(code);
    expect(matcher.byUnitCode(code.toLowerCase())?.code).toBe(code);
  });

  it.each(units.flatMap((u) => u.aliases.map((a) => [a, u.code])))("alias %j → %s", (alias, code) => {
    expect(codeOf(m(alias))).toBe(code);
  });

  it.each(units.map((u) => [u.name, u.code]))(
    "%s without diacritics, in lower and upper case (%s)",
    (name, code) => {
      expect(codeOf(m(stripDiacritics(name)))).toBe(code);
      expect(codeOf(m(stripDiacritics(name).toLowerCase()))).toBe(code);
      expect(codeOf(m(name.toUpperCase()))).toBe(code);
    }
  );

  it.each([
    ["xã cao xá", "XA-CAO-XA"],
    ["XÃ CAO XÁ", "XA-CAO-XA"],
    ["  Xã   Cao  Xá  ", "XA-CAO-XA"],
    ["Xã\u00a0Cao\u00a0Xá", "XA-CAO-XA"],
    ["UBND xã Cao Xá", "XA-CAO-XA"],
    ["Ủy ban nhân dân xã Cao Xá", "XA-CAO-XA"],
    ["Uỷ ban nhân dân xã Cao Xá", "XA-CAO-XA"],
    ["xa cao xa", "XA-CAO-XA"],
    ["Cao Xá", "XA-CAO-XA"],
    ["cao xa", "XA-CAO-XA"],
    ["XA-CAO-XA", "XA-CAO-XA"],
    ["xa-cao-xa", "XA-CAO-XA"],
    ["xã Ngọc Thiện", "XA-NGOC-THIEN"],
    ["Ngoc Thien", "XA-NGOC-THIEN"],
    ["xã Đại Hóa", "XA-DAI-HOA"],
    ["dai hoa", "XA-DAI-HOA"],
    ["TT. Nhã Nam", "TT-NHA-NAM"],
    ["TT.Nhã Nam", "TT-NHA-NAM"],
    ["TT Nhã Nam", "TT-NHA-NAM"],
    ["tt nha nam", "TT-NHA-NAM"],
    ["thị trấn Nhã Nam", "TT-NHA-NAM"],
    ["Thi tran Nha Nam", "TT-NHA-NAM"],
    ["THỊ TRẤN NHÃ NAM", "TT-NHA-NAM"],
    ["UBND thị trấn Nhã Nam", "TT-NHA-NAM"],
    ["TT-NHA-NAM", "TT-NHA-NAM"],
  ])("%j → %s", (typed, code) => {
    expect(codeOf(m(typed))).toBe(code);
  });

  describe("the town and the commune that share a name are never confused", () => {
    const pairs: [string, string, string, string][] = [
      ["Cao Thượng", "Cao Thuong", "TT-CAO-THUONG", "XA-CAO-THUONG"],
      ["Nhã Nam", "Nha Nam", "TT-NHA-NAM", "XA-NHA-NAM"],
    ];
    it.each(pairs)("bare %j is ambiguous between the two", (name, plain, town, commune) => {
      for (const typed of [name, plain, name.toLowerCase(), plain.toUpperCase(), ` ${name} `]) {
        const r = m(typed);
        expect(r.type).toBe("ambiguous");
        if (r.type === "ambiguous")
          expect(r.candidates.map((u) => u.code).sort()).toEqual([town, commune].sort());
      }
    });
    it.each(pairs)(
      "%j with a town prefix → the town, with a commune prefix → the commune",
      (name, plain, town, commune) => {
        const townForms = [
          "TT",
          "TT.",
          "tt",
          "Thị trấn",
          "thị trấn",
          "Thi tran",
          "THI TRAN",
          "UBND thị trấn",
          "UBND TT",
        ];
        const communeForms = ["xã", "Xã", "XÃ", "xa", "Xa", "UBND xã", "Ủy ban nhân dân xã", "UBND xa"];
        for (const n of [name, plain, name.toLowerCase()]) {
          for (const p of townForms)
            expect([`${p} ${n}`, codeOf(m(`${p} ${n}`))]).toEqual([`${p} ${n}`, town]);
          for (const p of communeForms)
            expect([`${p} ${n}`, codeOf(m(`${p} ${n}`))]).toEqual([`${p} ${n}`, commune]);
        }
      }
    );
  });

  it("old and new tone placement (Hoà / Hòa, Hoá / Hóa) are the same", () => {
    expect(codeOf(m("Xã Phúc Hoà"))).toBe("XA-PHUC-HOA");
    expect(codeOf(m("Xã Phúc Hòa"))).toBe("XA-PHUC-HOA");
    expect(codeOf(m("PHÚC HOÀ"))).toBe("XA-PHUC-HOA");
    expect(codeOf(m("xã Đại Hoá"))).toBe("XA-DAI-HOA");
    // NFD input (decomposed diacritics) too.
    expect(codeOf(m("Xã Phúc Hoà".normalize("NFD")))).toBe("XA-PHUC-HOA");
    expect(codeOf(m("Uỷ ban MTTQ huyện"))).toBe("MTTQ");
    const r = m("Xã Phúc Hoà");
    expect(r.type === "match" && r.exact).toBe(true);
  });

  it.each([
    ["Hội Liên hiệp Phụ nữ", "HLHPN"],
    ["hoi lien hiep phu nu huyen", "HLHPN"],
    ["Hội Nông dân", "HND"],
    ["Hội Nông dân huyện", "HND"],
    ["Hội Cựu chiến binh", "HCCB"],
    ["Liên đoàn Lao động", "LDLD"],
    ["Thanh tra", "THANH-TRA"],
    ["Thanh tra huyện", "THANH-TRA"],
    ["Trung tâm Y tế", "TTYT"],
    ["Ủy ban MTTQ", "MTTQ"],
    ["Văn phòng HĐND và UBND huyện", "VP-HDND-UBND"],
    ["Huyện đoàn", "HUYEN-DOAN"],
    ["huyen doan", "HUYEN-DOAN"],
  ])('district body with and without "huyện": %j → %s', (typed, code) => {
    expect(codeOf(m(typed))).toBe(code);
  });

  it.each([
    ["Hội LHPN huyện", "HLHPN"],
    ["Hội Phụ nữ huyện", "HLHPN"],
    ["UBMTTQ huyện", "MTTQ"],
    ["Phòng LĐTBXH", "P-LDTBXH"],
    ["Phòng Lao động - TB&XH", "P-LDTBXH"],
    ["Phòng Lao động-TB&XH", "P-LDTBXH"],
    ["Phòng GD&ĐT", "P-GD-DT"],
    ["phong gd&dt", "P-GD-DT"],
    ["Phòng Tài chính - Kế hoạch", "P-TC-KH"],
    ["Phòng Tài chính Kế hoạch", "P-TC-KH"],
    ["Trung tâm Văn hóa - Thông tin - Thể thao", "TTVHTTTT"],
    ["Phòng NN&PTNT", "P-NN-PTNT"],
    ["TTYT huyện", "TTYT"],
  ])("alias / punctuation variant %j → %s", (typed, code) => {
    expect(codeOf(m(typed))).toBe(code);
  });

  it.each([
    "",
    "   ",
    "Xã Hà Nội",
    "Phòng Công an",
    "TT Cao Xá",
    "Thị trấn An Dương",
    "xã",
    "TT",
    "UBND",
    "Phường Cao Xá",
    "XA-KHONG-CO",
    "Cao",
    "Xã Cao",
  ])("%j → none", (typed) => {
    expect(m(typed)).toEqual({ type: "none" });
  });

  it("a typed prefix must agree: a body is not matched with a commune prefix", () => {
    expect(m("xã Phòng Y tế")).toEqual({ type: "none" });
  });

  it("matchUnit is the one-shot form", () => {
    expect(codeOf(matchUnit(units, "xa cao xa"))).toBe("XA-CAO-XA");
    expect(matchUnit(units, "Cao Thượng").type).toBe("ambiguous");
  });

  it("works with another registry (a province collecting from its communes)", () => {
    const reg: Unit[] = [
      { code: "P-HOA-BINH", name: "Phường Hòa Bình", group: "Xã, thị trấn", aliases: [] },
      { code: "XA-HOA-BINH", name: "Xã Hòa Bình", group: "Xã, thị trấn", aliases: [] },
      { code: "XA-TAN-YEN", name: "Xã Tân Yên", group: "Xã, thị trấn", aliases: [] },
    ];
    expect(codeOf(matchUnit(reg, "phuong hoa binh"))).toBe("P-HOA-BINH");
    expect(codeOf(matchUnit(reg, "xã Hoà Bình"))).toBe("XA-HOA-BINH");
    expect(matchUnit(reg, "Hòa Bình").type).toBe("ambiguous");
    expect(codeOf(matchUnit(reg, "Tan Yen"))).toBe("XA-TAN-YEN");
  });
});

describe("stripDiacritics", () => {
  it("removes marks and đ", () => {
    expect(stripDiacritics("Đại Hóa, Ngọc Thiện, Nhã Nam")).toBe("Dai Hoa, Ngoc Thien, Nha Nam");
  });
});

describe("unit names as officers write them", () => {
  const form = builtInForm();
  const withPlace = new UnitMatcher(form.units, { collectorName: form.definition.collector.name });
  it.each([
    ["Phòng LĐ-TB&XH huyện Tân Yên", "P-LDTBXH"],
    ["Phòng LĐTBXH", "P-LDTBXH"],
    ["phong ld-tb&xh", "P-LDTBXH"],
    ["Phòng Lao động - Thương binh và Xã hội huyện Tân Yên", "P-LDTBXH"],
    ["Phòng NN&PTNT", "P-NN-PTNT"],
    ["Phòng NN và PTNT huyện Tân Yên", "P-NN-PTNT"],
    ["Phòng TC-KH huyện", "P-TC-KH"],
    ["Phòng TCKH Tân Yên", "P-TC-KH"],
    ["Phòng VH-TT", "P-VH-TT"],
    ["Phòng GD&ĐT huyện Tân Yên", "P-GD-DT"],
    ["Phòng GD-ĐT", "P-GD-DT"],
    ["MTTQ huyện", "MTTQ"],
    ["UB MTTQ huyện Tân Yên", "MTTQ"],
    ["Hội LHPN huyện Tân Yên", "HLHPN"],
    ["Hội CCB", "HCCB"],
    ["Hội CCB huyện Tân Yên", "HCCB"],
    ["VP HĐND-UBND", "VP-HDND-UBND"],
    ["Văn phòng HĐND & UBND huyện Tân Yên", "VP-HDND-UBND"],
    ["Phòng Tư pháp huyện Tân Yên", "P-TU-PHAP"],
    ["UBND xã Cao Xá huyện Tân Yên", "XA-CAO-XA"],
    ["Trung tâm VH-TT-TT huyện", "TTVHTTTT"],
  ])("%j → %s", (typed, code) => {
    const r = withPlace.match(typed);
    expect(r.type === "match" ? r.unit.code : r.type).toBe(code);
  });

  it("the place suffix never merges the town and the commune of one name", () => {
    expect(withPlace.match("Cao Thượng huyện Tân Yên").type).toBe("ambiguous");
    expect(withPlace.match("TT Cao Thượng huyện Tân Yên")).toMatchObject({ unit: { code: "TT-CAO-THUONG" } });
  });

  it("suggests the closest registry names for a name it cannot match", () => {
    expect(withPlace.match("Phòng Lao động huyện").type).toBe("none");
    expect(withPlace.suggest("Phòng Lao động huyện").map((u) => u.code)).toContain("P-LDTBXH");
    expect(withPlace.suggest("Xã Việt Lạp").map((u) => u.code)[0]).toBe("XA-VIET-LAP");
    expect(withPlace.suggest("zzzz")).toEqual([]);
  });
});
