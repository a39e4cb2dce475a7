/**
 * The hidden metadata sheet (`_BDG_META`, docs/CONTRACT.md "The workbook contract"): keys in
 * column A, values in column B, then a `names` row and one row per defined name with its address.
 */
import { cellText } from "./cell-value";
import { META_KEYS } from "./contract";
import { colOf, rowOf, type SheetData } from "./sheet-data";

export interface Meta {
  formId: string | null;
  formVersion: string | null;
  /** The fingerprint of the definition the template was made from (older templates have none). */
  fingerprint: string | null;
  unitCode: string | null;
  /** "template" | "summary" | null. */
  kind: string | null;
  /** Upper-case name → address (`'Báo cáo'!$D$14`). Empty when only the keys were read. */
  names: Map<string, string>;
}

const KEY_FIELD: Partial<Record<string, keyof Omit<Meta, "names">>> = {
  [META_KEYS.formId]: "formId",
  [META_KEYS.formVersion]: "formVersion",
  [META_KEYS.fingerprint]: "fingerprint",
  [META_KEYS.unitCode]: "unitCode",
  [META_KEYS.kind]: "kind",
};

/** The metadata sheet's keys and name map from its cells (columns A and B, rows in order). */
export function metaFromSheet(sh: SheetData): Meta {
  const rows = new Map<number, [string, string]>();
  for (const [k, v] of sh.cells) {
    const c = colOf(k);
    if (c > 2) continue;
    const r = rowOf(k);
    const row = rows.get(r) ?? ["", ""];
    row[c - 1] = cellText(v).trim();
    rows.set(r, row);
  }
  const meta: Meta = {
    formId: null,
    formVersion: null,
    fingerprint: null,
    unitCode: null,
    kind: null,
    names: new Map(),
  };
  let inNames = false;
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const [a, b] = rows.get(r) as [string, string];
    if (!a) continue;
    if (inNames) {
      if (b) meta.names.set(a.toUpperCase(), b);
      continue;
    }
    if (a === META_KEYS.names) {
      inNames = true;
      continue;
    }
    const field = KEY_FIELD[a];
    if (field) meta[field] = b || null;
  }
  return meta;
}
