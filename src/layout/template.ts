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
 *
 * One function per part of the sheet (headerBlock, fieldGrid, tableHeader, planTable + tableRows,
 * signatureBlock, reportSheetModel); the styles are in ./styles.ts, the input cells' validations
 * in ./template-validations.ts, the hidden metadata sheet in ./meta-sheet.ts (shared with the
 * summary).
 */
import { formFingerprint } from "../form/fingerprint";
import type { ResolvedField, ResolvedForm, ResolvedIndicator } from "../form/resolve";
import { namePrefix } from "../form/names";
import type { CellPart, Unit } from "../form/schema";
import { isoToVi } from "../validate/dates";
import { nameRef } from "../workbook/address";
import { COLUMN_HEADERS, GENERATOR, META_SHEET, REPORT_SHEET } from "../workbook/contract";
import { checkItems, computedItems, rowCheckExpr, type CheckItem, type ComputedItem } from "./checks";
import { evaluate, toExcel, type Expr } from "./expr";
import { metaSheet, unitListRange } from "./meta-sheet";
import type { CellModel, CellScalar, DataValidationModel, SheetModel, WorkbookModel } from "./sheet-model";
import { FONT, TEMPLATE_STYLES } from "./styles";
import {
  fieldValidation,
  narrativeValidation,
  noteValidation,
  numberValidation,
  withinLimits,
} from "./template-validations";

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
/** Header fields of the signature block (their name cells); the unit is in the header block, the others in the field grid. */
const SIGNATURE_KEYS = ["preparer", "head"] as const;

/**
 * The report sheet while it is laid out: cells by address (in the order written), merged ranges,
 * row heights, validations, and the cell of each defined name.
 */
class ReportSheet {
  readonly cells = new Map<string, CellModel>();
  readonly merges: string[] = [];
  readonly heights = new Map<number, number>();
  readonly validations: DataValidationModel[] = [];
  /** Defined name → its cell ("D14"), in the order the layout reaches them. */
  readonly nameCells: Record<string, string> = {};

  put(address: string, value: CellScalar, styleName?: string, formula?: string): void {
    this.cells.set(address, {
      address,
      value,
      ...(formula !== undefined ? { formula } : {}),
      ...(styleName ? { style: styleName } : {}),
    });
  }
  /** A value over a range: the first cell holds it, the others carry the style (borders). */
  putMerged(from: string, to: string, value: CellScalar, styleName: string): void {
    const a = /^([A-Z]+)(\d+)$/.exec(from) as RegExpExecArray;
    const b = /^([A-Z]+)(\d+)$/.exec(to) as RegExpExecArray;
    for (let r = Number(a[2]); r <= Number(b[2]); r++) {
      for (let c = a[1].charCodeAt(0); c <= b[1].charCodeAt(0); c++) {
        const addr = `${String.fromCharCode(c)}${r}`;
        this.put(addr, addr === from ? value : null, styleName);
      }
    }
    if (from !== to) this.merges.push(`${from}:${to}`);
  }
  height(row: number, h: number): void {
    this.heights.set(row, h);
  }
  addValidation(v: DataValidationModel): void {
    this.validations.push(withinLimits(v));
  }
}

/** The table's rows, planned before anything is written so that the formulas know every cell. */
type PlannedRow =
  | { kind: "section"; row: number; code: string; title: string }
  | { kind: "indicator"; row: number; ind: ResolvedIndicator }
  | { kind: "computed"; row: number; id: string };

interface TablePlan {
  rows: PlannedRow[];
  firstTableRow: number;
  lastTableRow: number;
  /** Indicator code → its row. */
  indicatorRows: Record<string, number>;
  /** Computed id → its formula cell. */
  computedCells: Record<string, string>;
}

/** What the table's rows produce besides cells: formula cells, check items, computed values. */
interface TableOutput {
  formulas: FormulaCell[];
  checks: (CheckItem & { checkCell: string })[];
  computed: (ComputedItem & { cell: string })[];
  /** Indicator code → its Kiểm tra cell. */
  checkCells: Record<string, string>;
}

