/** Hostile and broken input: every one gets its own reason, quickly, without throwing. */
import { deflateRawSync } from "node:zlib";
import { strToU8, unzipSync } from "fflate";
import { builtInForm, nameOf } from "../../src/form/resolve";
import type { InspectResult } from "../../src/inspect/types";
import { inspectFile } from "./both-platforms";
import { buildCfb } from "./cfb-fixture";
import { buildXlsx, reportFixture } from "./fixture-xlsx";
import { rawZip } from "./hostile-files";

const form = builtInForm();
const I1 = nameOf(form, "I.1", "value");

/** A small valid workbook whose sheet1 is replaced by `sheet` (deflated), declaring `declared` bytes. */
function withSheet(sheet: Uint8Array, declared: number | null): Uint8Array {
  const base = unzipSync(
    buildXlsx({ sheets: [{ name: "S", cells: [["A1", 1]] }], names: [{ name: I1, ref: "S!$A$1" }] })
  );
  const entries = Object.entries(base).map(([name, data]) =>
    name === "xl/worksheets/sheet1.xml"
      ? {
          name,
          data: deflateRawSync(sheet, { level: 1 }),
          method: 8 as const,
          size: declared ?? sheet.length,
        }
      : { name, data: new Uint8Array(deflateRawSync(data)), method: 8 as const, size: data.length }
  );
  return rawZip(entries);
}

function reason(r: InspectResult): string {
  return r.ok ? "ok" : r.reason;
}

describe("zip bombs", () => {
  const HEAD =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
  let big: Buffer;
  beforeAll(() => {
    big = Buffer.alloc(200 * 1024 * 1024, 0x20);
    big.write(HEAD, 0);
  });
  afterAll(() => {
    big = Buffer.alloc(0);
  });

  it("rejects a 200 MB sheet by its declared size, without inflating it", () => {
    const bytes = withSheet(big, null);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const r = inspectFile(bytes, form);
    expect(reason(r)).toBe("zipBomb");
    if (!r.ok) expect(r.message.vi).toMatch(/nén bất thường/);
  });

  it("stops inflating when an entry lies about its size", () => {
    const r = inspectFile(withSheet(big, 4096), form);
    expect(reason(r)).toBe("zipBomb");
  });

  it("honours a smaller decompressed-size cap", () => {
    const fx = reportFixture(form, { [I1]: 1 });
    expect(reason(inspectFile(fx.bytes, form, { maxUncompressedBytes: 2000 }))).toBe("zipBomb");
  });
});

describe("caps", () => {
  it("rejects a file over the size cap", () => {
    const fx = reportFixture(form, { [I1]: 1 });
    const r = inspectFile(fx.bytes, form, { maxFileBytes: 1000 });
    expect(reason(r)).toBe("tooLarge");
  });

  it("rejects a sheet with more cells than the cap (default 1,000,000)", () => {
    const cells = "<c/>".repeat(1_000_001);
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">${cells}</row></sheetData></worksheet>`;
    expect(reason(inspectFile(withSheet(Buffer.from(xml), null), form))).toBe("tooManyCells");
    expect(reason(inspectFile(reportFixture(form, { [I1]: 1 }).bytes, form, { maxCells: 50 }))).toBe(
      "tooManyCells"
    );
  });
});

describe("XML entities", () => {
  const laughs =
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join("") +
    '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

  it("never expands a billion-laughs DOCTYPE or an external entity", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          prolog: laughs,
          cells: [
            ["A1", { inline: "x" }],
            ["A2", 5],
          ],
        },
      ],
      names: [
        { name: I1, ref: "S!$A$2" },
        { name: nameOf(form, "VI.1", "value"), ref: "S!$A$1" },
      ],
    });
    // put entity references into the cell text
    const files = unzipSync(bytes);
    const xml = new TextDecoder()
      .decode(files["xl/worksheets/sheet1.xml"])
      .replace("<t>x</t>", "<t>&lol9;&xxe;&amp;&#65;</t>");
    files["xl/worksheets/sheet1.xml"] = strToU8(xml);
    const entries = Object.entries(files).map(([name, data]) => ({
      name,
      data: new Uint8Array(deflateRawSync(data)),
      method: 8 as const,
      size: data.length,
    }));
    const r = inspectFile(rawZip(entries), form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.get(I1)).toEqual({ type: "number", value: 5 });
    expect(r.values.get(nameOf(form, "VI.1", "value"))).toEqual({ type: "text", text: "&lol9;&xxe;&A" });
  });

  it("survives a DOCTYPE in workbook.xml and shared strings too", () => {
    const files = unzipSync(reportFixture(form, { [I1]: 3, [nameOf(form, "VI.1", "value")]: "chữ" }).bytes);
    for (const p of ["xl/workbook.xml", "xl/sharedStrings.xml"]) {
      files[p] = strToU8(new TextDecoder().decode(files[p]).replace("?>", `?>${laughs}`));
    }
    const entries = Object.entries(files).map(([name, data]) => ({
      name,
      data: new Uint8Array(deflateRawSync(data)),
      method: 8 as const,
      size: data.length,
    }));
    const r = inspectFile(rawZip(entries), form);
    expect(r.ok && r.values.get(I1)).toEqual({ type: "number", value: 3 });
  });

  it("calls unterminated markup corrupt", () => {
    const bytes = withSheet(Buffer.from('<worksheet><sheetData><row><c r="A1"><v>1</v'), null);
    expect(reason(inspectFile(bytes, form))).toBe("corrupt");
  });
});

