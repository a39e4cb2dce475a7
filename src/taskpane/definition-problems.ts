/**
 * The definition reader's problems (src/definition/read.ts) as the Form tab lists them. Imported
 * lazily with the reader, in the add-in (cells to select) and in the browser mode (a file: the
 * sheet, row and column are said, nothing to select).
 */
import { problemText, type DefinitionProblem } from "../definition/read";
import { problemAddress } from "../excel/read-definition";
import { splitSheet } from "../workbook/address";
import type { FormProblem } from "./services";

export function formProblems(problems: readonly DefinitionProblem[], selectable: boolean): FormProblem[] {
  return problems.map((p, i) => {
    const target = problemAddress(p);
    return {
      id: `${i}:${p.sheet}:${p.row ?? ""}:${p.col ?? ""}`,
      message: problemText(p),
      address: target && p.col !== null ? splitSheet(target).local : null,
      target: selectable ? target : null,
    };
  });
}
