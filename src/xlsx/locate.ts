/**
 * Locating a report's input cells in a workbook (pure: no I/O, no Office.js, no zip). One
 * algorithm for the file reader (src/xlsx/reader.ts) and the Office.js edge
 * (src/excel/read-report.ts), over a small snapshot interface each of them implements:
 * by defined name first, then the metadata sheet's name → address map, then the report
 * sheet's code column (indicators) and labels (header fields). docs/CONTRACT.md "The workbook contract".
 */
import type { ResolvedForm } from "../form/resolve";
import { COLUMN_HEADERS, META_KEYS, META_SHEET, REPORT_SHEET } from "../layout/contract";
import type { CellValue } from "../validate/cell-value";
import type { Issue } from "../validate/issue";
import { colOf, key, rowOf, valueAt, type SheetData } from "./ooxml";
import type { FoundVia } from "./read-result";
import { parseNameRef, type CellPos } from "./refs";

/** The metadata sheet (`_BDG_META`): keys in column A, values in column B, then the name map. */
export interface Meta {
  formId: string | null;
  formVersion: string | null;
  unitCode: string | null;
  kind: string | null;
  /** Upper-case name → address (`'Báo cáo'!$D$14`). Empty when only the keys were read. */
  names: Map<string, string>;
}

/** A defined name as the workbook holds it. */
export interface NameDef {
  /** Reference text: `'Báo cáo'!$D$14`, `=Sheet1!$A$1`, `#REF!`. */
  ref: string;
  /** The sheet of a sheet-scoped name (a reference without a sheet points there); null for workbook scope. */
  scope: string | null;
}

/**
 * What the locator needs to know about a workbook. Sheet names are matched case-insensitively
 * (as Excel does); implementations may load sheets lazily.
 */
export interface WorkbookSnapshot {
  /** Worksheets in tab order (missing parts and chart sheets left out). */
  sheets: readonly { name: string; visible: boolean }[];
  /** The form's defined names present in the workbook, by upper-case name (workbook scope preferred). */
  names: ReadonlyMap<string, NameDef>;
  /** Every non-blank cell of a sheet (1-based keys, see ooxml `key`), or null when not available. */
  cells(sheet: string): SheetData | null;
  /** The metadata sheet, or null without one. `withNames` false: the keys suffice (name map may be empty). */
  meta(withNames: boolean): Meta | null;
}

export interface Located {
  sheet: string;
  /** 1-based. */
  pos: CellPos;
  via: FoundVia;
  /** Value given directly (a header field written "Label: value" in one cell). */
  value?: CellValue;
}

export interface LocateResult {
  meta: Meta | null;
  located: Map<string, Located>;
  /** Form names defined in the workbook whose reference is broken (#REF!) or points nowhere. */
  brokenNames: string[];
  /** The sheet whose code column was used, if any. */
  codeSheet: string | null;
  /** The sheet most inputs are on (else the code sheet). */
  sheetName: string | null;
}

