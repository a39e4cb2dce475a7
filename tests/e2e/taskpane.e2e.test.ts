/**
 * End to end in real headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 * the built task pane served over http on 127.0.0.1, Microsoft's real office.js answered from the
 * installed @microsoft/office-js package (unmodified) at its CDN address, every other outside
 * request aborted, and src/excel/fake (bundled on the fly with esbuild) standing in for Excel.
 *
 * Steps: template into the current workbook (+ a new workbook through exceljs, loaded lazily),
 * validate a filled report with errors (marks, list, click selects the cell, live re-check,
 * clear), merge 42 generated files through the file input, check the written sheets, re-merge.
 * Screenshots of each step go to test-artifacts/e2e/; with BDG_UPDATE_GUIDE_IMAGES=1 the user
 * guide's pictures in docs/img/ are refreshed too (a plain test run leaves the tree untouched).
 *
 * BDG_E2E_SKIP_BUILD=1 reuses the existing build (dist/ or .tmp/e2e-dist/) without checking it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
// esbuild comes with tsx (a dependency of this project).
import { buildSync } from "esbuild";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { builtInForm } from "../../src/form";
import type { FakeExcelHandle } from "../../src/excel/fake/fake-excel";
import { missing } from "../external-tools";
import { META_SHEET, REPORT_SHEET } from "../../src/layout/contract";
import type { CellScalar } from "../../src/layout/sheet-model";
import { NARRATIVE_SHEET, STATUS_SHEET, SUMMARY_SHEET, buildSummary } from "../../src/layout/summary";
import { mergeReports } from "../../src/merge/merger";
import { readReport } from "../../src/xlsx/reader";
import { buildTemplate } from "../../src/layout/template";
import { filledValues, returnedReport } from "./report-files";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
const DOCS_IMG = path.join(ROOT, "docs", "img");
const UPDATE_GUIDE_IMAGES = process.env.BDG_UPDATE_GUIDE_IMAGES === "1";
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const haveChromium = !missing("browser (end-to-end) tests", "chromium");
const describeE2E = haveChromium ? describe : describe.skip;

jest.setTimeout(15 * 60 * 1000);

/* ------------------------------------------------------------------ build ---------------- */

function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function isFresh(dir: string): boolean {
  const html = path.join(dir, "taskpane.html");
  if (!fs.existsSync(html)) return false;
  const inputs = ["src", "assets", "manifest.xml", "webpack.config.js", "package-lock.json"].map((p) =>
    path.join(ROOT, p)
  );
  return fs.statSync(html).mtimeMs >= newestMtime(inputs);
}

/** The task pane build to serve: dist/ when fresh, else a development build in .tmp/e2e-dist. */
function ensureBuild(): { dir: string; how: string } {
  const dist = path.join(ROOT, "dist");
  const own = path.join(ROOT, ".tmp", "e2e-dist");
  if (process.env.BDG_E2E_SKIP_BUILD === "1") {
    const dir = [dist, own].find((d) => fs.existsSync(path.join(d, "taskpane.html")));
    if (!dir) throw new Error("BDG_E2E_SKIP_BUILD=1 but there is no build: run `npm run build` first");
    return { dir, how: `reused ${path.relative(ROOT, dir)} (BDG_E2E_SKIP_BUILD=1)` };
  }
  if (isFresh(dist)) return { dir: dist, how: "reused dist/ (newer than the sources)" };
  if (isFresh(own)) return { dir: own, how: "reused .tmp/e2e-dist/ (newer than the sources)" };
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  execFileSync(process.execPath, [cli, "--mode", "development", "--output-path", own], {
    cwd: ROOT,
    stdio: "inherit",
  });
  return { dir: own, how: "built .tmp/e2e-dist/ (webpack --mode development)" };
}

/* ------------------------------------------------------------------ serving -------------- */

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".css": "text/css",
  ".json": "application/json",
};

function serve(dir: string): Promise<{ server: http.Server; base: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname);
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, requests });
    })
  );
}

/** src/excel/fake as a browser script that puts a fresh fake Excel (one empty sheet) on window. */
function fakeExcelScript(): string {
  const out = buildSync({
    entryPoints: [path.join(ROOT, "src", "excel", "fake", "fake-excel.ts")],
    bundle: true,
    format: "iife",
    globalName: "BDGFakeExcel",
    platform: "browser",
    target: "es2020",
    write: false,
  });
  return `${out.outputFiles[0].text}
window.__BDG_FAKE_EXCEL__ = BDGFakeExcel.createFakeExcel();
window.__BDG_FAKE_EXCEL__.fake.addSheet("Sheet1");`;
}

/* ------------------------------------------------------------------ page helpers --------- */

type Win = { __BDG_FAKE_EXCEL__: FakeExcelHandle };

/**
 * A full-page screenshot as a test artifact; for the user guide, the visible pane only (what the
 * officer sees at 320 px). Also checks that nothing is wider than the pane.
 */
async function shot(page: Page, name: string, guide = false): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (guide && UPDATE_GUIDE_IMAGES) await page.screenshot({ path: path.join(DOCS_IMG, `${name}.png`) });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
}

