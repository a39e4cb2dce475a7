/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
// acorn comes with webpack (a devDependency): a parser that knows exactly which syntax is ES5.
import { parse } from "acorn";

/** src/taskpane/old-webview.js, an ES5 browser script that exports itself to CommonJS for tests. */
interface OldWebviewCheck {
  isOldWebview(userAgent: string | undefined): boolean;
  pageAddress(href: string | undefined): string;
  run(win: CheckWindow): string[];
  BUNDLE_TYPE: string;
}
interface CheckWindow {
  navigator: { userAgent: string };
  document: Document;
  location?: { href: string };
  Office?: { initialize?: unknown };
}

const SOURCE = path.resolve(__dirname, "..", "..", "src", "taskpane", "old-webview.js");
const TEMPLATE = path.resolve(__dirname, "..", "..", "src", "taskpane", "taskpane.html");
const check = jest.requireActual<OldWebviewCheck>(SOURCE);

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  ie10: "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)",
  edgeLegacy:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
  chrome:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  macWebKit: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

/** The page as taskpane.html has it: the real #root fallback and message, two inert bundle tags. */
function loadPage(): void {
  const template = new DOMParser().parseFromString(fs.readFileSync(TEMPLATE, "utf8"), "text/html");
  document.body.innerHTML = "";
  for (const id of ["root", "old-webview"]) {
    const el = template.getElementById(id);
    if (!el) throw new Error(`taskpane.html has no #${id}`);
    document.body.appendChild(document.importNode(el, true));
  }
  for (const src of ["vendor.1234abcd.js", "taskpane.5678abcd.js"]) {
    const tag = document.createElement("script");
    tag.setAttribute("type", check.BUNDLE_TYPE);
    tag.setAttribute("data-src", src);
    document.body.appendChild(tag);
  }
}

const startedScripts = () =>
  Array.from(document.querySelectorAll("script[src]")).map((s) => ({
    src: s.getAttribute("src"),
    async: (s as HTMLScriptElement).async,
  }));

describe("isOldWebview", () => {
  it("is true in Internet Explorer (Trident, MSIE) and Edge Legacy (EdgeHTML)", () => {
    expect([UA.ie11, UA.ie10, UA.edgeLegacy].map(check.isOldWebview)).toEqual([true, true, true]);
  });

  it("is false in WebView2 / Chromium Edge ('Edg/'), Chrome, Firefox, Safari/WKWebView and without a user agent", () => {
    const others = [UA.webView2, UA.chrome, UA.firefox, UA.macWebKit, "", undefined];
    expect(others.map(check.isOldWebview)).toEqual(others.map(() => false));
  });
});

describe("run", () => {
  beforeEach(loadPage);

  it.each([
    ["IE11", UA.ie11],
    ["Edge Legacy", UA.edgeLegacy],
  ])("in %s shows the message instead of the fallback and starts nothing", (_name, userAgent) => {
    const office: { initialize?: unknown } = {};
    expect(check.run({ navigator: { userAgent }, document, Office: office })).toEqual([]);

    const message = document.getElementById("old-webview");
    expect(message?.style.display).toBe("block");
    expect(document.getElementById("root")?.childNodes).toHaveLength(0);
    expect(document.body.textContent).not.toContain("Đang tải");
    expect(startedScripts()).toEqual([]);
    expect(typeof office.initialize).toBe("function"); // Office is told the pane is ready
  });

  it("elsewhere removes the message and starts the bundle tags in order", () => {
    const office: { initialize?: unknown } = {};
    const started = check.run({ navigator: { userAgent: UA.webView2 }, document, Office: office });

    expect(started).toEqual(["vendor.1234abcd.js", "taskpane.5678abcd.js"]);
    expect(startedScripts()).toEqual([
      { src: "vendor.1234abcd.js", async: false },
      { src: "taskpane.5678abcd.js", async: false },
    ]);
    expect(document.getElementById("old-webview")).toBeNull();
    expect(document.getElementById("root")?.textContent).toContain("Đang tải");
    expect(office.initialize).toBeUndefined(); // the bundle calls Office.onReady itself
  });

  it("names the page's address (without ?tab=), where a modern browser opens the tools on files", () => {
    const href = "https://static.example.gov.vn/bdg-report/taskpane.html?tab=merge#x";
    check.run({ navigator: { userAgent: UA.ie11 }, document, location: { href } });
    const slots = Array.from(document.querySelectorAll("#old-webview [data-bdg-address]"));
    expect(slots).toHaveLength(2);
    for (const s of slots)
      expect(s.textContent).toBe("https://static.example.gov.vn/bdg-report/taskpane.html");
    expect(check.pageAddress(undefined)).toBe("");
  });

  it("works without office.js (CDN unreachable)", () => {
    expect(check.run({ navigator: { userAgent: UA.ie11 }, document })).toEqual([]);
    expect(document.getElementById("old-webview")?.style.display).toBe("block");
  });
});

describe("the script and its message", () => {
  it("is ES5 (no let/const, arrows, template literals…): it must parse in Internet Explorer 11", () => {
    const source = fs.readFileSync(SOURCE, "utf8");
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse("var f = () => 1;", { ecmaVersion: 5, sourceType: "script" })).toThrow();
    expect(source).not.toMatch(/<\/script/i); // it is inlined into a <script> element
  });

  it("says it in Vietnamese first, then English: what still works and what to ask IT for", () => {
    loadPage();
    const parts = Array.from(document.querySelectorAll("#old-webview [lang]"));
    expect(parts.map((p) => p.getAttribute("lang"))).toEqual(["vi", "en"]);
    const [vi, en] = parts.map((p) => p.textContent?.replace(/\s+/g, " ") ?? "");
    expect(vi).toContain("Phiên bản Excel này quá cũ");
    expect(en).toContain("This Excel is too old");
    expect(vi).toContain("trình duyệt mới (Chrome, Edge hoặc Firefox)");
    expect(en).toContain("in a modern browser (Chrome, Edge or Firefox)");
    for (const text of [vi, en]) {
      expect(text).toContain("Kiểm tra"); // the template's own check column
      expect(text).toContain("npx bdg-report");
      expect(text).toContain("Microsoft 365");
      expect(text).toContain("Excel 2021/2024");
    }
  });
});
