/**
 * Locating a report's input cells in a snapshot of the open workbook (pure, no Office.js):
 * by defined name first, then the metadata sheet's map, then the report sheet's code column
 * (the file reader's `findCodeLayout`, fed with the snapshot). Same order as the file reader
 * (PRODUCT.md "The workbook contract").
 */
import type { ResolvedForm } from "../form/resolve";
import { META_KEYS, META_SHEET, REPORT_SHEET } from "../layout/contract";
import type { CellValue } from "../validate/cell-value";
import { findCodeLayout } from "../xlsx/reader";
import type { FoundVia } from "../xlsx/read-result";
import { parseNameRef } from "../xlsx/refs";
import type { SheetData } from "../xlsx/ooxml";
import { cellA1, quoteSheet } from "./address";

/** One sheet's used range as Excel returns it. Row/col offsets are 0-based (Range.rowIndex/columnIndex). */
export interface SheetGrid {
  name: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
}

export interface WorkbookSnapshot {
  /** Workbook names: name → reference text (`'Báo cáo'!$D$14`, `=Sheet1!$A$1`, `#REF!`). */
  names: Map<string, string>;
  /** Used ranges of the sheets that were loaded, by sheet name. */
  sheets: Map<string, SheetGrid>;
  /** Every sheet of the workbook in tab order (name, visibility). */
  sheetList: { name: string; visibility: string }[];
}

export interface Meta {
  formId: string | null;
  formVersion: string | null;
  unitCode: string | null;
  kind: string | null;
  /** Upper-case name → address. */
  names: Map<string, string>;
}

export interface Located {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  via: FoundVia;
}

export interface LocateResult {
  meta: Meta | null;
  located: Map<string, Located>;
  /** Form names defined in the workbook whose reference is broken (#REF!) or elsewhere. */
  brokenNames: string[];
  /** The sheet most inputs are on. */
  sheetName: string | null;
}

/** Excel value + valueType → CellValue. */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  switch (valueType) {
    case "Error":
      return { type: "error", code: String(value) };
    case "Empty":
      return { type: "blank" };
    case "Boolean":
      return { type: "boolean", value: Boolean(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? { type: "number", value } : { type: "text", text: String(value) };
    default:
      if (value === null || value === undefined || value === "") return { type: "blank" };
      if (typeof value === "number") return { type: "number", value };
      if (typeof value === "boolean") return { type: "boolean", value };
      return { type: "text", text: String(value) };
  }
}

export function cellAt(grid: SheetGrid | undefined, row: number, col: number): CellValue {
  if (!grid) return { type: "blank" };
  const r = row - grid.rowIndex;
  const c = col - grid.columnIndex;
  if (r < 0 || c < 0 || r >= grid.values.length || c >= (grid.values[r]?.length ?? 0))
    return { type: "blank" };
  return toCellValue(grid.values[r][c], grid.valueTypes[r]?.[c]);
}

function findSheet<T>(map: Map<string, T>, name: string): [string, T] | undefined {
  const up = name.toUpperCase();
  for (const [k, v] of map) if (k.toUpperCase() === up) return [k, v];
  return undefined;
}

export function readMeta(grid: SheetGrid | undefined): Meta | null {
  if (!grid) return null;
  const meta: Meta = { formId: null, formVersion: null, unitCode: null, kind: null, names: new Map() };
  let inNames = false;
  for (let r = 0; r < grid.values.length; r++) {
    if (grid.columnIndex > 0) break; // column A is not in the used range
    const a = String(grid.values[r]?.[0] ?? "").trim();
    const b = String(grid.values[r]?.[1] ?? "").trim();
    if (!a) continue;
    if (inNames) {
      if (b) meta.names.set(a.toUpperCase(), b);
      continue;
    }
    if (a === META_KEYS.formId) meta.formId = b || null;
    else if (a === META_KEYS.formVersion) meta.formVersion = b || null;
    else if (a === META_KEYS.unitCode) meta.unitCode = b || null;
    else if (a === META_KEYS.kind) meta.kind = b || null;
    else if (a === META_KEYS.names) inNames = true;
  }
  return meta;
}

/** The snapshot's grid as the file reader's SheetData (1-based keys), for findCodeLayout. */
export function toSheetData(grid: SheetGrid): SheetData {
  const cells = new Map<number, CellValue>();
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const cv = toCellValue(v, grid.valueTypes[r]?.[c]);
      if (cv.type !== "blank") cells.set((grid.rowIndex + r + 1) * 16384 + (grid.columnIndex + c), cv);
    })
  );
  return { cells, merges: [] };
}

