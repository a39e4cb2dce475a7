/**
 * Validate in place, the reading half: the report's input values from the open workbook in two
 * syncs, then the rule engine.
 *   sync 1: workbook names (name, type, value), the sheet list (id, name, visibility) and the
 *           add-in's marks record (settings);
 *   sync 2: used range (values, valueTypes, address) of the metadata sheet and of the sheets
 *           the names point at (plus the visible sheets when some name is missing: code column).
 * Names move with their cells in Excel, so a renamed report sheet or inserted rows still work.
 * Locating is the file reader's own (src/xlsx/locate.ts via ./locate.ts): names, metadata map,
 * code column and header labels.
 */
import type { ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import { evaluateReport, type Evaluation } from "../validate/engine";
import type { CellValue } from "../validate/cell-value";
import type { FoundVia, LocatedCell } from "../xlsx/read-result";
import {
  cellAt,
  locate,
  locatedAddress,
  sheetsToLoad,
  type GridWorkbook,
  type Meta,
  type SheetGrid,
} from "./locate";
import { missingCellIssues } from "../xlsx/locate";
import { MARKS_SETTING, parseMarkRecord, type MarkRecord } from "./marks-record";
import type { ExcelHost } from "./host";

export interface SheetRef {
  id: string;
  name: string;
}

export interface ExcelReportRead {
  ok: true;
  meta: Meta | null;
  /** The sheet most inputs are on (may have been renamed). */
  sheetName: string;
  values: Map<string, CellValue>;
  /** Where each value was found: sheet-qualified address (`'Báo cáo'!D14`) and how. */
  cells: Map<string, LocatedCell>;
  via: FoundVia;
  evaluation: Evaluation;
  /** Every worksheet (for marking and for clearing marks on sheets marked earlier). */
  sheets: (SheetRef & { visibility: string })[];
  /** The marks the add-in left in this workbook (persisted), if any. */
  marks: MarkRecord | null;
  /** Names of the form present in the workbook but pointing nowhere (#REF!). */
  brokenNames: string[];
}

export interface ExcelReportNotFound {
  ok: false;
  reason: "notReport" | "otherForm" | "otherVersion";
  message: Text;
  sheets: (SheetRef & { visibility: string })[];
  marks: MarkRecord | null;
}

export type ExcelRead = ExcelReportRead | ExcelReportNotFound;

const t = (vi: string, en: string): Text => ({ vi, en });

/** Read and evaluate the report in the open workbook (2 syncs). */
export async function readOpenReport(host: ExcelHost, form: ResolvedForm): Promise<ExcelRead> {
  return host.run((ctx) => readReportIn(ctx, form));
}

export async function readReportIn(ctx: Excel.RequestContext, form: ResolvedForm): Promise<ExcelRead> {
  const wb = ctx.workbook;
  // ---- sync 1
  const names = wb.names.load("items/name,items/type,items/value");
  const sheetColl = wb.worksheets.load("items/id,items/name,items/visibility");
  const marksSetting = wb.settings.getItemOrNullObject(MARKS_SETTING);
  marksSetting.load("value");
  await ctx.sync();

  const sheets = sheetColl.items.map((s) => ({ id: s.id, name: s.name, visibility: String(s.visibility) }));
  let marks: MarkRecord | null = null;
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced above; the rule does not follow *OrNullObject proxies
  if (!marksSetting.isNullObject) marks = parseMarkRecord(marksSetting.value);
  const nameMap = new Map<string, string>();
  for (const n of names.items) {
    if (n.type === "Range" || n.type === "Error") nameMap.set(n.name, String(n.value));
  }

  // ---- sync 2
  const toLoad = sheetsToLoad(form, nameMap, sheets);
  const ranges = toLoad.map((name) => {
    const r = wb.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,values,valueTypes");
    return { name, r };
  });
  await ctx.sync();

  const grids = new Map<string, SheetGrid>();
  for (const { name, r } of ranges) {
    if (r.isNullObject) continue;
    grids.set(name, {
      name,
      rowIndex: r.rowIndex,
      columnIndex: r.columnIndex,
      values: r.values,
      valueTypes: r.valueTypes as string[][],
    });
  }
  const loaded: GridWorkbook = { names: nameMap, sheets: grids, sheetList: sheets };
  const loc = locate(form, loaded);
  const meta = loc.meta;
  if (meta?.formId && meta.formId.toUpperCase() !== form.id.toUpperCase()) {
    return {
      ok: false,
      reason: "otherForm",
      message: t(
        `Bảng tính này là báo cáo theo mẫu ${meta.formId}, không phải mẫu ${form.id}`,
        `This workbook is a report of form ${meta.formId}, not ${form.id}`
      ),
      sheets,
      marks,
    };
  }
  if (meta?.formVersion && meta.formVersion !== form.version) {
    return {
      ok: false,
      reason: "otherVersion",
      message: t(
        `Bảng tính theo phiên bản ${meta.formVersion} của mẫu, phần bổ trợ dùng phiên bản ${form.version}: hãy dùng mẫu mới`,
        `The workbook uses version ${meta.formVersion} of the form; the add-in uses ${form.version}: use the new template`
      ),
      sheets,
      marks,
    };
  }
  if (loc.located.size === 0) {
    return {
      ok: false,
      reason: "notReport",
      message: t(
        "Không tìm thấy báo cáo trong bảng tính này (không có tên ô, trang _BDG_META hay cột mã số): hãy mở tệp báo cáo, hoặc tạo mẫu ở mục Mẫu báo cáo",
        "No report found in this workbook (no cell names, no _BDG_META sheet, no code column): open a report file, or make a template under Template"
      ),
      sheets,
      marks,
    };
  }

  const values = new Map<string, CellValue>();
  const cells = new Map<string, LocatedCell>();
  const viaCount = new Map<FoundVia, number>();
  for (const name of form.names) {
    const l = loc.located.get(name);
    if (!l) continue;
    // a header field written "Label: value" in one cell comes with its value
    values.set(name, l.value ?? cellAt(grids.get(l.sheet), l.pos.row - 1, l.pos.col - 1));
    cells.set(name, { address: locatedAddress(l), via: l.via });
    viaCount.set(l.via, (viaCount.get(l.via) ?? 0) + 1);
  }
  let via: FoundVia = "name";
  let best = -1;
  for (const [k, n] of viaCount) {
    if (n > best) {
      via = k;
      best = n;
    }
  }

  const evaluation = evaluateReport(form, values);
  evaluation.issues.unshift(...missingCellIssues(form, (n) => values.has(n), false));
  return {
    ok: true,
    meta,
    sheetName: loc.sheetName ?? "",
    values,
    cells,
    via,
    evaluation,
    sheets,
    marks,
    brokenNames: loc.brokenNames,
  };
}

/** Inputs the add-in could not find at all (deleted names and code rows). */
