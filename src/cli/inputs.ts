/**
 * Command-line paths → the files to read (shared by `validate` and `merge`).
 *
 * - a path to a file is always taken, whatever its name;
 * - a directory is walked recursively (at most MAX_DEPTH levels down), taking spreadsheet
 *   extensions only and skipping hidden (`.`) entries and Office lock files (`~$`);
 * - `*` and `?` match within one path segment (globs; hidden and lock names only when the
 *   pattern segment itself starts with `.` or `~$`); a matched directory is walked as above;
 * - a path that does not exist, or a glob that matches nothing, is reported as missing;
 * - `skip`: files that are never taken when met in a directory or through a glob (merge's own
 *   --out and --json, so a re-run next to last run's summary works).
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";

/** Extensions picked up in a directory (a named file is always read, whatever its name). */
export const SPREADSHEET_EXT: ReadonlySet<string> = new Set([
  ".xlsx",
  ".xlsm",
  ".xltx",
  ".xltm",
  ".xls",
  ".xlsb",
  ".ods",
  ".numbers",
]);

/** How many directory levels below a given directory are still walked. */
export const MAX_DEPTH = 20;

export interface ExpandedInputs {
  /** The files, each once, in the order of the arguments (a directory's files sorted by name). */
  files: string[];
  /** Files named as such on the command line (not found through a directory or a glob). */
  explicit: string[];
  /** Arguments that name nothing: no such path, or a glob without a match. */
  missing: string[];
}

export interface ExpandOptions {
  /** Never taken from a directory or a glob (compared after resolving links). */
  skip?: string[];
  /** Also list missing arguments in `files`, where they stand (validate reports them as "not found"). */
  keepMissing?: boolean;
}

/** Paths, directories and globs → files. */
export function expandInputs(args: string[], options: ExpandOptions = {}): ExpandedInputs {
  const skip = options.skip ?? [];
  const files = new Set<string>();
  const explicit: string[] = [];
  const missing: string[] = [];
  const skipped = (f: string): boolean => skip.some((s) => samePath(f, s));
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort((a, b) => a.localeCompare(b));
    } catch {
      return;
    }
    for (const n of names) {
      if (isHiddenOrLock(n)) continue;
      const p = join(dir, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < MAX_DEPTH) walk(p, depth + 1);
      } else if (SPREADSHEET_EXT.has(extname(n).toLowerCase()) && !skipped(p)) files.add(p);
    }
  };
  const notFound = (arg: string): void => {
    missing.push(arg);
    if (options.keepMissing) files.add(arg);
  };
  for (const arg of args) {
    if (existsSync(arg)) {
      if (isDirectory(arg)) walk(arg, 0);
      else {
        files.add(arg);
        explicit.push(arg);
      }
      continue;
    }
    if (!hasWildcard(arg)) {
      notFound(arg);
      continue;
    }
    const matched = glob(arg).filter((f) => !skipped(f));
    if (!matched.length) notFound(arg);
    for (const f of matched) {
      if (isDirectory(f)) walk(f, 0);
      else files.add(f);
    }
  }
  return { files: [...files], explicit, missing };
}

/** Same file after resolving links (a path that does not exist yet is compared resolved). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** `*` and `?` within one path segment; case-sensitive like the file system. */
export function segmentRegex(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

function hasWildcard(s: string): boolean {
  return /[*?]/.test(s);
}

function isHiddenOrLock(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$");
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function glob(pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split(/[\\/]+/).filter((p) => p !== "");
  let bases: string[] = [absolute ? "/" : "."];
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      if (!hasWildcard(part)) {
        const p = base === "." && !absolute ? part : join(base, part);
        if (existsSync(p)) next.push(p);
        continue;
      }
      const re = segmentRegex(part);
      let names: string[] = [];
      try {
        names = readdirSync(base).sort();
      } catch {
        continue;
      }
      for (const n of names) {
        // hidden and lock files only when the pattern asks for them
        if (n.startsWith(".") && !part.startsWith(".")) continue;
        if (n.startsWith("~$") && !part.startsWith("~$")) continue;
        if (!re.test(n)) continue;
        const p = base === "." && !absolute ? n : join(base, n);
        if (!last && !isDirectory(p)) continue;
        next.push(p);
      }
    }
    bases = next;
  });
  return bases.filter((b) => b !== "." && b !== "/");
}
