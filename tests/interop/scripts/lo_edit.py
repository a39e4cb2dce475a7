"""Batch LibreOffice edits through UNO (one soffice process for every job).

usage: /usr/bin/python3 lo_edit.py PROFILE_DIR JOBS.json
JOBS: [{"in": path, "out": path, "insertRows": [[index0, count], ...], "rename": [old, new],
        "ops": [op, ...], "format": "xlsx" | "xls" | "ods"}]
      or, for a new document built from other files:
      [{"new": [{"in": path, "sheet": name or null, "as": title, "mode": "values" | "import"}],
        "out": path, "ops": [...], "format": ...}]
Each job: load (or build a new document), insert rows (0-based index, on the report sheet),
run the ops in order, rename the sheet, recalculate, save (xlsx by default).

Ops act on the first sheet unless "sheet" names another; cells are A1 addresses. A structural
op unprotects the sheet first (the template's protection has no password, as an officer would
find) and protects it again at the end, as an officer who re-protects would:
  {"op": "set", "cells": {"D14": 12, "B2": "text", "D16": {"f": "=2+3"}, "D17": null}}
  {"op": "deleteRows" | "insertRows" | "deleteColumns" | "insertColumns", "at": index0, "count": n}
  {"op": "merge", "range": "D14:E14"}
  {"op": "rename", "to": "new name"}
  {"op": "addSheet", "name": "...", "at": 0, "cells": {...}}
  {"op": "copySheet", "name": "copy name", "at": 1}
  {"op": "sort", "range": "A13:H20", "field": 3, "ascending": false}   (field: 0-based column in range)
  {"op": "move", "from": "D32", "to": "D33"}        (cut and paste: references follow the cells)
  {"op": "copyRange", "from": "A1:H67", "to": "A70", "src": path or absent}   (copy and paste)
  {"op": "deleteSheet", "name": "_BDG_META"}
  {"op": "deleteNames"}
  {"op": "unprotect"}   (only unprotects: to type into a locked cell)
"""
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, TableSortField

FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "xls": "MS Excel 97", "ods": "calc8"}
STRUCTURAL = {"deleteRows", "insertRows", "deleteColumns", "insertColumns", "merge", "sort", "move",
              "copyRange", "copySheet", "rename", "unprotect"}
CLEAR_CONTENT = 1 | 2 | 4 | 16  # VALUE | DATETIME | STRING | FORMULA


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start(profile):
    port = 20000 + os.getpid() % 20000
    proc = subprocess.Popen([
        "/usr/bin/soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
        f"-env:UserInstallation=file://{profile}",
        f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("soffice did not start")


def load(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    return desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))


def set_cells(sheet, cells):
    for address, value in cells.items():
        cell = sheet.getCellRangeByName(address)
        if value is None:
            cell.clearContents(CLEAR_CONTENT)
        elif isinstance(value, dict):
            cell.setFormula(value["f"])
        elif isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)


