/**
 * The machine-readable merge report (`merge --json`). Pure: Consolidation → plain object.
 * Shape (docs/CONTRACT.md "The command line"): { form: {id, version}, files: [...], units: [...], totals: {NAME: number} }
 * plus rates, the registry groups' subtotals and computed values, outliers and notes.
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
    group: string;
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
  /** Computed values (% female, sex ratio at birth) of the total. */
  computed: Record<string, number | null>;
  /** Each registry group, in registry order: its sums and computed values. */
  groups: { group: string; totals: Record<string, number>; computed: Record<string, number | null> }[];
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
      group: u.group,
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
    computed: c.totals.all.computed,
    groups: c.totals.groups.map((g) => ({ group: g.group ?? "", totals: g.numbers, computed: g.computed })),
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
