/**
 * Helpers for the definition workbook tests: write a definition to a file, edit workbooks the way
 * an officer does (openpyxl: scripts/edit_definition.py; LibreOffice through UNO:
 * tests/interop/scripts/lo_edit.py), re-save with LibreOffice headless, and edit the sheet model
 * directly (fast, no external program).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { definitionModel } from "../../src/definition/write";
import type { FormDefinition } from "../../src/form/schema";
import type { CellScalar, WorkbookModel } from "../../src/layout/sheet-model";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { PYTHON, SOFFICE } from "../external-tools";

export const EDIT_PY = join(__dirname, "scripts", "edit_definition.py");
export const LO_EDIT_PY = join(__dirname, "..", "interop", "scripts", "lo_edit.py");

export async function definitionBytes(def: FormDefinition): Promise<Uint8Array> {
  return writeWorkbook(definitionModel(def));
}

export async function writeDefinitionFile(def: FormDefinition, path: string): Promise<string> {
  writeFileSync(path, await definitionBytes(def));
  return path;
}

/** A fresh temp folder (removed by the caller's afterAll). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bdg-def-${prefix}-`));
}

function run(cmd: string, args: string[], timeout: number): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout, killSignal: "SIGKILL" });
  if (r.status !== 0)
    throw new Error(
      `${basename(cmd)} ${basename(args[0] ?? "")} failed (${r.status}): ${r.stderr}${r.stdout}`
    );
}

export type OpenpyxlOp =
  | { op: "set"; sheet: string; cells: Record<string, CellScalar | { date: string }> }
  | { op: "copyRow"; sheet: string; from: number; to: number }
  | { op: "appendRow"; sheet: string; values: (CellScalar | { date: string })[] }
  | { op: "deleteRows"; sheet: string; at: number; count: number }
  | { op: "deleteSheet"; sheet: string }
  | { op: "renameSheet"; sheet: string; to: string }
  | { op: "setByName"; cells: Record<string, CellScalar | { date: string }> };

/** Edit workbooks with openpyxl, every job in one Python process. */
export function editWithOpenpyxl(dir: string, jobs: { in: string; out: string; ops: OpenpyxlOp[] }[]): void {
  const file = join(dir, `openpyxl-jobs-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(jobs));
  run(PYTHON, [EDIT_PY, file], 120_000);
}

/** Edit workbooks in LibreOffice through UNO (lo_edit.py's jobs), one soffice for all. */
export function editWithLibreOffice(dir: string, jobs: unknown[]): void {
  const file = join(dir, `lo-jobs-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(jobs));
  const profile = `/tmp/lo-bdg-def-edit-${process.pid}-${Date.now()}`;
  try {
    run(PYTHON, [LO_EDIT_PY, profile, file], 300_000);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Open and save again with LibreOffice headless (one soffice run): each file replaced by its re-saved copy. */
export function resaveWithLibreOffice(dir: string, files: string[]): void {
  const out = join(dir, `lo-out-${Date.now()}`);
  mkdirSync(out);
  const profile = `/tmp/lo-bdg-def-${process.pid}-${Date.now()}`;
  try {
    run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        out,
        ...files,
      ],
      300_000
    );
    for (const f of files) {
      const saved = join(out, basename(f));
      if (!existsSync(saved)) throw new Error(`LibreOffice did not write ${basename(f)}`);
      renameSync(saved, f);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** The model with one sheet's cells changed (value null: the cell removed), as an officer types. */
export function editModel(
  model: WorkbookModel,
  sheet: string,
  cells: Record<string, CellScalar>
): WorkbookModel {
  const copy = JSON.parse(JSON.stringify(model)) as WorkbookModel;
  const s = copy.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  for (const [address, value] of Object.entries(cells)) {
    s.cells = s.cells.filter((c) => c.address !== address);
    if (value !== null) s.cells.push({ address, value, style: "cell" });
  }
  return copy;
}
