/**
 * A workbook loaded whole (.xls, .ods: LoadedWorkbook) as the inspection step's WorkbookSnapshot:
 * its defined names (workbook scope preferred over a sheet's), the worksheets in tab order (chart,
 * dialog and macro sheets left out), and the metadata sheet. Part of the lazy .xls/.ods chunk
 * (other-formats.ts).
 */
import { META_SHEET } from "../workbook/contract";
import { metaFromSheet, type Meta } from "../workbook/meta";
import type { NameDef, WorkbookSnapshot } from "../workbook/snapshot";
import type { LoadedSheet, LoadedWorkbook } from "./loaded-workbook";

function namesOf(loaded: LoadedWorkbook): Map<string, NameDef> {
  const names = new Map<string, NameDef>();
  for (const n of loaded.names) {
    const up = n.name.toUpperCase();
    const scope = n.localSheet === null ? null : (loaded.sheets[n.localSheet]?.name ?? null);
    const prev = names.get(up);
    if (!prev || (prev.scope !== null && scope === null)) names.set(up, { ref: n.ref, scope });
  }
  return names;
}

export function snapshotOf(loaded: LoadedWorkbook): WorkbookSnapshot {
  const byUpper = new Map<string, LoadedSheet>();
  for (const s of loaded.sheets) if (!byUpper.has(s.name.toUpperCase())) byUpper.set(s.name.toUpperCase(), s);
  const sheets = loaded.sheets
    .filter((s) => s.data !== null && byUpper.get(s.name.toUpperCase()) === s)
    .map((s) => ({ name: s.name, visible: s.visible }));
  const cells = (name: string) => byUpper.get(name.toUpperCase())?.data ?? null;
  let meta: Meta | null | undefined;
  return {
    sheets,
    names: namesOf(loaded),
    cells,
    part: (name) => cells(name),
    meta: () => {
      if (meta === undefined) {
        const data = cells(META_SHEET);
        meta = data ? metaFromSheet(data) : null;
      }
      return meta;
    },
    date1904: loaded.date1904,
  };
}