/**
 * Which sheets a read must load for `names`: the sheets the form's names point at, the
 * metadata sheet; when some form name is not defined, also the default report sheet and
 * every visible sheet (the code-column fallback).
 */
export function sheetsToLoad(
  form: ResolvedForm,
  names: Map<string, string>,
  sheetList: { name: string; visibility: string }[],
  maxFallbackSheets = 12
): string[] {
  const out: string[] = [];
  const push = (n: string | null | undefined): void => {
    if (!n) return;
    const real = sheetList.find((s) => s.name.toUpperCase() === n.toUpperCase());
    if (real && !out.includes(real.name)) out.push(real.name);
  };
  push(META_SHEET);
  let complete = true;
  for (const name of form.names) {
    const def = findSheet(names, name);
    const r = def ? parseNameRef(def[1]) : null;
    if (
      r &&
      r.type === "cell" &&
      r.sheet !== null &&
      sheetList.some((s) => s.name.toUpperCase() === r.sheet!.toUpperCase())
    )
      push(r.sheet);
    else complete = false;
  }
  if (!complete) {
    push(REPORT_SHEET);
    for (const s of sheetList.filter((x) => x.visibility === "Visible").slice(0, maxFallbackSheets))
      push(s.name);
  }
  return out;
}

export function locate(form: ResolvedForm, snap: WorkbookSnapshot): LocateResult {
  const metaGrid = findSheet(snap.sheets, META_SHEET)?.[1];
  const meta = readMeta(metaGrid);
  const located = new Map<string, Located>();
  const brokenNames: string[] = [];
  const sheetName = (n: string | null): string | null =>
    n === null ? null : (findSheet(snap.sheets, n)?.[0] ?? null);

  for (const name of form.names) {
    const def = findSheet(snap.names, name);
    if (def) {
      const r = parseNameRef(def[1]);
      const s = r.type === "cell" ? sheetName(r.sheet) : null;
      if (r.type === "cell" && s) {
        located.set(name, { sheet: s, row: r.row - 1, col: r.col - 1, via: "name" });
        continue;
      }
      brokenNames.push(name);
    }
    const addr = meta?.names.get(name.toUpperCase());
    if (addr) {
      const r = parseNameRef(addr);
      const s = r.type === "cell" ? sheetName(r.sheet) : null;
      if (r.type === "cell" && s)
        located.set(name, { sheet: s, row: r.row - 1, col: r.col - 1, via: "meta" });
    }
  }

  const missing = form.names.filter((n) => !located.has(n));
  if (missing.length) {
    const known = mostCommon([...located.values()].map((l) => l.sheet));
    const candidates = known
      ? [known]
      : [...snap.sheets.keys()].filter((n) => n.toUpperCase() !== META_SHEET.toUpperCase());
    for (const name of candidates) {
      const grid = snap.sheets.get(name);
      if (!grid) continue;
      const sh = toSheetData(grid);
      const layout = findCodeLayout(sh, form);
      if (!layout) continue;
      if (!known && layout.codeRows.size < Math.max(3, Math.ceil(form.indicators.length * 0.3))) continue;
      for (const n of missing) {
        const target = form.byName.get(n);
        if (!target || target.type !== "indicator") continue; // header fields: by name or metadata only here
        const row = layout.codeRows.get(target.indicator.code);
        const col = target.part === "female" ? layout.femaleCol : layout.totalCol;
        if (row !== undefined && col !== null)
          located.set(n, { sheet: name, row: row - 1, col: col - 1, via: "code" });
      }
      break;
    }
  }
  return { meta, located, brokenNames, sheetName: mostCommon([...located.values()].map((l) => l.sheet)) };
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

export function locatedAddress(l: Located): string {
  return `${quoteSheet(l.sheet)}!${cellA1(l.row, l.col)}`;
}
