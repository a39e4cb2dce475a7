/**
 * The returned-files corpus (tests/fixtures/returns/, made by tests/returns/make-returns.ts):
 * every file read through tests/returns/inspect-adapter.ts and classified against what its
 * officer meant (manifest.json): read exactly, flagged, refused, or silent wrong.
 *
 * Never a silent wrong number: no file may put a value that differs from the intended one, or
 * count for a wrong unit, while its unit carries no error; and every "exact" file must be read
 * exactly. Files that fail today are listed with the reason in known-failures.json; each of them
 * is a `test.failing`, so a listed file that starts passing fails the suite: remove it from the
 * list (the list only shrinks).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { familyTable, loadManifest, runFile, type FileResult } from "./corpus-run";
import { corpusForm } from "./inspect-adapter";
import { checkCases, corpusCases, FIXTURE_DIR, MANIFEST } from "./corpus-cases";
import { FAMILIES, manifestEntry } from "./recipe";

const manifest = loadManifest(FIXTURE_DIR);
const known = JSON.parse(readFileSync(join(__dirname, "known-failures.json"), "utf8")) as Record<
  string,
  string
>;

let results: Map<string, FileResult> | null = null;
function resultsByFile(): Map<string, FileResult> {
  results ??= new Map(manifest.files.map((e) => [e.file, runFile(FIXTURE_DIR, e)]));
  return results;
}

beforeAll(() => {
  console.log(`Returned-files corpus, today:\n${familyTable([...resultsByFile().values()])}`);
});

describe("the corpus and its manifest", () => {
  it("lists every file of the fixture directory, and only those", () => {
    const onDisk = readdirSync(FIXTURE_DIR)
      .filter((f) => f !== MANIFEST)
      .sort();
    expect(manifest.files.map((e) => e.file).sort()).toEqual(onDisk);
  });

  it("says what the generator means today (units, expectations, every intended value)", () => {
    const form = corpusForm();
    const { cases } = corpusCases(form);
    expect(() => checkCases(form, cases)).not.toThrow();
    expect(manifest.files).toEqual(cases.map((c) => manifestEntry(c, form.names)));
  });

  it("covers every family with at least two files and holds at least 70 files", () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(70);
    for (const family of Object.keys(FAMILIES)) {
      const n = manifest.files.filter((e) => e.family === family).length;
      expect({ family, enough: n >= 2 }).toEqual({ family, enough: true });
    }
  });

  it("lists as known failures only files of the manifest", () => {
    const files = new Set(manifest.files.map((e) => e.file));
    expect(Object.keys(known).filter((f) => !files.has(f))).toEqual([]);
  });
});

describe("every returned file is read as its officer meant, or flagged", () => {
  for (const entry of manifest.files) {
    const run = known[entry.file] !== undefined ? it.failing : it;
    run(`${entry.file} (${entry.expect})`, () => {
      const { result } = resultsByFile().get(entry.file) as FileResult;
      if (result.failure) throw new Error(`${entry.file}: ${result.failure}`);
    });
  }
});

describe("today's failures are exactly the known ones", () => {
  it("no silent wrong number and no wrong unit without an error, outside known-failures.json", () => {
    const silent = [...resultsByFile().values()].filter((r) => r.result.outcome === "silent wrong");
    expect(silent.map((r) => r.entry.file).filter((f) => known[f] === undefined)).toEqual([]);
    const wrongUnit = silent.filter((r) => r.result.wrongUnit !== null).map((r) => r.entry.file);
    expect(wrongUnit.filter((f) => known[f] === undefined)).toEqual([]);
  });

  it("known-failures.json lists exactly the files that fail (remove those that pass now)", () => {
    const failing: Record<string, string> = {};
    for (const { entry, result } of resultsByFile().values())
      if (result.failure) failing[entry.file] = result.failure;
    const nowPassing = Object.keys(known).filter((f) => failing[f] === undefined);
    const notListed = Object.keys(failing)
      .filter((f) => known[f] === undefined)
      .map((f) => `${f}: ${failing[f]}`);
    expect({ nowPassing, notListed }).toEqual({ nowPassing: [], notListed: [] });
  });
});
