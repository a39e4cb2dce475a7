/**
 * The browser mode's offline worker as built: scripts/service-worker-plugin.js keeps the page and
 * its chunks (not source maps, the manifest, the ribbon's commands page or the icons) and writes
 * them and a version into src/taskpane/service-worker.js.
 */
import * as fs from "fs";
import * as path from "path";
import { precacheList } from "../scripts/service-worker-plugin";

const TEMPLATE = path.join(__dirname, "..", "src", "taskpane", "service-worker.js");

describe("the offline worker", () => {
  it("keeps the page and every chunk, initial and lazy, and nothing else", () => {
    const built = [
      "taskpane.html",
      "commands.html",
      "vendor.930d55ac.js",
      "vendor.930d55ac.js.map",
      "vendor.930d55ac.js.LICENSE.txt",
      "taskpane.8507924d.js",
      "browser.2a605312.js",
      "exceljs.e385ffa2.js",
      "form-tab.0e5eb95f.js",
      "commands.4521d1d1.js",
      "manifest.xml",
      "assets/icon-32.png",
      "sw.js",
    ];
    expect(precacheList(built)).toEqual([
      "browser.2a605312.js",
      "exceljs.e385ffa2.js",
      "form-tab.0e5eb95f.js",
      "taskpane.8507924d.js",
      "taskpane.html",
      "vendor.930d55ac.js",
    ]);
  });

  it("has the two placeholders the build fills, and leaves office.js uncached", () => {
    const source = fs.readFileSync(TEMPLATE, "utf8");
    expect(source).toContain("self.__BDG_PRECACHE__");
    expect(source).toContain('"__BDG_VERSION__"');
    expect(source).toMatch(/OFFICE_JS_ORIGIN = "https:\/\/appsforoffice\.microsoft\.com"/);
    // office.js is answered from the network or with an empty script, never put in the cache.
    const officeJs = source.slice(
      source.indexOf("function officeJs"),
      source.indexOf('self.addEventListener("install"')
    );
    expect(officeJs).not.toMatch(/cache\.put|caches\.open/);
  });
});
