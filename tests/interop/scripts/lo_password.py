"""Save a workbook with a password to open, as .ods and as .xls, through LibreOffice (UNO).

usage: /usr/bin/python3 lo_password.py PROFILE_DIR IN.xlsx OUT_DIR PASSWORD
Writes OUT_DIR/locked.ods (encrypted package) and OUT_DIR/locked.xls (BIFF8 with FILEPASS).
"""
import os
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
    profile, src, out_dir, password = sys.argv[1:5]
    port = 20000 + os.getpid() % 20000
    proc = subprocess.Popen([
        "/usr/bin/soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
        f"-env:UserInstallation=file://{profile}",
        f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
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
        url = uno.systemPathToFileUrl(os.path.abspath(src))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        for name, filter_name in (("locked.ods", "calc8"), ("locked.xls", "MS Excel 97")):
            out = uno.systemPathToFileUrl(os.path.join(os.path.abspath(out_dir), name))
            doc.storeToURL(out, (prop("FilterName", filter_name), prop("Password", password)))
        doc.close(True)
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


main()
