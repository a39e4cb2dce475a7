/**
 * Does the row of a cell still say which indicator it belongs to? A position that came from a
 * defined name or from the metadata sheet's map is trusted only when the row itself agrees: the
 * code column (or, without codes, the indicator's label) left of the cell names that indicator.
 * Deleted, moved or sorted rows leave a name or a stored address pointing at a neighbour's row;
 * this is what catches them.
 */
import type { ResolvedForm } from "../form/resolve";
import { codeOf, norm } from "./code-layout";
import { colOf, rowOf, type SheetData } from "./sheet-data";

export type RowVerdict =
  | { type: "verified" }
  /** The row names another indicator (by code or label). */
  | { type: "contradicted"; other: string }
  /** Nothing left of the cell names any indicator. */
  | { type: "unverifiable" };

interface LabelEntry {
  code: string;
  label: string;
}

const labelIndexes = new WeakMap<ResolvedForm, LabelEntry[]>();

/** Indicators' labels, normalised, longest first (so a label that extends another wins). */
function labelIndex(form: ResolvedForm): LabelEntry[] {
  let idx = labelIndexes.get(form);
  if (!idx) {
    idx = form.indicators
      .map((i) => ({ code: i.code, label: norm(i.label.vi) }))
      .filter((e) => e.label.length >= 4)
      .sort((a, b) => b.label.length - a.label.length);
    labelIndexes.set(form, idx);
  }
  return idx;
}

/** The indicator whose label a text begins with (the template may add a note after it). */
function labelCode(form: ResolvedForm, text: string): string | null {
  const n = norm(text);
  for (const e of labelIndex(form)) if (n.startsWith(e.label)) return e.code;
  return null;
}

const rowIndexes = new WeakMap<SheetData, Map<number, [number, string][]>>();

/** The text cells of each row, by column (built once per sheet). */
function textsByRow(sh: SheetData): Map<number, [number, string][]> {
  let idx = rowIndexes.get(sh);
  if (!idx) {
    idx = new Map();
    for (const [k, v] of sh.cells) {
      if (v.type !== "text") continue;
      const r = rowOf(k);
      const list = idx.get(r) ?? [];
      list.push([colOf(k), v.text]);
      idx.set(r, list);
    }
    rowIndexes.set(sh, idx);
  }
  return idx;
}

/** What the cells left of (row, col) say about the indicator `code`. */
export function verifyRow(
  sh: SheetData,
  row: number,
  col: number,
  code: string,
  form: ResolvedForm
): RowVerdict {
  const texts = (textsByRow(sh).get(row) ?? []).filter(([c]) => c < col);
  const codes = texts.map(([, t]) => codeOf(t, form.byCode)).filter((c): c is string => c !== null);
  if (codes.includes(code)) return { type: "verified" };
  if (codes.length) return { type: "contradicted", other: codes[0] };
  const labels = texts.map(([, t]) => labelCode(form, t)).filter((c): c is string => c !== null);
  if (labels.includes(code)) return { type: "verified" };
  if (labels.length) return { type: "contradicted", other: labels[0] };
  return { type: "unverifiable" };
}

/** Whether a text cell is the label of indicator `code` (narratives are searched right of it). */
export function isLabelOf(form: ResolvedForm, text: string, code: string): boolean {
  return labelCode(form, text) === code;
}
