/**
 * Files that cost the reader too much work, run through `validate` and `merge` as child processes
 * with a deadline and a memory bound (support/run-cli.ts): each hostile file gets its own verdict
 * within 5 s and 300 MB, and the good files beside it are still read, checked and merged. Before,
 * a 32 KB workbook listing many sheets over one part of ~999,000 cells took 64 s and 3 GB, and at
 * 80 sheets the process died out of memory (exit 134: no summary, no verdict for the other files);
 * 300 sheets over blank cells took 32 s of CPU. A crash while reading one file (a defect) loses no
 * other file's verdict either.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtInForm } from "../../src/form/resolve";
import type { MergeReportJson } from "../../src/merge";
import * as reader from "../../src/xlsx/reader";
import {
  bigSheetXml,
  duplicatedSheetEntry,
  goodReport,
  manyBlankSheets,
  reportValues,
  sheetsSharingOnePart,
} from "../xlsx/hostile-files";
import { reportFixture } from "../xlsx/fixture-xlsx";
import { expectBounded, runCli } from "./support/run-cli";

jest.setTimeout(120_000);
const form = builtInForm();

const blankCells = (rows: number, cols: number): string =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${`<row>${"<c/>".repeat(cols)}</row>`.repeat(rows)}</sheetData></worksheet>`;

let files: Record<string, [Uint8Array, string | null]> | null = null;

/** File name → [bytes, the verdict validate gives: null for a readable report, else the reason]. */
function hostileFiles(): Record<string, [Uint8Array, string | null]> {
  files ??= makeHostileFiles();
  return files;
}

function makeHostileFiles(): Record<string, [Uint8Array, string | null]> {
  const big = bigSheetXml(999, 1000);
  const I1 = reportFixture(form, reportValues(form)).addresses.get("BDG_2019_I_1")!;
  return {
    "shared-part-12-sheets.xlsx": [sheetsSharingOnePart(form, 12, big), "zipBomb"],
    "shared-part-80-sheets.xlsx": [sheetsSharingOnePart(form, 80, big, true), "zipBomb"],
    "shared-part-400k-80-sheets.xlsx": [
      sheetsSharingOnePart(form, 80, bigSheetXml(400, 1000), true),
      "tooManyCells",
    ],
    "shared-part-100k-80-sheets.xlsx": [sheetsSharingOnePart(form, 80, bigSheetXml(100, 1000), true), null],
    "blank-cells-250-sheets.xlsx": [sheetsSharingOnePart(form, 250, blankCells(999, 1000), true), null],
    "blank-cells-300-sheets.xlsx": [
      sheetsSharingOnePart(form, 300, blankCells(999, 1000), true),
      "tooManySheets",
    ],
    "blank-300-sheets.xlsx": [manyBlankSheets(form, 300), "tooManySheets"],
    "duplicate-entry.xlsx": [duplicatedSheetEntry(goodReport(form), I1, 344), "duplicateEntries"],
    // A narrative just under the 12 MB of parts the reader inflates (the costliest readable file).
    "narrative-11mb.xlsx": [
      goodReport(form, {
        BDG_2019_H_UNIT: "Xã Ngọc Châu",
        BDG_2019_VI_3: "Phương hướng ".repeat(
          Math.floor((11.6 * 1048576) / Buffer.byteLength("Phương hướng "))
        ),
      }),
      null,
    ],
    "narrative-13mb.xlsx": [
      goodReport(form, {
        BDG_2019_H_UNIT: "Xã Ngọc Châu",
        BDG_2019_VI_3: "Phương hướng ".repeat(
          Math.floor((13 * 1048576) / Buffer.byteLength("Phương hướng "))
        ),
      }),
      "zipBomb",
    ],
  };
}

