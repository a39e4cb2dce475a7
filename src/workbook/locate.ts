/**
 * Locating a report's input cells in a workbook — one algorithm for every source (files of any
 * format, the workbook open in Excel), over the small WorkbookSnapshot each adapter implements.
 *
 * Order (docs/CONTRACT.md "The workbook contract"): the cell's defined name, then the
 * metadata sheet's name → address map, then the report sheet's code column (indicators) and the
 * labels in front of the header fields. A position from a name or the map is used only when its
 * row still names that indicator (row-evidence.ts): a deleted, moved or sorted row never hands an
 * indicator its neighbour's value. Anything not found, and every merged input cell, becomes a
 * LocateProblem that the inspection turns into an error naming the indicator.
 */
import type { ResolvedForm } from "../form/resolve";
import type { FoundVia } from "../inspect/types";
import { parseNameRef, qualified, type CellPos } from "./address";
import type { CellValue } from "./cell-value";
import { codeOf, findCodeLayout, type CodeLayout } from "./code-layout";
import { META_SHEET } from "./contract";
import { locateByCode } from "./locate-code";
import { isFieldLabel, locateField } from "./locate-field";
import type { Meta } from "./meta";
import { chooseReportSheet } from "./report-sheet";
import { textsByRow, verifyRow } from "./row-evidence";
import { colOf, mergeAt, rowOf, type SheetData } from "./sheet-data";
import { sheetOf, type WorkbookSnapshot } from "./snapshot";

export interface Located {
  sheet: string;
  /** 1-based. */
  pos: CellPos;
  via: FoundVia;
  /** Value given directly (a header field written "Label: value" in one cell). */
  value?: CellValue;
}

/** Why an input has no value, or what is wrong with its cell. */
export type LocateProblem =
  /** A name or stored address led to another indicator's row, and the code column does not list this one. */
  | { kind: "otherRow"; name: string; address: string; other: string }
  /** Its name is broken (#REF!) or its stored row is gone, and the code column does not list it: the row was deleted. */
  | { kind: "rowDeleted"; name: string }
  /** The code column lists the indicator on several rows (two copies of the table). */
  | { kind: "repeated"; name: string; rows: number[] }
  /** Found by no method. */
  | { kind: "notFound"; name: string }
  /** The cell is covered by a merged range whose first cell is `by` (the value is not read). */
  | { kind: "covered"; name: string; address: string; by: string; byName: string | null };

export interface LocateResult {
  meta: Meta | null;
  located: Map<string, Located>;
  problems: LocateProblem[];
  /** Indicators found by name whose row names no indicator at all (nothing to check them against). */
  unverified: string[];
  /** The form's names defined in the workbook whose reference is broken (#REF!) or points nowhere. */
  brokenNames: string[];
  /** The form's names defined in the workbook (broken or not): the workbook was made from the template. */
  namesDefined: number;
  /** The report sheet. */
  sheetName: string | null;
  /** Other sheets that also look like a report (named in a warning). */
  otherReportSheets: string[];
  /** The report sheet's code column lists the indicators again from this row on (a second table). */
  secondTableRow: number | null;
  /** Several sheets look like a report and nothing tells which: the caller refuses. */
  ambiguousSheets: string[] | null;
  /** The cells read, by sheet (at least every located cell's row). */
  data: Map<string, SheetData>;
}

type Candidate = { sheet: string; pos: CellPos; via: "name" | "meta" };

/** Positions the form's defined names give, and the names that are broken. */
function namedPositions(
  form: ResolvedForm,
  snap: WorkbookSnapshot
): {
  named: Map<string, Candidate>;
  broken: Set<string>;
} {
  const named = new Map<string, Candidate>();
  const broken = new Set<string>();
  const sheets = new Map<string | null, string | null>(); // one lookup per sheet named, not per name
  const upper = upperNames(form);
  for (let i = 0; i < upper.length; i++) {
    const def = snap.names.get(upper[i]);
    if (!def) continue;
    const name = form.names[i];
    const r = parseNameRef(def.ref);
    if (r.type !== "cell") {
      broken.add(name);
      continue;
    }
    const wanted = r.sheet ?? def.scope;
    let sheet = sheets.get(wanted);
    if (sheet === undefined) sheets.set(wanted, (sheet = sheetOf(snap, wanted)));
    if (sheet !== null && sheet.toUpperCase() !== META_SHEET_UPPER)
      named.set(name, { sheet, pos: { row: r.row, col: r.col }, via: "name" });
    else broken.add(name);
  }
  return { named, broken };
}

