/**
 * The one seam between the returned-files corpus and the reading code: bytes of one returned
 * file in, what the merge would make of it out. Today: `inspectFile` (src/xlsx/reader.ts) with
 * the Node platform functions, then a `Merger` holding that one file, whose `finish()` says
 * whether the file is refused, which unit it counts for and which errors that unit carries.
 * When the reading code changes (one inspection step, .xls/.ods readers), re-point this
 * function and nothing else.
 */
import { NODE_READ } from "../../src/cli/node-read";
import { builtInForm, type ResolvedForm } from "../../src/form/resolve";
import { Merger } from "../../src/merge/merger";
import type { CellValue } from "../../src/workbook/cell-value";
import type { Issue } from "../../src/validate/issue";
import { inspectFile } from "../../src/xlsx/reader";

export interface CorpusInspection {
  /** The file never became a report of a unit (the reader refused it, or the merge rejected it). */
  refused: boolean;
  /** Reason code and the officer's message, when refused. */
  reason?: string;
  /** The registry code of the unit the file counts for; null when refused. */
  unit: string | null;
  /** The unit carries at least one error (its status would say "có lỗi"). */
  unitHasError: boolean;
  /** The errors the unit carries (reader, rules and merge notes of severity "error"). */
  errors: Issue[];
  /** The values read, by defined name (a name the file lacks is absent). */
  values: Map<string, CellValue>;
}

let cachedForm: ResolvedForm | null = null;

/** The form the corpus was made for (BDG-2019 with the Tân Yên registry). */
export function corpusForm(): ResolvedForm {
  cachedForm ??= builtInForm();
  return cachedForm;
}

export function inspectForCorpus(bytes: Uint8Array, fileName: string): CorpusInspection {
  const form = corpusForm();
  const read = inspectFile(bytes, form, { ...NODE_READ });
  const merger = new Merger(form);
  merger.add(fileName, 0, read);
  const result = merger.finish();
  const verdict = result.files[0];
  const values = read.ok ? read.values : new Map<string, CellValue>();
  if (verdict.verdict === "rejected" || verdict.unit === null) {
    const why = verdict.message ? `${verdict.reason}: ${verdict.message.vi}` : String(verdict.reason);
    return { refused: true, reason: why, unit: null, unitHasError: false, errors: [], values };
  }
  const status = result.units.find((u) => u.code === verdict.unit);
  const errors = (status?.issues ?? []).filter((i) => i.severity === "error");
  return {
    refused: false,
    unit: verdict.unit,
    unitHasError: (status?.errors ?? 0) > 0,
    errors,
    values,
  };
}
