/**
 * File names as bytes. On Linux a name is any byte string: one that is not valid UTF-8 (a file
 * copied from an old Windows code page, a damaged USB stick) comes back from `readdir` as U+FFFD
 * when read as text, and that text names no file. The walk therefore reads names as bytes
 * (`FsPath` = the Buffer when the name is not UTF-8), and shows them with `pathText`: valid UTF-8
 * as it is, each byte that is not part of a valid UTF-8 sequence as `\xNN`.
 */
import { sep } from "node:path";

/** What node:fs opens: text for a UTF-8 name, the raw bytes otherwise. */
export type FsPath = string | Buffer;

/** Length of the valid UTF-8 sequence starting at i (RFC 3629: no overlongs, no surrogates), or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > b.length || b[i + 1] < lo || b[i + 1] > hi) return 0;
  for (let k = 2; k < n; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return 0;
  return n;
}

/** Bytes → text, and whether the bytes were valid UTF-8 (then the text names the same file). */
export function decodeName(bytes: Uint8Array): { text: string; exact: boolean } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const plain = buf.toString("utf8");
  if (!plain.includes("\ufffd")) return { text: plain, exact: true };
  let text = "";
  let exact = true;
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n) {
      i += n;
      continue;
    }
    text += `${buf.toString("utf8", start, i)}\\x${bytes[i].toString(16).padStart(2, "0")}`;
    exact = false;
    i += 1;
    start = i;
  }
  return { text: text + buf.toString("utf8", start), exact };
}

/** How a path is shown (terminal, JSON, the summary's file column). */
export function pathText(p: FsPath): string {
  return typeof p === "string" ? p : decodeName(p).text;
}

/** The path to open: text when the bytes are UTF-8, the bytes themselves otherwise. */
export function fsPathOf(bytes: Buffer): FsPath {
  const d = decodeName(bytes);
  return d.exact ? d.text : bytes;
}

/** dir + separator + name, on bytes (a name's bytes are kept as they are). */
export function joinBytes(dir: Buffer, name: Buffer): Buffer {
  const s = Buffer.from(sep);
  return dir.length && dir[dir.length - 1] === s[0]
    ? Buffer.concat([dir, name])
    : Buffer.concat([dir, s, name]);
}
