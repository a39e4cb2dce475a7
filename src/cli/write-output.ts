/**
 * Writing the command's outputs (the summary, the JSON report) without ever hanging or showing a
 * stack trace:
 * - missing folders are created one level at a time from the nearest existing one, so a path
 *   under /proc or /sys fails at once (Node's own `mkdirSync(…, { recursive: true })` loops
 *   forever there: mkdir answers ENOENT for a folder whose parent exists);
 * - each file is written next to its target under a hidden temporary name, then renamed over it:
 *   a full disk or a failure half-way leaves the previous file as it was;
 * - every file-system error becomes one Vietnamese/English message (see fs-errors.ts);
 * - `checkWritable` tries this before the work starts (folders made, a probe file created and
 *   removed), so that a wrong --out is told at once, not after reading every input.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Text } from "../form/schema";
import { errorCode, fsCause } from "./fs-errors";

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

/** Create `dir` and its missing parents (never loops: at most one mkdir per missing level). */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  for (;;) {
    try {
      if (!statSync(d).isDirectory())
        throw Object.assign(new Error(`not a folder: ${d}`), { code: "ENOTDIR" });
      break;
    } catch (e) {
      if (errorCode(e) !== "ENOENT") throw e;
    }
    missing.push(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if (errorCode(e) !== "EEXIST" || !statSync(m).isDirectory()) throw e;
    }
  }
}

/** Make the folders and try creating a file in each: null when the outputs can be written. */
export function checkWritable(paths: readonly string[]): Text | null {
  for (const path of paths) {
    const dir = dirname(path);
    try {
      makeFolders(dir);
    } catch (e) {
      return cannot({ vi: "không tạo được thư mục", en: "cannot create the folder" }, dir, e);
    }
    const probe = tempNameFor(existingTarget(path));
    try {
      writeWhole(probe, "");
    } catch (e) {
      return cannot(WRITE, path, e);
    } finally {
      rmSync(probe, { force: true });
    }
  }
  return null;
}

/**
 * Write the files: folders first, then every file under a temporary name, then the renames. Null
 * when all is written; otherwise the message, and no temporary file is left behind.
 */
export function writeOutputs(files: readonly OutputFile[]): Text | null {
  for (const f of files) {
    const dir = dirname(f.path);
    try {
      makeFolders(dir);
    } catch (e) {
      return cannot({ vi: "không tạo được thư mục", en: "cannot create the folder" }, dir, e);
    }
  }
  const staged: { temp: string; target: string; shown: string }[] = [];
  const cleanUp = (): void => staged.forEach((s) => rmSync(s.temp, { force: true }));
  for (const f of files) {
    const target = existingTarget(f.path);
    const temp = tempNameFor(target);
    try {
      writeWhole(temp, f.data);
      staged.push({ temp, target, shown: f.path });
    } catch (e) {
      rmSync(temp, { force: true });
      cleanUp();
      return cannot(WRITE, f.path, e);
    }
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      renameSync(staged[i].temp, staged[i].target);
    } catch (e) {
      staged.slice(i).forEach((s) => rmSync(s.temp, { force: true }));
      return cannot(WRITE, staged[i].shown, e);
    }
  }
  return null;
}

/** Hidden (never taken from a folder by validate or merge), beside the target. */
function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** A link at the output path is written through (the file it points to is replaced). */
function existingTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function writeWhole(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, "wx");
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    try {
      fsyncSync(fd);
    } catch (e) {
      // some file systems cannot flush on request; the data is written all the same
      if (!["EINVAL", "ENOTSUP", "EOPNOTSUPP"].includes(errorCode(e) ?? "")) throw e;
    }
  } finally {
    closeSync(fd);
  }
}

const WRITE: Text = { vi: "không ghi được tệp", en: "cannot write" };

function cannot(what: Text, path: string, e: unknown): Text {
  const cause = fsCause(e);
  return { vi: `${what.vi} "${path}": ${cause.vi}`, en: `${what.en} "${path}": ${cause.en}` };
}
