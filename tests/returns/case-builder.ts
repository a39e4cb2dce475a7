/**
 * Small vocabulary for writing the corpus cases: seeded reports for units taken in turn from the
 * registry, template file names, fill jobs for each program, and the case record itself.
 */
import type { ResolvedForm } from "../../src/form/resolve";
import type { CaseSpec, Expect, Family, Intended, Job, Op, Tool, Typed } from "./recipe";
import { ReportFactory, type Report } from "./report-content";

/** Program names recorded in the manifest. */
export const PROGRAM: Record<Tool | "template", string> = {
  template: "bdg-report template",
  openpyxl: "openpyxl",
  libreoffice: "LibreOffice Calc",
  exceljs: "exceljs",
  sheetjs: "SheetJS",
  copy: "file copied (bytes unchanged)",
};

/** The template of a unit (null: the blank template) as a file of the work directory. */
export function templateFile(unitCode: string | null, formId = "BDG-2019"): string {
  return `tpl-${formId}-${unitCode ?? "blank"}.xlsx`;
}

export interface NewCase {
  file: string;
  family: Family;
  description: string;
  report: Report;
  expect: Expect;
  flagIndicators?: string[];
  intendedHasErrors?: boolean;
  rounds: Job[][];
  /** Unit the officer reported for, when not the report's (a retyped unit name). */
  unit?: string;
}

export class CaseBuilder {
  readonly cases: CaseSpec[] = [];
  readonly f: ReportFactory;
  /** Templates the cases read: [form id, unit code or null]. */
  readonly templates = new Map<string, { formId: string; unitCode: string | null }>();
  private seed = 1;
  private unitIndex = 0;

  constructor(readonly form: ResolvedForm) {
    this.f = new ReportFactory(form);
  }

  /** The next unit of the registry, in turn (so that the corpus spreads over all 42 units). */
  nextUnit(): string {
    const u = this.form.units[this.unitIndex % this.form.units.length];
    this.unitIndex++;
    return u.code;
  }

  /** A fresh seeded report for `unitCode` (default: the next unit). */
  report(unitCode: string = this.nextUnit(), blanks: string[] = []): Report {
    return this.f.report(unitCode, this.seed++, blanks);
  }

  /** The template file for a unit (null: blank), registered to be written before the first round. */
  tpl(unitCode: string | null, formId = this.form.id): string {
    const file = templateFile(unitCode, formId);
    this.templates.set(file, { formId, unitCode });
    return file;
  }

  /** A job typing `cells` into `input` with `tool`, then running `ops`. */
  fill(tool: Tool, input: string, out: string, cells: Record<string, Typed>, ops: Op[] = []): Job {
    return { tool, in: input, out, ops: [{ op: "set", cells }, ...ops] };
  }

  /** Type a report into its unit's pre-filled template. */
  fillReport(
    tool: Tool,
    report: Report,
    out: string,
    typed: Record<string, Typed> = {},
    ops: Op[] = []
  ): Job {
    return this.fill(tool, this.tpl(report.unit.code), out, this.f.cells(report.intended, typed), ops);
  }

  /** Type a report, unit name included, into the blank template. */
  fillBlank(tool: Tool, report: Report, out: string, typed: Record<string, Typed> = {}, ops: Op[] = []): Job {
    return this.fill(tool, this.tpl(null), out, this.f.cells(report.intended, typed, true), ops);
  }

  /** Intermediate file name of a case. */
  work(file: string, step: string, ext = "xlsx"): string {
    return `w-${file.replace(/\.[^.]+$/, "")}-${step}.${ext}`;
  }

  add(c: NewCase): void {
    const tools: string[] = [];
    const first = c.rounds[0]?.[0];
    if (first?.in?.startsWith("tpl-") || first?.new?.some((s) => s.in.startsWith("tpl-")))
      tools.push(PROGRAM.template);
    for (const round of c.rounds)
      for (const j of round) if (!tools.includes(PROGRAM[j.tool])) tools.push(PROGRAM[j.tool]);
    this.cases.push({
      file: c.file,
      family: c.family,
      description: c.description,
      programs: tools,
      unit: c.unit ?? c.report.unit.code,
      intended: c.report.intended,
      expect: c.expect,
      ...(c.flagIndicators ? { flagIndicators: c.flagIndicators } : {}),
      ...(c.intendedHasErrors ? { intendedHasErrors: true } : {}),
      rounds: c.rounds,
    });
  }

  /** A copy of a report's intended values with some replaced (keys as in ReportFactory.name, or field keys). */
  with(report: Report, changes: Record<string, Intended>): Report {
    const intended = new Map(report.intended);
    for (const [k, v] of Object.entries(changes)) {
      const name = this.form.fieldByKey.has(k) ? this.f.field(k) : this.f.name(k);
      intended.set(name, v);
    }
    return { unit: report.unit, intended };
  }
}
