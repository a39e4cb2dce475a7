/**
 * A form definition as a definition workbook file (docs/FORM-DEFINITION.md): the sheet model of
 * src/definition/write.ts through the xlsx writer. Imported lazily (its own chunk, and exceljs
 * behind it): the pane's first load does not carry the definition writer.
 */
import { definitionModel } from "../definition/write";
import type { FormDefinition } from "../form/schema";
import { writeWorkbook } from "../xlsx/write-workbook";

export function definitionBytes(def: FormDefinition): Promise<Uint8Array> {
  return writeWorkbook(definitionModel(def));
}

/** "BDG-2026_Dinh-nghia.xlsx": the form id, then what the file is, in ASCII as the templates are named. */
export function definitionFileName(def: FormDefinition): string {
  return `${def.id}_Dinh-nghia.xlsx`;
}
