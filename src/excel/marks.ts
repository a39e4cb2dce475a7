/**
 * Marking bad cells without touching the officer's formatting: every mark is a conditional
 * format (custom rule, ExcelApi 1.6) whose formula carries a sentinel, so
 *  - the cell's own fill, font and borders are never written: clearing a mark (deleting exactly
 *    our conditional formats) shows what was there, by construction;
 *  - our formats are recognised by their formula, also after a reload or inserted rows (the
 *    formats move with the cells; the addresses we stored do not matter for clearing).
 * Errors and warnings look different (red / amber). A protected sheet without a password is
 * unprotected for the write and protected again with the same options in the same request.
 *
 * Marks write no cell values, so they do not open the own-writes window (own-writes.ts): an
 * officer's edit made right after a check is never taken for ours and re-checked as usual.
 *
 * Syncs: mark = 2 (load our formats + protection on the sheets concerned; delete + add + save the
 * record), clear = 2; +1 each when called without the sheet list from a read (after a reload).
 * selectCell = 1.
 */
import type { Severity, Text } from "../form/schema";
import type { Issue } from "../validate/issue";
import { parseRange, splitSheet } from "../workbook/address";
import type { ExcelHost } from "./host";
import { MARKS_SETTING, parseMarkRecord, type MarkRecord } from "./marks-record";
import type { SheetRef } from "./read-report";

export const MARK_SENTINEL: Record<Severity, string> = {
  error: '=AND(TRUE,"BDG-ERR"="BDG-ERR")',
  warning: '=AND(TRUE,"BDG-WARN"="BDG-WARN")',
};

export const MARK_STYLE: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#7F6000" },
};

/** Is this conditional-format formula one of ours? */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return !!formula && /"BDG-(ERR|WARN)"="BDG-(ERR|WARN)"/.test(formula);
}

export interface MarkTarget {
  /** Sheet-qualified cell address, e.g. `'Báo cáo'!D14`. */
  address: string;
  severity: Severity;
}

/** Which cells to mark: one per cell, an error wins over a warning. Issues without a located cell are skipped. */
export function markTargets(
  issues: readonly Issue[],
  cells: ReadonlyMap<string, { address: string }>
): MarkTarget[] {
  const by = new Map<string, Severity>();
  for (const i of issues) {
    if (!i.cell) continue;
    const addr = cells.get(i.cell)?.address;
    if (!addr) continue;
    if (by.get(addr) !== "error") by.set(addr, i.severity);
  }
  return [...by].map(([address, severity]) => ({ address, severity }));
}

export interface MarkState {
  /** Existing worksheets (id, name), e.g. from the read. */
  sheets: SheetRef[];
  /** The record of marks left earlier (from the read's settings, or memory). */
  record: MarkRecord | null;
}

export class MarkError extends Error {
  constructor(
    readonly text: Text,
    readonly cause?: unknown
  ) {
    super(`${text.vi} / ${text.en}`);
    this.name = "MarkError";
  }
}

const PROTECTED_MSG: Text = {
  vi: "Không đánh dấu được ô: trang tính đang được bảo vệ bằng mật khẩu. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi kiểm tra lại.",
  en: "Could not mark cells: the sheet is protected with a password. Unprotect it (Review → Unprotect Sheet) and validate again.",
};

async function knownState(ctx: Excel.RequestContext, state: MarkState | undefined): Promise<MarkState> {
  if (state) return state;
  const coll = ctx.workbook.worksheets.load("items/id,items/name");
  const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  await ctx.sync();
  let record: MarkRecord | null = null;
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced above; the rule does not follow *OrNullObject proxies
  if (!setting.isNullObject) record = parseMarkRecord(setting.value);
  return { sheets: coll.items.map((s) => ({ id: s.id, name: s.name })), record };
}

interface SheetScan {
  sheet: SheetRef;
  ws: Excel.Worksheet;
  cfs: Excel.ConditionalFormatCollection;
  protection: Excel.WorksheetProtection;
}

/** Queue the load of every conditional format and the protection of each sheet. */
function scan(ctx: Excel.RequestContext, sheets: SheetRef[]): SheetScan[] {
  return sheets.map((sheet) => {
    const ws = ctx.workbook.worksheets.getItem(sheet.id);
    const cfs = ws.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
    const protection = ws.protection.load("protected,options");
    return { sheet, ws, cfs, protection };
  });
}

