/**
 * A definition workbook opened and saved again by LibreOffice (headless, one run for every file)
 * still reads back as the same form: the built-in BDG-2019 and a few generated forms (Vietnamese
 * text, every indicator kind and rule type, groups). Skipped, with the reason printed, when
 * soffice is missing.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { builtInForm } from "../../src/form/resolve";
import type { FormDefinition } from "../../src/form/schema";
import { readDefinitionFile } from "../../src/xlsx/definition-file";
import { missing } from "../external-tools";
import { formDefinitionArb } from "./arbitrary-form";
import { resaveWithLibreOffice, tempDir, writeDefinitionFile } from "./tools";

const reason = missing("definition workbooks re-saved by LibreOffice", "soffice");
const d = reason ? describe.skip : describe;

d("a definition workbook re-saved by LibreOffice", () => {
  const forms: [string, FormDefinition][] = [
    ["BDG-2019", builtInForm().definition],
    ...fc
      .sample(formDefinitionArb, { numRuns: 4, seed: 2026 })
      .map((f, i): [string, FormDefinition] => [`generated-${i + 1}`, f]),
  ];
  let dir = "";
  beforeAll(async () => {
    dir = tempDir("lo");
    const files = await Promise.all(
      forms.map(([name, def]) => writeDefinitionFile(def, join(dir, `${name}.xlsx`)))
    );
    resaveWithLibreOffice(dir, files);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(forms)("%s reads back deep-equal", (name, def) => {
    const bytes = readFileSync(join(dir, `${name}.xlsx`));
    // Really LibreOffice's file, not ours.
    expect(strFromU8(unzipSync(bytes)["docProps/app.xml"])).toContain("LibreOffice");
    const read = readDefinitionFile(bytes);
    if (!read.ok) throw new Error(read.message.en);
    expect(read.definition).toStrictEqual(def);
  });
});
