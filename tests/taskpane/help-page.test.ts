/**
 * The guide the pane links to (src/taskpane/HelpLink.tsx): assets/huong-dan.html, made from
 * docs/HUONG-DAN.md by scripts/guide-html.js and published with the pane (webpack copies assets/*).
 */
import * as fs from "fs";
import * as path from "path";
import { SOURCE, TARGET, guideHtml, slug } from "../../scripts/guide-html";
import { HELP_URL } from "../../src/taskpane/HelpLink";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the guide page", () => {
  const html = fs.readFileSync(TARGET, "utf8");

  it("is made from the current guide (run `node scripts/guide-html.js` after editing docs/HUONG-DAN.md)", () => {
    expect(html).toBe(guideHtml(fs.readFileSync(SOURCE, "utf8")));
  });

  it("is where the pane's link points, and has the sections the tabs open at", () => {
    expect(path.join(ROOT, HELP_URL)).toBe(TARGET);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const tabs = fs
      .readdirSync(path.join(ROOT, "src", "taskpane"))
      .filter((f) => f.endsWith(".tsx"))
      .map((f) => fs.readFileSync(path.join(ROOT, "src", "taskpane", f), "utf8"));
    const sections = tabs.flatMap((src) =>
      [...src.matchAll(/<HelpLink section="([^"]+)"/g)].map((m) => m[1])
    );
    expect(sections.sort()).toEqual(["2-mẫu-báo-cáo", "3-kiểm-tra", "4-tổng-hợp"]);
    for (const s of sections) expect(ids).toContain(s);
    // Every link inside the page lands on a heading.
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(decodeURIComponent(m[1]));
  });

  it("says what each picture shows, and needs no other file", () => {
    expect(html).toContain("[Hình: Kết quả theo đơn vị sau khi đọc]");
    expect(html).not.toMatch(/<img|src=/);
    expect(slug("4. Tổng hợp")).toBe("4-tổng-hợp");
  });
});
