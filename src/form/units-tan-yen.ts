/**
 * The default unit registry: Tân Yên district, 2019 (docs/FORM-BDG-2019.md). Data only. Aliases
 * are the other names officers type; the matcher (unit-match.ts) also writes out the official
 * abbreviations and drops the collector's place ("… huyện Tân Yên") by itself.
 */

/** The registry's two groups (their order is the summary's). */
export const COMMUNES = "Xã, thị trấn";
export const BODIES = "Cơ quan, ban, ngành, đoàn thể";

interface UnitEntry {
  code: string;
  name: string;
  group: string;
  aliases?: string[];
}

const towns: UnitEntry[] = [
  { code: "TT-CAO-THUONG", name: "Thị trấn Cao Thượng", group: COMMUNES },
  { code: "TT-NHA-NAM", name: "Thị trấn Nhã Nam", group: COMMUNES },
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
    group: BODIES,
    aliases: ["Ủy ban Mặt trận Tổ quốc huyện", "UBMTTQ huyện", "MTTQ huyện", "Mặt trận Tổ quốc huyện"],
  },
  {
    code: "HLHPN",
    name: "Hội Liên hiệp Phụ nữ huyện",
    group: BODIES,
    aliases: ["Hội LHPN huyện", "Hội Phụ nữ huyện"],
  },
  {
    code: "HUYEN-DOAN",
    name: "Huyện đoàn",
    group: BODIES,
    aliases: ["Huyện Đoàn Thanh niên", "Huyện đoàn Tân Yên", "Đoàn TNCS Hồ Chí Minh huyện"],
  },
  { code: "HND", name: "Hội Nông dân huyện", group: BODIES, aliases: ["Hội ND huyện"] },
  { code: "HCCB", name: "Hội Cựu chiến binh huyện", group: BODIES, aliases: ["Hội CCB huyện"] },
  { code: "LDLD", name: "Liên đoàn Lao động huyện", group: BODIES, aliases: ["LĐLĐ huyện"] },
  {
    code: "VP-HDND-UBND",
    name: "Văn phòng HĐND và UBND",
    group: BODIES,
    aliases: ["Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"],
  },
  { code: "P-NOI-VU", name: "Phòng Nội vụ", group: BODIES },
  { code: "P-TU-PHAP", name: "Phòng Tư pháp", group: BODIES },
  {
    code: "P-TC-KH",
    name: "Phòng Tài chính – Kế hoạch",
    group: BODIES,
    aliases: ["Phòng Tài chính - Kế hoạch", "Phòng TC-KH"],
  },
  {
    code: "P-VH-TT",
    name: "Phòng Văn hóa và Thông tin",
    group: BODIES,
    aliases: ["Phòng VH&TT", "Phòng VHTT"],
  },
  {
    code: "P-GD-DT",
    name: "Phòng Giáo dục và Đào tạo",
    group: BODIES,
    aliases: ["Phòng GD&ĐT", "Phòng GDĐT"],
  },
  { code: "P-Y-TE", name: "Phòng Y tế", group: BODIES },
  {
    code: "P-NN-PTNT",
    name: "Phòng Nông nghiệp và PTNT",
    group: BODIES,
    aliases: ["Phòng Nông nghiệp và Phát triển nông thôn", "Phòng NN&PTNT"],
  },
  {
    code: "P-LDTBXH",
    name: "Phòng Lao động – TB&XH",
    group: BODIES,
    aliases: ["Phòng Lao động - Thương binh và Xã hội", "Phòng LĐTBXH", "Phòng LĐ-TB&XH"],
  },
  { code: "THANH-TRA", name: "Thanh tra huyện", group: BODIES, aliases: ["Thanh tra"] },
  { code: "TTYT", name: "Trung tâm Y tế huyện", group: BODIES, aliases: ["TTYT huyện"] },
  {
    code: "TTVHTTTT",
    name: "Trung tâm Văn hóa – Thông tin – Thể thao",
    group: BODIES,
    aliases: ["Trung tâm Văn hóa - Thông tin - Thể thao", "Trung tâm VH-TT-TT"],
  },
];

export const TAN_YEN_UNITS: UnitEntry[] = [
  ...towns,
  ...communeNames.map(([code, name]) => ({
    code: `XA-${code}`,
    name: `Xã ${name}`,
    group: COMMUNES,
  })),
  ...bodies,
];