export function buildTemplate(form: ResolvedForm, options: TemplateOptions = {}): Template {
  const unit = templateUnit(form, options.unitCode);
  const sheet = new ReportSheet();
  headerBlock(sheet, form, unit);
  const headerRow = tableHeader(sheet, fieldGrid(sheet, form, 7));
  const plan = planTable(form, headerRow + 2, sheet.nameCells);
  const out = tableRows(sheet, form, plan);
  signatureBlock(sheet, form, plan.lastTableRow + 2);
  const unitList = {
    name: `${namePrefix(form.id)}_LIST_UNITS`,
    ref: nameRef(META_SHEET, unitListRange(form.units)),
  };
  for (const f of form.fields) {
    const addr = sheet.nameCells[f.name];
    const v = addr ? fieldValidation(f, addr, form.definition.year, unitList.name) : null;
    if (v) sheet.addValidation(v);
  }
  const missing = form.names.filter((n) => !sheet.nameCells[n]);
  if (missing.length) throw new Error(`Bố cục thiếu ô cho / layout has no cell for: ${missing.join(", ")}`);
  // Unit cell: locked when pre-filled (its style says so); the name still points at it.
  const named = form.names.map((n) => [n, nameRef(REPORT_SHEET, sheet.nameCells[n])] as const);

  const report = reportSheetModel(sheet, form, headerRow, options.password);
  const meta = metaSheet({
    formId: form.id,
    formVersion: form.version,
    fingerprint: formFingerprint(form.definition),
    unitCode: unit ? unit.code : null,
    kind: "template",
    names: named,
    units: form.units,
  });
  const model = templateWorkbook(
    form,
    unit,
    [report, meta],
    [...named.map(([name, ref]) => ({ name, ref })), unitList]
  );
  const positions: TemplatePositions = {
    sheet: REPORT_SHEET,
    columns: { ...COL },
    headerRow,
    firstTableRow: plan.firstTableRow,
    lastTableRow: plan.lastTableRow,
    cells: sheet.nameCells,
    rows: plan.indicatorRows,
    checks: out.checkCells,
    computed: plan.computedCells,
    unitList,
  };
  const template: Template = {
    model,
    positions,
    checks: out.checks,
    computed: out.computed,
    formulas: out.formulas,
    unit,
  };
  // Cached results for the template as sent (inputs blank, unit maybe pre-filled).
  const cached = formulaValues(template, new Map());
  for (const c of report.cells) if (c.formula !== undefined) c.value = cached.get(c.address) ?? "";
  return template;
}

function templateUnit(form: ResolvedForm, unitCode: string | undefined): Unit | null {
  if (unitCode === undefined) return null;
  const unit = form.units.find((u) => u.code === unitCode);
  if (!unit) throw new UnknownUnitError(unitCode, form.units);
  return unit;
}

