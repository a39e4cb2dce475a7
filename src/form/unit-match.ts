/**
 * Matching a unit name typed by an officer against the registry.
 *
 * Tolerates case, spacing, punctuation, missing diacritics, "UBND" in front, the "xã" /
 * "thị trấn" / "TT" prefixes, the official abbreviations of agency names (LĐ-TB&XH, NN&PTNT,
 * TC-KH, VH-TT, GD&ĐT, MTTQ, LHPN, CCB, HĐND…) and the collector's own place written after the
 * name ("Phòng Tư pháp huyện Tân Yên"). The prefix is part of the identity: "TT Cao Thượng" is
 * the town, "xã Cao Thượng" the commune, and a bare "Cao Thượng" matches neither (ambiguous)
 * when both exist. A name that matches nothing gets the closest registry names as suggestions.
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

/**
 * Official abbreviations in agency names, by their letters joined (after folding, without
 * diacritics and without "và"): "LĐ-TB&XH" → l d t b x h tokens "ld tb xh" → "ldtbxh".
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ldtbxh: "lao dong thuong binh xa hoi",
  tbxh: "thuong binh xa hoi",
  nnptnt: "nong nghiep phat trien nong thon",
  ptnt: "phat trien nong thon",
  tckh: "tai chinh ke hoach",
  gddt: "giao duc dao tao",
  vhtt: "van hoa thong tin",
  vhtttt: "van hoa thong tin the thao",
  tnmt: "tai nguyen moi truong",
  ktht: "kinh te ha tang",
  mttq: "mat tran to quoc",
  ubmttq: "uy ban mat tran to quoc",
  lhpn: "lien hiep phu nu",
  hlhpn: "hoi lien hiep phu nu",
  ccb: "cuu chien binh",
  hccb: "hoi cuu chien binh",
  hnd: "hoi nong dan",
  hdnd: "hoi dong nhan dan",
  ubnd: "uy ban nhan dan",
  ldld: "lien doan lao dong",
  ttyt: "trung tam y te",
  vp: "van phong",
};
const MAX_ABBREVIATION_TOKENS = 3;

/** Words of a plain key with "và" dropped and abbreviations written out. */
function expandWords(plain: string): string[] {
  const words = plain.split(" ").filter((w) => w && w !== "va");
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let taken = 0;
    for (let n = Math.min(MAX_ABBREVIATION_TOKENS, words.length - i); n >= 1 && !taken; n--) {
      const joined = words.slice(i, i + n).join("");
      const full = ABBREVIATIONS[joined];
      if (full !== undefined) {
        out.push(...full.split(" "));
        taken = n;
      }
    }
    if (!taken) {
      out.push(words[i]);
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** Level 3 of matching: abbreviations expanded, "và" dropped, the collector's place and a trailing "huyện" removed. */
function canonical(plain: string, places: readonly string[]): string {
  let s = expandWords(plain).join(" ");
  s = s.replace(/^uy ban nhan dan /, "");
  for (const place of places) {
    if (s.endsWith(` ${place}`)) {
      s = s.slice(0, -place.length - 1);
      break;
    }
  }
  return s.replace(/ (huyen|thi xa|thanh pho|tinh)$/, "");
}

/**
 * The place part of the collector's name, in the forms officers append to a unit name:
 * "UBND huyện Tân Yên" → ["huyen tan yen", "tan yen"].
 */
function placesOf(collectorName: string | undefined): string[] {
  if (!collectorName) return [];
  const words = expandWords(stripDiacritics(fold(collectorName)))
    .join(" ")
    .replace(/^uy ban nhan dan /, "");
  const m = /^(huyen|thi xa|thanh pho|tinh|quan|xa|phuong|thi tran) (.+)$/.exec(words);
  return m ? [words, m[2]] : words ? [words] : [];
}

interface Entry {
  unit: Unit;
  keys: Key[];
  canon: string[];
  code: string;
}

export interface MatcherOptions {
  /** The collector's name (e.g. "UBND huyện Tân Yên"): its place may follow a typed unit name. */
  collectorName?: string;
}

/** A registry prepared for matching many names. */
export class UnitMatcher {
  private readonly entries: Entry[];
  private readonly byCode = new Map<string, Unit>();
  private readonly places: string[];

  constructor(units: readonly Unit[], options: MatcherOptions = {}) {
    this.places = placesOf(options.collectorName);
    this.entries = units.map((unit) => {
      const keys = [unit.name, ...unit.aliases].map(keyOf);
      return {
        unit,
        keys,
        canon: keys.map((k) => canonical(k.plain, this.places)),
        code: unit.code.toUpperCase(),
      };
    });
    for (const u of units) this.byCode.set(u.code.toUpperCase(), u);
  }

  byUnitCode(code: string): Unit | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  match(typed: string): UnitMatch {
    if (!typed || !typed.trim() || typed.length > MAX_NAME_LENGTH) return { type: "none" };
    const code = this.byUnitCode(typed);
    if (code) return { type: "match", unit: code, exact: true };
    const k = keyOf(typed);
    if (!k.plain) return { type: "none" };
    const samePrefix = (e: Key): boolean => k.prefix === null || e.prefix === k.prefix;
    // 1. accented, 2. plain (no diacritics). A typed prefix must agree.
    for (const level of ["accented", "plain"] as const) {
      const hits = this.entries.filter((e) => e.keys.some((ek) => ek[level] === k[level] && samePrefix(ek)));
      const found = this.decide(hits, level === "accented" && k.prefix !== null);
      if (found) return found;
    }
    // 3. abbreviations written out, the collector's place and a trailing "huyện" dropped.
    const c = canonical(k.plain, this.places);
    const loose = this.entries.filter((e) => e.keys.some((ek, i) => e.canon[i] === c && samePrefix(ek)));
    return this.decide(loose, false) ?? { type: "none" };
  }

  private decide(hits: Entry[], exact: boolean): UnitMatch | null {
    const units = unique(hits.map((h) => h.unit));
    if (units.length === 1) return { type: "match", unit: units[0], exact };
    if (units.length > 1) return { type: "ambiguous", candidates: units };
    return null;
  }

  /** Up to `n` registry units whose names look most like `typed` (for "did you mean"), best first. */
  suggest(typed: string, n = 3): Unit[] {
    if (typed.length > MAX_NAME_LENGTH) return [];
    const k = keyOf(typed);
    const c = canonical(k.plain, this.places);
    if (!c) return [];
    const scored = this.entries
      .map((e) => ({ unit: e.unit, score: Math.max(...e.canon.map((x) => similarity(c, x))) }))
      .filter((x) => x.score >= 0.5)
      .sort((a, b) => b.score - a.score);
    return scored.slice(0, n).map((x) => x.unit);
  }
}

/** No unit's name is longer: a longer text (a pasted paragraph) matches nothing and costs nothing. */
const MAX_NAME_LENGTH = 500;

/** Dice coefficient over character bigrams (0..1). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let both = 0;
  for (const [g, na] of ga) both += Math.min(na, gb.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * both) / total : 0;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function matchUnit(units: readonly Unit[], typed: string, options: MatcherOptions = {}): UnitMatch {
  return new UnitMatcher(units, options).match(typed);
}
