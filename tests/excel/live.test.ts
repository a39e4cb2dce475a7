import { watchReport } from "../../src/excel/live";
import { applyModel } from "../../src/excel/apply-model";
import { markIssues } from "../../src/excel/marks";
import { readOpenReport } from "../../src/excel/read-report";
import { templateModel } from "../../src/layout/template";
import { createFakeExcel } from "./fake-excel";
import { at, form, REPORT, templateWorkbook } from "./helpers";

const I2T = form.byCode.get("I.2")!.cells[0].name;

describe("live re-validation", () => {
  test("debounced: a burst of edits re-validates once, after the pause", async () => {
    const { h, fake, timers, own } = await templateWorkbook();
    let runs = 0;
    const stop = await watchReport(h.host, {
      sheets: [REPORT],
      revalidate: () => void runs++,
      timers,
      ownWrites: own,
      debounceMs: 600,
    });
    expect(stop).not.toBeNull();
    for (let i = 0; i < 5; i++) {
      fake.userEdit(REPORT, at(I2T), [[i]]);
      await fake.deliverEvents();
      timers.advance(200);
    }
    expect(runs).toBe(0);
    timers.advance(600);
    expect(runs).toBe(1);
    const n = fake.syncCount;
    await stop!();
    expect(fake.syncCount - n).toBe(1);
    fake.userEdit(REPORT, at(I2T), [[9]]);
    await fake.deliverEvents();
    timers.advance(1000);
    expect(runs).toBe(1);
  });

  test("the add-in's own writes do not trigger it (hosts without triggerSource)", async () => {
    const { h, fake, timers, own } = await templateWorkbook();
    let runs = 0;
    await watchReport(h.host, { sheets: [REPORT], revalidate: () => void runs++, timers, ownWrites: own });
    await applyModel(h.host, templateModel(form), { ownWrites: own }); // writes values: Excel fires onChanged
    await fake.deliverEvents(); // delivered after the sync, inside the grace window
    timers.advance(5000);
    expect(runs).toBe(0);
  });

  test("an edit made right after the marks are written is re-checked (marks write no values)", async () => {
    const { h, fake, timers } = await templateWorkbook();
    let runs = 0;
    // The add-in's shared own-writes guard, as in the task pane.
    await watchReport(h.host, { sheets: [REPORT], revalidate: () => void runs++, timers, debounceMs: 600 });
    const read = await readOpenReport(h.host, form);
    if (!read.ok) throw new Error(read.reason);
    await markIssues(h.host, read.evaluation.issues, read);
    fake.userEdit(REPORT, at(I2T), [[7]]); // no pause at all after our write
    await fake.deliverEvents();
    timers.advance(600);
    expect(runs).toBe(1);
  });

  test("events flagged ThisLocalAddin (ExcelApi 1.14 hosts) are ignored even after the grace window", async () => {
    const { h, fake, timers, own } = await templateWorkbook({ ownWriteTriggerSource: "ThisLocalAddin" });
    let runs = 0;
    await watchReport(h.host, { sheets: [REPORT], revalidate: () => void runs++, timers, ownWrites: own });
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(REPORT).getRange(at(I2T)).values = [[1]];
      await ctx.sync();
    });
    timers.advance(5000);
    await fake.deliverEvents();
    timers.advance(5000);
    expect(runs).toBe(0);
  });

  test("ExcelApi 1.6 host: no live validation, the caller shows a message", async () => {
    const h = createFakeExcel({ apiVersion: "1.6" });
    h.fake.addSheet(REPORT);
    expect(await watchReport(h.host, { sheets: [REPORT], revalidate: () => undefined })).toBeNull();
  });
});
