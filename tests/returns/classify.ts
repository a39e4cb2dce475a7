/**
 * Classifying one returned file of the corpus against what its officer meant (manifest.json):
 * read exactly, flagged (refused with a reason, or its unit carries an error), or silent wrong
 * (a value that differs from the intended one, or a wrong unit, while the unit has no error).
 * Values are compared as the merge uses them: through the rule engine ("1.234" typed for a
 * count is 1234; a formula without a result is no number).
 */
import type { ResolvedForm } from "../../src/form/resolve";
import { isBlank, type CellValue } from "../../src/workbook/cell-value";
import { serialToIso } from "../../src/validate/dates";
import { evaluateReport, type Evaluation } from "../../src/validate/engine";
import type { CorpusInspection } from "./inspect-adapter";
import type { Intended, ManifestEntry } from "./recipe";

export type Outcome = "exact" | "flagged" | "refused" | "silent wrong";

export interface Classification {
  outcome: Outcome;
  /** Names read differently from the intended value, as "NAME: read X, meant Y". */
  mismatches: string[];
  /** The unit the file counts for, when it is not the intended one. */
  wrongUnit: string | null;
  /** Why the file does not meet its `expect`; null when it does. */
  failure: string | null;
}

const clean = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim();

const show = (v: unknown): string => {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(typeof v === "string" && v.length > 40 ? `${v.slice(0, 37)}…` : v);
  return s;
};

/** What the merge takes from the file for `name`: a number, a text, or null (nothing). */
function readAs(
  form: ResolvedForm,
  name: string,
  ev: Evaluation,
  raw: CellValue | undefined
): number | string | null {
  const target = form.byName.get(name);
  if (target?.type === "field") {
    const h = ev.header;
    switch (target.field.key) {
      case "unit":
        return h.unitText;
      case "year":
        return h.year;
      case "reportDate":
        return h.reportDate;
      case "preparer":
        return h.preparer;
      case "phone":
        return h.phone;
      case "head":
        return h.head;
      default:
        return null;
    }
  }
  const n = ev.numbers.get(name);
  if (n !== undefined) return n;
  const t = ev.texts.get(name);
  if (t !== undefined) return t;
  return raw === undefined || isBlank(raw) ? null : `(unreadable ${show(raw)})`;
}

function same(form: ResolvedForm, name: string, meant: Intended, read: number | string | null): boolean {
  if (meant === null) return read === null;
  const target = form.byName.get(name);
  if (target?.type === "field" && target.field.key === "reportDate" && typeof meant === "number")
    return read === serialToIso(meant);
  if (typeof meant === "number") return typeof read === "number" && Math.abs(read - meant) < 1e-9;
  return typeof read === "string" && clean(read) === clean(meant);
}

/** The names whose value, as the merge would use it, differs from the intended one. */
export function mismatchesOf(
  form: ResolvedForm,
  entry: ManifestEntry,
  values: ReadonlyMap<string, CellValue>
): string[] {
  const ev = evaluateReport(form, values);
  const out: string[] = [];
  for (const name of form.names) {
    const meant = entry.values[name] ?? null;
    const read = readAs(form, name, ev, values.get(name));
    if (!same(form, name, meant, read)) out.push(`${name}: read ${show(read)}, meant ${show(meant)}`);
  }
  return out;
}

/** Does the unit carry an error about each of `codes`? */
function namesIndicators(form: ResolvedForm, got: CorpusInspection, codes: readonly string[]): string[] {
  return codes.filter(
    (code) =>
      !got.errors.some((e) => {
        if (e.indicator === code) return true;
        const t = e.cell ? form.byName.get(e.cell) : undefined;
        return t?.type === "indicator" && t.indicator.code === code;
      })
  );
}

export function classify(form: ResolvedForm, entry: ManifestEntry, got: CorpusInspection): Classification {
  const mismatches = got.refused ? [] : mismatchesOf(form, entry, got.values);
  const wrongUnit = !got.refused && got.unit !== entry.unit ? got.unit : null;
  const right = !got.refused && wrongUnit === null && mismatches.length === 0;
  let outcome: Outcome;
  if (got.refused) outcome = "refused";
  else if (right) outcome = "exact";
  else outcome = got.unitHasError ? "flagged" : "silent wrong";
  return {
    outcome,
    mismatches,
    wrongUnit,
    failure: failureOf(form, entry, got, outcome, mismatches, wrongUnit),
  };
}

function failureOf(
  form: ResolvedForm,
  entry: ManifestEntry,
  got: CorpusInspection,
  outcome: Outcome,
  mismatches: string[],
  wrongUnit: string | null
): string | null {
  const wrong = [...(wrongUnit ? [`counted for ${wrongUnit}, meant ${entry.unit}`] : []), ...mismatches];
  if (outcome === "silent wrong")
    return `silent wrong: ${wrong.slice(0, 4).join("; ")}${wrong.length > 4 ? ` (+${wrong.length - 4})` : ""}`;
  switch (entry.expect) {
    case "exact":
      if (outcome === "exact") return null;
      if (outcome === "refused") return `refused, meant to be read exactly: ${got.reason ?? ""}`;
      return `not read exactly (flagged): ${wrong.slice(0, 4).join("; ")}${wrong.length > 4 ? ` (+${wrong.length - 4})` : ""}`;
    case "refuse":
      return outcome === "refused" ? null : `not refused (${outcome})`;
    case "flag": {
      if (outcome === "refused") return null;
      if (!got.unitHasError) return "not flagged: the unit carries no error";
      const unnamed = namesIndicators(form, got, entry.flagIndicators ?? []);
      return unnamed.length ? `flagged, but no error names ${unnamed.join(", ")}` : null;
    }
  }
}
