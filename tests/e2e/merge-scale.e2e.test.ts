/**
 * The Merge tab at scale, and the pane's accessibility, in real headless Chromium with the fake
 * Excel host (the harness of ./pane-harness.ts).
 *
 * 42, 420 and 4,200 returned files go through the file input: 40 units' returns (2 late, one with
 * an error; 2 units send nothing), a corrected return and a file that is no report, then copies of
 * those with other names, times and bytes (what an officer's download folder looks like after
 * weeks of resent mail). For each: the time from the selection to "written" and to the end of
 * reading, the longest task while reading (PerformanceObserver "longtask" in the page) and the JS
 * heap after reading (after a garbage collection) are printed — not asserted (no timing assertions
 * in this project's tests); what is asserted is what the officer sees: the units not reported,
 * late and with errors named, and files picked again never read twice.
 *
 * Also: a check on a sheet protected with a password lists its issues, and axe-core
 * (node_modules/axe-core/axe.min.js injected into the page) finds nothing of ours in any state of
 * the three tabs at 320 and 480 px. Findings on Fluent UI's own focus helpers (tabster's hidden
 * "dummy" elements, e.g. around the TabList) are printed apart.
 *
 * The returns are made once with the project's template writer (tests/helpers/sample-returns.ts)
 * and kept in the temp directory between runs. BDG_UPDATE_GUIDE_IMAGES=1 refreshes the user
 * guide's pictures of the results by unit (docs/img/10…13).
 */
import * as fs from "fs";
import type * as http from "http";
import * as os from "os";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { builtInForm } from "../../src/form";
import type { CellScalar } from "../../src/layout/sheet-model";
import { buildTemplate } from "../../src/layout/template";
import { REPORT_SHEET } from "../../src/workbook/contract";
import { writeReturn } from "../helpers/sample-returns";
import type { E2EWindow } from "./pane-entry";
import {
  ARTIFACTS,
  DOCS_IMG,
  UPDATE_GUIDE_IMAGES,
  ensureBuild,
  haveChromium,
  launchChromium,
  routeOutside,
  serve,
  shot,
} from "./pane-harness";
import { axeFindings, summarizeFindings, type Finding } from "./axe";
import { filledValues } from "./report-files";

const describeE2E = haveChromium ? describe : describe.skip;
jest.setTimeout(30 * 60 * 1000);

const form = builtInForm();

/* ------------------------------------------------------------------ the returns ----------- */

const MISSING = ["XA-SONG-VAN", "XA-TAN-TRUNG"];
const LATE = ["XA-NGOC-VAN", "P-Y-TE"];
const WITH_ERROR = "XA-VIET-LAP";
const CORRECTED = "XA-CAO-XA";
const BASE_TIME = Date.UTC(2019, 10, 28, 8);

/** The same zip with another end-of-archive comment: other bytes, the same workbook. */
function withZipComment(bytes: Buffer, comment: string): Buffer {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return Buffer.concat([bytes, Buffer.from(comment)]); // not a zip: bytes appended
  const len = Buffer.alloc(2);
  const c = Buffer.from(comment, "latin1");
  len.writeUInt16LE(c.length);
  return Buffer.concat([bytes.subarray(0, eocd + 20), len, c]);
}

/** The 42 returns, made once into `dir`. */
async function baseReturns(dir: string): Promise<string[]> {
  const done = path.join(dir, ".complete");
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const units = form.units.filter((u) => !MISSING.includes(u.code));
    for (const [i, unit] of units.entries()) {
      const date = LATE.includes(unit.code) ? "2019-12-05" : "2019-11-28";
      const bytes = await writeReturn(form, {
        unit,
        seed: 100 + i,
        date,
        ruleError: unit.code === WITH_ERROR,
      });
      fs.writeFileSync(path.join(dir, `bao-cao_${unit.code.toLowerCase()}.xlsx`), bytes);
    }
    const cx = form.units.find((u) => u.code === CORRECTED);
    if (!cx) throw new Error("no Cao Xá");
    const fixed = await writeReturn(form, { unit: cx, seed: 999, date: "2019-11-30" });
    fs.writeFileSync(path.join(dir, `bao-cao_${CORRECTED.toLowerCase()}_sua-lai.xlsx`), fixed);
    fs.writeFileSync(path.join(dir, "ghi-chu.xlsx"), "Đây là ghi chú, không phải báo cáo.\n");
    fs.writeFileSync(done, "");
  }
  const files = fs.readdirSync(dir).filter((f) => !f.startsWith("."));
  files.sort();
  files.forEach((f, i) =>
    fs.utimesSync(path.join(dir, f), new Date(BASE_TIME), new Date(BASE_TIME + i * 1000))
  );
  return files.map((f) => path.join(dir, f));
}

