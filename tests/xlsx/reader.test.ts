import { builtInForm, nameOf } from "../../src/form/resolve";
import { META_SHEET } from "../../src/workbook/contract";
import { isoToSerial, DATE1904_OFFSET } from "../../src/validate/dates";
import { evaluateReport } from "../../src/validate/engine";
import type { Inspection, InspectResult } from "../../src/inspect/types";
import { readAllSheets, inspectFile } from "./both-platforms";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildXlsx, reportFixture, type FixtureCell } from "./fixture-xlsx";

const form = builtInForm();
const N = (code: string, part: "total" | "female" | "value" = "value"): string => nameOf(form, code, part);
const F = (key: string): string => form.fieldByKey.get(key)!.name;

/** The locating issues only (the form's rules have their own tests). */
function readerRules(r: Inspection): string[] {
  return r.issues.filter((i) => i.rule.startsWith("reader.")).map((i) => i.rule);
}

function ok(r: InspectResult): Inspection {
  if (!r.ok) throw new Error(`rejected: ${r.reason} ${r.detail ?? ""}`);
  return r;
}

const filled: Record<string, FixtureCell> = {
  [F("unit")]: "Xã Cao Xá",
  [F("year")]: 2019,
  [F("reportDate")]: isoToSerial("2019-11-28"),
  [F("preparer")]: "Nguyễn Thị Lan",
  [F("head")]: "Trần Văn Hùng",
  [N("I.1")]: 12,
  [N("I.2", "total")]: 1500,
  [N("I.2", "female")]: 800,
  [N("I.3")]: "1.234",
  [N("IV.5")]: 12.5,
  [N("VI.1")]: "Tổ chức tốt các hoạt động\ntrong Tháng hành động",
};

describe("inspectFile: values by defined name", () => {
  const fx = reportFixture(form, filled, { meta: { unitCode: "XA-CAO-XA" } });
  const r = ok(inspectFile(fx.bytes, form));

  it("identifies the form and the metadata", () => {
    expect(r.formId).toBe(form.id);
    expect(r.formVersion).toBe(form.version);
    expect(r.metaUnitCode).toBe("XA-CAO-XA");
    expect(r.metaKind).toBe("template");
    expect(r.sheetName).toBe("Báo cáo");
    expect(r.via).toBe("name");
    expect(readerRules(r)).toEqual([]);
  });

  it("reads numbers, text and text numbers as they are", () => {
    expect(r.values.get(N("I.1"))).toEqual({ type: "number", value: 12 });
    expect(r.values.get(N("I.2", "female"))).toEqual({ type: "number", value: 800 });
    expect(r.values.get(N("I.3"))).toEqual({ type: "text", text: "1.234" });
    expect(r.values.get(N("IV.5"))).toEqual({ type: "number", value: 12.5 });
    expect(r.values.get(N("VI.1"))).toEqual({
      type: "text",
      text: "Tổ chức tốt các hoạt động\ntrong Tháng hành động",
    });
    expect(r.values.get(F("unit"))).toEqual({ type: "text", text: "Xã Cao Xá" });
  });

  it("gives every name of the form an address and how it was found", () => {
    for (const n of form.names) {
      expect(r.cells.get(n)?.via).toBe("name");
      expect(r.values.has(n)).toBe(true);
    }
    expect(r.cells.get(N("I.2", "total"))?.address).toBe(`'Báo cáo'!${fx.addresses.get(N("I.2", "total"))}`);
    expect(r.values.get(N("I.4"))).toEqual({ type: "blank" });
  });

  it("feeds the rule engine: the text number is flagged, the unit matched", () => {
    const ev = evaluateReport(form, r.values);
    expect(ev.numbers.get(N("I.3"))).toBe(1234);
    expect(ev.header.unit?.code).toBe("XA-CAO-XA");
    expect(ev.header.reportDate).toBe("2019-11-28");
    expect(ev.issues.some((i) => i.cell === N("I.3") && i.severity === "warning")).toBe(true);
  });
});

