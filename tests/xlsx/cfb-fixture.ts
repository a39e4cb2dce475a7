/** A minimal Compound File Binary (OLE2) container with the given stream names (tests only). */
export function buildCfb(streams: string[]): Uint8Array {
  const SEC = 512;
  const out = new Uint8Array(SEC * 3);
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(0x18, 0x3e, true); // minor version
  dv.setUint16(0x1a, 3, true); // major version
  dv.setUint16(0x1c, 0xfffe, true); // byte order
  dv.setUint16(0x1e, 9, true); // sector shift
  dv.setUint16(0x20, 6, true); // mini sector shift
  dv.setUint32(0x2c, 1, true); // FAT sectors
  dv.setUint32(0x30, 1, true); // first directory sector
  dv.setUint32(0x38, 4096, true); // mini stream cutoff
  dv.setUint32(0x3c, 0xfffffffe, true); // first mini FAT
  dv.setUint32(0x44, 0xfffffffe, true); // first DIFAT
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0): sector 0 is FAT, sector 1 the directory (end of chain).
  const fat = SEC;
  for (let i = 0; i < SEC / 4; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  // Directory (sector 1): root + streams (4 entries of 128 bytes per sector).
  const dir = SEC * 2;
  const entry = (i: number, name: string, type: number): void => {
    const base = dir + i * 128;
    for (let j = 0; j < name.length; j++) dv.setUint16(base + j * 2, name.charCodeAt(j), true);
    dv.setUint16(base + 0x40, (name.length + 1) * 2, true);
    out[base + 0x42] = type;
    dv.setUint32(base + 0x44, 0xffffffff, true);
    dv.setUint32(base + 0x48, 0xffffffff, true);
    dv.setUint32(base + 0x4c, i === 0 && streams.length ? 1 : 0xffffffff, true);
    dv.setUint32(base + 0x74, 0xfffffffe, true);
  };
  entry(0, "Root Entry", 5);
  streams.slice(0, 3).forEach((s, i) => entry(i + 1, s, 2));
  return out;
}
