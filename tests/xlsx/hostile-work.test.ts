/**
 * Hostile workbooks from a hostile-input run of `validate`/`merge`, each reproducing a finding of
 * the reader (the CLI runs of the same files, with time and memory bounds, are in
 * tests/cli/hostile-work.test.ts):
 * - many sheets listed over one huge part: the part was re-parsed (and kept) once per sheet, the
 *   cell cap counted once per part (a 32 KB file took 64 s and 3 GB; 80 sheets ran out of memory);
 * - hundreds of sheets; cells met over and over by the scans (work) and values kept (memory);
 * - a zip with two entries of one name (the first copy was read, Excel-like readers read the last);
 * - odd numerals in numeric cells read by JavaScript's Number() ("0x10" = 16), dates summed.
 */
import { builtInForm, nameOf } from "../../src/form/resolve";
import type { InspectResult } from "../../src/inspect/types";
import { isoToSerial } from "../../src/validate/dates";
import { inspectFile as readCore } from "../../src/xlsx/reader";
import { inspectFile } from "./both-platforms";
import { reportFixture } from "./fixture-xlsx";
import {
  bigSheetXml,
  duplicatedSheetEntry,
  goodReport,
  manyBlankSheets,
  reportValues,
  sheetsSharingOnePart,
  withRawCell,
} from "./hostile-files";

const form = builtInForm();
const I1 = nameOf(form, "I.1", "value");
const I2T = nameOf(form, "I.2", "total");
const DATE = form.fieldByKey.get("reportDate")!.name;
const addresses = reportFixture(form, reportValues(form)).addresses;

const reason = (r: InspectResult): string => (r.ok ? "ok" : r.reason);

