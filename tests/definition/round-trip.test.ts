/**
 * The definition workbook reads back as the form it was written from: the built-in BDG-2019 and,
 * property-based, generated forms of every shape (arbitrary-form.ts). Form → sheet model → .xlsx
 * bytes → reader → the same definition, deep-equal.
 */
import fc from "fast-check";
import { builtInForm } from "../../src/form/resolve";
import { definitionModel } from "../../src/definition/write";
import { readDefinitionFile } from "../../src/xlsx/definition-file";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { formDefinitionArb } from "./arbitrary-form";
import type { FormDefinition } from "../../src/form/schema";

async function roundTrip(def: FormDefinition): Promise<unknown> {
  const read = readDefinitionFile(await writeWorkbook(definitionModel(def)));
  if (!read.ok) throw new Error(read.message.en);
  return read.definition;
}

describe("definition workbook round trip", () => {
  it("BDG-2019: written, read back deep-equal to the built-in definition", async () => {
    const def = builtInForm().definition;
    expect(await roundTrip(def)).toStrictEqual(def);
  });

  it("generated forms (sections, every indicator kind, rules of every type, groups): form → workbook → form", async () => {
    const started = Date.now();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(formDefinitionArb, async (def) => {
        runs++;
        expect(await roundTrip(def)).toStrictEqual(def);
      }),
      { numRuns: 40 }
    );
    // For the report only (never asserted): how long the runs took.
    process.stdout.write(`[round-trip] ${runs} generated forms in ${Date.now() - started} ms\n`);
  }, 120_000);
});
