"""Batch LibreOffice edits through UNO (one soffice process for every job).

usage: /usr/bin/python3 lo_edit.py PROFILE_DIR JOBS.json
JOBS: [{"in": path, "out": path, "insertRows": [[index0, count], ...], "rename": [old, new]}]
Each job: load, insert rows (0-based index, on the report sheet), rename the sheet, save as xlsx.
"""
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    profile, jobs = sys.argv[1], json.load(open(sys.argv[2]))
    port = 20000 + os.getpid() % 20000
    proc = subprocess.Popen([
        "/usr/bin/soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
        f"-env:UserInstallation=file://{profile}",
        f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("soffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            sheets = doc.Sheets
            sheet_name = job.get("rename", [None])[0] or sheets.ElementNames[0]
            sheet = sheets.getByName(sheet_name)
            protected = sheet.isProtected()
            if protected and job.get("insertRows"):
                sheet.unprotect("")  # the template's protection has no password, as an officer would do
            for index, count in job.get("insertRows", []):
                sheet.Rows.insertByIndex(index, count)
            if protected and not sheet.isProtected():
                sheet.protect("")
            if job.get("rename"):
                sheet.Name = job["rename"][1]
            doc.calculateAll()
            out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
            doc.storeToURL(out, (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
            doc.close(True)
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
