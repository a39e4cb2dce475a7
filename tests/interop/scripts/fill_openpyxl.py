"""Fill copies of the template with openpyxl, as a script-writing officer would.

usage: fill_openpyxl.py TEMPLATE OUT.xlsx JSON   |   fill_openpyxl.py TEMPLATE --batch JOBS.json
JSON: {"cells": {defined name: value}, "formulas": {name: "=2+3"}, "dropNames": bool, "dropMeta": bool}
Values are written to the cell each defined name points to (names resolved by openpyxl).
openpyxl writes no cached formula results (the reader must say "not computed").
"""
import json
import sys

import openpyxl


def target(wb, name):
    dn = wb.defined_names.get(name) if hasattr(wb.defined_names, "get") else wb.defined_names[name]
    (sheet, ref), = list(dn.destinations)
    return wb[sheet][ref.replace("$", "")]


def main():
    if sys.argv[2] == "--batch":
        # fill_openpyxl.py TEMPLATE --batch JOBS.json: [{"out": path, ...spec}] in one process
        for job in json.load(open(sys.argv[3])):
            fill(sys.argv[1], job["out"], job)
        return
    fill(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))


def fill(src, out, spec):
    wb = openpyxl.load_workbook(src)
    for name, value in spec.get("cells", {}).items():
        target(wb, name).value = value
    for name, formula in spec.get("formulas", {}).items():
        target(wb, name).value = formula
    if spec.get("dropNames"):
        for name in list(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else [d.name for d in wb.defined_names.definedName]:
            del wb.defined_names[name]
    if spec.get("dropMeta") and "_BDG_META" in wb.sheetnames:
        del wb["_BDG_META"]
    wb.save(out)


main()
