/**
 * The built-in form BDG-2019: annual gender-equality work report, Tân Yên district, 2019.
 * Source: docs/FORM-BDG-2019.md (dispatch 146/UBND-LĐTBXH, 19/02/2019). Data only.
 */
import type { FormInput } from "./schema";
import { TAN_YEN_UNITS } from "./units-tan-yen";

type Kind = "count" | "amount" | "tf" | "text";
type Row = [code: string, vi: string, en: string, unit: string, kind: Kind];

const rows: Row[] = [
  [
    "I.1",
    "Số cuộc tuyên truyền, phổ biến pháp luật về BĐG (hội nghị, tọa đàm, sinh hoạt chuyên đề)",
    "Communication events on gender-equality law (conferences, talks, thematic meetings)",
    "cuộc",
    "count",
  ],
  ["I.2", "Số lượt người tham dự", "Attendances", "lượt người", "tf"],
  [
    "I.3",
    "Số tin, bài, phóng sự trên hệ thống truyền thanh, cổng thông tin",
    "News items, articles, reports on radio and web portals",
    "tin, bài",
    "count",
  ],
  [
    "I.4",
    "Số tài liệu, tờ rơi, sách mỏng được phát hành",
    "Documents, leaflets, booklets issued",
    "bản",
    "count",
  ],
  ["I.5", "Số băng rôn, khẩu hiệu, pa nô, áp phích", "Banners, slogans, panels, posters", "cái", "count"],
  [
    "I.6",
    "Số hoạt động truyền thông thúc đẩy BĐG trong lĩnh vực chính trị (hướng tới Đại hội Đảng các cấp, bầu cử)",
    "Communication activities for gender equality in politics (Party congresses, elections)",
    "hoạt động",
    "count",
  ],
  [
    "I.7",
    "Số hoạt động hưởng ứng Tháng hành động vì BĐG và phòng, chống bạo lực trên cơ sở giới (15/11–15/12/2019)",
    "Activities of the Action Month for gender equality and against gender-based violence (15/11–15/12/2019)",
    "hoạt động",
    "count",
  ],
  ["I.8", "Số lượt người tham gia Tháng hành động", "Participations in the Action Month", "lượt người", "tf"],
  [
    "II.1",
    "Số lớp tập huấn kiến thức về giới, BĐG, kỹ năng lồng ghép giới",
    "Training courses on gender, gender equality, mainstreaming skills",
    "lớp",
    "count",
  ],
  ["II.2", "Số lượt người được tập huấn", "Trainees", "lượt người", "tf"],
  [
    "II.3",
    "Trong đó: cán bộ quản lý nhà nước về BĐG, thành viên Ban vì sự tiến bộ phụ nữ",
    "Of which: state officials for gender equality, members of the Committee for the Advancement of Women",
    "lượt người",
    "tf",
  ],
  [
    "II.4",
    "Trong đó: cán bộ làm công tác LĐTBXH, cộng tác viên ở thôn, khu phố",
    "Of which: labour and social affairs staff, village collaborators",
    "lượt người",
    "tf",
  ],
  [
    "II.5",
    "Số văn bản quy phạm pháp luật, chương trình, kế hoạch, đề án được ban hành",
    "Legal documents, programmes, plans, projects issued",
    "văn bản",
    "count",
  ],
  [
    "II.6",
    "Trong đó: có lồng ghép vấn đề BĐG",
    "Of which: with gender equality mainstreamed",
    "văn bản",
    "count",
  ],
  [
    "III.1",
    "Số mô hình về BĐG, phòng ngừa và ứng phó với bạo lực trên cơ sở giới đang duy trì",
    "Models on gender equality and gender-based violence prevention and response maintained",
    "mô hình",
    "count",
  ],
  [
    "III.2",
    "Trong đó: mô hình mới xây dựng, nhân rộng trong năm",
    "Of which: new or replicated this year",
    "mô hình",
    "count",
  ],
  ["III.3", "Số thành viên tham gia các mô hình", "Members of the models", "người", "tf"],
  [
    "III.4",
    "Số địa chỉ tin cậy, nhà tạm lánh tại cộng đồng",
    "Trusted addresses, community shelters",
    "địa chỉ",
    "count",
  ],
  [
    "III.5",
    "Số vụ bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện",
    "Cases of domestic and gender-based violence detected",
    "vụ",
    "count",
  ],
  ["III.6", "Số nạn nhân", "Victims", "người", "tf"],
  ["III.7", "Số nạn nhân được tư vấn, hỗ trợ", "Victims counselled or supported", "người", "tf"],
  ["III.8", "Số vụ đã được xử lý", "Cases handled", "vụ", "count"],
  [
    "III.9",
    'Số phụ nữ được hỗ trợ khởi nghiệp (Đề án "Hỗ trợ phụ nữ khởi nghiệp giai đoạn 2017–2025")',
    "Women supported to start a business (2017–2025 project)",
    "người",
    "count",
  ],
  [
    "III.10",
    'Số hoạt động thực hiện Đề án "Tuyên truyền, giáo dục, vận động, hỗ trợ phụ nữ tham gia giải quyết một số vấn đề xã hội liên quan đến phụ nữ giai đoạn 2017–2027"',
    "Activities of the 2017–2027 project on women and social issues",
    "hoạt động",
    "count",
  ],
  [
    "IV.1",
    "Số cuộc kiểm tra, giám sát việc thực hiện chính sách, pháp luật về BĐG",
    "Inspections and supervisions of gender-equality policy and law",
    "cuộc",
    "count",
  ],
  [
    "IV.2",
    "Số vi phạm pháp luật về BĐG được phát hiện",
    "Violations of gender-equality law detected",
    "vụ",
    "count",
  ],
  ["IV.3", "Trong đó: đã được xử lý", "Of which: handled", "vụ", "count"],
  [
    "IV.4",
    "Số cuộc trao đổi, học tập kinh nghiệm về BĐG trong và ngoài nước",
    "Experience-sharing visits on gender equality, at home and abroad",
    "cuộc",
    "count",
  ],
  [
    "IV.5",
    "Tổng kinh phí thực hiện công tác BĐG",
    "Total funding for gender-equality work",
    "triệu đồng",
    "amount",
  ],
  ["IV.6", "Trong đó: ngân sách nhà nước", "Of which: state budget", "triệu đồng", "amount"],
  ["IV.7", "Trong đó: huy động xã hội hóa", "Of which: mobilised from society", "triệu đồng", "amount"],
  [
    "IV.8",
    "Số tập thể được khen thưởng về công tác BĐG",
    "Collectives commended for gender-equality work",
    "tập thể",
    "count",
  ],
  [
    "IV.9",
    "Số cá nhân được khen thưởng về công tác BĐG",
    "Individuals commended for gender-equality work",
    "người",
    "tf",
  ],
  [
    "V.1",
    "Số đại biểu Hội đồng nhân dân nhiệm kỳ 2016–2021",
    "People's Council deputies, 2016–2021 term",
    "người",
    "tf",
  ],
  ["V.2", "Số ủy viên Ban Chấp hành Đảng bộ", "Members of the Party Executive Committee", "người", "tf"],
  ["V.3", "Số cán bộ, công chức, viên chức", "Officials, civil servants, public employees", "người", "tf"],
  ["V.4", "Số lãnh đạo chủ chốt (cấp trưởng, cấp phó)", "Key leaders (heads and deputies)", "người", "tf"],
  [
    "V.5",
    "Số lao động được đào tạo nghề trong năm",
    "Workers given vocational training this year",
    "người",
    "tf",
  ],
  ["V.6", "Số lao động được tạo việc làm mới trong năm", "Workers given new jobs this year", "người", "tf"],
  ["V.7", "Số trẻ sinh ra trong năm", "Births this year", "trẻ", "tf"],
  ["VI.1", "Kết quả nổi bật", "Main results", "", "text"],
  ["VI.2", "Tồn tại, hạn chế và nguyên nhân", "Shortcomings and their causes", "", "text"],
  ["VI.3", "Phương hướng, nhiệm vụ năm 2020", "Directions and tasks for 2020", "", "text"],
  ["VI.4", "Đề xuất, kiến nghị", "Proposals and recommendations", "", "text"],
];

