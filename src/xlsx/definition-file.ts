/**
 * A form definition workbook file (.xlsx, .xls, .ods) → the checked definition, or what is wrong
 * with it: the file-reading side of src/definition/read.ts. Never throws on bad input.
 */
import type { Text } from "../form/schema";
import { problemText, readDefinition, type DefinitionProblem } from "../definition/read";
import type { FormDefinition } from "../form/schema";
import { openWorkbook, type ReadOptions } from "./reader";

export type DefinitionFile =
  { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[]; message: Text };

export function readDefinitionFile(bytes: Uint8Array, options: ReadOptions = {}): DefinitionFile {
  const wb = openWorkbook(bytes, options);
  if (!wb.ok) return { ok: false, problems: [], message: wb.message };
  const read = readDefinition((name) => wb.snapshot.cells(name));
  if (read.ok) return read;
  const lines = read.problems.map(problemText);
  return {
    ok: false,
    problems: read.problems,
    message: {
      vi: `Định nghĩa biểu mẫu có ${lines.length} lỗi:\n- ${lines.map((l) => l.vi).join("\n- ")}`,
      en: `The form definition has ${lines.length} problem(s):\n- ${lines.map((l) => l.en).join("\n- ")}`,
    },
  };
}
