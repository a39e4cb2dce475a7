/**
 * "Dùng biểu mẫu trong sổ này": the form definition sheets of the open workbook
 * (docs/FORM-DEFINITION.md) read through Office.js and checked by the same reader as a file
 * (src/definition/read.ts), so that the add-in and `--form DEF.xlsx` cannot disagree.
 *   sync 1: the sheet list (id, name) and the add-in's marks record (settings);
 *   sync 2: the used range (values, value types, position) of each definition sheet present.
 * The problems are marked in place with the report's machinery (marks.ts: conditional formats
 * that never touch the officer's own formatting): 2 more syncs; a definition without problems
 * clears the marks left by an earlier reading.
 */
import { SHEET_INFO, TABLES } from "../definition/format";
import { readDefinition, type DefinitionProblem, type DefinitionRead } from "../definition/read";
import { qualified } from "../workbook/address";
import type { SheetData } from "../workbook/sheet-data";
import { toSheetData } from "./grid-snapshot";
import type { ExcelHost } from "./host";
import { markCells, type MarkTarget } from "./marks";
import { MARKS_SETTING, parseMarkRecord, type MarkRecord } from "./marks-record";
import type { SheetRef } from "./read-report";

/** The sheets a definition workbook holds data on (the guide sheet is not read). */
export const DEFINITION_SHEETS: readonly string[] = [SHEET_INFO, ...TABLES.map((t) => t.sheet)];

export interface OpenDefinition {
  /** The reader's verdict; null when the workbook holds none of the definition sheets. */
  read: DefinitionRead | null;
  sheets: SheetRef[];
  marks: MarkRecord | null;
}

const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** Read the definition sheets of the open workbook (2 syncs). Marks nothing. */
export async function readOpenDefinition(host: ExcelHost): Promise<OpenDefinition> {
  return host.run(async (ctx) => {
    const wb = ctx.workbook;
    // ---- sync 1
    const coll = wb.worksheets.load("items/id,items/name");
    const setting = wb.settings.getItemOrNullObject(MARKS_SETTING);
    setting.load("value");
    await ctx.sync();
    const sheets = coll.items.map((s) => ({ id: s.id, name: s.name }));
    let marks: MarkRecord | null = null;
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced above; the rule does not follow *OrNullObject proxies
    if (!setting.isNullObject) marks = parseMarkRecord(setting.value);

    const present = DEFINITION_SHEETS.flatMap((name) => {
      const ref = sheets.find((s) => same(s.name, name));
      return ref ? [{ name, ref }] : [];
    });
    if (present.length === 0) return { read: null, sheets, marks };

    // ---- sync 2
    const ranges = present.map(({ name, ref }) => {
      const r = wb.worksheets.getItem(ref.id).getUsedRangeOrNullObject(true);
      r.load("rowIndex,columnIndex,values,valueTypes");
      return { name, r };
    });
    await ctx.sync();

    const data = new Map<string, SheetData>();
    for (const { name, r } of ranges) {
      const sheet: SheetData = r.isNullObject
        ? { cells: new Map(), merges: [] }
        : toSheetData({
            name,
            rowIndex: r.rowIndex,
            columnIndex: r.columnIndex,
            values: r.values,
            valueTypes: r.valueTypes as string[][],
            mergedAreas: "",
          });
      data.set(name.toUpperCase(), sheet);
    }
    const read = readDefinition((name) => data.get(name.toUpperCase()) ?? null);
    return { read, sheets, marks };
  });
}

/**
 * The cell to mark for a problem: its own cell, the row's first cell when the whole entry is at
 * fault, none for a problem of a whole sheet or of the form.
 */
export function problemAddress(p: DefinitionProblem): string | null {
  if (p.row === null) return null;
  return qualified(p.sheet, { row: p.row, col: p.col ?? 1 });
}

export function problemTargets(problems: readonly DefinitionProblem[]): MarkTarget[] {
  const seen = new Set<string>();
  const out: MarkTarget[] = [];
  for (const p of problems) {
    const address = problemAddress(p);
    if (address === null || seen.has(address)) continue;
    seen.add(address);
    out.push({ address, severity: "error" });
  }
  return out;
}

/**
 * Marks the problems of a reading in place, or clears earlier marks when there are none (2 syncs;
 * nothing at all when there is nothing to mark and nothing was marked before). The marks record
 * is the report check's (one per workbook): a check or "Xóa đánh dấu" clears these marks too.
 */
export async function markDefinition(host: ExcelHost, open: OpenDefinition): Promise<MarkRecord | null> {
  // Not a definition workbook: marks left by a report check in it stay.
  if (open.read === null) return open.marks;
  const targets = open.read.ok ? [] : problemTargets(open.read.problems);
  if (targets.length === 0 && open.marks === null) return null;
  return markCells(host, targets, { sheets: open.sheets, record: open.marks });
}