describe("inspectFile: cell types", () => {
  const cells: Record<string, FixtureCell> = {
    [N("I.1")]: { f: "2+3" }, // formula, no cached value (openpyxl)
    [N("I.3")]: { f: "2+3", v: 5 },
    [N("I.4")]: { err: "#DIV/0!" },
    [N("I.5")]: true,
    [N("I.6")]: { f: "", shared: { si: 0 } },
    [N("I.7")]: { f: 'A1&"x"', t: "str", v: "7" },
    [N("I.2", "total")]: { rich: ["12", "34"], phonetic: "ignored" },
    [N("I.2", "female")]: { inline: "56" },
    [N("II.1")]: { f: "1", t: "str" },
    [F("reportDate")]: { date: "2019-11-28T00:00:00" },
    [N("II.5")]: "a &amp; <b> \u00a0 &#x1F600;",
  };
  const r = ok(inspectFile(reportFixture(form, cells).bytes, form));

  it("never reads a formula without a cached value as 0", () => {
    expect(r.values.get(N("I.1"))).toEqual({ type: "uncomputed", formula: "2+3" });
    expect(r.values.get(N("II.1"))).toEqual({ type: "uncomputed", formula: "1" });
    expect(r.values.get(N("I.6"))?.type).toBe("uncomputed");
    const ev = evaluateReport(form, r.values);
    expect(ev.numbers.has(N("I.1"))).toBe(false);
    expect(ev.issues.find((i) => i.cell === N("I.1"))?.message.vi).toMatch(/chưa được tính/);
  });

  it("uses cached results, errors, booleans, rich text, inline strings and t=d dates", () => {
    expect(r.values.get(N("I.3"))).toEqual({ type: "number", value: 5 });
    expect(r.values.get(N("I.4"))).toEqual({ type: "error", code: "#DIV/0!" });
    expect(r.values.get(N("I.5"))).toEqual({ type: "boolean", value: true });
    expect(r.values.get(N("I.7"))).toEqual({ type: "text", text: "7" });
    expect(r.values.get(N("I.2", "total"))).toEqual({ type: "text", text: "1234" });
    expect(r.values.get(N("I.2", "female"))).toEqual({ type: "text", text: "56" });
    // a date cell is a date (never a count), whatever the date system
    expect(r.values.get(F("reportDate"))).toEqual({ type: "date", serial: isoToSerial("2019-11-28") });
    expect(r.evaluation.header.reportDate).toBe("2019-11-28");
  });

  it("decodes only the predefined entities (the fixture escapes & once)", () => {
    expect(r.values.get(N("II.5"))).toEqual({ type: "text", text: "a &amp; <b> \u00a0 &#x1F600;" });
  });
});

