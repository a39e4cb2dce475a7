/**
 * The browser mode end to end: the page exactly as `npm run build` makes it (its own entry, no
 * test code; ./pane-harness.ts `ensureBuild("app")`, unminified), opened in headless Chromium as a
 * plain web page — no Office host at all. Microsoft's real office.js is answered from the
 * installed package (it loads, and says there is no host); every other outside request is aborted.
 * The page's clock is fixed on 10/12/2019 (Vietnam), the day the command line is given with
 * `--date`, so that nothing depends on the real date.
 *
 * Steps: the banner and the offline worker; one unit's template and every unit's as a .zip
 * (named as `template --all-units` names them, each read back as its unit's); a returned file
 * checked; 42 files merged (results by unit: missing, late, with errors; by file: superseded,
 * rejected) and the summary downloaded — compared with `bdg-report merge … --json` of the same
 * files: same totals, statuses and verdicts, and the same cells on every sheet; then, the host
 * down and the network off, the page reloaded from the worker's cache: office.js cannot load, the
 * browser mode starts and still makes a template. axe-core in every state reached: nothing of ours.
 *
 * Screenshots: test-artifacts/e2e/30-trinh-duyet*.png … 33 (docs/img/ with BDG_UPDATE_GUIDE_IMAGES=1).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Download, Page, Route } from "playwright-core";
import { builtInForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { NARRATIVE_SHEET, STATUS_SHEET, SUMMARY_SHEET } from "../../src/layout/summary";
import type { MergeReportJson } from "../../src/merge/json";
import { inspectFile } from "../../src/xlsx/reader";
import { templateFileName } from "../../src/xlsx/write-template";
import { readAllSheets } from "../helpers/read-all-sheets";
import {
  ARTIFACTS,
  DOCS_IMG,
  ROOT,
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
import { axeFindings, summarizeFindings, type Finding } from "./axe";
import { filledValues, returnedReport } from "./report-files";

const describeE2E = haveChromium ? describe : describe.skip;

jest.setTimeout(15 * 60 * 1000);

const BIN = path.join(ROOT, "bin", "bdg-report.js");
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";
const TODAY = "2019-12-10";
const form = builtInForm();
const unit = (code: string): Unit => form.units.find((u) => u.code === code) as Unit;

/** The CLI, run in `cwd`; its stdout. */
function cli(args: string[], cwd: string): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A download's bytes, saved under test-artifacts/e2e/browser/ for a look. */
async function saved(download: Download, dir: string): Promise<Uint8Array> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return new Uint8Array(fs.readFileSync(file));
}

/** Every non-blank cell of the summary's sheets, as text, for a cell-by-cell comparison. */
function summaryCells(bytes: Uint8Array): Record<string, Record<string, string>> {
  const all = readAllSheets(bytes);
  if (!all.ok) throw new Error(`the summary does not read: ${all.reason}`);
  const out: Record<string, Record<string, string>> = {};
  for (const name of [SUMMARY_SHEET, STATUS_SHEET, NARRATIVE_SHEET]) {
    const sheet = all.sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    out[name] = Object.fromEntries([...sheet.cells].map(([a, v]) => [a, JSON.stringify(v)]));
  }
  return out;
}

/**
 * The returned files: 40 units (2 never send anything), 3 of them late, one with an error; a
 * corrected report of the first unit, dated later (it supersedes the first); a file that is no
 * workbook. Written once into `dir`; the file names sort as the CLI reads them.
 */
