/**
 * Fuzzing the reader and the merge with mutations of real returned files (10 files of
 * tests/fixtures/returns, written by Excel-like programs: exceljs, LibreOffice, openpyxl, SheetJS;
 * mutations: fuzz-mutations.ts).
 *
 * Properties, for every mutated file:
 * 1. Every input gets a verdict: inspectFile never throws; a refusal has a known reason and a
 *    Vietnamese and English message.
 * 2. No input buffer is changed (the mutated file's bytes, and the corpus files).
 * 3. No accepted value differs from the cell's real value without an issue on that cell.
 *    "Accepted value": a number the rule engine keeps for an indicator (evaluation.numbers), i.e.
 *    what reaches a total. "The cell": where the inspection says the value came from (its
 *    provenance: sheet and address). "Its real value": what a strict Excel-like reader finds
 *    there — plain-cell-reader.ts, which shares no code with src/xlsx: fflate unzips (a name
 *    given twice: the last entry wins, as in openpyxl), saxes parses strictly, and ECMA-376's
 *    rules are written out again (a number only in xsd:double's form) — read as the contract says
 *    a cell is read (docs/CONTRACT.md "Reading values"): a number as it is, a text through the
 *    Vietnamese/English number reading. Any other kind of value there (an error, a date, a
 *    boolean, a value stored oddly, a formula never computed) must never become an accepted number.
 *    When a strict reader has no reading (a part not well-formed, which Excel refuses; the address
 *    given twice), there is no real value to compare with: such numbers are counted, not checked.
 *    (This reader is lenient with ill-formed XML — it reads a repeated attribute's first copy, an
 *    unclosed element — and refusing such parts is not claimed here.)
 * 4. The merge of the mutated file with a few good ones writes a summary every part of which
 *    parses as XML for strict readers (expat, openpyxl): fewer runs, checked in one batch.
 *
 * Runs: 2,000 cases for 1–3 and 25 merges for 4: about 40 s in all on two cores (the test prints
 * its counts and times). Seeded: a failure prints its seed and path to replay it. The mutations
 * lean on what went wrong before (odd numerals in numeric cells, duplicated entries with another
 * value): with the old Number() reading or the old "first copy wins" zip directory, it fails
 * within the first few hundred cases.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { NODE_READ } from "../../src/cli/node-read";
import { builtInForm } from "../../src/form/resolve";
import type { InspectResult, RejectReason } from "../../src/inspect/types";
import { buildSummary } from "../../src/layout/summary";
import { createMerger } from "../../src/merge";
import { parseNumberText } from "../../src/validate/number";
import { a1 } from "../../src/workbook/address";
import { inspectFile } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { missing } from "../external-tools";
import { strictXmlProblems } from "../helpers/strict-xml";
import { mutate, mutationArb, type Mutation } from "./fuzz-mutations";
import { plainWorkbook } from "./plain-cell-reader";

jest.setTimeout(180_000);
const form = builtInForm();
const RETURNS = join(__dirname, "..", "fixtures", "returns");
const CORPUS = [
  "baseline-exceljs.xlsx",
  "baseline-lo.xlsx",
  "baseline-openpyxl.xlsx",
  "text-numbers-lo.xlsx",
  "formulas-lo.xlsx",
  "rows-inserted-inside-lo.xlsx",
  "names-deleted-openpyxl.xlsx",
  "merged-I2-keep-lo.xlsx",
  "values-copy-sheetjs.xlsx",
  "second-report-below-lo.xlsx",
];
// Plain Uint8Arrays: Buffer#slice would share memory with the corpus file (mutations copy).
const files = CORPUS.map((f) => new Uint8Array(readFileSync(join(RETURNS, f))));
const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");
const corpusHashes = files.map(sha);

const REASONS: RejectReason[] = [
  "empty",
  "tooLarge",
  "zipBomb",
  "tooManyCells",
  "tooManySheets",
  "tooManyNames",
  "duplicateEntries",
  "xls",
  "xlsb",
  "ods",
  "numbers",
  "encrypted",
  "corrupt",
  "readFailed",
  "notSpreadsheet",
  "notReport",
  "severalReports",
  "otherForm",
];

const caseArb = fc.record({
  file: fc.integer({ min: 0, max: files.length - 1 }),
  mutation: mutationArb,
  node: fc.boolean(),
});

/** Property 1: a verdict, never a throw. */
function verdictOf(bytes: Uint8Array, node: boolean): InspectResult {
  let r: InspectResult | undefined;
  expect(() => {
    r = inspectFile(bytes, form, node ? NODE_READ : {});
  }).not.toThrow();
  const got = r as InspectResult;
  if (!got.ok) {
    expect(REASONS).toContain(got.reason);
    expect(got.message.vi.length).toBeGreaterThan(10);
    expect(got.message.en.length).toBeGreaterThan(10);
  }
  return got;
}

