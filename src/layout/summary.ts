/**
 * The summary workbook: Consolidation → WorkbookModel. Pure: no I/O, no xlsx library.
 *
 * Sheets:
 * - "Tổng hợp": the form's rows; columns Mã số | Chỉ tiêu | Đơn vị tính, then three columns per
 *   unit (Tổng số, Nữ, % nữ — % nữ only on the rows of a percentFemale section), the units group
 *   by group (registry order), then one subtotal per registry group, and the TOTAL. Subtotal
 *   and total cells are formulas with their cached results. The TOTAL column's cells carry the
 *   form's defined names and the header fields are named too, and the workbook carries the
 *   metadata sheet (kind "summary", unit = the collector): the summary is itself a report that
 *   merges at the next level.
 * - "Tình hình nộp báo cáo": rates, every expected unit's status, every file not used and why,
 *   errors of the accepted files, unusual values, notes.
 * - "Ý kiến, kiến nghị": the narrative section per unit.
 *
 * Text from returned files (unit names as typed, narratives, file names) is only ever written as
 * a cell value (never as a formula): the writer stores strings as strings, so "=…" stays text.
 * Every text goes through a TextGuard (text-guard.ts): characters XML forbids are replaced by
 * U+FFFD, a text over 32,767 characters is cut, and the status sheet's notes say whose text was
 * changed (also returned as `Summary.notes`).
 */
import { formFingerprint } from "../form/fingerprint";
import type { ResolvedForm, ResolvedIndicator } from "../form/resolve";
import type { CellPart, Text } from "../form/schema";
import type { Consolidation, GroupTotals, Rates, UnitStatus } from "../merge/types";
import { isoToSerial, isoToVi } from "../validate/dates";
import { COLUMN_HEADERS, GENERATOR } from "../workbook/contract";
import { columnLetter, nameRef } from "../workbook/address";
import { type CellModel, type CellScalar, type SheetModel, type WorkbookModel } from "./sheet-model";
import { metaSheet } from "./meta-sheet";
import { FONT, SUMMARY_STYLES } from "./styles";
import { TextGuard, type About } from "./text-guard";

export const SUMMARY_SHEET = "Tổng hợp";
export const STATUS_SHEET = "Tình hình nộp báo cáo";
export const NARRATIVE_SHEET = "Ý kiến, kiến nghị";

export interface SummaryOptions {
  /** ISO date written in the summary's report-date field (default: the form's deadline). */
  reportDate?: string;
  preparer?: string;
  head?: string;
  phone?: string;
  /**
   * The collecting office's own assessment: text by defined name of a narrative indicator, written
   * in its TỔNG CỘNG cell (left blank otherwise, for the office to write). The CLI carries it over
   * from the summary it replaces.
   */
  assessment?: Readonly<Record<string, string>>;
}

/** One column group of the "Tổng hợp" sheet. */
export interface SummaryGroup {
  kind: "unit" | "subtotal" | "total";
  /** Unit code, the registry group's name (a subtotal) or "total". */
  key: string;
  title: string;
  /** Column letters. */
  total: string;
  female: string;
  pct: string;
}

export interface SummaryPositions {
  sheet: string;
  headerRow: number;
  firstTableRow: number;
  rows: Record<string, number>;
  /** Row of each computed value that has its own row (sex ratio at birth). */
  computedRows: Record<string, number>;
  groups: SummaryGroup[];
  /** Defined name → address on the summary sheet (TOTAL column and header fields). */
  cells: Record<string, string>;
}

export interface Summary {
  model: WorkbookModel;
  positions: SummaryPositions;
  /** Texts changed to fit a workbook (illegal characters, over-long texts), naming whose: also on the status sheet. */
  notes: Text[];
}

class SheetBuilder {
  readonly cells = new Map<string, CellModel>();
  readonly merges: string[] = [];
  readonly heights = new Map<number, number>();

  constructor(
    private readonly guard: TextGuard,
    private readonly sheetName: string
  ) {}

