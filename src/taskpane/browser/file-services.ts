/**
 * The browser mode's services: the add-in's tasks on files, all on this computer (nothing is
 * uploaded). Templates and summaries are made with the same layout and writer as the command line
 * (src/layout, src/xlsx/write-*.ts: exceljs in its lazy chunk), returned files are read by the
 * same reader (src/xlsx/reader.ts) and merged by the same merger (src/merge), so a summary made
 * here is the one `bdg-report merge` makes of the same files on the same day.
 */
import type { ResolvedForm } from "../../form/resolve";
import type { Text, Unit } from "../../form/schema";
import type { InspectResult } from "../../inspect/types";
import { buildSummary } from "../../layout/summary";
import { todayInVietnam } from "../../merge/today";
import type { Consolidation } from "../../merge/types";
import { mergeSession } from "../merge-session";
import { readDefinitionFile } from "../../xlsx/definition-file";
import { inspectFileAsync } from "../../xlsx/reader";
import { zipFiles } from "../../xlsx/zip-files";
import { formProblems } from "../definition-problems";
import { checkIssues } from "../check-issues";
import type { CheckIssue, FormActions, MergeInputFile, MergeSession } from "../services";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ZIP_TYPE = "application/zip";

/** A file made here, to be saved by the browser. */
export interface Download {
  fileName: string;
  bytes: Uint8Array;
  type: string;
}

/** An issue of a checked file: the add-in's CheckIssue (its `target` is not selected in a file). */
export type FileIssue = CheckIssue;

export type FileCheck =
  | { ok: false; file: string; message: Text }
  | {
      ok: true;
      file: string;
      /** The unit's name, or null when no unit could be told. */
      unit: string | null;
      errors: number;
      warnings: number;
      issues: FileIssue[];
    };

export interface FileServices {
  /** The registry, for the unit picker. */
  readonly units: readonly Unit[];
  /** One template: for a unit (pre-filled and locked), or blank when `unitCode` is null. */
  template(unitCode: string | null, password: string): Promise<Download>;
  /** Every unit's template in one .zip, named as `bdg-report template --all-units` names them. */
  allTemplates(
    password: string,
    progress: (done: number, total: number, unit: Unit) => void
  ): Promise<Download>;
  /** A returned file checked against every rule of the form. */
  check(file: MergeInputFile): Promise<FileCheck>;
  /** A merge of returned files, one file at a time. */
  beginMerge(): MergeSession;
  /** The summary workbook of a consolidation, dated `today` (as `merge --date`). */
  summary(c: Consolidation): Promise<Download>;
  /** The Form tab's actions on files. */
  readonly form: FormActions;
}

/** A reader's result as the Check panel lists it. */
export function fileCheck(file: string, read: InspectResult): FileCheck {
  if (!read.ok) return { ok: false, file, message: read.message };
  const { issues, errors, warnings } = checkIssues(read.issues, read.cells, read.sheetName);
  return {
    ok: true,
    file,
    unit: read.unit.unit?.name ?? null,
    errors,
    warnings,
    issues,
  };
}

function fileFormActions(save: (d: Download) => void): FormActions {
  return {
    kind: "file",
    async writeDefinition(def) {
      const { definitionBytes, definitionFileName } = await import(
        /* webpackChunkName: "definition-writer" */ "../definition-bytes"
      );
      const fileName = definitionFileName(def);
      save({ fileName, bytes: await definitionBytes(def), type: XLSX_TYPE });
      return { fileName };
    },
    async readDefinition(file) {
      if (!file) throw new Error("readDefinition: no file");
      const read = readDefinitionFile(file.bytes);
      if (read.ok) return read;
      if (read.problems.length === 0) return { ok: false, problems: [], message: read.message };
      return { ok: false, problems: formProblems(read.problems, false), message: null };
    },
  };
}

/** The services for `form`; `save` is how the Form tab's definition file reaches the officer. */
export function createFileServices(
  form: ResolvedForm,
  save: (d: Download) => void = saveDownload
): FileServices {
  const writer = () => import(/* webpackChunkName: "xlsx-writer" */ "../../xlsx/write-template");
  return {
    units: form.units,
    async template(unitCode, password) {
      const { templateFileName, writeTemplate } = await writer();
      const unit = form.units.find((u) => u.code === unitCode) ?? null;
      const bytes = await writeTemplate(form, { ...(unit ? { unitCode: unit.code } : {}), password });
      return { fileName: templateFileName(form, unit), bytes, type: XLSX_TYPE };
    },
    async allTemplates(password, progress) {
      const { writeAllUnitTemplates } = await writer();
      const all = await writeAllUnitTemplates(form, { password }, {}, async (done, total, unit) => {
        progress(done, total, unit);
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress bar paint
      });
      const bytes = zipFiles(all.map((t) => ({ name: t.fileName, bytes: t.bytes })));
      return { fileName: `${form.id}_Tat-ca-don-vi.zip`, bytes, type: ZIP_TYPE };
    },
    async check(file) {
      return fileCheck(file.name, await inspectFileAsync(file.bytes, form));
    },
    beginMerge: () => mergeSession(form),
    async summary(c) {
      const { writeWorkbook } = await import(
        /* webpackChunkName: "xlsx-writer" */ "../../xlsx/write-workbook"
      );
      const summary = buildSummary(c, form, { reportDate: todayInVietnam() });
      return {
        fileName: `${form.id}_Tong-hop.xlsx`,
        bytes: await writeWorkbook(summary.model),
        type: XLSX_TYPE,
      };
    },
    form: fileFormActions(save),
  };
}

/** Saves a file made here through the browser's own download (an object URL, revoked after). */
export function saveDownload(d: Download, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([d.bytes as BlobPart], { type: d.type }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = d.fileName;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
