/**
 * Validate in place, the reading half: the open workbook in two syncs, then the same inspection
 * step as a returned file (src/inspect) — so the add-in, `validate` and the merge cannot disagree.
 *   sync 1: workbook names (name, type, value), the sheet list (id, name, visibility) and the
 *           add-in's marks record (settings);
 *   sync 2: used range (values, valueTypes, position) of the metadata sheet, of the sheets the
 *           names point at and of the visible sheets (code column, other report sheets), with
 *           their merged areas where the host can list them (ExcelApi 1.13).
 * Names move with their cells in Excel, so a renamed report sheet or inserted rows still work.
 */
import type { ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import { inspectWorkbook } from "../inspect/inspect";
import type { Inspection, RejectReason } from "../inspect/types";
import { gridSnapshot, sheetsToLoad, type SheetGrid } from "./grid-snapshot";
import type { ExcelHost } from "./host";
import { MARKS_SETTING, parseMarkRecord, type MarkRecord } from "./marks-record";

export interface SheetRef {
  id: string;
  name: string;
}

type SheetList = (SheetRef & { visibility: string })[];

export type ExcelReportRead = Inspection & {
  /** Every worksheet (for marking and for clearing marks on sheets marked earlier). */
  sheets: SheetList;
  /** The marks the add-in left in this workbook (persisted), if any. */
  marks: MarkRecord | null;
};

export interface ExcelReportNotFound {
  ok: false;
  reason: RejectReason;
  message: Text;
  sheets: SheetList;
  marks: MarkRecord | null;
}

export type ExcelRead = ExcelReportRead | ExcelReportNotFound;

/** Read and inspect the report in the open workbook (2 syncs). */
export async function readOpenReport(host: ExcelHost, form: ResolvedForm): Promise<ExcelRead> {
  const withMerges = host.isSetSupported("ExcelApi", "1.13");
  return host.run((ctx) => readReportIn(ctx, form, withMerges));
}

export async function readReportIn(
  ctx: Excel.RequestContext,
  form: ResolvedForm,
  withMerges = false
): Promise<ExcelRead> {
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
  const toLoad = sheetsToLoad(form.names, nameMap, sheets);
  const ranges = toLoad.map((name) => {
    const r = wb.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,values,valueTypes");
    const merged = withMerges ? r.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { name, r, merged };
  });
  await ctx.sync();

  const grids = new Map<string, SheetGrid>();
  for (const { name, r, merged } of ranges) {
    if (r.isNullObject) continue;
    let mergedAreas: string | null = null;
    if (merged) mergedAreas = merged.isNullObject ? "" : merged.address;
    grids.set(name, {
      name,
      rowIndex: r.rowIndex,
      columnIndex: r.columnIndex,
      values: r.values,
      valueTypes: r.valueTypes as string[][],
      mergedAreas,
    });
  }
  const result = inspectWorkbook(form, gridSnapshot({ names: nameMap, sheets: grids, sheetList: sheets }));
  if (!result.ok) return { ok: false, reason: result.reason, message: result.message, sheets, marks };
  return { ...result, sheets, marks };
}
