/**
 * The hidden metadata sheet (`_BDG_META`) that the template and the summary both carry, written
 * in one place. Read back by src/workbook/meta.ts (`metaFromSheet`); its keys are the contract's
 * (src/workbook/contract.ts META_KEYS).
 *
 * Columns A–B: key | value rows (form id, version, unit code, kind, generator), then the `names`
 * key row and one row per defined name with the address it points at, so that a report whose
 * defined names were lost can still be read. The template adds the unit list in columns D–E
 * (names | codes), the source of the unit cell's drop-down list.
 */
import type { Unit } from "../form/schema";
import { GENERATOR, META_KEYS, META_SHEET } from "../workbook/contract";
import type { CellModel, CellScalar, SheetModel } from "./sheet-model";

export interface MetaSheetSpec {
  formId: string;
  formVersion: string;
  /** The definition's fingerprint (src/form/fingerprint.ts). */
  fingerprint: string;
  /** The report's unit (the template's pre-filled unit, the summary's collector); null: none. */
  unitCode: string | null;
  kind: "template" | "summary";
  /** Defined name → its sheet-qualified address (`'Báo cáo'!$D$14`), in the form's order. */
  names: readonly (readonly [string, string])[];
  /** The unit list for the unit cell's validation (the template only). */
  units?: readonly Unit[];
}

/** The metadata sheet, very hidden. A key whose value is null has no value cell. */
export function metaSheet(spec: MetaSheetSpec): SheetModel {
  const cells: CellModel[] = [];
  const keyRows: [string, CellScalar][] = [
    [META_KEYS.formId, spec.formId],
    [META_KEYS.formVersion, spec.formVersion],
    [META_KEYS.fingerprint, spec.fingerprint],
    [META_KEYS.unitCode, spec.unitCode],
    [META_KEYS.kind, spec.kind],
    [META_KEYS.generator, GENERATOR],
  ];
  keyRows.forEach(([k, v], i) => {
    cells.push({ address: `A${i + 1}`, value: k, style: "meta" });
    if (v !== null) cells.push({ address: `B${i + 1}`, value: v, style: "meta" });
  });
  const namesRow = keyRows.length + 1;
  cells.push({ address: `A${namesRow}`, value: META_KEYS.names, style: "meta" });
  spec.names.forEach(([n, ref], i) => {
    cells.push({ address: `A${namesRow + 1 + i}`, value: n, style: "meta" });
    cells.push({ address: `B${namesRow + 1 + i}`, value: ref, style: "meta" });
  });
  const columns = [
    { column: "A", width: 22 },
    { column: "B", width: 34 },
  ];
  if (spec.units) {
    cells.push(
      { address: "D1", value: "units", style: "meta" },
      { address: "E1", value: "unit_codes", style: "meta" }
    );
    spec.units.forEach((u, i) => {
      cells.push(
        { address: `D${i + 2}`, value: u.name, style: "meta" },
        { address: `E${i + 2}`, value: u.code, style: "meta" }
      );
    });
    columns.push({ column: "D", width: 40 }, { column: "E", width: 18 });
  }
  return {
    name: META_SHEET,
    visibility: "veryHidden",
    cells,
    merges: [],
    columns,
    rows: [],
    validations: [],
  };
}

/** The range of the unit names on the metadata sheet (for the unit list's defined name). */
export function unitListRange(units: readonly Unit[]): string {
  return `D2:D${units.length + 1}`;
}
