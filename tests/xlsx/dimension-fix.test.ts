/**
 * The template declares its whole used range (A1:…), so readers that trust the declaration —
 * SheetJS and the programs built on it — keep the code column: a template renamed and re-saved
 * by SheetJS is still read exactly.
 */
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { NODE_READ } from "../../src/cli/node-read";
import { builtInForm } from "../../src/form";
import { buildTemplate } from "../../src/layout/template";
import { usedRange } from "../../src/xlsx/dimension-fix";
import { inspectFile } from "../../src/xlsx/reader";
import { writeTemplate } from "../../src/xlsx/write-template";

const form = builtInForm();

test("every worksheet declares the used range of its model, from A1", async () => {
  const bytes = await writeTemplate(form);
  const zip = unzipSync(bytes);
  const model = buildTemplate(form).model;
  model.sheets.forEach((sheet, i) => {
    const xml = strFromU8(zip[`xl/worksheets/sheet${i + 1}.xml`]);
    expect(xml).toContain(`<dimension ref="${usedRange(sheet)}"/>`);
  });
  expect(usedRange(model.sheets[0])).toMatch(/^A1:H\d+$/);
});

test("a template filled, renamed and re-saved by SheetJS is read exactly, code column included", async () => {
  const unit = form.units[3];
  const wb = XLSX.read(await writeTemplate(form, { unitCode: unit.code }), { type: "array" });
  const report = wb.SheetNames[0];
  const ws = wb.Sheets[report];
  expect(XLSX.utils.decode_range(ws["!ref"] as string).s.c).toBe(0);
  const i2 = form.byCode.get("I.2")!;
  const cellOf = (name: string): string => {
    const ref = wb.Workbook!.Names!.find((n) => n.Name === name)!.Ref;
    return ref.replace(/^.*!/, "").replace(/\$/g, "");
  };
  XLSX.utils.sheet_add_aoa(ws, [[40]], { origin: cellOf(i2.cells[0].name) });
  XLSX.utils.sheet_add_aoa(ws, [[25]], { origin: cellOf(i2.cells[1].name) });
  wb.SheetNames[0] = "BC BĐG";
  wb.Sheets["BC BĐG"] = ws;
  delete wb.Sheets[report];
  const out = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  const r = inspectFile(out, form, NODE_READ);
  if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
  expect(r.sheetName).toBe("BC BĐG");
  expect(r.unit.unit?.code).toBe(unit.code);
  expect(r.values.get(i2.cells[0].name)).toEqual({ type: "number", value: 40 });
  expect(r.values.get(i2.cells[1].name)).toEqual({ type: "number", value: 25 });
  expect(r.cells.get(i2.cells[0].name)?.via).toBe("code");
  expect(r.issues.filter((i) => i.rule === "reader.missing-cell")).toEqual([]);
});
