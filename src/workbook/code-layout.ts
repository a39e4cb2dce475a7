/**
 * The report table's shape on a sheet, found from its text alone: the code column ("Mã số"
 * header, else the column holding most indicator codes), the row of each indicator code, and
 * the "Tổng số" / "Trong đó nữ" value columns. It locates values in a copy that lost its names
 * and metadata, and it verifies positions that came from elsewhere.
 */
import type { ResolvedForm } from "../form/resolve";
import type { CellPos } from "./address";
import { COLUMN_HEADERS } from "./contract";
import { colOf, rowOf, type SheetData } from "./sheet-data";

/**
 * Lower case, NFC, single spaces. Short texts are remembered: the same labels come back in every
 * file. Normalised texts are compared with labels and headers (equal, or starting with one): of a
 * text longer than any label only the beginning is normalised, followed by a character no label
 * holds, so that a pasted megabyte costs no more than a label.
 */
export function norm(s: string): string {
  if (s.length > NORM_MAX) return `${norm(s.slice(0, NORM_MAX))}\u0000`;
  const hit = NORMS.get(s);
  if (hit !== undefined) return hit;
  const n = s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  if (s.length <= 256) {
    if (NORMS.size >= 8192) NORMS.clear();
    NORMS.set(s, n);
  }
  return n;
}
const NORMS = new Map<string, string>();
const NORM_MAX = 1024;
/** Candidate code texts, cleaned (the same few hundred come back in every file). */
const CODES = new Map<string, string>();

export interface CodeLayout {
  codeCol: number;
  headerRow: number | null;
  totalCol: number | null;
  femaleCol: number | null;
  /** Columns never holding an indicator's value (label, unit of measure). */
  labelCols: number[];
  /** The row of each indicator code found in the code column (the first, when it is there twice). */
  codeRows: Map<string, number>;
  /** Codes found on several rows (e.g. a second copy of the table pasted below): rows in order. */
  repeatedCodes: Map<string, number[]>;
}

export function codeOf(text: string, byCode: ReadonlyMap<string, unknown>): string | null {
  if (text.length > 24) return null; // a label, a title: never a code
  let s = CODES.get(text);
  if (s === undefined) {
    s = text.trim().replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
    if (CODES.size >= 8192) CODES.clear();
    CODES.set(text, s);
  }
  if (!s || s.length > 12) return null;
  return byCode.has(s) ? s : null;
}

const H_CODE = new Set([norm(COLUMN_HEADERS.code.vi), "ma so", "mã", norm(COLUMN_HEADERS.code.en)]);
const H_TOTAL = [norm(COLUMN_HEADERS.total.vi), "tong so", norm(COLUMN_HEADERS.total.en)];
const H_FEMALE = [
  norm(COLUMN_HEADERS.female.vi),
  "trong đó: nữ",
  "trong do nu",
  "nữ",
  norm(COLUMN_HEADERS.female.en),
  "female",
];
const H_GRAND_TOTAL = ["tổng cộng", "tong cong"];
const H_LABEL = [
  norm(COLUMN_HEADERS.indicator.vi),
  "nội dung",
  norm(COLUMN_HEADERS.unit.vi),
  "đvt",
  norm(COLUMN_HEADERS.indicator.en),
  norm(COLUMN_HEADERS.unit.en),
];

/** Longer texts are never the code column's header nor a code. */
const HEADER_MAX = 40;

export function stripColon(s: string): string {
  return s.replace(/[:：]\s*$/, "").trim();
}

/** Layouts already found, by sheet (sheets are never changed once read) and form. */
const LAYOUTS = new WeakMap<SheetData, Map<ResolvedForm, CodeLayout | null>>();

/**
 * Find the code column ("Mã số" header, else the column with most indicator codes) and the value
 * columns. Found once per sheet and form: sheets sharing one part (a workbook may list it under
 * many names) and the inspection's several looks at one sheet cost one pass. The result is shared:
 * read it, never change it.
 */
