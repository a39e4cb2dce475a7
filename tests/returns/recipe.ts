/**
 * How one returned file of the corpus is made: the officer's meaning (intended unit and values)
 * and the jobs that produce the file (filled and edited by openpyxl, exceljs, SheetJS or
 * LibreOffice), plus the manifest entry written for it. Types and small helpers only.
 */

/** What the officer meant a cell to hold: numbers as numbers, texts as texts, blank as null. */
export type Intended = number | string | null;

/** What is typed into a cell: a value, a formula (with its result when the writer computes one), or blank. */
export type Typed = number | string | { f: string; v?: number } | null;

/** Families of returned files (see the README at the top of make-returns.ts). */
export const FAMILIES = {
  baseline: "Filled in the template and saved, nothing else",
  "row-deleted": "An indicator row deleted (sheet unprotected, row deleted, saved)",
  "merged-total-female": '"Tổng số" and "Nữ" merged on an indicator row',
  "values-copy-two-years": "Values-only copy into a new workbook holding last year's and this year's report",
  "values-copy": "Values-only copy of the report into a new workbook (no names, no metadata sheet)",
  "sheetjs-resave": "Filled or re-saved by SheetJS (trusts the declared used range, drops column A)",
  "neighbour-template": "A neighbour's pre-filled template with the unit name retyped",
  "freehand-unit": "Unit name typed freehand into the blank template",
  "xls-ods": "Saved as .xls or .ods",
  "rows-inserted": "Rows inserted above or inside the table",
  "column-inserted": "A column inserted",
  "sheet-copied": "The report sheet copied inside the workbook (two report sheets)",
  "rows-sorted": "Indicator rows sorted by an officer",
  "cut-paste": "A value cut and pasted to another row",
  "meta-deleted": "The hidden metadata sheet deleted",
  "names-deleted": "Defined names deleted",
  "text-numbers": 'Numbers typed as text ("1.234", "12,5")',
  formulas: "Formulas typed into input cells",
  "second-report-below": "A second unit's report pasted below the table",
  "sheet-to-new-workbook": "The whole sheet copied into a fresh workbook with its formatting",
  "file-renamed": "File named after another unit",
  "last-year-template": "Last year's template filled with this year's numbers",
  "blank-report": "The template returned blank",
  "wrong-extension": "A workbook whose extension does not match its format",
  "sheet-renamed-added": "Report sheet renamed, or a sheet added before it",
} as const;

export type Family = keyof typeof FAMILIES;

/**
 * exact: every intended value must be read, for the intended unit.
 * flag: the file must be refused, or its unit must carry an error (naming `flagIndicators`).
 * refuse: the file must be refused.
 */
export type Expect = "exact" | "flag" | "refuse";

export type Tool = "openpyxl" | "libreoffice" | "exceljs" | "sheetjs" | "copy";

/** One edit; the vocabulary of each tool is documented in its script or in node-tools.ts. */
export interface Op {
  op: string;
  [key: string]: unknown;
}

/** A sheet of another file, for a job that builds a new workbook. */
export interface Source {
  in: string;
  sheet?: string | null;
  as: string;
  mode?: "values" | "import" | "styled";
}

/** One program run on one file. Paths are file names inside the work directory. */
export interface Job {
  tool: Tool;
  in?: string;
  new?: Source[];
  out: string;
  ops: Op[];
  format?: "xlsx" | "xls" | "ods";
}

/** One file of the corpus as the generator makes it. */
export interface CaseSpec {
  file: string;
  family: Family;
  description: string;
  /** Programs that wrote the file, in order. */
  programs: string[];
  /** Registry code of the unit the officer reported for. */
  unit: string;
  intended: Map<string, Intended>;
  expect: Expect;
  /** For "flag": indicator codes the unit's errors must name. */
  flagIndicators?: string[];
  /** The intended report itself breaks the form's rules (a blank report). */
  intendedHasErrors?: boolean;
  /** Jobs by round: every job of a round may use any file made in an earlier round. */
  rounds: Job[][];
}

/** The manifest entry of one file (tests/fixtures/returns/manifest.json). */
export interface ManifestEntry {
  file: string;
  family: Family;
  programs: string[];
  description: string;
  unit: string;
  expect: Expect;
  flagIndicators?: string[];
  values: Record<string, Intended>;
}

export interface Manifest {
  form: { id: string; version: string };
  families: Record<string, string>;
  tools: Record<string, string>;
  files: ManifestEntry[];
}

export function manifestEntry(c: CaseSpec, names: readonly string[]): ManifestEntry {
  const values: Record<string, Intended> = {};
  for (const n of names) values[n] = c.intended.get(n) ?? null;
  return {
    file: c.file,
    family: c.family,
    programs: c.programs,
    description: c.description,
    unit: c.unit,
    expect: c.expect,
    ...(c.flagIndicators ? { flagIndicators: c.flagIndicators } : {}),
    values,
  };
}
