/**
 * The task pane's real services (src/taskpane/services-office.ts) against the recording fake
 * Excel host: what the buttons do, without a browser.
 */
import { builtInForm } from "../../src/form";
import { todayInVietnam } from "../../src/merge/today";
import { isoToSerial } from "../../src/validate/dates";
import { createFakeExcel, type FakeExcelHandle } from "../excel/fake-excel";
import { META_SHEET, REPORT_SHEET } from "../../src/workbook/contract";
import { NARRATIVE_SHEET, STATUS_SHEET, SUMMARY_SHEET } from "../../src/layout/summary";
import { buildTemplate } from "../../src/layout/template";
import { chartIndicators, createOfficeServices, percentFemaleRows } from "../../src/taskpane/services-office";
import type { TaskpaneServices } from "../../src/taskpane/services";
import { filledValues, returnedReport } from "../e2e/report-files";

const form = builtInForm();

function setup(): { fx: FakeExcelHandle; services: TaskpaneServices } {
  const fx = createFakeExcel({ schedule: () => undefined });
  fx.fake.addSheet("Sheet1");
  return { fx, services: createOfficeServices(fx.host, form) };
}

describe("template service", () => {
  it("inserts the template's sheets into the current workbook and lists the visible ones", async () => {
    const { fx, services } = setup();
    const { sheets } = await services.template.insertIntoCurrent({ unitCode: "XA-CAO-XA", password: "" });
    expect(sheets).toEqual([REPORT_SHEET]);
    expect(fx.fake.findSheet(META_SHEET)?.visibility).not.toBe("Visible");
    expect(fx.fake.names.size).toBeGreaterThanOrEqual(form.names.length);
  });

  it("opens a new workbook from the .xlsx bytes", async () => {
    const { fx, services } = setup();
    await services.template.createWorkbook({ unitCode: null, password: "mk" });
    expect(fx.fake.createdWorkbooks).toHaveLength(1);
    expect(Buffer.from(fx.fake.createdWorkbooks[0], "base64").subarray(0, 2).toString()).toBe("PK");
  });
});

describe("check service", () => {
  it("says there is no report in an empty workbook", async () => {
    const { services } = setup();
    await expect(services.check.run()).resolves.toEqual({ found: false });
  });

  it("checks the report in place, lists issues with their cells, selects and clears", async () => {
    const { fx, services } = setup();
    await services.template.insertIntoCurrent({ unitCode: "XA-CAO-XA", password: "" });
    const { positions } = buildTemplate(form, { unitCode: "XA-CAO-XA" });
    const values = filledValues(form, form.units.find((u) => u.code === "XA-CAO-XA") ?? null, 3);
    const i2 = form.byCode.get("I.2");
    if (!i2) throw new Error("no I.2");
    values.set(i2.cells[0].name, 10);
    values.set(i2.cells[1].name, 20);
    for (const [name, v] of values) fx.fake.setValues(REPORT_SHEET, positions.cells[name], [[v]]);

    const result = await services.check.run();
    if (!result.found) throw new Error("report not found");
    expect(result.sheet).toBe(REPORT_SHEET);
    expect(result.errors).toBeGreaterThanOrEqual(1);
    const femaleCell = positions.cells[i2.cells[1].name];
    const issue = result.issues.find((i) => i.address === femaleCell);
    expect(issue).toMatchObject({ severity: "error", indicator: "I.2" });
    expect(result.issues[0].severity).toBe("error"); // errors first
    expect(fx.fake.sheet(REPORT_SHEET).cfs.length).toBeGreaterThan(0);

    if (!issue) throw new Error("no issue for the female cell");
    await services.check.select(issue);
    expect(fx.fake.selection).toContain(femaleCell);

    await services.check.clearMarks();
    expect(fx.fake.sheet(REPORT_SHEET).cfs.filter((cf) => /BDG-/.test(cf.formula))).toEqual([]);
  });

  it("a re-check that finds the same bad cells only reads (2 syncs) and leaves the marks as they are", async () => {
    const { fx, services } = setup();
    await services.template.insertIntoCurrent({ unitCode: "XA-CAO-XA", password: "" });
    const first = await services.check.run();
    if (!first.found) throw new Error("report not found");
    const marks = fx.fake.sheet(REPORT_SHEET).cfs.length;
    expect(marks).toBeGreaterThan(0);
    let n = fx.fake.syncCount;
    await services.check.run();
    expect(fx.fake.syncCount - n).toBe(2);
    expect(fx.fake.sheet(REPORT_SHEET).cfs.length).toBe(marks);
    // After “Xóa tô màu” the next check marks again.
    await services.check.clearMarks();
    n = fx.fake.syncCount;
    await services.check.run();
    expect(fx.fake.syncCount - n).toBeGreaterThan(2);
    expect(fx.fake.sheet(REPORT_SHEET).cfs.length).toBe(marks);
  });
  it("on a sheet protected with a password it cannot mark, still lists every issue and says why", async () => {
    const { fx, services } = setup();
    await services.template.insertIntoCurrent({ unitCode: "XA-CAO-XA", password: "mat-khau" });
    expect(fx.fake.sheet(REPORT_SHEET).protection).toMatchObject({ protected: true, password: "mat-khau" });
    const { positions } = buildTemplate(form, { unitCode: "XA-CAO-XA" });
    const values = filledValues(form, form.units.find((u) => u.code === "XA-CAO-XA") ?? null, 3);
    const i2 = form.byCode.get("I.2");
    if (!i2) throw new Error("no I.2");
    values.set(i2.cells[0].name, 10);
    values.set(i2.cells[1].name, 20);
    // The unit types into its open input cells (the fake lets the officer edit unlocked cells).
    const sheet = fx.fake.sheet(REPORT_SHEET);
    const saved = sheet.protection.protected;
    sheet.protection.protected = false;
    for (const [name, v] of values) fx.fake.setValues(REPORT_SHEET, positions.cells[name], [[v]]);
    sheet.protection.protected = saved;

    const result = await services.check.run();
    if (!result.found) throw new Error("report not found");
    expect(result.marks).toBe("protected");
    expect(result.errors).toBeGreaterThanOrEqual(1);
    expect(result.issues.find((i) => i.address === positions.cells[i2.cells[1].name])).toMatchObject({
      severity: "error",
    });
    expect(sheet.cfs.filter((cf) => /BDG-/.test(cf.formula))).toEqual([]);
    expect(sheet.protection).toMatchObject({ protected: true, password: "mat-khau" });
    // Checked again: the same, no error thrown.
    await expect(services.check.run()).resolves.toMatchObject({ found: true, marks: "protected" });
  });
});

