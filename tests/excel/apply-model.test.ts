import { withUnits } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { META_SHEET } from "../../src/workbook/contract";
import { templateModel } from "../../src/layout/template";
import { buildSummary, SUMMARY_SHEET } from "../../src/layout/summary";
import { mergeReports, type Submission } from "../../src/merge";
import {
  addChart,
  applyModel,
  createWorkbookFromBytes,
  MADE_SHEETS_SETTING,
  textInput,
} from "../../src/excel/apply-model";
import { OwnWrites } from "../../src/excel/own-writes";
import { reportRead } from "../merge/helpers";
import { createFakeExcel } from "./fake-excel";
import { at, form, ManualTimers, REPORT, templateWorkbook } from "./helpers";

const own = () => new OwnWrites(new ManualTimers(), 400);
const LIMIT = 5 * 1024 * 1024;

function summaryModel(units: number) {
  const registry: Unit[] = [];
  for (let i = 0; registry.length < units; i++) {
    for (const u of form.units) {
      if (registry.length >= units) break;
      registry.push({ ...u, code: i ? `${u.code}-${i}` : u.code, name: i ? `${u.name} ${i}` : u.name });
    }
  }
  const f = withUnits(form, registry);
  const subs: Submission[] = registry.map((u, i) => ({
    file: `${u.code}.xlsx`,
    modified: i,
    read: reportRead(f, u, { seed: i + 1 }),
  }));
  return buildSummary(mergeReports(f, subs), f).model;
}

