/**
 * One input by the report table's code column (indicators) or by its label (header fields): how
 * a copy that lost its names and metadata sheet is still read — a values-only copy pasted into a
 * new workbook, a sheet re-typed by hand.
 */
import type { ResolvedForm } from "../form/resolve";
import type { CellPos } from "./address";
import { cellText, type CellValue } from "./cell-value";
import type { CodeLayout } from "./code-layout";
import { locateField } from "./locate-field";
import { isLabelOf } from "./row-evidence";
import { colOf, rowOf, type SheetData } from "./sheet-data";

export function locateByCode(
  sh: SheetData,
  form: ResolvedForm,
  layout: CodeLayout,
  name: string
): { pos: CellPos; value?: CellValue } | null {
  const target = form.byName.get(name);
  if (!target) return null;
  if (target.type === "field") return locateField(sh, target.field.key, target.field.label.vi, layout);
  const ind = target.indicator;
  const row = layout.codeRows.get(ind.code);
  if (row === undefined) return null;
  if (ind.kind === "text") return narrativeCell(sh, form, layout, row, ind.code);
  const col = target.part === "female" ? layout.femaleCol : layout.totalCol;
  return col !== null ? { pos: { row, col } } : null;
}

/**
 * A narrative's cell: the first filled cell right of the code that is not the indicator's own
 * label (the template writes it in the "Đơn vị tính" column, merged to the right; a values-only
 * copy keeps the text in that first column and drops the merge). Blank: the template's column.
 */
function narrativeCell(
  sh: SheetData,
  form: ResolvedForm,
  layout: CodeLayout,
  row: number,
  code: string
): { pos: CellPos } | null {
  let bestCol: number | null = null;
  for (const [k, v] of sh.cells) {
    if (rowOf(k) !== row) continue;
    const c = colOf(k);
    const text = cellText(v).trim();
    if (c <= layout.codeCol || !text || (v.type === "text" && isLabelOf(form, text, code))) continue;
    if (bestCol === null || c < bestCol) bestCol = c;
  }
  if (bestCol !== null) return { pos: { row, col: bestCol } };
  const labels = layout.labelCols.filter((c) => c > layout.codeCol);
  const col = labels.length ? Math.min(...labels) + 1 : layout.totalCol;
  return col !== null ? { pos: { row, col } } : null;
}
