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

/**
 * The indicators whose label a text begins with (the template may add a note after it): those
 * with the longest such label — several when a form gives two indicators the same label.
 */
function labelCodes(form: ResolvedForm, text: string): string[] {
  let memo = labelMemos.get(form);
  if (!memo) labelMemos.set(form, (memo = new Map()));
  const hit = memo.get(text);
  if (hit) return hit;
  const found = matchLabels(form, text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, found);
  return found;
}

/** The same texts come back in every file of a form (the template's labels): computed once. */
const labelMemos = new WeakMap<ResolvedForm, Map<string, string[]>>();
const MEMO_LIMIT = 10_000;

function matchLabels(form: ResolvedForm, text: string): string[] {
  const n = norm(text);
  const out: string[] = [];
  let len = 0;
  for (const e of labelIndex(form)) {
    if (e.label.length < len) break;
    if (n.startsWith(e.label)) {
      out.push(e.code);
      len = e.label.length;
    }
  }
  return out;
}

const rowIndexes = new WeakMap<SheetData, Map<number, [number, string][]>>();

/** The text cells of each row, by column (built once per sheet). */
export function textsByRow(sh: SheetData): Map<number, [number, string][]> {
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

/**
 * What the cells left of (row, col) say about the indicator `code`. Its code and its label must
 * not contradict each other: rows sorted without their code column keep the code of one
 * indicator next to the label (and value) of another.
 */
export function verifyRow(
  sh: SheetData,
  row: number,
  col: number,
  code: string,
  form: ResolvedForm
): RowVerdict {
  const texts = (textsByRow(sh).get(row) ?? []).filter(([c]) => c < col);
  const codes = texts.map(([, t]) => codeOf(t, form.byCode)).filter((c): c is string => c !== null);
  const labels = texts.map(([, t]) => labelCodes(form, t)).filter((l) => l.length > 0);
  const ownLabel = labels.some((l) => l.includes(code));
  const otherLabel = ownLabel ? undefined : labels[0]?.[0];
  const otherCode = codes.find((c) => c !== code);
  if (codes.includes(code))
    return otherLabel ? { type: "contradicted", other: otherLabel } : { type: "verified" };
  if (otherCode) return { type: "contradicted", other: otherCode };
  if (ownLabel) return { type: "verified" };
  if (otherLabel) return { type: "contradicted", other: otherLabel };
  return { type: "unverifiable" };
}

/** Whether a text cell is the label of indicator `code` (narratives are searched right of it). */
export function isLabelOf(form: ResolvedForm, text: string, code: string): boolean {
  return labelCodes(form, text).includes(code);
}