async function returnedFiles(dir: string): Promise<string[]> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const units = form.units.slice(0, 40);
  const i2 = form.byCode.get("I.2")?.cells ?? [];
  const names: string[] = [];
  for (const [i, u] of units.entries()) {
    const late = i >= 10 && i < 13;
    const values = filledValues(form, u, 300 + i, late ? "2019-12-05" : "2019-11-28");
    if (i === 20) {
      values.set(i2[0].name, 10);
      values.set(i2[1].name, 25); // more women than people: an error
    }
    const name = `bao-cao-${String(i + 1).padStart(2, "0")}.xlsx`;
    fs.writeFileSync(path.join(dir, name), await returnedReport(form, u, values));
    names.push(name);
  }
  const corrected = filledValues(form, units[0], 999, "2019-11-30");
  fs.writeFileSync(
    path.join(dir, "bao-cao-01-sua-lai.xlsx"),
    await returnedReport(form, units[0], corrected)
  );
  fs.writeFileSync(path.join(dir, "ghi-chu.xlsx"), "Đây là ghi chú, không phải báo cáo.\n");
  return [...names, "bao-cao-01-sua-lai.xlsx", "ghi-chu.xlsx"].sort();
}

describeE2E("the browser mode in headless Chromium, with no Office host", () => {
  const out = path.join(ARTIFACTS, "browser");
  const returns = path.join(out, "returns");
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: http.Server;
  let host: { down: boolean };
  let base: string;
  let outside: OutsideRequests;
  const pageErrors: string[] = [];
  /** axe-core's findings in each state the steps reach (./axe.ts). */
  const findings: Finding[] = [];
  const axe = async (state: string) => {
    findings.push(...(await axeFindings(page, state)));
  };

  beforeAll(async () => {
    fs.mkdirSync(out, { recursive: true });
    if (UPDATE_GUIDE_IMAGES) fs.mkdirSync(DOCS_IMG, { recursive: true });
    const build = ensureBuild("app");
    console.log(`[e2e] page build: ${build.how}`);
    ({ server, base, host } = await serve(build.dir));
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 800, height: 900 },
      locale: "vi-VN",
      acceptDownloads: true,
    });
    await context.clock.setFixedTime(new Date(`${TODAY}T03:00:00Z`));
    outside = await routeOutside(context);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it("opens in the browser mode: the banner, the tabs, the form line, and the page kept for offline use", async () => {
    await page.goto(`${base}/taskpane.html`);
    const banner = page.getByTestId("browser-banner");
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute("data-reason")).toBe("no-host");
    expect(await banner.innerText()).toContain("Đang chạy ngoài Excel");
    expect(outside.officeServed).toContain("office.js"); // loaded, and it says: no host
    expect(await page.getByTestId("not-in-office").count()).toBe(0);
    expect(await page.getByTestId("form-line").innerText()).toBe("Biểu mẫu: BDG-2019 v1 — hạn 01/12/2019");
    await page.getByTestId("offline-ready").waitFor({ timeout: 60_000 });
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith("bdg-report-")) ?? "");
      return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
    });
    expect(cached).toEqual(
      expect.arrayContaining(["taskpane.html", "vendor.js", "taskpane.js", "browser.js", "exceljs.js"])
    );
    await shot(page, "30-trinh-duyet", true);
    await axe("browser: start");
  });

  it("downloads one unit's template, and every unit's as a .zip named as `template --all-units` names them", async () => {
    await page.getByTestId("btemplate-unit").selectOption("XA-CAO-XA");
    const [one] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "Tải mẫu (.xlsx)" }).click(),
    ]);
    expect(one.suggestedFilename()).toBe("BDG-2019_Xa-Cao-Xa.xlsx");
    const read = inspectFile(await saved(one, out), form);
    expect(read.ok && [read.metaUnitCode, read.issues.filter((i) => i.severity === "error").length]).toEqual([
      "XA-CAO-XA",
      expect.any(Number),
    ]);

    const [all] = await Promise.all([
      page.waitForEvent("download", { timeout: 300_000 }),
      page.getByRole("button", { name: "Tải mẫu của tất cả 42 đơn vị (.zip)" }).click(),
    ]);
    expect(all.suggestedFilename()).toBe("BDG-2019_Tat-ca-don-vi.zip");
    const files = unzipSync(await saved(all, out));
    const dir = path.join(out, "cli-templates");
    fs.rmSync(dir, { recursive: true, force: true });
    cli(["template", "--all-units", dir], ROOT);
    expect(Object.keys(files).sort()).toEqual(fs.readdirSync(dir).sort());
    expect(Object.keys(files)).toEqual(form.units.map((u) => templateFileName(form, u)));
    for (const u of form.units) {
      const r = inspectFile(files[templateFileName(form, u)], form);
      expect(r.ok && r.metaUnitCode).toBe(u.code);
    }
    await page.getByTestId("btemplate-done").waitFor();
    await axe("browser: templates downloaded");
  });

  it("checks a returned file: its errors listed with their cells", async () => {
    const u = unit("XA-CAO-XA");
    const values = filledValues(form, u, 7);
    const [total, female] = form.byCode.get("I.2")?.cells ?? [];
    values.set(total.name, 50);
    values.set(female.name, 80);
    const file = path.join(out, "bao-cao-cao-xa-loi.xlsx");
    fs.writeFileSync(file, await returnedReport(form, u, values));
    const expected = inspectFile(new Uint8Array(fs.readFileSync(file)), form);
    if (!expected.ok) throw new Error(expected.message.en);

    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByTestId("bcheck-input").setInputFiles(file);
    const result = page.getByTestId("bcheck-result");
    await result.waitFor({ timeout: 60_000 });
    const errors = expected.issues.filter((i) => i.severity === "error").length;
    expect(await result.getAttribute("data-errors")).toBe(String(errors));
    expect(await result.getAttribute("data-warnings")).toBe(String(expected.issues.length - errors));
    expect(await result.innerText()).toContain("Đơn vị: Xã Cao Xá");
    const cell = expected.cells.get(female.name)?.address.split("!")[1];
    const first = page.getByTestId("bcheck-issue").first();
    expect(await first.getAttribute("data-severity")).toBe("error");
    expect(await page.getByTestId("bcheck-issues").innerText()).toContain(`I.2 · Ô ${cell}`);
    await shot(page, "31-trinh-duyet-kiem-tra", true);
    await axe("browser: a file checked");
  });

  it("merges 42 files and downloads the summary: the same totals, statuses, verdicts and cells as `bdg-report merge`", async () => {
    const names = await returnedFiles(returns);
    expect(names).toHaveLength(42);
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByTestId("bmerge-input").setInputFiles(names.map((n) => path.join(returns, n)));
    await page.getByTestId("merge-counts").waitFor({ timeout: 300_000 });
    expect(await page.getByTestId("merge-counts").innerText()).toBe(
      "Đã đọc 42 tệp: 40 được dùng, 1 bị thay thế, 1 bị từ chối."
    );
    expect(await page.getByTestId("unit-summary").innerText()).toMatch(
      /^40\/42 đơn vị đã nộp, trong đó 3 nộp muộn; 2 chưa nộp; \d+ có lỗi\.$/
    );
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByTestId("bmerge-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("BDG-2019_Tong-hop.xlsx");
    const summary = await saved(download, out);
    await page.getByTestId("bmerge-downloaded").waitFor();
    await shot(page, "32-trinh-duyet-tong-hop", true);
    await axe("browser: summary downloaded");

    // The same files through the command line, the same day.
    cli(
      [
        "merge",
        ...names,
        "--out",
        "../cli-tong-hop.xlsx",
        "--json",
        "../cli-tong-hop.json",
        "--date",
        TODAY,
        "--quiet",
      ],
      returns
    );
    const json = JSON.parse(fs.readFileSync(path.join(out, "cli-tong-hop.json"), "utf8")) as MergeReportJson;

    // Verdicts: each file's, on the page and in the CLI's report.
    // (a unit's other versions are folded: unfolded here, so that every file is on the page)
    for (const more of await page.getByTestId("merge-others").all()) await more.click();
    for (const more of await page.getByTestId("merge-more-rejected").all()) await more.click();
    await axe("browser: every file shown");
    const onPage = await page
      .getByTestId("verdict")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-file"), e.getAttribute("data-verdict")]));
    expect(Object.fromEntries(onPage)).toEqual(
      Object.fromEntries(json.files.map((f) => [f.file, f.verdict]))
    );
    expect(json.counts).toEqual({ files: 42, accepted: 40, superseded: 1, rejected: 1 });

    // Statuses: the units the page names as missing and late are the CLI's.
    const listed = (kind: string) =>
      page
        .getByTestId(`units-${kind}`)
        .locator("li")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-unit")));
    expect(await listed("missing")).toEqual(
      json.units.filter((u) => u.status === "missing").map((u) => u.code)
    );
    expect(await listed("late")).toEqual(json.units.filter((u) => u.status === "late").map((u) => u.code));
    expect(await listed("errors")).toEqual(
      json.units.filter((u) => u.status !== "missing" && u.errors > 0).map((u) => u.code)
    );

    // Totals: the downloaded summary is itself a report of the form; its TOTAL column reads as the CLI's totals.
    const back = inspectFile(summary, form);
    if (!back.ok) throw new Error(back.message.en);
    const totals = Object.keys(json.totals);
    expect(totals.length).toBeGreaterThan(20);
    for (const name of totals)
      expect([name, back.values.get(name)]).toEqual([name, { type: "number", value: json.totals[name] }]);

    // And every cell of the three sheets — summary, submission status (statuses, verdicts), narratives — is the CLI's.
    const cliSummary = new Uint8Array(fs.readFileSync(path.join(out, "cli-tong-hop.xlsx")));
    expect(summaryCells(summary)).toEqual(summaryCells(cliSummary));
  });

  it("axe-core: no finding of ours in any state reached, the Form tab too", async () => {
    await page.getByRole("tab", { name: "Biểu mẫu" }).click();
    await page.locator('[data-testid="panel-form"]:not([hidden])').waitFor();
    await axe("browser: form tab");
    const ours = findings.filter((f) => !f.library);
    console.log(
      `[e2e] browser mode, axe: ${findings.length} findings; library (Fluent's focus helpers): ${summarizeFindings(findings.filter((f) => f.library)).join(" | ") || "none"}`
    );
    expect(summarizeFindings(ours)).toEqual([]);
  });

  it("offline (host down, no network): reloaded from the worker's cache, the browser mode starts without office.js and makes a template", async () => {
    host.down = true;
    await context.setOffline(true);
    // Microsoft's CDN is out of reach too (the harness otherwise answers office.js from the package).
    const noCdn = (route: Route) => route.abort("internetdisconnected");
    await context.route(`${OFFICE_ORIGIN}/**`, noCdn);
    try {
      await page.goto(`${base}/taskpane.html?tab=template`);
      const banner = page.getByTestId("browser-banner");
      await banner.waitFor({ timeout: 60_000 });
      // Served by the worker: the host itself does not answer.
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const hostAnswers = await page.evaluate(
        (url) =>
          fetch(url, { cache: "no-store" }).then(
            () => true,
            () => false
          ),
        `${base}/manifest.xml`
      );
      expect(hostAnswers).toBe(false);
      expect(await banner.getAttribute("data-reason")).toBe("office-js-missing");
      expect(await banner.innerText()).toContain("Không tải được thư viện Office (office.js)");
      await page.getByTestId("btemplate-unit").selectOption("XA-NGOC-THIEN");
      const [one] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        page.getByRole("button", { name: "Tải mẫu (.xlsx)" }).click(),
      ]);
      expect(one.suggestedFilename()).toBe("BDG-2019_Xa-Ngoc-Thien.xlsx");
      const read = inspectFile(await saved(one, out), form);
      expect(read.ok && read.metaUnitCode).toBe("XA-NGOC-THIEN");
      await shot(page, "33-trinh-duyet-ngoai-tuyen", true);
    } finally {
      await context.unroute(`${OFFICE_ORIGIN}/**`, noCdn);
      await context.setOffline(false);
      host.down = false;
    }
  });

  it("made no request outside 127.0.0.1 and Microsoft's office.js path, and threw no page error", () => {
    expect(unexpectedOutside(outside)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
