/**
 * Whether written workbooks are well-formed for strict readers: every XML part parsed by expat
 * (Python's xml.dom.minidom) and the file loaded by openpyxl (scripts/check_xml.py, Debian's
 * Python). Callers skip with `missing("…", "openpyxl")` (tests/external-tools.ts) when absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON } from "../external-tools";

const SCRIPT = join(__dirname, "scripts", "check_xml.py");

/** The problems strict readers find in each workbook (empty arrays: all well-formed), in order. */
export function strictXmlProblems(workbooks: Uint8Array[]): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "bdg-strict-"));
  try {
    const paths = workbooks.map((b, i) => {
      const p = join(dir, `w${i}.xlsx`);
      writeFileSync(p, b);
      return p;
    });
    const r = spawnSync(PYTHON, [SCRIPT, ...paths], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`check_xml.py failed: ${r.stderr}`);
    const got = JSON.parse(r.stdout) as Record<string, string[]>;
    return paths.map((p) => got[p]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