/** The fake workbook's sheets: name, visibility, chart count, conditional formats that are marks. */
function sheetsOf(page: Page) {
  return page.evaluate(() => {
    const fake = (window as unknown as Win).__BDG_FAKE_EXCEL__.fake;
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
  const officeServed: string[] = [];
  const officeMissing: string[] = [];
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (UPDATE_GUIDE_IMAGES) fs.mkdirSync(DOCS_IMG, { recursive: true });
    const build = ensureBuild();
    console.log(`[e2e] task pane build: ${build.how}`);
    ({ server, base, requests: served } = await serve(build.dir));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context = await browser.newContext({
      viewport: { width: 320, height: 760 },
      deviceScaleFactor: 1.5,
      locale: "vi-VN",
    });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_CDN)) {
        const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        const file = path.normalize(path.join(OFFICE_JS_DIR, rel));
        if (file.startsWith(OFFICE_JS_DIR) && fs.existsSync(file) && fs.statSync(file).isFile()) {
          officeServed.push(rel);
          await route.fulfill({
            path: file,
            contentType: TYPES[path.extname(file)] ?? "application/octet-stream",
          });
        } else {
          officeMissing.push(rel);
          await route.fulfill({ status: 404, body: "" });
        }
        return;
      }
      const host = new URL(url).hostname;
      if (
        host === "127.0.0.1" ||
        host === "localhost" ||
        url.startsWith("data:") ||
        url.startsWith("blob:")
      ) {
        await route.continue();
        return;
      }
      blocked.push(url);
      await route.abort();
    });
    await context.addInitScript({ content: fakeExcelScript() });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    if (blocked.length) console.log(`[e2e] blocked outside requests: ${[...new Set(blocked)].join(", ")}`);
  });

  it("starts through the real office.js and falls back to the fake host", async () => {
    await page.goto(`${base}/taskpane.html?tab=template`);
    await page.getByRole("tab", { name: "Mẫu báo cáo", selected: true }).waitFor({ timeout: 30_000 });
    expect(officeServed).toContain("office.js");
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
    await page.getByRole("button", { name: "Chèn vào sổ hiện tại" }).click();
    await page.getByText("Đã chèn mẫu vào sổ hiện tại").waitFor({ timeout: 60_000 });
    await shot(page, "02-mau-bao-cao-da-chen", true);

    const sheets = await sheetsOf(page);
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Sheet1", REPORT_SHEET, META_SHEET]));
    expect(sheets.find((s) => s.name === META_SHEET)?.visibility).not.toBe("Visible");
    const state = await page.evaluate((sheet) => {
      const fake = (window as unknown as Win).__BDG_FAKE_EXCEL__.fake;
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
      const fake = (window as unknown as Win).__BDG_FAKE_EXCEL__.fake;
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
        const fake = (window as unknown as Win).__BDG_FAKE_EXCEL__.fake;
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
      (cell) => ((window as unknown as Win).__BDG_FAKE_EXCEL__.fake.selection ?? "").includes(cell),
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
      (sheet) => (window as unknown as Win).__BDG_FAKE_EXCEL__.fake.sheet(sheet).handlers.size > 0,
      REPORT_SHEET
    );
    await page.waitForTimeout(1000);
    await page.evaluate(
      ({ sheet, cell }) => (window as unknown as Win).__BDG_FAKE_EXCEL__.fake.userEdit(sheet, cell, [[30]]),
      { sheet: REPORT_SHEET, cell: femaleCell }
    );
    await page.locator('[data-testid="check-summary"][data-errors="0"]').waitFor({ timeout: 30_000 });
    await page.getByRole("switch", { name: "Tự kiểm tra lại khi sửa số liệu" }).click();

    await page.getByRole("button", { name: "Xóa đánh dấu" }).click();
    await page.getByText("Đã xóa đánh dấu").waitFor();
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
      "Đã đọc 42 tệp: 40 được nhận, 1 bị thay thế, 1 bị từ chối."
    );
    const verdicts = page.getByTestId("verdict");
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
      read: readReport(new Uint8Array(fs.readFileSync(f)), form),
    }));
    const { positions: sp } = buildSummary(mergeReports(form, submissions), form);
    const row = sp.rows["I.2"];
    const unitCells = sp.groups.filter((g) => g.kind === "unit").map((g) => [g.key, `${g.total}${row}`]);
    const totalCell = `${sp.groups.find((g) => g.kind === "total")?.total}${row}`;
    const onSheet = await page.evaluate(
      ({ sheet, unitCells, totalCell }) => {
        const fake = (window as unknown as Win).__BDG_FAKE_EXCEL__.fake;
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
    const unexpected = blocked.filter(
      (u) => !/^https:\/\/[^/]*\.(oaspapps\.com|microsoft\.com|office\.net|office\.com)\//.test(u)
    );
    expect(unexpected).toEqual([]);
    expect(pageErrors).toEqual([]);
    if (officeMissing.length)
      console.log(`[e2e] office.js asked for files the package lacks: ${officeMissing.join(", ")}`);
  });
});
