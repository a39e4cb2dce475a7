/**
 * Reading a number typed as text, Vietnamese conventions first (docs/CONTRACT.md "Reading values"):
 * "." groups thousands and "," marks decimals ("1.234" = 1234, "12,5" = 12.5); spaces and
 * non-breaking spaces are ignored; "-" or "–" alone means 0. When the text reads as two
 * different numbers that both make sense for the indicator's kind ("1.234" for an amount:
 * 1234 or 1.234), it is ambiguous and an error, never a guess.
 */
export type NumberKind = "count" | "amount";

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; reason: "empty" | "notNumber" }
  | { ok: false; reason: "ambiguous"; readings: [number, number] };

const SPACES = /[\s\u00a0\u2007\u202f\u2009\u200b\ufeff']/g;
const DASH_ZERO = /^[-\u2013\u2014\u2212]$/;

/** One way of reading the text; `fraction`: it was written with a decimal part. */
interface Reading {
  value: number;
  fraction: boolean;
}

/** "1.234.567,5" (Vietnamese) → 1234567.5; null when it is not that shape. */
function readVietnamese(s: string): Reading | null {
  // A grouped number never starts with 0 ("0.500" is not 500).
  const m = /^([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return null;
  return {
    value: Number(m[1].replace(/\./g, "") + (m[2] !== undefined ? `.${m[2]}` : "")),
    fraction: m[2] !== undefined,
  };
}

/** "1,234,567.5" (English) → 1234567.5; null when it is not that shape. */
function readEnglish(s: string): Reading | null {
  const m = /^([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  return {
    value: Number(m[1].replace(/,/g, "") + (m[2] !== undefined ? `.${m[2]}` : "")),
    fraction: m[2] !== undefined,
  };
}

/** A count is written without a decimal part: "1.000" is one thousand, not 1.000 = 1. */
function fitsKind(r: Reading, kind: NumberKind): boolean {
  return kind === "count" ? !r.fraction && Number.isInteger(r.value) : true;
}

export function parseNumberText(raw: string, kind: NumberKind): ParsedNumber {
  let s = raw.replace(SPACES, "");
  if (s === "") return { ok: false, reason: "empty" };
  if (DASH_ZERO.test(s)) return { ok: true, value: 0 };
  let sign = 1;
  if (/^[-\u2212+]/.test(s)) {
    sign = s[0] === "+" ? 1 : -1;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: "notNumber" };
  const vi = readVietnamese(s);
  const en = readEnglish(s);
  // A run of digits too long for a double reads as Infinity: not a number.
  const readings = [vi, en].filter((r): r is Reading => r !== null && Number.isFinite(r.value));
  if (readings.length === 0) return { ok: false, reason: "notNumber" };
  const fitting = readings.filter((r) => fitsKind(r, kind)).map((r) => r.value);
  if (fitting.length === 2 && fitting[0] !== fitting[1]) {
    return { ok: false, reason: "ambiguous", readings: [sign * fitting[0], sign * fitting[1]] };
  }
  // One reading fits the kind (or both agree); otherwise Vietnamese first — the type rule
  // then reports e.g. "12,5 is not a whole number" for a count.
  const value = fitting.length ? fitting[0] : readings[0].value;
  return { ok: true, value: sign * value + 0 };
}

/** Vietnamese display of a number: 1234.5 → "1.234,5". */
export function formatNumberVi(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // toFixed switches to exponent notation from 1e21; show such numbers as "1,235×10^22".
  if (Math.abs(n) >= 1e21) {
    const [m, e] = n.toExponential(3).split("e");
    return `${m.replace(".", ",")}×10^${Number(e)}`;
  }
  const [int, frac] = Math.abs(n).toFixed(frac3(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

function frac3(n: number): number {
  for (let d = 0; d <= 3; d++) if (Math.abs(Math.round(n * 10 ** d) - n * 10 ** d) < 1e-9) return d;
  return 3;
}
