/**
 * The corpus jobs run in Node: exceljs (an Excel-like writer: load, type, save) and SheetJS
 * (`@e965/xlsx`: read and write, as web tools built on it do), plus a plain byte copy (a file
 * renamed). Ops (cells are A1 addresses, on the first sheet unless "sheet" names another):
 *   {"op": "set", "cells": {"D14": 12, "B2": "text", "D16": {"f": "=2+3", "v": 5}, "D17": null}}
 *     (exceljs writes a formula's result only when "v" is given; SheetJS likewise)
 *   {"op": "merge", "range": "D14:E14"}      exceljs only
 *   {"op": "rename", "to": "new name"}       the names keep the old sheet name (neither library moves them)
 * A job with "new" builds a new workbook from other files' first sheets: "values" (paste
 * special, values only; exceljs and SheetJS) or "styled" (select all, copy, paste into a new
 * workbook: values, formulas, formats, merges, column widths; exceljs).
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Job, Op, Source, Typed } from "./recipe";

/** Fixed document dates, so that exceljs output does not change from run to run. */
const FIXED_DATE = new Date(Date.UTC(2019, 10, 28, 8, 0, 0));

function cellsOf(op: Op): Record<string, Typed> {
  return (op.cells ?? {}) as Record<string, Typed>;
}

// ---- exceljs ---------------------------------------------------------------------------------

function exceljsValue(v: Typed): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") {
    const formula = v.f.replace(/^=/, "");
    return v.v === undefined ? ({ formula } as ExcelJS.CellFormulaValue) : { formula, result: v.v };
  }
  return v;
}

function exceljsOp(wb: ExcelJS.Workbook, op: Op): void {
  const ws = op.sheet ? wb.getWorksheet(String(op.sheet)) : wb.worksheets[0];
  if (!ws) throw new Error(`exceljs: no sheet ${String(op.sheet)}`);
  switch (op.op) {
    case "set":
      for (const [a, v] of Object.entries(cellsOf(op))) ws.getCell(a).value = exceljsValue(v);
      return;
    case "merge":
      ws.mergeCells(String(op.range));
      return;
    case "rename":
      ws.name = String(op.to);
      return;
    default:
      throw new Error(`exceljs: unknown op ${op.op}`);
  }
}

async function exceljsLoad(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Copy one sheet into `target`: values only, or everything a select-all paste carries. */
function exceljsCopySheet(src: ExcelJS.Worksheet, target: ExcelJS.Worksheet, styled: boolean): void {
  src.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: styled }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const to = target.getCell(r, c);
      const v = cell.value;
      if (styled) {
        to.value = v;
        to.style = JSON.parse(JSON.stringify(cell.style)) as Partial<ExcelJS.Style>;
      } else if (v !== null && v !== undefined) {
        const result = (v as ExcelJS.CellFormulaValue).result;
        to.value = typeof v === "object" && "formula" in v ? (result ?? null) : v;
      }
    });
    if (styled && row.height) target.getRow(r).height = row.height;
  });
  if (!styled) return;
  src.columns?.forEach((col, i) => {
    if (col.width) target.getColumn(i + 1).width = col.width;
  });
  const merges = (src.model as { merges?: string[] }).merges ?? [];
  for (const m of merges) target.mergeCells(m);
}

async function exceljsNew(dir: string, sources: Source[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of sources) {
    const src = await exceljsLoad(join(dir, s.in));
    const sheet = s.sheet ? src.getWorksheet(s.sheet) : src.worksheets[0];
    if (!sheet) throw new Error(`exceljs: no sheet in ${s.in}`);
    exceljsCopySheet(sheet, wb.addWorksheet(s.as), s.mode === "styled");
  }
  return wb;
}

export async function runExceljs(dir: string, job: Job): Promise<void> {
  const wb = job.new ? await exceljsNew(dir, job.new) : await exceljsLoad(join(dir, job.in ?? ""));
  for (const op of job.ops) exceljsOp(wb, op);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const out = await wb.xlsx.writeBuffer();
  writeFileSync(join(dir, job.out), Buffer.from(out as ArrayBuffer));
}

// ---- SheetJS ---------------------------------------------------------------------------------

function sheetjsCell(v: Exclude<Typed, null>): XLSX.CellObject {
  if (typeof v === "number") return { t: "n", v };
  if (typeof v === "string") return { t: "s", v };
  const f = v.f.replace(/^=/, "");
  return v.v === undefined ? { t: "n", f } : { t: "n", v: v.v, f };
}

function sheetjsSet(ws: XLSX.WorkSheet, cells: Record<string, Typed>): void {
  const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1:A1");
  for (const [a, v] of Object.entries(cells)) {
    if (v === null) {
      delete ws[a];
      continue;
    }
    ws[a] = sheetjsCell(v);
    const p = XLSX.utils.decode_cell(a);
    range.s.r = Math.min(range.s.r, p.r);
    range.s.c = Math.min(range.s.c, p.c);
    range.e.r = Math.max(range.e.r, p.r);
    range.e.c = Math.max(range.e.c, p.c);
  }
  ws["!ref"] = XLSX.utils.encode_range(range);
}

function sheetjsOp(wb: XLSX.WorkBook, op: Op): void {
  const name = op.sheet ? String(op.sheet) : wb.SheetNames[0];
  const ws = wb.Sheets[name];
  if (op.op === "set") sheetjsSet(ws, cellsOf(op));
  else if (op.op === "rename") {
    const to = String(op.to);
    wb.SheetNames[wb.SheetNames.indexOf(name)] = to;
    wb.Sheets[to] = ws;
    delete wb.Sheets[name];
    const info = wb.Workbook?.Sheets?.find((s) => s.name === name);
    if (info) info.name = to;
  } else throw new Error(`sheetjs: unknown op ${op.op}`);
}

function sheetjsNew(dir: string, sources: Source[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sources) {
    const src = XLSX.read(readFileSync(join(dir, s.in)), { type: "buffer" });
    const ws = src.Sheets[s.sheet ?? src.SheetNames[0]];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true });
    const origin = XLSX.utils.decode_range(ws["!ref"] ?? "A1").s;
    const copy = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(copy, rows, { origin });
    XLSX.utils.book_append_sheet(wb, copy, s.as);
  }
  return wb;
}

const BOOK_TYPE: Record<NonNullable<Job["format"]>, XLSX.BookType> = {
  xlsx: "xlsx",
  xls: "biff8",
  ods: "ods",
};

export function runSheetjs(dir: string, job: Job): void {
  const wb = job.new
    ? sheetjsNew(dir, job.new)
    : XLSX.read(readFileSync(join(dir, job.in ?? "")), { type: "buffer", cellStyles: true });
  for (const op of job.ops) sheetjsOp(wb, op);
  const out = XLSX.write(wb, { type: "buffer", bookType: BOOK_TYPE[job.format ?? "xlsx"] }) as Buffer;
  writeFileSync(join(dir, job.out), out);
}

export function runCopy(dir: string, job: Job): void {
  copyFileSync(join(dir, job.in ?? ""), join(dir, job.out));
}
