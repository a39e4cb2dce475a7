import { readOpenReport } from "../../src/excel/read-report";
import { clearMarks, isMarkFormula, markIssues, selectCell } from "../../src/excel/marks";
import { MARKS_SETTING } from "../../src/excel/marks-record";
import { META_SHEET } from "../../src/workbook/contract";
import { at, currentAddress, fill, form, REPORT, templateWorkbook } from "./helpers";

const I1 = form.byCode.get("I.1")!.cells[0].name;
const I2T = form.byCode.get("I.2")!.cells[0].name;
const I2F = form.byCode.get("I.2")!.cells[1].name;
const I3 = form.byCode.get("I.3")!.cells[0].name;
const I4 = form.byCode.get("I.4")!.cells[0].name;

async function filledWorkbook() {
  const w = await templateWorkbook();
  fill(w.fake, { [I1]: 3, [I2T]: 100, [I2F]: 120, [I3]: "'1.234", [I4]: "#REF!" });
  return w;
}

describe("validate in place: read", () => {
  test("reads every input in 2 syncs and runs the rule engine", async () => {
    const { h, fake } = await filledWorkbook();
    const before = fake.syncCount;
    const r = await readOpenReport(h.host, form);
    expect(fake.syncCount - before).toBe(2);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.via).toBe("name");
    expect(r.values.get(I2F)).toEqual({ type: "number", value: 120 });
    expect(r.values.get(I3)).toEqual({ type: "text", text: "1.234" });
    expect(r.values.get(I4)).toEqual({ type: "error", code: "#REF!" });
    expect(r.cells.get(I2F)?.address).toBe(`'${REPORT}'!${at(I2F)}`);
    const rules = r.evaluation.issues.filter((i) => i.cell === I2F).map((i) => i.severity);
    expect(rules).toContain("error");
    expect(r.evaluation.issues.some((i) => i.cell === I3 && i.severity === "warning")).toBe(true);
    expect(r.evaluation.issues.some((i) => i.cell === I4 && i.severity === "error")).toBe(true);
    expect(r.evaluation.numbers.get(I3)).toBe(1234);
  });

  test("a renamed report sheet with inserted rows still works (names move with the cells)", async () => {
    const { h, fake } = await filledWorkbook();
    fake.insertRows(REPORT, 12, 3);
    fake.renameSheet(REPORT, "BC Cao Xá");
    const r = await readOpenReport(h.host, form);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.sheetName).toBe("BC Cao Xá");
    expect(r.values.get(I2F)).toEqual({ type: "number", value: 120 });
    expect(r.cells.get(I2F)?.address).toBe(`'BC Cao Xá'!${currentAddress(fake, I2F)}`);
    expect(currentAddress(fake, I2F)).not.toBe(at(I2F));
  });

  test("names deleted: the metadata map, then the code column", async () => {
    const { h, fake } = await filledWorkbook();
    for (const n of form.names) fake.names.delete(n.toUpperCase());
    const viaMeta = await readOpenReport(h.host, form);
    if (!viaMeta.ok) throw new Error(viaMeta.message.en);
    expect(viaMeta.via).toBe("meta");
    expect(viaMeta.values.get(I2F)).toEqual({ type: "number", value: 120 });
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet(META_SHEET)), 1);
    const viaCode = await readOpenReport(h.host, form);
    if (!viaCode.ok) throw new Error(viaCode.message.en);
    expect(viaCode.via).toBe("code");
    expect(viaCode.values.get(I2F)).toEqual({ type: "number", value: 120 });
  });

  test("a workbook without a report says so", async () => {
    const { createFakeExcel } = await import("./fake-excel");
    const h = createFakeExcel();
    h.fake.addSheet("Sheet1");
    h.fake.setValues("Sheet1", "A1", [["hello"]]);
    const r = await readOpenReport(h.host, form);
    expect(r).toMatchObject({ ok: false, reason: "notReport" });
  });
});

