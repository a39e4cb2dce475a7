/**
 * Print, as the JSON of tests/returns/known-failures.json, the corpus files that do not meet
 * their expectation today, with the reason, and the family table:
 *     npx tsx tests/returns/list-failures.ts [corpus dir]
 * For people fixing the reader: compare with known-failures.json and remove the files that now
 * pass (the test fails until the list is exact). Never add a file to make the test pass.
 */
import { familyTable, loadManifest, runFile } from "./corpus-run";
import { FIXTURE_DIR } from "./corpus-cases";

const dir = process.argv[2] ?? FIXTURE_DIR;
const results = loadManifest(dir).files.map((e) => runFile(dir, e));
const failures: Record<string, string> = {};
for (const { entry, result } of results)
  if (result.failure) failures[entry.file] = result.failure.slice(0, 300);
console.error(familyTable(results));
console.log(JSON.stringify(failures, null, 2));
