/**
 * "Dùng biểu mẫu trong sổ này" on the Office.js edge: the definition workbook applied to the
 * recording fake (as Excel holds it after the officer opened it), read in 2 syncs by
 * src/excel/read-definition.ts; an officer's wrong edit is found at its cell and marked with the
 * report's conditional-format marks; once fixed, the form reads back and the marks go.
 */
import { applyModel } from "../../src/excel/apply-model";
import { isMarkFormula } from "../../src/excel/marks";
import { MARKS_SETTING } from "../../src/excel/marks-record";
import {
  DEFINITION_SHEETS,
  markDefinition,
  problemAddress,
  problemTargets,
  readOpenDefinition,
} from "../../src/excel/read-definition";
import { SHEET_INFO, tableOf } from "../../src/definition/format";
import { definitionModel } from "../../src/definition/write";
import { builtInForm } from "../../src/form/resolve";
import { columnLetter } from "../../src/workbook/address";
import { createFakeExcel } from "./fake-excel";

const def = builtInForm().definition;
const INDICATORS = tableOf("indicators");
const KIND_COL = INDICATORS.columns.findIndex((c) => c.key === "kind") + 1;
/** I.3's row on the Chỉ tiêu sheet (header on row 1). */
const I3_ROW = def.indicators.findIndex((i) => i.code === "I.3") + 2;

async function definitionWorkbook() {
  const h = createFakeExcel({ apiVersion: "1.13", schedule: () => undefined });
  h.fake.addSheet("Sheet1");
  await applyModel(h.host, definitionModel(def));
  return h;
}

function marksOn(h: ReturnType<typeof createFakeExcel>, sheet: string) {
  return h.fake.sheet(sheet).cfs.filter((cf) => isMarkFormula(cf.formula));
}

describe("the definition sheets of the open workbook", () => {
  it("read back as the form they were written from, in 2 syncs", async () => {
    const h = await definitionWorkbook();
    const before = h.fake.syncCount;
    const open = await readOpenDefinition(h.host);
    expect(h.fake.syncCount - before).toBe(2);
    expect(open.read).toEqual({ ok: true, definition: def });
    expect(open.marks).toBeNull();
    expect(DEFINITION_SHEETS).toContain(SHEET_INFO);
  });

  it("a wrong kind typed by the officer: the problem at its cell, marked red; fixed, the marks go", async () => {
    const h = await definitionWorkbook();
    const cell = `${columnLetter(KIND_COL)}${I3_ROW}`;
    h.fake.userEdit(INDICATORS.sheet, cell, [["so luong"]]);

    const open = await readOpenDefinition(h.host);
    if (!open.read || open.read.ok) throw new Error("expected problems");
    expect(open.read.problems).toEqual([
      expect.objectContaining({ sheet: INDICATORS.sheet, row: I3_ROW, col: KIND_COL, column: "Loại" }),
    ]);
    expect(open.read.problems[0].message.vi).toContain("so luong");
    expect(problemAddress(open.read.problems[0])).toBe(`'${INDICATORS.sheet}'!${cell}`);

    const before = h.fake.syncCount;
    await markDefinition(h.host, open);
    expect(h.fake.syncCount - before).toBe(2);
    const marks = marksOn(h, INDICATORS.sheet);
    expect(marks).toHaveLength(1);
    expect(marks[0].formula).toContain("BDG-ERR");
    expect(h.fake.settings.has(MARKS_SETTING)).toBe(true);
    // The officer's own formatting of the cell is untouched (marks are conditional formats).
    expect(h.fake.cell(INDICATORS.sheet, cell).format["fill.color"]).toBeUndefined();

    h.fake.userEdit(INDICATORS.sheet, cell, [["count"]]);
    const fixed = await readOpenDefinition(h.host);
    expect(fixed.read).toEqual({ ok: true, definition: def });
    expect(fixed.marks?.cells).toEqual([`'${INDICATORS.sheet}'!${cell}`]);
    await markDefinition(h.host, fixed);
    expect(marksOn(h, INDICATORS.sheet)).toHaveLength(0);
  });

  it("a workbook without definition sheets: nothing read, earlier marks (a report check's) left alone", async () => {
    const h = createFakeExcel({ schedule: () => undefined });
    h.fake.addSheet("Sheet1");
    h.fake.settings.set(MARKS_SETTING, JSON.stringify({ v: 1, sheetIds: [], cells: ["Sheet1!A1"] }));
    const open = await readOpenDefinition(h.host);
    expect(open.read).toBeNull();
    const before = h.fake.syncCount;
    await markDefinition(h.host, open);
    expect(h.fake.syncCount).toBe(before);
  });

  it("finds its sheets whatever their case, and says a missing one once", async () => {
    const h = await definitionWorkbook();
    h.fake.renameSheet(INDICATORS.sheet, INDICATORS.sheet.toUpperCase());
    h.fake.sheets.splice(h.fake.sheets.indexOf(h.fake.sheet(tableOf("units").sheet)), 1);
    const open = await readOpenDefinition(h.host);
    if (!open.read || open.read.ok) throw new Error("expected problems");
    expect(open.read.problems.map((p) => p.sheet)).toEqual([tableOf("units").sheet]);
    expect(problemTargets(open.read.problems)).toEqual([]);
  });
});
