/**
 * WorkbookModel → .xlsx bytes, with exceljs 4.4. exceljs is loaded lazily (dynamic import), so
 * the task pane bundle only fetches it when a template is made. No fs: bytes out.
 *
 * exceljs quirks handled here (checked by unzipping its output, see tests/xlsx/writer.test.ts):
 * - `date` validation formulae go through `new Date(formula)`: pass ISO dates, never serials.
 * - operator "between" is never written (it is the OOXML default); fine.
 * - `showInputMessage` / `showErrorMessage` must be set explicitly or Excel shows nothing.
 * - `protect("")` (no password) still writes `<sheetProtection sheet="1">`; with a password it
 *   hashes with SHA-512 and `spinCount` (we use 10 000: 100 000 blocks a browser ~1 s).
 * - Formula cells: `{ formula, result }`; a "" result is written as `t="str"` with an empty `<v>`.
 * - Defined names: `definedNames.add("'Sheet'!$D$14", name)`.
 * - A column width of exactly 9 is dropped as "default" (Excel's default is 8.43): nudged.
 * - The declared used range can be a column short: rewritten from the model (dimension-fix.ts).
 * - exceljs writes any string as it is: a character XML forbids (U+FFFE, a lone surrogate…) makes
 *   the part ill-formed, and a text over 32,767 characters is more than a cell holds. Every text
 *   goes through src/workbook/cell-text.ts here, the one boundary every workbook crosses (summary,
 *   template): cut with a marker, illegal characters replaced by U+FFFD.
 */
import type * as ExcelJSTypes from "exceljs";
import type {
  CellModel,
  DataValidationModel,
  SheetModel,
  StyleModel,
  WorkbookModel,
} from "../layout/sheet-model";
import { cellsOfRange } from "../workbook/address";
import { safeCellText, xmlSafe } from "../workbook/cell-text";
import { fixDimensions } from "./dimension-fix";

/** Any other text written (sheet names, properties, validation messages): XML-illegal characters replaced. */
const safe = (s: string): string => xmlSafe(s).text;
/** A cell's value: texts as a cell can hold them. */
const cellValue = <T>(v: T): T => (typeof v === "string" ? (safeCellText(v).text as T) : v);

export interface WriteOptions {
  /** Spin count of the protection password hash (default 10 000). */
  spinCount?: number;
  /** Creation date written in the file properties (default: now). */
  created?: Date;
}

type ExcelJSModule = typeof ExcelJSTypes;

let loaded: Promise<ExcelJSModule> | undefined;
/** Load exceljs once, on first use. */
function loadExcelJS(): Promise<ExcelJSModule> {
  loaded ??= import("exceljs").then(
    (m) => ((m as unknown as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule
  );
  return loaded;
}

export async function writeWorkbook(model: WorkbookModel, options: WriteOptions = {}): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  wb.creator = safe(model.properties.creator);
  wb.lastModifiedBy = safe(model.properties.creator);
  wb.title = safe(model.properties.title);
  if (model.properties.subject) wb.subject = safe(model.properties.subject);
  if (model.properties.company) wb.company = safe(model.properties.company);
  if (model.properties.description) wb.description = safe(model.properties.description);
  wb.created = created;
  wb.modified = created;
  // Excel recalculates on open; readers that do not recalculate use the cached results.
  wb.calcProperties.fullCalcOnLoad = true;

  const styles = new Map<string, Partial<ExcelJSTypes.Style>>();
  const styleOf = (name: string | undefined): Partial<ExcelJSTypes.Style> | undefined => {
    if (!name) return undefined;
    let s = styles.get(name);
    if (!s) {
      const m = model.styles[name];
      if (!m) throw new Error(`Không có kiểu "${name}" / unknown style`);
      s = toExcelStyle(m);
      styles.set(name, s);
    }
    return s;
  };

  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(safe(sheet.name), {
      state: sheet.visibility,
      properties: sheet.tabColor ? { tabColor: { argb: sheet.tabColor } } : {},
      views: [viewOf(sheet)],
      pageSetup: pageSetupOf(sheet),
      ...(sheet.print?.footer ? { headerFooter: { oddFooter: safe(sheet.print.footer) } } : {}),
    });
    for (const c of sheet.columns) {
      const col = ws.getColumn(c.column);
      // exceljs drops a width equal to its DEFAULT_COLUMN_WIDTH (9) as "default": nudge it.
      col.width = c.width === 9 ? 9.0001 : c.width;
      if (c.hidden) col.hidden = true;
    }
    for (const r of sheet.rows) ws.getRow(r.index).height = r.height;
    for (const c of sheet.cells) writeCell(ws.getCell(c.address), c, styleOf(c.style));
    for (const m of sheet.merges) ws.mergeCells(m);
    for (const v of sheet.validations) {
      const dv = toExcelValidation(v);
      for (const a of cellsOfRange(v.range)) ws.getCell(a).dataValidation = dv;
    }
    if (sheet.protection) {
      const p = sheet.protection;
      await ws.protect(p.password ?? "", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: p.allowFormatColumns,
        formatRows: p.allowFormatRows,
        ...(p.password ? { spinCount: options.spinCount ?? 10_000 } : {}),
      });
    }
  }
  for (const n of model.names) wb.definedNames.add(safe(n.ref), safe(n.name));
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: model.activeSheet,
      visibility: "visible",
    },
  ];

  const buffer = await wb.xlsx.writeBuffer();
  return fixDimensions(new Uint8Array(buffer as ArrayBuffer), model.sheets);
}

