/**
 * Mutations of real returned files for the fuzz test (fuzz.test.ts): bytes of the zip container,
 * and the inflated XML parts re-zipped with fflate — truncated, duplicated entries, flipped bytes,
 * odd numerals and characters inserted, attributes repeated, elements repeated many times. Each
 * mutation is plain data (fast-check generates and shrinks it) applied by `mutate`.
 */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { storedZip } from "./hostile-files";

/** Numerals JavaScript's Number() reads but a spreadsheet does not, and some it does. */
export const ODD_NUMERALS = [
  "0x10",
  "0b101",
  "0o17",
  "Infinity",
  "-Infinity",
  "NaN",
  "1e999",
  " 12 ",
  "12 ",
  "1_000",
  "+5",
  ".5",
  "5.",
  "-0",
  "1e308",
  "4.9e-324",
  "0012",
  "1,5",
  "",
  " ",
  "1e",
  "e5",
  "--1",
  "١٢",
];

/** Characters XML 1.0 forbids (raw, as references, as OOXML escapes) and other troublemakers. */
export const ODD_TEXTS = [
  "\ufffe",
  "\uffff",
  "&#xFFFE;",
  "&#xFFFF;",
  "&#65534;",
  "_x0001_",
  "_xD800_",
  "_xFFFE_",
  "\u0001",
  "\u001f",
  "&#0;",
  "&#x110000;",
  "\ud800",
  "]]>",
  "&amp;#x1;",
  "&lt;c&gt;",
  "=1+1",
  "\u202e",
  "x".repeat(40_000),
];

const CELL_TYPES = ["s", "n", "b", "e", "d", "str", "inlineStr", "x", ""];

export type PartOp =
  | { op: "numeral"; at: number; text: string }
  | { op: "chars"; at: number; text: string }
  | { op: "cellType"; at: number; t: string }
  | { op: "repeatAttr"; at: number; attr: string }
  | {
      op: "repeat";
      at: number;
      element: "row" | "c" | "si" | "sheet" | "definedName" | "Relationship";
      times: number;
    }
  | { op: "truncate"; at: number }
  | { op: "flip"; at: number; xor: number }
  | { op: "delete"; at: number; length: number };

export type Mutation =
  | { kind: "flipBytes"; at: number[]; xor: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicateEntry"; part: number; op: PartOp | null }
  | { kind: "part"; part: number; op: PartOp; level: 0 | 6 };

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const partOpArb: fc.Arbitrary<PartOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("numeral" as const),
      at: frac,
      text: fc.constantFrom(...ODD_NUMERALS),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("chars" as const),
      at: frac,
      text: fc.constantFrom(...ODD_TEXTS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("cellType" as const),
      at: frac,
      t: fc.constantFrom(...CELL_TYPES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("repeatAttr" as const),
      at: frac,
      attr: fc.constantFrom('r="A1"', 't="n"', 't="s"', 's="0"', 'name="X"', 'r:id="rId1"', 'state="hidden"'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("repeat" as const),
      at: frac,
      element: fc.constantFrom("row", "c", "si", "sheet", "definedName", "Relationship"),
      times: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(300, 3000, 20_000)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: frac }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("flip" as const),
      at: frac,
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("delete" as const),
      at: frac,
      length: fc.integer({ min: 1, max: 40 }),
    }),
  }
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("flipBytes" as const),
      at: fc.array(frac, { minLength: 1, maxLength: 6 }),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: frac }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("duplicateEntry" as const),
      part: frac,
      op: fc.option(partOpArb, { freq: 4 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("part" as const),
      part: frac,
      op: partOpArb,
      level: fc.constantFrom(0 as const, 6 as const),
    }),
  }
);

/** The i-th match (i from a fraction of the count) of `re` in `s`, or null. */
function nth(s: string, re: RegExp, at: number): RegExpExecArray | null {
  const all = [...s.matchAll(re)];
  if (!all.length) return null;
  return all[Math.floor(at * all.length)] as RegExpExecArray;
}

function splice(s: string, from: number, to: number, text: string): string {
  return s.slice(0, from) + text + s.slice(to);
}

