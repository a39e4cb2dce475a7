/**
 * A workbook in memory that holds given values at named cells, laid out like the template (code
 * in column A, total in D, female in E, narratives in C, header fields at the top), with an
 * optional metadata sheet: lets a test run the real inspection step on values without a file.
 */
import type { ResolvedForm } from "../../src/form/resolve";
import type { CellValue } from "../../src/workbook/cell-value";
import { META_KEYS, META_SHEET } from "../../src/workbook/contract";
import { metaFromSheet } from "../../src/workbook/meta";
import { key, type SheetData } from "../../src/workbook/sheet-data";
import type { NameDef, WorkbookSnapshot } from "../../src/workbook/snapshot";

export interface ValuesMeta {
  formId?: string;
  formVersion?: string;
  unitCode?: string | null;
  kind?: string | null;
}

const SHEET = "Báo cáo";
const PART_COL = { total: 4, female: 5, value: 4 } as const;

/** Names → cells: header fields on rows 1…, indicators one per row below (code in column A). */
function layout(form: ResolvedForm): Map<string, { row: number; col: number; code: string | null }> {
  const at = new Map<string, { row: number; col: number; code: string | null }>();
  let row = 1;
  for (const f of form.fields) at.set(f.name, { row: row++, col: 3, code: null });
  row++;
  for (const ind of form.indicators) {
    for (const c of ind.cells)
      at.set(c.name, { row, col: ind.kind === "text" ? 3 : PART_COL[c.part], code: ind.code });
    row++;
  }
  return at;
}

export function valuesSnapshot(
  form: ResolvedForm,
  values: ReadonlyMap<string, CellValue>,
  meta: ValuesMeta | null = null
): WorkbookSnapshot {
  const report: SheetData = { cells: new Map(), merges: [] };
  const names = new Map<string, NameDef>();
  for (const [name, p] of layout(form)) {
    names.set(name.toUpperCase(), {
      ref: `'${SHEET}'!$${String.fromCharCode(64 + p.col)}$${p.row}`,
      scope: null,
    });
    if (p.code) report.cells.set(key(p.row, 1), { type: "text", text: p.code });
    const v = values.get(name);
    if (v && v.type !== "blank") report.cells.set(key(p.row, p.col), v);
  }
  const sheets = [{ name: SHEET, visible: true }];
  let metaSheet: SheetData | null = null;
  if (meta) {
    metaSheet = { cells: new Map(), merges: [] };
    const rows: [string, string | null | undefined][] = [
      [META_KEYS.formId, meta.formId ?? form.id],
      [META_KEYS.formVersion, meta.formVersion ?? form.version],
      [META_KEYS.unitCode, meta.unitCode],
      [META_KEYS.kind, meta.kind ?? "template"],
    ];
    rows.forEach(([k, v], i) => {
      metaSheet!.cells.set(key(i + 1, 1), { type: "text", text: k });
      if (v) metaSheet!.cells.set(key(i + 1, 2), { type: "text", text: v });
    });
    sheets.push({ name: META_SHEET, visible: false });
  }
  const byName = (s: string): SheetData | null =>
    s.toUpperCase() === SHEET.toUpperCase() ? report : s.toUpperCase() === META_SHEET ? metaSheet : null;
  return {
    sheets,
    names,
    cells: byName,
    part: byName,
    meta: () => (metaSheet ? metaFromSheet(metaSheet) : null),
    date1904: false,
  };
}