let dir = "";
const at = (...p: string[]): string => join(dir, ...p);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-hostile-work-"));
  mkdirSync(at("in"));
  for (const [name, [bytes]] of Object.entries(hostileFiles())) writeFileSync(at("in", name), bytes);
  writeFileSync(at("in", "good-cao-xa.xlsx"), goodReport(form, {}, { meta: { unitCode: "XA-CAO-XA" } }));
  writeFileSync(
    at("in", "good-viet-lap.xlsx"),
    goodReport(form, { BDG_2019_H_UNIT: "Xã Việt Lập" }, { meta: { unitCode: "XA-VIET-LAP" } })
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("each hostile file: its own verdict within 5 s and 300 MB", () => {
  test.each(Object.entries(hostileFiles()).map(([name, [, verdict]]) => [name, verdict]))(
    "validate %s → %s",
    (name, verdict) => {
      const r = runCli(["validate", at("in", name), "--json"]);
      expectBounded(r);
      const [file] = (JSON.parse(r.stdout) as { files: { reason: string | null; readable: boolean }[] })
        .files;
      expect(file.reason).toBe(verdict);
      // For the report (not for the limits): `ms` and `maxRssMb` of the child.
      process.stdout.write(`${name}: ${r.ms} ms, ${Math.round(r.maxRssMb)} MB\n`);
    }
  );
});

test("merge of the folder: the good reports are merged, every hostile file has its verdict", () => {
  const r = runCli(
    ["merge", at("in"), "--out", at("out.xlsx"), "--json", at("out.json"), "--quiet"],
    {},
    30_000
  );
  expectBounded(r);
  expect(r.code).toBe(0);
  process.stdout.write(
    `merge of ${Object.keys(hostileFiles()).length + 2} files: ${r.ms} ms, ${Math.round(r.maxRssMb)} MB\n`
  );
  const j = JSON.parse(readFileSync(at("out.json"), "utf8")) as MergeReportJson;
  const by = new Map(j.files.map((f) => [f.file.slice(at("in").length + 1), f]));
  expect(by.get("good-cao-xa.xlsx")).toMatchObject({ verdict: "accepted", unit: "XA-CAO-XA" });
  expect(by.get("good-viet-lap.xlsx")).toMatchObject({ verdict: "accepted", unit: "XA-VIET-LAP" });
  for (const [name, [, verdict]] of Object.entries(hostileFiles()))
    if (verdict) expect({ name, reason: by.get(name)?.reason }).toEqual({ name, reason: verdict });
  expect(j.totals.BDG_2019_I_1).toBe(15); // Xã Cao Xá, Xã Việt Lập, Xã Ngọc Châu
});

describe("a crash while reading one file loses no other file's verdict", () => {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    const real = reader.inspectFile;
    // The reader throws on the second file it is given, as a defect would.
    let calls = 0;
    spy = jest.spyOn(reader, "inspectFile").mockImplementation((...args) => {
      if (++calls === 2) throw new RangeError("Maximum call stack size exceeded");
      return real(...args);
    });
  });
  afterEach(() => spy.mockRestore());

  test("merge: the file gets 'readFailed', the others are merged, the summary is written", async () => {
    const io = memoryIo();
    const out = at("crash.xlsx");
    const json = at("crash.json");
    const files = [at("in", "good-cao-xa.xlsx"), at("in", "good-viet-lap.xlsx")];
    expect(await main(["merge", ...files, "--out", out, "--json", json, "--quiet"], io)).toBe(0);
    const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
    expect(j.files.map((f) => [f.verdict, f.reason])).toEqual([
      ["accepted", null],
      ["rejected", "readFailed"],
    ]);
    expect(j.files[1].message).toMatch(/^Không đọc được tệp do một lỗi ngoài dự kiến của chương trình/);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  test("validate: the file gets 'readFailed', the others are checked", async () => {
    const io = memoryIo();
    const files = [at("in", "good-cao-xa.xlsx"), at("in", "good-viet-lap.xlsx")];
    expect(await main(["validate", ...files, "--json"], io)).toBe(2);
    const got = (JSON.parse(io.out()) as { files: { unit: string | null; reason: string | null }[] }).files;
    expect(got.map((f) => [f.unit, f.reason])).toEqual([
      ["XA-CAO-XA", null],
      [null, "readFailed"],
    ]);
  });
});
