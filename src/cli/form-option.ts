/**
 * `--form DEF.xlsx` on form, template, validate and merge: the form a command works with — the
 * built-in BDG-2019 form, or one read from a definition workbook an officer edited
 * (docs/FORM-DEFINITION.md). A definition with problems stops the command with every problem
 * named by sheet, row and column (exit 2).
 */
import { builtInForm, loadForm, type ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import { readDefinitionFile } from "../xlsx/definition-file";
import { NODE_READ } from "./node-read";
import { readInput } from "./read-input";

export const FORM_OPTION_HELP = `  --form TỆP.xlsx      dùng biểu mẫu trong sổ định nghĩa này thay cho biểu mẫu có sẵn BDG-2019
                       / use the form defined in this workbook instead of the built-in BDG-2019`;

export function formFrom(
  path: string | undefined
): { ok: true; form: ResolvedForm } | { ok: false; message: Text } {
  if (!path) return { ok: true, form: builtInForm() };
  const got = readInput(path);
  if (!got.ok) return { ok: false, message: got.message };
  const def = readDefinitionFile(got.bytes, NODE_READ);
  if (!def.ok)
    return {
      ok: false,
      message: {
        vi: `không dùng được sổ định nghĩa biểu mẫu "${path}": ${def.message.vi}`,
        en: `cannot use the form definition "${path}": ${def.message.en}`,
      },
    };
  return { ok: true, form: loadForm(def.definition) };
}
