/**
 * The self-validating template workbook: form → WorkbookModel. One layout, two
 * outputs: src/xlsx/write-workbook.ts writes it to .xlsx, the Office.js edge applies it to the
 * open workbook. Pure: no I/O, no xlsx library.
 *
 * Report sheet, top to bottom:
 *   1–2   two-column header block: collector + "Đơn vị:" [unit cell] | CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 *         VIỆT NAM / Độc lập - Tự do - Hạnh phúc
 *   4–5   title, form id/version and deadline
 *   7–…   header fields other than unit/preparer/head (label + input), two per row
 *   then  a one-line instruction, the table header and its column-number row (frozen above,
 *         repeated on every printed page), one row per section and per indicator, an extra
 *         row for each computed value that has no column (sex ratio at birth), the narrative
 *         section as large merged input cells, and the signature block (Người lập biểu /
 *         Thủ trưởng đơn vị), whose name cells are the preparer/head fields.
 * Columns: A Mã số, B Chỉ tiêu, C Đơn vị tính, D Tổng số, E Trong đó nữ, F Tỷ lệ nữ (%),
 * G Ghi chú, H Kiểm tra (contract.ts COLUMN_HEADERS).
 */
import type { ResolvedField, ResolvedForm, ResolvedIndicator } from "../form/resolve";
import { namePrefix } from "../form/names";
import type { CellPart, Unit } from "../form/schema";
import { checkItems, computedItems, rowCheckExpr, type CheckItem, type ComputedItem } from "./checks";
import { COLUMN_HEADERS, GENERATOR, META_KEYS, META_SHEET, REPORT_SHEET } from "../workbook/contract";
import { evaluate, toExcel, type Expr } from "./expr";
import { nameRef } from "../workbook/address";
import {
  VALIDATION_LIMITS,
  type CellModel,
  type CellScalar,
  type DataValidationModel,
  type SheetModel,
  type StyleModel,
  type WorkbookModel,
} from "./sheet-model";

export interface TemplateOptions {
  /** Pre-fill (and lock) the unit cell with this registry unit. */
  unitCode?: string;
  /** Sheet protection password; none by default. */
  password?: string;
}

export type ColumnKey = keyof typeof COLUMN_HEADERS;

/** Where everything is on the report sheet (addresses without sheet, e.g. "D14"). */
export interface TemplatePositions {
  sheet: string;
  columns: Record<ColumnKey, string>;
  /** Row of the table header; the next row holds the column numbers. */
  headerRow: number;
  firstTableRow: number;
  lastTableRow: number;
  /** Every defined name of the form → its cell. */
  cells: Record<string, string>;
  /** Indicator code → its row. */
  rows: Record<string, number>;
  /** Indicator code → its Kiểm tra cell (numeric indicators only). */
  checks: Record<string, string>;
  /** Computed id (e.g. "V.1.pctf") → its formula cell. */
  computed: Record<string, string>;
  /** Workbook-scoped name of the unit list on the metadata sheet, and its reference. */
  unitList: { name: string; ref: string };
}

/** One formula cell of the template and the expression it was generated from. */
export interface FormulaCell {
  address: string;
  expr: Expr;
}

export interface Template {
  model: WorkbookModel;
  positions: TemplatePositions;
  /** The Kiểm tra items, each with its row's check cell. */
  checks: (CheckItem & { checkCell: string })[];
  computed: (ComputedItem & { cell: string })[];
  /** Every formula cell on the report sheet (checks and computed values). */
  formulas: FormulaCell[];
  /** The pre-filled unit, if any. */
  unit: Unit | null;
}

export class UnknownUnitError extends Error {
  constructor(
    readonly code: string,
    readonly units: readonly Unit[]
  ) {
    super(`Không có đơn vị mã "${code}" / unknown unit code`);
    this.name = "UnknownUnitError";
  }
}

export const FONT = "Times New Roman";
const COL = {
  code: "A",
  indicator: "B",
  unit: "C",
  total: "D",
  female: "E",
  percentFemale: "F",
  note: "G",
  check: "H",
} as const satisfies Record<ColumnKey, string>;
const WIDTHS: Record<ColumnKey, number> = {
  code: 7,
  indicator: 50,
  unit: 11,
  total: 11,
  female: 11,
  percentFemale: 10,
  note: 14,
  check: 34,
};
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

