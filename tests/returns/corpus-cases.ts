/**
 * The corpus as data: every case (file, family, intended unit and values, expectation, the jobs
 * that make it) in a fixed order, and where the committed files live. No program is run here
 * (make-returns.ts runs them), so tests can compare the manifest with the cases cheaply.
 */
import { join } from "node:path";
import { builtInForm, type ResolvedForm } from "../../src/form/resolve";
import type { CellValue } from "../../src/workbook/cell-value";
import { evaluateReport } from "../../src/validate/engine";
import { CaseBuilder } from "./case-builder";
import { formulas, freehandUnits, lastYearAndBlank, neighbourTemplates, textNumbers } from "./cases-content";
import {
  baseline,
  namesOrMetaDeleted,
  sheetjsResaves,
  sheetToNewWorkbook,
  valuesCopies,
  wrongExtension,
  xlsAndOds,
} from "./cases-copies";
import { mergedTotalFemale, rowDeleted, rowsAndColumnsInserted } from "./cases-layout";
import { cutPaste, rowsSorted, secondReportBelow, sheetCopied, sheetRenamedOrAdded } from "./cases-sheets";
import type { CaseSpec, Intended } from "./recipe";

export const FIXTURE_DIR = join(__dirname, "..", "fixtures", "returns");
export const MANIFEST = "manifest.json";

/** Every case of the corpus, in a fixed order (seeds and units are given out in this order). */
export function corpusCases(form: ResolvedForm = builtInForm()): { cases: CaseSpec[]; builder: CaseBuilder } {
  const b = new CaseBuilder(form);
  for (const family of [
    baseline,
    rowDeleted,
    mergedTotalFemale,
    valuesCopies,
    sheetjsResaves,
    neighbourTemplates,
    freehandUnits,
    xlsAndOds,
    rowsAndColumnsInserted,
    sheetCopied,
    rowsSorted,
    cutPaste,
    namesOrMetaDeleted,
    textNumbers,
    formulas,
    secondReportBelow,
    sheetToNewWorkbook,
    lastYearAndBlank,
    wrongExtension,
    sheetRenamedOrAdded,
  ])
    family(b);
  return { cases: b.cases, builder: b };
}

export function intendedCellValues(intended: ReadonlyMap<string, Intended>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const [n, v] of intended)
    out.set(
      n,
      v === null
        ? { type: "blank" }
        : typeof v === "number"
          ? { type: "number", value: v }
          : { type: "text", text: v }
    );
  return out;
}

/** The corpus must mean what it says: unique names, and intended reports that break no rule. */
export function checkCases(form: ResolvedForm, cases: CaseSpec[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.file.toLowerCase())) throw new Error(`duplicate file ${c.file}`);
    seen.add(c.file.toLowerCase());
    if (c.intendedHasErrors) continue;
    const ev = evaluateReport(form, intendedCellValues(c.intended));
    const errors = ev.issues.filter((i) => i.severity === "error" && i.field !== "unit");
    if (errors.length)
      throw new Error(
        `${c.file}: the intended report has errors: ${errors.map((e) => e.message.en).join("; ")}`
      );
  }
}