const sectionV = rows.filter((r) => r[0].startsWith("V.") && r[4] === "tf");

const d = (vi: string, en: string): { vi: string; en: string } => ({ vi, en });

export const BDG_2019: FormInput = {
  id: "BDG-2019",
  version: "1",
  title: d(
    "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2019",
    "Report on gender-equality work, 2019"
  ),
  year: 2019,
  collector: { code: "HUYEN-TAN-YEN", name: "UBND huyện Tân Yên" },
  // docs/FORM-BDG-2019.md: a report date after 01/12/2019 is late (the deadline day itself is on time).
  deadline: "2019-12-01",
  fields: [
    { key: "unit", label: d("Đơn vị báo cáo", "Reporting unit"), required: true },
    { key: "year", label: d("Năm báo cáo", "Report year"), required: true },
    { key: "reportDate", label: d("Ngày báo cáo", "Report date"), required: true },
    { key: "preparer", label: d("Người lập biểu", "Prepared by"), required: true },
    { key: "phone", label: d("Số điện thoại", "Phone"), required: false },
    { key: "head", label: d("Thủ trưởng đơn vị", "Head of unit"), required: true },
  ],
  sections: [
    {
      code: "I",
      title: d(
        "Tuyên truyền, phổ biến, giáo dục chính sách, pháp luật về bình đẳng giới",
        "Communication on gender-equality policy and law"
      ),
    },
    {
      code: "II",
      title: d(
        "Nâng cao năng lực quản lý nhà nước; lồng ghép vấn đề bình đẳng giới",
        "State management capacity; gender mainstreaming"
      ),
    },
    {
      code: "III",
      title: d(
        "Chương trình, đề án, mô hình về bình đẳng giới và vì sự tiến bộ của phụ nữ",
        "Programmes, projects and models for gender equality and the advancement of women"
      ),
    },
    {
      code: "IV",
      title: d(
        "Kiểm tra, phối hợp liên ngành, huy động nguồn lực",
        "Inspection, inter-agency coordination, resources"
      ),
    },
    {
      code: "V",
      title: d(
        "Một số chỉ tiêu về bình đẳng giới, tại thời điểm báo cáo",
        "Gender-equality statistics at the time of reporting"
      ),
      percentFemale: true,
    },
    { code: "VI", title: d("Đánh giá chung", "General assessment") },
  ],
  indicators: rows.map(([code, vi, en, unit, kind]) => ({
    code,
    section: code.split(".")[0],
    label: d(vi, en),
    unit,
    kind,
    ...(kind === "amount" ? { decimals: 3 } : {}),
    ...(code === "V.7" ? { femaleLabel: d("Trong đó bé gái", "Of which girls") } : {}),
  })),
  computed: [
    ...sectionV.map(([code]) => ({
      id: `${code}.pctf`,
      label: d("Tỷ lệ nữ", "Percent female"),
      unit: "%",
      formula: { op: "percentFemale" as const, of: code },
    })),
    {
      id: "V.7.srb",
      label: d("Tỷ số giới tính khi sinh (số bé trai/100 bé gái)", "Sex ratio at birth (boys per 100 girls)"),
      unit: "bé trai/100 bé gái",
      formula: { op: "sexRatioAtBirth", of: "V.7" },
    },
  ],
  rules: [
    {
      id: "type",
      type: "valueType",
      severity: "error",
      description: d(
        "Số đếm phải là số nguyên ≥ 0; kinh phí là số ≥ 0; ngày phải là ngày",
        "Counts are whole numbers ≥ 0, amounts numbers ≥ 0, dates are dates"
      ),
    },
    {
      id: "tf.female-le-total",
      type: "femaleNotAboveTotal",
      severity: "error",
      description: d("Số nữ không được lớn hơn tổng số", "Female must not exceed total"),
    },
    {
      id: "tf.female-without-total",
      type: "femaleWithoutTotal",
      severity: "error",
      description: d("Có số nữ nhưng bỏ trống tổng số", "Female filled while total is blank"),
    },
    ...(
      [
        ["II.3", "II.2"],
        ["II.4", "II.2"],
        ["II.6", "II.5"],
        ["III.2", "III.1"],
        ["III.7", "III.6"],
        ["III.8", "III.5"],
        ["IV.3", "IV.2"],
      ] as const
    ).map(([part, whole]) => ({
      id: `part.${part}-le-${whole}`,
      type: "partOfWhole" as const,
      severity: "error" as const,
      part,
      whole,
      description: d(`${part} không được lớn hơn ${whole}`, `${part} must not exceed ${whole}`),
    })),
    {
      id: "sum.IV.6-IV.7-eq-IV.5",
      type: "sumEquals",
      severity: "error",
      parts: ["IV.6", "IV.7"],
      whole: "IV.5",
      tolerance: 0.001,
      description: d("IV.6 + IV.7 phải bằng IV.5", "IV.6 + IV.7 must equal IV.5"),
    },
    {
      id: "header",
      type: "header",
      severity: "error",
      description: d(
        "Thông tin chung: đơn vị thuộc danh sách, năm 2019, các trường bắt buộc",
        "Header: unit in the registry, year 2019, required fields"
      ),
    },
    {
      id: "blank",
      type: "blank",
      severity: "warning",
      description: d(
        'Ô số liệu bỏ trống (chưa báo cáo); số 0 phải nhập là 0 hoặc "-"',
        'Blank numeric cell (not reported); type 0 or "-" for zero'
      ),
    },
    {
      id: "blank.VI.1",
      type: "textRequired",
      indicator: "VI.1",
      severity: "warning",
      description: d("Chưa nhập kết quả nổi bật (VI.1)", "Main results (VI.1) left blank"),
    },
    {
      id: "victims.III.6-ge-III.5",
      type: "notLess",
      severity: "warning",
      left: { indicator: "III.6", part: "total" },
      right: { indicator: "III.5", part: "value" },
      description: d("Số nạn nhân (III.6) ít hơn số vụ (III.5)", "Fewer victims (III.6) than cases (III.5)"),
    },
    {
      id: "requires.I.2-I.1",
      type: "requiresPositive",
      severity: "warning",
      when: { indicator: "I.2", part: "total" },
      requires: { indicator: "I.1", part: "value" },
      description: d(
        "Có người tham dự (I.2) nhưng không có cuộc tuyên truyền (I.1)",
        "Attendance (I.2) without events (I.1)"
      ),
    },
    {
      id: "requires.I.8-I.7",
      type: "requiresPositive",
      severity: "warning",
      when: { indicator: "I.8", part: "total" },
      requires: { indicator: "I.7", part: "value" },
      description: d(
        "Có người tham gia Tháng hành động (I.8) nhưng không có hoạt động (I.7)",
        "Action Month participants (I.8) without activities (I.7)"
      ),
    },
    {
      id: "srb.V.7",
      type: "sexRatioRange",
      severity: "warning",
      indicator: "V.7",
      minTotal: 50,
      min: 90,
      max: 130,
      description: d(
        "Tỷ số giới tính khi sinh ngoài khoảng 90–130 (khi có từ 50 trẻ)",
        "Sex ratio at birth outside 90–130 (50 births or more)"
      ),
    },
    {
      id: "text-number",
      type: "textNumber",
      severity: "warning",
      description: d("Số được nhập dạng văn bản (đã chuyển thành số)", "Number typed as text (converted)"),
    },
    {
      id: "late",
      type: "late",
      severity: "warning",
      description: d("Nộp báo cáo sau hạn 01/12/2019", "Report dated after the deadline (01/12/2019)"),
    },
  ],
  units: TAN_YEN_UNITS,
};
