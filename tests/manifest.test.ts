/**
 * manifest.xml: offline XSD validation (Microsoft's OfficeApp 1.1 schemas in tests/fixtures) of the
 * development manifest and of the production one (URLs rebased by scripts/manifest-url.js), and
 * checks of what the schema cannot tell (requirement set, locales, icons).
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";
import { DEFAULT_PROD_BASE_URL, productionBaseUrl, transformManifest } from "../scripts/manifest-url";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_DIR = path.join(__dirname, "fixtures", "office-manifest");
const MAIN_XSD = "OfficeAppManifestV1_1.xsd";
const DEV_BASE = "https://localhost:3000/";

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

async function schemaErrors(xml: string): Promise<string[]> {
  const xsds = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
  const file = (fileName: string) => ({
    fileName,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), "utf8"),
  });
  const result = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: file(MAIN_XSD),
    preload: xsds.filter((f) => f !== MAIN_XSD).map(file),
  });
  if (result.valid) return [];
  return result.errors.length > 0 ? result.errors.map((e) => e.rawMessage) : [result.rawOutput];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (buf.subarray(0, 8).toString("hex") !== signature || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function allMatches(re: RegExp, text: string): RegExpMatchArray[] {
  return Array.from(text.matchAll(re));
}

function urlsIn(xml: string): string[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  return allMatches(/https?:\/\/[^"<\s]+/g, withoutComments)
    .map((m) => m[0])
    .filter((u) => !/^https?:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
}

describe("manifest.xml schema", () => {
  it("the schema check is not vacuous: a broken manifest fails", async () => {
    const broken = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>All</Permissions>"
    );
    expect(await schemaErrors(broken)).not.toEqual([]);
    const brokenOverrides = manifest.replace("<TaskpaneId>", "<Unknown/><TaskpaneId>");
    expect(await schemaErrors(brokenOverrides)).not.toEqual([]);
  });

  it("development manifest validates against OfficeAppManifestV1_1.xsd", async () => {
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it("production manifest (default base URL) validates and has no localhost URL left", async () => {
    const prod = transformManifest(manifest, DEFAULT_PROD_BASE_URL);
    expect(await schemaErrors(prod)).toEqual([]);
    expect(prod).not.toMatch(/localhost/);
    const urls = urlsIn(prod);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url === new URL(DEFAULT_PROD_BASE_URL).origin || url.startsWith(DEFAULT_PROD_BASE_URL)).toBe(
        true
      );
    }
    expect(prod).toContain(`<SourceLocation DefaultValue="${DEFAULT_PROD_BASE_URL}taskpane.html"/>`);
    expect(prod).toContain("<AppDomain>https://example.invalid</AppDomain>");
  });

  it("production manifest with ADDIN_BASE_URL validates; the base URL is normalised", async () => {
    const base = productionBaseUrl({ ADDIN_BASE_URL: "https://reports.example.org/bdg" });
    expect(base).toBe("https://reports.example.org/bdg/");
    const prod = transformManifest(manifest, base);
    expect(await schemaErrors(prod)).toEqual([]);
    expect(prod).toContain('DefaultValue="https://reports.example.org/bdg/assets/icon-32.png"');
    expect(prod).toContain("<AppDomain>https://reports.example.org</AppDomain>");
    expect(productionBaseUrl({})).toBe(DEFAULT_PROD_BASE_URL);
    expect(() => productionBaseUrl({ ADDIN_BASE_URL: "http://insecure.example.org/" })).toThrow(/https/);
  });

  it("the webpack build copies the manifest: rebased in production, unchanged in development", async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const makeConfig = require("../webpack.config.js");
    const CopyPlugin = require("copy-webpack-plugin");
    /* eslint-enable @typescript-eslint/no-require-imports */
    type Pattern = { from: string; transform: (content: Buffer, file: string) => Buffer | string };
    const manifestTransform = async (mode: string) => {
      const config = await makeConfig({ WEBPACK_BUILD: true }, { mode });
      const copy = config.plugins.find((p: unknown) => p instanceof CopyPlugin) as { patterns: Pattern[] };
      const pattern = copy.patterns.find((p) => p.from === "manifest*.xml") as Pattern;
      return pattern.transform(Buffer.from(manifest), "manifest.xml").toString();
    };
    expect(await manifestTransform("production")).toBe(transformManifest(manifest, productionBaseUrl()));
    expect(await manifestTransform("development")).toBe(manifest);
  });
});

