/**
 * Just enough of the Compound File Binary format (OLE2) to list stream names: tells a BIFF .xls
 * ("Workbook" / "Book") from a password-protected OOXML file ("EncryptionInfo" /
 * "EncryptedPackage"). The header and FAT parsing is shared with cfb-stream.ts, which takes a
 * stream's bytes out for the .xls reader. Bounded loops; never reads outside the buffer.
 */

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const FREESECT = 0xffffffff;
export const ENDOFCHAIN = 0xfffffffe;

export const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);

export function rd32(b: Uint8Array, o: number): number {
  if (o + 4 > b.length) return FREESECT;
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

/** A container's header and FAT. */
export interface CfbFat {
  secSize: number;
  /** Sectors the file can hold (a bound for every chain walk). */
  maxSectors: number;
  /** FAT entry of a sector (ENDOFCHAIN past the FAT). */
  next(sector: number): number;
}

/** The header and FAT, or null when the bytes are not an OLE2 container. */
export function cfbFat(b: Uint8Array): CfbFat | null {
  if (b.length < 512) return null;
  for (let i = 0; i < 8; i++) if (b[i] !== OLE_MAGIC[i]) return null;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const secSize = 1 << shift;
  const sectorOffset = (s: number): number => (s + 1) * secSize;
  const maxSectors = Math.ceil(b.length / secSize) + 1;
  // FAT sector list: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  const nFat = rd32(b, 0x2c);
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++) {
    const s = rd32(b, 0x4c + i * 4);
    if (s === FREESECT || s === ENDOFCHAIN) break;
    fatSectors.push(s);
  }
  let difat = rd32(b, 0x44);
  let guard = 0;
  while (difat !== ENDOFCHAIN && difat !== FREESECT && fatSectors.length < nFat && guard++ < maxSectors) {
    const off = sectorOffset(difat);
    if (off + secSize > b.length) break;
    for (let i = 0; i < secSize / 4 - 1 && fatSectors.length < nFat; i++)
      fatSectors.push(rd32(b, off + i * 4));
    difat = rd32(b, off + secSize - 4);
  }
  const next = (s: number): number => {
    const per = secSize / 4;
    const fs = fatSectors[Math.floor(s / per)];
    if (fs === undefined) return ENDOFCHAIN;
    return rd32(b, sectorOffset(fs) + (s % per) * 4);
  };
  return { secSize, maxSectors, next };
}

/**
 * The directory: `visit(base)` with the offset of each 128-byte entry, in directory order
 * (entry id = call index), over the directory's sector chain.
 */
export function forEachDirEntry(b: Uint8Array, fat: CfbFat, visit: (base: number) => void): void {
  const { secSize, maxSectors } = fat;
  let dir = rd32(b, 0x30);
  let guard = 0;
  while (dir !== ENDOFCHAIN && dir !== FREESECT && guard++ < maxSectors) {
    const off = (dir + 1) * secSize;
    if (off + secSize > b.length) break;
    for (let e = 0; e < secSize / 128; e++) visit(off + e * 128);
    dir = fat.next(dir);
  }
}

/** Names of the directory entries, or null when the container cannot be parsed. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  const fat = cfbFat(b);
  if (!fat) return null;
  const names: string[] = [];
  forEachDirEntry(b, fat, (base) => {
    const len = u16(b, base + 0x40);
    const type = b[base + 0x42];
    if (type === 0 || len < 2 || len > 64) return;
    let name = "";
    for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(u16(b, base + i * 2));
    names.push(name);
  });
  return names.length ? names : null;
}

/** Fallback for damaged containers: look for a UTF-16LE stream name anywhere in the bytes. */
export function containsUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const limit = b.length - text.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++)
      if (b[i + 2 * j] !== text.charCodeAt(j) || b[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}