describe("apply a workbook model through Office.js", () => {
  test("the template: values, formulas, names, validation, protection, hidden metadata in 3 syncs", async () => {
    const { fake } = await templateWorkbook();
    expect(fake.syncCount).toBe(3);
    const report = fake.sheet(REPORT);
    expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
    expect(report.protection.protected).toBe(true);
    expect(fake.names.size).toBeGreaterThanOrEqual(form.names.length);
    for (const n of form.names)
      expect(fake.nameReference(fake.names.get(n.toUpperCase())!)).toMatch(/^'Báo cáo'!\$[A-Z]+\$\d+$/);
    const i2t = form.byCode.get("I.2")!.cells[0].name;
    const input = fake.cell(REPORT, at(i2t));
    expect(input.format["protection.locked"]).toBe(false);
    expect(input.validation).toBeTruthy();
    expect([...report.cells.values()].some((c) => c.formula)).toBe(true);
    expect(report.freeze.rows).toBeGreaterThan(0);
    expect(report.colWidths.size).toBeGreaterThan(0);
    expect(fake.activeSheetId).toBe(report.id);
    const made = JSON.parse(String(fake.settings.get(MADE_SHEETS_SETTING)));
    expect(made.sheetIds.sort()).toEqual([report.id, fake.sheet(META_SHEET).id].sort());
    // calculation suspended for the writes and restored after; screen updating suspended (1.9)
    expect(fake.calls.some((c) => c.op === "Application.calculationMode=")).toBe(true);
    expect(fake.application.calculationMode).toBe("Automatic");
    expect(fake.calls.some((c) => c.op === "Application.suspendScreenUpdatingUntilNextSync")).toBe(true);
    // values written as ONE 2-D array per sheet
    expect(fake.calls.filter((c) => c.op === "Range.formulas=").length).toBe(2);
  });

  test("re-applying replaces the add-in's own sheets (no duplicates, same sync count)", async () => {
    const { h, fake } = await templateWorkbook();
    const before = fake.syncCount;
    const r = await applyModel(h.host, templateModel(form), { ownWrites: own() });
    expect(fake.syncCount - before).toBe(3);
    expect(r.renamed).toEqual([]);
    expect(fake.sheets.map((s) => s.name).sort()).toEqual([META_SHEET, REPORT, "Sheet1"].sort());
    for (const n of form.names)
      expect(fake.nameReference(fake.names.get(n.toUpperCase())!)).not.toContain("#REF");
  });

  test("a user's sheet with the same name is never overwritten: ours gets another name", async () => {
    const h = createFakeExcel();
    h.fake.addSheet(REPORT);
    h.fake.setValues(REPORT, "A1:B1", [["số liệu của tôi", 42]]);
    h.fake.setFormat(REPORT, "A1", "fill.color", "#00FF00");
    const r = await applyModel(h.host, templateModel(form), { ownWrites: own() });
    expect(r.renamed).toEqual([{ wanted: REPORT, got: `${REPORT} (2)` }]);
    expect(h.fake.valuesOf(REPORT, "A1:B1")).toEqual([["số liệu của tôi", 42]]);
    expect(h.fake.cell(REPORT, "A1").format).toEqual({ "fill.color": "#00FF00" });
    const i2t = form.byCode.get("I.2")!.cells[0].name;
    expect(h.fake.nameReference(h.fake.names.get(i2t)!)).toMatch(/^'Báo cáo \(2\)'!/);
    // formulas that referred to the sheet follow the new name
    const formulas = [...h.fake.sheet(`${REPORT} (2)`).cells.values()].map((c) => c.formula ?? "").join(" ");
    expect(formulas).not.toMatch(/'Báo cáo'!/);
  });

  test("a user's name of the same name is kept and reported", async () => {
    const h = createFakeExcel();
    h.fake.addSheet("Của tôi");
    const i2t = form.byCode.get("I.2")!.cells[0].name;
    h.fake.defineName(i2t, "'Của tôi'!$A$1");
    const r = await applyModel(h.host, templateModel(form), { ownWrites: own() });
    expect(r.skippedNames).toEqual([i2t]);
    expect(h.fake.nameReference(h.fake.names.get(i2t)!)).toBe("'Của tôi'!$A$1");
  });

  test.each([42, 420])(
    "the summary of %i units: same constant sync count, every request under 5 MB",
    async (units) => {
      const model = summaryModel(units);
      const h = createFakeExcel({ schedule: () => undefined });
      h.fake.addSheet("Sheet1");
      const r = await applyModel(h.host, model, { ownWrites: own() });
      expect(r.syncs).toBe(3);
      expect(h.syncCount).toBe(3);
      for (const s of h.fake.syncs) expect(s.bytes).toBeLessThan(LIMIT);
      expect(h.fake.sheet(SUMMARY_SHEET).cells.size).toBeGreaterThan(units * 3 * 40);
      // re-merge: replaced in place, still 3 syncs
      const again = await applyModel(h.host, model, { ownWrites: own() });
      expect(again.syncs).toBe(3);
      expect(again.renamed).toEqual([]);
    }
  );

  test("a payload over the budget is split into several requests, each under the cap", async () => {
    const model = summaryModel(42);
    const h = createFakeExcel({ schedule: () => undefined });
    h.fake.addSheet("Sheet1");
    const r = await applyModel(h.host, model, { ownWrites: own(), requestBudget: 64 * 1024 });
    expect(r.syncs).toBeGreaterThan(3);
    for (const s of h.fake.syncs) expect(s.bytes).toBeLessThan(64 * 1024 * 1.5);
    const full = createFakeExcel({ schedule: () => undefined });
    full.fake.addSheet("Sheet1");
    await applyModel(full.host, model, { ownWrites: own() });
    expect(h.fake.valuesOf(SUMMARY_SHEET, "A1:Z80")).toEqual(full.fake.valuesOf(SUMMARY_SHEET, "A1:Z80"));
  });

  test("untrusted text is written as text, never as a formula", async () => {
    expect(textInput('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(textInput("+84 912")).toBe("'+84 912");
    expect(textInput("1.234")).toBe("'1.234");
    for (const risky of ["1e5", "5-Jan", "Jan 5", "3:00 PM", "12%", "1/2", "TRUE", "#N/A"])
      expect(textInput(risky)).toBe(`'${risky}`);
    expect(textInput("Xã Cao Xá")).toBe("'Xã Cao Xá");
    expect(textInput("")).toBe("");
    const h = createFakeExcel();
    h.fake.addSheet("Sheet1");
    const model = templateModel(form);
    model.sheets[0].cells.push(
      { address: "Z1", value: '=HYPERLINK("http://evil","x")' },
      { address: "Z2", value: "@SUM(A1)" }
    );
    await applyModel(h.host, model, { ownWrites: own() });
    expect(h.fake.cell(REPORT, "Z1")).toMatchObject({
      value: '=HYPERLINK("http://evil","x")',
      formula: null,
    });
    expect(h.fake.cell(REPORT, "Z2")).toMatchObject({ value: "@SUM(A1)", formula: null });
  });

  test("ExcelApi 1.8 host: no 1.9 call (screen updating), the rest applied", async () => {
    const h = createFakeExcel({ apiVersion: "1.8" });
    h.fake.addSheet("Sheet1");
    await applyModel(h.host, templateModel(form), { ownWrites: own() });
    expect(h.fake.calls.some((c) => c.op.includes("suspendScreenUpdating"))).toBe(false);
    expect(h.fake.sheet(REPORT).protection.protected).toBe(true);
  });

  test("template as a new workbook: Excel.createWorkbook(base64), or a clear message before 1.8", async () => {
    const h = createFakeExcel();
    await createWorkbookFromBytes(h.host, new Uint8Array([80, 75, 3, 4, 255]));
    expect(h.fake.createdWorkbooks).toEqual([Buffer.from([80, 75, 3, 4, 255]).toString("base64")]);
    const old = createFakeExcel({ apiVersion: "1.7" });
    await expect(createWorkbookFromBytes(old.host, new Uint8Array([1]))).rejects.toMatchObject({
      text: { vi: expect.stringContaining("ExcelApi 1.8") },
    });
  });

  test("a column chart of % nữ by unit, in one sync", async () => {
    const h = createFakeExcel();
    h.fake.addSheet(SUMMARY_SHEET);
    await addChart(
      h.host,
      {
        sheet: SUMMARY_SHEET,
        title: "Tỷ lệ nữ (%) — V.3",
        valueHeader: "Tỷ lệ nữ (%)",
        rows: [
          { label: "Xã Cao Xá", value: 41.5 },
          { label: "=evil", value: null },
        ],
        dataAt: "AA1",
        position: ["B70", "J90"],
      },
      { ownWrites: own() }
    );
    expect(h.syncCount).toBe(1);
    const chart = h.fake.sheet(SUMMARY_SHEET).charts[0];
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      title: "Tỷ lệ nữ (%) — V.3",
      source: "'Tổng hợp'!AA1:AB3",
    });
    expect(h.fake.valuesOf(SUMMARY_SHEET, "AA3:AA3")).toEqual([["=evil"]]);
  });
});
