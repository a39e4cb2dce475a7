/**
 * Runs the corpus jobs round by round: every job of a round may use the files made in earlier
 * rounds; within a round, the Python tools get one process each for all their jobs (openpyxl in
 * one interpreter, LibreOffice in one soffice), the Node tools run in process.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { runCopy, runExceljs, runSheetjs } from "./node-tools";
import type { Job, Op, Tool } from "./recipe";

export const PYTHON = "/usr/bin/python3";
export const SOFFICE = "/usr/bin/soffice";
const LO_SCRIPT = join(__dirname, "..", "interop", "scripts", "lo_edit.py");
const OPENPYXL_SCRIPT = join(__dirname, "scripts", "openpyxl_edit.py");

function pythonHas(mod: string): boolean {
  try {
    execFileSync(PYTHON, ["-c", `import ${mod}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Which external programs this machine has; a reason for each one missing. */
export function externalTools(): { openpyxl: boolean; libreoffice: boolean; missing: string[] } {
  const missing: string[] = [];
  const openpyxl = existsSync(PYTHON) && pythonHas("openpyxl");
  if (!openpyxl) missing.push(`${PYTHON} with openpyxl (Debian python3-openpyxl)`);
  const libreoffice = existsSync(SOFFICE) && existsSync(PYTHON) && pythonHas("uno");
  if (!libreoffice) missing.push(`${SOFFICE} with python3-uno`);
  return { openpyxl, libreoffice, missing };
}

const abs = (dir: string, p: unknown): unknown =>
  typeof p === "string" && p && !isAbsolute(p) ? join(dir, p) : p;

/** A job as the Python scripts take it: absolute paths. */
function forPython(dir: string, job: Job): Record<string, unknown> {
  const ops = job.ops.map((o): Op => ("src" in o ? { ...o, src: abs(dir, o.src) } : o));
  return {
    ...(job.in ? { in: abs(dir, job.in) } : {}),
    ...(job.new ? { new: job.new.map((s) => ({ ...s, in: abs(dir, s.in) })) } : {}),
    out: abs(dir, job.out),
    ops,
    ...(job.format ? { format: job.format } : {}),
  };
}

function runPython(dir: string, tool: "openpyxl" | "libreoffice", jobs: Job[], round: number): void {
  const list = join(dir, `${tool}-jobs-${round}.json`);
  writeFileSync(
    list,
    JSON.stringify(
      jobs.map((j) => forPython(dir, j)),
      null,
      1
    )
  );
  const args =
    tool === "openpyxl" ? [OPENPYXL_SCRIPT, list] : [LO_SCRIPT, join(dir, `lo-profile-${process.pid}`), list];
  execFileSync(PYTHON, args, { stdio: ["ignore", "inherit", "inherit"], timeout: 300_000 });
}

/** Run every round; `dir` holds the templates the first round reads and receives every file. */
export async function runRounds(dir: string, rounds: Job[][]): Promise<void> {
  for (let r = 0; r < rounds.length; r++) {
    const byTool = new Map<Tool, Job[]>();
    for (const j of rounds[r]) byTool.set(j.tool, [...(byTool.get(j.tool) ?? []), j]);
    for (const tool of ["openpyxl", "libreoffice"] as const) {
      const jobs = byTool.get(tool);
      if (jobs?.length) runPython(dir, tool, jobs, r);
    }
    for (const j of byTool.get("exceljs") ?? []) await runExceljs(dir, j);
    for (const j of byTool.get("sheetjs") ?? []) runSheetjs(dir, j);
    for (const j of byTool.get("copy") ?? []) runCopy(dir, j);
  }
}