const META_SHEET_UPPER = META_SHEET.toUpperCase();
const upperByForm = new WeakMap<ResolvedForm, string[]>();

/** The form's names in upper case (how the snapshot keys its defined names), once per form. */
function upperNames(form: ResolvedForm): string[] {
  let upper = upperByForm.get(form);
  if (!upper) upperByForm.set(form, (upper = form.names.map((n) => n.toUpperCase())));
  return upper;
}

/** Addresses of the metadata map for the names given. */
function metaPositions(snap: WorkbookSnapshot, meta: Meta | null, names: string[]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  for (const name of names) {
    const addr = meta?.names.get(name.toUpperCase());
    const r = addr ? parseNameRef(addr) : null;
    const sheet = r && r.type === "cell" ? sheetOf(snap, r.sheet) : null;
    if (r && r.type === "cell" && sheet !== null)
      out.set(name, { sheet, pos: { row: r.row, col: r.col }, via: "meta" });
  }
  return out;
}

export function mostCommon(xs: string[]): string | null {
  const m = new Map<string, number>();
  let best: string | null = null;
  let n = 0;
  for (const x of xs) {
    const c = (m.get(x) ?? 0) + 1;
    m.set(x, c);
    if (c > n) {
      best = x;
      n = c;
    }
  }
  return best;
}

/**
 * The cells a partial read asks for: in each row, every column up to `left` (the code and label
 * columns; everything left of a header field) and the named cells themselves; the first column
 * of every row (where a second table shows). Looked up for every cell of the sheet: kept cheap.
 */
class RowWants {
  private readonly left: number[] = [];
  private readonly cells: number[][] = [];

  add(row: number, col: number, left: number): void {
    this.left[row] = Math.max(this.left[row] ?? 0, left);
    (this.cells[row] ??= []).push(col);
  }

  wants(row: number, col: number): boolean {
    return col === 1 || col <= (this.left[row] ?? 0) || (this.cells[row]?.includes(col) ?? false);
  }
}

/** The working state of one locate call. */
class Locator {
  readonly located = new Map<string, Located>();
  readonly problems: LocateProblem[] = [];
  readonly unverified: string[] = [];
  readonly data = new Map<string, SheetData>();
  private readonly full = new Set<string>();
  private readonly layouts = new Map<string, CodeLayout | null>();
  /** Names whose name or stored address was refused, with the indicator its row names instead. */
  readonly refused = new Map<string, { address: string; other: string | null }>();

  constructor(
    readonly form: ResolvedForm,
    readonly snap: WorkbookSnapshot
  ) {}

  /** Every cell of a sheet (read once). */
  whole(sheet: string): SheetData | null {
    if (!this.full.has(sheet)) {
      const sh = this.snap.cells(sheet);
      this.full.add(sheet);
      if (sh) this.data.set(sheet, sh);
      else this.data.delete(sheet);
    }
    return this.data.get(sheet) ?? null;
  }

  layout(sheet: string): CodeLayout | null {
    if (!this.layouts.has(sheet)) {
      const sh = this.whole(sheet);
      this.layouts.set(sheet, sh ? findCodeLayout(sh, this.form) : null);
    }
    return this.layouts.get(sheet) ?? null;
  }

  /**
   * Read the candidates' cells and, on their rows, the first two columns (where the template
   * keeps codes and labels: what verifies a row), and the first column of every row (a second
   * table below shows there) — one request per sheet, only those cells.
   */
  loadRows(candidates: Iterable<Candidate & { name: string }>): void {
    const bySheet = new Map<string, RowWants>();
    for (const c of candidates) {
      if (this.full.has(c.sheet)) continue;
      const w = bySheet.get(c.sheet) ?? new RowWants();
      bySheet.set(c.sheet, w);
      if (this.form.byName.get(c.name)?.type !== "field") {
        w.add(c.pos.row, c.pos.col, 2);
        continue;
      }
      // a header field's label stands left of it or above it (the signature block)
      for (let r = Math.max(1, c.pos.row - 3); r <= c.pos.row; r++) w.add(r, c.pos.col, c.pos.col);
    }
    for (const [sheet, w] of bySheet) {
      const sh = this.snap.part(sheet, (r, c) => w.wants(r, c));
      if (sh) this.data.set(sheet, sh);
    }
  }

