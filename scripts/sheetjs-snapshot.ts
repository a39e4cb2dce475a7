/**
 * The benchmarks' "obvious alternative": a workbook parsed by SheetJS (`@e965/xlsx`), adapted to
 * the inspection step's WorkbookSnapshot, so that both routes run the same inspection and only
 * the parser differs.
 */
import type * as XLSXType from "@e965/xlsx";
import type { CellValue } from "../src/workbook/cell-value";
import { META_SHEET } from "../src/workbook/contract";
import { metaFromSheet } from "../src/workbook/meta";
import { key, type SheetData } from "../src/workbook/sheet-data";
import type { NameDef, WorkbookSnapshot } from "../src/workbook/snapshot";

type XLSX = typeof XLSXType;

function cellValue(cell: XLSXType.CellObject): CellValue | null {
  if (cell.t === "n") return { type: "number", value: cell.v as number };
  if (cell.t === "s" || cell.t === "d") return cell.v === "" ? null : { type: "text", text: String(cell.v) };
  if (cell.t === "b") return { type: "boolean", value: Boolean(cell.v) };
  if (cell.t === "e") return { type: "error", code: cell.w ?? "#ERR" };
  if (cell.f) return { type: "uncomputed", formula: cell.f };
  return null;
}

function sheetData(X: XLSX, ws: XLSXType.WorkSheet): SheetData {
  const cells = new Map<number, CellValue>();
  for (const a of Object.keys(ws)) {
    if (a.startsWith("!")) continue;
    const v = cellValue(ws[a] as XLSXType.CellObject);
    if (!v) continue;
    const p = X.utils.decode_cell(a);
    cells.set(key(p.r + 1, p.c + 1), v);
  }
  const merges = (ws["!merges"] ?? []).map((m) => ({
    r1: m.s.r + 1,
    c1: m.s.c + 1,
    r2: m.e.r + 1,
    c2: m.e.c + 1,
  }));
  return { cells, merges };
}

export function sheetJsSnapshot(X: XLSX, wb: XLSXType.WorkBook): WorkbookSnapshot {
  const names = new Map<string, NameDef>();
  for (const n of wb.Workbook?.Names ?? []) {
    const up = n.Name.toUpperCase();
    const scope = n.Sheet === undefined ? null : (wb.SheetNames[n.Sheet] ?? null);
    if (!names.has(up) || scope === null) names.set(up, { ref: n.Ref, scope });
  }
  const hidden = new Map((wb.Workbook?.Sheets ?? []).map((s) => [s.name ?? "", (s.Hidden ?? 0) !== 0]));
  const cache = new Map<string, SheetData | null>();
  const cells = (name: string): SheetData | null => {
    const real = wb.SheetNames.find((s) => s.toUpperCase() === name.toUpperCase());
    if (!real) return null;
    if (!cache.has(real)) cache.set(real, wb.Sheets[real] ? sheetData(X, wb.Sheets[real]) : null);
    return cache.get(real) ?? null;
  };
  return {
    sheets: wb.SheetNames.map((name) => ({ name, visible: !hidden.get(name) })),
    names,
    cells,
    part: (name) => cells(name),
    meta: () => {
      const sh = cells(META_SHEET);
      return sh ? metaFromSheet(sh) : null;
    },
    date1904: Boolean(wb.Workbook?.WBProps?.date1904),
  };
}