/** Where each header field goes: unit in the header block, preparer/head in the signature block, others in the field grid. */
const SIGNATURE_KEYS = ["preparer", "head"] as const;

export function buildTemplate(form: ResolvedForm, options: TemplateOptions = {}): Template {
  const def = form.definition;
  let unit: Unit | null = null;
  if (options.unitCode !== undefined) {
    unit = form.units.find((u) => u.code === options.unitCode) ?? null;
    if (!unit) throw new UnknownUnitError(options.unitCode, form.units);
  }

  const cells = new Map<string, CellModel>();
  const merges: string[] = [];
  const rowHeights = new Map<number, number>();
  const validations: DataValidationModel[] = [];
  const nameCells: Record<string, string> = {};
  const put = (address: string, value: CellScalar, styleName?: string, formula?: string): void => {
    cells.set(address, {
      address,
      value,
      ...(formula !== undefined ? { formula } : {}),
      ...(styleName ? { style: styleName } : {}),
    });
  };
  /** Write a value over a range: the first cell holds it, the others carry the style (borders). */
  const putMerged = (from: string, to: string, value: CellScalar, styleName: string): void => {
    const a = /^([A-Z]+)(\d+)$/.exec(from) as RegExpExecArray;
    const b = /^([A-Z]+)(\d+)$/.exec(to) as RegExpExecArray;
    for (let r = Number(a[2]); r <= Number(b[2]); r++) {
      for (let c = a[1].charCodeAt(0); c <= b[1].charCodeAt(0); c++) {
        const addr = `${String.fromCharCode(c)}${r}`;
        if (addr === from) put(addr, value, styleName);
        else put(addr, null, styleName);
      }
    }
    if (from !== to) merges.push(`${from}:${to}`);
  };
  const height = (row: number, h: number): void => {
    rowHeights.set(row, h);
  };
  const validate = (v: DataValidationModel): void => {
    for (const t of [v.prompt?.title, v.error.title])
      if (t && t.length > VALIDATION_LIMITS.title) throw new Error(`tiêu đề quá dài / title too long: ${t}`);
    for (const m of [v.prompt?.message, v.error.message])
      if (m && m.length > VALIDATION_LIMITS.message)
        throw new Error(`thông báo quá dài / message too long: ${m}`);
    validations.push(v);
  };
  const fieldOf = (key: string): ResolvedField | undefined => form.fieldByKey.get(key);

  // --- Header block --------------------------------------------------------------------------
  putMerged("A1", "B1", def.collector.name.toUpperCase(), "collector");
  putMerged("D1", "H1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  put("A2", "Đơn vị:", "unitLabel");
  const unitField = fieldOf("unit");
  if (unitField) {
    put("B2", unit ? unit.name : null, unit ? "unitFixed" : "unitInput");
    nameCells[unitField.name] = "B2";
  }
  putMerged("D2", "H2", "Độc lập - Tự do - Hạnh phúc", "motto");
  height(1, 18);
  height(2, 20);
  height(3, 8);
  putMerged("A4", "H4", def.title.vi.toUpperCase(), "title");
  height(4, 24);
  putMerged(
    "A5",
    "H5",
    `(Biểu mẫu ${def.id}, phiên bản ${def.version} — gửi ${def.collector.name}, hạn gửi: ${viDate(def.deadline)})`,
    "subtitle"
  );
  height(6, 8);

  // --- Header fields grid: two per row -------------------------------------------------------
  let row = 7;
  const gridFields = form.fields.filter(
    (f) => f.key !== "unit" && !(SIGNATURE_KEYS as readonly string[]).includes(f.key)
  );
  const signFields = SIGNATURE_KEYS.map((k) => fieldOf(k)).filter((f): f is ResolvedField => !!f);
  for (let i = 0; i < gridFields.length; i += 2) {
    const slots: [string, string, string][] = [
      ["A", "B", "C"],
      ["D", "F", "G"],
    ];
    gridFields.slice(i, i + 2).forEach((f, j) => {
      const [l1, l2, input] = slots[j];
      putMerged(`${l1}${row}`, `${l2}${row}`, `${f.label.vi}${f.required ? " (*)" : ""}:`, "fieldLabel");
      const styleName =
        f.key === "year"
          ? "fieldYear"
          : f.key === "reportDate"
            ? "fieldDate"
            : f.key === "phone"
              ? "fieldText"
              : "fieldInput";
      put(`${input}${row}`, null, styleName);
      nameCells[f.name] = `${input}${row}`;
    });
    height(row, 20);
    row++;
  }
  putMerged(
    `A${row}`,
    `H${row}`,
    `Hướng dẫn: chỉ nhập vào các ô nền vàng; không có thì nhập 0, không để trống; (*) là thông tin bắt buộc. Cột "${COLUMN_HEADERS.check.vi}" tự báo "Lỗi" (phải sửa) hoặc "Lưu ý" (cần xem lại); số liệu hợp lệ thì cột này để trống.`,
    "hint"
  );
  height(row, 28);
  row++;

  // --- Table header ----------------------------------------------------------------------------
  const headerRow = row;
  (Object.keys(COL) as ColumnKey[]).forEach((k) => put(`${COL[k]}${headerRow}`, COLUMN_HEADERS[k].vi, "th"));
  height(headerRow, 34);
  ["A", "B", "C", "1", "2", "3 = 2/1 × 100", "4", "5"].forEach((n, i) =>
    put(`${String.fromCharCode(65 + i)}${headerRow + 1}`, n, "thNumber")
  );
  height(headerRow + 1, 16);
  row = headerRow + 2;
  const firstTableRow = row;

  // Cell positions of indicators, decided before the formulas are generated.
  const rows: Record<string, number> = {};
  const checkCells: Record<string, string> = {};
  const computedCells: Record<string, string> = {};
  const pctSections = new Set(def.sections.filter((s) => s.percentFemale).map((s) => s.code));
  const computedDefs = def.computed;
  const partColumn: Record<CellPart, string> = { total: COL.total, female: COL.female, value: COL.total };
  type Planned =
    | { kind: "section"; row: number; code: string; title: string }
    | { kind: "indicator"; row: number; ind: ResolvedIndicator }
    | { kind: "computed"; row: number; id: string };
  const plan: Planned[] = [];
  for (const s of def.sections) {
    const inds = form.indicators.filter((i) => i.section === s.code && i.kind !== "computed");
    if (!inds.length) continue;
    plan.push({ kind: "section", row: row++, code: s.code, title: s.title.vi });
    for (const ind of inds) {
      rows[ind.code] = row;
      plan.push({ kind: "indicator", row: row++, ind });
      if (ind.kind === "text") {
        nameCells[ind.cells[0].name] = `${COL.unit}${rows[ind.code]}`;
        continue;
      }
      for (const c of ind.cells) nameCells[c.name] = `${partColumn[c.part]}${rows[ind.code]}`;
      if (ind.kind !== "tf") continue;
      for (const c of computedDefs.filter((x) => x.formula.of === ind.code)) {
        if (c.formula.op === "percentFemale" && pctSections.has(s.code))
          computedCells[c.id] = `${COL.percentFemale}${rows[ind.code]}`;
        else {
          computedCells[c.id] = `${COL.total}${row}`;
          plan.push({ kind: "computed", row: row++, id: c.id });
        }
      }
    }
  }
  const lastTableRow = row - 1;
  const at = (code: string, part: CellPart): string | undefined => {
    const ind = form.byCode.get(code);
    const c = ind?.cells.find((x) => x.part === part);
    return c ? nameCells[c.name] : undefined;
  };
  const items = checkItems(form, at);
  const comps = computedItems(form, at);
  const formulas: FormulaCell[] = [];
  const checks: (CheckItem & { checkCell: string })[] = [];
  const computed: (ComputedItem & { cell: string })[] = [];

  for (const p of plan) {
    const r = p.row;
    if (p.kind === "section") {
      put(`A${r}`, p.code, "sectionCode");
      putMerged(`B${r}`, `H${r}`, p.title, "sectionTitle");
      height(r, rowHeightFor(p.title, WIDTHS.indicator + 60, 12));
      continue;
    }
    if (p.kind === "computed") {
      const c = computedDefs.find((x) => x.id === p.id);
      const item = comps.find((x) => x.id === p.id);
      if (!c || !item) continue;
      put(`A${r}`, null, "code");
      put(`B${r}`, `${c.label.vi} — ${c.formula.of}`, "labelComputed");
      put(`C${r}`, c.unit, "measure");
      put(`D${r}`, "", "computed", toExcel(item.expr));
      formulas.push({ address: `D${r}`, expr: item.expr });
      computed.push({ ...item, cell: `D${r}` });
      for (const col of ["E", "F", "G", "H"]) put(`${col}${r}`, null, "notApplicable");
      height(r, rowHeightFor(c.unit, WIDTHS.unit, 11));
      continue;
    }
    const ind = p.ind;
    put(`A${r}`, ind.code, "code");
    if (ind.kind === "text") {
      put(`B${r}`, ind.label.vi, "labelTop");
      putMerged(`C${r}`, `H${r}`, null, "inputNarrative");
      height(r, 90);
      validate({
        range: `C${r}`,
        type: "textLength",
        operator: "lessThanOrEqual",
        formulae: ["32000"],
        allowBlank: true,
        prompt: {
          title: `${ind.code}. Nhận xét, đánh giá`,
          message: clip(`${ind.label.vi}: viết ngắn gọn, có thể xuống dòng bằng Alt+Enter.`),
        },
        error: {
          title: "Nội dung quá dài",
          message: "Mỗi ô chỉ chứa được tối đa 32.000 ký tự.",
          style: "stop",
        },
      });
      continue;
    }
    const femaleNote =
      ind.kind === "tf" && ind.femaleLabel
        ? ` (cột "${COLUMN_HEADERS.female.vi}": ${ind.femaleLabel.vi.replace(/^Trong đó\s+/i, "")})`
        : "";
    const labelText = `${ind.label.vi}${femaleNote}`;
    put(`B${r}`, labelText, "label");
    put(`C${r}`, ind.unit, "measure");
    height(
      r,
      Math.max(rowHeightFor(labelText, WIDTHS.indicator, 12), rowHeightFor(ind.unit, WIDTHS.unit, 11))
    );
    const inputStyle = ind.kind === "amount" ? "inputAmount" : "inputCount";
    for (const c of ind.cells) {
      const addr = nameCells[c.name];
      put(addr, null, inputStyle);
      validate(numberValidation(ind, c.part, addr));
    }
    if (ind.kind !== "tf") put(`${COL.female}${r}`, null, "notApplicable");
    const pctId = Object.keys(computedCells).find((id) => computedCells[id] === `${COL.percentFemale}${r}`);
    const pct = pctId ? comps.find((x) => x.id === pctId) : undefined;
    if (pct) {
      put(`${COL.percentFemale}${r}`, "", "computed", toExcel(pct.expr));
      formulas.push({ address: `${COL.percentFemale}${r}`, expr: pct.expr });
      computed.push({ ...pct, cell: `${COL.percentFemale}${r}` });
    } else put(`${COL.percentFemale}${r}`, null, "notApplicable");
    put(`${COL.note}${r}`, null, "note");
    validate({
      range: `${COL.note}${r}`,
      type: "textLength",
      operator: "lessThanOrEqual",
      formulae: ["255"],
      allowBlank: true,
      error: {
        title: "Ghi chú quá dài",
        message: "Ghi chú tối đa 255 ký tự; nội dung dài hãy ghi vào mục đánh giá chung.",
        style: "stop",
      },
    });
    const rowItems = items.filter((it) => it.indicator === ind.code);
    const checkCell = `${COL.check}${r}`;
    checkCells[ind.code] = checkCell;
    if (rowItems.length) {
      const expr = rowCheckExpr(rowItems);
      put(checkCell, "", "check", toExcel(expr));
      formulas.push({ address: checkCell, expr });
      for (const it of rowItems) checks.push({ ...it, checkCell });
    } else put(checkCell, null, "check");
  }

  // --- Signature block -------------------------------------------------------------------------
  row = lastTableRow + 2;
  const signSlots: [string, string][] = [
    ["B", "B"],
    ["E", "H"],
  ];
  const signNotes: Record<string, string> = { preparer: "(Ký, ghi rõ họ tên)", head: "(Ký tên, đóng dấu)" };
  signFields.forEach((f, j) => {
    const [c1, c2] = signSlots[j] ?? signSlots[1];
    putMerged(`${c1}${row}`, `${c2}${row}`, f.label.vi.toUpperCase(), "signTitle");
    putMerged(`${c1}${row + 1}`, `${c2}${row + 1}`, signNotes[f.key] ?? "", "signNote");
    putMerged(`${c1}${row + 3}`, `${c2}${row + 3}`, null, "signName");
    nameCells[f.name] = `${c1}${row + 3}`;
  });
  if (signFields.length) {
    height(row, 18);
    height(row + 2, 60);
    height(row + 3, 20);
  }

  // --- Header-field validations ------------------------------------------------------------------
  const unitList = {
    name: `${namePrefix(form.id)}_LIST_UNITS`,
    ref: nameRef(META_SHEET, `D2:D${form.units.length + 1}`),
  };
  for (const f of form.fields) {
    const addr = nameCells[f.name];
    if (!addr) continue;
    const v = fieldValidation(f, addr, def.year, unitList.name);
    if (v) validate(v);
  }

  // --- Sheets ----------------------------------------------------------------------------------------
  // Unit cell: locked when pre-filled (its style says so); the name still points at it.
  const names = form.names.map((n) => ({ name: n, ref: nameRef(REPORT_SHEET, nameCells[n]) }));
  const missing = form.names.filter((n) => !nameCells[n]);
  if (missing.length) throw new Error(`Bố cục thiếu ô cho / layout has no cell for: ${missing.join(", ")}`);

  const report: SheetModel = {
    name: REPORT_SHEET,
    visibility: "visible",
    cells: [...cells.values()],
    merges,
    columns: (Object.keys(COL) as ColumnKey[]).map((k) => ({ column: COL[k], width: WIDTHS[k] })),
    rows: [...rowHeights.entries()].sort((a, b) => a[0] - b[0]).map(([index, h]) => ({ index, height: h })),
    freeze: { rows: headerRow + 1, columns: 0 },
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: { first: headerRow, last: headerRow + 1 },
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
      footer: `&L&"${FONT},Italic"&9${def.id} v${def.version}&R&"${FONT},Regular"&9Trang &P/&N`,
    },
    protection: {
      ...(options.password ? { password: options.password } : {}),
      allowFormatColumns: true,
      allowFormatRows: true,
    },
    validations,
  };

  const qualifiedCells: [string, string][] = form.names.map((n) => [n, nameRef(REPORT_SHEET, nameCells[n])]);
  const metaCells: CellModel[] = [];
  const metaRows: [string, CellScalar][] = [
    [META_KEYS.formId, form.id],
    [META_KEYS.formVersion, form.version],
    [META_KEYS.unitCode, unit ? unit.code : null],
    [META_KEYS.kind, "template"],
    [META_KEYS.generator, GENERATOR],
  ];
  metaRows.forEach(([k, v], i) => {
    metaCells.push({ address: `A${i + 1}`, value: k, style: "meta" });
    if (v !== null) metaCells.push({ address: `B${i + 1}`, value: v, style: "meta" });
  });
  const namesRow = metaRows.length + 1;
  metaCells.push({ address: `A${namesRow}`, value: META_KEYS.names, style: "meta" });
  qualifiedCells.forEach(([n, ref], i) => {
    metaCells.push({ address: `A${namesRow + 1 + i}`, value: n, style: "meta" });
    metaCells.push({ address: `B${namesRow + 1 + i}`, value: ref, style: "meta" });
  });
  metaCells.push(
    { address: "D1", value: "units", style: "meta" },
    { address: "E1", value: "unit_codes", style: "meta" }
  );
  form.units.forEach((u, i) => {
    metaCells.push(
      { address: `D${i + 2}`, value: u.name, style: "meta" },
      { address: `E${i + 2}`, value: u.code, style: "meta" }
    );
  });
  const meta: SheetModel = {
    name: META_SHEET,
    visibility: "veryHidden",
    cells: metaCells,
    merges: [],
    columns: [
      { column: "A", width: 22 },
      { column: "B", width: 34 },
      { column: "D", width: 40 },
      { column: "E", width: 18 },
    ],
    rows: [],
    validations: [],
  };

  const model: WorkbookModel = {
    properties: {
      title: `${def.title.vi}${unit ? ` — ${unit.name}` : ""}`,
      subject: `${def.id} v${def.version}`,
      creator: def.collector.name,
      company: def.collector.name,
      description: `Mẫu báo cáo tự kiểm tra, tạo bởi ${GENERATOR} / self-validating report template`,
    },
    sheets: [report, meta],
    names: [...names, unitList],
    styles: TEMPLATE_STYLES,
    activeSheet: 0,
  };
  const positions: TemplatePositions = {
    sheet: REPORT_SHEET,
    columns: { ...COL },
    headerRow,
    firstTableRow,
    lastTableRow,
    cells: nameCells,
    rows,
    checks: checkCells,
    computed: computedCells,
    unitList,
  };
  const template: Template = { model, positions, checks, computed, formulas, unit };
  // Cached results for the template as sent (inputs blank, unit maybe pre-filled).
  const cached = formulaValues(template, new Map());
  for (const c of report.cells) if (c.formula !== undefined) c.value = cached.get(c.address) ?? "";
  return template;
}