export function findCodeLayout(sh: SheetData, form: ResolvedForm): CodeLayout | null {
  let byForm = LAYOUTS.get(sh);
  if (!byForm) LAYOUTS.set(sh, (byForm = new Map()));
  let layout = byForm.get(form);
  if (layout === undefined) byForm.set(form, (layout = computeCodeLayout(sh, form)));
  return layout;
}

function computeCodeLayout(sh: SheetData, form: ResolvedForm): CodeLayout | null {
  const headers: CellPos[] = [];
  const codeCells = new Map<number, { row: number; code: string }[]>();
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
    // headers and codes are short: a long text (a label, a narrative) is neither
    if (v.text.length > HEADER_MAX) continue;
    const n = stripColon(norm(v.text));
    if (H_CODE.has(n)) headers.push({ row: rowOf(k), col: colOf(k) });
    const code = codeOf(v.text, form.byCode);
    if (code) {
      const c = colOf(k);
      const list = codeCells.get(c) ?? [];
      list.push({ row: rowOf(k), code });
      codeCells.set(c, list);
    }
  }
  let best: { col: number; headerRow: number | null; rows: Map<string, number> } | null = null;
  const below = (col: number, fromRow: number): { code: string; row: number }[] =>
    (codeCells.get(col) ?? []).filter((x) => x.row > fromRow).sort((a, b) => a.row - b.row);
  const rowsBelow = (col: number, fromRow: number): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of below(col, fromRow)) if (!m.has(x.code)) m.set(x.code, x.row);
    return m;
  };
  for (const h of headers) {
    const rows = rowsBelow(h.col, h.row);
    if (rows.size && (!best || rows.size > best.rows.size)) best = { col: h.col, headerRow: h.row, rows };
  }
  if (!best) {
    for (const col of codeCells.keys()) {
      const rows = rowsBelow(col, 0);
      if (rows.size >= 3 && (!best || rows.size > best.rows.size)) best = { col, headerRow: null, rows };
    }
  }
  if (!best) return null;
  // Header rows: the "Mã số" row and the two below it; or the five rows above the first code.
  const firstCodeRow = Math.min(...best.rows.values());
  const from = best.headerRow ?? Math.max(1, firstCodeRow - 5);
  const to = best.headerRow !== null ? Math.min(best.headerRow + 2, firstCodeRow - 1) : firstCodeRow - 1;
  const totalCols: number[] = [];
  const femaleCols: number[] = [];
  const labelCols: number[] = [];
  /** A summary has one Tổng số / Nữ pair per unit; its grand total sits under "TỔNG CỘNG". */
  let grandCol: number | null = null;
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
    const r = rowOf(k);
    if (r < from || r > to) continue;
    const n = stripColon(norm(v.text));
    const c = colOf(k);
    if (H_TOTAL.some((h) => n === h || n.startsWith(`${h} `) || n.startsWith(`${h}(`))) totalCols.push(c);
    else if (H_FEMALE.some((h) => n === h || n.startsWith(`${h} `))) femaleCols.push(c);
    else if (H_LABEL.some((h) => n === h || n.startsWith(h))) labelCols.push(c);
    else if (H_GRAND_TOTAL.includes(n)) grandCol = grandCol === null ? c : Math.min(grandCol, c);
  }
  const firstFrom = (cols: number[], min: number): number | null => {
    const after = cols.filter((c) => c >= min);
    return after.length ? Math.min(...after) : null;
  };
  const totalCol = firstFrom(totalCols, grandCol ?? 0);
  const femaleCol = firstFrom(femaleCols, totalCol ?? 0) ?? firstFrom(femaleCols, 0);
  const repeatedCodes = new Map<string, number[]>();
  for (const x of below(best.col, best.headerRow ?? 0)) {
    const list = repeatedCodes.get(x.code) ?? [];
    list.push(x.row);
    repeatedCodes.set(x.code, list);
  }
  for (const [code, rows] of repeatedCodes) if (rows.length < 2) repeatedCodes.delete(code);
  return {
    codeCol: best.col,
    headerRow: best.headerRow,
    totalCol,
    femaleCol,
    labelCols,
    codeRows: best.rows,
    repeatedCodes,
  };
}
