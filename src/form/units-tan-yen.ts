/** The default unit registry: Tân Yên district, 2019 (docs/FORM-BDG-2019.md). Data only. */
import type { UnitKind } from "./schema";

interface UnitEntry {
  code: string;
  name: string;
  kind: UnitKind;
  aliases?: string[];
}

const towns: UnitEntry[] = [
  { code: "TT-CAO-THUONG", name: "Thị trấn Cao Thượng", kind: "commune" },
  { code: "TT-NHA-NAM", name: "Thị trấn Nhã Nam", kind: "commune" },
];

const communeNames: [string, string][] = [
  ["AN-DUONG", "An Dương"],
  ["CAO-THUONG", "Cao Thượng"],
  ["CAO-XA", "Cao Xá"],
  ["DAI-HOA", "Đại Hóa"],
  ["HOP-DUC", "Hợp Đức"],
  ["LAM-COT", "Lam Cốt"],
  ["LAN-GIOI", "Lan Giới"],
  ["LIEN-CHUNG", "Liên Chung"],
  ["LIEN-SON", "Liên Sơn"],
  ["NGOC-CHAU", "Ngọc Châu"],
  ["NGOC-LY", "Ngọc Lý"],
  ["NGOC-THIEN", "Ngọc Thiện"],
  ["NGOC-VAN", "Ngọc Vân"],
  ["NHA-NAM", "Nhã Nam"],
  ["PHUC-HOA", "Phúc Hòa"],
  ["PHUC-SON", "Phúc Sơn"],
  ["QUANG-TIEN", "Quang Tiến"],
  ["QUE-NHAM", "Quế Nham"],
  ["SONG-VAN", "Song Vân"],
  ["TAN-TRUNG", "Tân Trung"],
  ["VIET-LAP", "Việt Lập"],
  ["VIET-NGOC", "Việt Ngọc"],
];

const bodies: UnitEntry[] = [
  {
    code: "MTTQ",
    name: "Ủy ban MTTQ huyện",
    kind: "body",
    aliases: ["Ủy ban Mặt trận Tổ quốc huyện", "UBMTTQ huyện"],
  },
  {
    code: "HLHPN",
    name: "Hội Liên hiệp Phụ nữ huyện",
    kind: "body",
    aliases: ["Hội LHPN huyện", "Hội Phụ nữ huyện"],
  },
  { code: "HUYEN-DOAN", name: "Huyện đoàn", kind: "body", aliases: ["Huyện Đoàn Thanh niên"] },
  { code: "HND", name: "Hội Nông dân huyện", kind: "body" },
  { code: "HCCB", name: "Hội Cựu chiến binh huyện", kind: "body", aliases: ["Hội CCB huyện"] },
  { code: "LDLD", name: "Liên đoàn Lao động huyện", kind: "body", aliases: ["LĐLĐ huyện"] },
  {
    code: "VP-HDND-UBND",
    name: "Văn phòng HĐND và UBND",
    kind: "body",
    aliases: ["Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"],
  },
  { code: "P-NOI-VU", name: "Phòng Nội vụ", kind: "body" },
  { code: "P-TU-PHAP", name: "Phòng Tư pháp", kind: "body" },
  {
    code: "P-TC-KH",
    name: "Phòng Tài chính – Kế hoạch",
    kind: "body",
    aliases: ["Phòng Tài chính - Kế hoạch", "Phòng TC-KH"],
  },
  {
    code: "P-VH-TT",
    name: "Phòng Văn hóa và Thông tin",
    kind: "body",
    aliases: ["Phòng VH&TT", "Phòng VHTT"],
  },
  {
    code: "P-GD-DT",
    name: "Phòng Giáo dục và Đào tạo",
    kind: "body",
    aliases: ["Phòng GD&ĐT", "Phòng GDĐT"],
  },
  { code: "P-Y-TE", name: "Phòng Y tế", kind: "body" },
  {
    code: "P-NN-PTNT",
    name: "Phòng Nông nghiệp và PTNT",
    kind: "body",
    aliases: ["Phòng Nông nghiệp và Phát triển nông thôn", "Phòng NN&PTNT"],
  },
  {
    code: "P-LDTBXH",
    name: "Phòng Lao động – TB&XH",
    kind: "body",
    aliases: ["Phòng Lao động - Thương binh và Xã hội", "Phòng LĐTBXH", "Phòng LĐ-TB&XH"],
  },
  { code: "THANH-TRA", name: "Thanh tra huyện", kind: "body" },
  { code: "TTYT", name: "Trung tâm Y tế huyện", kind: "body", aliases: ["TTYT huyện"] },
  {
    code: "TTVHTTTT",
    name: "Trung tâm Văn hóa – Thông tin – Thể thao",
    kind: "body",
    aliases: ["Trung tâm Văn hóa - Thông tin - Thể thao", "Trung tâm VH-TT-TT"],
  },
];

export const TAN_YEN_UNITS: UnitEntry[] = [
  ...towns,
  ...communeNames.map(([code, name]) => ({
    code: `XA-${code}`,
    name: `Xã ${name}`,
    kind: "commune" as const,
  })),
  ...bodies,
];
