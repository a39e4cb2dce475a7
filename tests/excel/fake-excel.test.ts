/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- these tests read unloaded properties on purpose, to prove the fake throws like Office.js */
import { createFakeExcel } from "./fake-excel";

describe("the recording fake behaves like Office.js where it matters", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded; loaded ones read after sync", async () => {
    const h = createFakeExcel();
    h.fake.addSheet("Báo cáo");
    h.fake.setValues("Báo cáo", "A1:B2", [
      [1, "x"],
      ["#REF!", null],
    ]);
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Báo cáo").getRange("A1:B2");
      r.load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([
        [1, "x"],
        ["#REF!", ""],
      ]);
      expect(() => r.valueTypes).toThrow(/PropertyNotLoaded/);
      expect(() => r.address).toThrow(/PropertyNotLoaded/);
      const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
      expect(() => ws.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
    expect(h.syncCount).toBe(2);
  });

  test("a 2-D array must match the range; a failing command rejects the sync", async () => {
    const h = createFakeExcel();
    h.fake.addSheet("S");
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
      await expect(ctx.sync()).rejects.toThrow(/dimensions/);
    });
  });

  test("a request over 5 MB is rejected", async () => {
    const h = createFakeExcel();
    h.fake.addSheet("S");
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A6000").values = big;
      await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    });
    expect(h.fake.syncs[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("an API newer than the host's requirement set fails with ApiNotFound", async () => {
    const h = createFakeExcel({ apiVersion: "1.8" });
    expect(h.host.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(h.host.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await h.run(async (ctx) => {
      ctx.application.suspendScreenUpdatingUntilNextSync();
      await expect(ctx.sync()).rejects.toThrow(/ApiNotFound/);
    });
  });

  test("strings are parsed like typed input; an apostrophe keeps text", async () => {
    const h = createFakeExcel();
    h.fake.addSheet("S");
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:D1").formulas = [
        ["=1+1", "'=HYPERLINK(1)", "12", "+1+1"],
      ];
      await ctx.sync();
    });
    expect(h.fake.cell("S", "A1").formula).toBe("=1+1");
    expect(h.fake.cell("S", "B1").value).toBe("=HYPERLINK(1)");
    expect(h.fake.cell("S", "B1").formula).toBeNull();
    expect(h.fake.cell("S", "C1").value).toBe(12);
    expect(h.fake.cell("S", "D1").formula).toBe("=+1+1");
  });

  test("names move with their cells when rows are inserted, and follow a renamed sheet", async () => {
    const h = createFakeExcel();
    h.fake.addSheet("Báo cáo");
    h.fake.defineName("X", "'Báo cáo'!$D$14");
    h.fake.insertRows("Báo cáo", 3, 2);
    h.fake.renameSheet("Báo cáo", "BC 2019");
    const v = await h.run(async (ctx) => {
      const n = ctx.workbook.names.getItem("X").load("value");
      await ctx.sync();
      return n.value as string;
    });
    expect(v).toBe("'BC 2019'!$D$16");
  });
});
