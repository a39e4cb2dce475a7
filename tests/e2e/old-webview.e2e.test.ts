/**
 * End to end in headless Chromium: the built task pane opened with the user agents of the old
 * webviews that Excel 2016/2019 (volume-licensed) uses, Internet Explorer 11 (Trident) and Edge
 * Legacy (EdgeHTML). The page's ES5 check (src/taskpane/old-webview.js, inlined in taskpane.html)
 * must show the "this Excel is too old" message at once, never the "Đang tải…" fallback after it,
 * and never start the bundle (which those webviews cannot parse); the message names the page's
 * address, where a modern browser opens the tools on files; with Chromium's own user agent
 * the add-in starts as before. Chromium only pretends to be those webviews here: what is checked
 * is the page's decision and that the inlined check is ES5 (the real IE11 is not available).
 *
 * Screenshots: test-artifacts/e2e/08-webview-cu-ie11.png and 09-webview-cu-edge.png (and the
 * guide's docs/img/ copies with BDG_UPDATE_GUIDE_IMAGES=1). Harness: ./pane-harness.ts.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
// acorn comes with webpack (a devDependency): a parser that knows exactly which syntax is ES5.
import { parse } from "acorn";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEFAULT_OFFICE_READY_TIMEOUT_MS } from "../../src/taskpane/office-host";
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

const describeE2E = haveChromium ? describe : describe.skip;

jest.setTimeout(5 * 60 * 1000);

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGE_LEGACY =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";

/** One state of the page, recorded on every DOM change from the very first one. */
interface Seen {
  ms: number;
  message: boolean;
  loading: boolean;
}
type Win = { __BDG_SEEN__: Seen[] };

