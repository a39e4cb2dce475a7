/**
 * A narrow ZIP reader for untrusted files: parses the central directory (no inflation), checks
 * declared sizes against caps before inflating anything, and inflates single entries on demand
 * with fflate, aborting as soon as the output exceeds what the directory declared.
 */
import { Inflate, inflateSync } from "fflate";

export interface ZipEntry {
  /** Name as stored (slashes normalised). */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export class ZipError extends Error {
  constructor(
    /** "duplicateEntries": two entries of one name, which readers resolve differently (first or last copy). */
    readonly kind: "corrupt" | "zipBomb" | "duplicateEntries",
    message: string
  ) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Entries by lower-cased name (OOXML part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
  /** Sum of declared uncompressed sizes. */
  declaredTotal: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/**
 * Parse the end-of-central-directory record and the central directory. Throws ZipError("corrupt"),
 * or ZipError("duplicateEntries") when two entries have the same name (letter case ignored, as
 * OOXML part names are case-insensitive): Excel-like readers (openpyxl, LibreOffice) take the last
 * copy, others the first, so such a package has no one meaning and is never read.
 */
export function openZip(bytes: Uint8Array, maxEntries = 20000): ZipArchive {
  const n = bytes.length;
  if (n < 22) throw new ZipError("corrupt", "too short for a zip");
  // EOCD: signature 0x06054b50, searched backwards over at most 22 + 65535 bytes.
  let eocd = -1;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("corrupt", "no end of central directory (truncated?)");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  // ZIP64 end of central directory locator just before the EOCD.
  if (
    (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) &&
    eocd >= 20 &&
    u32(bytes, eocd - 20) === 0x07064b50
  ) {
    const z64 = Number(readU64(bytes, eocd - 12));
    if (z64 + 56 > n || u32(bytes, z64) !== 0x06064b50) throw new ZipError("corrupt", "bad zip64 record");
    count = Number(readU64(bytes, z64 + 32));
    cdSize = Number(readU64(bytes, z64 + 40));
    cdOffset = Number(readU64(bytes, z64 + 48));
  }
  if (cdOffset + cdSize > n) throw new ZipError("corrupt", "central directory outside the file (truncated?)");
  if (count > maxEntries) throw new ZipError("corrupt", `too many zip entries (${count})`);
  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50)
      throw new ZipError("corrupt", "bad central directory entry");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = ((flags & 0x800) !== 0 ? utf8 : isAscii(nameBytes) ? latin1 : utf8)
      .decode(nameBytes)
      .replace(/\\/g, "/")
      .replace(/^\/+/, "");
    // ZIP64 extended information extra field.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) {
          size = Number(readU64(bytes, q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = Number(readU64(bytes, q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = Number(readU64(bytes, q));
      }
      e += 4 + len;
    }
    p = eEnd + commentLen;
    declaredTotal += size;
    const entry: ZipEntry = { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) !== 0 };
    const key = name.toLowerCase();
    const twin = entries.get(key);
    if (twin) throw new ZipError("duplicateEntries", `two zip entries named "${twin.name}" and "${name}"`);
    entries.set(key, entry);
  }
  return { bytes, entries, declaredTotal };
}

function readU64(b: Uint8Array, o: number): bigint {
  return BigInt(u32(b, o)) + (BigInt(u32(b, o + 4)) << 32n);
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

/** Deflate cannot expand more than ~1032:1. */
const MAX_RATIO = 1032;
const CHUNK = 16 * 1024;

/**
 * An alternative raw-deflate inflater (e.g. `node:zlib` inflateRawSync, several times faster
 * than fflate). It must never produce more than `maxOutput` bytes: throw InflateLimitError
 * instead (or return longer output, which is then refused). Any other throw means corrupt data.
 */
export type InflateFn = (data: Uint8Array, maxOutput: number) => Uint8Array;

/** Thrown by an InflateFn whose output would exceed `maxOutput`. */
export class InflateLimitError extends Error {
  constructor() {
    super("inflated output over the limit");
    this.name = "InflateLimitError";
  }
}

/**
 * Inflate one entry. `budget` is how many bytes may still be produced overall; the entry may not
 * produce more than it declared either. Throws ZipError("zipBomb") past either, "corrupt" on bad data.
 * `inflate`, when given, replaces fflate (same checks around it).
 */
export function readEntry(zip: ZipArchive, entry: ZipEntry, budget: number, inflate?: InflateFn): Uint8Array {
  const b = zip.bytes;
  const lo = entry.localOffset;
  if (entry.encrypted) throw new ZipError("corrupt", `encrypted zip entry ${entry.name}`);
  if (lo + 30 > b.length || u32(b, lo) !== 0x04034b50)
    throw new ZipError("corrupt", `bad local header for ${entry.name}`);
  const start = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
  const end = start + entry.compressedSize;
  if (end > b.length)
    throw new ZipError("corrupt", `entry ${entry.name} runs past the end of the file (truncated?)`);
  if (entry.size > budget) throw new ZipError("zipBomb", `entry ${entry.name} declares ${entry.size} bytes`);
  const data = b.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      throw new ZipError("corrupt", `stored entry ${entry.name} size mismatch`);
    return data;
  }
  if (entry.method !== 8)
    throw new ZipError("corrupt", `unsupported compression method ${entry.method} for ${entry.name}`);
  const limit = Math.min(budget, entry.size);
  let out: Uint8Array;
  if (inflate) {
    try {
      out = inflate(data, limit);
    } catch (err) {
      if (err instanceof InflateLimitError)
        throw new ZipError("zipBomb", `entry ${entry.name} inflates past its declared size or the cap`);
      throw new ZipError("corrupt", `cannot inflate ${entry.name}: ${(err as Error).message}`);
    }
  } else if (data.length * MAX_RATIO <= budget) {
    // Even a maximal expansion of this input stays within the budget: inflate in one go.
    try {
      // Sized to the declared length (no regrowth); a longer stream is cut and then fails as XML.
      out =
        entry.size > 0 && entry.size <= limit
          ? inflateSync(data, { out: new Uint8Array(entry.size) })
          : inflateSync(data);
    } catch (err) {
      throw new ZipError("corrupt", `cannot inflate ${entry.name}: ${(err as Error).message}`);
    }
  } else {
    out = inflateBounded(data, limit, entry.name);
  }
  if (out.length > limit)
    throw new ZipError("zipBomb", `entry ${entry.name} inflates past its declared size or the cap`);
  if (out.length !== entry.size)
    throw new ZipError("corrupt", `entry ${entry.name}: ${out.length} bytes, declared ${entry.size}`);
  return out;
}

function inflateBounded(data: Uint8Array, limit: number, name: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else parts.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !over; i += CHUNK) {
      const last = i + CHUNK >= data.length;
      inf.push(data.subarray(i, Math.min(data.length, i + CHUNK)), last);
    }
  } catch (err) {
    throw new ZipError("corrupt", `cannot inflate ${name}: ${(err as Error).message}`);
  }
  if (over) throw new ZipError("zipBomb", `entry ${name} inflates past its declared size or the cap`);
  if (!done) throw new ZipError("corrupt", `entry ${name} is truncated`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
