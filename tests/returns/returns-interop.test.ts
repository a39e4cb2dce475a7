/**
 * Interop: four corpus files of different families are made again through the real programs
 * (LibreOffice through UNO, openpyxl, exceljs, SheetJS) into a temporary directory, and must
 * classify exactly as the committed ones do, so that the generator (tests/returns/
 * make-returns.ts) does not rot. Skipped, with the reason printed, without /usr/bin/soffice and
 * python3-uno or /usr/bin/python3 with openpyxl.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURE_DIR } from "./corpus-cases";
import { loadManifest, runFile } from "./corpus-run";
import { generate } from "./make-returns";
import { externalTools } from "./pipeline";

jest.setTimeout(240_000);

/** One file per family and program chain. */
const FILES = [
  "row-deleted-III4-lo.xlsx", // LibreOffice: fill, delete a row
  "values-copy-two-years-openpyxl.xlsx", // openpyxl: two fills, values copied into a new workbook
  "merged-III7-exceljs.xlsx", // exceljs: fill, merge
  "sheetjs-renamed-lo.xlsx", // LibreOffice fill, SheetJS rename and re-save
];

const tools = externalTools();
const ready = tools.openpyxl && tools.libreoffice;
if (!ready) console.log(`returns-interop skipped: missing ${tools.missing.join(", ")}`);
const d = ready ? describe : describe.skip;

d("the corpus generator, run again through the real programs", () => {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bdg-returns-interop-"));
    await generate({ only: FILES, outDir: dir });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const manifest = loadManifest(FIXTURE_DIR);
  for (const file of FILES) {
    it(`${file} classifies as the committed file does`, () => {
      const entry = manifest.files.find((e) => e.file === file);
      if (!entry) throw new Error(`${file} is not in the manifest`);
      expect(runFile(dir, entry).result).toEqual(runFile(FIXTURE_DIR, entry).result);
    });
  }
});
