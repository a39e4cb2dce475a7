/**
 * The machine-readable merge report (`merge --json`). Pure: Consolidation → plain object.
 * Shape (docs/CONTRACT.md "The command line"): { form: {id, version}, files: [...], units: [...], totals: {NAME: number} }
 * plus rates, subtotals, computed values, outliers and notes.
 */
import type { Consolidation } from "./types";

export interface MergeReportJson {
  form: { id: string; version: string };
  collector: { code: string; name: string };
  options: { excludeUnitsWithErrors: boolean };
  counts: Consolidation["counts"];
  files: {
    file: string;
    verdict: "accepted" | "superseded" | "rejected";
    unit: string | null;
    reason: string | null;
    message: string | null;
    supersededBy: string | null;
    reportDate: string | null;
    errors: number;
    warnings: number;
  }[];
  units: {
    code: string;
    name: string;
    kind: string;
    status: "submitted" | "late" | "missing";
    errors: number;
    warnings: number;
    outliers: number;
    excluded: boolean;
    /** Why the unit is left out of the totals: "errors", "otherYear" (another year's report not chosen), or null. */
    exclusion: "errors" | "otherYear" | null;
    /** The year the accepted file says, when it is not the form's. */
    otherYear: number | null;
    file: string | null;
    reportDate: string | null;
  }[];
  rates: Consolidation["rates"];
  totals: Record<string, number>;
  subtotals: { commune: Record<string, number>; body: Record<string, number> };
  computed: {
    all: Record<string, number | null>;
    commune: Record<string, number | null>;
    body: Record<string, number | null>;
  };
  outliers: {
    unit: string;
    indicator: string;
    name: string;
    value: number;
    median: number;
    z: number;
    message: string;
  }[];
  notes: string[];
}

export function consolidationToJson(c: Consolidation): MergeReportJson {
  return {
    form: { id: c.form.id, version: c.form.version },
    collector: c.collector,
    options: c.options,
    counts: c.counts,
    files: c.files.map((f) => ({
      file: f.file,
      verdict: f.verdict,
      unit: f.unit,
      reason: f.reason,
      message: f.message?.vi ?? null,
      supersededBy: f.supersededBy,
      reportDate: f.reportDate,
      errors: f.errors,
      warnings: f.warnings,
    })),
    units: c.units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      status: u.status,
      errors: u.errors,
      warnings: u.warnings,
      outliers: u.outliers,
      excluded: u.excluded,
      exclusion: u.exclusion,
      otherYear: u.otherYear,
      file: u.file,
      reportDate: u.reportDate,
    })),
    rates: c.rates,
    totals: c.totals.all.numbers,
    subtotals: { commune: c.totals.commune.numbers, body: c.totals.body.numbers },
    computed: {
      all: c.totals.all.computed,
      commune: c.totals.commune.computed,
      body: c.totals.body.computed,
    },
    outliers: c.outliers.map((o) => ({
      unit: o.unit,
      indicator: o.indicator,
      name: o.name,
      value: o.value,
      median: o.median,
      z: Math.round(o.z * 100) / 100,
      message: o.message.vi,
    })),
    notes: c.notes.map((n) => n.vi),
  };
}
