/**
 * The task pane's services over the real pieces: src/excel (Office.js edge, through an
 * ExcelHost — Office's own, or the fake host in the end-to-end test), src/xlsx (reader, template
 * writer; exceljs is loaded only when a template file is made), src/layout and src/merge.
 */
import type { ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import { addChart, applyModel, createWorkbookFromBytes, type ApplyResult } from "../excel/apply-model";
import type { ExcelHost } from "../excel/host";
import { LIVE_UNSUPPORTED, watchReport } from "../excel/live";
import { MarkError, clearMarks, markCells, markTargets, selectCell } from "../excel/marks";
import { readOpenReport } from "../excel/read-report";
import { META_SHEET } from "../workbook/contract";
import type { WorkbookModel } from "../layout/sheet-model";
import { columnLetter, columnNumber, parseAddress } from "../workbook/address";
import { STATUS_SHEET, buildSummary } from "../layout/summary";
import { buildTemplate } from "../layout/template";
import type { Consolidation } from "../merge/types";
import { todayInVietnam } from "../merge/today";
import { checkIssues } from "./check-issues";
import { mergeSession } from "./merge-session";
import type { Issue } from "../validate/issue";
import { STRINGS } from "./i18n";
import {
  type ChartIndicator,
  type CheckResult,
  type CheckService,
  type MergeService,
  type TaskpaneServices,
  type TemplateRequest,
  type TemplateService,
  UserError,
} from "./services";

const NOT_REPORT: Text = { vi: STRINGS.vi["check.notReport"], en: STRINGS.en["check.notReport"] };

/** Names of the sheets written, in model order, without hidden ones (the metadata sheet). */
function visibleSheets(model: WorkbookModel, result: ApplyResult): string[] {
  return model.sheets
    .filter(
      (s) => s.name !== META_SHEET && s.visibility === "visible" && !result.skippedSheets.includes(s.name)
    )
    .map((s) => result.sheetNames.get(s.name) ?? s.name);
}

export function templateService(host: ExcelHost, form: ResolvedForm): TemplateService {
  const options = (r: TemplateRequest) => ({
    ...(r.unitCode ? { unitCode: r.unitCode } : {}),
    ...(r.password ? { password: r.password } : {}),
  });
  return {
    units: form.units,
    async createWorkbook(request) {
      // The writer chunk (and exceljs behind it) is fetched only now.
      const { writeTemplate } = await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/write-template");
      const bytes = await writeTemplate(form, options(request));
      await createWorkbookFromBytes(host, bytes);
    },
    async insertIntoCurrent(request) {
      const model = buildTemplate(form, options(request)).model;
      const result = await applyModel(host, model);
      return { sheets: visibleSheets(model, result) };
    },
  };
}

export function checkService(host: ExcelHost, form: ResolvedForm): CheckService {
  let reportSheet: string | null = null;
  /** The marks this pane last wrote; a check that finds the same bad cells writes nothing. */
  let lastMarks: string | null = null;

  const run = async (): Promise<CheckResult> => {
    const read = await readOpenReport(host, form);
    if (!read.ok) {
      reportSheet = null;
      // Marks left by an earlier check (e.g. before the report sheet was deleted) go away.
      if (read.marks) await clearMarks(host, { sheets: read.sheets, record: read.marks });
      if (read.reason !== "notReport") throw new UserError(read.message);
      return { found: false };
    }
    reportSheet = read.sheetName;
    const issues: Issue[] = [...read.issues];
    // Re-marking identical cells would cost 2 syncs for nothing on every live check, and could
    // feed back into live validation on a host that reports format changes as edits.
    const targets = markTargets(issues, read.cells);
    const key = JSON.stringify(targets);
    const marksInPlace = read.marks !== null || key === "[]";
    let marks: "marked" | "protected" = "marked";
    if (key !== lastMarks || !marksInPlace) {
      try {
        await markCells(host, targets, { sheets: read.sheets, record: read.marks });
        lastMarks = key;
      } catch (e) {
        // A sheet protected with a password (a unit without it checks its own report): the list
        // is what matters; the cells stay uncoloured and the pane says why in one line.
        if (!(e instanceof MarkError)) throw e;
        marks = "protected";
        lastMarks = null;
      }
    }
    const { issues: list, errors, warnings } = checkIssues(issues, read.cells, read.sheetName);
    return { found: true, sheet: read.sheetName, errors, warnings, issues: list, marks };
  };

  return {
    run,
    async select(issue) {
      if (issue.target) await selectCell(host, issue.target);
    },
    async clearMarks() {
      lastMarks = null;
      await clearMarks(host);
    },
    async watch(onResult, onError) {
      if (reportSheet === null) {
        const first = await run();
        if (!first.found) throw new UserError(NOT_REPORT);
      }
      const stop = await watchReport(host, {
        sheets: [reportSheet as string],
        revalidate: async () => onResult(await run()),
        onError,
      });
      if (!stop) throw new UserError(LIVE_UNSUPPORTED);
      return stop;
    },
  };
}

/** Indicators with a total and a female part, which a % female chart can show. */
export function chartIndicators(form: ResolvedForm): ChartIndicator[] {
  const withPct = new Set(
    form.definition.computed.filter((c) => c.formula.op === "percentFemale").map((c) => c.formula.of)
  );
  const tf = form.indicators.filter((i) => i.kind === "tf");
  // Indicators whose % female the form itself computes come first (section V), then the rest.
  return [...tf.filter((i) => withPct.has(i.code)), ...tf.filter((i) => !withPct.has(i.code))].map((i) => ({
    code: i.code,
    label: i.label,
  }));
}

/** % female per reporting unit for one indicator, from the summed parts (null when total is 0). */
export function percentFemaleRows(
  c: Consolidation,
  form: ResolvedForm,
  code: string
): { label: string; value: number | null }[] {
  const ind = form.byCode.get(code);
  const total = ind?.cells.find((x) => x.part === "total")?.name;
  const female = ind?.cells.find((x) => x.part === "female")?.name;
  if (!total || !female) return [];
  return c.units
    .filter((u) => u.values !== null && !u.excluded)
    .map((u) => {
      const t = u.values?.numbers[total] ?? 0;
      const f = u.values?.numbers[female] ?? 0;
      return { label: u.name, value: t > 0 ? Math.round((f / t) * 1000) / 10 : null };
    });
}

function maxColumn(model: WorkbookModel, sheet: string): number {
  const s = model.sheets.find((x) => x.name === sheet);
  let max = 1;
  for (const c of s?.columns ?? []) max = Math.max(max, columnNumber(c.column));
  for (const c of s?.cells ?? []) max = Math.max(max, columnNumber(parseAddress(c.address).column));
  return max;
}

export function mergeService(host: ExcelHost, form: ResolvedForm): MergeService {
  return {
    chartIndicators: chartIndicators(form),
    deadline: form.definition.deadline,
    begin: () => mergeSession(form),
    async write(consolidation, options) {
      // Dated the day it is written, as the command line and the browser mode date theirs.
      const summary = buildSummary(consolidation, form, { reportDate: todayInVietnam() });
      const result = await applyModel(host, summary.model);
      const sheets = visibleSheets(summary.model, result);
      const code = options.chartIndicator;
      const ind = code ? form.byCode.get(code) : undefined;
      if (code && ind) {
        const rows = percentFemaleRows(consolidation, form, code);
        if (rows.length > 0) {
          // Beside the status table (one row per unit), where the officer looks after a merge.
          const sheet = result.sheetNames.get(STATUS_SHEET) ?? STATUS_SHEET;
          const dataCol = maxColumn(summary.model, STATUS_SHEET) + 2;
          const chartCol = dataCol + 3;
          await addChart(host, {
            sheet,
            title: `Tỷ lệ nữ (%) theo đơn vị — ${ind.code}. ${ind.label.vi}`,
            rows,
            valueHeader: "Tỷ lệ nữ (%)",
            dataAt: `${columnLetter(dataCol)}1`,
            position: [`${columnLetter(chartCol)}2`, `${columnLetter(chartCol + 9)}24`],
          });
        }
      }
      return { sheets };
    },
  };
}

export function createOfficeServices(host: ExcelHost, form: ResolvedForm): TaskpaneServices {
  return {
    template: templateService(host, form),
    check: checkService(host, form),
    merge: mergeService(host, form),
  };
}
