/**
 * The real programs the interop and browser tests drive: LibreOffice (`soffice`), Debian's
 * Python with openpyxl (and python3-uno for LibreOffice scripting), Debian's Chromium. A test file
 * asks `missing(...)` for what it needs; when something is absent it prints one line saying what
 * and why, and skips (`.ci/run` installs them all).
 *
 * BDG_TEST_WITHOUT=soffice,openpyxl,uno,chromium pretends the listed tools are absent, to see the
 * skip path on a machine that has them.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const SOFFICE = "/usr/bin/soffice";
/** Debian's Python: the `python3` on PATH may be another one without openpyxl. */
export const PYTHON = "/usr/bin/python3";
export const CHROMIUM = "/usr/bin/chromium";

export type Tool = "soffice" | "openpyxl" | "uno" | "chromium";

const hidden = new Set((process.env.BDG_TEST_WITHOUT ?? "").split(",").map((s) => s.trim()));

function imports(module: string): boolean {
  return (
    existsSync(PYTHON) && spawnSync(PYTHON, ["-c", `import ${module}`], { stdio: "ignore" }).status === 0
  );
}

const CHECKS: Record<Tool, () => string | null> = {
  soffice: () =>
    existsSync(SOFFICE)
      ? null
      : `LibreOffice (soffice) not found at ${SOFFICE} (apt-get install libreoffice-calc-nogui)`,
  openpyxl: () =>
    imports("openpyxl") ? null : `openpyxl not found for ${PYTHON} (apt-get install python3-openpyxl)`,
  uno: () => (imports("uno") ? null : `python3-uno not found for ${PYTHON} (apt-get install python3-uno)`),
  chromium: () =>
    existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`,
};

/**
 * Why `what` cannot run, or null when every tool it needs is there. Prints
 * `[skip] <reason>: <what> skipped` once when something is missing.
 */
export function missing(what: string, ...tools: Tool[]): string | null {
  for (const tool of tools) {
    const reason = hidden.has(tool) ? `${tool} hidden by BDG_TEST_WITHOUT` : CHECKS[tool]();
    if (reason) {
      process.stdout.write(`[skip] ${reason}: ${what} skipped\n`);
      return reason;
    }
  }
  return null;
}