def used_values(sheet):
    """Every non-empty cell's value (formula results, not formulas) by (row, col)."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
    return {(r, c): v for r, row in enumerate(data) for c, v in enumerate(row) if v != ""}


def new_document(desktop, sources):
    """A new spreadsheet holding sheets of other files: values only (paste special) or imported whole."""
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    first = doc.Sheets.ElementNames[0]
    for i, src in enumerate(sources):
        src_doc = load(desktop, src["in"])
        name = src.get("sheet") or src_doc.Sheets.ElementNames[0]
        if src.get("mode") == "import":
            doc.Sheets.importSheet(src_doc, name, i)
            doc.Sheets.getByIndex(i).Name = src["as"]
        else:
            doc.Sheets.insertNewByName(src["as"], i)
            target = doc.Sheets.getByIndex(i)
            for (r, c), v in used_values(src_doc.Sheets.getByName(name)).items():
                cell = target.getCellByPosition(c, r)
                if isinstance(v, str):
                    cell.setString(v)
                else:
                    cell.setValue(v)
        src_doc.close(True)
    doc.Sheets.removeByName(first)
    return doc


def sort_range(rng, field, ascending):
    sort_field = TableSortField()
    sort_field.Field = field
    sort_field.IsAscending = ascending
    sort_field.IsCaseSensitive = False
    desc = list(rng.createSortDescriptor())
    for p in desc:
        if p.Name == "SortFields":
            p.Value = uno.Any("[]com.sun.star.table.TableSortField", (sort_field,))
        elif p.Name == "ContainsHeader":
            p.Value = False
    rng.sort(tuple(desc))


def run_op(desktop, doc, sheet, op):
    kind = op["op"]
    if kind == "set":
        set_cells(sheet, op["cells"])
    elif kind == "unprotect":
        pass  # done before the first op (see STRUCTURAL)
    elif kind == "deleteRows":
        sheet.Rows.removeByIndex(op["at"], op.get("count", 1))
    elif kind == "insertRows":
        sheet.Rows.insertByIndex(op["at"], op.get("count", 1))
    elif kind == "deleteColumns":
        sheet.Columns.removeByIndex(op["at"], op.get("count", 1))
    elif kind == "insertColumns":
        sheet.Columns.insertByIndex(op["at"], op.get("count", 1))
    elif kind == "merge":
        sheet.getCellRangeByName(op["range"]).merge(True)
    elif kind == "rename":
        sheet.Name = op["to"]
    elif kind == "addSheet":
        doc.Sheets.insertNewByName(op["name"], op.get("at", 0))
        set_cells(doc.Sheets.getByName(op["name"]), op.get("cells", {}))
    elif kind == "copySheet":
        doc.Sheets.copyByName(sheet.Name, op["name"], op.get("at", 1))
    elif kind == "sort":
        sort_range(sheet.getCellRangeByName(op["range"]), op["field"], op.get("ascending", True))
    elif kind == "move":
        dest = sheet.getCellRangeByName(op["to"]).getCellAddress()
        sheet.moveRange(dest, sheet.getCellRangeByName(op["from"]).getRangeAddress())
    elif kind == "copyRange":
        copy_range(desktop, sheet, op)
    elif kind == "deleteSheet":
        doc.Sheets.removeByName(op["name"])
    elif kind == "deleteNames":
        names = doc.NamedRanges
        for n in list(names.ElementNames):
            names.removeByName(n)
    else:
        raise SystemExit(f"unknown op {kind}")


def copy_range(desktop, sheet, op):
    """Copy and paste (contents and formats) within the sheet, or from another file's first sheet."""
    dest = sheet.getCellRangeByName(op["to"])
    if not op.get("src"):
        sheet.copyRange(dest.getCellAddress(), sheet.getCellRangeByName(op["from"]).getRangeAddress())
        return
    src_doc = load(desktop, op["src"])
    src_range = src_doc.Sheets.getByIndex(0).getCellRangeByName(op["from"])
    data = src_range.getDataArray()
    a = dest.getCellAddress()
    for r, row in enumerate(data):
        for c, v in enumerate(row):
            if v == "":
                continue
            cell = sheet.getCellByPosition(a.Column + c, a.Row + r)
            if isinstance(v, str):
                cell.setString(v)
            else:
                cell.setValue(v)
    src_doc.close(True)


def run_job(desktop, job):
    doc = new_document(desktop, job["new"]) if job.get("new") else load(desktop, job["in"])
    sheets = doc.Sheets
    sheet_name = job.get("rename", [None])[0] or sheets.ElementNames[0]
    sheet = sheets.getByName(sheet_name)
    ops = list(job.get("ops", []))
    protected = sheet.isProtected()
    if protected and (job.get("insertRows") or any(o["op"] in STRUCTURAL for o in ops)):
        sheet.unprotect("")
    for index, count in job.get("insertRows", []):
        sheet.Rows.insertByIndex(index, count)
    for op in ops:
        target = sheets.getByName(op["sheet"]) if op.get("sheet") else sheet
        run_op(desktop, doc, target, op)
    if protected and not sheet.isProtected():
        sheet.protect("")
    if job.get("rename"):
        sheet.Name = job["rename"][1]
    doc.calculateAll()
    out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
    fmt = job.get("format", "xlsx")
    doc.storeToURL(out, (prop("FilterName", FILTERS[fmt]), prop("Overwrite", True)))
    doc.close(True)


def main():
    profile, jobs = sys.argv[1], json.load(open(sys.argv[2]))
    proc, desktop = start(profile)
    try:
        for job in jobs:
            run_job(desktop, job)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except Exception:
            # soffice is a wrapper around soffice.bin: end the whole process group we started
            os.killpg(proc.pid, signal.SIGKILL)


main()