/** The workbook model of the template (see buildTemplate for the positions and checks). */
export function templateModel(form: ResolvedForm, options: TemplateOptions = {}): WorkbookModel {
  return buildTemplate(form, options).model;
}

/** Name → address map of the report sheet (the same for every unit). */
export function templatePositions(form: ResolvedForm): TemplatePositions {
  return buildTemplate(form).positions;
}

/**
 * What every formula cell of the template shows for the given input values (by defined
 * name; absent = blank): Kiểm tra texts and computed values, by cell address. Numbers are
 * numbers, texts texts (a number typed as text is text, as in the spreadsheet).
 */
export function formulaValues(
  template: Template,
  inputs: ReadonlyMap<string, CellScalar>
): Map<string, CellScalar> {
  const byAddress = new Map<string, CellScalar>();
  for (const [name, v] of inputs) {
    const a = template.positions.cells[name];
    if (a) byAddress.set(a, v);
  }
  const look = (a: string): CellScalar => byAddress.get(a) ?? null;
  const out = new Map<string, CellScalar>();
  for (const f of template.formulas) out.set(f.address, evaluate(f.expr, look));
  return out;
}

/** Kiểm tra text per indicator code ("" when fine), for the given inputs. */
export function expectedChecks(
  template: Template,
  inputs: ReadonlyMap<string, CellScalar>
): Map<string, string> {
  const values = formulaValues(template, inputs);
  const out = new Map<string, string>();
  for (const [code, cell] of Object.entries(template.positions.checks)) {
    const v = values.get(cell);
    out.set(code, typeof v === "string" ? v : "");
  }
  return out;
}