  /** `about`: whose text a string value is, for the notes when it has to be changed. */
  put(address: string, value: CellScalar, style?: string, formula?: string, about?: About): void {
    const safe =
      typeof value === "string"
        ? this.guard.clean(value, about ?? { unit: null, what: `ô ${this.sheetName}!${address}` })
        : value;
    this.cells.set(address, {
      address,
      value: safe,
      ...(formula !== undefined ? { formula } : {}),
      ...(style ? { style } : {}),
    });
  }
  /** Untrusted text: always a plain value (never a formula). */
  text(address: string, value: string | null, style?: string, about?: About): void {
    this.put(address, value, style, undefined, about);
  }
  merged(
    c1: number,
    r1: number,
    c2: number,
    r2: number,
    value: CellScalar,
    style: string,
    about?: About
  ): void {
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++)
        this.put(`${columnLetter(c)}${r}`, r === r1 && c === c1 ? value : null, style, undefined, about);
    if (c1 !== c2 || r1 !== r2) this.merges.push(`${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`);
  }
  height(row: number, h: number): void {
    this.heights.set(row, h);
  }
  sheet(
    name: string,
    columns: { column: string; width: number }[],
    extra: Partial<SheetModel> = {}
  ): SheetModel {
    return {
      name,
      visibility: "visible",
      cells: [...this.cells.values()],
      merges: this.merges,
      columns,
      rows: [...this.heights.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([index, height]) => ({ index, height })),
      validations: [],
      ...extra,
    };
  }
}

const PART_COL: Record<CellPart, "total" | "female"> = { total: "total", female: "female", value: "total" };

function shortStatus(u: UnitStatus): { text: string; bad: boolean } {
  if (u.status === "missing") return { text: "Chưa nộp", bad: true };
  const parts = [u.status === "late" ? "Nộp muộn" : "Đúng hạn"];
  if (u.errors) parts.push(`${u.errors} lỗi`);
  if (u.excluded) parts.push("không tính");
  return { text: parts.join(", "), bad: u.status === "late" || u.errors > 0 };
}

/** As the formula IF(N(T)>0,F/T*100,""): blank counts as 0. */
function pctOf(total: number, female: number): number | "" {
  return total > 0 ? (female / total) * 100 : "";
}

export function buildSummary(c: Consolidation, form: ResolvedForm, options: SummaryOptions = {}): Summary {
  const def = form.definition;
  const guard = new TextGuard();
  const b = new SheetBuilder(guard, SUMMARY_SHEET);
  const reportDate = options.reportDate ?? def.deadline;
  const columns = summaryColumns(c, form);
  const named: Record<string, string> = {};
  const headerRow = writeSummaryHeader(b, c, form, columns.lastCol, { ...options, reportDate }, named);
  writeTableHeader(b, c, columns.groups, headerRow);
  const firstTableRow = headerRow + 3;
  const table = writeTableRows(b, c, form, columns, firstTableRow, named, options.assessment);
  writeSignatures(b, form, columns.lastCol, table.lastRow + 2, { ...options, reportDate }, named);

  const missingNames = form.names.filter((n) => !named[n]);
  if (missingNames.length)
    throw new Error(`Bảng tổng hợp thiếu ô cho / summary has no cell for: ${missingNames.join(", ")}`);

  const summarySheet = summarySheetModel(b, columns.groups, headerRow, form);
  const narrativeSheet = buildNarrativeSheet(c, form, guard);
  const statusSheet = buildStatusSheet(c, guard);
  const meta = buildMetaSheet(c, form, named);

  const model: WorkbookModel = {
    properties: {
      title: `Tổng hợp — ${def.title.vi}`,
      subject: `${def.id} v${def.version}`,
      creator: def.collector.name,
      company: def.collector.name,
      description: `Bảng tổng hợp tạo bởi ${GENERATOR} / summary made by ${GENERATOR}`,
    },
    sheets: [summarySheet, statusSheet, narrativeSheet, meta],
    names: form.names.map((n) => ({ name: n, ref: nameRef(SUMMARY_SHEET, named[n]) })),
    styles: SUMMARY_STYLES,
    activeSheet: 0,
  };
  const { rows, computedRows } = table;
  const groups = columns.groups;
  return {
    model,
    positions: { sheet: SUMMARY_SHEET, headerRow, firstTableRow, rows, computedRows, groups, cells: named },
    notes: guard.notes(),
  };
}

/** The column groups of the "Tổng hợp" sheet, from column D on. */
interface SummaryColumns {
  groups: SummaryGroup[];
  /** Unit code → its column group. */
  unitGroups: Map<string, SummaryGroup>;
  /** One column group per registry group, in registry order. */
  subtotals: SummaryGroup[];
  lastCol: number;
}

