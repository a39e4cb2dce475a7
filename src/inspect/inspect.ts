/**
 * The one inspection step: a workbook (a snapshot from any adapter: a returned .xlsx/.xls/.ods
 * file, or the workbook open in Excel) and the form in; the located values with where each came
 * from, every issue (locating, the form's rules, the unit) and whose report it is out. The
 * `validate` command, the merge and the add-in all call this, so they cannot disagree.
 */
import { formFingerprint } from "../form/fingerprint";
import { unitMatcherOf, type ResolvedForm } from "../form/resolve";
import type { UnitMatcher } from "../form/unit-match";
import { evaluateReport } from "../validate/engine";
import { DATE1904_OFFSET } from "../validate/dates";
import type { Issue } from "../validate/issue";
import { qualified } from "../workbook/address";
import { BLANK, type CellValue } from "../workbook/cell-value";
import { locate, type LocateResult } from "../workbook/locate";
import { cellAt } from "../workbook/sheet-data";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import {
  byCodeMessage,
  byMetaMessage,
  locateProblemMessage,
  otherSheetsMessage,
  otherDefinitionMessage,
  otherVersionMessage,
  rejectMessage,
  secondTableMessage,
  severalReportsMessage,
  unverifiedMessage,
} from "./messages";
import type { FoundVia, InspectResult, Inspection, Provenance, Refusal, RejectReason } from "./types";
import { identifyUnit } from "./unit";

export interface InspectOptions {
  /** Reuse one matcher when inspecting many files against the same registry. */
  matcher?: UnitMatcher;
}

export const RULE_MISSING_CELL = "reader.missing-cell";
export const RULE_MERGED_CELL = "reader.merged-cell";
/** Warnings that another table or sheet of the file also looks like the report (only one is read). */
export const RULE_SECOND_TABLE = "reader.second-table";
export const RULE_OTHER_REPORT_SHEETS = "reader.other-report-sheets";

function refuse(
  form: ResolvedForm,
  reason: RejectReason,
  detail: string,
  ctx: Parameters<typeof rejectMessage>[1] = {}
): Refusal {
  return {
    ok: false,
    reason,
    message: rejectMessage(reason, { formId: form.id, ...ctx }),
    detail,
  };
}

export function inspectWorkbook(
  form: ResolvedForm,
  snap: WorkbookSnapshot,
  options: InspectOptions = {}
): InspectResult {
  const keys = snap.meta(false);
  if (keys?.formId && keys.formId.toUpperCase() !== form.id.toUpperCase())
    return refuse(form, "otherForm", `form_id ${keys.formId}`, { foundId: keys.formId });
  const loc = locate(form, snap, keys);
  if (loc.ambiguousSheets) {
    const r = refuse(form, "severalReports", `sheets ${loc.ambiguousSheets.join(", ")}`);
    return { ...r, message: severalReportsMessage(loc.ambiguousSheets, form.definition.year) };
  }
  // Not a report: nothing located and nothing saying it was made from the template. A template
  // whose cells are all gone still gets its inspection (every input an error saying why).
  if (loc.located.size === 0 && loc.namesDefined === 0 && !loc.meta?.formId)
    return refuse(form, "notReport", "no names, no metadata, no code column");

  const { values, cells, via } = readValues(form, snap, loc);
  const matcher = options.matcher ?? unitMatcherOf(form);
  const evaluation = evaluateReport(form, values, { matcher });
  const unit = identifyUnit(form, matcher, evaluation.header, loc.meta?.unitCode ?? null);
  const inspection: Inspection = {
    ok: true,
    formId: form.id,
    formVersion: loc.meta?.formVersion ?? form.version,
    metaUnitCode: loc.meta?.unitCode ?? null,
    metaKind: loc.meta?.kind ?? null,
    sheetName: loc.sheetName ?? "",
    values,
    cells,
    via,
    issues: [
      ...versionIssues(form, loc),
      ...locatingIssues(form, loc, cells),
      ...evaluation.issues,
      ...unit.issues,
    ],
    evaluation,
    unit: unit.identity,
  };
  return inspection;
}

