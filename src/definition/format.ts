/**
 * The form definition workbook, as a format (docs/FORM-DEFINITION.md): which sheets, which
 * columns, which values a column takes. One description for the writer (write.ts) and the
 * reader (read.ts), so that what one writes the other reads back exactly.
 *
 * Every table sheet has its header on row 1 ("Vietnamese / English") and one entry per row from
 * row 2; the "Thông tin" sheet holds one value per row, found by its key in column A.
 */
import { indicatorKind, ruleSchema, severity } from "../form/schema";

export type CellKind = "text" | "number" | "bool" | "date" | "list";

export interface ColumnSpec {
  /** The property it holds (a path inside the entry: "label.vi", "formula.op"). */
  key: string;
  vi: string;
  en: string;
  width: number;
  kind: CellKind;
  /** The values a "list" column takes (data validation in the workbook, checked when read). */
  values?: readonly string[];
  /** A list column whose values are the codes written on another sheet's first column. */
  listFrom?: TableName;
  /** A short explanation shown when the cell is selected. */
  hint?: string;
  /** Read a blank cell as "" (a property that is always there, possibly empty). */
  blankAsEmpty?: boolean;
}

export type TableName = "fields" | "sections" | "indicators" | "computed" | "rules" | "units";

export interface TableSpec {
  name: TableName;
  sheet: string;
  en: string;
  columns: ColumnSpec[];
}

export const YES = "Có";
export const NO = "Không";
const BOOL = [YES, NO] as const;

export const SHEET_GUIDE = "Hướng dẫn";
export const SHEET_INFO = "Thông tin";

/** The rows of the "Thông tin" sheet: key (column A), label (B), value (C). */
export const INFO_ROWS: readonly { key: string; vi: string; en: string; kind: CellKind }[] = [
  { key: "id", vi: "Mã biểu mẫu", en: "Form id", kind: "text" },
  { key: "version", vi: "Phiên bản", en: "Version", kind: "text" },
  { key: "title.vi", vi: "Tên báo cáo", en: "Title (Vietnamese)", kind: "text" },
  { key: "title.en", vi: "Tên báo cáo (tiếng Anh)", en: "Title (English)", kind: "text" },
  { key: "year", vi: "Năm báo cáo", en: "Report year", kind: "number" },
  { key: "collector.code", vi: "Mã đơn vị tổng hợp", en: "Collecting unit: code", kind: "text" },
  { key: "collector.name", vi: "Tên đơn vị tổng hợp", en: "Collecting unit: name", kind: "text" },
  { key: "deadline", vi: "Hạn gửi báo cáo", en: "Deadline", kind: "date" },
];

const RULE_TYPES = ruleSchema.options.map((o) => o.shape.type.value);
const FIELD_KEYS = ["unit", "year", "reportDate", "preparer", "phone", "head"] as const;
const FORMULA_OPS = ["percentFemale", "sexRatioAtBirth"] as const;