/** Runs before any script of the page: records each change of "message shown" / "Đang tải… shown". */
function recordStates(): void {
  const seen: Seen[] = [];
  (window as unknown as Win).__BDG_SEEN__ = seen;
  const record = (): void => {
    const box = document.getElementById("old-webview");
    const message = !!box && getComputedStyle(box).display !== "none";
    const loading = (document.body?.innerText ?? "").includes("Đang tải");
    const last = seen[seen.length - 1];
    if (!last || last.message !== message || last.loading !== loading)
      seen.push({ ms: Math.round(performance.now()), message, loading });
  };
  new MutationObserver(record).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

/** The page's inline scripts (no src, no type): the ES5 check. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
}

describeE2E("task pane in the old webviews of Excel 2016/2019 (IE11, Edge Legacy user agents)", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let served: string[];
  let buildDir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (UPDATE_GUIDE_IMAGES) fs.mkdirSync(DOCS_IMG, { recursive: true });
    const build = ensureBuild();
    console.log(`[e2e] task pane build: ${build.how}`);
    buildDir = build.dir;
    ({ server, base, requests: served } = await serve(build.dir));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** A fresh pane (own context, cache and fake Excel) as seen with `userAgent` (Chromium's if undefined). */
  async function openPane(userAgent: string | undefined) {
    const context = await browser.newContext({
      viewport: { width: 320, height: 760 },
      deviceScaleFactor: 1.5,
      locale: "vi-VN",
      userAgent,
    });
    contexts.push(context);
    const outside: OutsideRequests = await routeOutside(context);
    await context.addInitScript(recordStates);
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`page error: ${String(e)}`));
    page.on("console", (m) => {
      if (m.type() !== "error") return;
      // A request the harness aborted on purpose (office.js's telemetry) is logged by Chromium.
      const aborted = /^Failed to load resource/.test(m.text()) && outside.blocked.includes(m.location().url);
      if (!aborted) errors.push(`console error: ${m.text()} (${m.location().url})`);
    });
    return { page, outside, errors, firstRequest: served.length };
  }

  it("inlines an ES5 check into the built taskpane.html, before no bundle tag that would run by itself", () => {
    const html = fs.readFileSync(path.join(buildDir, "taskpane.html"), "utf8");
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(1);
    expect(() => parse(scripts[0], { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // The only executable tag with a src is office.js, in <head>, from Microsoft's CDN.
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toMatch(
      /<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/
    );
    const runnable = [...html.matchAll(/<script\b([^>]*)>/gi)]
      .map((m) => m[1])
      .filter((a) => /\ssrc=/.test(a));
    expect(runnable).toHaveLength(1);
    expect(html).toMatch(/<script type="?text\/x-bdg-bundle"? data-src="?taskpane\./);
  });

  it.each([
    ["Internet Explorer 11", IE11, "08-webview-cu-ie11"],
    ["Edge Legacy", EDGE_LEGACY, "09-webview-cu-edge"],
  ])("%s: the message at once, never 'Đang tải…' after it, no bundle, no error", async (_n, ua, name) => {
    const { page, outside, errors, firstRequest } = await openPane(ua);
    await page.goto(`${base}/taskpane.html?tab=template`, { waitUntil: "domcontentloaded" });
    // Shown by the time the document is parsed: the check runs during parsing, before any timer.
    const message = page.locator("#old-webview");
    expect(await message.isVisible()).toBe(true);
    // Wait past the time the add-in would give office.js, so that a late start would show.
    await page.waitForLoadState("load");
    await page.waitForTimeout(DEFAULT_OFFICE_READY_TIMEOUT_MS + 1000);

    const seen = await page.evaluate(() => (window as unknown as Win).__BDG_SEEN__);
    const shownAt = seen.findIndex((s) => s.message);
    console.log(`[e2e] ${name}: message shown ${seen[shownAt]?.ms} ms after navigation start`);
    expect(shownAt).toBeGreaterThanOrEqual(0);
    expect(seen.slice(shownAt)).toEqual(
      seen.slice(shownAt).map((s) => ({ ...s, message: true, loading: false }))
    );

    const text = (await message.innerText()).replace(/\s+/g, " ");
    expect(text.indexOf("Phiên bản Excel này quá cũ")).toBeLessThan(text.indexOf("This Excel is too old"));
    for (const words of ["Kiểm tra", "npx bdg-report", "Microsoft 365", "Excel 2021/2024"])
      expect(text).toContain(words);
    // The same address in a modern browser: the tools on files (the browser mode).
    expect(text).toContain(`mở địa chỉ ${base}/taskpane.html trong một trình duyệt mới`);
    expect(text).toContain(`open ${base}/taskpane.html in a modern browser`);
    // Nothing else: no React root content, no bundle script requested, no error.
    expect(await page.locator("#root").evaluate((el) => el.innerHTML)).toBe("");
    expect(await page.locator("[data-testid], .fui-FluentProvider").count()).toBe(0);
    expect(served.slice(firstRequest).filter((p) => p.endsWith(".js"))).toEqual([]);
    expect(outside.officeServed).toContain("office.js"); // still loaded first, as Microsoft recommends
    expect(
      await page.evaluate(() => typeof (window as { Office?: { initialize?: unknown } }).Office?.initialize)
    ).toBe("function");
    expect(unexpectedOutside(outside)).toEqual([]);
    expect(errors).toEqual([]);
    await shot(page, name, true);
  });

  it("Chromium's own user agent still starts the add-in: bundle loaded, no message", async () => {
    const { page, outside, errors, firstRequest } = await openPane(undefined);
    await page.goto(`${base}/taskpane.html?tab=template`);
    await page.getByRole("tab", { name: "Mẫu báo cáo", selected: true }).waitFor({ timeout: 30_000 });

    const scripts = served.slice(firstRequest).filter((p) => p.endsWith(".js"));
    expect(scripts).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/vendor\./), expect.stringMatching(/^\/taskpane\./)])
    );
    expect(await page.locator("#old-webview").count()).toBe(0);
    const seen = await page.evaluate(() => (window as unknown as Win).__BDG_SEEN__);
    expect(seen.some((s) => s.message)).toBe(false);
    expect(
      await page.evaluate(() => typeof (window as { Office?: { onReady?: unknown } }).Office?.onReady)
    ).toBe("function");
    expect(unexpectedOutside(outside)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
