/** The default unit registry: Tân Yên district, 2019 (docs/FORM-BDG-2019.md, "Reporting units"). */
import { unitSchema } from "../../src/form";
import { TAN_YEN_UNITS } from "../../src/form/units-tan-yen";

const COMMUNES = [
  "Thị trấn Cao Thượng",
  "Thị trấn Nhã Nam",
  "Xã An Dương",
  "Xã Cao Thượng",
  "Xã Cao Xá",
  "Xã Đại Hóa",
  "Xã Hợp Đức",
  "Xã Lam Cốt",
  "Xã Lan Giới",
  "Xã Liên Chung",
  "Xã Liên Sơn",
  "Xã Ngọc Châu",
  "Xã Ngọc Lý",
  "Xã Ngọc Thiện",
  "Xã Ngọc Vân",
  "Xã Nhã Nam",
  "Xã Phúc Hòa",
  "Xã Phúc Sơn",
  "Xã Quang Tiến",
  "Xã Quế Nham",
  "Xã Song Vân",
  "Xã Tân Trung",
  "Xã Việt Lập",
  "Xã Việt Ngọc",
];
const BODIES = [
  "Ủy ban MTTQ huyện",
  "Hội Liên hiệp Phụ nữ huyện",
  "Huyện đoàn",
  "Hội Nông dân huyện",
  "Hội Cựu chiến binh huyện",
  "Liên đoàn Lao động huyện",
  "Văn phòng HĐND và UBND",
  "Phòng Nội vụ",
  "Phòng Tư pháp",
  "Phòng Tài chính – Kế hoạch",
  "Phòng Văn hóa và Thông tin",
  "Phòng Giáo dục và Đào tạo",
  "Phòng Y tế",
  "Phòng Nông nghiệp và PTNT",
  "Phòng Lao động – TB&XH",
  "Thanh tra huyện",
  "Trung tâm Y tế huyện",
  "Trung tâm Văn hóa – Thông tin – Thể thao",
];

describe("Tân Yên registry", () => {
  it("24 communes/towns and 18 district bodies, with the spec's names", () => {
    expect(TAN_YEN_UNITS.filter((u) => u.group === "Xã, thị trấn").map((u) => u.name)).toEqual(COMMUNES);
    expect(
      TAN_YEN_UNITS.filter((u) => u.group === "Cơ quan, ban, ngành, đoàn thể").map((u) => u.name)
    ).toEqual(BODIES);
    expect(TAN_YEN_UNITS).toHaveLength(42);
  });

  it("every entry is a valid unit; codes are unique stable ASCII", () => {
    for (const u of TAN_YEN_UNITS) expect(unitSchema.safeParse(u).success).toBe(true);
    const codes = TAN_YEN_UNITS.map((u) => u.code);
    expect(new Set(codes).size).toBe(42);
    for (const c of codes) expect(c).toMatch(/^[A-Z0-9][A-Z0-9-]*$/);
  });

  it("the spec's example codes exist; the town and the commune that share a name have different codes", () => {
    const byCode = new Map(TAN_YEN_UNITS.map((u) => [u.code, u]));
    expect(byCode.get("XA-CAO-XA")?.name).toBe("Xã Cao Xá");
    expect(byCode.get("TT-NHA-NAM")?.name).toBe("Thị trấn Nhã Nam");
    expect(byCode.get("XA-NHA-NAM")?.name).toBe("Xã Nhã Nam");
    expect(byCode.get("TT-CAO-THUONG")?.name).toBe("Thị trấn Cao Thượng");
    expect(byCode.get("XA-CAO-THUONG")?.name).toBe("Xã Cao Thượng");
    expect(byCode.get("HLHPN")?.name).toBe("Hội Liên hiệp Phụ nữ huyện");
  });

  it("unit names are unique", () => {
    expect(new Set(TAN_YEN_UNITS.map((u) => u.name)).size).toBe(42);
  });
});
