/**
 * Minimal BIFF8 workbooks in an OLE2 container, built record by record for the .xls reader's
 * tests (well-formed ones and deliberately broken ones). Not a writer: only what the tests need.
 */

export const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
export const u32 = (n: number): number[] => [
  n & 0xff,
  (n >>> 8) & 0xff,
  (n >>> 16) & 0xff,
  (n >>> 24) & 0xff,
];

export function f64(v: number): number[] {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [...b];
}

/** Characters as BIFF8 writes them: compressed (8-bit) when every one is below U+0100. */
function chars(s: string): { high: number; bytes: number[] } {
  const wide = [...s].some((c) => c.charCodeAt(0) > 0xff);
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) bytes.push(...(wide ? u16(s.charCodeAt(i)) : [s.charCodeAt(i)]));
  return { high: wide ? 1 : 0, bytes };
}

/** XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit count). */
export function xlString(s: string, countBytes: 1 | 2 = 2): number[] {
  const c = chars(s);
  return [...(countBytes === 1 ? [s.length] : u16(s.length)), c.high, ...c.bytes];
}

export function rec(type: number, data: number[] | Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  out.set([...u16(type), ...u16(data.length)]);
  out.set(data, 4);
  return out;
}

export const bof = (dt: number, version = 0x0600): Uint8Array =>
  rec(0x0809, [...u16(version), ...u16(dt), ...u16(0x0dbb), ...u16(0x07cc), ...u32(0), ...u32(0x0600)]);
export const eof = (): Uint8Array => rec(0x000a, []);

// ---- cell records (0-based row and column) ----
const at = (r: number, c: number): number[] => [...u16(r), ...u16(c), ...u16(15)];
export const numberCell = (r: number, c: number, v: number): Uint8Array =>
  rec(0x0203, [...at(r, c), ...f64(v)]);
export const rkCell = (r: number, c: number, rk: number): Uint8Array =>
  rec(0x027e, [...at(r, c), ...u32(rk)]);
export const labelSst = (r: number, c: number, i: number): Uint8Array =>
  rec(0x00fd, [...at(r, c), ...u32(i)]);
export const label = (r: number, c: number, s: string): Uint8Array =>
  rec(0x0204, [...at(r, c), ...xlString(s)]);
export const boolErr = (r: number, c: number, v: number, isError: boolean): Uint8Array =>
  rec(0x0205, [...at(r, c), v, isError ? 1 : 0]);

/** MULRK: RK values from column `c1`; `lastCol` overrides the trailing column (a lying record). */
export function mulRk(r: number, c1: number, rks: number[], lastCol = c1 + rks.length - 1): Uint8Array {
  return rec(0x00bd, [
    ...u16(r),
    ...u16(c1),
    ...rks.flatMap((v) => [...u16(15), ...u32(v)]),
    ...u16(lastCol),
  ]);
}

/** FORMULA with a cached result: a number, or [type, value] for string (0), boolean (1), error (2), empty (3). */
export function formula(
  r: number,
  c: number,
  result: number | [number, number],
  rgce: number[] = [0x1e, 1, 0]
): Uint8Array {
  const val = typeof result === "number" ? f64(result) : [result[0], 0, result[1], 0, 0, 0, 0xff, 0xff];
  return rec(0x0006, [...at(r, c), ...val, ...u16(0), ...u32(0), ...u16(rgce.length), ...rgce]);
}
export const stringRec = (s: string): Uint8Array => rec(0x0207, xlString(s));

export function mergeCells(ranges: [number, number, number, number][]): Uint8Array {
  return rec(0x00e5, [
    ...u16(ranges.length),
    ...ranges.flatMap(([r1, r2, c1, c2]) => [...u16(r1), ...u16(r2), ...u16(c1), ...u16(c2)]),
  ]);
}

// ---- workbook globals ----
export function sst(strings: string[], declared = strings.length): Uint8Array {
  return rec(0x00fc, [...u32(declared), ...u32(declared), ...strings.flatMap((s) => xlString(s))]);
}
export const dateMode = (d1904: boolean): Uint8Array => rec(0x0022, u16(d1904 ? 1 : 0));
export const filePass = (): Uint8Array => rec(0x002f, [...u16(0), ...u16(0), ...u16(0)]);
export const supbookSelf = (sheets: number): Uint8Array => rec(0x01ae, [...u16(sheets), ...u16(0x0401)]);
export const externSheet = (xti: [number, number, number][]): Uint8Array =>
  rec(0x0017, [...u16(xti.length), ...xti.flatMap(([b, f, l]) => [...u16(b), ...u16(f), ...u16(l)])]);