/** The value at every located cell, exactly there (a merged range's first cell is never copied). */
function readValues(
  form: ResolvedForm,
  snap: WorkbookSnapshot,
  loc: LocateResult
): { values: Map<string, CellValue>; cells: Map<string, Provenance>; via: FoundVia } {
  const values = new Map<string, CellValue>();
  const cells = new Map<string, Provenance>();
  const count = new Map<FoundVia, number>();
  for (const name of form.names) {
    const l = loc.located.get(name);
    if (!l) continue;
    let value = l.value ?? cellAt(loc.data.get(l.sheet), l.pos.row, l.pos.col) ?? BLANK;
    if (value.type === "number" && snap.date1904 && isDateField(form, name))
      value = { type: "number", value: value.value + DATE1904_OFFSET };
    values.set(name, value);
    cells.set(name, {
      address: qualified(l.sheet, l.pos),
      sheet: l.sheet,
      row: l.pos.row,
      col: l.pos.col,
      via: l.via,
    });
    count.set(l.via, (count.get(l.via) ?? 0) + 1);
  }
  let via: FoundVia = "name";
  let best = -1;
  for (const [k, n] of count) if (n > best) [via, best] = [k, n];
  return { values, cells, via };
}

function isDateField(form: ResolvedForm, name: string): boolean {
  const target = form.byName.get(name);
  return target?.type === "field" && target.field.key === "reportDate";
}

/**
 * A return made from another version of the same form is read by its cells' names (the names do
 * not change between versions), with a warning naming both versions; from the same version but
 * another definition (an edited copy of the definition workbook), a warning too.
 */
function versionIssues(form: ResolvedForm, loc: LocateResult): Issue[] {
  const meta = loc.meta;
  if (!meta?.formId) return [];
  const warn = (rule: string, message: Issue["message"]): Issue => ({
    severity: "warning",
    rule,
    indicator: null,
    cell: null,
    message,
  });
  if (meta.formVersion && meta.formVersion !== form.version)
    return [warn("reader.other-version", otherVersionMessage(form, meta.formVersion))];
  if (meta.fingerprint && meta.fingerprint !== formFingerprint(form.definition))
    return [warn("reader.other-definition", otherDefinitionMessage(form))];
  return [];
}

/** Errors for inputs without a value (naming what happened), and warnings on how cells were found. */
function locatingIssues(form: ResolvedForm, loc: LocateResult, cells: Map<string, Provenance>): Issue[] {
  const issues: Issue[] = loc.problems.map((p) => {
    const target = form.byName.get(p.name);
    return {
      severity: "error",
      rule: p.kind === "covered" ? RULE_MERGED_CELL : RULE_MISSING_CELL,
      indicator: target?.type === "indicator" ? target.indicator.code : null,
      ...(target?.type === "field" ? { field: target.field.key } : {}),
      cell: p.name,
      message: locateProblemMessage(form, p, loc.sheetName),
    };
  });
  const warn = (rule: string, message: Issue["message"]): void => {
    issues.push({ severity: "warning", rule, indicator: null, cell: null, message });
  };
  const by = (v: FoundVia): number => [...cells.values()].filter((c) => c.via === v).length;
  if (by("code") > 0) warn("reader.by-code", byCodeMessage(by("code"), loc.brokenNames.length));
  if (by("meta") > 0) warn("reader.by-meta", byMetaMessage(by("meta")));
  if (loc.unverified.length) warn("reader.unverified", unverifiedMessage(loc.unverified.length));
  if (loc.secondTableRow !== null && loc.sheetName)
    warn(RULE_SECOND_TABLE, secondTableMessage(loc.sheetName, loc.secondTableRow));
  if (loc.otherReportSheets.length && loc.sheetName)
    warn(RULE_OTHER_REPORT_SHEETS, otherSheetsMessage(loc.sheetName, loc.otherReportSheets));
  return issues;
}