describe("broken and foreign files", () => {
  const good = reportFixture(form, { [I1]: 1 }).bytes;

  it("calls a zip cut anywhere corrupt", () => {
    for (const at of [
      3,
      10,
      31,
      100,
      Math.floor(good.length / 3),
      Math.floor(good.length / 2),
      good.length - 30,
      good.length - 1,
    ]) {
      expect({ at, r: reason(inspectFile(good.subarray(0, at), form)) }).toEqual({ at, r: "corrupt" });
    }
  });

  it("calls damaged compressed data corrupt", () => {
    const bad = good.slice();
    for (let i = 60; i < bad.length / 2; i += 7) bad[i] ^= 0x5a;
    expect(reason(inspectFile(bad, form))).toMatch(/^(corrupt|zipBomb)$/);
  });

  it("never throws on random bytes", () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let k = 0; k < 50; k++) {
      const b = new Uint8Array(50 + k * 37).map(() => rnd());
      if (k % 3 === 0) b.set([0x50, 0x4b, 0x03, 0x04]);
      if (k % 3 === 1) b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const r = inspectFile(b, form);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(["corrupt", "notSpreadsheet"]).toContain(r.reason);
    }
  });

  it("calls an empty file empty", () => {
    const r = inspectFile(new Uint8Array(0), form);
    expect(reason(r)).toBe("empty");
  });

  it("calls text, CSV, HTML and PDF renamed .xlsx notSpreadsheet", () => {
    for (const s of [
      "Đơn vị,Tổng số\nXã Cao Xá,12\n",
      "<html><table><tr><td>1</td></tr></table></html>",
      "%PDF-1.4\n...",
      "PK",
    ]) {
      const r = inspectFile(strToU8(s), form);
      expect({ s, r: reason(r) }).toEqual({ s, r: s === "PK" ? "corrupt" : "notSpreadsheet" });
    }
  });

  it("tells encrypted OOXML from .xls in an OLE2 container", () => {
    const enc = inspectFile(buildCfb(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]), form);
    expect(reason(enc)).toBe("encrypted");
    if (!enc.ok) expect(enc.message.vi).toMatch(/mật khẩu/);
    // an .xls is read now (tests/xlsx/biff8.test.ts); this one's Workbook stream is empty
    expect(reason(inspectFile(buildCfb(["Workbook", "\u0005SummaryInformation"]), form))).toBe("corrupt");
    // Excel 5.0/95 (a "Book" stream) is still refused, naming the old format
    const old = inspectFile(buildCfb(["Book", "\u0005SummaryInformation"]), form);
    expect(reason(old)).toBe("xls");
    if (!old.ok)
      expect(old.message.vi).toMatch(/\.xls \(định dạng cũ Excel 5\.0\/95\).*lưu lại dưới dạng \.xlsx/);
    expect(reason(inspectFile(buildCfb(["WordDocument"]), form))).toBe("notSpreadsheet");
    // a damaged container still gives a verdict from the stream names
    const cut = buildCfb(["EncryptionInfo", "EncryptedPackage"]);
    cut[0x30] = 0x7f;
    expect(reason(inspectFile(cut, form))).toBe("encrypted");
  });

  it("classifies zips that are not workbooks", () => {
    const zip = (files: Record<string, string>): Uint8Array =>
      rawZip(
        Object.entries(files).map(([name, s]) => ({
          name,
          data: strToU8(s),
          method: 0,
          size: strToU8(s).length,
        }))
      );
    expect(
      reason(
        inspectFile(
          zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }),
          form
        )
      )
    ).toBe("notReport"); // read (tests/xlsx/ods.test.ts): a spreadsheet without a sheet
    expect(
      reason(
        inspectFile(zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }), form)
      )
    ).toBe("notSpreadsheet");
    expect(
      reason(inspectFile(zip({ "Index/Document.iwa": "x", "Metadata/Properties.plist": "x" }), form))
    ).toBe("numbers");
    expect(
      reason(inspectFile(zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "x" }), form))
    ).toBe("xlsb");
    expect(
      reason(inspectFile(zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }), form))
    ).toBe("notSpreadsheet");
    expect(reason(inspectFile(zip({ "photo.jpg": "x" }), form))).toBe("notSpreadsheet");
  });
});