/** Counts printed with the timing: cases, files with accepted numbers, numbers compared, numbers whose file a strict reader refuses. */
const stats = { cases: 0, accepted: 0, numbersChecked: 0, noPlainReading: 0 };

/**
 * Property 3: every accepted number is its cell's real value (plainCell: an independent, strict
 * reading: plainWorkbook), or that cell carries an issue.
 */
function checkAcceptedValues(bytes: Uint8Array, r: InspectResult): void {
  if (!r.ok || r.evaluation.numbers.size === 0) return;
  stats.accepted++;
  const plain = plainWorkbook(bytes);
  for (const [name, n] of r.evaluation.numbers) {
    const at = r.cells.get(name);
    expect(at).toBeDefined();
    if (!at) continue;
    const real = plain.cell(at.sheet, a1({ row: at.row, col: at.col }));
    if (real === null) {
      stats.noPlainReading++;
      continue;
    }
    stats.numbersChecked++;
    const target = form.byName.get(name);
    const kind = target?.type === "indicator" && target.indicator.kind === "amount" ? "amount" : "count";
    const reading =
      real.type === "number" ? real.value : real.type === "text" ? parseNumberText(real.text, kind) : null;
    const value =
      reading === null || typeof reading === "number" ? reading : reading.ok ? reading.value : null;
    if (real.type !== "number" && real.type !== "text")
      expect({ name, real, accepted: n }).toEqual({ name, real, accepted: "never a number" });
    if (value !== n) {
      const issues = r.issues.filter((i) => i.cell === name);
      expect({ name, real, accepted: n, issues: issues.length > 0 }).toEqual({
        name,
        real,
        accepted: n,
        issues: true,
      });
    }
  }
}

describe("fuzz: mutated real returns", () => {
  test("every input gets a verdict, no buffer changes, no accepted value differs silently from its cell", () => {
    const started = Date.now();
    fc.assert(
      fc.property(caseArb, ({ file, mutation, node }) => {
        const bytes = mutate(files[file], mutation);
        const before = sha(bytes);
        const r = verdictOf(bytes, node);
        expect(sha(bytes)).toBe(before);
        checkAcceptedValues(bytes, r);
        stats.cases++;
      }),
      { numRuns: 2000, seed: 20191201 }
    );
    expect(files.map(sha)).toEqual(corpusHashes);
    process.stdout.write(`fuzz (reader): ${JSON.stringify(stats)} in ${Date.now() - started} ms\n`);
  });

  test("the merge of a mutated file with good ones writes a summary strict XML readers accept", async () => {
    if (missing("strict XML check of fuzzed summaries", "openpyxl")) return;
    const started = Date.now();
    const good = [0, 1, 2].map((i) => ({ file: CORPUS[i], read: inspectFile(files[i], form) }));
    const summaries: { mutation: Mutation; file: string; bytes: Uint8Array }[] = [];
    const samples = fc.sample(caseArb, { numRuns: 25, seed: 42 });
    for (const { file, mutation } of samples) {
      const merger = createMerger(form, { today: "2019-12-05" });
      for (const g of good) merger.add(g.file, 0, g.read);
      merger.add(`mutated-${CORPUS[file]}`, 1, inspectFile(mutate(files[file], mutation), form, NODE_READ));
      const c = merger.finish();
      summaries.push({
        mutation,
        file: CORPUS[file],
        bytes: await writeWorkbook(buildSummary(c, form).model),
      });
    }
    const problems = strictXmlProblems(summaries.map((s) => s.bytes));
    const bad = summaries
      .map((s, i) => ({ file: s.file, mutation: s.mutation, problems: problems[i] }))
      .filter((x) => x.problems.length);
    expect(bad).toEqual([]);
    expect(files.map(sha)).toEqual(corpusHashes);
    process.stdout.write(`fuzz (merge): ${summaries.length} summaries in ${Date.now() - started} ms\n`);
  });
});
