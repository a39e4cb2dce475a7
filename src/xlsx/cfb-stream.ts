/**
 * One top-level stream of an OLE2 container taken out whole (the .xls reader's "Workbook"), over
 * the header and FAT of cfb.ts: a FAT chain for a large stream, the mini FAT over the mini stream
 * for a small one. Untrusted input: every chain is checked for loops and for sectors outside the
 * file, the declared size is checked against the file and the cap before anything is copied.
 */
import { cfbFat, forEachDirEntry, rd32, u16, type CfbFat } from "./cfb";
import { ReportReject } from "./report-reject";

/** Sector numbers above this are markers (FAT, DIFAT, end of chain, free), never data. */
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;

interface DirEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root; 0 unused. */
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function corrupt(detail: string): ReportReject {
  return new ReportReject("corrupt", `OLE2: ${detail}`);
}

function dirEntry(b: Uint8Array, base: number): DirEntry {
  const len = u16(b, base + 0x40);
  const type = b[base + 0x42];
  const valid = type !== 0 && len >= 2 && len <= 64;
  let name = "";
  if (valid) for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(u16(b, base + i * 2));
  return {
    name,
    type: valid ? type : 0,
    left: rd32(b, base + 0x44),
    right: rd32(b, base + 0x48),
    child: rd32(b, base + 0x4c),
    start: rd32(b, base + 0x74),
    // version 4 files have a high dword; a stream that large cannot be in a file under the cap
    size: rd32(b, base + 0x7c) ? NOSTREAM : rd32(b, base + 0x78),
  };
}

/** The stream of that name directly under the root (the sibling tree walked with a visited set). */
function findStream(entries: readonly DirEntry[], lower: string): DirEntry | undefined {
  const root = entries[0];
  const seen = new Set<number>();
  const stack = root?.type === 5 ? [root.child] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === NOSTREAM || seen.has(id)) continue;
    seen.add(id);
    const e = entries[id];
    if (!e) continue;
    if (e.type === 2 && e.name.toLowerCase() === lower) return e;
    stack.push(e.left, e.right);
  }
  // a damaged sibling tree: the first stream of that name anywhere
  return entries.find((x) => x.type === 2 && x.name.toLowerCase() === lower);
}

/**
 * Copy `size` bytes following a sector chain of `src` (sectors of `unit` bytes at `offsetOf(s)`).
 * Throws "corrupt" when the chain ends early, loops, or leaves the buffer.
 */
function readChain(
  src: Uint8Array,
  start: number,
  size: number,
  unit: number,
  offsetOf: (s: number) => number,
  next: (s: number) => number
): Uint8Array {
  const out = new Uint8Array(size);
  const seen = new Set<number>();
  let s = start;
  for (let got = 0; got < size;) {
    if (s > MAXREGSECT) throw corrupt("a sector chain ends before its stream does");
    if (seen.has(s)) throw corrupt("a sector chain loops");
    seen.add(s);
    const off = offsetOf(s);
    const n = Math.min(unit, size - got);
    if (off + n > src.length) throw corrupt("a sector chain points outside the file");
    out.set(src.subarray(off, off + n), got);
    got += n;
    s = next(s);
  }
  return out;
}

/** A FAT chain of unknown length (the mini FAT), read to its end. */
function readWholeChain(b: Uint8Array, fat: CfbFat, start: number): Uint8Array {
  const sec = fat.secSize;
  const sectors: number[] = [];
  const seen = new Set<number>();
  for (let s = start; s <= MAXREGSECT; s = fat.next(s)) {
    if (seen.has(s)) throw corrupt("the mini FAT chain loops");
    if ((s + 2) * sec > b.length) throw corrupt("the mini FAT points outside the file");
    seen.add(s);
    sectors.push(s);
  }
  const out = new Uint8Array(sectors.length * sec);
  sectors.forEach((s, i) => out.set(b.subarray((s + 1) * sec, (s + 2) * sec), i * sec));
  return out;
}

/**
 * The bytes of a top-level stream (name case-insensitive), or null when there is none. Throws
 * ReportReject: "corrupt" for a damaged container or chain, or a stream declaring more bytes
 * than the file holds; "tooLarge" past `maxBytes`.
 */
export function readCfbStream(b: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const fat = cfbFat(b);
  if (!fat) throw corrupt("damaged container");
  const entries: DirEntry[] = [];
  forEachDirEntry(b, fat, (base) => entries.push(dirEntry(b, base)));
  if (!entries.some((x) => x.type !== 0)) throw corrupt("no directory");
  const e = findStream(entries, name.toLowerCase());
  if (!e) return null;
  if (e.size > b.length) throw corrupt(`stream ${name} declares ${e.size} bytes, more than the file`);
  if (e.size > maxBytes) throw new ReportReject("tooLarge", `stream ${name} holds ${e.size} bytes`);
  const sec = fat.secSize;
  const fatOffset = (s: number): number => (s + 1) * sec;
  if (e.size >= rd32(b, 0x38)) return readChain(b, e.start, e.size, sec, fatOffset, fat.next);
  // A small stream lives in the mini stream (the root entry's chain), chained by the mini FAT.
  const root = entries[0];
  if (root?.type !== 5) throw corrupt("no root entry");
  if (root.size > b.length) throw corrupt("mini stream larger than the file");
  const mini = readChain(b, root.start, root.size, sec, fatOffset, fat.next);
  const miniFat = readWholeChain(b, fat, rd32(b, 0x3c));
  const ms = 1 << Math.min(u16(b, 0x20), 12);
  return readChain(
    mini,
    e.start,
    e.size,
    ms,
    (s) => s * ms,
    (s) => rd32(miniFat, s * 4)
  );
}
