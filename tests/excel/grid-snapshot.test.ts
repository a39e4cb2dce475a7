/**
 * src/excel/grid-snapshot.ts: the open workbook (used ranges, merged areas, names, sheet list) as
 * the inspection step's snapshot — the same locating and verifying as a returned file.
 */
import { gridSnapshot, toSheetData, type GridWorkbook, type SheetGrid } from "../../src/excel/grid-snapshot";
import { readOpenReport } from "../../src/excel/read-report";
import { META_SHEET } from "../../src/workbook/contract";
import { locate } from "../../src/workbook/locate";
import { at, fill, form, REPORT, templateWorkbook } from "./helpers";

const field = (k: string): string => form.fieldByKey.get(k)!.name;
const I2T = form.byCode.get("I.2")!.cells[0].name;
const I2F = form.byCode.get("I.2")!.cells[1].name;

function grid(
  name: string,
  rows: unknown[][],
  rowIndex = 0,
  columnIndex = 0,
  mergedAreas: string | null = ""
): SheetGrid {
  return {
    name,
    rowIndex,
    columnIndex,
    values: rows,
    valueTypes: rows.map((r) =>
      r.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : "String"))
    ),
    mergedAreas,
  };
}

describe("the open workbook through the inspection step", () => {
  test("names deleted, no metadata sheet: indicators by code and header fields by label", async () => {
    const { h, fake } = await templateWorkbook();
    fill(fake, { [I2F]: 12, [field("year")]: 2019, [field("preparer")]: "Nguyễn Thị Lan" });
    for (const n of form.names) fake.names.delete(n.toUpperCase());
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet(META_SHEET)), 1);
    const r = await readOpenReport(h.host, form);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.via).toBe("code");
    expect(r.values.get(I2F)).toEqual({ type: "number", value: 12 });
    expect(r.values.get(field("year"))).toEqual({ type: "number", value: 2019 });
    expect(r.cells.get(field("year"))).toMatchObject({
      address: `'${REPORT}'!${at(field("year"))}`,
      via: "label",
    });
    expect(r.values.get(field("preparer"))).toEqual({ type: "text", text: "Nguyễn Thị Lan" });
    expect(r.cells.get(field("preparer"))?.address).toBe(`'${REPORT}'!${at(field("preparer"))}`);
    expect(r.issues.some((i) => i.rule === "reader.missing-cell")).toBe(false);
  });

  test("a header field written as 'Label: value' in one cell comes with its value", () => {
    const codes = form.indicators.map((ind, i) => [ind.code, ind.label.vi, "", i + 1, ""]);
    const wb: GridWorkbook = {
      names: new Map(),
      sheetList: [{ name: "Sheet1", visibility: "Visible" }],
      sheets: new Map([
        [
          "Sheet1",
          grid("Sheet1", [
            ["Đơn vị: Xã Cao Xá", "", "", "", ""],
            ["Mã số", "Chỉ tiêu", "Đơn vị tính", "Tổng số", "Trong đó nữ"],
            ...codes,
          ]),
        ],
      ]),
    };
    const loc = locate(form, gridSnapshot(wb));
    expect(loc.located.get(field("unit"))).toMatchObject({
      sheet: "Sheet1",
      pos: { row: 1, col: 1 },
      via: "label",
      value: { type: "text", text: "Xã Cao Xá" },
    });
    expect(loc.located.get(form.byCode.get("I.1")!.cells[0].name)).toMatchObject({
      pos: { row: 3, col: 4 },
      via: "code",
    });
  });

  test("a name whose row names another indicator is never read; the metadata map is checked the same way", () => {
    const I3T = form.byCode.get("I.3")!.cells[0].name;
    const wb: GridWorkbook = {
      names: new Map([
        [I2F.toLowerCase(), "'Báo cáo'!$E$14"],
        [I2T, "'Báo cáo'!$D$14"],
      ]),
      sheetList: [
        { name: "Báo cáo", visibility: "Visible" },
        { name: META_SHEET, visibility: "VeryHidden" },
      ],
      sheets: new Map([
        // row 14 says I.3: the names of I.2 point at a neighbour's row
        ["Báo cáo", grid("Báo cáo", [["I.3", "", "", 7, 3]], 13, 0)],
        [
          META_SHEET,
          grid(META_SHEET, [
            ["form_id", "BDG-2019"],
            ["names", ""],
            [I3T, "'Báo cáo'!$D$14"],
          ]),
        ],
      ]),
    };
    const loc = locate(form, gridSnapshot(wb));
    expect(loc.meta?.formId).toBe("BDG-2019");
    expect(loc.located.has(I2F)).toBe(false);
    expect(loc.located.has(I2T)).toBe(false);
    expect(loc.problems).toContainEqual({
      kind: "otherRow",
      name: I2T,
      address: "'Báo cáo'!D14",
      other: "I.3",
    });
    expect(loc.located.get(I3T)).toEqual({ sheet: "Báo cáo", pos: { row: 14, col: 4 }, via: "meta" });
  });

  test("toSheetData keeps 1-based keys from the used range's offsets, and the merged areas", () => {
    const d = toSheetData(
      grid(
        "S",
        [
          ["a", ""],
          ["", 5],
        ],
        2,
        3,
        "S!D3:E3, 'a, b'!F4:F9"
      )
    );
    expect([...d.cells.keys()]).toEqual([3 * 16384 + 3, 4 * 16384 + 4]);
    expect(d.merges).toEqual([
      { r1: 3, c1: 4, r2: 3, c2: 5 },
      { r1: 4, c1: 6, r2: 9, c2: 6 },
    ]);
    expect(toSheetData(grid("S", [[1]], 0, 0, null)).merges).toBeNull();
  });

  test("Tổng số and Nữ merged in Excel (ExcelApi 1.13): the female value is not read, an error names both cells", async () => {
    const { h, fake } = await templateWorkbook({ apiVersion: "1.13" });
    fill(fake, { [I2T]: 30, [I2F]: 12 });
    fake.sheet(REPORT).protection.protected = false;
    await h.host.run(async (ctx) => {
      ctx.workbook.worksheets
        .getItem(REPORT)
        .getRange(`${at(I2T)}:${at(I2F)}`)
        .merge();
      await ctx.sync();
    });
    const r = await readOpenReport(h.host, form);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.values.get(I2T)).toEqual({ type: "number", value: 30 });
    expect(r.values.has(I2F)).toBe(false);
    const err = r.issues.find((i) => i.rule === "reader.merged-cell");
    expect(err).toMatchObject({ severity: "error", indicator: "I.2", cell: I2F });
    expect(err?.message.vi).toContain(at(I2T));
    expect(err?.message.vi).toContain(at(I2F));
  });
});
