/**
 * The workbook contract shared by the template writer, the summary writer, the reader and the
 * Excel edge (docs/CONTRACT.md "The workbook contract"). Changing anything here changes the files we
 * send out: keep it stable.
 */

/** The hidden metadata sheet. Written "very hidden"; LibreOffice re-saves it as "hidden". */
export const META_SHEET = "_BDG_META";

/** The report sheet's default name (officers may rename it). */
export const REPORT_SHEET = "Báo cáo";

/**
 * Metadata sheet layout: column A key, column B value, one per row from row 1, in any order;
 * then a row whose A is `names`, and below it one row per defined name: A = name,
 * B = sheet-qualified absolute address, e.g. `'Báo cáo'!$D$14`.
 */
export const META_KEYS = {
  formId: "form_id",
  formVersion: "form_version",
  /** A fingerprint of the definition the template was made from (src/form/fingerprint.ts). */
  fingerprint: "form_fingerprint",
  /** Pre-filled unit code; empty for a blank template. For a summary: the collector's code. */
  unitCode: "unit_code",
  /** "template" or "summary". */
  kind: "kind",
  generator: "generator",
  names: "names",
} as const;

/** Column headers of the report table (the reader's code-column fallback looks for them). */
export const COLUMN_HEADERS = {
  code: { vi: "Mã số", en: "Code" },
  indicator: { vi: "Chỉ tiêu", en: "Indicator" },
  unit: { vi: "Đơn vị tính", en: "Unit" },
  total: { vi: "Tổng số", en: "Total" },
  female: { vi: "Trong đó nữ", en: "Of which female" },
  percentFemale: { vi: "Tỷ lệ nữ (%)", en: "Percent female" },
  note: { vi: "Ghi chú", en: "Note" },
  check: { vi: "Kiểm tra", en: "Check" },
} as const;

export const GENERATOR = "bdg-report";
