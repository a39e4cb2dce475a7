/**
 * Command-line paths → the files to read (shared by `validate` and `merge`).
 *
 * - a path to a file is always taken, whatever its name (reading it tells whether it is a
 *   regular file);
 * - a directory is walked recursively (at most MAX_DEPTH levels down), taking spreadsheet
 *   extensions only and skipping hidden (`.`) entries and Office lock files (`~$`);
 * - each real directory is walked once, known by device and inode: a link to a folder above
 *   (`ln -s . again`), two links to one folder, or one folder named twice are not walked again,
 *   so loops end and no file is listed twice through another route;
 * - names are read as bytes: a name that is not valid UTF-8 is still opened by its bytes and
 *   shown with `\xNN` for the bytes that are not UTF-8 (see path-text.ts);
 * - an entry with a spreadsheet extension is listed even when it is a FIFO, a device, a broken
 *   link or cannot be inspected: reading it gives its verdict, nothing is dropped silently;
 * - `*` and `?` match within one path segment (globs; hidden and lock names only when the
 *   pattern segment itself starts with `.` or `~$`); a matched directory is walked as above;
 * - a path that does not exist, or a glob that matches nothing, is reported as missing;
 * - `skip`: files that are never taken when met in a directory or through a glob (merge's own
 *   --out and --json, so a re-run next to last run's summary works).
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, normalize, resolve } from "node:path";
import type { Text } from "../form/schema";
import { fsCause } from "./fs-errors";
import { decodeName, fsPathOf, joinBytes, pathText, type FsPath } from "./path-text";

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

/** One file to read. */
export interface InputFile {
  /** What to open: text, or the raw bytes of a name that is not UTF-8. */
  path: FsPath;
  /** How it is shown and reported (terminal, JSON, summary): bytes that are not UTF-8 as \xNN. */
  name: string;
  /** Known before reading: a folder that could not be listed. */
  failure?: { reason: "ioError"; message: Text };
}

export interface ExpandedInputs {
  /** The files, each once, in the order of the arguments (a directory's files sorted by name). */
  files: InputFile[];
  /** Files named as such on the command line (not found through a directory or a glob). */
  explicit: InputFile[];
  /** Arguments that name nothing: no such path, or a glob without a match. */
  missing: string[];
}

export interface ExpandOptions {
  /** Never taken from a directory or a glob (compared after resolving links). */
  skip?: FsPath[];
  /** Also list missing arguments in `files`, where they stand (validate reports them as "not found"). */
  keepMissing?: boolean;
}

const inputOf = (p: FsPath): InputFile => ({ path: p, name: pathText(p) });

/** Paths, directories and globs → files. */
export function expandInputs(args: string[], options: ExpandOptions = {}): ExpandedInputs {
  const skip = options.skip ?? [];
  const files = new Map<string, InputFile>();
  const explicit: InputFile[] = [];
  const missing: string[] = [];
  const visited = new Set<string>();
  const add = (f: InputFile): void => {
    const key = typeof f.path === "string" ? f.path : `\0${f.path.toString("latin1")}`;
    if (!files.has(key)) files.set(key, f);
  };
  const skipped = (f: FsPath): boolean => skip.some((s) => samePath(f, s));
  const walk = (dir: Buffer, depth: number): void => {
    const id = directoryId(dir);
    if (id !== null) {
      if (visited.has(id)) return;
      visited.add(id);
    }
    let names: Buffer[];
    try {
      names = readdirSync(dir, { encoding: "buffer" });
    } catch (e) {
      add(unlistable(dir, e));
      return;
    }
    const entries = names
      .map((raw) => ({ raw, text: decodeName(raw).text }))
      .sort((a, b) => a.text.localeCompare(b.text));
    for (const { raw, text } of entries) {
      if (isHiddenOrLock(text)) continue;
      const p = joinBytes(dir, raw);
      const isDir = isDirectory(p);
      if (isDir) {
        if (depth < MAX_DEPTH) walk(p, depth + 1);
      } else if (SPREADSHEET_EXT.has(extname(text).toLowerCase())) {
        const path = fsPathOf(p);
        if (!skipped(path)) add(inputOf(path));
      }
    }
  };
  const notFound = (arg: string): void => {
    missing.push(arg);
    if (options.keepMissing) add(inputOf(arg));
  };
  for (const arg of args) {
    if (existsSync(arg)) {
      if (isDirectory(arg)) walk(Buffer.from(normalize(arg)), 0);
      else {
        add(inputOf(arg));
        explicit.push(inputOf(arg));
      }
      continue;
    }
    if (!hasWildcard(arg)) {
      notFound(arg);
      continue;
    }
    const matched = glob(arg).filter((f) => !skipped(fsPathOf(f)));
    if (!matched.length) notFound(arg);
    for (const f of matched) {
      if (isDirectory(f)) walk(f, 0);
      else add(inputOf(fsPathOf(f)));
    }
  }
  return { files: [...files.values()], explicit, missing };
}

