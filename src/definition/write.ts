/**
 * A form definition → the definition workbook's sheet model (format.ts; docs/FORM-DEFINITION.md):
 * instructions first, then one sheet per table, with list validations on every enumerated column
 * so that the workbook checks itself as the officer edits it, like the template does. Written to
 * a file by src/xlsx/write-workbook.ts, or into the open workbook by the add-in.
 */
import type { FormDefinition } from "../form/schema";
import {
  clipValidationMessage,
  clipValidationTitle,
  type CellModel,
  type DataValidationModel,
  type SheetModel,
  type WorkbookModel,
} from "../layout/sheet-model";
import { columnLetter } from "../workbook/address";
import { style } from "../layout/styles";
import { isoToSerial } from "../validate/dates";
import {
  INFO_ROWS,
  LIST_ROWS,
  NO,
  SHEET_GUIDE,
  SHEET_INFO,
  TABLES,
  tableOf,
  YES,
  type ColumnSpec,
  type TableSpec,
} from "./format";
import { GUIDE_LINES } from "./guide";
import { formatRuleParams } from "./rule-params";

const STYLES = {
  title: style(14, { bold: true }),
  guide: style(11, { alignment: { wrapText: true, vertical: "top" } }),
  head: style(11, {
    bold: true,
    fill: "FFD9D9D9",
    border: "thin",
    alignment: { wrapText: true, vertical: "middle" },
  }),
  key: style(10, { color: "FF808080", border: "thin" }),
  cell: style(11, { border: "thin", locked: false, alignment: { wrapText: true, vertical: "top" } }),
  date: style(11, { border: "thin", locked: false, numberFormat: "dd/mm/yyyy" }),
};

/** A value at a dotted path of an entry ("label.vi"). */
function at(entry: unknown, path: string): unknown {
  let v: unknown = entry;
  for (const k of path.split("."))
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function shown(col: ColumnSpec, v: unknown): string | number | null {
  if (v === undefined || v === null) return null;
  if (col.kind === "bool") return v ? YES : NO;
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}

/** The rows of a table, each a list of cell values in column order. */
function rowsOf(table: TableSpec, def: FormDefinition): (string | number | null)[][] {
  const entries: unknown[] =
    table.name === "rules"
      ? def.rules.map((r) => ({ ...r, params: formatRuleParams(r) }))
      : table.name === "units"
        ? def.units.map((u) => ({ ...u, aliases: u.aliases.join("; ") }))
        : def[table.name];
  return entries.map((e) => table.columns.map((c) => shown(c, at(e, c.key))));
}

function validation(table: TableSpec, col: ColumnSpec, index: number): DataValidationModel | null {
  const letter = columnLetter(index + 1);
  const range = `${letter}2:${letter}${LIST_ROWS + 1}`;
  let list: string | null = null;
  if (col.values) list = `"${col.values.join(",")}"`;
  else if (col.listFrom) list = `'${tableOf(col.listFrom).sheet}'!$A$2:$A$${LIST_ROWS + 1}`;
  if (list === null && col.kind !== "number") return null;
  if (list === null)
    return {
      range,
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: ["0"],
      allowBlank: true,
      error: { title: clipValidationTitle(col.vi), message: "Nhập một số ≥ 0.", style: "stop" },
    };
  return {
    range,
    type: "list",
    formulae: [list],
    allowBlank: true,
    ...(col.hint
      ? { prompt: { title: clipValidationTitle(col.vi), message: clipValidationMessage(col.hint) } }
      : {}),
    error: {
      title: clipValidationTitle(col.vi),
      message: clipValidationMessage(
        `Chọn trong danh sách / pick from the list${col.values ? `: ${col.values.join(", ")}` : ""}`
      ),
      style: "stop",
    },
  };
}

function tableSheet(table: TableSpec, def: FormDefinition): SheetModel {
  const cells: CellModel[] = table.columns.map((c, i) => ({
    address: `${columnLetter(i + 1)}1`,
    value: `${c.vi} / ${c.en}`,
    style: "head",
  }));
  rowsOf(table, def).forEach((row, r) =>
    row.forEach((v, i) => {
      if (v !== null) cells.push({ address: `${columnLetter(i + 1)}${r + 2}`, value: v, style: "cell" });
    })
  );
  const validations = table.columns
    .map((c, i) => validation(table, c, i))
    .filter((v): v is DataValidationModel => v !== null);
  return {
    name: table.sheet,
    visibility: "visible",
    cells,
    merges: [],
    columns: table.columns.map((c, i) => ({ column: columnLetter(i + 1), width: c.width })),
    rows: [{ index: 1, height: 32 }],
    freeze: { rows: 1, columns: 1 },
    validations,
  };
}

function infoSheet(def: FormDefinition): SheetModel {
  const cells: CellModel[] = [
    { address: "A1", value: "Khóa / Key", style: "head" },
    { address: "B1", value: "Mục / Item", style: "head" },
    { address: "C1", value: "Giá trị / Value", style: "head" },
  ];
  INFO_ROWS.forEach((r, i) => {
    const row = i + 2;
    const v = at(def, r.key);
    cells.push({ address: `A${row}`, value: r.key, style: "key" });
    cells.push({ address: `B${row}`, value: `${r.vi} / ${r.en}`, style: "cell" });
    if (r.kind === "date") cells.push({ address: `C${row}`, value: isoToSerial(String(v)), style: "date" });
    else cells.push({ address: `C${row}`, value: v as string | number, style: "cell" });
  });
  return {
    name: SHEET_INFO,
    visibility: "visible",
    cells,
    merges: [],
    columns: [
      { column: "A", width: 16 },
      { column: "B", width: 40 },
      { column: "C", width: 60 },
    ],
    rows: [],
    validations: [],
  };
}

function guideSheet(def: FormDefinition): SheetModel {
  const lines = [`Định nghĩa biểu mẫu ${def.id} — ${def.title.vi}`, "", ...GUIDE_LINES];
  return {
    name: SHEET_GUIDE,
    visibility: "visible",
    cells: lines.map((text, i) => ({
      address: `A${i + 1}`,
      value: text,
      style: i === 0 ? "title" : "guide",
    })),
    merges: [],
    columns: [{ column: "A", width: 120 }],
    rows: [],
    validations: [],
  };
}

export function definitionModel(def: FormDefinition): WorkbookModel {
  return {
    properties: { title: `Định nghĩa biểu mẫu ${def.id}`, creator: "bdg-report" },
    sheets: [guideSheet(def), infoSheet(def), ...TABLES.map((t) => tableSheet(t, def))],
    names: [],
    styles: STYLES,
    activeSheet: 0,
  };
}