describe("validate in place: marks", () => {
  test("marks errors and warnings differently, never touching the officer's formatting; clear restores it", async () => {
    const { h, fake } = await filledWorkbook();
    const cell = at(I2F);
    fake.setFormat(REPORT, cell, "fill.color", "#00B0F0");
    fake.setFormat(REPORT, cell, "font.bold", true);
    // the officer's own conditional format elsewhere
    fake.sheet(REPORT).cfs.push({
      id: "user-cf",
      type: "Custom",
      range: fake.ref("A1"),
      formula: "=A1>0",
      format: { "fill.color": "#123456" },
    });
    const before = JSON.parse(JSON.stringify(fake.cell(REPORT, cell)));
    const r = await readOpenReport(h.host, form);
    if (!r.ok) throw new Error("read");
    let n = fake.syncCount;
    const record = await markIssues(h.host, r.evaluation.issues, r);
    expect(fake.syncCount - n).toBe(2);
    const ours = fake.sheet(REPORT).cfs.filter((cf) => isMarkFormula(cf.formula));
    expect(ours.length).toBe(record.cells.length);
    const onCell = ours.find(
      (cf) =>
        cf.range.start.row === fake.ref(cell).start.row && cf.range.start.col === fake.ref(cell).start.col
    );
    expect(onCell?.formula).toContain("BDG-ERR");
    const warn = ours.find(
      (cf) =>
        cf.range.start.row === fake.ref(at(I3)).start.row && cf.range.start.col === fake.ref(at(I3)).start.col
    );
    expect(warn?.formula).toContain("BDG-WARN");
    expect(onCell?.format["fill.color"]).not.toBe(warn?.format["fill.color"]);
    expect(fake.cell(REPORT, cell)).toEqual(before); // the cell's own formatting was never written
    expect(fake.sheet(REPORT).protection.protected).toBe(true); // re-protected after marking
    expect(JSON.parse(String(fake.settings.get(MARKS_SETTING))).cells).toContain(`'${REPORT}'!${cell}`);

    // re-marking replaces (no duplicates)
    await markIssues(h.host, r.evaluation.issues, { ...r, marks: record });
    expect(fake.sheet(REPORT).cfs.filter((cf) => isMarkFormula(cf.formula)).length).toBe(ours.length);

    n = fake.syncCount;
    await clearMarks(h.host, { sheets: r.sheets, record });
    expect(fake.syncCount - n).toBe(2);
    expect(fake.sheet(REPORT).cfs.filter((cf) => isMarkFormula(cf.formula))).toEqual([]);
    expect(fake.sheet(REPORT).cfs.map((cf) => cf.id)).toEqual(["user-cf"]);
    expect(fake.cell(REPORT, cell)).toEqual(before);
    expect(fake.settings.has(MARKS_SETTING)).toBe(false);
  });

  test("after a reload (no state in memory) marks are still cleared, from the workbook setting", async () => {
    const { h, fake } = await filledWorkbook();
    const r = await readOpenReport(h.host, form);
    if (!r.ok) throw new Error("read");
    await markIssues(h.host, r.evaluation.issues, r);
    fake.insertRows(REPORT, 5, 2); // marks move with the cells
    const n = fake.syncCount;
    await clearMarks(h.host, undefined);
    expect(fake.syncCount - n).toBe(3);
    expect(fake.sheet(REPORT).cfs.filter((cf) => isMarkFormula(cf.formula))).toEqual([]);
  });

  test("click an issue: its sheet is activated and the cell selected (1 sync)", async () => {
    const { h, fake } = await filledWorkbook();
    fake.activeSheetId = fake.sheet("Sheet1").id;
    const n = fake.syncCount;
    await selectCell(h.host, `'${REPORT}'!${at(I2F)}`);
    expect(fake.syncCount - n).toBe(1);
    expect(fake.activeSheetId).toBe(fake.sheet(REPORT).id);
    expect(fake.selection).toBe(`'${REPORT}'!${at(I2F)}`);
  });
});
