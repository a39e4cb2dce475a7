/**
 * The Office.js edge's adapter for the inspection step: what read-report.ts loaded from the open
 * workbook (used ranges as Excel returns them — 2-D values and value types —, merged areas when
 * the host can list them, workbook names, the sheet list) → a WorkbookSnapshot. Pure, no
 * Office.js calls: read-report.ts loads, this module only adapts. Locating, verifying and the
 * rules are src/inspect's, exactly as for a returned file.
 */
import type { CellValue } from "../workbook/cell-value";
import { META_SHEET, REPORT_SHEET } from "../workbook/contract";
import { metaFromSheet, type Meta } from "../workbook/meta";
import { examinedSheets, MAX_SHEETS_EXAMINED } from "../workbook/report-sheet";
import { key, type Range, type SheetData } from "../workbook/sheet-data";
import type { NameDef, WorkbookSnapshot } from "../workbook/snapshot";
import { parseNameRef, parseRange, splitAreas } from "../workbook/address";

/** One sheet's used range as Excel returns it. Row/col offsets are 0-based (Range.rowIndex/columnIndex). */
export interface SheetGrid {
  name: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  /** Merged areas' address (`'Báo cáo'!D20:E20, 'Báo cáo'!C60:H60`); null when the host cannot tell. */
  mergedAreas: string | null;
}

/** What read-report.ts loaded from the open workbook. */
export interface GridWorkbook {
  /** Workbook names: name → reference text (`'Báo cáo'!$D$14`, `=Sheet1!$A$1`, `#REF!`). */
  names: Map<string, string>;
  /** Used ranges of the sheets that were loaded, by sheet name. */
  sheets: Map<string, SheetGrid>;
  /** Every sheet of the workbook in tab order (name, visibility). */
  sheetList: { name: string; visibility: string }[];
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

/** Merged areas (1-based) from a RangeAreas address; null when unknown. */
function mergesOf(address: string | null): Range[] | null {
  if (address === null) return null;
  const out: Range[] = [];
  for (const a of splitAreas(address)) {
    const r = parseRange(a);
    if (r) out.push({ r1: r.start.row, c1: r.start.col, r2: r.end.row, c2: r.end.col });
  }
  return out;
}

/** The grid's non-blank cells as SheetData (1-based keys). */
export function toSheetData(grid: SheetGrid): SheetData {
  const cells = new Map<number, CellValue>();
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const cv = toCellValue(v, grid.valueTypes[r]?.[c]);
      if (cv.type !== "blank") cells.set(key(grid.rowIndex + r + 1, grid.columnIndex + c + 1), cv);
    })
  );
  return { cells, merges: mergesOf(grid.mergedAreas) };
}

function findSheet<T>(map: Map<string, T>, name: string): [string, T] | undefined {
  const up = name.toUpperCase();
  for (const [k, v] of map) if (k.toUpperCase() === up) return [k, v];
  return undefined;
}

/** The loaded workbook as the inspection's snapshot (grids converted once, on demand). */
export function gridSnapshot(wb: GridWorkbook): WorkbookSnapshot {
  const names = new Map<string, NameDef>();
  for (const [n, ref] of wb.names) {
    const up = n.toUpperCase();
    if (!names.has(up)) names.set(up, { ref, scope: null });
  }
  const data = new Map<string, SheetData | null>();
  const cells = (name: string): SheetData | null => {
    const found = findSheet(wb.sheets, name);
    if (!found) return null;
    let d = data.get(found[0]);
    if (d === undefined) data.set(found[0], (d = toSheetData(found[1])));
    return d;
  };
  let meta: Meta | null | undefined;
  return {
    sheets: wb.sheetList.map((s) => ({ name: s.name, visible: s.visibility === "Visible" })),
    names,
    cells,
    part: (name) => cells(name),
    meta: () => {
      if (meta === undefined) {
        const sh = cells(META_SHEET);
        meta = sh ? metaFromSheet(sh) : null;
      }
      return meta;
    },
    // Excel hands dates over as serials of the 1900 system whatever the workbook's setting.
    date1904: false,
  };
}

/**
 * Which sheets a read must load: the metadata sheet, the sheets the form's names point at, and
 * every sheet the inspection may look at for the report or another one like it
 * (src/workbook/report-sheet.ts `examinedSheets`, hidden ones included).
 */
export function sheetsToLoad(
  formNames: readonly string[],
  names: Map<string, string>,
  sheetList: { name: string; visibility: string }[]
): string[] {
  const out: string[] = [];
  const push = (n: string | null | undefined): void => {
    if (!n) return;
    const real = sheetList.find((s) => s.name.toUpperCase() === n.toUpperCase());
    if (real && !out.includes(real.name)) out.push(real.name);
  };
  push(META_SHEET);
  for (const name of formNames) {
    const def = findSheet(names, name);
    const r = def ? parseNameRef(def[1]) : null;
    if (r && r.type === "cell") push(r.sheet);
  }
  push(REPORT_SHEET);
  const sheets = sheetList.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
  for (const name of examinedSheets(sheets, null, MAX_SHEETS_EXAMINED + 1)) push(name);
  return out;
}
