/**
 * The task pane's bundle budget, checked on the production build in dist/ (CI runs `npm run
 * build` before the tests). Skipped with a message when dist/ holds no production build.
 */
import * as fs from "fs";
import * as path from "path";
import { INITIAL_BUDGET_BYTES, bundleReport, formatReport, initialScripts } from "../../scripts/bundle-size";

const DIST = path.resolve(__dirname, "..", "..", "dist");
const html = path.join(DIST, "taskpane.html");
// A development build (`[name].js` without a content hash) is not minified: its sizes mean nothing.
const production =
  fs.existsSync(html) &&
  initialScripts(fs.readFileSync(html, "utf8")).every((f) => /\.[0-9a-f]{8}\.js$/.test(f));
if (!production) console.log("[bundle-size] skipped: no production build in dist/ (run `npm run build`)");
const maybe = production ? it : it.skip;

describe("task pane bundle", () => {
  it("finds the page's own scripts, not office.js from the CDN", () => {
    expect(
      initialScripts(
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer="defer" src="vendor.1234abcd.js"></script><script src=taskpane.js></script>'
      )
    ).toEqual(["vendor.1234abcd.js", "taskpane.js"]);
  });

  it("counts the inert bundle tags that the page's ES5 check starts", () => {
    expect(
      initialScripts(
        '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script type=text/x-bdg-bundle data-src=vendor.1234abcd.js></script><script type="text/x-bdg-bundle" data-src="taskpane.5678abcd.js"></script><script>!function(){}();</script>'
      )
    ).toEqual(["vendor.1234abcd.js", "taskpane.5678abcd.js"]);
  });

  maybe("keeps the initial JavaScript within 300 KB gzip and exceljs in a lazy chunk", () => {
    const r = bundleReport(DIST);
    console.log(formatReport(r));
    expect(r.budget).toBe(INITIAL_BUDGET_BYTES);
    expect(r.initialGzip).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES);
    expect(r.exceljsInInitial).toEqual([]);
    expect(r.exceljsChunk).not.toBeNull();
    // What the add-in inside Excel does not need at start is fetched later: the browser mode (the
    // tasks on files outside Excel), the Form tab, the definition reader and writer.
    expect(r.initial.map((c) => c.file.replace(/\.[0-9a-f]{8}\.js$/, ""))).toEqual(["vendor", "taskpane"]);
    const lazy = r.lazy.map((c) => c.file.replace(/\.[0-9a-f]{8}\.js$/, ""));
    expect(lazy).toEqual(expect.arrayContaining(["browser", "form-tab", "definition", "definition-writer"]));
  });
});