  /** Accept a name's or the map's position when its row agrees (see row-evidence.ts). */
  tryCandidate(name: string, c: Candidate): boolean {
    const target = this.form.byName.get(name);
    if (!target) return false;
    if (target.type === "field") {
      // A stored address alone is never checked enough: the label decides (byCodeColumn).
      if (c.via !== "name") return false;
      return this.tryNamedField(name, target.field.key, target.field.label.vi, c);
    }
    const sh = this.data.get(c.sheet);
    const verdict = sh ? verifyRow(sh, c.pos.row, c.pos.col, target.indicator.code, this.form) : null;
    if (verdict?.type === "verified" && this.columnAgrees(name, c)) {
      this.located.set(name, { sheet: c.sheet, pos: c.pos, via: c.via });
      return true;
    }
    if (verdict?.type === "unverifiable" && c.via === "name") {
      this.located.set(name, { sheet: c.sheet, pos: c.pos, via: c.via });
      this.unverified.push(name);
      return true;
    }
    const other = verdict?.type === "contradicted" ? verdict.other : null;
    if (!this.refused.has(name) || other)
      this.refused.set(name, { address: qualified(c.sheet, c.pos), other });
    return false;
  }

  /**
   * A header field's name is trusted when its label stands left of it or above it (the signature
   * block); otherwise its label, found anywhere on the sheet, decides (a program that inserted
   * rows without moving the names); without a label anywhere, the name is kept.
   */
  private tryNamedField(name: string, key: string, label: string, c: Candidate): boolean {
    const sh = this.data.get(c.sheet);
    const byRow = sh ? textsByRow(sh) : new Map<number, [number, string][]>();
    for (let r = Math.max(1, c.pos.row - 3); r <= c.pos.row; r++) {
      const near = (col: number): boolean => (r === c.pos.row ? col < c.pos.col : col <= c.pos.col);
      if ((byRow.get(r) ?? []).some(([col, text]) => near(col) && isFieldLabel(text, key, label))) {
        this.located.set(name, { sheet: c.sheet, pos: c.pos, via: "name" });
        return true;
      }
    }
    const layout = this.layout(c.sheet);
    const whole = this.whole(c.sheet);
    const byLabel = layout && whole ? locateField(whole, key, label, layout) : null;
    if (byLabel) this.located.set(name, { sheet: c.sheet, ...byLabel, via: "label" });
    else this.located.set(name, { sheet: c.sheet, pos: c.pos, via: "name" });
    return true;
  }

  /**
   * A stored address does not move when columns are inserted: its column must still be the
   * "Tổng số" / "Trong đó nữ" column of the table (names move with their cells: not checked).
   */
  private columnAgrees(name: string, c: Candidate): boolean {
    if (c.via === "name") return true;
    const target = this.form.byName.get(name);
    if (target?.type !== "indicator" || target.indicator.kind === "text") return true;
    const layout = this.layout(c.sheet);
    const want = target.part === "female" ? layout?.femaleCol : layout?.totalCol;
    return want === null || want === undefined || want === c.pos.col;
  }

  /** The code column and header labels of the report sheet, for every name still missing. */
  byCodeColumn(sheet: string, names: string[]): void {
    const sh = this.whole(sheet);
    const layout = this.layout(sheet);
    if (!sh || !layout) return;
    for (const name of names) {
      const target = this.form.byName.get(name);
      if (target?.type === "indicator") {
        const rows = layout.repeatedCodes.get(target.indicator.code);
        if (rows) {
          this.problems.push({ kind: "repeated", name, rows });
          continue;
        }
      }
      const loc = locateByCode(sh, this.form, layout, name);
      if (!loc) continue;
      if (target?.type === "indicator") {
        // The code's row must not carry another indicator's label (rows sorted without their codes).
        const v = verifyRow(sh, loc.pos.row, loc.pos.col, target.indicator.code, this.form);
        if (v.type === "contradicted") {
          this.problems.push({ kind: "otherRow", name, address: qualified(sheet, loc.pos), other: v.other });
          continue;
        }
      }
      this.located.set(name, { sheet, ...loc, via: target?.type === "field" ? "label" : "code" });
    }
  }