/** Units group by group (registry order), then one subtotal per group, then the total. */
function summaryColumns(c: Consolidation, form: ResolvedForm): SummaryColumns {
  const groups: SummaryGroup[] = [];
  let col = 4;
  const addGroup = (kind: SummaryGroup["kind"], key: string, title: string): SummaryGroup => {
    const g = {
      kind,
      key,
      title,
      total: columnLetter(col),
      female: columnLetter(col + 1),
      pct: columnLetter(col + 2),
    };
    col += 3;
    groups.push(g);
    return g;
  };
  const unitGroups = new Map<string, SummaryGroup>();
  for (const g of form.groups)
    for (const u of c.units.filter((x) => x.group === g))
      unitGroups.set(u.code, addGroup("unit", u.code, u.name));
  const subtotals = form.groups.map((g) => addGroup("subtotal", g, `Cộng ${g}`));
  addGroup("total", "total", "TỔNG CỘNG");
  return { groups, unitGroups, subtotals, lastCol: col - 1 };
}

/** The header block and the field grid (named fields); returns the table header's row. */
function writeSummaryHeader(
  b: SheetBuilder,
  c: Consolidation,
  form: ResolvedForm,
  lastCol: number,
  options: SummaryOptions & { reportDate: string },
  named: Record<string, string>
): number {
  const def = form.definition;
  b.merged(1, 1, 3, 1, def.collector.name.toUpperCase(), "collector");
  b.merged(4, 1, Math.max(12, Math.min(lastCol, 15)), 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  b.put("A2", "Đơn vị:", "unitLabel");
  const unitField = form.fieldByKey.get("unit");
  b.merged(2, 2, 3, 2, def.collector.name, "unitFixed");
  if (unitField) named[unitField.name] = "B2";
  b.merged(4, 2, Math.max(12, Math.min(lastCol, 15)), 2, "Độc lập - Tự do - Hạnh phúc", "motto");
  b.merged(1, 4, 15, 4, `TỔNG HỢP ${def.title.vi.toUpperCase()}`, "title");
  b.merged(
    1,
    5,
    15,
    5,
    `(Biểu mẫu ${def.id}, phiên bản ${def.version}; tổng hợp từ ${c.rates.all.received}/${c.rates.all.expected} đơn vị đã nộp báo cáo)`,
    "subtitle"
  );
  b.height(4, 24);

  let row = 7;
  const gridKeys = ["year", "reportDate", "phone"];
  for (const key of gridKeys) {
    const f = form.fieldByKey.get(key);
    if (!f) continue;
    b.merged(1, row, 2, row, `${f.label.vi}:`, "fieldLabel");
    const addr = `C${row}`;
    if (key === "year") b.put(addr, def.year, "fieldValueYear");
    else if (key === "reportDate") b.put(addr, isoToSerial(options.reportDate), "fieldValueDate");
    else b.text(addr, options.phone ?? null, "fieldValue");
    named[f.name] = addr;
    row++;
  }
  return row + 1;
}

/** Three header rows: code, indicator, measure; per column group its title, status and parts. */
function writeTableHeader(
  b: SheetBuilder,
  c: Consolidation,
  groups: SummaryGroup[],
  headerRow: number
): void {
  b.merged(1, headerRow, 1, headerRow + 2, COLUMN_HEADERS.code.vi, "th");
  b.merged(2, headerRow, 2, headerRow + 2, COLUMN_HEADERS.indicator.vi, "th");
  b.merged(3, headerRow, 3, headerRow + 2, COLUMN_HEADERS.unit.vi, "th");
  const statusByCode = new Map(c.units.map((u) => [u.code, u]));
  for (const g of groups) {
    const c1 = columnNumberOf(g.total);
    const head = g.kind === "unit" ? "groupHead" : g.kind === "subtotal" ? "groupHeadSub" : "groupHeadTotal";
    b.merged(c1, headerRow, c1 + 2, headerRow, g.title, head, { unit: g.title, what: "tên đơn vị" });
    if (g.kind === "unit") {
      const s = shortStatus(statusByCode.get(g.key) as UnitStatus);
      b.merged(c1, headerRow + 1, c1 + 2, headerRow + 1, s.text, s.bad ? "groupStatusBad" : "groupStatus");
    } else {
      const units = (totalsOf(c, g) ?? c.totals.all).units.length;
      b.merged(c1, headerRow + 1, c1 + 2, headerRow + 1, `${units} đơn vị`, "groupStatus");
    }
    b.put(`${g.total}${headerRow + 2}`, COLUMN_HEADERS.total.vi, head);
    b.put(`${g.female}${headerRow + 2}`, "Nữ", head);
    b.put(`${g.pct}${headerRow + 2}`, "% nữ", head);
  }
  b.height(headerRow, 54);
  b.height(headerRow + 1, 26);
  b.height(headerRow + 2, 28);
}

/** The form's sections and indicators from `firstRow` on: rows by indicator code and computed id, and the last row. */
function writeTableRows(
  b: SheetBuilder,
  c: Consolidation,
  form: ResolvedForm,
  columns: SummaryColumns,
  firstRow: number,
  named: Record<string, string>,
  assessment: SummaryOptions["assessment"]
): { rows: Record<string, number>; computedRows: Record<string, number>; lastRow: number } {
  const def = form.definition;
  const { groups, subtotals, unitGroups, lastCol } = columns;
  const rows: Record<string, number> = {};
  const computedRows: Record<string, number> = {};
  const statusByCode = new Map(c.units.map((u) => [u.code, u]));
  const pctSections = new Set(def.sections.filter((s) => s.percentFemale).map((s) => s.code));
  // The units in each subtotal's SUM are the ones in its cached sums (the consolidation decides).
  const included = new Map(
    subtotals.map((s) => [
      s.key,
      (totalsOf(c, s)?.units ?? []).map((code) => unitGroups.get(code) as SummaryGroup),
    ])
  );
  const ctx: RowContext = {
    subtotals,
    members: (g) => included.get(g.key) ?? [],
    totals: (g) => (g.kind === "total" ? c.totals.all : totalsOf(c, g)),
  };
  let row = firstRow;
  for (const s of def.sections) {
    const inds = form.indicators.filter((i) => i.section === s.code && i.kind !== "computed");
    if (!inds.length) continue;
    b.put(`A${row}`, s.code, "sectionCode");
    b.merged(2, row, lastCol, row, s.title.vi, "sectionTitle");
    b.height(row, 20);
    row++;
    for (const ind of inds) {
      rows[ind.code] = row;
      b.put(`A${row}`, ind.code, "code");
      b.put(`B${row}`, ind.label.vi, ind.kind === "text" ? "labelTop" : "label");
      b.put(`C${row}`, ind.unit, "measure");
      b.height(row, Math.min(90, Math.max(20, Math.ceil(ind.label.vi.length / 45) * 15)));
      if (ind.kind === "text") writeTextRow(b, ind, row, groups, named, assessment);
      else writeNumberRow(b, ind, row, groups, statusByCode, pctSections.has(s.code), named, ctx);
      row++;
      if (ind.kind !== "tf") continue;
      for (const cd of def.computed.filter(
        (x) => x.formula.of === ind.code && x.formula.op === "sexRatioAtBirth"
      )) {
        computedRows[cd.id] = row;
        writeSexRatioRow(b, cd, row, rows[ind.code], groups);
        row++;
      }
    }
  }
  return { rows, computedRows, lastRow: row - 1 };
}

/** A computed sex ratio at birth on its own row, below its indicator's row `r0`. */
function writeSexRatioRow(
  b: SheetBuilder,
  cd: ResolvedForm["definition"]["computed"][number],
  row: number,
  r0: number,
  groups: SummaryGroup[]
): void {
  b.put(`A${row}`, null, "code");
  b.put(`B${row}`, `${cd.label.vi} — ${cd.formula.of}`, "labelComputed");
  b.put(`C${row}`, cd.unit, "measure");
  for (const g of groups) {
    const t = cellNumber(b, `${g.total}${r0}`);
    const f = cellNumber(b, `${g.female}${r0}`);
    // Same semantics as the formula: a blank cell counts as 0.
    const cached = (f ?? 0) > 0 ? (((t ?? 0) - (f ?? 0)) / (f ?? 0)) * 100 : "";
    const styleName = g.kind === "unit" ? "pct" : g.kind === "subtotal" ? "pctSub" : "pctTotal";
    b.put(
      `${g.total}${row}`,
      cached,
      styleName,
      `IF(N(${g.female}${r0})>0,(${g.total}${r0}-${g.female}${r0})/${g.female}${r0}*100,"")`
    );
    b.put(`${g.female}${row}`, null, "notApplicable");
    b.put(`${g.pct}${row}`, null, "notApplicable");
  }
  b.height(row, 30);
}

/** The date line and the signature block from `row` on (preparer and head are named fields). */
function writeSignatures(
  b: SheetBuilder,
  form: ResolvedForm,
  lastCol: number,
  row: number,
  options: SummaryOptions & { reportDate: string },
  named: Record<string, string>
): void {
  const dateVi = isoToVi(options.reportDate).split("/");
  b.merged(
    lastCol - 8,
    row,
    lastCol,
    row,
    `Ngày ${dateVi[0]} tháng ${dateVi[1]} năm ${dateVi[2]}`,
    "signNote"
  );
  row++;
  const signs: [string, number, number][] = [
    ["preparer", 2, 2],
    ["head", lastCol - 8, lastCol],
  ];
  for (const [key, c1, c2] of signs) {
    const f = form.fieldByKey.get(key);
    if (!f) continue;
    b.merged(c1, row, c2, row, f.label.vi.toUpperCase(), "signTitle");
    b.merged(
      c1,
      row + 1,
      c2,
      row + 1,
      key === "head" ? "(Ký tên, đóng dấu)" : "(Ký, ghi rõ họ tên)",
      "signNote"
    );
    const value = key === "preparer" ? (options.preparer ?? null) : (options.head ?? null);
    b.merged(c1, row + 4, c2, row + 4, value, "signName");
    named[f.name] = `${columnLetter(c1)}${row + 4}`;
  }
  b.height(row + 2, 30);
  b.height(row + 3, 30);
}

/** The "Tổng hợp" sheet from its cells: column widths, frozen header, print setup. */
function summarySheetModel(
  b: SheetBuilder,
  groups: SummaryGroup[],
  headerRow: number,
  form: ResolvedForm
): SheetModel {
  const def = form.definition;
  return b.sheet(
    SUMMARY_SHEET,
    [
      { column: "A", width: 7 },
      { column: "B", width: 46 },
      { column: "C", width: 11 },
      ...groups.flatMap((g) => [
        { column: g.total, width: g.kind === "unit" ? 9 : 11 },
        { column: g.female, width: g.kind === "unit" ? 8 : 10 },
        { column: g.pct, width: 6 },
      ]),
    ],
    {
      freeze: { rows: headerRow + 2, columns: 3 },
      print: {
        paper: "A4",
        orientation: "landscape",
        fitToWidth: false,
        repeatRows: { first: headerRow, last: headerRow + 2 },
        // The table is wider than a page: repeat the code column on every page (repeating the
        // wide indicator column too would leave room for two units per page).
        repeatColumns: { first: "A", last: "A" },
        margins: { left: 0.4, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        footer: `&L&"${FONT},Italic"&9${def.id} v${def.version} — Tổng hợp&R&"${FONT},Regular"&9Trang &P/&N`,
      },
    }
  );
}

function columnNumberOf(letters: string): number {
  return letters.split("").reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

function cellNumber(b: SheetBuilder, address: string): number | undefined {
  const v = b.cells.get(address)?.value;
  return typeof v === "number" ? v : undefined;
}

interface RowContext {
  /** One column group per registry group. */
  subtotals: SummaryGroup[];
  /** The unit columns a subtotal sums (its group's units in the totals). */
  members: (subtotal: SummaryGroup) => SummaryGroup[];
  totals: (g: SummaryGroup) => GroupTotals | null;
}

/** The consolidation's sums for a subtotal column (its registry group). */
function totalsOf(c: Consolidation, g: SummaryGroup): GroupTotals | null {
  return g.kind === "subtotal" ? (c.totals.groups.find((t) => t.group === g.key) ?? null) : null;
}

const sumOf = (cols: string[]): string => (cols.length ? `SUM(${cols.join(",")})` : "0");

function writeNumberRow(
  b: SheetBuilder,
  ind: ResolvedIndicator,
  r: number,
  groups: SummaryGroup[],
  statusByCode: Map<string, UnitStatus>,
  pctRow: boolean,
  named: Record<string, string>,
  ctx: RowContext
): void {
  const base = ind.kind === "amount" ? "amount" : "count";
  const tf = ind.kind === "tf";
  for (const g of groups) {
    const suffix = g.kind === "unit" ? "" : g.kind === "subtotal" ? "Sub" : "Total";
    const styleName = `${base}${suffix}`;
    const values: Partial<Record<"total" | "female", number>> = {};
    for (const cell of ind.cells) {
      const which = PART_COL[cell.part];
      const addr = `${g[which]}${r}`;
      if (g.kind === "unit") {
        const v = statusByCode.get(g.key)?.values?.numbers[cell.name];
        b.put(addr, v ?? null, styleName);
        if (v !== undefined) values[which] = v;
      } else {
        const totals = ctx.totals(g) as GroupTotals;
        const cached = totals.numbers[cell.name] ?? 0;
        values[which] = cached;
        const parts = g.kind === "total" ? ctx.subtotals : ctx.members(g);
        const formula =
          g.kind === "total" && parts.length <= 8
            ? parts.map((p) => `${p[which]}${r}`).join("+") || "0"
            : sumOf(parts.map((p) => `${p[which]}${r}`));
        b.put(addr, cached, styleName, formula);
        if (g.kind === "total") named[cell.name] = addr;
      }
    }
    if (!tf) b.put(`${g.female}${r}`, null, "notApplicable");
    if (tf && pctRow) {
      const pStyle = g.kind === "unit" ? "pct" : g.kind === "subtotal" ? "pctSub" : "pctTotal";
      const cached = pctOf(values.total ?? 0, values.female ?? 0);
      b.put(`${g.pct}${r}`, cached, pStyle, `IF(N(${g.total}${r})>0,${g.female}${r}/${g.total}${r}*100,"")`);
    } else b.put(`${g.pct}${r}`, null, "notApplicable");
  }
}

function writeTextRow(
  b: SheetBuilder,
  ind: ResolvedIndicator,
  r: number,
  groups: SummaryGroup[],
  named: Record<string, string>,
  assessment: Readonly<Record<string, string>> = {}
): void {
  const name = ind.cells[0].name;
  const own = Object.prototype.hasOwnProperty.call(assessment, name) ? assessment[name] : null;
  for (const g of groups) {
    if (g.kind === "total") {
      // The collector's own assessment (the units' texts are on the "Ý kiến, kiến nghị" sheet).
      b.merged(columnNumberOf(g.total), r, columnNumberOf(g.pct), r, own, "inputNarrative", {
        unit: null,
        what: `mục ${ind.code}`,
      });
      named[name] = `${g.total}${r}`;
    } else {
      b.merged(
        columnNumberOf(g.total),
        r,
        columnNumberOf(g.pct),
        r,
        g.kind === "unit" ? null : "",
        "notApplicable"
      );
    }
  }
  b.put(`C${r}`, `Xem sheet "${NARRATIVE_SHEET}"`, "hint");
}

/**
 * "Tình hình nộp báo cáo": rates, then 1. every unit's status, 2. the files not used, 3. the errors
 * of the accepted files, 4. unusual values, 5. notes. Each part is written from a row on and returns
 * the row after it.
 */
function buildStatusSheet(c: Consolidation, guard: TextGuard): SheetModel {
  const b = new SheetBuilder(guard, STATUS_SHEET);
  const widths = [6, 18, 34, 12, 30, 40, 13, 8, 10, 10];
  b.merged(1, 1, 10, 1, "TÌNH HÌNH NỘP BÁO CÁO", "title");
  b.merged(
    1,
    2,
    10,
    2,
    `${c.form.title.vi} (${c.form.id} v${c.form.version}) — hạn nộp ${isoToVi(c.form.deadline)}`,
    "subtitle"
  );
  b.height(1, 24);
  let row = writeRates(b, c, 4) + 2;
  row = writeUnitStatuses(b, c, row) + 1;
  row = writeUnusedFiles(b, c, row) + 1;
  row = writeAcceptedErrors(b, c, row) + 1;
  row = writeOutliers(b, c, row);
  // The notes of the merge, then those of this layout: texts changed so far (every other sheet and
  // this one's rows are written by now).
  writeNotes(b, [...c.notes, ...guard.notes()], row);
  return b.sheet(
    STATUS_SHEET,
    widths.map((w, i) => ({ column: columnLetter(i + 1), width: w })),
    {
      print: {
        paper: "A4",
        orientation: "landscape",
        fitToWidth: true,
        margins: { left: 0.4, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
    }
  );
}

/** Reporting and timeliness rates per group and of all units, and how they are computed. */
function writeRates(b: SheetBuilder, c: Consolidation, row: number): number {
  b.put(`A${row}`, null);
  const rateHead = [
    "",
    "Nhóm",
    "Phải nộp",
    "Đã nộp",
    "Đúng hạn",
    "Nộp muộn",
    "Chưa nộp",
    "Có lỗi",
    "Tỷ lệ nộp",
    "Tỷ lệ đúng hạn",
  ];
  rateHead.forEach((h, i) => b.put(`${columnLetter(i + 1)}${row}`, h || null, h ? "th" : undefined));
  b.height(row, 30);
  row++;
  const rateRow = (label: string, r: Rates): void => {
    const vals: CellScalar[] = [
      label,
      r.expected,
      r.received,
      r.onTime,
      r.late,
      r.missing,
      r.withErrors,
      r.reportingRate,
      r.timelinessRate,
    ];
    vals.forEach((v, i) =>
      b.put(`${columnLetter(i + 2)}${row}`, v, i === 0 ? "label" : i >= 7 ? "percentCell" : "numCell")
    );
    row++;
  };
  for (const g of c.rates.groups) rateRow(g.group, g);
  rateRow("Tất cả", c.rates.all);
  b.merged(
    2,
    row,
    10,
    row,
    "Tỷ lệ nộp = số đơn vị đã nộp / số đơn vị phải nộp; tỷ lệ đúng hạn = số đơn vị nộp đúng hạn / số đơn vị phải nộp.",
    "hint"
  );
  return row;
}

/** 1. One row per expected unit. */
function writeUnitStatuses(b: SheetBuilder, c: Consolidation, row: number): number {
  b.merged(1, row, 10, row, "1. Tình hình nộp của từng đơn vị", "h2");
  row++;
  const head = [
    "STT",
    "Mã đơn vị",
    "Đơn vị",
    "Nhóm",
    "Tình trạng",
    "Tệp",
    "Ngày báo cáo",
    "Số lỗi",
    "Số cảnh báo",
    "Số liệu khác thường",
  ];
  head.forEach((h, i) => b.put(`${columnLetter(i + 1)}${row}`, h, "th"));
  b.height(row, 30);
  row++;
  c.units.forEach((u, i) => {
    b.put(`A${row}`, i + 1, "textCenter");
    b.text(`B${row}`, u.code, "text");
    b.text(`C${row}`, u.name, "text", { unit: u.name, what: "tên đơn vị" });
    b.text(`D${row}`, u.group, "text", { unit: u.name, what: "nhóm" });
    b.text(`E${row}`, u.label.vi, "text", { unit: u.name, what: "tình trạng" });
    b.text(`F${row}`, u.file, "text", { unit: u.name, what: "tên tệp" });
    b.put(`G${row}`, u.reportDate ? isoToSerial(u.reportDate) : null, "dateCell");
    b.put(`H${row}`, u.status === "missing" ? null : u.errors, "numCell");
    b.put(`I${row}`, u.status === "missing" ? null : u.warnings, "numCell");
    b.put(`J${row}`, u.status === "missing" ? null : u.outliers, "numCell");
    row++;
  });
  return row;
}

/** 2. Every file not used (superseded or rejected) and why. */
function writeUnusedFiles(b: SheetBuilder, c: Consolidation, row: number): number {
  const unused = c.files.filter((f) => f.verdict !== "accepted");
  b.merged(
    1,
    row,
    10,
    row,
    `2. Các tệp không dùng (${unused.length} tệp; tổng số tệp nhận: ${c.counts.files})`,
    "h2"
  );
  row++;
  ["STT", "Tệp", "Kết quả", "Đơn vị", "Lý do"].forEach((h, i) => {
    if (i === 4) b.merged(5, row, 10, row, h, "th");
    else b.put(`${columnLetter(i + 1)}${row}`, h, "th");
  });
  row++;
  unused.forEach((f, i) => {
    b.put(`A${row}`, i + 1, "textCenter");
    b.text(`B${row}`, f.file, "text", { unit: f.unitName, what: "tên tệp không dùng" });
    b.put(`C${row}`, f.verdict === "superseded" ? "Không dùng (có tệp khác)" : "Bị từ chối", "text");
    b.text(`D${row}`, f.unitName ?? "", "text");
    b.merged(5, row, 10, row, null, "text");
    b.text(`E${row}`, f.message?.vi ?? f.reason ?? "", "text", {
      unit: f.unitName,
      what: "lý do không dùng tệp",
    });
    b.height(row, 45);
    row++;
  });
  if (!unused.length) {
    b.merged(2, row, 10, row, "Không có.", "plain");
    row++;
  }
  return row;
}

/** The header row of a numbered list with a wide last column (D:J). */
function writeListHead(b: SheetBuilder, row: number): void {
  ["STT", "Đơn vị", "Chỉ tiêu", "Nội dung"].forEach((h, i) => {
    if (i === 3) b.merged(4, row, 10, row, h, "th");
    else b.put(`${columnLetter(i + 1)}${row}`, h, "th");
  });
}

/** 3. The errors of the accepted files. */
function writeAcceptedErrors(b: SheetBuilder, c: Consolidation, row: number): number {
  const errors = c.units.flatMap((u) =>
    u.issues.filter((i) => i.severity === "error").map((i) => ({ u, i }))
  );
  b.merged(1, row, 10, row, `3. Lỗi trong các báo cáo đã dùng (${errors.length})`, "h2");
  row++;
  writeListHead(b, row);
  row++;
  errors.forEach(({ u, i: issue }, k) => {
    b.put(`A${row}`, k + 1, "textCenter");
    b.text(`B${row}`, u.name, "text", { unit: u.name, what: "tên đơn vị" });
    b.text(`C${row}`, issue.indicator ?? issue.field ?? "", "text");
    b.merged(4, row, 10, row, null, "text");
    b.text(`D${row}`, issue.message.vi, "text", {
      unit: u.name,
      what: `lỗi ${issue.indicator ?? issue.field ?? ""}`.trim(),
    });
    b.height(row, 30);
    row++;
  });
  return row;
}

/** 4. Unusual values to look at again. */
function writeOutliers(b: SheetBuilder, c: Consolidation, row: number): number {
  b.merged(1, row, 10, row, `4. Số liệu khác thường cần xem lại (${c.outliers.length})`, "h2");
  row++;
  writeListHead(b, row);
  row++;
  c.outliers.forEach((o, k) => {
    b.put(`A${row}`, k + 1, "textCenter");
    b.text(`B${row}`, o.unitName, "text", { unit: o.unitName, what: "tên đơn vị" });
    b.put(
      `C${row}`,
      o.part === "value" ? o.indicator : `${o.indicator} (${o.part === "total" ? "tổng số" : "nữ"})`,
      "text"
    );
    b.merged(4, row, 10, row, null, "text");
    b.text(`D${row}`, o.message.vi, "text", { unit: o.unitName, what: `số liệu khác thường ${o.indicator}` });
    b.height(row, 30);
    row++;
  });
  return row;
}

/** 5. Notes, when there are any. */
function writeNotes(b: SheetBuilder, notes: readonly Text[], row: number): void {
  if (!notes.length) return;
  row++;
  b.merged(1, row, 10, row, "5. Ghi chú", "h2");
  row++;
  for (const n of notes) {
    b.merged(1, row, 10, row, null, "text");
    b.text(`A${row}`, n.vi, "text");
    b.height(row, 30);
    row++;
  }
}

function buildNarrativeSheet(c: Consolidation, form: ResolvedForm, guard: TextGuard): SheetModel {
  const b = new SheetBuilder(guard, NARRATIVE_SHEET);
  const texts = form.indicators.filter((i) => i.kind === "text");
  const last = 3 + texts.length;
  b.merged(1, 1, last, 1, "Ý KIẾN, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ", "title");
  b.merged(
    1,
    2,
    last,
    2,
    `${c.form.title.vi} — mục ${[...new Set(texts.map((t) => t.section))].join(", ")}`,
    "subtitle"
  );
  b.height(1, 24);
  const head = ["STT", "Đơn vị", "Tình trạng", ...texts.map((t) => `${t.code}. ${t.label.vi}`)];
  head.forEach((h, i) => b.put(`${columnLetter(i + 1)}4`, h, "th"));
  b.height(4, 45);
  let row = 5;
  const byUnit = new Map<string, Map<string, string>>();
  for (const n of c.narratives) {
    const m = byUnit.get(n.unit) ?? new Map<string, string>();
    m.set(n.indicator, n.text);
    byUnit.set(n.unit, m);
  }
  let k = 0;
  for (const u of c.units) {
    if (u.status === "missing") continue;
    const m = byUnit.get(u.code);
    b.put(`A${row}`, ++k, "textCenter");
    b.text(`B${row}`, u.name, "text", { unit: u.name, what: "tên đơn vị" });
    b.text(`C${row}`, u.label.vi, "text", { unit: u.name, what: "tình trạng" });
    texts.forEach((t, i) =>
      b.text(`${columnLetter(4 + i)}${row}`, m?.get(t.code) ?? null, "text", {
        unit: u.name,
        what: `mục ${t.code}`,
      })
    );
    const longest = Math.max(0, ...texts.map((t) => (m?.get(t.code) ?? "").length));
    b.height(row, Math.min(400, Math.max(30, Math.ceil(longest / 40) * 15)));
    row++;
  }
  if (!k) b.merged(1, row, last, row, "Chưa có đơn vị nào nộp báo cáo.", "plain");
  return b.sheet(
    NARRATIVE_SHEET,
    [
      { column: "A", width: 6 },
      { column: "B", width: 26 },
      { column: "C", width: 18 },
      ...texts.map((_, i) => ({ column: columnLetter(4 + i), width: 45 })),
    ],
    {
      freeze: { rows: 4, columns: 2 },
      print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 4, last: 4 } },
    }
  );
}

function buildMetaSheet(c: Consolidation, form: ResolvedForm, named: Record<string, string>): SheetModel {
  return metaSheet({
    formId: form.id,
    formVersion: form.version,
    fingerprint: formFingerprint(form.definition),
    unitCode: c.collector.code,
    kind: "summary",
    names: form.names.map((n) => [n, nameRef(SUMMARY_SHEET, named[n])] as const),
  });
}
