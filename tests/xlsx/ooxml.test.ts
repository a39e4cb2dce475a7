/**
 * The scanner's SKIP/STOP, the filtered sheet scan and the lazy shared strings: each must give
 * exactly what the plain full parse gives, on the odd XML other writers (and attackers) produce.
 */
import { CellCapError, LazySharedStrings, parseSharedStrings, parseSheet } from "../../src/xlsx/ooxml";
import { key, type SheetData } from "../../src/workbook/sheet-data";
import { scanXml, SKIP, STOP, utf8FromBytes } from "../../src/xlsx/xml";

const latin1 = (s: string): string => Buffer.from(s, "utf8").toString("latin1");
const counter = (max = 1e6) => ({ count: 0, max });

const SST = [
  "<sst>",
  "<si><t>zero</t></si>",
  "<si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r><rPh><t>PHON</t></rPh></si>",
  "<si/>",
  "<si><t><![CDATA[</si><si>x]]></t></si>",
  "<!-- <si><t>not a string</t></si> -->",
  "<si><t>Xã Cao Xá &amp; &#7883;_x000D_</t></si>",
  "</sst>",
].join("");

const SHEET = [
  '<?xml version="1.0"?><x:worksheet xmlns:x="urn:x">',
  '<x:sheetPr><x:tabColor rgb="FF00FF00"/></x:sheetPr>',
  '<x:cols><x:col min="1" max="2" width="9"/></x:cols>',
  "<x:sheetData>",
  '<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[</x:c><x:c r="C1"><x:v>666</x:v></x:c>]]></x:t></x:is></x:c>',
  '<x:c r="C1" s="2"/><x:c t="str"><x:f>"a&gt;b"</x:f><x:v>a&gt;b</x:v></x:c></x:row>',
  '<!-- <x:c r="D1"><x:v>999</x:v></x:c> -->',
  '<x:row r="3"><x:c r="A3"><x:f t="shared" si="0" ref="A3:A4">B3*2</x:f><x:v>4</x:v></x:c><x:c r="B3" t="s"><x:v>5</x:v></x:c></x:row>',
  '<x:row r="4"><x:c r="A4"><x:f t="shared" si="0"/></x:c><x:c r="b4" t="e"><x:v>#REF!</x:v></x:c><x:c r="C4" t="b"><x:v>1</x:v></x:c></x:row>',
  '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>Nguyễn </x:t></x:r><x:r><x:t xml:space="preserve">Thị Lan</x:t></x:r></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>',
  "</x:sheetData >",
  '<x:dataValidations count="1"><x:dataValidation sqref="A1" prompt="&lt;/x:mergeCells&gt; > <x:mergeCell ref=\'A1:Z9\'/>"><x:formula1>1</x:formula1></x:dataValidation></x:dataValidations>',
  '<x:mergeCells count="2"><x:mergeCell ref="A6:B7"/><x:mergeCell ref="C3:D4"/></x:mergeCells>',
  "</x:worksheet>",
].join("");

function restricted(full: SheetData, want: (r: number, c: number) => boolean): Map<number, unknown> {
  return new Map([...full.cells].filter(([k]) => want(Math.floor(k / 16384), (k % 16384) + 1)));
}

describe("scanXml: SKIP and STOP", () => {
  it("skips an element whole, nested same-name elements, comments and CDATA included", () => {
    const seen: string[] = [];
    const xml = "<a><b x='>'><b/><b><!-- </b> --><![CDATA[</b>]]><c/></b><c/></b><c/></a>";
    scanXml(xml, {
      open: (name) => (seen.push(name), name === "b" ? SKIP : undefined),
      close: (name) => void seen.push(`/${name}`),
    });
    expect(seen).toEqual(["a", "b", "c", "/c", "/a"]);
  });

  it("stops after a start tag or an end tag and says where", () => {
    const xml = "<a><b/><c>t</c><d/></a>";
    expect(scanXml(xml, { open: (n) => (n === "c" ? STOP : undefined), close() {} })).toBe(
      xml.indexOf("t</c>")
    );
    expect(scanXml(xml, { open() {}, close: (n) => (n === "c" ? STOP : undefined) })).toBe(
      xml.indexOf("<d/>")
    );
  });

  it("turns byte-string text back into UTF-8, leaving ASCII alone", () => {
    expect(utf8FromBytes(latin1("Xã Cao Xá – Độc lập"))).toBe("Xã Cao Xá – Độc lập");
    const ascii = "12.5";
    expect(utf8FromBytes(ascii)).toBe(ascii);
  });
});

