import {
  a1,
  absolute,
  cellsOfRange,
  columnLetter,
  columnNumber,
  formatRange,
  nameRef,
  parseA1,
  parseNameRef,
  parseRange,
  qualified,
  quoteSheet,
  splitAreas,
  splitSheet,
} from "../../src/workbook/address";

describe("columns and cells (1-based)", () => {
  test("letters ↔ numbers", () => {
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(28)).toBe("AB");
    expect(columnLetter(16384)).toBe("XFD");
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(16385)).toThrow(RangeError);
    expect(columnNumber("AB")).toBe(28);
    expect(columnNumber("xfd")).toBe(16384);
  });

  test("A1 text", () => {
    expect(parseA1("$D$14")).toEqual({ row: 14, col: 4 });
    expect(parseA1("d14")).toEqual({ row: 14, col: 4 });
    expect(parseA1("XFE1")).toBeNull();
    expect(parseA1("A0")).toBeNull();
    expect(a1({ row: 14, col: 4 })).toBe("D14");
    expect(absolute("D2:D43")).toBe("$D$2:$D$43");
    expect(cellsOfRange("B2:C3")).toEqual(["B2", "C2", "B3", "C3"]);
  });
});

describe("sheet names: Excel's quoting rule", () => {
  test.each([
    ["Sheet1", "Sheet1"],
    ["_BDG_META", "_BDG_META"],
    ["Tong.hop_2", "Tong.hop_2"],
    // Letters of any script are letters (Excel writes =Báocáo!A1).
    ["Báocáo", "Báocáo"],
    ["Tổnghợp", "Tổnghợp"],
    ["Báo cáo", "'Báo cáo'"],
    ["BC xã Cao Xá", "'BC xã Cao Xá'"],
    ["it's", "'it''s'"],
    ["2019", "'2019'"],
    [".hidden", "'.hidden'"],
    ["Sheet-1", "'Sheet-1'"],
    // Shaped like a cell reference (A1) or starting like an R1C1 one.
    ["A1", "'A1'"],
    ["bdg2019", "'bdg2019'"],
    ["ABC0", "'ABC0'"],
    ["R", "'R'"],
    ["c", "'c'"],
    ["RC", "'RC'"],
    ["R1C1", "'R1C1'"],
    ["R2C3Sheet", "'R2C3Sheet'"],
    ["C1x", "'C1x'"],
    ["Rate", "Rate"],
    ["RA", "RA"],
    ["ABCD1", "ABCD1"],
    // Decomposed letters (a combining accent) are quoted: unsure, so the safe side.
    ["Ba\u0301o", "'Ba\u0301o'"],
  ])("%s → %s", (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
    // Whatever the quoting, the reference reads back to the same sheet.
    expect(splitSheet(`${quoted}!A1`)).toEqual({ sheet: name, local: "A1" });
    expect(parseNameRef(`${quoted}!$A$1`)).toEqual({ type: "cell", sheet: name, row: 1, col: 1 });
  });

  test("one rule for messages, defined names and ranges", () => {
    expect(qualified("Báo cáo", { row: 14, col: 4 })).toBe("'Báo cáo'!D14");
    expect(qualified("Báocáo", { row: 14, col: 4 })).toBe("Báocáo!D14");
    expect(nameRef("Báo cáo", "D14")).toBe("'Báo cáo'!$D$14");
    expect(nameRef("it's", "D2:D4")).toBe("'it''s'!$D$2:$D$4");
    expect(nameRef("_BDG_META", "D2:D43")).toBe("_BDG_META!$D$2:$D$43");
    expect(formatRange({ sheet: "R1C1", start: { row: 1, col: 1 }, end: { row: 2, col: 2 } }, true)).toBe(
      "'R1C1'!$A$1:$B$2"
    );
  });
});

describe("ranges", () => {
  test("parse and format, 1-based", () => {
    expect(parseRange("'My sheet'!$A$1:$B$2")).toEqual({
      sheet: "My sheet",
      start: { row: 1, col: 1 },
      end: { row: 2, col: 2 },
    });
    expect(parseRange("C3:A1")).toEqual({ sheet: null, start: { row: 1, col: 1 }, end: { row: 3, col: 3 } });
    expect(parseRange("D:D")).toEqual({
      sheet: null,
      start: { row: 1, col: 4 },
      end: { row: 1048576, col: 4 },
    });
    expect(parseRange("3:5")).toEqual({
      sheet: null,
      start: { row: 3, col: 1 },
      end: { row: 5, col: 16384 },
    });
    expect(parseRange("not a range")).toBeNull();
    expect(formatRange({ sheet: null, start: { row: 14, col: 4 }, end: { row: 14, col: 4 } })).toBe("D14");
  });

  test("areas split at commas outside quotes", () => {
    expect(splitAreas("'a, b'!A1:B2, Sheet2!C3")).toEqual(["'a, b'!A1:B2", "Sheet2!C3"]);
  });
});
