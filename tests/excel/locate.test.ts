/**
 * src/excel/locate.ts: the open workbook (used ranges, names, sheet list) through the shared
 * locator of the file reader — including header fields found by their labels, which the
 * Office.js edge could not do with its own copy of the code-column fallback.
 */
import {
  gridSnapshot,
  locate,
  locatedAddress,
  toSheetData,
  type GridWorkbook,
  type SheetGrid,
} from "../../src/excel/locate";
import { readOpenReport } from "../../src/excel/read-report";
import { META_SHEET } from "../../src/layout/contract";
import { locate as locateShared } from "../../src/xlsx/locate";
import { at, fill, form, REPORT, templateWorkbook } from "./helpers";

const field = (k: string): string => form.fieldByKey.get(k)!.name;
const I2F = form.byCode.get("I.2")!.cells[1].name;

function grid(name: string, rows: unknown[][], rowIndex = 0, columnIndex = 0): SheetGrid {
  return {
    name,
    rowIndex,
    columnIndex,
    values: rows,
    valueTypes: rows.map((r) =>
      r.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : "String"))
    ),
  };
}

describe("locate over the open workbook (shared locator)", () => {
  test("names deleted, no metadata sheet: indicators by code and header fields by label", async () => {
    const { h, fake } = await templateWorkbook();
    fill(fake, { [I2F]: 12, [field("year")]: 2019, [field("preparer")]: "Nguyễn Thị Lan" });
    for (const n of form.names) fake.names.delete(n.toUpperCase());
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet(META_SHEET)), 1);
    const r = await readOpenReport(h.host, form);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.via).toBe("code");
    expect(r.values.get(I2F)).toEqual({ type: "number", value: 12 });
    // header fields, by their labels
    expect(r.values.get(field("year"))).toEqual({ type: "number", value: 2019 });
    expect(r.cells.get(field("year"))).toEqual({ address: `'${REPORT}'!${at(field("year"))}`, via: "code" });
    expect(r.values.get(field("preparer"))).toEqual({ type: "text", text: "Nguyễn Thị Lan" });
    expect(r.cells.get(field("preparer"))?.address).toBe(`'${REPORT}'!${at(field("preparer"))}`);
    expect(r.evaluation.issues.some((i) => i.rule === "reader.missing-cell")).toBe(false);
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
    const loc = locate(form, wb);
    const unit = loc.located.get(field("unit"));
    expect(unit).toMatchObject({
      sheet: "Sheet1",
      pos: { row: 1, col: 1 },
      via: "code",
      value: { type: "text", text: "Xã Cao Xá" },
    });
    expect(locatedAddress(loc.located.get(form.byCode.get("I.1")!.cells[0].name)!)).toBe("Sheet1!D3");
  });

  test("names, then the metadata map, exactly as the file reader does (same function)", () => {
    const wb: GridWorkbook = {
      names: new Map([[I2F.toLowerCase(), "'Báo cáo'!$E$14"]]),
      sheetList: [
        { name: "Báo cáo", visibility: "Visible" },
        { name: META_SHEET, visibility: "VeryHidden" },
      ],
      sheets: new Map([
        ["Báo cáo", grid("Báo cáo", [[1]], 13, 4)],
        [
          META_SHEET,
          grid(META_SHEET, [
            ["form_id", "BDG-2019"],
            ["names", ""],
            [field("year"), "'Báo cáo'!$C$7"],
          ]),
        ],
      ]),
    };
    const snap = gridSnapshot(wb);
    const loc = locateShared(form, snap);
    expect(loc.meta?.formId).toBe("BDG-2019");
    expect(loc.located.get(I2F)).toEqual({ sheet: "Báo cáo", pos: { row: 14, col: 5 }, via: "name" });
    expect(loc.located.get(field("year"))).toEqual({
      sheet: "Báo cáo",
      pos: { row: 7, col: 3 },
      via: "meta",
    });
    expect(locate(form, wb).located.get(I2F)).toEqual(loc.located.get(I2F));
  });

  test("toSheetData keeps 1-based keys from the used range's offsets", () => {
    const d = toSheetData(
      grid(
        "S",
        [
          ["a", ""],
          ["", 5],
        ],
        2,
        3
      )
    );
    expect([...d.cells.keys()]).toEqual([3 * 16384 + 3, 4 * 16384 + 4]);
  });
});