describe("manifest.xml content", () => {
  it("targets Excel workbooks with ExcelApi 1.8 and ReadWriteDocument", () => {
    expect(manifest).toMatch(/<OfficeApp [^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    const sets = allMatches(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g, manifest).map((m) => [
      m[1],
      m[2],
    ]);
    expect(sets).toEqual([["ExcelApi", "1.8"]]);
    expect(manifest).toContain('<Sets DefaultMinVersion="1.1">');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${DEV_BASE}taskpane.html"/>`);
  });

  it("has a fixed GUID id", () => {
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/Id>/);
  });

  it("is Vietnamese first with en-US overrides on every text", () => {
    expect(manifest).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
    for (const el of ["DisplayName", "Description"]) {
      const m = manifest.match(
        new RegExp(`<${el} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`)
      );
      expect(m).not.toBeNull();
    }
    expect(manifest).toMatch(/<DisplayName DefaultValue="Báo cáo BĐG">/);
    const strings = allMatches(/<bt:String id="([^"]+)"[^>]*?(\/?)>/g, manifest);
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const s of strings) {
      expect({ id: s[1], selfClosing: s[2] }).toEqual({ id: s[1], selfClosing: "" });
    }
    const withOverride = allMatches(
      /<bt:String id="([^"]+)" DefaultValue="[^"]+">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>\s*<\/bt:String>/g,
      manifest
    );
    expect(withOverride.map((m) => m[1])).toEqual(strings.map((m) => m[1]));
  });

  it("every resid used is defined once in Resources", () => {
    const defined = allMatches(/<bt:(?:Image|Url|String) id="([^"]+)"/g, manifest).map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    const used = new Set(allMatches(/resid="([^"]+)"/g, manifest).map((m) => m[1]));
    for (const id of used) expect(defined).toContain(id);
  });

  it("puts a Home-tab group whose buttons open the task pane", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    const actions = allMatches(/<Action xsi:type="([^"]+)">\s*<TaskpaneId>([^<]+)<\/TaskpaneId>/g, manifest);
    expect(actions.length).toBeGreaterThanOrEqual(1);
    expect(allMatches(/<Action /g, manifest).length).toBe(actions.length);
    for (const a of actions) expect(a[1]).toBe("ShowTaskpane");
    const taskpaneUrls = allMatches(/<bt:Url id="Taskpane[^"]*" DefaultValue="([^"]+)"/g, manifest).map(
      (m) => m[1]
    );
    for (const url of taskpaneUrls) expect(url.startsWith(`${DEV_BASE}taskpane.html`)).toBe(true);
    expect(manifest).toContain(`<bt:Url id="Commands.Url" DefaultValue="${DEV_BASE}commands.html"/>`);
  });

  it("group and buttons carry 16/32/80 icons", () => {
    const icons = allMatches(/<Icon>([\s\S]*?)<\/Icon>/g, manifest);
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      const sizes = allMatches(/<bt:Image size="(\d+)" resid="Icon\.(\d+)x(\d+)"\/>/g, icon[1]);
      expect(sizes.map((s) => s[1])).toEqual(["16", "32", "80"]);
      for (const s of sizes) expect([s[2], s[3]]).toEqual([s[1], s[1]]);
    }
  });

  it("icon files referenced exist in assets/ with the right pixel size", () => {
    const images = allMatches(/<bt:Image id="Icon\.(\d+)x(\d+)" DefaultValue="([^"]+)"\/>/g, manifest);
    expect(images.map((m) => m[1]).sort()).toEqual(["16", "32", "80"]);
    for (const [, w, h, url] of images) {
      expect(url.startsWith(`${DEV_BASE}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_BASE.length));
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: Number(w), height: Number(h) });
    }
    for (const el of ["IconUrl", "HighResolutionIconUrl"]) {
      const m = manifest.match(new RegExp(`<${el} DefaultValue="${DEV_BASE}(assets/icon-(\\d+)\\.png)"/>`));
      expect(m).not.toBeNull();
      const [, rel, size] = m as RegExpMatchArray;
      expect(pngSize(path.join(ROOT, rel))).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it("every local file the manifest points to exists in the source tree", () => {
    const pages: Record<string, string> = {
      "taskpane.html": "src/taskpane/taskpane.html",
      "commands.html": "src/commands/commands.html",
    };
    for (const url of urlsIn(manifest)) {
      if (!url.startsWith(DEV_BASE)) continue;
      const rel = url.slice(DEV_BASE.length).replace(/\?.*$/, "");
      const file = pages[rel] ?? rel;
      expect({ url, exists: fs.existsSync(path.join(ROOT, file)) }).toEqual({ url, exists: true });
    }
  });
});