function writeCell(
  cell: ExcelJSTypes.Cell,
  c: CellModel,
  style: Partial<ExcelJSTypes.Style> | undefined
): void {
  if (c.formula !== undefined) {
    const result = c.value === null ? "" : cellValue(c.value);
    cell.value = { formula: safe(c.formula), result } as ExcelJSTypes.CellFormulaValue;
  } else if (c.value !== null) {
    cell.value = cellValue(c.value);
  }
  if (style) cell.style = style;
}

function toExcelStyle(m: StyleModel): Partial<ExcelJSTypes.Style> {
  const s: Partial<ExcelJSTypes.Style> = {
    font: {
      name: m.font.name,
      size: m.font.size,
      ...(m.font.bold ? { bold: true } : {}),
      ...(m.font.italic ? { italic: true } : {}),
      ...(m.font.underline ? { underline: true } : {}),
      ...(m.font.color ? { color: { argb: m.font.color } } : {}),
    },
    protection: { locked: m.locked },
  };
  if (m.alignment) s.alignment = { ...m.alignment };
  if (m.border) {
    const side = { style: m.border } as ExcelJSTypes.Border;
    s.border = { top: side, left: side, bottom: side, right: side };
  }
  if (m.fill) s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: m.fill } };
  if (m.numberFormat) s.numFmt = m.numberFormat;
  return s;
}

function toExcelValidation(v: DataValidationModel): ExcelJSTypes.DataValidation {
  return {
    type: v.type,
    ...(v.operator && v.type !== "list" && v.type !== "custom" ? { operator: v.operator } : {}),
    // exceljs turns date formulae into serials through `new Date(formula)`: ISO dates work.
    formulae: v.formulae.map(safe),
    allowBlank: v.allowBlank,
    showInputMessage: !!v.prompt,
    ...(v.prompt ? { promptTitle: safe(v.prompt.title), prompt: safe(v.prompt.message) } : {}),
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: safe(v.error.title),
    error: safe(v.error.message),
  } as ExcelJSTypes.DataValidation;
}

function viewOf(sheet: SheetModel): Partial<ExcelJSTypes.WorksheetView> {
  const f = sheet.freeze;
  if (!f || (!f.rows && !f.columns)) return { state: "normal", zoomScale: 100 };
  const topLeft = `${String.fromCharCode(65 + f.columns)}${f.rows + 1}`;
  return {
    state: "frozen",
    xSplit: f.columns,
    ySplit: f.rows,
    topLeftCell: topLeft,
    activeCell: topLeft,
    zoomScale: 100,
  } as Partial<ExcelJSTypes.WorksheetView>;
}

function pageSetupOf(sheet: SheetModel): Partial<ExcelJSTypes.PageSetup> {
  const p = sheet.print;
  if (!p) return {};
  return {
    paperSize: 9, // A4
    orientation: p.orientation,
    ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.first}:${p.repeatRows.last}` } : {}),
    ...(p.repeatColumns ? { printTitlesColumn: `${p.repeatColumns.first}:${p.repeatColumns.last}` } : {}),
    ...(p.margins ? { margins: p.margins } : {}),
    ...(p.horizontalCentered ? { horizontalCentered: true } : {}),
  };
}