/** `copies` versions of each base file (the first is the file itself), in `dir`. */
function copiesOf(base: string[], copies: number, dir: string): string[] {
  const done = path.join(dir, ".complete");
  const out: string[] = [];
  const write = !fs.existsSync(done);
  if (write) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  for (let k = 0; k < copies; k++)
    for (const [i, file] of base.entries()) {
      const name = k === 0 ? path.basename(file) : `ban-${String(k).padStart(3, "0")}_${path.basename(file)}`;
      const target = path.join(dir, name);
      if (write)
        fs.writeFileSync(
          target,
          k === 0 ? fs.readFileSync(file) : withZipComment(fs.readFileSync(file), `ban ${k}`)
        );
      const t = new Date(BASE_TIME + k * 3_600_000 + i * 1000);
      fs.utimesSync(target, t, t);
      out.push(target);
    }
  if (write) fs.writeFileSync(done, "");
  return out;
}

/* ------------------------------------------------------------------ page helpers ---------- */

type Win = E2EWindow & {
  __longtasks: { start: number; duration: number }[];
  __changeAt: number;
};
/** Every long task of the page, from its load on. */
const OBSERVE_LONG_TASKS = `
  window.__longtasks = [];
  // When the page gets the picked files: a task before it is the browser's own (building the FileList).
  document.addEventListener("change", () => { window.__changeAt = performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
`;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  return Math.round((used / 1048576) * 10) / 10;
}

/* ------------------------------------------------------------------ the test -------------- */

