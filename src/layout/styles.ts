/**
 * The styles of the two workbooks this product writes, by name (a cell's `style` in the sheet
 * model): the template's (TEMPLATE_STYLES) and the summary's (SUMMARY_STYLES, the template's
 * plus its own). Times New Roman throughout, as the form's paper original.
 */
import type { StyleModel } from "./sheet-model";

export const FONT = "Times New Roman";

const INPUT_FILL = "FFFFF2CC";
const NA_FILL = "FFEDEDED";
const HEAD_FILL = "FFD9D9D9";
const SECTION_FILL = "FFF2F2F2";

/** A Times New Roman style of the given size (locked unless `extra` says otherwise). */
export function style(
  size: number,
  extra: Partial<StyleModel> & { bold?: boolean; italic?: boolean; underline?: boolean; color?: string } = {}
): StyleModel {
  const { bold, italic, underline, color, ...rest } = extra;
  return {
    font: {
      name: FONT,
      size,
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
      ...(underline ? { underline } : {}),
      ...(color ? { color } : {}),
    },
    locked: true,
    ...rest,
  };
}

const center = { horizontal: "center", vertical: "middle", wrapText: true } as const;
const left = { horizontal: "left", vertical: "middle", wrapText: true } as const;
const right = { horizontal: "right", vertical: "middle" } as const;

/** The named styles of the template. */
export const TEMPLATE_STYLES: Record<string, StyleModel> = {
  collector: style(12, { alignment: center }),
  unitLabel: style(12, { bold: true, alignment: right }),
  unitInput: style(12, { bold: true, alignment: left, fill: INPUT_FILL, border: "dotted", locked: false }),
  unitFixed: style(12, { bold: true, alignment: left }),
  nation: style(12, { bold: true, alignment: center }),
  motto: style(13, { bold: true, underline: true, alignment: center }),
  title: style(14, { bold: true, alignment: center }),
  subtitle: style(11, { italic: true, alignment: center }),
  fieldLabel: style(12, { alignment: right }),
  fieldInput: style(12, {
    alignment: { horizontal: "center", vertical: "middle" },
    fill: INPUT_FILL,
    border: "thin",
    locked: false,
  }),
  fieldYear: style(12, {
    alignment: { horizontal: "center", vertical: "middle" },
    fill: INPUT_FILL,
    border: "thin",
    numberFormat: "0",
    locked: false,
  }),
  fieldDate: style(12, {
    alignment: { horizontal: "center", vertical: "middle" },
    fill: INPUT_FILL,
    border: "thin",
    numberFormat: "dd/mm/yyyy",
    locked: false,
  }),
  fieldText: style(12, {
    alignment: { horizontal: "left", vertical: "middle" },
    fill: INPUT_FILL,
    border: "thin",
    numberFormat: "@",
    locked: false,
  }),
  hint: style(10, { italic: true, alignment: { horizontal: "left", vertical: "middle", wrapText: true } }),
  th: style(12, { bold: true, alignment: center, border: "thin", fill: HEAD_FILL }),
  thNumber: style(10, { italic: true, alignment: center, border: "thin", fill: HEAD_FILL }),
  sectionCode: style(12, { bold: true, alignment: center, border: "thin", fill: SECTION_FILL }),
  sectionTitle: style(12, { bold: true, alignment: left, border: "thin", fill: SECTION_FILL }),
  code: style(12, { alignment: center, border: "thin" }),
  label: style(12, { alignment: left, border: "thin" }),
  labelTop: style(12, { alignment: { horizontal: "left", vertical: "top", wrapText: true }, border: "thin" }),
  labelComputed: style(12, {
    italic: true,
    alignment: { horizontal: "left", vertical: "middle", wrapText: true, indent: 1 },
    border: "thin",
  }),
  measure: style(11, { alignment: center, border: "thin" }),
  inputCount: style(12, {
    alignment: { horizontal: "right", vertical: "middle" },
    border: "thin",
    fill: INPUT_FILL,
    numberFormat: "#,##0",
    locked: false,
  }),
  inputAmount: style(12, {
    alignment: { horizontal: "right", vertical: "middle" },
    border: "thin",
    fill: INPUT_FILL,
    numberFormat: "#,##0.000",
    locked: false,
  }),
  inputNarrative: style(12, {
    alignment: { horizontal: "left", vertical: "top", wrapText: true },
    border: "thin",
    fill: INPUT_FILL,
    numberFormat: "@",
    locked: false,
  }),
  note: style(11, { alignment: left, border: "thin", numberFormat: "@", locked: false }),
  notApplicable: style(12, { border: "thin", fill: NA_FILL }),
  computed: style(12, {
    alignment: { horizontal: "right", vertical: "middle" },
    border: "thin",
    fill: NA_FILL,
    numberFormat: "0.0",
  }),
  check: style(10, { alignment: left, border: "thin", color: "FFC00000" }),
  signTitle: style(12, { bold: true, alignment: center }),
  signNote: style(11, { italic: true, alignment: center }),
  signName: style(12, { bold: true, alignment: center, fill: INPUT_FILL, numberFormat: "@", locked: false }),
  meta: style(11, {}),
};

