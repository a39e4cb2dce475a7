"""Strict checks of written workbooks: every XML part of each file given parses with expat
(xml.dom.minidom), and openpyxl loads the file. Prints a JSON object: path -> list of problems."""
import json
import sys
import xml.dom.minidom
import zipfile

import openpyxl

out = {}
for path in sys.argv[1:]:
    problems = []
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    try:
                        xml.dom.minidom.parseString(z.read(name))
                    except Exception as e:  # any parser error is a problem of the file
                        problems.append(f"{name}: {e}")
        openpyxl.load_workbook(path)
    except Exception as e:
        problems.append(f"openpyxl: {e}")
    out[path] = problems
print(json.dumps(out))
