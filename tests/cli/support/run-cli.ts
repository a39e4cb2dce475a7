/**
 * Runs `bin/bdg-report.js` as a child process with a deadline, for the findings that were hangs
 * or crashes: the child is killed at the deadline (a hang fails the test instead of stalling the
 * suite), and its peak memory is read back (support/max-rss.js). The deadline and the memory
 * limit are bounds that only a runaway exceeds, not timing measurements.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** A run that has not finished by then is a hang (startup is about 0.4 s). */
export const DEADLINE_MS = 5_000;
/** Peak resident memory a run may reach (Node + tsx start at about 75 MB). */
export const MAX_RSS_MB = 300;

const ROOT = join(__dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "bdg-report.js");
const PRELOAD = join(__dirname, "max-rss.js");
const RSS_LINE = /\nBDG_TEST_MAX_RSS_KB=(\d+)\n$/;

export interface CliRun {
  /** Exit code; null when killed. */
  code: number | null;
  /** True when the child was still running at the deadline. */
  timedOut: boolean;
  stdout: string;
  /** Without the memory report line. */
  stderr: string;
  /** Peak resident memory in MB (NaN when the child was killed). */
  maxRssMb: number;
  /** Wall time, for the report only (never asserted). */
  ms: number;
}

/** `deadlineMs`: for a run over many files (each file's own bound is DEADLINE_MS, run one by one). */
export function runCli(args: string[], env: Record<string, string> = {}, deadlineMs = DEADLINE_MS): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, ["-r", PRELOAD, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    timeout: deadlineMs,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  const ms = Date.now() - started;
  const err = r.stderr ?? "";
  const m = RSS_LINE.exec(err);
  return {
    code: r.status,
    timedOut: r.signal === "SIGKILL" || (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT",
    stdout: r.stdout ?? "",
    stderr: m ? err.slice(0, m.index) : err,
    maxRssMb: m ? Number(m[1]) / 1024 : NaN,
    ms,
  };
}

/** Finished by itself, within the bounds. */
export function expectBounded(r: CliRun): void {
  expect(r.timedOut).toBe(false);
  expect(r.code).not.toBeNull();
  expect(r.maxRssMb).toBeLessThan(MAX_RSS_MB);
}