describe("many sheets over one part: the part is parsed once, whatever the number of sheets", () => {
  it("80 sheets over one part of 999,000 cells (15 MB of XML): refused at once, more than the reader inflates", () => {
    const bytes = sheetsSharingOnePart(form, 80, bigSheetXml(999, 1000), true);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const r = inspectFile(bytes, form);
    expect(reason(r)).toBe("zipBomb");
    if (!r.ok) expect(r.detail).toMatch(/declares \d+ bytes/);
  });

  it("80 sheets over one part of 400,000 cells: refused for too many values, the part parsed once", () => {
    const bytes = sheetsSharingOnePart(form, 80, bigSheetXml(400, 1000), true);
    const r = inspectFile(bytes, form);
    expect(reason(r)).toBe("tooManyCells");
    if (!r.ok) expect(r.message.vi).toMatch(/quá nhiều ô dữ liệu \(trên 200\.000 ô\)/);
  });

  it("80 sheets over one part of 100,000 cells, the names spread over them: read, every input checked", () => {
    const bytes = sheetsSharingOnePart(form, 80, bigSheetXml(100, 1000), true);
    const r = inspectFile(bytes, form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The names point at copies of a sheet whose rows name no indicator: read with a warning.
    expect(r.cells.get(I1)?.sheet).toMatch(/^Copy \d+$/);
    expect(r.issues.some((i) => i.rule === "reader.unverified")).toBe(true);
  });

  it("the same 80 sheets cost the same work as 2: the sheets share the part's one parse", () => {
    const visits = (extra: number): string => {
      const bytes = sheetsSharingOnePart(form, extra, bigSheetXml(100, 1000), true);
      // The work cap just above one full parse and one filtered scan of the part (100,000 cells each).
      return reason(readCore(bytes, form, { maxCellVisits: 205_000 }));
    };
    expect(visits(2)).toBe("ok");
    expect(visits(80)).toBe("ok");
  });

  it("caps the cells met over all scans (the work), not only the cells of each part", () => {
    const bytes = goodReport(form);
    expect(reason(inspectFile(bytes, form))).toBe("ok");
    const r = inspectFile(bytes, form, { maxCellVisits: 100 });
    expect(reason(r)).toBe("tooManyCells");
    if (!r.ok) expect(r.detail).toMatch(/cells scanned/);
  });

  it("caps the values kept in memory", () => {
    const r = inspectFile(goodReport(form), form, { maxValues: 50 });
    expect(reason(r)).toBe("tooManyCells");
    if (!r.ok) expect(r.message.vi).toContain("trên 50 ô");
  });
});

describe("sheets and names per workbook", () => {
  it("300 blank sheets: refused as too many sheets (a report has two), at once", () => {
    const r = inspectFile(manyBlankSheets(form, 300), form);
    expect(reason(r)).toBe("tooManySheets");
    if (!r.ok) {
      expect(r.message.vi).toBe(
        "Tệp có quá nhiều trang tính (trên 255 trang), không phải biểu mẫu báo cáo: hãy dùng đúng mẫu đã gửi hoặc xóa các trang thừa rồi gửi lại"
      );
      expect(r.message.en).toMatch(/too many sheets/);
    }
  });

  it("253 blank sheets besides the report and its metadata: read as a report", () => {
    const r = inspectFile(manyBlankSheets(form, 253), form);
    expect(r.ok && r.values.get(I1)).toEqual({ type: "number", value: 5 });
  });

  it("more defined names than the cap: refused as too many names", () => {
    const r = inspectFile(goodReport(form), form, { maxNames: 20 });
    expect(reason(r)).toBe("tooManyNames");
    if (!r.ok) expect(r.message.vi).toMatch(/quá nhiều tên ô/);
  });
});

describe("bytes actually inflated", () => {
  it("a part within the declared-size check but over the inflated-bytes cap is refused", () => {
    const bytes = goodReport(form);
    expect(reason(inspectFile(bytes, form, { maxInflatedBytes: 4000 }))).toBe("zipBomb");
  });
});

describe("duplicate zip entries", () => {
  const good = goodReport(form);
  const addr = addresses.get(I1)!;

  it("two xl/worksheets/sheet1.xml entries (111111, then 344): refused, neither copy read", () => {
    const bytes = duplicatedSheetEntry(withRawCell(good, addr, "111111"), addr, 344);
    const r = inspectFile(bytes, form);
    expect(reason(r)).toBe("duplicateEntries");
    if (!r.ok) {
      expect(r.message.vi).toMatch(/hai phần cùng tên/);
      expect(r.detail).toContain("xl/worksheets/sheet1.xml");
    }
  });

  it("names differing in letter case only are the same part name", () => {
    const bytes = duplicatedSheetEntry(good, addr, 344, (n) => n.toUpperCase());
    expect(reason(inspectFile(bytes, form))).toBe("duplicateEntries");
  });
});

describe("numerals: only the numeric grammar is a number", () => {
  const good = goodReport(form);
  const addr = addresses.get(I1)!;
  const read = (raw: string, t?: string): InspectResult => inspectFile(withRawCell(good, addr, raw, t), form);

  it.each(["0x10", "0b101", "0o17", "Infinity", "-Infinity", "NaN", "1e999", " 12 ", "12 ", "1_000", "٣"])(
    "%j in a numeric cell: a value error on that cell, never summed",
    (raw) => {
      const r = read(raw);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.values.get(I1)).toEqual({ type: "invalid", raw });
      expect(r.evaluation.numbers.has(I1)).toBe(false);
      const issue = r.issues.find((i) => i.cell === I1 && i.severity === "error");
      expect(issue?.message.vi).toBe(
        `Ô I.1: giá trị lưu trong tệp là "${raw}", không phải số hay ngày hợp lệ (Excel không ghi như vậy; tệp có thể đã được sửa bằng chương trình khác): hãy nhập lại`
      );
      expect(r.cells.get(I1)?.address).toBe(`'Báo cáo'!${addr}`);
    }
  );

  it.each([
    ["12", 12],
    ["+12", 12],
    ["1.5e1", 15],
    ["1E+2", 100],
    ["-0", 0],
  ])("%j is the number %d", (raw, n) => {
    const r = read(raw);
    expect(r.ok && r.values.get(I1)).toEqual({ type: "number", value: n });
  });

  it("a shared-string index or a boolean written oddly is a value error too", () => {
    const s = read("0x1", "s");
    expect(s.ok && s.values.get(I1)).toEqual({ type: "invalid", raw: "0x1" });
    const b = read("2", "b");
    expect(b.ok && b.values.get(I1)).toEqual({ type: "invalid", raw: "2" });
  });

  it("a date cell in a count is a type error naming the date, never 43789", () => {
    const r = read("2019-11-20", "d");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.get(I1)).toEqual({ type: "date", serial: isoToSerial("2019-11-20") });
    expect(r.evaluation.numbers.has(I1)).toBe(false);
    expect(r.issues.find((i) => i.cell === I1)?.message.vi).toBe(
      "Ô I.1 chứa một ngày (20/11/2019), không phải số: hãy nhập lại số liệu"
    );
  });

  it("a date cell is fine for the report date, in either date system", () => {
    for (const date1904 of [false, true]) {
      const bytes = withRawCell(
        goodReport(form, {}, { date1904 }),
        addresses.get(DATE)!,
        "2019-11-27T00:00:00",
        "d"
      );
      const r = inspectFile(bytes, form);
      expect(r.ok && r.evaluation.header.reportDate).toBe("2019-11-27");
      expect(r.ok && r.issues.filter((i) => i.severity === "error")).toEqual([]);
    }
  });

  it("a date cell that is not a date is a value error", () => {
    for (const raw of ["2019-02-30", "28/11/2019", "1"]) {
      const r = inspectFile(withRawCell(good, addresses.get(DATE)!, raw, "d"), form);
      expect(r.ok && r.values.get(DATE)).toEqual({ type: "invalid", raw });
      expect(r.ok && r.evaluation.header.reportDate).toBe(null);
    }
    const r = read("12", "d");
    expect(r.ok && r.values.get(I1)).toEqual({ type: "invalid", raw: "12" });
    expect(r.ok && r.values.get(I2T)).toEqual({ type: "number", value: 10 });
  });
});
