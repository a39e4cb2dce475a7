/**
 * Real files from other applications (tests/fixtures/corpus, and the full corpus when
 * BDG_FULL_CORPUS names its folder): every one gets a verdict, never a crash; none is a report of our form.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { builtInForm } from "../../src/form/resolve";
import { readAllSheets } from "../helpers/read-all-sheets";
import { inspectFile } from "./both-platforms";

const form = builtInForm();
const LOCAL = join(__dirname, "..", "fixtures", "corpus");
/** The full SheetJS test-files corpus the subset comes from (123 files), when present. */
const SHARED = process.env.BDG_FULL_CORPUS ?? "";

/**
 * What each format must be called: a workbook that is not a report is notReport, never corrupt.
 * .xls (BIFF8) and .ods are read (with the readers the task pane fetches and the CLI passes);
 * .xlsb, .numbers and Excel 5.0/95 files are refused with their own reason.
 */
const EXPECTED: Record<string, string> = {
  ".xlsx": "notReport",
  ".xlsm": "notReport",
  ".xlsb": "xlsb",
  ".xls": "notReport",
  ".ods": "notReport",
  ".numbers": "numbers",
};

/** Files whose verdict is not their extension's. */
const EXCEPTIONS: Record<string, string> = { "defined_names_unicode.biff5.xls": "xls" };
const expected = (f: string): string => EXCEPTIONS[f] ?? EXPECTED[extname(f)];

function files(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f !== "LICENSE" && !f.endsWith(".md"))
    .sort();
}

describe("corpus subset (tests/fixtures/corpus)", () => {
  const list = files(LOCAL);
  it("holds a representative subset with its licence", () => {
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(existsSync(join(LOCAL, "LICENSE"))).toBe(true);
    expect(new Set(list.map((f) => extname(f)))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  it.each(list)("%s gets the verdict of its format", (f) => {
    const r = inspectFile(new Uint8Array(readFileSync(join(LOCAL, f))), form);
    expect(r.ok ? "ok" : r.reason).toBe(expected(f));
    if (!r.ok) {
      expect(r.message.vi.length).toBeGreaterThan(20);
      expect(r.message.en.length).toBeGreaterThan(20);
    }
  });

  it("parses the sheets of the xlsx files (not merely rejects them)", () => {
    const strict = readAllSheets(new Uint8Array(readFileSync(join(LOCAL, "sheet_visibility_strict.xlsx"))));
    expect(strict.ok).toBe(true);
    if (strict.ok) {
      expect([...strict.sheets.values()].map((s) => s.state)).toEqual(["visible", "hidden", "veryHidden"]);
      expect([...strict.sheets.values()].every((s) => s.cells.size > 0)).toBe(true);
    }
    const wtf = readAllSheets(new Uint8Array(readFileSync(join(LOCAL, "wtf_path.xlsx"))));
    expect(wtf.ok && [...wtf.sheets.values()][0].cells.size).toBeGreaterThan(0);
    const d1904 = readAllSheets(new Uint8Array(readFileSync(join(LOCAL, "1904_1904.xlsx"))));
    expect(d1904.ok && d1904.date1904).toBe(true);
    const phon = readAllSheets(new Uint8Array(readFileSync(join(LOCAL, "phonetic_text.xlsx"))));
    const texts = phon.ok
      ? [...phon.sheets.values()].flatMap((s) => [...s.cells.values()]).filter((v) => v.type === "text")
      : [];
    expect(texts.length).toBeGreaterThan(0);
  });
});

const sharedIt = SHARED && existsSync(SHARED) ? it : it.skip;
describe("full corpus ($BDG_FULL_CORPUS)", () => {
  sharedIt("gives each of the 123 files the verdict of its format, without a crash", () => {
    const list = files(SHARED);
    expect(list).toHaveLength(123);
    const counts: Record<string, number> = {};
    const wrong: string[] = [];
    for (const f of list) {
      const r = inspectFile(new Uint8Array(readFileSync(join(SHARED, f))), form);
      const got = r.ok ? "ok" : r.reason;
      counts[got] = (counts[got] ?? 0) + 1;
      if (got !== expected(f)) wrong.push(`${f}: ${got}`);
    }
    expect(wrong).toEqual([]);
    expect(counts).toEqual({ notReport: 106, xls: 1, xlsb: 13, numbers: 3 });
  });
});