/** Which check items fire for the given inputs (rule id + indicator), in the Kiểm tra column's terms. */
export function firedChecks(template: Template, inputs: ReadonlyMap<string, CellScalar>): CheckItem[] {
  const byAddress = new Map<string, CellScalar>();
  for (const [name, v] of inputs) {
    const a = template.positions.cells[name];
    if (a) byAddress.set(a, v);
  }
  return template.checks.filter((c) => evaluate(c.when, (a) => byAddress.get(a) ?? null) === true);
}

// ---------------------------------------------------------------------------------------------

function numberValidation(ind: ResolvedIndicator, part: CellPart, range: string): DataValidationModel {
  const what =
    ind.kind === "tf"
      ? part === "female"
        ? (ind.femaleLabel?.vi ?? COLUMN_HEADERS.female.vi)
        : COLUMN_HEADERS.total.vi
      : "Số liệu";
  if (ind.kind === "amount") {
    return {
      range,
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: ["0"],
      allowBlank: true,
      prompt: {
        title: clipTitle(`${ind.code}: ${ind.unit}`),
        message: clip(
          `Nhập số ≥ 0, đơn vị ${ind.unit}${ind.decimals !== undefined ? `, tối đa ${ind.decimals} chữ số thập phân` : ""}. Không có thì nhập 0.`
        ),
      },
      error: {
        title: "Số liệu không hợp lệ",
        message: `Chỉ được nhập số không âm (đơn vị ${ind.unit}).`,
        style: "stop",
      },
    };
  }
  const extra = part === "female" ? " Không được lớn hơn tổng số." : "";
  return {
    range,
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: ["0"],
    allowBlank: true,
    prompt: {
      title: clipTitle(`${ind.code}: ${what}`),
      message: clip(`Nhập số nguyên ≥ 0 (${ind.unit}).${extra} Không có thì nhập 0.`),
    },
    error: {
      title: "Số liệu không hợp lệ",
      message: "Chỉ được nhập số nguyên không âm: 0, 1, 2, …",
      style: "stop",
    },
  };
}

