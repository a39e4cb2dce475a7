/**
 * The Node edge's platform functions for the reader (src/xlsx stays free of Node imports so that
 * the same code runs in the task pane with fflate and TextDecoder):
 * - `nodeInflate`: node:zlib inflateRawSync (native, several times faster than fflate), bounded
 *   by `maxOutputLength` so that a zip bomb stops at the cap;
 * - `latin1`: Buffer's one-char-per-byte decoding (~30× faster than UTF-8-decoding a Vietnamese
 *   sheet), so that the reader scans sheets as byte strings and decodes only the texts it takes;
 * - `formats`: the .xls/.ods readers, imported directly (the task pane fetches them lazily).
 * Use: `inspectFile(bytes, form, { ...NODE_READ })`.
 */
import { inflateRawSync } from "node:zlib";
import { OTHER_FORMATS } from "../xlsx/other-formats";
import type { ReadOptions } from "../xlsx/reader";
import { InflateLimitError, type InflateFn } from "../xlsx/zip";

export const nodeInflate: InflateFn = (data, maxOutput) => {
  try {
    // one byte more than allowed, so that "exactly at the limit" and "over it" can be told apart
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput + 1) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError();
    throw err;
  }
};

export const nodeLatin1 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");

export const NODE_READ: Readonly<Pick<ReadOptions, "inflate" | "latin1" | "formats">> = Object.freeze({
  inflate: nodeInflate,
  latin1: nodeLatin1,
  formats: OTHER_FORMATS,
});
