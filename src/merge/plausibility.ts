/**
 * Reports that must not slip into the totals unnoticed (docs/CONTRACT.md "Merging"):
 * - **Another year's report** (the year cell says 2018 in a 2019 merge): left out of the totals
 *   unless the officer chooses that very file (`merge --prefer FILE`, the task pane's choice); it
 *   loses to a report of the form's year from the same unit. A blank or unreadable year is not
 *   "another year": it is the engine's header error, and the report is counted as usual.
 * - **A report date that cannot be true**: later than the day after the merge (nobody signs a
 *   report in the future; one day of margin for time zones) or more than a year after the deadline
 *   (a 2019 report dated 2021 is a draft or a typing accident, whenever the merge is run). It is
 *   an error on the report date and it never wins over a report with a plausible date: a draft
 *   dated 2100 cannot supersede the real report.
 */
import type { ResolvedForm } from "../form/resolve";
import { isoToVi } from "../validate/dates";
import type { Issue } from "../validate/issue";

export const RULE_IMPLAUSIBLE_DATE = "merge.implausible-date";

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function addYear(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  // 29 February + 1 year is 1 March
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/** The latest report date that can be true: a year after the deadline, and no later than the day after `today` (ISO, when known). */
export function latestPlausibleDate(deadline: string, today?: string): string {
  const byDeadline = addYear(deadline);
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return byDeadline;
  const byToday = addDays(today, 1);
  return byToday < byDeadline ? byToday : byDeadline;
}

/** The year the report says, when it is a year and not the form's; null otherwise. */
export function otherYearOf(form: ResolvedForm, year: number | null): number | null {
  return year !== null && year !== form.definition.year ? year : null;
}

/** The error on a report date later than `latest`. */
export function implausibleDateIssue(form: ResolvedForm, reportDate: string, latest: string): Issue {
  return {
    severity: "error",
    rule: RULE_IMPLAUSIBLE_DATE,
    indicator: null,
    field: "reportDate",
    cell: form.fieldByKey.get("reportDate")?.name ?? null,
    message: {
      vi: `Ngày báo cáo ${isoToVi(reportDate)} không thể đúng (sau ${isoToVi(latest)}: ở tương lai hoặc quá một năm sau hạn nộp): có thể là bản nháp hoặc gõ nhầm; tệp này không được ưu tiên hơn báo cáo có ngày hợp lý của cùng đơn vị`,
      en: `Report date ${reportDate} cannot be right (after ${latest}: in the future or more than a year after the deadline): perhaps a draft or a typing slip; this file never wins over a report of the same unit with a plausible date`,
    },
  };
}