function fieldValidation(
  f: ResolvedField,
  range: string,
  year: number,
  unitListName: string
): DataValidationModel | null {
  switch (f.key) {
    case "unit":
      return {
        range,
        type: "list",
        formulae: [unitListName],
        allowBlank: true,
        prompt: {
          title: "Đơn vị báo cáo",
          message: "Chọn tên đơn vị trong danh sách (bấm mũi tên bên phải ô).",
        },
        error: {
          title: "Đơn vị không có trong danh sách",
          message: "Hãy chọn đúng tên đơn vị trong danh sách thả xuống.",
          style: "stop",
        },
      };
    case "year":
      return {
        range,
        type: "whole",
        operator: "equal",
        formulae: [String(year)],
        allowBlank: true,
        prompt: { title: "Năm báo cáo", message: `Nhập ${year}.` },
        error: {
          title: "Năm không đúng",
          message: `Biểu mẫu này dùng cho năm ${year}: hãy nhập ${year}.`,
          style: "stop",
        },
      };
    case "reportDate":
      return {
        range,
        type: "date",
        operator: "between",
        formulae: [`${year}-01-01`, `${year + 1}-12-31`],
        allowBlank: true,
        prompt: { title: "Ngày báo cáo", message: `Nhập ngày dạng ngày/tháng/năm, ví dụ 30/11/${year}.` },
        error: {
          title: "Ngày không hợp lệ",
          message: `Nhập ngày dạng ngày/tháng/năm, từ 01/01/${year} đến 31/12/${year + 1}.`,
          style: "stop",
        },
      };
    case "phone":
      return {
        range,
        type: "textLength",
        operator: "between",
        formulae: ["6", "20"],
        allowBlank: true,
        prompt: { title: "Số điện thoại", message: "Chỉ gồm chữ số, dấu cách, dấu + và dấu chấm." },
        error: {
          title: "Số điện thoại không hợp lệ",
          message: "Số điện thoại dài từ 6 đến 20 ký tự.",
          style: "stop",
        },
      };
    case "preparer":
    case "head":
      return {
        range,
        type: "textLength",
        operator: "between",
        formulae: ["1", "100"],
        allowBlank: true,
        prompt: { title: f.label.vi, message: "Ghi rõ họ và tên." },
        error: { title: "Họ tên không hợp lệ", message: "Họ và tên dài tối đa 100 ký tự.", style: "stop" },
      };
  }
}

function clip(s: string): string {
  return s.length <= VALIDATION_LIMITS.message ? s : `${s.slice(0, VALIDATION_LIMITS.message - 1)}…`;
}
function clipTitle(s: string): string {
  return s.length <= VALIDATION_LIMITS.title ? s : `${s.slice(0, VALIDATION_LIMITS.title - 1)}…`;
}

/** Row height (points) for wrapped text in a column of `width` characters. */
function rowHeightFor(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width * (12 / size) * 1.15));
  const words = text.split(/\s+/);
  let lines = 1;
  let len = 0;
  for (const w of words) {
    if (len && len + 1 + w.length > perLine) {
      lines++;
      len = w.length;
    } else len += (len ? 1 : 0) + w.length;
  }
  return Math.max(18, Math.ceil(lines * size * 1.25 + 4));
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
