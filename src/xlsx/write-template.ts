/**
 * The template as bytes: layout (src/layout/template.ts) + writer (write-workbook.ts). Used by
 * the `template` command and by the task pane (a new workbook from the generated file). No fs.
 */
import { stripDiacritics } from "../form/unit-match";
import type { ResolvedForm } from "../form/resolve";
import type { Unit } from "../form/schema";
import { buildTemplate, type TemplateOptions } from "../layout/template";
import { writeWorkbook, type WriteOptions } from "./write-workbook";

export async function writeTemplate(
  form: ResolvedForm,
  options: TemplateOptions = {},
  write: WriteOptions = {}
): Promise<Uint8Array> {
  return writeWorkbook(buildTemplate(form, options).model, write);
}

/** "BDG-2019_Xa-Cao-Xa.xlsx": form id + the unit's name in readable ASCII (no diacritics). */
export function templateFileName(form: ResolvedForm, unit: Unit | null): string {
  if (!unit) return `${form.id}.xlsx`;
  const ascii = stripDiacritics(unit.name)
    .replace(/&/g, " ")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${form.id}_${ascii || unit.code}.xlsx`;
}

export interface UnitTemplate {
  unit: Unit;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * One template per registry unit (unit pre-filled and locked); file names are unique.
 * `progress` is told before each unit's template is made (the browser mode's progress bar).
 */
export async function writeAllUnitTemplates(
  form: ResolvedForm,
  options: Omit<TemplateOptions, "unitCode"> = {},
  write: WriteOptions = {},
  progress?: (done: number, total: number, unit: Unit) => void | Promise<void>
): Promise<UnitTemplate[]> {
  const seen = new Set<string>();
  const out: UnitTemplate[] = [];
  for (const unit of form.units) {
    await progress?.(out.length, form.units.length, unit);
    let fileName = templateFileName(form, unit);
    if (seen.has(fileName.toLowerCase())) fileName = fileName.replace(/\.xlsx$/, `_${unit.code}.xlsx`);
    seen.add(fileName.toLowerCase());
    out.push({
      unit,
      fileName,
      bytes: await writeTemplate(form, { ...options, unitCode: unit.code }, write),
    });
  }
  return out;
}
