/**
 * What the task pane needs from the rest of the add-in, as small interfaces. The components only
 * talk to these; `services-office.ts` wires them to src/excel (Office.js edge), src/xlsx and
 * src/merge, and the component tests pass mocks.
 */
import * as React from "react";
import type { FormDefinition, Text, Unit } from "../form/schema";
import type { AddedFile, Consolidation, FileVerdict } from "../merge/types";

/** An error whose message is meant for the officer ({vi, en}); anything else is shown as technical detail. */
export class UserError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "UserError";
  }
}

export function isUserError(e: unknown): e is UserError {
  return (
    e instanceof UserError ||
    (typeof e === "object" && e !== null && "text" in e && isText((e as { text: unknown }).text))
  );
}

function isText(v: unknown): v is Text {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Text).vi === "string" &&
    typeof (v as Text).en === "string"
  );
}

/* ---------------------------------------------------------------- template ------------ */

export interface TemplateRequest {
  /** Registry unit to pre-fill, or null for a blank template. */
  unitCode: string | null;
  /** Sheet protection password; "" for none. */
  password: string;
}

export interface TemplateService {
  /** The registry, for the unit picker. */
  readonly units: readonly Unit[];
  /** A new workbook from the generated file (Excel.createWorkbook). */
  createWorkbook(request: TemplateRequest): Promise<void>;
  /** Applies the template's sheet model to the current workbook; resolves with the sheets written. */
  insertIntoCurrent(request: TemplateRequest): Promise<{ sheets: string[] }>;
}

/* ---------------------------------------------------------------- check --------------- */

export interface CheckIssue {
  /** Stable key within one result. */
  id: string;
  severity: "error" | "warning";
  message: Text;
  /** Address shown to the officer (e.g. "D14"); null when the issue is about no single cell. */
  address: string | null;
  /** Sheet-qualified address to select (e.g. `'Báo cáo'!D14`); null when there is none. */
  target: string | null;
  /** Indicator code (e.g. "I.2"), when the issue is about one. */
  indicator: string | null;
}

export type CheckResult =
  | { found: false }
  | {
      found: true;
      /** The sheet the report was found on (it may have been renamed). */
      sheet: string;
      errors: number;
      warnings: number;
      issues: CheckIssue[];
      /**
       * "protected": the cells could not be coloured because the sheet is protected with a
       * password the add-in does not have; the list is complete all the same.
       */
      marks?: "marked" | "protected";
    };

export interface CheckService {
  /**
   * Reads the report in the current workbook, runs every rule, marks bad cells. A sheet protected
   * with a password does not stop the check: the issues come back with `marks: "protected"`.
   */
  run(): Promise<CheckResult>;
  /** Selects the issue's cell in the sheet. */
  select(issue: CheckIssue): Promise<void>;
  /** Removes the marks, restoring the cells' own formatting. */
  clearMarks(): Promise<void>;
  /**
   * Re-checks whenever the officer edits the sheet (debounced, ignoring the add-in's own
   * writes). Resolves with a function that stops watching.
   */
  watch(
    onResult: (result: CheckResult) => void,
    onError: (error: unknown) => void
  ): Promise<() => Promise<void>>;
}

/* ---------------------------------------------------------------- merge --------------- */

export interface MergeInputFile {
  name: string;
  /** ms since the epoch (File.lastModified). */
  modified: number;
  bytes: Uint8Array;
}

export interface MergeSession {
  /**
   * Reads one file and adds it to the merge. Resolves with what is known of the file at once
   * (src/merge/types.ts `AddedFile`: candidate for its unit, or rejected with its reason). Nothing is
   * consolidated per file, so adding stays cheap however many files came before: the verdicts of
   * every file come with `finish`.
   */
  add(file: MergeInputFile): Promise<AddedFile>;
  /**
   * The officer's choice (docs/CONTRACT.md "Merging"): use `file` for `unit` whatever the default rule
   * says; the unit's other files become "superseded" with reason "officerChoice". No file is read
   * again and nothing is rebuilt; the choice holds for files added later and for `finish`.
   * Resolves with every file's verdict.
   */
  prefer(unit: string, file: string): Promise<FileVerdict[]>;
  /** The consolidation of the files added so far, with the officer's choices. */
  finish(options: { excludeUnitsWithErrors: boolean }): Consolidation;
}

export interface ChartIndicator {
  code: string;
  label: Text;
}

export interface MergeService {
  /** Indicators (total + female) that can be charted as % female by unit. */
  readonly chartIndicators: readonly ChartIndicator[];
  /** The form's deadline (ISO date, e.g. "2019-12-01"): a report dated later is late. */
  readonly deadline: string;
  begin(): MergeSession;
  /**
   * Writes the summary, status and narratives sheets (and the chart) into the current workbook,
   * replacing the sheets the add-in made before. Resolves with the names of the sheets written.
   */
  write(
    consolidation: Consolidation,
    options: { chartIndicator: string | null }
  ): Promise<{ sheets: string[] }>;
}

/* ---------------------------------------------------------------- all ----------------- */

export interface TaskpaneServices {
  template: TemplateService;
  check: CheckService;
  merge: MergeService;
}

const ServicesContext = React.createContext<TaskpaneServices | null>(null);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): TaskpaneServices {
  const s = React.useContext(ServicesContext);
  if (!s) throw new Error("ServicesProvider missing");
  return s;
}

/* ---------------------------------------------------------------- form (Biểu mẫu) ----- */

/** One problem of a form definition, as the Form tab lists it. */
export interface FormProblem {
  /** Stable key within one reading. */
  id: string;
  /** Where and what, Vietnamese and English: "Chỉ tiêu, dòng 12, cột Loại: …". */
  message: Text;
  /** The cell as shown ("F12"); null for a problem of a whole sheet or of the form. */
  address: string | null;
  /** Sheet-qualified address to select (`'Chỉ tiêu'!F12`); null when there is none to select. */
  target: string | null;
}

export type FormReadResult =
  | { ok: true; definition: FormDefinition }
  /** `message`: why nothing could be read at all (not a definition workbook, not a workbook). */
  | { ok: false; problems: FormProblem[]; message: Text | null };

/**
 * How the Form tab writes and reads definition workbooks: through Office.js in the add-in
 * (services-form.ts), as downloaded and picked files in the browser mode (browser/file-services.ts).
 * Which form is active is not theirs: the pane keeps it (form-context.tsx) and makes the other
 * services for it.
 */
export interface FormActions {
  /** "excel": a new workbook and the open workbook; "file": a download and a picked file. */
  readonly kind: "excel" | "file";
  /** The definition workbook of `def`: opened as a new workbook, or downloaded (its file name). */
  writeDefinition(def: FormDefinition): Promise<{ fileName: string | null }>;
  /** The definition sheets of the open workbook (problems marked in place), or of `file`. */
  readDefinition(file?: { name: string; bytes: Uint8Array }): Promise<FormReadResult>;
  /** Selects a problem's cell in the sheet (the add-in only). */
  select?(problem: FormProblem): Promise<void>;
}