/** One operation on the text of an XML part. */
export function applyPartOp(xml: string, op: PartOp): string {
  switch (op.op) {
    case "numeral": {
      // the value of a numeric cell (no t, or t="n"), else of any cell
      const m =
        nth(
          xml,
          /<(?:\w+:)?c\b(?:(?! t=)[^>])*(?: t="n")?(?:(?! t=)[^>])*>(?:<(?:\w+:)?f[^>]*(?:\/>|>[^<]*<\/(?:\w+:)?f>))?<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/g,
          op.at
        ) ?? nth(xml, /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/g, op.at);
      if (!m) return xml;
      const start = m.index + m[0].lastIndexOf(`${m[1]}<`);
      return splice(xml, start, start + m[1].length, op.text);
    }
    case "chars": {
      const m = nth(xml, /<(?:\w+:)?[tv](?: [^>]*)?>([^<]*)</g, op.at);
      if (!m) return splice(xml, Math.floor(op.at * xml.length), Math.floor(op.at * xml.length), op.text);
      const start = m.index + m[0].indexOf(">") + 1;
      const inner = Math.floor(m[1].length / 2);
      return splice(xml, start + inner, start + inner, op.text);
    }
    case "cellType": {
      const m = nth(xml, /<(?:\w+:)?c [^>]*?(\/?)>/g, op.at);
      if (!m) return xml;
      const tag = m[0].replace(/ t="[^"]*"/, "");
      const typed = op.t ? tag.replace(/^(<(?:\w+:)?c)/, `$1 t="${op.t}"`) : tag;
      return splice(xml, m.index, m.index + m[0].length, typed);
    }
    case "repeatAttr": {
      const m = nth(xml, /<(?:\w+:)?\w+ [^>]*?>/g, op.at);
      if (!m) return xml;
      const end = m.index + m[0].length - (m[0].endsWith("/>") ? 2 : 1);
      return splice(xml, end, end, ` ${op.attr}`);
    }
    case "repeat": {
      const name = op.element;
      const re = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`, "g");
      const m = nth(xml, re, op.at);
      if (!m) return xml;
      return splice(xml, m.index + m[0].length, m.index + m[0].length, m[0].repeat(op.times));
    }
    case "truncate":
      return xml.slice(0, Math.floor(op.at * xml.length));
    case "flip": {
      const i = Math.floor(op.at * xml.length);
      return splice(xml, i, i + 1, String.fromCharCode((xml.charCodeAt(i) ^ op.xor) & 0xff));
    }
    case "delete": {
      const i = Math.floor(op.at * xml.length);
      return splice(xml, i, i + op.length, "");
    }
  }
}

/** The XML parts worth mutating first: sheets, shared strings, workbook, relationships. */
function partNames(files: Record<string, Uint8Array>): string[] {
  const names = Object.keys(files).filter((n) => /\.(xml|rels)$/.test(n));
  const rank = (n: string): number =>
    /worksheets\/sheet1\.xml$/.test(n)
      ? 0
      : /sharedStrings/.test(n)
        ? 1
        : /worksheets/.test(n)
          ? 2
          : /workbook\.xml/.test(n)
            ? 3
            : 4;
  return names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

/** Pick a part, the first ranks more often (a fraction squared leans to 0). */
function pick(names: string[], at: number): string {
  return names[Math.floor(at * at * names.length)];
}

/** The mutated file (a new buffer; `bytes` is never changed). */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case "flipBytes": {
      const out = new Uint8Array(bytes); // a copy, whatever `bytes` is (Buffer#slice shares memory)
      for (const a of m.at) out[Math.floor(a * out.length)] ^= m.xor;
      return out;
    }
    case "truncate":
      return new Uint8Array(bytes.subarray(0, Math.floor(m.at * bytes.length)));
    case "duplicateEntry": {
      const files = unzipSync(bytes);
      const name = pick(partNames(files), m.part);
      const copy = m.op ? strToU8(applyPartOp(strFromU8(files[name]), m.op)) : files[name];
      return storedZip([...Object.entries(files), [name, copy]]);
    }
    case "part": {
      const files = unzipSync(bytes);
      const name = pick(partNames(files), m.part);
      files[name] = strToU8(applyPartOp(strFromU8(files[name]), m.op));
      return zipSync(files as Zippable, { level: m.level });
    }
  }
}