/** Lower case, NFC, single spaces. */
export function norm(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

export function cellText(v: CellValue | undefined): string {
  if (!v) return "";
  switch (v.type) {
    case "text":
      return v.text;
    case "number":
      return String(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    default:
      return "";
  }
}

/** The canonical name of a sheet of the snapshot (case-insensitive), or null. */
export function sheetOf(snap: WorkbookSnapshot, name: string | null): string | null {
  if (name === null) return null;
  const up = name.toUpperCase();
  for (const s of snap.sheets) if (s.name.toUpperCase() === up) return s.name;
  return null;
}

/** The metadata sheet's keys and name map from its cells (columns A and B, rows in order). */
export function metaFromSheet(sh: SheetData): Meta {
  const rows = new Map<number, [string, string]>();
  for (const [k, v] of sh.cells) {
    const c = colOf(k);
    if (c > 2) continue;
    const r = rowOf(k);
    const row = rows.get(r) ?? ["", ""];
    row[c - 1] = cellText(v).trim();
    rows.set(r, row);
  }
  const meta: Meta = { formId: null, formVersion: null, unitCode: null, kind: null, names: new Map() };
  let inNames = false;
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const [a, b] = rows.get(r)!;
    if (!a) continue;
    if (inNames) {
      if (b) meta.names.set(a.toUpperCase(), b);
      continue;
    }
    switch (a) {
      case META_KEYS.formId:
        meta.formId = b || null;
        break;
      case META_KEYS.formVersion:
        meta.formVersion = b || null;
        break;
      case META_KEYS.unitCode:
        meta.unitCode = b || null;
        break;
      case META_KEYS.kind:
        meta.kind = b || null;
        break;
      case META_KEYS.names:
        inNames = true;
        break;
      default:
        break;
    }
  }
  return meta;
}

/**
 * Locate every input of the form. `meta` is the snapshot's metadata keys (callers read it first
 * to reject another form before anything else); the name map is asked for only when some name
 * is missing or broken, and sheets' cells only for the code-column fallback.
 */
export function locate(
  form: ResolvedForm,
  snap: WorkbookSnapshot,
  meta: Meta | null = snap.meta(false)
): LocateResult {
  const located = new Map<string, Located>();
  const brokenNames: string[] = [];
  let fullMeta: Meta | null | undefined;
  const metaNames = (): Map<string, string> | undefined => {
    if (fullMeta === undefined) fullMeta = meta ? snap.meta(true) : null;
    return fullMeta?.names;
  };

  for (const name of form.names) {
    const up = name.toUpperCase();
    const def = snap.names.get(up);
    if (def) {
      const r = parseNameRef(def.ref);
      if (r.type === "cell") {
        const sheet = sheetOf(snap, r.sheet ?? def.scope);
        if (sheet !== null) {
          located.set(name, { sheet, pos: { row: r.row, col: r.col }, via: "name" });
          continue;
        }
      }
      brokenNames.push(name);
    }
    const addr = metaNames()?.get(up);
    if (addr) {
      const r = parseNameRef(addr);
      const sheet = r.type === "cell" ? sheetOf(snap, r.sheet) : null;
      if (r.type === "cell" && sheet !== null)
        located.set(name, { sheet, pos: { row: r.row, col: r.col }, via: "meta" });
    }
  }

  dropStaleMeta(form, snap, located);
  const missing = form.names.filter((n) => !located.has(n));
  let codeSheet: string | null = null;
  if (missing.length) {
    const known = mostCommon([...located.values()].map((l) => l.sheet));
    const candidates: string[] = [];
    const push = (n: string | null | undefined): void => {
      if (n && n.toUpperCase() !== META_SHEET.toUpperCase() && !candidates.includes(n)) candidates.push(n);
    };
    push(known);
    if (!known) {
      push(sheetOf(snap, REPORT_SHEET));
      for (const s of snap.sheets) if (s.visible) push(s.name);
      for (const s of snap.sheets) push(s.name);
    }
    for (const name of candidates) {
      const sh = snap.cells(name);
      if (!sh) continue;
      const layout = findCodeLayout(sh, form);
      if (!layout) continue;
      if (!known && layout.codeRows.size < Math.max(3, Math.ceil(form.indicators.length * 0.3))) continue;
      codeSheet = name;
      for (const n of missing) {
        const loc = locateByCode(sh, form, layout, n);
        if (loc) located.set(n, { sheet: name, ...loc, via: "code" });
      }
      break;
    }
  }
  const sheetName = mostCommon([...located.values()].map((l) => l.sheet)) ?? codeSheet;
  return { meta: fullMeta ?? meta, located, brokenNames, codeSheet, sheetName };
}

/**
 * The metadata map holds the addresses the template was made with. An application moves defined
 * names when rows are inserted, but not the text on the metadata sheet: when the names are gone
 * too, an indicator whose code is no longer on its mapped row proves the map stale, and every
 * value taken from it is dropped so the code column and the header labels locate them instead.
 */
function dropStaleMeta(form: ResolvedForm, snap: WorkbookSnapshot, located: Map<string, Located>): void {
  const viaMeta = [...located].filter(([, l]) => l.via === "meta");
  if (!viaMeta.length) return;
  const layouts = new Map<string, CodeLayout | null>();
  const layoutOf = (sheet: string): CodeLayout | null => {
    if (!layouts.has(sheet)) {
      const sh = snap.cells(sheet);
      layouts.set(sheet, sh ? findCodeLayout(sh, form) : null);
    }
    return layouts.get(sheet) ?? null;
  };
  const stale = viaMeta.some(([name, l]) => {
    const target = form.byName.get(name);
    if (target?.type !== "indicator") return false;
    const row = layoutOf(l.sheet)?.codeRows.get(target.indicator.code);
    return row !== undefined && row !== l.pos.row;
  });
  if (stale) for (const [name] of viaMeta) located.delete(name);
}

export function mostCommon(xs: string[]): string | null {
  const m = new Map<string, number>();
  let best: string | null = null;
  let n = 0;
  for (const x of xs) {
    const c = (m.get(x) ?? 0) + 1;
    m.set(x, c);
    if (c > n) {
      best = x;
      n = c;
    }
  }
  return best;
}

// ---- code-column fallback -------------------------------------------------------------------

export interface CodeLayout {
  codeCol: number;
  headerRow: number | null;
  totalCol: number | null;
  femaleCol: number | null;
  /** Columns never holding an indicator's value (label, unit of measure). */
  labelCols: number[];
  codeRows: Map<string, number>;
}

function codeOf(text: string, byCode: ReadonlyMap<string, unknown>): string | null {
  const s = text.trim().replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
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

function stripColon(s: string): string {
  return s.replace(/[:：]\s*$/, "").trim();
}

/** Find the code column ("Mã số" header, else the column with most indicator codes) and the value columns. */
export function findCodeLayout(sh: SheetData, form: ResolvedForm): CodeLayout | null {
  const headers: CellPos[] = [];
  const codeCells = new Map<number, { row: number; code: string }[]>();
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
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
  const rowsBelow = (col: number, fromRow: number): Map<string, number> => {
    const m = new Map<string, number>();
    const list = (codeCells.get(col) ?? []).filter((x) => x.row > fromRow).sort((a, b) => a.row - b.row);
    for (const x of list) if (!m.has(x.code)) m.set(x.code, x.row);
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
  return {
    codeCol: best.col,
    headerRow: best.headerRow,
    totalCol,
    femaleCol,
    labelCols,
    codeRows: best.rows,
  };
}

/** One input by the code column (indicators) or by its label (header fields). */
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
  if (target.part === "female")
    return layout.femaleCol !== null ? { pos: { row, col: layout.femaleCol } } : null;
  if (ind.kind !== "text") return layout.totalCol !== null ? { pos: { row, col: layout.totalCol } } : null;
  // Narrative: the total column when it holds the text, else the first filled cell right of the labels.
  if (layout.totalCol !== null) {
    const at = valueAt(sh, row, layout.totalCol);
    if (cellText(at.value).trim()) return { pos: { row, col: layout.totalCol } };
  }
  const skip = new Set([layout.codeCol, ...layout.labelCols]);
  const minCol = Math.max(layout.codeCol, ...layout.labelCols);
  let bestCol: number | null = null;
  for (const [k, v] of sh.cells) {
    if (rowOf(k) !== row) continue;
    const c = colOf(k);
    if (c <= minCol || skip.has(c) || !cellText(v).trim()) continue;
    if (bestCol === null || c < bestCol) bestCol = c;
  }
  if (bestCol !== null) return { pos: { row, col: bestCol } };
  return layout.totalCol !== null ? { pos: { row, col: layout.totalCol } } : null;
}

const FIELD_ALIASES: Record<string, string[]> = { unit: ["đơn vị"] };

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
  const merge = sh.merges.find((m) => m.r1 === found!.row && m.c1 === found!.col);
  if (found.colon) {
    const first = (merge ? merge.c2 : found.col) + 1;
    let bestCol: number | null = null;
    for (const [k, v] of sh.cells) {
      if (rowOf(k) !== found.row) continue;
      const c = colOf(k);
      if (c < first || !cellText(v).trim()) continue;
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
    const at = valueAt(sh, r, found.col);
    const text = cellText(at.value).trim();
    if (text && !text.startsWith("(")) return { pos: { row: at.row, col: at.col } };
  }
  return { pos: { row: found.row + 3, col: found.col } };
}

/**
 * An error for every input of the form found by no method (name, metadata map, code column).
 * `inFile`: the message speaks of a returned file (true) or of the open workbook (false).
 */
export function missingCellIssues(
  form: ResolvedForm,
  found: (name: string) => boolean,
  inFile: boolean
): Issue[] {
  const issues: Issue[] = [];
  for (const name of form.names) {
    if (found(name)) continue;
    const target = form.byName.get(name);
    if (!target) continue;
    const tf = target.type === "indicator" && target.indicator.kind === "tf";
    const what =
      target.type === "field"
        ? `"${target.field.label.vi}"`
        : `${target.indicator.code}${tf ? ` (${target.part === "total" ? "tổng số" : "số nữ"})` : ""}`;
    const whatEn =
      target.type === "field"
        ? `"${target.field.label.en}"`
        : `${target.indicator.code}${tf ? ` (${target.part})` : ""}`;
    issues.push({
      severity: "error",
      rule: "reader.missing-cell",
      indicator: target.type === "indicator" ? target.indicator.code : null,
      ...(target.type === "field" ? { field: target.field.key } : {}),
      cell: name,
      message: inFile
        ? {
            vi: `Không tìm thấy ô ${what} trong tệp (tên ô và dòng mã số đã bị xóa hoặc sửa): hãy nhập lại vào đúng mẫu`,
            en: `Cell ${whatEn} is missing from the file (its name and its code row were deleted or changed): use the template`,
          }
        : {
            vi: `Không tìm thấy ô ${what} trong bảng tính (tên ô và dòng mã số đã bị xóa hoặc sửa)`,
            en: `Cell ${whatEn} not found in the workbook (its name and code row were deleted or changed)`,
          },
    });
  }
  return issues;
}