/** Same file: same device and inode, else the same path after resolving links (of its folder when it does not exist yet). */
export function samePath(a: FsPath, b: FsPath): boolean {
  try {
    const sa = statSync(a, { bigint: true });
    const sb = statSync(b, { bigint: true });
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // one of them does not exist (yet): compare where they would be
  }
  const real = (p: FsPath): Buffer => {
    try {
      return realpathSync(p, { encoding: "buffer" });
    } catch {
      if (typeof p !== "string") return p;
      // not there yet: its folder resolved (links followed), then its name
      const abs = resolve(p);
      try {
        return joinBytes(realpathSync(dirname(abs), { encoding: "buffer" }), Buffer.from(basename(abs)));
      } catch {
        return Buffer.from(abs);
      }
    }
  };
  return real(a).equals(real(b));
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

function isDirectory(p: FsPath): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Device and inode of a directory (links followed), or null when it cannot be inspected. */
function directoryId(p: FsPath): string | null {
  try {
    const st = statSync(p, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** A folder that could not be listed still gets a line of its own. */
function unlistable(dir: Buffer, e: unknown): InputFile {
  const name = pathText(fsPathOf(dir));
  const cause = fsCause(e);
  return {
    path: fsPathOf(dir),
    name,
    failure: {
      reason: "ioError",
      message: {
        vi: `Không đọc được danh sách tệp trong thư mục "${name}": ${cause.vi}`,
        en: `Cannot list the folder "${name}": ${cause.en}`,
      },
    },
  };
}

function glob(pattern: string): Buffer[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split(/[\\/]+/).filter((p) => p !== "");
  const DOT = Buffer.from(".");
  let bases: Buffer[] = [absolute ? Buffer.from("/") : DOT];
  const under = (base: Buffer, name: Buffer): Buffer => (base === DOT ? name : joinBytes(base, name));
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const next: Buffer[] = [];
    for (const base of bases) {
      if (!hasWildcard(part)) {
        const p = under(base, Buffer.from(part));
        if (existsSync(p)) next.push(p);
        continue;
      }
      const re = segmentRegex(part);
      let names: Buffer[] = [];
      try {
        names = readdirSync(base, { encoding: "buffer" });
      } catch {
        continue;
      }
      const entries = names.map((raw) => ({ raw, text: decodeName(raw).text }));
      entries.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
      for (const { raw, text } of entries) {
        // hidden and lock files only when the pattern asks for them
        if (text.startsWith(".") && !part.startsWith(".")) continue;
        if (text.startsWith("~$") && !part.startsWith("~$")) continue;
        if (!re.test(text)) continue;
        const p = under(base, raw);
        if (!last && !isDirectory(p)) continue;
        next.push(p);
      }
    }
    bases = next;
  });
  return bases.filter((b) => b !== DOT && !(b.length === 1 && b[0] === 0x2f));
}