function ours(s: SheetScan): Excel.ConditionalFormat[] {
  return s.cfs.items.filter(
    (cf) =>
      cf.type === "Custom" &&
      !cf.customOrNullObject.isNullObject &&
      isMarkFormula(cf.customOrNullObject.rule.formula)
  );
}

/** Run `write` on a sheet, unprotecting and re-protecting it around it when needed. */
function withUnprotected(s: SheetScan, write: () => void): void {
  const wasProtected = s.protection.protected;
  if (wasProtected) s.protection.unprotect();
  write();
  if (wasProtected) s.protection.protect(s.protection.options);
}

function sheetsById(ids: Iterable<string>, existing: SheetRef[]): SheetRef[] {
  const want = new Set(ids);
  return existing.filter((s) => want.has(s.id));
}

/**
 * Clear earlier marks and mark `targets` (2 syncs with `state`, 3 without). Returns the new record.
 */
export async function markCells(
  host: ExcelHost,
  targets: readonly MarkTarget[],
  state?: MarkState
): Promise<MarkRecord> {
  return host.run(async (ctx) => {
    const st = await knownState(ctx, state);
    // Targets by sheet.
    const bySheet = new Map<
      string,
      { sheet: SheetRef; cells: { local: string; severity: Severity; address: string }[] }
    >();
    for (const t of targets) {
      const { sheet, local } = splitSheet(t.address);
      const ref =
        sheet === null ? undefined : st.sheets.find((s) => s.name.toUpperCase() === sheet.toUpperCase());
      if (!ref || !parseRange(local)) continue;
      const entry = bySheet.get(ref.id) ?? { sheet: ref, cells: [] };
      entry.cells.push({ local, severity: t.severity, address: t.address });
      bySheet.set(ref.id, entry);
    }
    // Nothing to mark and nothing marked before: no request at all.
    if (!bySheet.size && !st.record) return { v: 1, sheetIds: [], cells: [] };
    const involved = sheetsById(new Set([...(st.record?.sheetIds ?? []), ...bySheet.keys()]), st.sheets);
    // ---- sync: our formats and protection on every sheet concerned
    const scans = scan(ctx, involved);
    await ctx.sync();
    // ---- sync: delete ours, add the new ones, save the record
    for (const s of scans) {
      const old = ours(s);
      const add = bySheet.get(s.sheet.id)?.cells ?? [];
      if (!old.length && !add.length) continue;
      withUnprotected(s, () => {
        for (const cf of old) cf.delete();
        for (const c of add) {
          const cf = s.ws.getRange(c.local).conditionalFormats.add("Custom");
          cf.custom.rule.formula = MARK_SENTINEL[c.severity];
          cf.custom.format.fill.color = MARK_STYLE[c.severity].fill;
          cf.custom.format.font.color = MARK_STYLE[c.severity].font;
        }
      });
    }
    const record: MarkRecord = {
      v: 1,
      sheetIds: [...bySheet.keys()],
      cells: [...bySheet.values()].flatMap((e) => e.cells.map((c) => c.address)),
    };
    if (record.cells.length) ctx.workbook.settings.add(MARKS_SETTING, JSON.stringify(record));
    else if (st.record) ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING).delete();
    try {
      await ctx.sync();
    } catch (e) {
      if (scans.some((s) => s.protection.protected)) throw new MarkError(PROTECTED_MSG, e);
      throw e;
    }
    return record;
  });
}

/** Validate-in-place convenience: the targets of `issues` at the cells a read located. */
export async function markIssues(
  host: ExcelHost,
  issues: readonly Issue[],
  read: { cells: ReadonlyMap<string, { address: string }>; sheets: SheetRef[]; marks: MarkRecord | null }
): Promise<MarkRecord> {
  return markCells(host, markTargets(issues, read.cells), { sheets: read.sheets, record: read.marks });
}

/** Remove every mark of ours (2 syncs with `state`, 3 without). The officer's formatting is untouched. */
export async function clearMarks(host: ExcelHost, state?: MarkState): Promise<void> {
  return markCells(host, [], state).then(() => undefined);
}

/** Activate the cell's sheet and select the cell (1 sync). */
export async function selectCell(host: ExcelHost, address: string): Promise<void> {
  const { sheet, local } = splitSheet(address);
  if (sheet === null) throw new Error(`Địa chỉ thiếu tên trang / address without a sheet: ${address}`);
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(local).select();
    await ctx.sync();
  });
}