describe("inspectFile: other writers' XML", () => {
  it("reads x:-prefixed SpreadsheetML and inline strings", () => {
    const r = ok(inspectFile(reportFixture(form, filled, { prefix: "x", inlineStrings: true }).bytes, form));
    expect(r.values.get(N("I.2", "total"))).toEqual({ type: "number", value: 1500 });
    expect(r.values.get(F("preparer"))).toEqual({ type: "text", text: "Nguyễn Thị Lan" });
  });

  it.each([
    ['t ="s"', ' t ="s"'],
    ['t= "s"', ' t= "s"'],
    ['x:t="s"', ' x:t="s"'],
  ])(
    "reads a shared string whose type is written %s as text, never its index as a number",
    (_label, attr) => {
      const fx = reportFixture(form, { ...filled, [N("I.1")]: "mười hai" });
      const at = fx.addresses.get(N("I.1"));
      const files = unzipSync(fx.bytes);
      const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
      const plain = `<c r="${at}" t="s">`;
      expect(sheet).toContain(plain);
      files["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace(plain, `<c r="${at}"${attr}>`));
      const r = ok(inspectFile(zipSync(files), form));
      expect(r.values.get(N("I.1"))).toEqual({ type: "text", text: "mười hai" });
      const checked = evaluateReport(form, r.values);
      expect(checked.numbers.has(N("I.1"))).toBe(false);
      expect(checked.issues.some((i) => i.cell === N("I.1") && i.severity === "error")).toBe(true);
    }
  );

  it("converts 1904 date serials of the report date to the 1900 system", () => {
    const serial1904 = isoToSerial("2019-11-28") - DATE1904_OFFSET;
    const r = ok(
      inspectFile(
        reportFixture(form, { ...filled, [F("reportDate")]: serial1904 }, { date1904: true }).bytes,
        form
      )
    );
    expect(r.values.get(F("reportDate"))).toEqual({ type: "number", value: isoToSerial("2019-11-28") });
    expect(r.values.get(N("I.1"))).toEqual({ type: "number", value: 12 });
    expect(evaluateReport(form, r.values).header.reportDate).toBe("2019-11-28");
  });

  it("accepts a metadata sheet that is hidden instead of very hidden (LibreOffice)", () => {
    const r = ok(
      inspectFile(
        reportFixture(form, filled, { metaState: "hidden", meta: { unitCode: "XA-CAO-XA" } }).bytes,
        form
      )
    );
    expect(r.metaUnitCode).toBe("XA-CAO-XA");
  });

  it("follows names to a renamed sheet and to rows moved down", () => {
    const fx = reportFixture(form, filled, { sheetName: "BC xã 'Cao Xá'", rowOffset: 3 });
    const r = ok(inspectFile(fx.bytes, form));
    expect(r.sheetName).toBe("BC xã 'Cao Xá'");
    expect(r.via).toBe("name");
    expect(r.values.get(N("I.2", "total"))).toEqual({ type: "number", value: 1500 });
    expect(r.cells.get(N("I.2", "total"))?.address).toBe(
      `'BC xã ''Cao Xá'''!${fx.addresses.get(N("I.2", "total"))}`
    );
  });

  it("reads sheet-scoped names when the workbook-scoped ones are gone", () => {
    const bytes = buildXlsx({
      sheets: [{ name: "Sheet1", cells: [["B3", 42]] }],
      names: [{ name: N("I.1"), ref: "Sheet1!$B$3", localSheetId: 0 }],
    });
    const r = ok(inspectFile(bytes, form));
    expect(r.values.get(N("I.1"))).toEqual({ type: "number", value: 42 });
    expect(r.cells.get(N("I.1"))).toEqual({
      address: "Sheet1!B3",
      sheet: "Sheet1",
      row: 3,
      col: 2,
      via: "name",
    });
  });

  it("never reads a cell covered by a merged range as the range's first cell: an error names both", () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", cells: [["D5", 9]], merges: ["D5:E6"] }],
      names: [{ name: N("I.1"), ref: "S!$E$6" }],
    });
    const r = ok(inspectFile(bytes, form));
    expect(r.values.has(N("I.1"))).toBe(false);
    const err = r.issues.find((i) => i.rule === "reader.merged-cell");
    expect(err).toMatchObject({ severity: "error", indicator: "I.1", cell: N("I.1") });
    expect(err?.message.vi).toContain("Ô E6 của I.1");
    expect(err?.message.vi).toContain("vào ô D5");
  });

  it("reads a named cell that is the first cell of a merged range (a narrative over several columns)", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          cells: [
            ["A5", "VI.1"],
            ["C5", "Đánh giá"],
          ],
          merges: ["C5:H5"],
        },
      ],
      names: [{ name: N("VI.1"), ref: "S!$C$5" }],
    });
    const r = ok(inspectFile(bytes, form));
    expect(r.values.get(N("VI.1"))).toEqual({ type: "text", text: "Đánh giá" });
    expect(r.issues.some((i) => i.rule === "reader.merged-cell")).toBe(false);
  });
});

