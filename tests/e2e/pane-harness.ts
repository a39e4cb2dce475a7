/**
 * What the end-to-end tests share: the built task pane served over http on 127.0.0.1, headless
 * Chromium (Debian's /usr/bin/chromium through playwright-core), Microsoft's real office.js
 * answered from the installed @microsoft/office-js package (unmodified) at its CDN address with
 * every other outside request aborted, and screenshots.
 *
 * The pane is the end-to-end build (./webpack.e2e.config.js → .tmp/e2e-dist/): the production
 * configuration with ./pane-entry.ts as the task pane's entry, which starts the pane with the
 * recording fake (tests/excel/fake-excel.ts) as its Excel host and puts the fake's handle on
 * `window.__BDG_E2E_FAKE__` for the tests. dist/ (`npm run build`) holds no test code, so it is
 * never served here. The browser mode's test serves the production configuration itself, its own
 * entry untouched (`ensureBuild("app")` → .tmp/e2e-app-dist/): no Office host at all.
 *
 * BDG_E2E_SKIP_BUILD=1 reuses the existing build without checking it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { missing } from "../external-tools";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = path.resolve(__dirname, "..", "..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
export const DOCS_IMG = path.join(ROOT, "docs", "img");
export const UPDATE_GUIDE_IMAGES = process.env.BDG_UPDATE_GUIDE_IMAGES === "1";
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export const haveChromium = !missing("browser (end-to-end) tests", "chromium");

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
  const inputs = [
    "src",
    "assets",
    "manifest.xml",
    "webpack.config.js",
    "scripts/service-worker-plugin.js",
    "package-lock.json",
    "tests/e2e/pane-entry.ts",
    "tests/e2e/webpack.e2e.config.js",
    "tests/excel/fake-excel.ts",
  ].map((p) => path.join(ROOT, p));
  return fs.statSync(html).mtimeMs >= newestMtime(inputs);
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `build` while holding .tmp/e2e-dist.lock, so that end-to-end files running in parallel
 * workers do not write .tmp/e2e-dist/ at the same time (a lock older than 15 minutes is stale).
 */
function withBuildLock(lock: string, build: () => void): void {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = fs.existsSync(lock) ? Date.now() - fs.statSync(lock).mtimeMs : 0;
      if (age > 15 * 60 * 1000) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(1000);
    }
  }
  try {
    build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const BUILDS = {
  /** The pane with the recording fake as its Excel host (./pane-entry.ts). */
  "fake-host": { dir: "e2e-dist", config: path.join("tests", "e2e", "webpack.e2e.config.js") },
  /** The page exactly as `npm run build` makes it (own entry), unminified: no Office host at all. */
  app: { dir: "e2e-app-dist", config: "webpack.config.js" },
} as const;

/**
 * The end-to-end build to serve, .tmp/e2e-dist/ (or .tmp/e2e-app-dist/ for "app"): reused when
 * newer than its sources, else built.
 */
export function ensureBuild(kind: keyof typeof BUILDS = "fake-host"): { dir: string; how: string } {
  const { dir, config } = BUILDS[kind];
  const own = path.join(ROOT, ".tmp", dir);
  if (process.env.BDG_E2E_SKIP_BUILD === "1") {
    if (!fs.existsSync(path.join(own, "taskpane.html")))
      throw new Error(`BDG_E2E_SKIP_BUILD=1 but .tmp/${dir}/ holds no build`);
    return { dir: own, how: `reused .tmp/${dir}/ (BDG_E2E_SKIP_BUILD=1)` };
  }
  let how = `reused .tmp/${dir}/ (newer than the sources)`;
  withBuildLock(path.join(ROOT, ".tmp", `${dir}.lock`), () => {
    if (isFresh(own)) return;
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const args = [cli, "--config", path.join(ROOT, config), "--mode", "development", "--output-path", own];
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    how = `built .tmp/${dir}/ (${config}, --mode development)`;
  });
  return { dir: own, how };
}

/* ------------------------------------------------------------------ serving -------------- */

export const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".css": "text/css",
  ".json": "application/json",
  ".zip": "application/zip",
};

/**
 * Serves `dir`; `requests` lists every path asked for, in order. While `host.down` is true every
 * request is cut off unanswered, as an unreachable host (the browser sees a network error).
 */
export function serve(
  dir: string
): Promise<{ server: http.Server; base: string; requests: string[]; host: { down: boolean } }> {
  const requests: string[] = [];
  const host = { down: false };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname);
    if (host.down) {
      req.socket.destroy();
      return;
    }
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
      resolve({ server, base: `http://127.0.0.1:${port}`, requests, host });
    })
  );
}

/* ------------------------------------------------------------------ browser -------------- */

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** What left the page: office.js files served from the package or missing there, other requests aborted. */
export interface OutsideRequests {
  officeServed: string[];
  officeMissing: string[];
  blocked: string[];
}

/** office.js from the installed package at its CDN address, 127.0.0.1 as is, everything else aborted. */
export async function routeOutside(context: BrowserContext): Promise<OutsideRequests> {
  const log: OutsideRequests = { officeServed: [], officeMissing: [], blocked: [] };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      const file = path.normalize(path.join(OFFICE_JS_DIR, rel));
      if (file.startsWith(OFFICE_JS_DIR) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        log.officeServed.push(rel);
        await route.fulfill({
          path: file,
          contentType: TYPES[path.extname(file)] ?? "application/octet-stream",
        });
      } else {
        log.officeMissing.push(rel);
        await route.fulfill({ status: 404, body: "" });
      }
      return;
    }
    const host = new URL(url).hostname;
    if (host === "127.0.0.1" || host === "localhost" || url.startsWith("data:") || url.startsWith("blob:")) {
      await route.continue();
      return;
    }
    log.blocked.push(url);
    await route.abort();
  });
  return log;
}

/** Blocked requests that are not office.js's own telemetry (which the tests abort on purpose). */
export function unexpectedOutside(log: OutsideRequests): string[] {
  return log.blocked.filter(
    (u) => !/^https:\/\/[^/]*\.(oaspapps\.com|microsoft\.com|office\.net|office\.com)\//.test(u)
  );
}

/**
 * A full-page screenshot as a test artifact; for the user guide, the visible pane only (what the
 * officer sees at 320 px), written to docs/img/ with BDG_UPDATE_GUIDE_IMAGES=1. Also checks that
 * nothing is wider than the pane.
 */
export async function shot(page: Page, name: string, guide = false): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (guide && UPDATE_GUIDE_IMAGES) await page.screenshot({ path: path.join(DOCS_IMG, `${name}.png`) });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
}
