/**
 * A check's issues as the Check tab lists them, in Excel and in the browser mode alike: errors
 * first, each with the cell as shown to the officer ("D14" on the report sheet, the quoted
 * "'Trang khác'!D14" elsewhere, as the messages write it) and the sheet-qualified cell to select.
 */
import type { Issue } from "../validate/issue";
import { splitSheet } from "../workbook/address";
import type { CheckIssue } from "./services";

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

export function checkIssues(
  issues: readonly Issue[],
  cells: ReadonlyMap<string, { address: string }>,
  reportSheet: string | null
): { issues: CheckIssue[]; errors: number; warnings: number } {
  const list: CheckIssue[] = issues.map((issue, i) => {
    const target = issue.cell ? (cells.get(issue.cell)?.address ?? null) : null;
    let address: string | null = null;
    if (target) {
      const { sheet, local } = splitSheet(target);
      address = sheet && sheet !== reportSheet ? target : local;
    }
    return {
      id: `${i}:${issue.rule}:${issue.cell ?? ""}`,
      severity: issue.severity,
      message: issue.message,
      address,
      target,
      indicator: issue.indicator,
    };
  });
  list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const errors = list.filter((x) => x.severity === "error").length;
  return { issues: list, errors, warnings: list.length - errors };
}
