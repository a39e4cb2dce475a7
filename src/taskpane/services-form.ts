/**
 * The Form tab's actions inside Excel: the definition workbook of a form opened as a new workbook
 * (Excel.createWorkbook, like the template's "Tạo sổ mới"), and the definition sheets of the open
 * workbook read through Office.js (src/excel/read-definition.ts), their problems marked in place.
 * The definition reader and writer are fetched on first use (their own chunks).
 */
import { createWorkbookFromBytes } from "../excel/apply-model";
import type { ExcelHost } from "../excel/host";
import { selectCell } from "../excel/marks";
import { STRINGS } from "./i18n";
import type { FormActions } from "./services";

export const NOT_DEFINITION = { vi: STRINGS.vi["form.notDefinition"], en: STRINGS.en["form.notDefinition"] };

export function excelFormActions(host: ExcelHost): FormActions {
  return {
    kind: "excel",
    async writeDefinition(def) {
      const { definitionBytes } = await import(
        /* webpackChunkName: "definition-writer" */ "./definition-bytes"
      );
      await createWorkbookFromBytes(host, await definitionBytes(def));
      return { fileName: null };
    },
    async readDefinition() {
      const [{ markDefinition, readOpenDefinition }, { formProblems }] = await Promise.all([
        import(/* webpackChunkName: "definition" */ "../excel/read-definition"),
        import(/* webpackChunkName: "definition" */ "./definition-problems"),
      ]);
      const open = await readOpenDefinition(host);
      await markDefinition(host, open);
      if (open.read === null) return { ok: false, problems: [], message: NOT_DEFINITION };
      if (open.read.ok) return open.read;
      return { ok: false, problems: formProblems(open.read.problems, true), message: null };
    },
    async select(problem) {
      if (problem.target) await selectCell(host, problem.target);
    },
  };
}