// ---- the summary's -----------------------------------------------------------------------------

const st = style;
/** A number cell of the summary (right-aligned, bordered) in the given format. */
const num = (format: string, extra: Partial<StyleModel> & { bold?: boolean } = {}): StyleModel =>
  st(11, {
    alignment: { horizontal: "right", vertical: "middle" },
    border: "thin",
    numberFormat: format,
    ...extra,
  });
const SUB_FILL = "FFE2EFDA";
const TOTAL_FILL = "FFFFF2CC";

/** The named styles of the summary: the template's, and its column groups, totals and lists. */
export const SUMMARY_STYLES: Record<string, StyleModel> = {
  ...TEMPLATE_STYLES,
  groupHead: st(10, {
    bold: true,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: "thin",
    fill: "FFD9D9D9",
  }),
  groupHeadSub: st(10, {
    bold: true,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: "thin",
    fill: SUB_FILL,
  }),
  groupHeadTotal: st(10, {
    bold: true,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: "thin",
    fill: TOTAL_FILL,
  }),
  groupStatus: st(9, {
    italic: true,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: "thin",
  }),
  groupStatusBad: st(9, {
    italic: true,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: "thin",
    color: "FFC00000",
  }),
  count: num("#,##0"),
  amount: num("#,##0.000"),
  pct: num("0.0"),
  countSub: num("#,##0", { fill: SUB_FILL }),
  amountSub: num("#,##0.000", { fill: SUB_FILL }),
  pctSub: num("0.0", { fill: SUB_FILL }),
  countTotal: num("#,##0", { bold: true, fill: TOTAL_FILL }),
  amountTotal: num("#,##0.000", { bold: true, fill: TOTAL_FILL }),
  pctTotal: num("0.0", { bold: true, fill: TOTAL_FILL }),
  empty: st(11, { border: "thin" }),
  text: st(11, {
    alignment: { horizontal: "left", vertical: "top", wrapText: true },
    border: "thin",
    numberFormat: "@",
  }),
  textCenter: st(11, {
    alignment: { horizontal: "center", vertical: "top", wrapText: true },
    border: "thin",
    numberFormat: "@",
  }),
  numCell: num("#,##0"),
  percentCell: num("0.0%"),
  dateCell: st(11, {
    alignment: { horizontal: "center", vertical: "top" },
    border: "thin",
    numberFormat: "dd/mm/yyyy",
  }),
  h2: st(12, { bold: true, alignment: { horizontal: "left", vertical: "middle" } }),
  plain: st(11, { alignment: { horizontal: "left", vertical: "middle" } }),
  fieldValue: st(12, { alignment: { horizontal: "left", vertical: "middle" }, numberFormat: "@" }),
  fieldValueDate: st(12, {
    alignment: { horizontal: "left", vertical: "middle" },
    numberFormat: "dd/mm/yyyy",
  }),
  fieldValueYear: st(12, { alignment: { horizontal: "left", vertical: "middle" }, numberFormat: "0" }),
};