describe("inspectFile: fallbacks", () => {
  it("uses the metadata map when the names were deleted", () => {
    const r = ok(inspectFile(reportFixture(form, filled, { names: false }).bytes, form));
    expect(r.via).toBe("meta");
    expect(r.values.get(N("I.2", "female"))).toEqual({ type: "number", value: 800 });
    expect(readerRules(r)).toEqual(["reader.by-meta"]);
  });

  it("uses the code column when neither names nor metadata are left", () => {
    const fx = reportFixture(form, filled, { names: false, meta: false, rowOffset: 2 });
    const r = ok(inspectFile(fx.bytes, form));
    expect(r.via).toBe("code");
    for (const n of [N("I.1"), N("I.2", "total"), N("I.2", "female"), N("I.3"), N("IV.5"), N("VI.1")]) {
      expect({ n, v: r.values.get(n) }).toEqual({
        n,
        v: filled[n] === undefined ? { type: "blank" } : expect.anything(),
      });
    }
    expect(r.values.get(N("I.2", "female"))).toEqual({ type: "number", value: 800 });
    expect(r.values.get(N("VI.1"))).toEqual({ type: "text", text: filled[N("VI.1")] });
    expect(r.cells.get(N("I.2", "female"))).toMatchObject({
      address: `'Báo cáo'!${fx.addresses.get(N("I.2", "female"))}`,
      via: "code",
    });
    // header fields by their labels
    expect(r.values.get(F("unit"))).toEqual({ type: "text", text: "Xã Cao Xá" });
    expect(r.values.get(F("year"))).toEqual({ type: "number", value: 2019 });
    expect(r.values.get(F("reportDate"))).toEqual({ type: "number", value: isoToSerial("2019-11-28") });
    expect(r.values.get(F("preparer"))).toEqual({ type: "text", text: "Nguyễn Thị Lan" });
    expect(r.values.get(F("head"))).toEqual({ type: "text", text: "Trần Văn Hùng" });
    expect(r.values.get(F("phone"))).toEqual({ type: "blank" });
    expect(readerRules(r)).toEqual(["reader.by-code"]);
    expect(r.issues.find((i) => i.rule === "reader.by-code")?.severity).toBe("warning");
  });

  it("does not trust a metadata map that rows inserted after it made stale (names deleted too)", () => {
    // LibreOffice/Excel move defined names with inserted rows, never the text of the metadata map.
    const fx = reportFixture(form, filled, { names: false, rowOffset: 1, staleMetaRows: 1 });
    const r = ok(inspectFile(fx.bytes, form));
    expect(r.via).toBe("code");
    expect(r.values.get(N("I.2", "female"))).toEqual({ type: "number", value: 800 });
    expect(r.cells.get(N("I.2", "female"))?.address).toBe(
      `'Báo cáo'!${fx.addresses.get(N("I.2", "female"))}`
    );
    expect(r.values.get(N("VI.1"))).toEqual({ type: "text", text: filled[N("VI.1")] });
    expect(r.values.get(F("unit"))).toEqual({ type: "text", text: "Xã Cao Xá" });
    expect(r.values.get(F("reportDate"))).toEqual({ type: "number", value: isoToSerial("2019-11-28") });
    expect([...r.cells.values()].some((c) => c.via === "meta")).toBe(false);
  });

  it("keeps a metadata map that still agrees with the code column", () => {
    const r = ok(inspectFile(reportFixture(form, filled, { names: false, rowOffset: 1 }).bytes, form));
    expect(r.via).toBe("meta");
    expect(r.values.get(N("I.2", "female"))).toEqual({ type: "number", value: 800 });
  });

  it("falls back per name: a name whose cell was deleted (#REF!) is found by code", () => {
    const fx = reportFixture(form, filled, {
      meta: false,
      nameRefs: { [N("I.2", "total")]: "#REF!", [N("I.1")]: "'Báo cáo'!#REF!" },
    });
    const r = ok(inspectFile(fx.bytes, form));
    expect(r.via).toBe("name");
    expect(r.cells.get(N("I.2", "total"))?.via).toBe("code");
    expect(r.cells.get(N("I.1"))?.via).toBe("code");
    expect(r.values.get(N("I.2", "total"))).toEqual({ type: "number", value: 1500 });
    expect(r.issues.find((i) => i.rule === "reader.by-code")?.message.vi).toMatch(/#REF!/);
  });

  it("reports a cell it cannot find anywhere", () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", cells: [["A1", 1]] }],
      names: [{ name: N("I.1"), ref: "S!$A$1" }],
    });
    const r = ok(inspectFile(bytes, form));
    expect(r.values.get(N("I.1"))).toEqual({ type: "number", value: 1 });
    expect(r.values.has(N("I.2", "total"))).toBe(false);
    expect(r.issues.filter((i) => i.rule === "reader.missing-cell")).toHaveLength(form.names.length - 1);
  });
});

