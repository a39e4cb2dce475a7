/**
 * End to end in real headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 * the built task pane served over http on 127.0.0.1, Microsoft's real office.js answered from the
 * installed @microsoft/office-js package (unmodified) at its CDN address, every other outside
 * request aborted, and the recording fake (tests/excel/fake-excel.ts, started by the end-to-end
 * entry ./pane-entry.ts) standing in for Excel.
 *
 * Steps: template into the current workbook (+ a new workbook through exceljs, loaded lazily),
 * validate a filled report with errors (marks, list, click selects the cell, live re-check,
 * clear), merge 42 generated files through the file input, check the written sheets, re-merge.
 * Screenshots of each step go to test-artifacts/e2e/; with BDG_UPDATE_GUIDE_IMAGES=1 the user
 * guide's pictures in docs/img/ are refreshed too (a plain test run leaves the tree untouched).
 *
 * Build, serving, Chromium and office.js routing: ./pane-harness.ts.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { builtInForm } from "../../src/form";
import { META_SHEET, REPORT_SHEET } from "../../src/workbook/contract";
import type { CellScalar } from "../../src/layout/sheet-model";
import { NARRATIVE_SHEET, STATUS_SHEET, SUMMARY_SHEET, buildSummary } from "../../src/layout/summary";
import { mergeReports } from "../../src/merge/merger";
import { inspectFile } from "../../src/xlsx/reader";
import { buildTemplate } from "../../src/layout/template";
import {
  ARTIFACTS,
  DOCS_IMG,
  UPDATE_GUIDE_IMAGES,
  type OutsideRequests,
  ensureBuild,
  haveChromium,
  launchChromium,
  routeOutside,
  serve,
  shot,
  unexpectedOutside,
} from "./pane-harness";
import type { E2EWindow } from "./pane-entry";
import { filledValues, returnedReport } from "./report-files";

const describeE2E = haveChromium ? describe : describe.skip;

jest.setTimeout(15 * 60 * 1000);

/* ------------------------------------------------------------------ page helpers --------- */

type Win = E2EWindow;

/** The fake workbook's sheets: name, visibility, chart count, conditional formats that are marks. */
function sheetsOf(page: Page) {
  return page.evaluate(() => {
    const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
    return fake.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      charts: s.charts.map((c) => ({ title: c.title, type: c.type })),
      marks: s.cfs.filter((cf) => /"BDG-(ERR|WARN)"/.test(cf.formula)).length,
    }));
  });
}

/* ------------------------------------------------------------------ the test ------------- */

