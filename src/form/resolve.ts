/**
 * A checked form with every input cell named: what the layout, validation, reader and merge use.
 */
import { BDG_2019 } from "./bdg-2019";
import { UnitMatcher } from "./unit-match";
import { cellName, fieldName, isValidDefinedName } from "./names";
import {
  FormDefinitionError,
  parseForm,
  partsOfKind,
  type CellPart,
  type Field,
  type FormDefinition,
  type Indicator,
  type Unit,
} from "./schema";

export interface NamedCell {
  part: CellPart;
  name: string;
}

export interface ResolvedIndicator extends Indicator {
  cells: NamedCell[];
}

export interface ResolvedField extends Field {
  name: string;
}

/** What one defined name stands for. */
export type NameTarget =
  | { type: "indicator"; indicator: ResolvedIndicator; part: CellPart }
  | { type: "field"; field: ResolvedField };

export interface ResolvedForm {
  definition: FormDefinition;
  id: string;
  version: string;
  indicators: ResolvedIndicator[];
  fields: ResolvedField[];
  units: Unit[];
  /** The registry's groups, in the order they first appear. */
  groups: string[];
  /** Every input name (header fields first, then indicator cells in form order). */
  names: string[];
  byName: ReadonlyMap<string, NameTarget>;
  byCode: ReadonlyMap<string, ResolvedIndicator>;
  fieldByKey: ReadonlyMap<string, ResolvedField>;
}

export const partsOf = partsOfKind;

/** Resolve a parsed form: names for every input cell, lookup tables. Throws on a name clash. */
export function resolveForm(definition: FormDefinition): ResolvedForm {
  const byName = new Map<string, NameTarget>();
  const problems: string[] = [];
  const claim = (name: string, target: NameTarget, where: string): void => {
    if (!isValidDefinedName(name))
      problems.push(`${where}: tên "${name}" không hợp lệ / invalid defined name`);
    if (byName.has(name)) problems.push(`${where}: tên "${name}" bị trùng / duplicate defined name`);
    byName.set(name, target);
  };
  const fields: ResolvedField[] = definition.fields.map((f) => ({
    ...f,
    name: fieldName(definition.id, f.key),
  }));
  fields.forEach((f) => claim(f.name, { type: "field", field: f }, `fields.${f.key}`));
  const indicators: ResolvedIndicator[] = definition.indicators.map((ind) => ({
    ...ind,
    cells: partsOf(ind.kind).map((part) => ({ part, name: cellName(definition.id, ind.code, part) })),
  }));
  for (const ind of indicators) {
    for (const c of ind.cells)
      claim(c.name, { type: "indicator", indicator: ind, part: c.part }, `indicators.${ind.code}`);
  }
  if (problems.length) throw new FormDefinitionError(problems);
  return {
    definition,
    id: definition.id,
    version: definition.version,
    indicators,
    fields,
    units: definition.units,
    groups: groupsOf(definition.units),
    names: [...byName.keys()],
    byName,
    byCode: new Map(indicators.map((i) => [i.code, i])),
    fieldByKey: new Map(fields.map((f) => [f.key, f])),
  };
}

/** The groups of a registry, in the order they first appear. */
export function groupsOf(units: readonly Unit[]): string[] {
  return [...new Set(units.map((u) => u.group))];
}

/** Parse + resolve in one step. */
export function loadForm(input: unknown): ResolvedForm {
  return resolveForm(parseForm(input));
}

let builtIn: ResolvedForm | undefined;
/** The built-in BDG-2019 form (parsed once). */
export function builtInForm(): ResolvedForm {
  builtIn ??= loadForm(BDG_2019);
  return builtIn;
}

/** The same form with another unit registry (e.g. `merge --units`). */
export function withUnits(form: ResolvedForm, units: Unit[]): ResolvedForm {
  return loadForm({ ...form.definition, units });
}

/** Name of one cell of an indicator; throws if the form has no such cell. */
export function nameOf(form: ResolvedForm, code: string, part: CellPart): string {
  const cell = form.byCode.get(code)?.cells.find((c) => c.part === part);
  if (!cell) throw new Error(`Biểu mẫu không có ô ${code}/${part} / no such cell`);
  return cell.name;
}

const matchers = new WeakMap<ResolvedForm, UnitMatcher>();
/** The form's registry prepared for matching typed unit names (made once per form). */
export function unitMatcherOf(form: ResolvedForm): UnitMatcher {
  let m = matchers.get(form);
  if (!m) {
    m = new UnitMatcher(form.units, { collectorName: form.definition.collector.name });
    matchers.set(form, m);
  }
  return m;
}