describeE2E("Merge tab at scale, protected sheet, accessibility", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: http.Server;
  let base: string;
  const findings: Finding[] = [];
  const cache = path.join(os.tmpdir(), "bdg-merge-scale-v1");
  let files42: string[] = [];

  const open = async (tab: string) => {
    await page.goto(`${base}/taskpane.html?tab=${tab}`);
    await page.locator(`[data-testid="panel-${tab}"]:not([hidden])`).waitFor({ timeout: 30_000 });
  };
  const axeBoth = async (state: string) => {
    for (const width of [320, 480]) {
      await page.setViewportSize({ width, height: 760 });
      findings.push(...(await axeFindings(page, state)));
    }
    await page.setViewportSize({ width: 320, height: 760 });
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (UPDATE_GUIDE_IMAGES) fs.mkdirSync(DOCS_IMG, { recursive: true });
    files42 = await baseReturns(path.join(cache, "42"));
    const build = ensureBuild();
    console.log(`[merge-scale] task pane build: ${build.how}`);
    ({ server, base } = await serve(build.dir));
    browser = await launchChromium();
    // Reduced motion: axe measures colours after Fluent's transitions, not in the middle of a fade.
    context = await browser.newContext({
      viewport: { width: 320, height: 760 },
      deviceScaleFactor: 1.5,
      locale: "vi-VN",
      reducedMotion: "reduce",
    });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    await routeOutside(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** Picks `files`, waits for the results and the sheets written; returns the numbers. */
  async function mergeRun(files: string[], label: string, cpuSlowdown = 1) {
    await open("merge");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    const heapBefore = await heapMB(page);
    const t0page = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByTestId("merge-counts").waitFor({ timeout: 20 * 60_000 });
    const tRead = Date.now() - t0;
    const t1page = await page.evaluate(() => performance.now());
    const counts = await page.getByTestId("merge-counts").innerText();
    const focused = await page.evaluate(() => document.activeElement?.id ?? "");
    await page.getByTestId("merge-write").click();
    await page.getByTestId("merge-written").waitFor({ timeout: 20 * 60_000 });
    const tWritten = Date.now() - t0;
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await cdp.detach();
    const { tasks, changeAt } = await page.evaluate(() => {
      const w = window as unknown as Win;
      return { tasks: w.__longtasks, changeAt: w.__changeAt };
    });
    // Tasks from the moment the page got the files (the one running then is the browser building
    // the FileList, the change event at its very end: it is printed apart).
    const ours = tasks.filter((x) => x.start >= changeAt && x.start <= t1page);
    const browserOwn = tasks.filter(
      (x) => x.start >= t0page && x.start < changeAt && x.start + x.duration > changeAt
    );
    const longest = Math.round(Math.max(0, ...ours.map((x) => x.duration)));
    const longestAll = Math.round(
      Math.max(0, ...tasks.filter((x) => x.start >= changeAt).map((x) => x.duration))
    );
    const heapAfter = await heapMB(page);
    const at = (x: { start: number; duration: number }) =>
      `${Math.round(x.duration)} ms at ${((x.start - t0page) / 1000).toFixed(1)} s`;
    const top = [...ours]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map(at);
    const line =
      `[merge-scale] ${label}: selection → read ${(tRead / 1000).toFixed(1)} s, ` +
      `→ written ${(tWritten / 1000).toFixed(1)} s; longest task while reading ${longest} ms ` +
      `(${ours.length} tasks over 50 ms: ${top.join(", ") || "none"}; reading ended at ${((t1page - t0page) / 1000).toFixed(1)} s), ` +
      `up to written ${longestAll} ms; the browser's FileList task at the selection: ${browserOwn.map(at).join(", ") || "none"}; ` +
      `JS heap ${heapBefore} MB before, ${heapAfter} MB after reading and writing`;
    console.log(line);
    fs.appendFileSync(path.join(ARTIFACTS, "merge-scale.txt"), `${line}\n`);
    return { tRead, tWritten, longest, heapAfter, counts, focused };
  }

  async function expectUnitsNamed(copies: number, run: { counts: string; focused: string }) {
    const name = (code: string) => form.units.find((u) => u.code === code)?.name ?? code;
    const missing = await page.getByTestId("units-missing").innerText();
    for (const c of MISSING) expect(missing).toContain(name(c));
    const late = await page.getByTestId("units-late").innerText();
    for (const c of LATE) expect(late).toContain(`${name(c)} (ngày 05/12/2019)`);
    const errors = await page.getByTestId("units-errors").innerText();
    expect(errors).toMatch(new RegExp(`${name(WITH_ERROR)} \\(\\d+ lỗi\\)`));
    expect(run.counts).toBe(
      `Đã đọc ${42 * copies} tệp: 40 được dùng, ${41 * copies - 40} bị thay thế, ${copies} bị từ chối.`
    );
    await page.getByTestId("unit-files").nth(39).waitFor(); // drawn in a deferred render
    expect(await page.getByTestId("unit-files").count()).toBe(40);
    // Focus was on the results' heading after reading.
    expect(run.focused).toBe("merge-units-title");
  }

  it("42 files: the units to chase named; picked again, nothing is read twice", async () => {
    await expectUnitsNamed(1, await mergeRun(files42, "42 files"));
    await page.getByTestId("file-input").setInputFiles(files42);
    await page.getByText("42 tệp đã đọc trước đó, bỏ qua.").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("merge-counts").innerText()).toContain("Đã đọc 42 tệp:");
  });

  it("420 files: the same units named; at 4× slower CPU too", async () => {
    const files = copiesOf(files42, 10, path.join(cache, "420"));
    await expectUnitsNamed(10, await mergeRun(files, "420 files"));
    await expectUnitsNamed(10, await mergeRun(files, "420 files, CPU 4× slower", 4));
  });

  it("420 files, cancelled then picked again: the files read before the cancel are skipped", async () => {
    const files = copiesOf(files42, 10, path.join(cache, "420"));
    await open("merge");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 }); // time to press "Hủy"
    await page.getByTestId("file-input").setInputFiles(files);
    await page.waitForFunction(
      () => Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow") ?? 0) >= 40
    );
    await page.getByTestId("merge-cancel").click();
    const counts = page.getByTestId("merge-counts");
    await counts.waitFor({ timeout: 120_000 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await cdp.detach();
    const m = /Đã hủy sau (\d+)\/420 tệp/.exec(await counts.innerText());
    expect(m).not.toBeNull();
    const done = Number(m?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(420);
    await shot(page, "merge-scale-cancelled");
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByText(`${done} tệp đã đọc trước đó, bỏ qua.`).waitFor({ timeout: 10 * 60_000 });
    expect(await counts.innerText()).toContain(
      "Đã đọc 420 tệp: 40 được dùng, 370 bị thay thế, 10 bị từ chối."
    );
    console.log(
      `[merge-scale] cancelled after ${done}/420; picked again: ${done} skipped, ${420 - done} read`
    );
  });

  it("4,200 files: the same units named, a list of 40 units", async () => {
    const files = copiesOf(files42, 100, path.join(cache, "4200"));
    await expectUnitsNamed(100, await mergeRun(files, "4,200 files"));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const buttons = await page.locator("button:visible").count();
    console.log(`[merge-scale] 4,200 files: page ${height} px high, ${buttons} buttons`);
  });

  it("checks a report on a sheet locked with a password: the issues listed, one line on the colours", async () => {
    await open("template");
    await axeBoth("template: start");
    const combo = page.getByRole("combobox", { name: "Đơn vị nhận mẫu" });
    await combo.click();
    await combo.fill("viet lap");
    await axeBoth("template: unit list open");
    await page.getByRole("option", { name: "Xã Việt Lập" }).click();
    await page.getByTestId("template-password").fill("mat-khau-2019");
    await page.getByText("Có mật khẩu thì đơn vị không mở khóa được trang tính").waitFor();
    await axeBoth("template: password warning");
    await shot(page, "13-mau-bao-cao-mat-khau", true);
    await page.getByRole("button", { name: "Chèn vào sổ đang mở" }).click();
    await page.getByText("Đã chèn mẫu vào sổ đang mở").waitFor({ timeout: 60_000 });
    await axeBoth("template: inserted");

    // The unit fills its open input cells; I.2 female above total, and a number typed as text.
    const { positions } = buildTemplate(form, { unitCode: WITH_ERROR });
    const values = filledValues(form, form.units.find((u) => u.code === WITH_ERROR) ?? null, 5);
    const i2 = form.byCode.get("I.2");
    const i1 = form.byCode.get("I.1");
    if (!i2 || !i1) throw new Error("form without I.1/I.2");
    values.set(i2.cells[0].name, 50);
    values.set(i2.cells[1].name, 80);
    values.set(i1.cells[0].name, "'1.234"); // typed as text
    const writes: [string, CellScalar][] = [...values].map(([n, v]) => [positions.cells[n], v]);
    const locked = await page.evaluate(
      ({ sheet, writes }) => {
        const s = (window as unknown as Win).__BDG_E2E_FAKE__.fake.sheet(sheet);
        const was = s.protection.protected;
        s.protection.protected = false; // the fake's shortcut for typing into unlocked cells
        for (const [address, v] of writes)
          (window as unknown as Win).__BDG_E2E_FAKE__.fake.setValues(sheet, address, [[v]]);
        s.protection.protected = was;
        return was;
      },
      { sheet: REPORT_SHEET, writes }
    );
    expect(locked).toBe(true);

    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await axeBoth("check: start");
    await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
    await page.getByTestId("issue-list").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("check-protected").innerText()).toContain(
      "trang tính đang khóa bằng mật khẩu"
    );
    expect(await page.getByTestId("issue").count()).toBeGreaterThanOrEqual(2);
    const list = await page.getByTestId("issue-list").innerText();
    expect(list).toContain("được hiểu là 1234 (dấu chấm hoặc dấu cách ngăn cách hàng nghìn)");
    expect(list).not.toMatch(/"/); // typographic quotes only
    expect(await page.getByTestId("error-bar").count()).toBe(0);
    await shot(page, "12-kiem-tra-trang-khoa", true);
    await axeBoth("check: issues on a locked sheet");
    await page.getByRole("button", { name: "Xóa tô màu" }).click();
    await page.getByText("Đã xóa tô màu").waitFor();
    await axeBoth("check: colours cleared");
  });

  it("axe-core: no finding of ours in any state of the Merge tab, at 320 and 480 px", async () => {
    await open("merge");
    await axeBoth("merge: empty");
    await page.getByTestId("file-input").setInputFiles(files42);
    await page.getByTestId("merge-counts").waitFor({ timeout: 120_000 });
    await axeBoth("merge: results by unit");
    await shot(page, "10-tong-hop-theo-don-vi", true);
    await page.getByTestId("merge-others").first().click();
    await page.getByTestId("merge-use").first().waitFor();
    await axeBoth("merge: other versions open");
    await page.getByTestId("verdict-list").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById("merge-files-title")?.scrollIntoView());
    await shot(page, "11-tong-hop-tep-theo-don-vi", true);
    await page.getByTestId("merge-use").first().click();
    await page.getByTestId("merge-chosen").waitFor({ timeout: 120_000 });
    await axeBoth("merge: file chosen");
    await page.getByTestId("merge-copy").click();
    await page.getByTestId("merge-notice").waitFor();
    await axeBoth("merge: message copied (or shown)");
    await page.getByTestId("merge-write").click();
    await page.getByTestId("merge-written").waitFor({ timeout: 120_000 });
    await axeBoth("merge: written");
    await page.getByTestId("merge-reset").click();
    await page.getByRole("alertdialog").waitFor();
    await axeBoth("merge: start over?");
    // (the modal hides the page's scroll bar: a plain screenshot, no width check)
    await page.screenshot({ path: path.join(ARTIFACTS, "merge-scale-reset-dialog.png") });
    await page.getByTestId("merge-reset-keep").click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });

    // The guide the pane links to is published with it.
    const href = await page.getByTestId("panel-merge").getByTestId("help-link").getAttribute("href");
    const guide = await page.request.get(new URL(href ?? "", page.url()).toString());
    expect(guide.status()).toBe(200);
    expect(await guide.text()).toContain('id="4-tổng-hợp"');

    const ours = findings.filter((f) => !f.library);
    const library = findings.filter((f) => f.library);
    const summary = summarizeFindings;
    console.log(
      `[merge-scale] axe: ${findings.length} findings; library (Fluent: tabster focus helpers, e.g. the TabList's): ${summary(library).join(" | ") || "none"}`
    );
    fs.writeFileSync(path.join(ARTIFACTS, "axe-findings.json"), JSON.stringify(findings, null, 2));
    expect(summary(ours)).toEqual([]);
  });
});