describe("shared strings, read lazily", () => {
  it("gives what the eager parse gives, index by index, in any order", () => {
    const all = parseSharedStrings(SST);
    expect(all).toEqual(["zero", "rich", "", "</si><si>x", "Xã Cao Xá & ị\r"]);
    const lazy = new LazySharedStrings(SST);
    expect([4, 0, 2, 1, 3].map((i) => lazy.get(i))).toEqual([4, 0, 2, 1, 3].map((i) => all[i]));
    expect(lazy.get(5)).toBeUndefined();
    expect(lazy.get(-1)).toBeUndefined();
    expect(new LazySharedStrings(latin1(SST), true).get(4)).toBe(all[4]);
  });
});

describe("parseSheet: the filtered scan", () => {
  const sst = parseSharedStrings(SST);
  const full = parseSheet(SHEET, sst, counter());

  it("reads the odd sheet in full as before", () => {
    expect(full.cells.get(key(1, 2))).toEqual({
      type: "text",
      text: '</x:c><x:c r="C1"><x:v>666</x:v></x:c>',
    });
    expect(full.cells.get(key(1, 4))).toEqual({ type: "text", text: "a>b" }); // no r: after C1
    expect([...full.cells.values()].some((v) => v.type === "number" && v.value === 999)).toBe(false); // in a comment
    expect(full.cells.get(key(5, 1))).toEqual({ type: "text", text: "Nguyễn Thị Lan" });
    expect(full.merges).toEqual([
      { r1: 6, c1: 1, r2: 7, c2: 2 },
      { r1: 3, c1: 3, r2: 4, c2: 4 },
    ]);
  });

  it("gives exactly the full parse's cells, restricted to those wanted, for every subset", () => {
    const positions = [...full.cells.keys()].map((k) => [Math.floor(k / 16384), (k % 16384) + 1] as const);
    positions.push([1, 3], [2, 1], [9, 9]);
    for (let mask = 0; mask < 1 << positions.length; mask += 7) {
      const set = new Set(positions.filter((_, i) => mask & (1 << i)).map(([r, c]) => key(r, c)));
      const want = (r: number, c: number): boolean => set.has(key(r, c));
      for (const bytes of [false, true]) {
        const part = parseSheet(bytes ? latin1(SHEET) : SHEET, sst, counter(), { want, bytes });
        // A4 uses A3's shared formula and has no cached value: without A3 the scan says so (the reader then reads in full)
        if (part.partialFormulas) expect(want(4, 1) && !want(3, 1)).toBe(true);
        else expect(part.cells).toEqual(restricted(full, want));
        expect(part.merges).toEqual(full.merges);
      }
    }
  });

  it("counts skipped cells against the cap too", () => {
    expect(() => parseSheet(SHEET, sst, counter(5), { want: () => false })).toThrow(CellCapError);
    const c = counter();
    parseSheet(SHEET, sst, c, { want: () => false });
    const f = counter();
    parseSheet(SHEET, sst, f);
    expect(c.count).toBe(f.count);
  });

  it("flags a shared formula whose master was passed over when the cell has no cached value", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" si="0" ref="A1:B1">C1*2</f></c><c r="B1"><f t="shared" si="0"/></c></row></sheetData></worksheet>';
    const b1 = { type: "uncomputed", formula: "C1*2" };
    expect(parseSheet(xml, [], counter()).cells.get(key(1, 2))).toEqual(b1);
    const both = parseSheet(xml, [], counter(), { want: () => true });
    expect(both.partialFormulas).toBeUndefined();
    expect(both.cells.get(key(1, 2))).toEqual(b1);
    expect(parseSheet(xml, [], counter(), { want: (_r, c) => c === 2 }).partialFormulas).toBe(true);
  });

  it("stops at a row when asked", () => {
    const part = parseSheet(SHEET, sst, counter(), { want: () => true, stopAtRow: (row) => row >= 3 });
    expect([...part.cells.keys()].every((k) => Math.floor(k / 16384) < 3)).toBe(true);
    expect(part.cells.size).toBeGreaterThan(0);
  });
});
