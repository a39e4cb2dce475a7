/**
 * The bytes of one input file, bounded, without ever blocking on what is not a file:
 * - the kind is decided by `stat` before opening: a folder, FIFO, device or socket is
 *   "notRegular" and is never opened (a FIFO would block `open`, /dev/zero never ends);
 * - the file is opened with O_NONBLOCK and checked again with `fstat` (it may have been replaced
 *   between the two), so a FIFO slipped in at the last moment is still not waited on;
 * - at most `maxBytes` + 1 bytes are read, whatever the size `stat` gave: files of /proc say 0,
 *   a growing file or a lying file system says less than it holds. One byte over the cap is
 *   "tooLarge". A size over the cap in `stat` is "tooLarge" without reading.
 * Every failure has a Vietnamese/English message naming the file as shown to the officer.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import type { Text } from "../form/schema";
import { rejectMessage } from "../inspect/messages";
import { DEFAULT_LIMITS } from "../xlsx/reader";
import { errorCode, fsCause } from "./fs-errors";
import { pathText, type FsPath } from "./path-text";

export type InputFailure = "notFound" | "notRegular" | "tooLarge" | "ioError";

export type InputRead =
  | { ok: true; bytes: Uint8Array; /** ms since the epoch */ modified: number }
  | { ok: false; reason: InputFailure; message: Text; modified: number };

export interface ReadInputOptions {
  /** Default: the reader's cap, DEFAULT_LIMITS.maxFileBytes (20 MB). */
  maxBytes?: number;
  /** How the file is named in messages (default: its path, invalid UTF-8 bytes as \xNN). */
  name?: string;
}

// O_NONBLOCK is not defined on Windows, where no FIFO can stand at a file path anyway.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const FIRST_CHUNK = 64 * 1024;

/** Read one input file (see the module comment). */
export function readInput(path: FsPath, options: ReadInputOptions = {}): InputRead {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const name = options.name ?? pathText(path);
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return failed(name, e, 0);
  }
  const before = kindCheck(name, st, maxBytes);
  if (before) return before;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return failed(name, e, st.mtimeMs);
  }
  try {
    const fst = fstatSync(fd);
    const after = kindCheck(name, fst, maxBytes);
    if (after) return after;
    const bytes = readAtMost(fd, maxBytes + 1, fst.size);
    if (bytes.length > maxBytes) return tooLarge(maxBytes, fst.mtimeMs);
    return { ok: true, bytes, modified: fst.mtimeMs };
  } catch (e) {
    return failed(name, e, st.mtimeMs);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read from `fd` until end of file or `limit` bytes, whichever comes first. The buffer starts at
 * the size `stat` gave (+1, to see the end) and doubles up to `limit`: never more than `limit`
 * bytes are held, whatever the file says of itself.
 */
export function readAtMost(fd: number, limit: number, sizeHint = 0): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.min(limit, Math.max(FIRST_CHUNK, sizeHint + 1)));
  let length = 0;
  while (length < limit) {
    if (length === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(limit, buf.length * 2));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, length);
}

function kindCheck(name: string, st: Stats, maxBytes: number): InputRead | null {
  if (!st.isFile()) return notRegular(name, st);
  if (st.size > maxBytes) return tooLarge(maxBytes, st.mtimeMs);
  return null;
}

function tooLarge(maxBytes: number, modified: number): InputRead {
  const limitMb = Math.max(1, Math.round(maxBytes / 1048576));
  return { ok: false, reason: "tooLarge", message: rejectMessage("tooLarge", { limitMb }), modified };
}

/** What a path that is not a regular file is, in words. */
export function kindOf(st: Stats): Text {
  if (st.isDirectory()) return { vi: "một thư mục", en: "a folder" };
  if (st.isFIFO()) return { vi: "một đường ống (FIFO)", en: "a FIFO (named pipe)" };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { vi: "một thiết bị", en: "a device" };
  if (st.isSocket()) return { vi: "một socket", en: "a socket" };
  return { vi: "một tệp đặc biệt", en: "a special file" };
}

function notRegular(name: string, st: Stats): InputRead {
  const kind = kindOf(st);
  return {
    ok: false,
    reason: "notRegular",
    message: {
      vi: `"${name}" không phải là tệp thông thường mà là ${kind.vi}: không đọc; hãy chỉ ra đúng tệp báo cáo`,
      en: `"${name}" is not a regular file but ${kind.en}: not read; name the report file itself`,
    },
    modified: st.mtimeMs,
  };
}

function failed(name: string, e: unknown, modified: number): InputRead {
  const code = errorCode(e);
  if (code === "ENOENT" || code === "ENOTDIR")
    return {
      ok: false,
      reason: "notFound",
      message: { vi: `Không tìm thấy tệp "${name}"`, en: `File not found: "${name}"` },
      modified,
    };
  const cause = fsCause(e);
  return {
    ok: false,
    reason: "ioError",
    message: { vi: `Không đọc được tệp "${name}": ${cause.vi}`, en: `Cannot read "${name}": ${cause.en}` },
    modified,
  };
}
