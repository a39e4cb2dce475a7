/**
 * A returned file opened "in Excel": its sheets, values, merged ranges and defined names copied
 * into the recording fake host, so a test can run the add-in's own reading path
 * (src/excel/read-report.ts) on exactly the files the command line reads. Formulas are copied as
 * their cached values (what Excel shows). A formula without a cached value (openpyxl writes none)
 * is left out when it is not a named input (Excel would compute the template's check column); a
 * named input holding one cannot be copied faithfully, and `openInFakeExcel` says so.
 */
import { readAllSheets } from "./read-all-sheets";
import { createFakeExcel } from "../excel/fake-excel";

type Scalar = string | number | boolean | null;

export function openInFakeExcel(bytes: Uint8Array, apiVersion = "1.13"): ReturnType<typeof createFakeExcel> {
  const all = readAllSheets(bytes);
  if (!all.ok) throw new Error(`not a workbook: ${all.reason}`);
  const h = createFakeExcel({ apiVersion, schedule: () => undefined });
  const inputs = new Set([...all.definedNames.values()].map((ref) => ref.replace(/\$/g, "")));
  for (const [name, sheet] of all.sheets) {
    const visibility =
      sheet.state === "visible" ? "Visible" : sheet.state === "hidden" ? "Hidden" : "VeryHidden";
    h.fake.addSheet(name, visibility);
    for (const [address, v] of sheet.cells) {
      let x: Scalar;
      if (v.type === "uncomputed") {
        if ([...inputs].some((ref) => ref.endsWith(`!${address}`) && ref.includes(name)))
          throw new Error(`${name}!${address}: an input holding a formula without a cached value`);
        continue;
      }
      if (v.type === "number") x = v.value;
      else if (v.type === "boolean") x = v.value;
      else if (v.type === "text")
        x = `'${v.text}`; // a text stays a text, as in the file ("1.020", "'Sheet'!A1")
      else if (v.type === "error") x = v.code;
      else x = null;
      if (x !== null) h.fake.setValues(name, address, [[x]]);
    }
    for (const m of sheet.merges) h.fake.sheet(name).merges.push(h.fake.ref(m));
  }
  for (const [n, ref] of all.definedNames) if (!n.startsWith("_xlnm")) h.fake.defineName(n, ref);
  return h;
}