export const TABLES: readonly TableSpec[] = [
  {
    name: "fields",
    sheet: "Trường thông tin",
    en: "Header fields",
    columns: [
      { key: "key", vi: "Trường", en: "Field", width: 14, kind: "list", values: FIELD_KEYS },
      { key: "label.vi", vi: "Nhãn", en: "Label (Vietnamese)", width: 30, kind: "text" },
      { key: "label.en", vi: "Nhãn (tiếng Anh)", en: "Label (English)", width: 26, kind: "text" },
      { key: "required", vi: "Bắt buộc", en: "Required", width: 11, kind: "bool", values: BOOL },
    ],
  },
  {
    name: "sections",
    sheet: "Mục",
    en: "Sections",
    columns: [
      {
        key: "code",
        vi: "Mã mục",
        en: "Code",
        width: 9,
        kind: "text",
        hint: "Chữ số La Mã in hoa: I, II, III…",
      },
      { key: "title.vi", vi: "Tên mục", en: "Title (Vietnamese)", width: 60, kind: "text" },
      { key: "title.en", vi: "Tên mục (tiếng Anh)", en: "Title (English)", width: 40, kind: "text" },
      {
        key: "percentFemale",
        vi: "Có cột tỷ lệ nữ",
        en: "Percent female column",
        width: 14,
        kind: "bool",
        values: BOOL,
      },
    ],
  },
  {
    name: "indicators",
    sheet: "Chỉ tiêu",
    en: "Indicators",
    columns: [
      { key: "code", vi: "Mã chỉ tiêu", en: "Code", width: 10, kind: "text", hint: "Mục rồi số: I.1, II.3…" },
      { key: "section", vi: "Mục", en: "Section", width: 7, kind: "list", listFrom: "sections" },
      { key: "label.vi", vi: "Tên chỉ tiêu", en: "Label (Vietnamese)", width: 60, kind: "text" },
      { key: "label.en", vi: "Tên chỉ tiêu (tiếng Anh)", en: "Label (English)", width: 40, kind: "text" },
      { key: "unit", vi: "Đơn vị tính", en: "Unit of measure", width: 14, kind: "text", blankAsEmpty: true },
      {
        key: "kind",
        vi: "Loại",
        en: "Kind",
        width: 10,
        kind: "list",
        values: indicatorKind.options,
        hint: "count: số đếm; amount: số tiền/số thập phân; tf: tổng số và nữ; text: nhận xét; computed: tính từ chỉ tiêu khác",
      },
      { key: "decimals", vi: "Số chữ số thập phân", en: "Decimals", width: 12, kind: "number" },
      { key: "femaleLabel.vi", vi: "Nhãn cột nữ", en: "Female label (Vietnamese)", width: 20, kind: "text" },
      {
        key: "femaleLabel.en",
        vi: "Nhãn cột nữ (tiếng Anh)",
        en: "Female label (English)",
        width: 20,
        kind: "text",
      },
      { key: "formula.op", vi: "Phép tính", en: "Formula", width: 16, kind: "list", values: FORMULA_OPS },
      {
        key: "formula.of",
        vi: "Tính từ chỉ tiêu",
        en: "Of indicator",
        width: 12,
        kind: "list",
        listFrom: "indicators",
      },
    ],
  },
  {
    name: "computed",
    sheet: "Giá trị tính",
    en: "Computed values",
    columns: [
      { key: "id", vi: "Mã", en: "Id", width: 14, kind: "text", hint: "Mã chỉ tiêu rồi tên ngắn: V.1.pctf" },
      { key: "label.vi", vi: "Tên", en: "Label (Vietnamese)", width: 40, kind: "text" },
      { key: "label.en", vi: "Tên (tiếng Anh)", en: "Label (English)", width: 30, kind: "text" },
      { key: "unit", vi: "Đơn vị tính", en: "Unit of measure", width: 14, kind: "text", blankAsEmpty: true },
      { key: "formula.op", vi: "Phép tính", en: "Formula", width: 16, kind: "list", values: FORMULA_OPS },
      {
        key: "formula.of",
        vi: "Tính từ chỉ tiêu",
        en: "Of indicator",
        width: 12,
        kind: "list",
        listFrom: "indicators",
      },
    ],
  },
  {
    name: "rules",
    sheet: "Quy tắc",
    en: "Rules",
    columns: [
      { key: "id", vi: "Mã quy tắc", en: "Id", width: 26, kind: "text" },
      { key: "type", vi: "Loại quy tắc", en: "Type", width: 18, kind: "list", values: RULE_TYPES },
      { key: "severity", vi: "Mức độ", en: "Severity", width: 9, kind: "list", values: severity.options },
      { key: "description.vi", vi: "Thông báo", en: "Message (Vietnamese)", width: 50, kind: "text" },
      {
        key: "description.en",
        vi: "Thông báo (tiếng Anh)",
        en: "Message (English)",
        width: 40,
        kind: "text",
      },
      {
        key: "params",
        vi: "Biểu thức / tham số",
        en: "Expression / parameters",
        width: 40,
        kind: "text",
        hint: "Quy tắc compare: II.3.T + II.4.T <= II.2.T (T: tổng số, F: nữ)",
      },
    ],
  },
  {
    name: "units",
    sheet: "Đơn vị",
    en: "Reporting units",
    columns: [
      { key: "code", vi: "Mã đơn vị", en: "Code", width: 18, kind: "text", hint: "Chữ in hoa, số và dấu -" },
      { key: "name", vi: "Tên đơn vị", en: "Name", width: 36, kind: "text" },
      { key: "group", vi: "Nhóm", en: "Group", width: 28, kind: "text" },
      {
        key: "aliases",
        vi: "Tên gọi khác (cách nhau bởi ;)",
        en: "Other names (separated by ;)",
        width: 50,
        kind: "text",
      },
    ],
  },
];

export function tableOf(name: TableName): TableSpec {
  return TABLES.find((t) => t.name === name) as TableSpec;
}

/** How many data rows the list validations cover (an officer adds rows below). */
export const LIST_ROWS = 500;
