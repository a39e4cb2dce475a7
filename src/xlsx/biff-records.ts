/**
 * The record layer of a BIFF8 "Workbook" stream: records with their CONTINUE records, and a
 * cursor that reads across them (strings get a fresh option byte at each CONTINUE boundary,
 * as MS-XLS 2.5.293/2.5.294 say). Every read is bounds-checked; a short record is corrupt.
 */
import { ReportReject } from "./report-reject";

export const CONTINUE = 0x003c;

export function corrupt(detail: string): ReportReject {
  return new ReportReject("corrupt", `BIFF: ${detail}`);
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);

/** One record: its offset in the stream and its payload, split where CONTINUE records follow it. */
export interface Rec {
  type: number;
  at: number;
  segs: Uint8Array[];
}

/** Records of a stream in order. `next()` gives null at the end, or where a record runs past it. */
export class Records {
  private pos = 0;
  /** Set when the last record ran past the end of the stream. */
  truncated = false;

  constructor(private readonly b: Uint8Array) {}

  next(): Rec | null {
    const b = this.b;
    const at = this.pos;
    if (at + 4 > b.length) return null;
    const type = u16(b, at);
    const len = u16(b, at + 2);
    if (at + 4 + len > b.length) {
      this.truncated = true;
      return null;
    }
    const segs = [b.subarray(at + 4, at + 4 + len)];
    let p = at + 4 + len;
    while (p + 4 <= b.length && u16(b, p) === CONTINUE && type !== CONTINUE) {
      const l = u16(b, p + 2);
      if (p + 4 + l > b.length) {
        this.truncated = true;
        break;
      }
      segs.push(b.subarray(p + 4, p + 4 + l));
      p += 4 + l;
    }
    this.pos = p;
    return { type, at, segs };
  }
}

const utf16 = new TextDecoder("utf-16le");

/** Reads little-endian values across the segments of a record. Throws corrupt past the end. */
export class Cursor {
  private i = 0;
  private p: number;

  constructor(
    private readonly segs: readonly Uint8Array[],
    start = 0
  ) {
    this.p = start;
  }

  /** Bytes left in this record and its CONTINUE records. */
  left(): number {
    let n = -this.p;
    for (let i = this.i; i < this.segs.length; i++) n += this.segs[i].length;
    return Math.max(0, n);
  }

  private ensure(): Uint8Array {
    while (this.i < this.segs.length && this.p >= this.segs[this.i].length) {
      this.i++;
      this.p = 0;
    }
    const seg = this.segs[this.i];
    if (!seg) throw corrupt("a record is shorter than its content");
    return seg;
  }

  u8(): number {
    return this.ensure()[this.p++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return this.u16() + this.u16() * 0x10000;
  }

  skip(n: number): void {
    while (n > 0) {
      const seg = this.ensure();
      const k = Math.min(n, seg.length - this.p);
      this.p += k;
      n -= k;
    }
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let got = 0; got < n;) {
      const seg = this.ensure();
      const k = Math.min(n - got, seg.length - this.p);
      out.set(seg.subarray(this.p, this.p + k), got);
      this.p += k;
      got += k;
    }
    return out;
  }

  /**
   * `cch` characters, 16-bit when `high` (else 8-bit, U+0000–U+00FF). Where the characters go on
   * in a CONTINUE record, that record starts with a new option byte (bit 0: 16-bit or not).
   */
  chars(cch: number, high: boolean): string {
    let out = "";
    let remaining = cch;
    while (remaining > 0) {
      let seg = this.segs[this.i];
      if (!seg || this.p >= seg.length) {
        this.i++;
        this.p = 0;
        seg = this.segs[this.i];
        if (!seg || seg.length === 0) throw corrupt("a string is cut short");
        high = (seg[this.p++] & 1) === 1;
      }
      const avail = high ? (seg.length - this.p) >> 1 : seg.length - this.p;
      const n = Math.min(remaining, avail);
      if (n === 0) throw corrupt("a 16-bit character is split between records");
      if (high) out += utf16.decode(seg.subarray(this.p, this.p + 2 * n));
      else out += latin1(seg.subarray(this.p, this.p + n));
      this.p += high ? 2 * n : n;
      remaining -= n;
    }
    return out;
  }

  /** XLUnicodeString: 16-bit count, option byte, characters. */
  unicodeString(): string {
    const cch = this.u16();
    const high = (this.u8() & 1) === 1;
    return this.chars(cch, high);
  }

  /** ShortXLUnicodeString: 8-bit count, option byte, characters. */
  shortString(): string {
    const cch = this.u8();
    const high = (this.u8() & 1) === 1;
    return this.chars(cch, high);
  }
}

/** Bytes as U+0000–U+00FF (BIFF8's "compressed" characters are UTF-16 with the high byte dropped). */
function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}
