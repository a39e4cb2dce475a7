/**
 * Which sheet holds the report. The sheet the defined names (else the metadata map) point at;
 * in a copy without either, the one sheet whose code column lists the form's indicators — and
 * when several do (last year's report kept as the first sheet, a copy of the sheet), the one whose
 * year is the form's year. Still several: nobody can tell, and the caller refuses the file with
 * the list of sheets rather than guess.
 */
import type { ResolvedForm } from "../form/resolve";
import { cellText } from "./cell-value";
import { findCodeLayout, type CodeLayout } from "./code-layout";
import { META_SHEET } from "./contract";
import { locateField } from "./locate-field";
import { key, type SheetData } from "./sheet-data";
import type { WorkbookSnapshot } from "./snapshot";

/** How many sheets besides the report are looked at (a workbook of 300 blank sheets costs nothing). */
export const MAX_SHEETS_EXAMINED = 12;

export type SheetChoice =
  { type: "found"; sheet: string | null; others: string[] } | { type: "ambiguous"; sheets: string[] };

/** Enough indicator codes for a sheet to be taken for a report when nothing else says so. */
export function lookslikeReport(layout: CodeLayout | null, form: ResolvedForm): layout is CodeLayout {
  return !!layout && layout.codeRows.size >= Math.max(3, Math.ceil(form.indicators.length * 0.3));
}

/**
 * The sheets looked at for another report besides `except` (and the metadata sheet): visible ones
 * first, then hidden ones, `limit` at most. An adapter that loads sheets ahead (the add-in) loads
 * these, with `except` null and one more, whichever sheet turns out to be the report.
 */
export function examinedSheets(
  sheets: readonly { name: string; visible: boolean }[],
  except: string | null,
  limit = MAX_SHEETS_EXAMINED
): string[] {
  const skip = new Set([META_SHEET.toUpperCase(), (except ?? "").toUpperCase()]);
  const ordered = [...sheets.filter((s) => s.visible), ...sheets.filter((s) => !s.visible)];
  return ordered
    .filter((x) => !skip.has(x.name.toUpperCase()))
    .slice(0, limit)
    .map((s) => s.name);
}

/** Sheets other than `except` (and the metadata sheet) whose code column lists the form's indicators. */
function lookalikes(form: ResolvedForm, snap: WorkbookSnapshot, except: string | null): string[] {
  const out: string[] = [];
  for (const name of examinedSheets(snap.sheets, except)) {
    const sh = snap.cells(name);
    if (sh && lookslikeReport(findCodeLayout(sh, form), form)) out.push(name);
  }
  return out;
}

/** The year written on a report sheet, or null. */
function yearOn(form: ResolvedForm, sh: SheetData): number | null {
  const field = form.fieldByKey.get("year");
  const layout = findCodeLayout(sh, form);
  if (!field || !layout) return null;
  const at = locateField(sh, field.key, field.label.vi, layout);
  if (!at) return null;
  const text = cellText(at.value ?? sh.cells.get(key(at.pos.row, at.pos.col))).trim();
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

/**
 * The report sheet. `known`: the sheet most defined names (else metadata addresses) point at,
 * when there is one.
 */
export function chooseReportSheet(
  form: ResolvedForm,
  snap: WorkbookSnapshot,
  known: string | null
): SheetChoice {
  const others = lookalikes(form, snap, known);
  if (known) return { type: "found", sheet: known, others };
  if (others.length <= 1) return { type: "found", sheet: others[0] ?? null, others: [] };
  const thisYear = others.filter((s) => {
    const sh = snap.cells(s);
    return sh !== null && yearOn(form, sh) === form.definition.year;
  });
  if (thisYear.length === 1)
    return { type: "found", sheet: thisYear[0], others: others.filter((s) => s !== thisYear[0]) };
  return { type: "ambiguous", sheets: others };
}