describe("merge service", () => {
  /** A file as the pane gives it: its bytes, and a handle to read them again (counted). */
  function input(name: string, modified: number, bytes: Uint8Array) {
    return { name, modified, bytes };
  }

  it("adds files without consolidating each time, then writes the sheets and a chart", async () => {
    const { fx, services } = setup();
    expect(services.merge.deadline).toBe(form.definition.deadline);
    const session = services.merge.begin();
    const units = form.units.slice(0, 3);
    const first = await session.add(
      input("a.xlsx", 1, await returnedReport(form, units[0], filledValues(form, units[0], 1)))
    );
    expect(first).toMatchObject({ verdict: "candidate", unit: units[0].code });
    await session.add(
      input("b.xlsx", 2, await returnedReport(form, units[1], filledValues(form, units[1], 2)))
    );
    const junk = await session.add(input("c.txt.xlsx", 3, new TextEncoder().encode("không phải tệp Excel")));
    expect(junk.verdict).toBe("rejected");
    await session.add(
      input(
        "a-moi.xlsx",
        4,
        await returnedReport(form, units[0], filledValues(form, units[0], 9, "2019-11-30"))
      )
    );
    const c = session.finish({ excludeUnitsWithErrors: false });
    const by = Object.fromEntries(c.files.map((v) => [v.file, v.verdict]));
    expect(by).toEqual({
      "a.xlsx": "superseded",
      "b.xlsx": "accepted",
      "c.txt.xlsx": "rejected",
      "a-moi.xlsx": "accepted",
    });
    expect(c.files.find((v) => v.file === "c.txt.xlsx")?.message?.vi).toBeTruthy();
    expect(c.rates.all.received).toBe(2);
    const { sheets } = await services.merge.write(c, { chartIndicator: "V.1" });
    expect(sheets).toEqual([SUMMARY_SHEET, STATUS_SHEET, NARRATIVE_SHEET]);
    // Dated the day it is written (as the command line and the browser mode date theirs), not the deadline.
    const dateName = fx.fake.names.get(form.fieldByKey.get("reportDate")!.name.toUpperCase());
    expect(dateName).toBeDefined();
    const [dateSheet, dateCell] = fx.fake
      .nameReference(dateName!)
      .replace(/'/g, "")
      .replace(/\$/g, "")
      .split("!");
    expect(fx.fake.valuesOf(dateSheet, dateCell)).toEqual([[isoToSerial(todayInVietnam())]]);
    const status = fx.fake.sheet(STATUS_SHEET);
    expect(status.charts).toHaveLength(1);
    expect(status.charts[0].title).toContain("V.1");

    // Re-merge replaces the add-in's sheets.
    const count = fx.fake.sheets.length;
    await services.merge.write(session.finish({ excludeUnitsWithErrors: true }), { chartIndicator: null });
    expect(fx.fake.sheets.length).toBe(count);
    expect(fx.fake.sheets.map((s) => s.name).filter((n) => /\(2\)/.test(n))).toEqual([]);
    expect(fx.fake.sheet(STATUS_SHEET).charts).toHaveLength(0);
  });

  it("leaves units with errors out of the totals on request, with the same files", async () => {
    const { services } = setup();
    const session = services.merge.begin();
    const [u0, u1] = form.units;
    const i2 = form.byCode.get("I.2");
    if (!i2) throw new Error("no I.2");
    const bad = filledValues(form, u0, 1);
    bad.set(i2.cells[0].name, 10);
    bad.set(i2.cells[1].name, 20); // female above total: an error
    await session.add(input("loi.xlsx", 1, await returnedReport(form, u0, bad)));
    await session.add(input("tot.xlsx", 2, await returnedReport(form, u1, filledValues(form, u1, 2))));
    const all = session.finish({ excludeUnitsWithErrors: false });
    const without = session.finish({ excludeUnitsWithErrors: true });
    expect(all.totals.all.units).toEqual([u0.code, u1.code]);
    expect(without.totals.all.units).toEqual([u1.code]);
    expect(without.units[0]).toMatchObject({ excluded: true, exclusion: "errors" });
    expect(all.options.excludeUnitsWithErrors).toBe(false);
    expect(without.options.excludeUnitsWithErrors).toBe(true);
  });

  it("the officer's choice switches the unit's winner at once, reading no file again", async () => {
    const { fx, services } = setup();
    const session = services.merge.begin();
    const [u0, u1] = form.units;
    const i1 = form.byCode.get("I.1")?.cells[0].name ?? "";
    const newer = filledValues(form, u0, 1, "2019-11-28");
    const older = filledValues(form, u0, 2, "2019-11-20");
    newer.set(i1, 100);
    older.set(i1, 7);
    await session.add(input("moi.xlsx", 1, await returnedReport(form, u0, newer)));
    await session.add(input("cu.xlsx", 2, await returnedReport(form, u0, older)));
    const verdictsOf = (files: { file: string; verdict: string; reason: string | null }[]) =>
      Object.fromEntries(files.map((v) => [v.file, [v.verdict, v.reason]]));
    expect(verdictsOf(session.finish({ excludeUnitsWithErrors: false }).files)).toEqual({
      "moi.xlsx": ["accepted", null],
      "cu.xlsx": ["superseded", "olderReportDate"],
    });
    // The session has no bytes to read again: the merger keeps each file's compact summary.
    let verdicts = await session.prefer(u0.code, "cu.xlsx");
    expect(verdictsOf(verdicts)).toEqual({
      "moi.xlsx": ["superseded", "officerChoice"],
      "cu.xlsx": ["accepted", null],
    });
    expect(verdicts.find((v) => v.file === "moi.xlsx")).toMatchObject({ supersededBy: "cu.xlsx" });

    // A file added after the choice does not undo it (even a newer one of the same unit).
    const newest = filledValues(form, u0, 3, "2019-11-29");
    await session.add(input("moi-nhat.xlsx", 3, await returnedReport(form, u0, newest)));
    await session.add(input("khac.xlsx", 4, await returnedReport(form, u1, filledValues(form, u1, 4))));
    const c = session.finish({ excludeUnitsWithErrors: false });
    expect(verdictsOf(c.files)).toEqual({
      "moi.xlsx": ["superseded", "officerChoice"],
      "moi-nhat.xlsx": ["superseded", "officerChoice"],
      "cu.xlsx": ["accepted", null],
      "khac.xlsx": ["accepted", null],
    });
    // The consolidation written uses the chosen file's values, counted once.
    expect(c.units.find((u) => u.code === u0.code)).toMatchObject({ file: "cu.xlsx", files: 3 });
    expect(c.units.find((u) => u.code === u0.code)?.values?.numbers[i1]).toBe(7);
    expect(c.totals.all.numbers[i1]).toBe(7 + Number(filledValues(form, u1, 4).get(i1)));
    expect(session.finish({ excludeUnitsWithErrors: true }).units[0].file).toBe("cu.xlsx");
    await services.merge.write(c, { chartIndicator: null });
    const statusTexts = [...fx.fake.sheet(STATUS_SHEET).cells.values()].map((cell) =>
      String(cell.value ?? "")
    );
    expect(statusTexts.some((x) => x.includes('đã chọn tệp "cu.xlsx"'))).toBe(true);

    // Choosing again for the same unit replaces the choice.
    verdicts = await session.prefer(u0.code, "moi.xlsx");
    expect(verdicts.find((v) => v.verdict === "accepted" && v.unit === u0.code)?.file).toBe("moi.xlsx");
    expect(session.finish({ excludeUnitsWithErrors: false }).units[0].file).toBe("moi.xlsx");
  });

  it("offers the % female indicators of section V first and computes % female per unit", async () => {
    const list = chartIndicators(form);
    expect(list[0].code).toBe("V.1");
    expect(list.every((i) => form.byCode.get(i.code)?.kind === "tf")).toBe(true);
    const { services } = setup();
    const session = services.merge.begin();
    const unit = form.units[0];
    const values = filledValues(form, unit, 5);
    const v1 = form.byCode.get("V.1");
    if (!v1) throw new Error("no V.1");
    values.set(v1.cells[0].name, 40);
    values.set(v1.cells[1].name, 10);
    await session.add(input("x.xlsx", 1, await returnedReport(form, unit, values)));
    const rows = percentFemaleRows(session.finish({ excludeUnitsWithErrors: false }), form, "V.1");
    expect(rows).toEqual([{ label: unit.name, value: 25 }]);
  });
});