describe("inspectFile: identification", () => {
  it("refuses another form; reads another version of the same form by name, naming both versions", () => {
    const other = inspectFile(reportFixture(form, filled, { meta: { formId: "BDG-2020" } }).bytes, form);
    expect(other).toMatchObject({ ok: false, reason: "otherForm" });
    const ver = ok(inspectFile(reportFixture(form, filled, { meta: { formVersion: "9" } }).bytes, form));
    expect(ver.values.get(N("I.2", "female"))).toEqual({ type: "number", value: 800 });
    const w = ver.issues.find((i) => i.rule === "reader.other-version");
    expect(w?.message.vi).toMatch(/phiên bản 9.*phiên bản 1/);
  });

  it("a template made from an edited definition of the same version is read, with a warning", () => {
    const fx = reportFixture(form, filled, { meta: { fingerprint: "0000000000000000" } });
    const r = ok(inspectFile(fx.bytes, form));
    expect(r.issues.map((i) => i.rule)).toContain("reader.other-definition");
  });

  it("calls a workbook without names, metadata or code column notReport", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Sheet1",
          cells: [
            ["A1", "Họ tên"],
            ["B1", "Tuổi"],
            ["A2", "An"],
            ["B2", 30],
          ],
        },
      ],
    });
    const r = inspectFile(bytes, form);
    expect(r).toMatchObject({ ok: false, reason: "notReport" });
    if (!r.ok) expect(r.message.vi).toMatch(/không phải báo cáo/);
  });

  it("does not take a stray code or two for a report", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          cells: [
            ["A1", "Mã số"],
            ["A2", "I.1"],
            ["B1", "Tổng số"],
            ["B2", 5],
          ],
        },
      ],
    });
    expect(inspectFile(bytes, form)).toMatchObject({ ok: false, reason: "notReport" });
  });

  it("ignores _xlnm names and names of other forms", () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", cells: [["A1", 1]] }],
      names: [
        { name: "_xlnm.Print_Area", ref: "S!$A$1:$H$40", localSheetId: 0 },
        { name: "XYZ_2020_I_1", ref: "S!$A$1" },
      ],
    });
    expect(inspectFile(bytes, form)).toMatchObject({ ok: false, reason: "notReport" });
  });

  it("keeps names like __proto__ and constructor as plain keys", () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "__proto__", cells: [["A1", 7]] },
        { name: "constructor", cells: [["A1", "x"]] },
        {
          name: META_SHEET,
          state: "hidden",
          cells: [
            ["A1", "form_id"],
            ["B1", form.id],
            ["A2", "names"],
            ["A3", "__proto__"],
            ["B3", "constructor!A1"],
            ["A4", N("I.3")],
            ["B4", "'__proto__'!$A$1"],
          ],
        },
      ],
      names: [
        { name: "__proto__", ref: "'__proto__'!$A$1" },
        { name: "constructor", ref: "constructor!$A$1" },
        { name: N("I.1"), ref: "'__proto__'!$A$1" },
      ],
    });
    const r = ok(inspectFile(bytes, form));
    expect(r.values.get(N("I.1"))).toEqual({ type: "number", value: 7 });
    // The map's address for I.3 is a row that names no indicator: not trusted.
    expect(r.values.has(N("I.3"))).toBe(false);
    expect(r.issues.some((i) => i.rule === "reader.missing-cell" && i.cell === N("I.3"))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "A1")).toBe(false);
    const all = readAllSheets(bytes);
    expect(all.ok && [...all.sheets.keys()]).toEqual(["__proto__", "constructor", META_SHEET]);
  });
});