describeE2E("task pane in headless Chromium with the fake Excel host", () => {
  const form = builtInForm();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: http.Server;
  let base: string;
  let served: string[];
  let outside: OutsideRequests;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (UPDATE_GUIDE_IMAGES) fs.mkdirSync(DOCS_IMG, { recursive: true });
    const build = ensureBuild();
    console.log(`[e2e] task pane build: ${build.how}`);
    ({ server, base, requests: served } = await serve(build.dir));
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 320, height: 760 },
      deviceScaleFactor: 1.5,
      locale: "vi-VN",
    });
    outside = await routeOutside(context);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    const { blocked } = outside ?? { blocked: [] };
    if (blocked.length) console.log(`[e2e] blocked outside requests: ${[...new Set(blocked)].join(", ")}`);
  });

  it("starts through the real office.js and falls back to the fake host", async () => {
    await page.goto(`${base}/taskpane.html?tab=template`);
    await page.getByRole("tab", { name: "Mẫu báo cáo", selected: true }).waitFor({ timeout: 30_000 });
    expect(outside.officeServed).toContain("office.js");
    const office = await page.evaluate(() => {
      const w = window as unknown as { Office?: { onReady?: unknown } };
      return typeof w.Office?.onReady;
    });
    expect(office).toBe("function");
    expect(await page.getByTestId("not-in-office").count()).toBe(0);
    // The xlsx writer is not part of the start-up.
    expect(served.some((p) => /exceljs/.test(p))).toBe(false);
    await shot(page, "01-mau-bao-cao", true);
  });

  it("inserts a template for a chosen unit into the current workbook", async () => {
    const combo = page.getByRole("combobox", { name: "Đơn vị nhận mẫu" });
    await combo.click();
    await combo.fill("cao xa");
    await page.getByRole("option", { name: "Xã Cao Xá" }).click();
    await page.getByRole("button", { name: "Chèn vào sổ đang mở" }).click();
    await page.getByText("Đã chèn mẫu vào sổ đang mở").waitFor({ timeout: 60_000 });
    await shot(page, "02-mau-bao-cao-da-chen", true);

    const sheets = await sheetsOf(page);
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Sheet1", REPORT_SHEET, META_SHEET]));
    expect(sheets.find((s) => s.name === META_SHEET)?.visibility).not.toBe("Visible");
    const state = await page.evaluate((sheet) => {
      const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
      return { names: fake.names.size, cells: fake.sheet(sheet).cells.size };
    }, REPORT_SHEET);
    expect(state.names).toBeGreaterThanOrEqual(form.names.length);
    expect(state.cells).toBeGreaterThan(100);
  });

  it("makes a new workbook from the generated file, loading exceljs only then", async () => {
    const before = served.length;
    await page.getByRole("button", { name: "Tạo sổ mới" }).click();
    await page.getByText("Đã mở mẫu trong một sổ làm việc mới").waitFor({ timeout: 120_000 });
    const later = served.slice(before).filter((p) => p.endsWith(".js"));
    expect(later.length).toBeGreaterThan(0);
    const created = await page.evaluate(() => {
      const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
      return fake.createdWorkbooks.map((b64) => atob(b64).slice(0, 2));
    });
    expect(created).toEqual(["PK"]);
  });

  it("checks a filled report with errors: marks, list, click selects the cell, live re-check, clear", async () => {
    const { positions } = buildTemplate(form, { unitCode: "XA-CAO-XA" });
    const unit = form.units.find((u) => u.code === "XA-CAO-XA") ?? null;
    const values = filledValues(form, unit, 7);
    const i2 = form.byCode.get("I.2");
    const i1 = form.byCode.get("I.1");
    if (!i2 || !i1) throw new Error("form without I.1/I.2");
    const [total, female] = [i2.cells[0].name, i2.cells[1].name];
    values.set(total, 50);
    values.set(female, 80); // error: female above total
    values.set(i1.cells[0].name, "'1.234"); // warning: a number typed as text (1234, Vietnamese style)
    const writes: [string, CellScalar][] = [...values].map(([n, v]) => [positions.cells[n], v]);
    await page.evaluate(
      ({ sheet, writes }) => {
        const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
        for (const [address, v] of writes) fake.setValues(sheet, address, [[v]]);
      },
      { sheet: REPORT_SHEET, writes }
    );

    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await shot(page, "03-kiem-tra-trong", false);
    await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
    const list = page.getByTestId("issue-list");
    await list.waitFor({ timeout: 60_000 });
    const summary = await page.getByTestId("check-summary").innerText();
    expect(summary).toMatch(/[1-9]\d* lỗi/);
    expect(summary).toMatch(/[1-9]\d* cảnh báo/);
    const femaleCell = positions.cells[female];
    const issue = list
      .getByRole("button")
      .filter({ hasText: `Ô ${femaleCell}` })
      .first();
    await issue.waitFor();
    expect(await issue.getAttribute("data-severity")).toBe("error");
    expect((await sheetsOf(page)).find((s) => s.name === REPORT_SHEET)?.marks).toBeGreaterThanOrEqual(2);

    await issue.click();
    await page.waitForFunction(
      (cell) => ((window as unknown as Win).__BDG_E2E_FAKE__.fake.selection ?? "").includes(cell),
      femaleCell
    );
    await shot(page, "03-kiem-tra", true);

    // Keyboard: the next issue, by Tab then Enter.
    await issue.focus();
    await page.keyboard.press("Tab");
    const next = page.locator(":focus");
    expect(await next.getAttribute("data-testid")).toBe("issue");
    await page.keyboard.press("Enter");
    expect(await next.getAttribute("aria-current")).toBe("true");

    // Live re-check: the officer corrects the cell in the sheet (once the pane listens, and after
    // the grace period in which change events are taken as the add-in's own writes).
    await page.getByRole("switch", { name: "Tự kiểm tra lại khi sửa số liệu" }).click();
    await page.waitForFunction(
      (sheet) => (window as unknown as Win).__BDG_E2E_FAKE__.fake.sheet(sheet).handlers.size > 0,
      REPORT_SHEET
    );
    await page.waitForTimeout(1000);
    await page.evaluate(
      ({ sheet, cell }) => (window as unknown as Win).__BDG_E2E_FAKE__.fake.userEdit(sheet, cell, [[30]]),
      { sheet: REPORT_SHEET, cell: femaleCell }
    );
    await page.locator('[data-testid="check-summary"][data-errors="0"]').waitFor({ timeout: 30_000 });
    await page.getByRole("switch", { name: "Tự kiểm tra lại khi sửa số liệu" }).click();

    await page.getByRole("button", { name: "Xóa tô màu" }).click();
    await page.getByText("Đã xóa tô màu").waitFor();
    expect((await sheetsOf(page)).find((s) => s.name === REPORT_SHEET)?.marks).toBe(0);
  });

  it("merges 42 files picked through the file input and writes the summary, status and narratives sheets", async () => {
    const dir = path.join(ARTIFACTS, "files");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    const expected = new Map<string, number>(); // I.2 total per unit code of the winning file
    const i2Total = form.byCode.get("I.2")?.cells[0].name ?? "";
    const units = form.units.slice(0, 40); // 2 units never send anything
    for (const [i, unit] of units.entries()) {
      const values = filledValues(form, unit, 100 + i);
      const file = path.join(dir, `bao-cao-${String(i + 1).padStart(2, "0")}.xlsx`);
      fs.writeFileSync(file, await returnedReport(form, unit, values));
      files.push(file);
      expected.set(unit.code, Number(values.get(i2Total)));
    }
    // A corrected report from the first unit, dated later: it supersedes the first file.
    const corrected = filledValues(form, units[0], 999, "2019-11-30");
    const correctedFile = path.join(dir, "bao-cao-01-sua-lai.xlsx");
    fs.writeFileSync(correctedFile, await returnedReport(form, units[0], corrected));
    files.push(correctedFile);
    expected.set(units[0].code, Number(corrected.get(i2Total)));
    // Not a workbook at all.
    const junk = path.join(dir, "ghi-chu.xlsx");
    fs.writeFileSync(junk, "Đây là ghi chú, không phải báo cáo.\n");
    files.push(junk);
    expect(files).toHaveLength(42);

    // A fresh workbook for the summary (the page's fake Excel starts anew on load).
    await page.goto(`${base}/taskpane.html?tab=merge`);
    await page.getByRole("tab", { name: "Tổng hợp", selected: true }).waitFor({ timeout: 30_000 });
    await shot(page, "04-tong-hop-trong", true);
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByTestId("merge-progress").waitFor({ timeout: 30_000 });
    await shot(page, "05-tong-hop-dang-doc", true);
    await page.getByTestId("merge-counts").waitFor({ timeout: 180_000 });
    expect(await page.getByTestId("merge-counts").innerText()).toBe(
      "Đã đọc 42 tệp: 40 được dùng, 1 bị thay thế, 1 bị từ chối."
    );
    // The units that did not send are named; the files are grouped by unit, other versions folded.
    const missing = await page.getByTestId("units-missing").innerText();
    for (const u of form.units.slice(40)) expect(missing).toContain(u.name);
    const verdicts = page.getByTestId("verdict");
    await verdicts.nth(40).waitFor(); // the file list is drawn in a deferred render
    expect(await verdicts.count()).toBe(41);
    await page.getByTestId("merge-others").first().click();
    await verdicts.nth(41).waitFor();
    expect(await verdicts.count()).toBe(42);
    const rejected = page.locator('[data-testid="verdict"][data-verdict="rejected"]');
    expect(await rejected.innerText()).toContain("ghi-chu.xlsx");
    const superseded = page.locator('[data-testid="verdict"][data-verdict="superseded"]');
    expect(await superseded.innerText()).toContain("bao-cao-01.xlsx");

    await page.getByTestId("chart-select").selectOption("V.1");
    await page.getByTestId("merge-write").click();
    const written = page.getByTestId("merge-written");
    await written.waitFor({ timeout: 120_000 });
    expect(await written.innerText()).toContain("40/42 đơn vị đã nộp");
    await shot(page, "06-tong-hop-da-ghi", true);

    const sheets = await sheetsOf(page);
    const names = sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([SUMMARY_SHEET, STATUS_SHEET, NARRATIVE_SHEET]));
    expect(sheets.find((s) => s.name === STATUS_SHEET)?.charts).toEqual([
      expect.objectContaining({ title: expect.stringContaining("V.1") }),
    ]);
    // The summary sheet, where the same merge done here in Node puts it: each unit's I.2 total in
    // its column (the winning file's value), and the TOTAL column as a formula over them.
    const submissions = files.map((f) => ({
      file: path.basename(f),
      modified: fs.statSync(f).mtimeMs,
      read: inspectFile(new Uint8Array(fs.readFileSync(f)), form),
    }));
    const { positions: sp } = buildSummary(mergeReports(form, submissions), form);
    const row = sp.rows["I.2"];
    const unitCells = sp.groups.filter((g) => g.kind === "unit").map((g) => [g.key, `${g.total}${row}`]);
    const totalCell = `${sp.groups.find((g) => g.kind === "total")?.total}${row}`;
    const onSheet = await page.evaluate(
      ({ sheet, unitCells, totalCell }) => {
        const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
        const at = (a: string) => fake.cell(sheet, a);
        return {
          units: Object.fromEntries(unitCells.map(([code, a]) => [code, at(a).value])),
          total: { formula: at(totalCell).formula },
        };
      },
      { sheet: SUMMARY_SHEET, unitCells, totalCell }
    );
    const want = Object.fromEntries(form.units.map((u) => [u.code, expected.get(u.code) ?? null]));
    expect(onSheet.units).toEqual(want);
    expect(onSheet.total.formula).toMatch(/^=/);

    // Re-merge: the add-in's own sheets are replaced, not duplicated.
    await page.getByTestId("merge-write").click();
    await page.getByTestId("merge-written").waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="merge-status"] .fui-Spinner'));
    const again = (await sheetsOf(page)).map((s) => s.name);
    expect(again.sort()).toEqual([...names].sort());
    expect(again.filter((n) => /\(2\)$/.test(n))).toEqual([]);
  });

  it("switches to English and keeps it after a reload", async () => {
    await page.getByTestId("lang-switch").click();
    await page.getByRole("tab", { name: "Consolidate" }).waitFor();
    await page.reload();
    await page.getByRole("tab", { name: "Consolidate", selected: true }).waitFor({ timeout: 30_000 });
    await shot(page, "07-english", false);
    await page.getByTestId("lang-switch").click();
    await page.getByRole("tab", { name: "Mẫu báo cáo" }).waitFor();
  });

  it("made no request outside 127.0.0.1 and Microsoft's office.js path, and threw no page error", () => {
    // office.js itself tries its telemetry frame (aborted here); nothing else may go out.
    expect(unexpectedOutside(outside)).toEqual([]);
    expect(pageErrors).toEqual([]);
    if (outside.officeMissing.length)
      console.log(`[e2e] office.js asked for files the package lacks: ${outside.officeMissing.join(", ")}`);
  });
});