/** Rows 1–6: collector and unit cell | nation and motto; title; form id, version and deadline. */
function headerBlock(sheet: ReportSheet, form: ResolvedForm, unit: Unit | null): void {
  const def = form.definition;
  sheet.putMerged("A1", "B1", def.collector.name.toUpperCase(), "collector");
  sheet.putMerged("D1", "H1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  sheet.put("A2", "Đơn vị:", "unitLabel");
  const unitField = form.fieldByKey.get("unit");
  if (unitField) {
    sheet.put("B2", unit ? unit.name : null, unit ? "unitFixed" : "unitInput");
    sheet.nameCells[unitField.name] = "B2";
  }
  sheet.putMerged("D2", "H2", "Độc lập - Tự do - Hạnh phúc", "motto");
  sheet.height(1, 18);
  sheet.height(2, 20);
  sheet.height(3, 8);
  sheet.putMerged("A4", "H4", def.title.vi.toUpperCase(), "title");
  sheet.height(4, 24);
  sheet.putMerged(
    "A5",
    "H5",
    `(Biểu mẫu ${def.id}, phiên bản ${def.version} — gửi ${def.collector.name}, hạn gửi: ${isoToVi(def.deadline)})`,
    "subtitle"
  );
  sheet.height(6, 8);
}

/** The header fields other than unit/preparer/head, two per row from `row` (label + input), then the one-line instruction. Returns the next row. */
function fieldGrid(sheet: ReportSheet, form: ResolvedForm, row: number): number {
  const gridFields = form.fields.filter(
    (f) => f.key !== "unit" && !(SIGNATURE_KEYS as readonly string[]).includes(f.key)
  );
  const slots: [string, string, string][] = [
    ["A", "B", "C"],
    ["D", "F", "G"],
  ];
  for (let i = 0; i < gridFields.length; i += 2) {
    gridFields.slice(i, i + 2).forEach((f, j) => {
      const [l1, l2, input] = slots[j];
      sheet.putMerged(
        `${l1}${row}`,
        `${l2}${row}`,
        `${f.label.vi}${f.required ? " (*)" : ""}:`,
        "fieldLabel"
      );
      sheet.put(`${input}${row}`, null, FIELD_STYLES[f.key] ?? "fieldInput");
      sheet.nameCells[f.name] = `${input}${row}`;
    });
    sheet.height(row, 20);
    row++;
  }
  sheet.putMerged(
    `A${row}`,
    `H${row}`,
    `Hướng dẫn: chỉ nhập vào các ô nền vàng; không có thì nhập 0, không để trống; (*) là thông tin bắt buộc. Cột "${COLUMN_HEADERS.check.vi}" tự báo "Lỗi" (phải sửa) hoặc "Lưu ý" (cần xem lại); số liệu hợp lệ thì cột này để trống.`,
    "hint"
  );
  sheet.height(row, 28);
  return row + 1;
}

/** The input style of a header field of the grid (default "fieldInput"). */
const FIELD_STYLES: Record<string, string> = {
  year: "fieldYear",
  reportDate: "fieldDate",
  phone: "fieldText",
};

/** The table's column headers at `row` and the column-number row below it. Returns `row`. */
function tableHeader(sheet: ReportSheet, row: number): number {
  (Object.keys(COL) as ColumnKey[]).forEach((k) => sheet.put(`${COL[k]}${row}`, COLUMN_HEADERS[k].vi, "th"));
  sheet.height(row, 34);
  ["A", "B", "C", "1", "2", "3 = 2/1 × 100", "4", "5"].forEach((n, i) =>
    sheet.put(`${String.fromCharCode(65 + i)}${row + 1}`, n, "thNumber")
  );
  sheet.height(row + 1, 16);
  return row;
}

/**
 * One row per section and per indicator from `firstRow`, and a row for each computed value that
 * has no column (sex ratio at birth); the indicators' defined names get their cells here.
 */
function planTable(form: ResolvedForm, firstRow: number, nameCells: Record<string, string>): TablePlan {
  const def = form.definition;
  const pctSections = new Set(def.sections.filter((s) => s.percentFemale).map((s) => s.code));
  const partColumn: Record<CellPart, string> = { total: COL.total, female: COL.female, value: COL.total };
  const rows: PlannedRow[] = [];
  const indicatorRows: Record<string, number> = {};
  const computedCells: Record<string, string> = {};
  let row = firstRow;
  for (const s of def.sections) {
    const inds = form.indicators.filter((i) => i.section === s.code && i.kind !== "computed");
    if (!inds.length) continue;
    rows.push({ kind: "section", row: row++, code: s.code, title: s.title.vi });
    for (const ind of inds) {
      const at = row;
      indicatorRows[ind.code] = at;
      rows.push({ kind: "indicator", row: row++, ind });
      if (ind.kind === "text") {
        nameCells[ind.cells[0].name] = `${COL.unit}${at}`;
        continue;
      }
      for (const c of ind.cells) nameCells[c.name] = `${partColumn[c.part]}${at}`;
      if (ind.kind !== "tf") continue;
      for (const c of def.computed.filter((x) => x.formula.of === ind.code)) {
        if (c.formula.op === "percentFemale" && pctSections.has(s.code))
          computedCells[c.id] = `${COL.percentFemale}${at}`;
        else {
          computedCells[c.id] = `${COL.total}${row}`;
          rows.push({ kind: "computed", row: row++, id: c.id });
        }
      }
    }
  }
  return { rows, firstTableRow: firstRow, lastTableRow: row - 1, indicatorRows, computedCells };
}

/** The table's rows as planned: sections, indicators (numbers or narrative) and computed values. */
function tableRows(sheet: ReportSheet, form: ResolvedForm, plan: TablePlan): TableOutput {
  const at = (code: string, part: CellPart): string | undefined => {
    const c = form.byCode.get(code)?.cells.find((x) => x.part === part);
    return c ? sheet.nameCells[c.name] : undefined;
  };
  const items = checkItems(form, at);
  const comps = computedItems(form, at);
  const out: TableOutput = { formulas: [], checks: [], computed: [], checkCells: {} };
  for (const p of plan.rows) {
    if (p.kind === "section") sectionRow(sheet, p.row, p.code, p.title);
    else if (p.kind === "computed")
      computedRow(
        sheet,
        form,
        p.row,
        comps.find((x) => x.id === p.id),
        out
      );
    else if (p.ind.kind === "text") narrativeRow(sheet, p.ind, p.row);
    else {
      const pctCell = `${COL.percentFemale}${p.row}`;
      const pctId = Object.keys(plan.computedCells).find((id) => plan.computedCells[id] === pctCell);
      const pct = pctId ? comps.find((x) => x.id === pctId) : undefined;
      const rowItems = items.filter((it) => it.indicator === p.ind.code);
      indicatorRow(sheet, p.ind, p.row, pct, rowItems, out);
    }
  }
  return out;
}

function sectionRow(sheet: ReportSheet, r: number, code: string, title: string): void {
  sheet.put(`A${r}`, code, "sectionCode");
  sheet.putMerged(`B${r}`, `H${r}`, title, "sectionTitle");
  sheet.height(r, rowHeightFor(title, WIDTHS.indicator + 60, 12));
}

/** A computed value with a row of its own: label, unit and the formula in the Tổng số column. */
function computedRow(
  sheet: ReportSheet,
  form: ResolvedForm,
  r: number,
  item: ComputedItem | undefined,
  out: TableOutput
): void {
  const c = form.definition.computed.find((x) => x.id === item?.id);
  if (!c || !item) return;
  sheet.put(`A${r}`, null, "code");
  sheet.put(`B${r}`, `${c.label.vi} — ${c.formula.of}`, "labelComputed");
  sheet.put(`C${r}`, c.unit, "measure");
  sheet.put(`D${r}`, "", "computed", toExcel(item.expr));
  out.formulas.push({ address: `D${r}`, expr: item.expr });
  out.computed.push({ ...item, cell: `D${r}` });
  for (const col of ["E", "F", "G", "H"]) sheet.put(`${col}${r}`, null, "notApplicable");
  sheet.height(r, rowHeightFor(c.unit, WIDTHS.unit, 11));
}

/** A narrative indicator: its label, and one large merged input cell over the other columns. */
function narrativeRow(sheet: ReportSheet, ind: ResolvedIndicator, r: number): void {
  sheet.put(`A${r}`, ind.code, "code");
  sheet.put(`B${r}`, ind.label.vi, "labelTop");
  sheet.putMerged(`C${r}`, `H${r}`, null, "inputNarrative");
  sheet.height(r, 90);
  sheet.addValidation(narrativeValidation(ind, `C${r}`));
}

/**
 * A numeric indicator: code, label, unit, its input cells, % nữ (a formula, when its section has
 * one), the note, and the Kiểm tra cell with the row's checks as one formula.
 */
function indicatorRow(
  sheet: ReportSheet,
  ind: ResolvedIndicator,
  r: number,
  pct: ComputedItem | undefined,
  rowItems: CheckItem[],
  out: TableOutput
): void {
  sheet.put(`A${r}`, ind.code, "code");
  const femaleNote =
    ind.kind === "tf" && ind.femaleLabel
      ? ` (cột "${COLUMN_HEADERS.female.vi}": ${ind.femaleLabel.vi.replace(/^Trong đó\s+/i, "")})`
      : "";
  const labelText = `${ind.label.vi}${femaleNote}`;
  sheet.put(`B${r}`, labelText, "label");
  sheet.put(`C${r}`, ind.unit, "measure");
  sheet.height(
    r,
    Math.max(rowHeightFor(labelText, WIDTHS.indicator, 12), rowHeightFor(ind.unit, WIDTHS.unit, 11))
  );
  const inputStyle = ind.kind === "amount" ? "inputAmount" : "inputCount";
  for (const c of ind.cells) {
    const addr = sheet.nameCells[c.name];
    sheet.put(addr, null, inputStyle);
    sheet.addValidation(numberValidation(ind, c.part, addr));
  }
  if (ind.kind !== "tf") sheet.put(`${COL.female}${r}`, null, "notApplicable");
  const pctCell = `${COL.percentFemale}${r}`;
  if (pct) {
    sheet.put(pctCell, "", "computed", toExcel(pct.expr));
    out.formulas.push({ address: pctCell, expr: pct.expr });
    out.computed.push({ ...pct, cell: pctCell });
  } else sheet.put(pctCell, null, "notApplicable");
  sheet.put(`${COL.note}${r}`, null, "note");
  sheet.addValidation(noteValidation(`${COL.note}${r}`));
  const checkCell = `${COL.check}${r}`;
  out.checkCells[ind.code] = checkCell;
  if (rowItems.length) {
    const expr = rowCheckExpr(rowItems);
    sheet.put(checkCell, "", "check", toExcel(expr));
    out.formulas.push({ address: checkCell, expr });
    for (const it of rowItems) out.checks.push({ ...it, checkCell });
  } else sheet.put(checkCell, null, "check");
}

/** Người lập biểu | Thủ trưởng đơn vị from `row`: title, note, room to sign, and the name cell (a header field). */
function signatureBlock(sheet: ReportSheet, form: ResolvedForm, row: number): void {
  const signFields = SIGNATURE_KEYS.map((k) => form.fieldByKey.get(k)).filter((f): f is ResolvedField => !!f);
  const signSlots: [string, string][] = [
    ["B", "B"],
    ["E", "H"],
  ];
  const signNotes: Record<string, string> = { preparer: "(Ký, ghi rõ họ tên)", head: "(Ký tên, đóng dấu)" };
  signFields.forEach((f, j) => {
    const [c1, c2] = signSlots[j] ?? signSlots[1];
    sheet.putMerged(`${c1}${row}`, `${c2}${row}`, f.label.vi.toUpperCase(), "signTitle");
    sheet.putMerged(`${c1}${row + 1}`, `${c2}${row + 1}`, signNotes[f.key] ?? "", "signNote");
    sheet.putMerged(`${c1}${row + 3}`, `${c2}${row + 3}`, null, "signName");
    sheet.nameCells[f.name] = `${c1}${row + 3}`;
  });
  if (signFields.length) {
    sheet.height(row, 18);
    sheet.height(row + 2, 60);
    sheet.height(row + 3, 20);
  }
}

/** The report sheet's model: columns, frozen header, A4 landscape print setup, protection. */
function reportSheetModel(
  sheet: ReportSheet,
  form: ResolvedForm,
  headerRow: number,
  password: string | undefined
): SheetModel {
  const def = form.definition;
  return {
    name: REPORT_SHEET,
    visibility: "visible",
    cells: [...sheet.cells.values()],
    merges: sheet.merges,
    columns: (Object.keys(COL) as ColumnKey[]).map((k) => ({ column: COL[k], width: WIDTHS[k] })),
    rows: [...sheet.heights.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, h]) => ({ index, height: h })),
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
      ...(password ? { password } : {}),
      allowFormatColumns: true,
      allowFormatRows: true,
    },
    validations: sheet.validations,
  };
}

function templateWorkbook(
  form: ResolvedForm,
  unit: Unit | null,
  sheets: SheetModel[],
  names: WorkbookModel["names"]
): WorkbookModel {
  const def = form.definition;
  return {
    properties: {
      title: `${def.title.vi}${unit ? ` — ${unit.name}` : ""}`,
      subject: `${def.id} v${def.version}`,
      creator: def.collector.name,
      company: def.collector.name,
      description: `Mẫu báo cáo tự kiểm tra, tạo bởi ${GENERATOR} / self-validating report template`,
    },
    sheets,
    names,
    styles: TEMPLATE_STYLES,
    activeSheet: 0,
  };
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
