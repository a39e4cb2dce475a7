/**
 * Matching a unit name typed by an officer against the registry.
 *
 * Tolerates case, spacing, punctuation, missing diacritics, "UBND" in front, and the
 * "xã" / "thị trấn" / "TT" prefixes. The prefix is part of the identity: "TT Cao Thượng"
 * is the town, "xã Cao Thượng" the commune, and a bare "Cao Thượng" matches neither
 * (ambiguous) when both exist.
 */
import type { Unit } from "./schema";

export type UnitMatch =
  | { type: "match"; unit: Unit; exact: boolean }
  | { type: "ambiguous"; candidates: Unit[] }
  | { type: "none" };

type Prefix = "town" | "commune" | "ward" | null;

interface Key {
  prefix: Prefix;
  /** Lower case, diacritics kept, punctuation folded to spaces. */
  accented: string;
  /** The same without diacritics. */
  plain: string;
}

export function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Vietnamese old/new tone placement ("Hòa"/"Hoà") and case folded; punctuation → space. */
function fold(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/oà/g, "òa")
    .replace(/oá/g, "óa")
    .replace(/oả/g, "ỏa")
    .replace(/oã/g, "õa")
    .replace(/oạ/g, "ọa")
    .replace(/uỳ/g, "ùy")
    .replace(/uý/g, "úy")
    .replace(/uỷ/g, "ủy")
    .replace(/uỹ/g, "ũy")
    .replace(/uỵ/g, "ụy")
    .replace(/&/g, " va ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const PREFIXES: [RegExp, Prefix][] = [
  [/^(thi tran|tt)\s+/, "town"],
  [/^(xa)\s+/, "commune"],
  [/^(phuong)\s+/, "ward"],
];

function keyOf(name: string): Key {
  let accented = fold(name);
  // "UBND xã …", "Ủy ban nhân dân thị trấn …"
  accented = accented.replace(/^(ubnd|uy ban nhan dan|ủy ban nhân dân|ủy ban nhan dan)\s+/, "");
  let plain = stripDiacritics(accented);
  let prefix: Prefix = null;
  for (const [re, p] of PREFIXES) {
    const m = re.exec(plain);
    if (m) {
      prefix = p;
      plain = plain.slice(m[0].length);
      // Remove the same number of words from the accented form.
      const words = m[0].trim().split(" ").length;
      accented = accented.split(" ").slice(words).join(" ");
      break;
    }
  }
  return { prefix, accented, plain };
}

interface Entry {
  unit: Unit;
  keys: Key[];
  code: string;
}

/** A registry prepared for matching many names. */
export class UnitMatcher {
  private readonly entries: Entry[];
  private readonly byCode = new Map<string, Unit>();

  constructor(units: readonly Unit[]) {
    this.entries = units.map((unit) => ({
      unit,
      keys: [unit.name, ...unit.aliases].map(keyOf),
      code: unit.code.toUpperCase(),
    }));
    for (const u of units) this.byCode.set(u.code.toUpperCase(), u);
  }

  byUnitCode(code: string): Unit | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  match(typed: string): UnitMatch {
    if (!typed || !typed.trim()) return { type: "none" };
    const code = this.byUnitCode(typed);
    if (code) return { type: "match", unit: code, exact: true };
    const k = keyOf(typed);
    if (!k.plain) return { type: "none" };
    const samePrefix = (e: Key): boolean => k.prefix === null || e.prefix === k.prefix;
    // 1. accented, 2. plain (no diacritics). A typed prefix must agree.
    for (const level of ["accented", "plain"] as const) {
      const hits = this.entries.filter((e) => e.keys.some((ek) => ek[level] === k[level] && samePrefix(ek)));
      const units = unique(hits.map((h) => h.unit));
      if (units.length === 1)
        return { type: "match", unit: units[0], exact: level === "accented" && k.prefix !== null };
      if (units.length > 1) return { type: "ambiguous", candidates: units };
    }
    // Bodies are often typed without the trailing "huyện".
    const noDistrict = (s: string): string => s.replace(/\s+huyen$/, "");
    const loose = this.entries.filter((e) =>
      e.keys.some((ek) => noDistrict(ek.plain) === noDistrict(k.plain) && samePrefix(ek))
    );
    const units = unique(loose.map((h) => h.unit));
    if (units.length === 1) return { type: "match", unit: units[0], exact: false };
    if (units.length > 1) return { type: "ambiguous", candidates: units };
    return { type: "none" };
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function matchUnit(units: readonly Unit[], typed: string): UnitMatch {
  return new UnitMatcher(units).match(typed);
}