/** NAME (Lbl): a user name with its formula tokens; `itab` 0 = workbook scope, k = sheet k-1. */
export function nameRec(name: string, rgce: number[], itab = 0, builtin = false): Uint8Array {
  const c = builtin ? { high: 0, bytes: [name.charCodeAt(0)] } : chars(name);
  const cch = builtin ? 1 : name.length;
  return rec(0x0018, [
    ...u16(builtin ? 0x0020 : 0),
    0,
    cch,
    ...u16(rgce.length),
    ...u16(0),
    ...u16(itab),
    0,
    0,
    0,
    0,
    c.high,
    ...c.bytes,
    ...rgce,
  ]);
}

/** ptgRef3d (absolute row and column). */
export const ref3d = (ixti: number, row: number, col: number): number[] => [
  0x3a,
  ...u16(ixti),
  ...u16(row),
  ...u16(col),
];
/** ptgArea3d (absolute). */
export const area3d = (ixti: number, r1: number, r2: number, c1: number, c2: number): number[] => [
  0x3b,
  ...u16(ixti),
  ...u16(r1),
  ...u16(r2),
  ...u16(c1),
  ...u16(c2),
];
export const refErr3d = (ixti: number): number[] => [0x3c, ...u16(ixti), 0, 0, 0, 0];

export interface BiffSheet {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  state?: number;
  /** 0x10 worksheet (default), 0x20 chart. */
  dt?: number;
  records: Uint8Array[];
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** A Workbook stream: globals (BOF, `globals`, BOUNDSHEETs with their offsets, EOF), then each sheet. */
export function workbookStream(sheets: BiffSheet[], globals: Uint8Array[] = []): Uint8Array {
  const boundsheet = (s: BiffSheet, pos: number): Uint8Array =>
    rec(0x0085, [...u32(pos), s.state ?? 0, s.dt === 0x20 ? 2 : 0, ...xlString(s.name, 1)]);
  const head = [bof(0x0005), ...globals];
  const bodies = sheets.map((s) => concat([bof(s.dt ?? 0x0010), ...s.records, eof()]));
  const headLen = head.reduce((n, p) => n + p.length, 0);
  const bsLen = sheets.reduce((n, s) => n + boundsheet(s, 0).length, 0);
  let pos = headLen + bsLen + 4;
  const bs = sheets.map((s, i) => {
    const r = boundsheet(s, pos);
    pos += bodies[i].length;
    return r;
  });
  return concat([...head, ...bs, eof(), ...bodies]);
}

/**
 * An OLE2 container holding one stream `name` in regular sectors: sector 0 the FAT, sector 1
 * the directory, then the stream (padded with zero bytes to 4096, the mini-stream cutoff).
 * `fat` may rewrite FAT entries afterwards (loops, chains out of the file).
 */
export function cfbWith(
  name: string,
  stream: Uint8Array,
  fat: (entries: number[]) => void = () => {}
): Uint8Array {
  const SEC = 512;
  const size = Math.max(4096, stream.length);
  const n = Math.ceil(size / SEC);
  if (n + 2 > SEC / 4) throw new Error("stream too large for this fixture");
  const out = new Uint8Array(SEC * (n + 3));
  const dv = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true);
  dv.setUint32(0x30, 1, true);
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const entries = new Array<number>(SEC / 4).fill(0xffffffff);
  entries[0] = 0xfffffffd;
  entries[1] = 0xfffffffe;
  for (let i = 0; i < n; i++) entries[2 + i] = i === n - 1 ? 0xfffffffe : 3 + i;
  fat(entries);
  entries.forEach((e, i) => dv.setUint32(SEC + i * 4, e >>> 0, true));
  const dir = SEC * 2;
  const entry = (i: number, nm: string, type: number, child: number, start: number, len: number): void => {
    const base = dir + i * 128;
    for (let j = 0; j < nm.length; j++) dv.setUint16(base + j * 2, nm.charCodeAt(j), true);
    dv.setUint16(base + 0x40, (nm.length + 1) * 2, true);
    out[base + 0x42] = type;
    dv.setUint32(base + 0x44, 0xffffffff, true);
    dv.setUint32(base + 0x48, 0xffffffff, true);
    dv.setUint32(base + 0x4c, child, true);
    dv.setUint32(base + 0x74, start, true);
    dv.setUint32(base + 0x78, len, true);
  };
  entry(0, "Root Entry", 5, 1, 0xfffffffe, 0);
  entry(1, name, 2, 0xffffffff, 2, size);
  out.set(stream, SEC * 3);
  return out;
}

/** An .xls file: the workbook stream in a container. */
export const xlsFile = (sheets: BiffSheet[], globals: Uint8Array[] = []): Uint8Array =>
  cfbWith("Workbook", workbookStream(sheets, globals));
