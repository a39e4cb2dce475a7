/**
 * The parts of a consolidation computed from the units' statuses (src/merge/merger.ts builds the
 * statuses): rates, totals, outliers, narratives and the notes on ratios. Pure functions of the
 * form and the statuses.
 */
import type { ResolvedForm } from "../form/resolve";
import type { CellPart, Text } from "../form/schema";
import { computeValues } from "../validate/engine";
import { incompleteRatioNote, outlierMessage } from "./messages";
import { findOutliers } from "./outliers";
import type { Consolidation, GroupTotals, Narrative, Outlier, Rates, UnitStatus, UnitValues } from "./types";

/** A numeric input cell of the form, in form order, with its indicator. */
export interface NumericCell {
  name: string;
  code: string;
  part: CellPart;
  kind: "count" | "amount" | "tf";
  measure: string;
}

export function numericCellsOf(form: ResolvedForm): NumericCell[] {
  const cells: NumericCell[] = [];
  for (const ind of form.indicators) {
    if (ind.kind === "count" || ind.kind === "amount" || ind.kind === "tf") {
      for (const c of ind.cells)
        cells.push({ name: c.name, code: ind.code, part: c.part, kind: ind.kind, measure: ind.unit });
    }
  }
  return cells;
}

/** Reporting and timeliness rates of all units, then of each registry group. */
export function ratesOf(form: ResolvedForm, units: readonly UnitStatus[]): Consolidation["rates"] {
  return {
    all: rates(units),
    groups: form.groups.map((g) => ({ ...rates(units.filter((u) => u.group === g)), group: g })),
  };
}

function rates(units: readonly UnitStatus[]): Rates {
  const expected = units.length;
  const onTime = units.filter((u) => u.status === "submitted").length;
  const late = units.filter((u) => u.status === "late").length;
  const received = onTime + late;
  return {
    expected,
    received,
    onTime,
    late,
    missing: expected - received,
    withErrors: units.filter((u) => u.status !== "missing" && u.errors > 0).length,
    excluded: units.filter((u) => u.excluded).length,
    reportingRate: expected ? received / expected : null,
    timelinessRate: expected ? onTime / expected : null,
  };
}

/** Sums of the units in the totals (values, not excluded): all of them, then each registry group. */
export function totalsOf(
  form: ResolvedForm,
  cells: readonly NumericCell[],
  units: readonly UnitStatus[]
): Consolidation["totals"] {
  const included = units.filter((u) => u.values && !u.excluded);
  return {
    all: groupTotals(form, cells, included),
    groups: form.groups.map((g) =>
      groupTotals(
        form,
        cells,
        included.filter((u) => u.group === g),
        g
      )
    ),
  };
}

/** Sums exact to 3 decimals (every value added as an integer number of thousandths); ratios of sums. */
function groupTotals(
  form: ResolvedForm,
  cells: readonly NumericCell[],
  members: readonly UnitStatus[],
  group: string | null = null
): GroupTotals {
  const numbers: Record<string, number> = {};
  const reported: Record<string, number> = {};
  const sums = new Map<string, number>();
  for (const cell of cells) {
    let milli = 0;
    let n = 0;
    for (const u of members) {
      const v = u.values?.numbers[cell.name];
      if (v === undefined) continue;
      milli += Math.round(v * 1000);
      n++;
    }
    const total = milli / 1000;
    numbers[cell.name] = total;
    reported[cell.name] = n;
    sums.set(cell.name, total);
  }
  const computed: Record<string, number | null> = {};
  for (const [id, v] of computeValues(form, sums)) computed[id] = v;
  return { group, units: members.map((u) => u.code), numbers, reported, computed };
}

const PART_VI: Record<CellPart, string> = { total: "tổng số", female: "nữ", value: "" };
const PART_EN: Record<CellPart, string> = { total: "total", female: "female", value: "" };

/**
 * Outliers per registry group, over every accepted unit of that group (excluded ones too), in
 * registry order then form order. Counts them on each unit's status (`outliers`).
 */
export function outliersOf(
  form: ResolvedForm,
  cells: readonly NumericCell[],
  units: readonly UnitStatus[]
): Outlier[] {
  const outliers: Outlier[] = [];
  for (const group of form.groups) {
    const ofGroup = units.filter((u) => u.group === group && u.values);
    for (const cell of cells) outliers.push(...cellOutliers(group, cell, ofGroup));
  }
  const unitIndex = new Map(form.units.map((u, i) => [u.code, i]));
  const nameIndex = new Map(form.names.map((n, i) => [n, i]));
  return outliers.sort(
    (a, b) =>
      (unitIndex.get(a.unit) ?? 0) - (unitIndex.get(b.unit) ?? 0) ||
      (nameIndex.get(a.name) ?? 0) - (nameIndex.get(b.name) ?? 0)
  );
}

/** The outliers of one cell among the units of one group. */
function cellOutliers(group: string, cell: NumericCell, ofGroup: readonly UnitStatus[]): Outlier[] {
  const having = ofGroup.filter(
    (u) => u.values && Object.prototype.hasOwnProperty.call(u.values.numbers, cell.name)
  );
  const vals = having.map((u) => (u.values as UnitValues).numbers[cell.name]);
  const where = cell.part === "value" ? cell.code : `${cell.code} (${PART_VI[cell.part]})`;
  const whereEn = cell.part === "value" ? cell.code : `${cell.code} (${PART_EN[cell.part]})`;
  return findOutliers(vals).map((o) => {
    const u = having[o.index];
    const value = vals[o.index];
    const n = vals.length;
    const message = outlierMessage({
      unitName: u.name,
      where,
      whereEn,
      value,
      median: o.median,
      z: o.z,
      n,
      group,
      measure: cell.measure,
    });
    u.outliers++;
    const at = { indicator: cell.code, part: cell.part, name: cell.name };
    return { unit: u.code, unitName: u.name, group, ...at, value, median: o.median, z: o.z, n, message };
  });
}

/** Text indicators per unit with values, in registry order then form order. */
export function narrativesOf(form: ResolvedForm, units: readonly UnitStatus[]): Narrative[] {
  const narratives: Narrative[] = [];
  const textIndicators = form.indicators.filter((i) => i.kind === "text");
  for (const u of units) {
    if (!u.values) continue;
    for (const ind of textIndicators) {
      const name = ind.cells[0].name;
      const text = u.values.texts[name];
      if (text !== undefined)
        narratives.push({ unit: u.code, unitName: u.name, group: u.group, indicator: ind.code, name, text });
    }
  }
  return narratives;
}

/** A ratio of sums is only what it says when every unit in the sum gave both parts: a note otherwise. */
export function incompleteRatioNotes(form: ResolvedForm, units: readonly UnitStatus[]): Text[] {
  const notes: Text[] = [];
  const ratioOf = [...new Set(form.definition.computed.map((c) => c.formula.of))];
  for (const code of ratioOf) {
    const ind = form.byCode.get(code);
    if (!ind || ind.cells.length < 2) continue;
    const [total, female] = ind.cells.map((c) => c.name);
    const partial = units.filter(
      (u) =>
        u.values &&
        !u.excluded &&
        (u.values.numbers[total] === undefined) !== (u.values.numbers[female] === undefined)
    );
    if (partial.length)
      notes.push(
        incompleteRatioNote(
          code,
          partial.map((u) => u.name)
        )
      );
  }
  return notes;
}
