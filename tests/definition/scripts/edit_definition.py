"""Edit form definition workbooks with openpyxl, the way an officer edits them in a spreadsheet.

usage: /usr/bin/python3 edit_definition.py JOBS.json
JOBS: [{"in": path, "out": path, "ops": [op, ...]}], all in one Python process.
Ops (rows and columns 1-based, as the officer sees them):
  {"op": "set", "sheet": name, "cells": {"C6": 2026, "F12": "so luong", "C9": {"date": "2026-12-01"}, "D3": null}}
  {"op": "copyRow", "sheet": name, "from": row, "to": row}   insert a row at "to", copy "from" into it
                                                             ("from" is counted before the insertion)
  {"op": "appendRow", "sheet": name, "values": [..]}         write below the last used row
  {"op": "deleteRows", "sheet": name, "at": row, "count": n}
  {"op": "deleteSheet", "sheet": name}
  {"op": "renameSheet", "sheet": name, "to": new name}
  {"op": "setByName", "cells": {defined name: value}}        fill a report template by its cells' names
"""
import copy
import datetime
import json
import sys

import openpyxl


def value_of(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    return v


def set_cells(ws, cells):
    for address, v in cells.items():
        cell = ws[address]
        cell.value = value_of(v)
        if isinstance(v, dict) and "date" in v:
            cell.number_format = "dd/mm/yyyy"


def last_row(ws):
    for r in range(ws.max_row, 0, -1):
        if any(ws.cell(row=r, column=c).value not in (None, "") for c in range(1, ws.max_column + 1)):
            return r
    return 0


def copy_row(ws, src, dest):
    if dest <= src:
        src += 1
    ws.insert_rows(dest)
    for c in range(1, ws.max_column + 1):
        a, b = ws.cell(row=src, column=c), ws.cell(row=dest, column=c)
        b.value = a.value
        if a.has_style:
            b._style = copy.copy(a._style)


def named_cell(wb, name):
    dn = wb.defined_names.get(name) if hasattr(wb.defined_names, "get") else wb.defined_names[name]
    (sheet, ref), = list(dn.destinations)
    return wb[sheet][ref.replace("$", "")]


def run(op, wb):
    kind = op["op"]
    if kind == "setByName":
        for name, v in op["cells"].items():
            named_cell(wb, name).value = value_of(v)
        return
    if kind == "deleteSheet":
        del wb[op["sheet"]]
        return
    ws = wb[op["sheet"]]
    if kind == "set":
        set_cells(ws, op["cells"])
    elif kind == "copyRow":
        copy_row(ws, op["from"], op["to"])
    elif kind == "appendRow":
        r = last_row(ws) + 1
        for c, v in enumerate(op["values"], start=1):
            ws.cell(row=r, column=c).value = value_of(v)
    elif kind == "deleteRows":
        ws.delete_rows(op["at"], op.get("count", 1))
    elif kind == "renameSheet":
        ws.title = op["to"]
    else:
        raise SystemExit(f"unknown op {kind}")


def main():
    for job in json.load(open(sys.argv[1], encoding="utf-8")):
        wb = openpyxl.load_workbook(job["in"])
        for op in job.get("ops", []):
            run(op, wb)
        wb.save(job["out"])


main()