  /** Merged input cells: a covered cell is not read; its value would be the first cell's. */
  checkMerges(): void {
    let at: Map<string, string> | null = null;
    const nameAt = (address: string): string | null => {
      if (!at) {
        at = new Map();
        for (const [name, l] of this.located) at.set(qualified(l.sheet, l.pos), name);
      }
      return at.get(address) ?? null;
    };
    for (const [name, l] of [...this.located]) {
      if (l.value !== undefined) continue;
      const sh = this.data.get(l.sheet);
      const m = sh ? mergeAt(sh, l.pos.row, l.pos.col) : null;
      if (!m || (m.r1 === l.pos.row && m.c1 === l.pos.col)) continue;
      const by = qualified(l.sheet, { row: m.r1, col: m.c1 });
      this.located.delete(name);
      this.problems.push({
        kind: "covered",
        name,
        address: qualified(l.sheet, l.pos),
        by,
        byName: nameAt(by),
      });
    }
  }
}

/**
 * Locate every input of the form. `meta` is the snapshot's metadata keys (callers read it first
 * to refuse another form before anything else); the name map is read only when some name is
 * missing or broken.
 */
export function locate(
  form: ResolvedForm,
  snap: WorkbookSnapshot,
  meta: Meta | null = snap.meta(false)
): LocateResult {
  const L = new Locator(form, snap);
  const { named, broken } = namedPositions(form, snap);
  const unnamed = form.names.filter((n) => !named.has(n));
  let fullMeta = meta;
  if (unnamed.length && meta) fullMeta = snap.meta(true) ?? meta;
  const mapped = metaPositions(snap, fullMeta, unnamed);

  const known =
    mostCommon([...named.values()].map((c) => c.sheet)) ??
    mostCommon([...mapped.values()].map((c) => c.sheet));
  const choice = chooseReportSheet(form, snap, known);
  const names = { broken: [...broken], defined: named.size + broken.size };
  if (choice.type === "ambiguous") return result(L, fullMeta, names, null, [], choice.sheets);

  const candidates: (Candidate & { name: string })[] = [];
  for (const m of [named, mapped])
    for (const [name, c] of m) candidates.push({ sheet: c.sheet, pos: c.pos, via: c.via, name });
  L.loadRows(candidates);
  for (const name of form.names) {
    const byName = named.get(name);
    if (byName && L.tryCandidate(name, byName)) continue;
    const byMeta = mapped.get(name);
    if (byMeta) L.tryCandidate(name, byMeta);
  }
  const missing = form.names.filter((n) => !L.located.has(n));
  if (missing.length && choice.sheet) L.byCodeColumn(choice.sheet, missing);
  L.checkMerges();
  explainMissing(L, broken, mapped);
  const second = choice.sheet ? secondTable(form, L.data.get(choice.sheet)) : null;
  const sheetName = mostCommon([...L.located.values()].map((l) => l.sheet)) ?? choice.sheet;
  return { ...result(L, fullMeta, names, sheetName, choice.others, null), secondTableRow: second };
}

/**
 * The first row of a second copy of the table — indicator codes listed again, in the first
 * column, below the first ones — or null.
 */
function secondTable(form: ResolvedForm, sh: SheetData | undefined): number | null {
  const seen = new Set<string>();
  let row: number | null = null;
  const codes: [number, string][] = [];
  for (const [k, v] of sh?.cells ?? []) {
    if (colOf(k) !== 1 || v.type !== "text") continue;
    const code = codeOf(v.text, form.byCode);
    if (code) codes.push([rowOf(k), code]);
  }
  for (const [r, code] of codes.sort((a, b) => a[0] - b[0])) {
    if (seen.has(code) && (row === null || r < row)) row = r;
    seen.add(code);
  }
  return row;
}

/** A problem for every input still without a cell, saying what most likely happened. */
function explainMissing(L: Locator, broken: Set<string>, mapped: Map<string, Candidate>): void {
  const explained = new Set(L.problems.map((p) => p.name));
  for (const name of L.form.names) {
    if (L.located.has(name) || explained.has(name)) continue;
    const refused = L.refused.get(name);
    if (refused?.other)
      L.problems.push({ kind: "otherRow", name, address: refused.address, other: refused.other });
    else if (broken.has(name) || refused || mapped.has(name)) L.problems.push({ kind: "rowDeleted", name });
    else L.problems.push({ kind: "notFound", name });
  }
}

function result(
  L: Locator,
  meta: Meta | null,
  names: { broken: string[]; defined: number },
  sheetName: string | null,
  others: string[],
  ambiguous: string[] | null
): LocateResult {
  return {
    meta,
    located: L.located,
    problems: L.problems,
    unverified: L.unverified,
    brokenNames: names.broken,
    namesDefined: names.defined,
    sheetName,
    otherReportSheets: others,
    secondTableRow: null,
    ambiguousSheets: ambiguous,
    data: L.data,
  };
}
