/**
 * The .ods reader (src/xlsx/ods.ts, ods-values.ts): values, merges, names and visibility of
 * content.xml written by hand, real files of other writers checked against what LibreOffice and
 * openpyxl read from them, and hostile content (repeat bombs, deep nesting, entities).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { builtInForm } from "../../src/form/resolve";
import type { CellValue } from "../../src/workbook/cell-value";
import { isoToSerial } from "../../src/validate/dates";
import type { LoadedWorkbook } from "../../src/xlsx/loaded-workbook";
import { readOds } from "../../src/xlsx/ods";
import { parseIsoDateSerial } from "../../src/workbook/numbers";
import { durationToDays, odsCellValue, odsExpressionToA1, odsRangeToA1 } from "../../src/xlsx/ods-values";
import { key } from "../../src/workbook/sheet-data";
import { OTHER_FORMATS } from "../../src/xlsx/other-formats";
import { DEFAULT_LIMITS, inspectFile } from "../../src/xlsx/reader";
import { openZip } from "../../src/xlsx/zip";

const CORPUS = join(__dirname, "..", "fixtures", "corpus");
const form = builtInForm();
const L = DEFAULT_LIMITS;

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

/** An .ods package around a content.xml body (`<office:spreadsheet>` content) and automatic styles. */
function ods(spreadsheet: string, styles = "", prolog = ""): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>${prolog}<office:document-content ${NS}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${spreadsheet}</office:spreadsheet></office:body></office:document-content>`;
  return zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8(content),
    },
    { level: 6 }
  );
}

const load = (bytes: Uint8Array, limits = L): LoadedWorkbook => readOds(openZip(bytes), limits);
const cell = (wb: LoadedWorkbook, sheet: number, row: number, col: number): CellValue | undefined =>
  wb.sheets[sheet].data?.cells.get(key(row, col));
const reason = (bytes: Uint8Array, limits = L): string => {
  const r = inspectFile(bytes, form, { ...limits, formats: OTHER_FORMATS });
  return r.ok ? "ok" : r.reason;
};

const row = (cells: string, attrs = ""): string => `<table:table-row${attrs}>${cells}</table:table-row>`;
const td = (attrs: string, body = ""): string =>
  body ? `<table:table-cell ${attrs}>${body}</table:table-cell>` : `<table:table-cell ${attrs}/>`;
const p = (s: string): string => `<text:p>${s}</text:p>`;

describe("ODS content", () => {
  const wb = load(
    ods(
      `<table:table table:name="Báo cáo" table:style-name="ta1">
        <table:table-column table:number-columns-repeated="16384"/>
        ${row(
          td('office:value-type="float" office:value="12"', p("12")) +
            td('office:value-type="percentage" office:value="0.125"', p("12,5%")) +
            td(
              'office:value-type="currency" office:currency="VND" office:value="1500000.5"',
              p("1.500.000,5 ₫")
            ) +
            td('office:value-type="date" office:date-value="2019-11-28"', p("28/11/2019")) +
            td('office:value-type="date" office:date-value="2019-11-28T06:00:00"', p("x")) +
            td('office:value-type="time" office:time-value="PT36H30M00S"', p("36:30")) +
            td('office:value-type="boolean" office:boolean-value="true"', p("TRUE"))
        )}
        ${row(
          td('office:value-type="string"', p("1.234")) +
            td(
              'office:value-type="string"',
              p(
                'Một <text:span text:style-name="T1">hai</text:span><text:s text:c="3"/>ba<text:tab/>bốn<text:line-break/>năm'
              ) +
                p("") +
                p("  sáu   bảy ")
            ) +
            td(
              'office:value-type="string"',
              "<office:annotation><text:p>ghi chú</text:p></office:annotation>" + p("có ghi chú")
            ) +
            td('table:formula="of:=1+1" office:value-type="float" office:value="2"', p("2")) +
            td('table:formula="of:=1/0" office:value-type="float" office:value="0"', p("#DIV/0!")) +
            td(
              'table:formula="of:=A" office:value-type="string" office:string-value="" calcext:value-type="error"',
              p("Err:502")
            ) +
            td('table:formula="of:=SUM([.A1:.A2])"') +
            td('table:formula="of:=&quot;x&quot;" office:value-type="string" office:string-value="x"', p("x"))
        )}
        ${row(
          td(
            'table:number-columns-spanned="2" table:number-rows-spanned="2" office:value-type="string"',
            p("gộp")
          ) +
            "<table:covered-table-cell/>" +
            td('table:number-columns-repeated="3" office:value-type="float" office:value="7"', p("7")) +
            td('table:number-columns-repeated="16379"')
        )}
        ${row('<table:covered-table-cell table:number-columns-repeated="2"/>' + td('office:value-type="float" office:value="8"', p("8")))}
        ${row(td('office:value-type="float" office:value="9"', p("9")), ' table:number-rows-repeated="3"')}
        <table:table-row-group>${row(td('office:value-type="float" office:value="10"', p("10")))}</table:table-row-group>
        ${row(td('table:number-columns-repeated="16384"'), ' table:number-rows-repeated="1048566"')}
        <table:named-expressions><table:named-range table:name="Riêng" table:base-cell-address="$'Báo cáo'.$A$1" table:cell-range-address="$'Báo cáo'.$A$1"/></table:named-expressions>
      </table:table>
      <table:table table:name="_BDG_META" table:style-name="ta2">${row(td('office:value-type="string"', p("form_id")))}</table:table>
      <table:named-expressions>
        <table:named-range table:name="Tổng" table:base-cell-address="$'Báo cáo'.$A$1" table:cell-range-address="$'Báo cáo'.$D$14"/>
        <table:named-range table:name="Vùng" table:base-cell-address="$'Báo cáo'.$A$1" table:cell-range-address="$'Báo cáo'.$A$1:.$B$2"/>
        <table:named-range table:name="Hỏng" table:base-cell-address="$'Báo cáo'.$A$1" table:cell-range-address="$#REF!.$A$1"/>
        <table:named-expression table:name="Biểu_thức" table:base-cell-address="$'Báo cáo'.$A$1" table:expression="of:=[$'Báo cáo'.$C$3]"/>
        <table:named-expression table:name="Hàm" table:base-cell-address="$'Báo cáo'.$A$1" table:expression="of:=SUM([.A1:.A3])"/>
      </table:named-expressions>`,
      `<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
       <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>`
    )
  );

  it("reads sheets and their visibility from the table style", () => {
    expect(wb.format).toBe("ods");
    expect(wb.sheets.map((s) => [s.name, s.visible])).toEqual([
      ["Báo cáo", true],
      ["_BDG_META", false],
    ]);
    expect(wb.date1904).toBe(false);
    expect(cell(wb, 1, 1, 1)).toEqual({ type: "text", text: "form_id" });
  });

  it("reads typed values: float, percentage, currency; date and time as date cells (serials), boolean", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => cell(wb, 0, 1, c))).toEqual([
      { type: "number", value: 12 },
      { type: "number", value: 0.125 },
      { type: "number", value: 1500000.5 },
      { type: "date", serial: isoToSerial("2019-11-28") },
      { type: "date", serial: isoToSerial("2019-11-28") + 0.25 },
      { type: "date", serial: 1.5208333333333333 },
      { type: "boolean", value: true },
    ]);
  });

  it("reads text: spans, text:s, tabs, line breaks, paragraphs joined with a line end, comments left out", () => {
    expect(cell(wb, 0, 2, 1)).toEqual({ type: "text", text: "1.234" });
    expect(cell(wb, 0, 2, 2)).toEqual({ type: "text", text: "Một hai   ba\tbốn\nnăm\n\nsáu bảy " });
    expect(cell(wb, 0, 2, 3)).toEqual({ type: "text", text: "có ghi chú" });
  });

  it("reads formulas' cached results; an error result is an error; no result is uncomputed", () => {
    expect([4, 5, 6, 7, 8].map((c) => cell(wb, 0, 2, c))).toEqual([
      { type: "number", value: 2 },
      { type: "error", code: "#DIV/0!" },
      { type: "error", code: "Err:502" },
      { type: "uncomputed", formula: "SUM([.A1:.A2])" },
      { type: "text", text: "x" },
    ]);
  });

  it("reads merges from spans, skips covered cells, repeats non-empty cells and rows", () => {
    expect(wb.sheets[0].data?.merges).toEqual([{ r1: 3, c1: 1, r2: 4, c2: 2 }]);
    expect(cell(wb, 0, 3, 1)).toEqual({ type: "text", text: "gộp" });
    expect([3, 4, 5, 6].map((c) => cell(wb, 0, 3, c))).toEqual([
      { type: "number", value: 7 },
      { type: "number", value: 7 },
      { type: "number", value: 7 },
      undefined,
    ]);
    expect(cell(wb, 0, 4, 3)).toEqual({ type: "number", value: 8 });
    expect([5, 6, 7, 8].map((r) => cell(wb, 0, r, 1))).toEqual([
      { type: "number", value: 9 },
      { type: "number", value: 9 },
      { type: "number", value: 9 },
      { type: "number", value: 10 }, // inside a row group
    ]);
    expect(wb.sheets[0].data?.cells.size).toBe(24);
  });

  it("reads named ranges: workbook-wide and sheet-local, broken, expressions", () => {
    expect(wb.names).toEqual([
      { name: "Riêng", ref: "'Báo cáo'!$A$1", localSheet: 0 },
      { name: "Tổng", ref: "'Báo cáo'!$D$14", localSheet: null },
      { name: "Vùng", ref: "'Báo cáo'!$A$1:$B$2", localSheet: null },
      { name: "Hỏng", ref: "#REF!", localSheet: null },
      { name: "Biểu_thức", ref: "'Báo cáo'!$C$3", localSheet: null },
      { name: "Hàm", ref: "=?", localSheet: null },
    ]);
  });
});

describe("ODS values and addresses", () => {
  it("converts cell-range addresses to A1", () => {
    expect(odsRangeToA1("$'Báo cáo'.$D$14")).toBe("'Báo cáo'!$D$14");
    expect(odsRangeToA1("$Sheet1.$A$1:.$B$2")).toBe("Sheet1!$A$1:$B$2");
    expect(odsRangeToA1("Sheet1.$C$7:Sheet1.$E$8")).toBe("Sheet1!$C$7:$E$8"); // as Excel writes it
    expect(odsRangeToA1("$'It''s'.A1")).toBe("'It''s'!A1");
    expect(odsRangeToA1(".A1", "Trang 1")).toBe("'Trang 1'!A1");
    expect(odsRangeToA1("$Sheet1.$A$1:$Sheet2.$B$2")).toBe("=?");
    expect(odsRangeToA1("'file:///x.ods'#$Sheet1.A1")).toBe("=?");
    expect(odsRangeToA1("$Sheet1.A1 $Sheet1.B2")).toBe("=?");
    expect(odsRangeToA1("$Sheet1.#REF!")).toBe("#REF!");
    expect(odsExpressionToA1("of:=[$Sheet1.$B$3]", null)).toBe("Sheet1!$B$3");
    expect(odsExpressionToA1("of:=[.B3]", "Trang")).toBe("Trang!B3");
  });

  it("reads office:value with the numeric grammar of every reader, and dates strictly", () => {
    expect(odsCellValue({ valueType: "float", value: "0x10" }, "16")).toEqual({
      type: "invalid",
      raw: "0x10",
    });
    expect(odsCellValue({ valueType: "float", value: "1e3" }, "1000")).toEqual({
      type: "number",
      value: 1000,
    });
    expect(odsCellValue({ valueType: "date", dateValue: "2019-02-30" }, "")).toEqual({
      type: "invalid",
      raw: "2019-02-30",
    });
    expect(odsCellValue({ valueType: "date", dateValue: "2019-11-28garbage" }, "")).toEqual({
      type: "invalid",
      raw: "2019-11-28garbage",
    });
  });

  it("converts ISO dates and durations", () => {
    expect(parseIsoDateSerial("2019-11-28")).toBe(43797);
    expect(parseIsoDateSerial("2019-11-28T12:00:00.000")).toBe(43797.5);
    expect(parseIsoDateSerial("28/11/2019")).toBeNull();
    expect(durationToDays("PT12H")).toBe(0.5);
    expect(durationToDays("P1DT6H")).toBe(1.25);
    expect(durationToDays("-PT6H")).toBe(-0.25);
    expect(durationToDays("PT0.5S")).toBeCloseTo(0.5 / 86400, 12);
    expect(durationToDays("PT")).toBeNull();
  });
});

describe("real .ods files (values as LibreOffice and openpyxl read them)", () => {
  const file = (f: string): LoadedWorkbook => load(new Uint8Array(readFileSync(join(CORPUS, f))));

  it("merge_cells.ods: merged ranges and their top-left texts", () => {
    const wb = file("merge_cells.ods");
    expect(wb.sheets[0].data?.merges).toEqual([
      { r1: 1, c1: 1, r2: 2, c2: 2 },
      { r1: 1, c1: 3, r2: 2, c2: 3 },
      { r1: 1, c1: 4, r2: 2, c2: 4 },
      { r1: 3, c1: 1, r2: 3, c2: 2 },
      { r1: 4, c1: 1, r2: 4, c2: 2 },
    ]);
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "text", text: "A1:B2" });
    expect(cell(wb, 0, 1, 4)).toEqual({ type: "text", text: "Separate blocks" });
    expect(cell(wb, 0, 4, 1)).toEqual({ type: "text", text: "… are merged separately" });
  });

  it("sheet_visibility.ods: hidden sheets (ODS has no 'very hidden')", () => {
    const wb = file("sheet_visibility.ods");
    expect(wb.sheets.map((s) => [s.name, s.visible])).toEqual([
      ["Visible", true],
      ["Hidden", false],
      ["VeryHidden", false],
    ]);
    expect(cell(wb, 1, 1, 1)).toEqual({ type: "text", text: "H" });
    expect(cell(wb, 0, 2, 1)).toEqual({ type: "number", value: 118 }); // =CODE(A1), "v"
  });

  it("1904_1904.ods: dates become 1900-system serials whatever the file's null date", () => {
    const wb = file("1904_1904.ods");
    expect(wb.date1904).toBe(false);
    // openpyxl: B1 = 1904-01-02, A1 = 1; 1904-01-02 is serial 1463 in the 1900 system (1 in the 1904 one)
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "number", value: 1 });
    expect(cell(wb, 0, 1, 2)).toEqual({ type: "date", serial: 1463 });
    expect(cell(wb, 0, 2, 2)).toEqual({ type: "date", serial: isoToSerial("1904-01-12") });
    expect(cell(wb, 0, 1, 3)).toEqual({ type: "text", text: "1904-01-02" });
  });

  it("defined_names_unicode.ods and internal_link.ods: names as Excel wrote them, sheet-local ones", () => {
    expect(new Map(file("defined_names_unicode.ods").names.map((n) => [n.name, n.ref]))).toEqual(
      new Map([
        ["name日本語", "sheet日本語!$A$1"],
        ["name日本語name", "sheet日本語sheet!$B$2"],
        ["NoContainsJapaneseName", "日本語のみ!$A$1"],
        ["sheet日本語", "sheet日本語!$A$1"],
        ["日本語", "NoContainsJapanese!$A$1"],
        ["日本語name", "日本語sheet!$I$2"],
      ])
    );
    expect(file("internal_link.ods").names).toEqual([
      { name: "WSScope1", ref: "Sheet1!$C$7:$E$8", localSheet: 0 },
      { name: "WSScope", ref: "Sheet2!$A$1:$D$2", localSheet: 1 },
      { name: "WBScope", ref: "Sheet1!$C$4:$E$5", localSheet: null },
    ]);
  });

  it("formula_stress_test.ods (Excel): error results written as 0 shown as #DIV/0! are errors", () => {
    const values = [
      ...file("formula_stress_test.ods").sheets.flatMap((s) => [...(s.data?.cells.values() ?? [])]),
    ];
    const codes = new Set(values.filter((v) => v.type === "error").map((v) => v.type === "error" && v.code));
    expect(codes).toEqual(new Set(["#NUM!", "#DIV/0!", "#N/A", "#NAME?"]));
  });
});

describe("hostile .ods content", () => {
  const table = (rows: string): string => `<table:table table:name="S">${rows}</table:table>`;

  it("never materialises empty repeats (a whole empty sheet of 1,048,576 × 16,384)", () => {
    const wb = load(
      ods(table(row(td('table:number-columns-repeated="16384"'), ' table:number-rows-repeated="1048576"')))
    );
    expect(wb.sheets[0].data?.cells.size).toBe(0);
  });

  it("counts each repetition of a non-empty cell against the cap before storing any", () => {
    const bomb = row(
      td('office:value-type="float" office:value="1"', p("1")),
      ' table:number-rows-repeated="1048576"'
    );
    expect(reason(ods(table(bomb)))).toBe("tooManyCells");
    const wide = row(
      td('table:number-columns-repeated="16384" office:value-type="float" office:value="1"'),
      ' table:number-rows-repeated="100"'
    );
    expect(reason(ods(table(wide)))).toBe("tooManyCells");
    expect(
      reason(
        ods(table(row(td('table:number-columns-repeated="20" office:value-type="float" office:value="1"')))),
        { ...L, maxCells: 19 }
      )
    ).toBe("tooManyCells");
  });

  it("calls a value beyond the last row or column corrupt", () => {
    const far = row(
      td('table:number-columns-repeated="16384"') + td('office:value-type="float" office:value="1"')
    );
    expect(reason(ods(table(far)))).toBe("corrupt");
  });

  it("stops a text:s space bomb", () => {
    expect(
      reason(ods(table(row(td('office:value-type="string"', p('<text:s text:c="1000000000"/>'))))))
    ).toBe("zipBomb");
  });

  it("reads deep nesting without recursion", () => {
    const depth = 100_000;
    const deep = "<text:span>".repeat(depth) + "sâu" + "</text:span>".repeat(depth);
    const wb = load(ods(table(row(td('office:value-type="string"', p(deep))))));
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "text", text: "sâu" });
    const junk = "<x:a>".repeat(depth) + "</x:a>".repeat(depth);
    expect(
      load(ods(table(row(td('office:value-type="float" office:value="3"', junk))))).sheets[0].data?.cells.size
    ).toBe(1);
  });

  it("never expands an entity declaration", () => {
    const dtd =
      '<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const wb = load(ods(table(row(td('office:value-type="string"', p("&b;&amp;")))), "", dtd));
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "text", text: "&b;&" });
  });

  it("gives a verdict for any damage to a real content.xml, never a throw", () => {
    const real = unzipSync(
      new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "xls-ods", "lo.ods")))
    );
    const xml = strFromU8(real["content.xml"]);
    const marks = ["<", ">", '"', "/", "&", "=", " ", "1", "9", "-", ":"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(xml.length - 1), fc.constantFrom(...marks)), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.nat(xml.length),
        (edits, cutAt) => {
          const chars = xml.slice(0, Math.max(100, cutAt)).split("");
          for (const [at, ch] of edits) if (at < chars.length) chars[at] = ch;
          const bytes = zipSync({ ...real, "content.xml": strToU8(chars.join("")) });
          const r = inspectFile(bytes, form, { formats: OTHER_FORMATS });
          // refused or read, and never through a programming error caught on the way out
          return r.ok || !/^(TypeError|RangeError|ReferenceError)/.test(r.detail ?? "");
        }
      ),
      { numRuns: 60 }
    );
  });

  it("calls a password-protected package encrypted", () => {
    const manifest = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>`;
    const locked = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "META-INF/manifest.xml": strToU8(manifest),
      "content.xml": new Uint8Array([0x8f, 0x12, 0x00, 0x77]), // ciphertext
    });
    expect(reason(locked)).toBe("encrypted");
  });

  it("calls broken XML corrupt, a package without content.xml corrupt, a declared bomb zipBomb", () => {
    const broken = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8(
        `<office:document-content ${NS}><office:body><office:spreadsheet><table:table table:name="S`
      ),
    });
    expect(reason(broken)).toBe("corrupt");
    expect(reason(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") }))).toBe(
      "corrupt"
    );
    expect(
      reason(ods(table(row(td('office:value-type="float" office:value="1"'))).repeat(200)), {
        ...L,
        maxUncompressedBytes: 1000,
      })
    ).toBe("zipBomb");
  });
});
