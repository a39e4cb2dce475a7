"""Batch openpyxl edits of returned reports, as a script-writing officer (or an Excel-like tool
built on openpyxl) would make them. One process for every job.

usage: /usr/bin/python3 openpyxl_edit.py JOBS.json
JOBS: [{"in": path, "out": path, "ops": [op, ...]}]
      or [{"new": [{"in": path, "sheet": name or null, "as": title}], "out": path, "ops": [...]}]
      ("new": a new workbook holding the values of other files' sheets: paste special, values only)
Ops act on the first sheet unless "sheet" names another; cells are A1 addresses:
  {"op": "set", "cells": {"D14": 12, "B2": "text", "D16": {"f": "=2+3"}, "D17": null}}
  {"op": "deleteRowsExcelLike", "row": 32, "count": 1}
      delete rows as Excel does: names on them become #REF!, names and merges below move up
  {"op": "insertRows", "row": 4, "count": 2}   openpyxl's own insert: names and merges stay put
  {"op": "merge", "range": "D14:E14"}
  {"op": "rename", "to": "new title"}          openpyxl's own rename: names keep the old title
  {"op": "dropNames"} | {"op": "dropMeta"}
  {"op": "pasteBelow", "src": path, "rows": [1, 67], "at": 70}   another file's first sheet, values and merges
  {"op": "sortRows", "first": 13, "last": 20, "key": "D", "descending": true, "cols": "A:H"}
openpyxl writes no cached formula results.
"""
import json
import sys

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

META = "_BDG_META"


def set_cells(ws, cells):
    for address, value in cells.items():
        if isinstance(value, dict):
            ws[address].value = value["f"]
        else:
            ws[address].value = value


def names_of(wb):
    return list(wb.defined_names.definedName)


def shift_ref(ref, sheet, row, count):
    """A name's reference after `count` rows at `row` were deleted from `sheet` (Excel's rule)."""
    if "!" not in ref:
        return ref
    where, cell = ref.rsplit("!", 1)
    if where.strip("'").replace("''", "'") != sheet or ":" in cell or "$" not in cell:
        return ref
    col, r = cell.replace("$", " ").split()
    r = int(r)
    if row <= r < row + count:
        return f"{where}!#REF!"
    if r >= row + count:
        r -= count
    return f"{where}!${col}${r}"


def delete_rows_excel_like(wb, ws, row, count):
    merges = [str(m) for m in ws.merged_cells.ranges]
    for m in merges:
        ws.unmerge_cells(m)
    ws.delete_rows(row, count)
    for m in merges:
        c1, r1, c2, r2 = range_boundaries(m)
        if r2 < row:
            ws.merge_cells(m)
        elif r1 >= row + count:
            ws.merge_cells(f"{get_column_letter(c1)}{r1 - count}:{get_column_letter(c2)}{r2 - count}")
    for dn in names_of(wb):
        dn.attr_text = shift_ref(dn.attr_text, ws.title, row, count)


def paste_below(ws, src, rows, at):
    src_ws = openpyxl.load_workbook(src, data_only=True).worksheets[0]
    first, last = rows
    for r in range(first, last + 1):
        for c in range(1, src_ws.max_column + 1):
            v = src_ws.cell(r, c).value
            if v is not None:
                ws.cell(at + r - first, c).value = v
    for m in src_ws.merged_cells.ranges:
        if first <= m.min_row and m.max_row <= last:
            d = at - first
            ws.merge_cells(f"{get_column_letter(m.min_col)}{m.min_row + d}:{get_column_letter(m.max_col)}{m.max_row + d}")


def sort_rows(ws, op):
    c1, c2 = (column_index_from_string(x) for x in op["cols"].split(":"))
    key = column_index_from_string(op["key"])
    rows = [[ws.cell(r, c).value for c in range(c1, c2 + 1)] for r in range(op["first"], op["last"] + 1)]
    rows.sort(key=lambda row: row[key - c1] if isinstance(row[key - c1], (int, float)) else -1,
              reverse=op.get("descending", False))
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.cell(op["first"] + i, c1 + j).value = v


def run_op(wb, ws, op):
    kind = op["op"]
    if kind == "set":
        set_cells(ws, op["cells"])
    elif kind == "deleteRowsExcelLike":
        delete_rows_excel_like(wb, ws, op["row"], op.get("count", 1))
    elif kind == "insertRows":
        ws.insert_rows(op["row"], op.get("count", 1))
    elif kind == "merge":
        ws.merge_cells(op["range"])
    elif kind == "rename":
        ws.title = op["to"]
    elif kind == "dropNames":
        for dn in names_of(wb):
            wb.defined_names.delete(dn.name)
    elif kind == "dropMeta":
        if META in wb.sheetnames:
            del wb[META]
    elif kind == "pasteBelow":
        paste_below(ws, op["src"], op["rows"], op["at"])
    elif kind == "sortRows":
        sort_rows(ws, op)
    else:
        raise SystemExit(f"unknown op {kind}")


def new_workbook(sources):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for src in sources:
        src_wb = openpyxl.load_workbook(src["in"], data_only=True)
        src_ws = src_wb[src["sheet"]] if src.get("sheet") else src_wb.worksheets[0]
        ws = wb.create_sheet(src["as"])
        for row in src_ws.iter_rows():
            for cell in row:
                if cell.value is not None and not isinstance(cell, openpyxl.cell.cell.MergedCell):
                    ws.cell(cell.row, cell.column).value = cell.value
    return wb


def run_job(job):
    wb = new_workbook(job["new"]) if job.get("new") else openpyxl.load_workbook(job["in"])
    for op in job.get("ops", []):
        ws = wb[op["sheet"]] if op.get("sheet") else wb.worksheets[0]
        run_op(wb, ws, op)
    wb.save(job["out"])


def main():
    for job in json.load(open(sys.argv[1])):
        run_job(job)


main()
