/**
 * A header field (unit, year, report date, preparer…) found by the label in front of it, as
 * an officer would find it: the template's own layout, a copy that lost its names, a sheet
 * typed by hand.
 */
import { cellText, isBlank, type CellValue } from "./cell-value";
import type { CellPos } from "./address";
import { norm, stripColon, type CodeLayout } from "./code-layout";
import { colOf, key, mergeAt, rowOf, type SheetData } from "./sheet-data";

/** The cell holding the content shown at a position: the top-left cell of a merged range covering it. */
function contentAt(sh: SheetData, row: number, col: number): CellPos {
  const m = mergeAt(sh, row, col);
  return m ? { row: m.r1, col: m.c1 } : { row, col };
}

const FIELD_ALIASES: Record<string, string[]> = { unit: ["đơn vị"] };

/** The same labels come back in every file of a form: each answer is computed once (bounded). */
const labelMemo = new Map<string, boolean>();
const LABEL_MEMO_LIMIT = 10_000;

/** Whether a cell's text is the label of a header field ("Năm báo cáo (*):", "NGƯỜI LẬP BIỂU"). */
export function isFieldLabel(text: string, fieldKey: string, label: string): boolean {
  const memoKey = `${fieldKey}\u0000${label}\u0000${text}`;
  const hit = labelMemo.get(memoKey);
  if (hit !== undefined) return hit;
  const found = matchFieldLabel(text, fieldKey, label);
  if (labelMemo.size >= LABEL_MEMO_LIMIT) labelMemo.clear();
  labelMemo.set(memoKey, found);
  return found;
}

function matchFieldLabel(text: string, fieldKey: string, label: string): boolean {
  const n = norm(text);
  const bare = stripColon(n.replace(/\(\*\)/g, "").trim());
  return [norm(label), ...(FIELD_ALIASES[fieldKey] ?? [])].some((a) => bare === a || n.startsWith(`${a}:`));
}

/**
 * A header field by its label. "Label: value" in one cell; a label ending with ":" → the first
 * cell right of it (after its merge) unless that is another label; a title without colon (the
 * signature block: "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", then the name) → the first filled
 * cell below it that is not a note in parentheses.
 */
export function locateField(
  sh: SheetData,
  fieldKey: string,
  label: string,
  layout: CodeLayout
): { pos: CellPos; value?: CellValue } | null {
  const aliases = [norm(label), ...(FIELD_ALIASES[fieldKey] ?? [])];
  const lastCodeRow = Math.max(...layout.codeRows.values());
  let found: { row: number; col: number; inline: string | null; colon: boolean } | null = null;
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
    const r = rowOf(k);
    if (layout.headerRow !== null && r >= layout.headerRow && r <= lastCodeRow) continue;
    const n = norm(v.text);
    const bare = stripColon(n.replace(/\(\*\)/g, "").trim());
    let inline: string | null = null;
    let match = false;
    for (const a of aliases) {
      if (bare === a) match = true;
      else if (n.startsWith(`${a}:`)) {
        match = true;
        const colon = v.text.indexOf(":");
        inline = colon >= 0 ? v.text.slice(colon + 1).trim() || null : null;
      }
      if (match) break;
    }
    if (!match) continue;
    const c = colOf(k);
    if (found && (r > found.row || (r === found.row && c > found.col))) continue;
    found = { row: r, col: c, inline, colon: /[:：]\s*$/.test(v.text) || inline !== null };
  }
  if (!found) return null;
  if (found.inline)
    return { pos: { row: found.row, col: found.col }, value: { type: "text", text: found.inline } };
  const merge = (sh.merges ?? []).find((m) => m.r1 === found!.row && m.c1 === found!.col);
  if (found.colon) {
    const first = (merge ? merge.c2 : found.col) + 1;
    let bestCol: number | null = null;
    for (const [k, v] of sh.cells) {
      if (rowOf(k) !== found.row) continue;
      const c = colOf(k);
      if (c < first || isBlank(v)) continue; // a date cell is filled too
      if (bestCol === null || c < bestCol) bestCol = c;
    }
    if (bestCol !== null) {
      const v = sh.cells.get(key(found.row, bestCol));
      if (!(v && v.type === "text" && /[:：]\s*$/.test(v.text)))
        return { pos: { row: found.row, col: bestCol } };
    }
    return { pos: { row: found.row, col: first } };
  }
  for (let r = found.row + 1; r <= found.row + 5; r++) {
    const at = contentAt(sh, r, found.col);
    const text = cellText(sh.cells.get(key(at.row, at.col))).trim();
    if (text && !text.startsWith("(")) return { pos: at };
  }
  return { pos: { row: found.row + 3, col: found.col } };
}
