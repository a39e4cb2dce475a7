/**
 * Apply a WorkbookModel (src/layout/sheet-model.ts: the template or the summary) to the open
 * workbook, in a constant number of requests:
 *   sync 1  inspect: sheet list, workbook names, the add-in's record of the sheets it made,
 *           calculation mode;
 *   sync 2… writes, packed into requests under `requestBudget` bytes (default 4 MB, Excel on the
 *           web rejects requests over 5 MB): new sheets (temporary names), old add-in sheets
 *           deleted, renames, then per sheet ONE 2-D `formulas` array (split by rows only if
 *           it alone exceeds the budget), styles per style and contiguous block, merges, sizes,
 *           validation, names, freeze panes, visibility, protection last;
 *   last    record the sheets made (workbook setting, by id), restore the calculation mode.
 * So 3 syncs for anything under the budget (the 420-unit summary included), and in general
 * 2 + ceil(bytes / budget): it grows with bytes, not with units or indicators.
 *
 * A user's sheet is never overwritten: a sheet is replaced only when the add-in's record says
 * it made it; otherwise the new sheet gets another name ("Tổng hợp (2)").
 */
import { META_SHEET } from "../workbook/contract";
import type { DataValidationModel, SheetModel, StyleModel, WorkbookModel } from "../layout/sheet-model";
import {
  columnLetter,
  formatRange,
  parseNameRef,
  parseRange,
  quoteSheet,
  type RangeRef,
} from "../workbook/address";
import type { ExcelHost } from "./host";
import { ownWrites as defaultOwnWrites, type OwnWrites } from "./own-writes";

export const MADE_SHEETS_SETTING = "bdg-report.made-sheets";
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;
/** Rough size of one queued Office.js action besides its arguments (object path, action type…). */
const ACTION_OVERHEAD = 160;

export interface ApplyOptions {
  ownWrites?: OwnWrites;
  /** Bytes per request (default 4 MB). */
  requestBudget?: number;
}

export interface ApplyResult {
  /** Model sheet name → the name it got in the workbook. */
  sheetNames: Map<string, string>;
  /** Sheets that got another name because a user's sheet had theirs. */
  renamed: { wanted: string; got: string }[];
  /** Model names not written because a user's name of that name points elsewhere. */
  skippedNames: string[];
  /** Model sheets not written (a user's _BDG_META). */
  skippedSheets: string[];
  /** Requests sent (syncs). */
  syncs: number;
}

interface MadeRecord {
  v: 1;
  sheetIds: string[];
}

function parseMade(v: unknown): MadeRecord {
  try {
    const o = (typeof v === "string" ? JSON.parse(v) : v) as MadeRecord;
    if (o && o.v === 1 && Array.isArray(o.sheetIds))
      return { v: 1, sheetIds: o.sheetIds.filter((x) => typeof x === "string") };
  } catch {
    /* a damaged record: nothing is ours */
  }
  return { v: 1, sheetIds: [] };
}

const utf8 = new TextEncoder();
function bytesOf(v: unknown): number {
  return utf8.encode(JSON.stringify(v) ?? "").length + ACTION_OVERHEAD;
}

/** A queued write with its estimated size. */
interface Op {
  bytes: number;
  run: (ctx: Excel.RequestContext) => void;
}

/** "FFFFF2CC" → "#FFF2CC". */
export function argbToHex(argb: string): string {
  const s = argb.replace(/^#/, "");
  return `#${(s.length === 8 ? s.slice(2) : s).toUpperCase()}`;
}

/** Excel character units → points (Office.js columnWidth). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * A text constant as Office.js must receive it so that Excel keeps it as text: every non-empty
 * string gets a leading apostrophe (Excel's text prefix, not part of the value). Which strings
 * Excel would otherwise turn into a formula, number, date, time, percentage or boolean depends
 * on the locale ("=HYPERLINK(…)", "+84…", "1e5", "5-Jan", "3:00 PM", "12%", "1/2"), so no text is
 * left to a guess; the prefix only sets the cell's quote-prefix flag.
 */
export function textInput(s: string): string {
  return s === "" ? s : `'${s}`;
}

function renameInFormula(text: string, renames: Map<string, string>): string {
  let out = text;
  for (const [from, to] of renames)
    out = out
      .split(`${quoteSheet(from)}!`)
      .join(`${quoteSheet(to)}!`)
      .split(`'${from.replace(/'/g, "''")}'!`)
      .join(`${quoteSheet(to)}!`);
  return out;
}

/** Cells of one style grouped into rectangles (row runs merged down when identical). */
export function styleBlocks(cells: { row: number; col: number; style: string }[]): Map<string, RangeRef[]> {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map()));
    const list = rows.get(c.row) ?? [];
    list.push(c.col);
    rows.set(c.row, list);
  }
  const out = new Map<string, RangeRef[]>();
  for (const [style, rows] of byStyle) {
    const rects: RangeRef[] = [];
    const open = new Map<string, RangeRef>(); // "c1:c2" → rect extending down
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(rows.get(row))].sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else runs.push([c, c]);
      }
      const next = new Map<string, RangeRef>();
      for (const [a, b] of runs) {
        const k = `${a}:${b}`;
        const prev = open.get(k);
        if (prev && prev.end.row === row - 1) {
          prev.end.row = row;
          next.set(k, prev);
        } else {
          const r: RangeRef = { sheet: null, start: { row, col: a }, end: { row, col: b } };
          rects.push(r);
          next.set(k, r);
        }
      }
      open.clear();
      for (const [k, v] of next) open.set(k, v);
    }
    out.set(style, rects);
  }
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const BORDER = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  hair: { style: "Continuous", weight: "Hairline" },
  dotted: { style: "Dot", weight: "Thin" },
} as const;
const OPERATOR: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};

function operand(f: string | undefined): string | number | undefined {
  if (f === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(f.trim()) ? Number(f) : `=${f}`;
}

/** Model validation → Office.js DataValidationRule (ExcelApi 1.8). */
export function validationRule(v: DataValidationModel): Excel.DataValidationRule {
  const op = (OPERATOR[v.operator ?? "between"] ?? "Between") as Excel.DataValidationOperator;
  const basic = (): Excel.BasicDataValidation => ({
    formula1: operand(v.formulae[0]) as string | number,
    ...(v.formulae[1] !== undefined ? { formula2: operand(v.formulae[1]) as string | number } : {}),
    operator: op,
  });
  switch (v.type) {
    case "whole":
      return { wholeNumber: basic() };
    case "decimal":
      return { decimal: basic() };
    case "textLength":
      return { textLength: basic() };
    case "date":
      return {
        date: {
          formula1: v.formulae[0],
          ...(v.formulae[1] !== undefined ? { formula2: v.formulae[1] } : {}),
          operator: op,
        },
      };
    case "list": {
      const src = v.formulae[0] ?? "";
      const literal = /^".*"$/.test(src);
      return { list: { inCellDropDown: true, source: literal ? src.slice(1, -1) : `=${src}` } };
    }
    case "custom":
      return { custom: { formula: `=${v.formulae[0] ?? "TRUE"}` } };
  }
}

/**
 * Formatting, decomposed by property: for each property the most common value is applied once
 * to the sheet's bounding box, then every other value to its cells as rectangles (row runs
 * merged down). One action per rectangle and property: a 420-unit summary, whose styles alternate
 * column by column, stays at a few thousand small actions instead of one action set per cell.
 * Unstyled cells keep Excel's defaults where it shows (fill, borders, bold…); they take the
 * baseline where it does not (font name and size, alignment).
 */
type PropKey =
  | "fontName"
  | "fontSize"
  | "bold"
  | "italic"
  | "underline"
  | "color"
  | "fill"
  | "hAlign"
  | "vAlign"
  | "wrap"
  | "indent"
  | "border"
  | "locked";
type PropValue = string | number | boolean | null;
const PROPS: { key: PropKey; get: (s: StyleModel) => PropValue; def: PropValue; dontCare: boolean }[] = [
  { key: "fontName", get: (s) => s.font.name, def: null, dontCare: true },
  { key: "fontSize", get: (s) => s.font.size, def: null, dontCare: true },
  { key: "bold", get: (s) => !!s.font.bold, def: false, dontCare: false },
  { key: "italic", get: (s) => !!s.font.italic, def: false, dontCare: false },
  { key: "underline", get: (s) => !!s.font.underline, def: false, dontCare: false },
  { key: "color", get: (s) => s.font.color ?? null, def: null, dontCare: false },
  { key: "fill", get: (s) => s.fill ?? null, def: null, dontCare: false },
  { key: "hAlign", get: (s) => s.alignment?.horizontal ?? null, def: null, dontCare: true },
  { key: "vAlign", get: (s) => s.alignment?.vertical ?? null, def: null, dontCare: true },
  { key: "wrap", get: (s) => !!s.alignment?.wrapText, def: false, dontCare: false },
  { key: "indent", get: (s) => s.alignment?.indent ?? 0, def: 0, dontCare: false },
  { key: "border", get: (s) => s.border ?? null, def: null, dontCare: false },
  { key: "locked", get: (s) => s.locked, def: true, dontCare: false },
];

function setProp(range: Excel.Range, key: PropKey, v: PropValue, rect: RangeRef, canIndent: boolean): void {
  const f = range.format;
  switch (key) {
    case "fontName":
      if (v !== null) f.font.name = String(v);
      break;
    case "fontSize":
      if (v !== null) f.font.size = Number(v);
      break;
    case "bold":
      f.font.bold = !!v;
      break;
    case "italic":
      f.font.italic = !!v;
      break;
    case "underline":
      f.font.underline = (v ? "Single" : "None") as Excel.RangeUnderlineStyle;
      break;
    case "color":
      f.font.color = v ? argbToHex(String(v)) : "#000000";
      break;
    case "fill":
      if (v) f.fill.color = argbToHex(String(v));
      else f.fill.clear();
      break;
    case "hAlign":
      if (v) f.horizontalAlignment = H_ALIGN[v as keyof typeof H_ALIGN] as Excel.HorizontalAlignment;
      break;
    case "vAlign":
      if (v) f.verticalAlignment = V_ALIGN[v as keyof typeof V_ALIGN] as Excel.VerticalAlignment;
      break;
    case "wrap":
      f.wrapText = !!v;
      break;
    case "indent":
      if (canIndent) f.indentLevel = Number(v);
      break;
    case "border": {
      if (!v) break;
      const b = BORDER[v as keyof typeof BORDER];
      const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (rect.end.row > rect.start.row) edges.push("InsideHorizontal");
      if (rect.end.col > rect.start.col) edges.push("InsideVertical");
      for (const e of edges) {
        const item = f.borders.getItem(e as Excel.BorderIndex);
        item.style = b.style as Excel.BorderLineStyle;
        item.weight = b.weight as Excel.BorderWeight;
      }
      break;
    }
    case "locked":
      f.protection.locked = !!v;
      break;
  }
}

/** Format actions of one sheet: baseline per property over `box`, then exception rectangles. */
export function formatPlan(
  cells: { row: number; col: number; style: StyleModel | undefined }[],
  box: RangeRef
): { key: PropKey; value: PropValue; rect: RangeRef }[] {
  const out: { key: PropKey; value: PropValue; rect: RangeRef }[] = [];
  const styled = new Set(cells.filter((c) => c.style).map((c) => `${c.row}:${c.col}`));
  for (const p of PROPS) {
    const counts = new Map<string, number>();
    const values: { row: number; col: number; v: PropValue }[] = [];
    for (const c of cells) {
      if (!c.style) continue;
      const v = p.get(c.style);
      values.push({ row: c.row, col: c.col, v });
      const k = JSON.stringify(v);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // Unstyled cells inside the box count as the default where they must stay default.
    let baseline: PropValue = p.def;
    if (p.dontCare || p.key !== "border") {
      let best = -1;
      for (const [k, n] of counts) {
        if (n > best) {
          best = n;
          baseline = JSON.parse(k) as PropValue;
        }
      }
    }
    if (p.key === "border") baseline = null;
    if (!p.dontCare && baseline !== p.def) {
      // Only when no unstyled cell in the box would be changed visibly.
      const boxCells = (box.end.row - box.start.row + 1) * (box.end.col - box.start.col + 1);
      if (styled.size < boxCells) baseline = p.def;
    }
    if (JSON.stringify(baseline) !== JSON.stringify(p.def))
      out.push({ key: p.key, value: baseline, rect: box });
    const exceptions = values.filter((x) => JSON.stringify(x.v) !== JSON.stringify(baseline));
    const blocks = styleBlocks(
      exceptions.map((x) => ({ row: x.row, col: x.col, style: JSON.stringify(x.v) }))
    );
    for (const [k, rects] of blocks) {
      const value = JSON.parse(k) as PropValue;
      if (p.dontCare && value === null) continue;
      for (const rect of rects) out.push({ key: p.key, value, rect });
    }
  }
  return out;
}

interface Plan {
  sheet: SheetModel;
  finalName: string;
  /** Existing sheet of ours to replace (by id). */
  replaces: string | null;
}

/** What the write ops need besides the sheet they write. */
interface OpEnv {
  model: WorkbookModel;
  /** Model sheet name → the name it gets instead (a user's sheet has it). */
  renames: Map<string, string>;
  budget: number;
  v18: boolean;
  v19: boolean;
  /** The worksheet added for a plan (known once its op has run). */
  ws: (p: Plan) => Excel.Worksheet;
}

/** Apply `model` to the open workbook. See the header for the sync bound. */
export async function applyModel(
  host: ExcelHost,
  model: WorkbookModel,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  const guard = options.ownWrites ?? defaultOwnWrites;
  const budget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
  const v19 = host.isSetSupported("ExcelApi", "1.9");
  const v18 = host.isSetSupported("ExcelApi", "1.8");
  return guard.during(() => host.run((ctx) => applyInContext(ctx, model, budget, v18, v19)));
}

async function applyInContext(
  ctx: Excel.RequestContext,
  model: WorkbookModel,
  budget: number,
  v18: boolean,
  v19: boolean
): Promise<ApplyResult> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await ctx.sync();
  };
  const wb = ctx.workbook;
  // ---- sync 1: inspect
  const coll = wb.worksheets.load("items/id,items/name");
  const names = wb.names.load("items/name,items/value");
  const madeSetting = wb.settings.getItemOrNullObject(MADE_SHEETS_SETTING);
  madeSetting.load("value");
  const app = wb.application.load("calculationMode");
  await sync();

  const existing = coll.items.map((s) => ({ id: s.id, name: s.name }));
  let made: MadeRecord = { v: 1, sheetIds: [] };
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced above; the rule does not follow *OrNullObject proxies
  if (!madeSetting.isNullObject) made = parseMade(madeSetting.value);
  const madeIds = new Set(made.sheetIds.filter((id) => existing.some((s) => s.id === id)));

  const { plans, renamed, skippedSheets } = planSheets(model, existing, madeIds);
  const renames = new Map(renamed.map((r) => [r.wanted, r.got]));
  const replacedIds = new Set(plans.map((p) => p.replaces).filter((x): x is string => x !== null));
  const replacedNames = new Set(
    existing.filter((s) => replacedIds.has(s.id)).map((s) => s.name.toUpperCase())
  );
  const existingNames = names.items.map((n) => ({ name: n.name, value: String(n.value) }));
  const namePlan = planNames(model, existingNames, renames, skippedSheets, replacedNames);

  const added = new Map<Plan, Excel.Worksheet>();
  const env: OpEnv = { model, renames, budget, v18, v19, ws: (p) => added.get(p) as Excel.Worksheet };
  const ops = [
    ...sheetSetupOps(plans, replacedIds, namePlan.deleteNames, added),
    ...plans.flatMap((p) => sheetOps(p, env)),
    ...finalOps(plans, namePlan.addNames, env),
  ];

  // ---- send, packed under the budget; calculation (and screen updating, 1.9) suspended
  const prevMode = app.calculationMode;
  try {
    await sendOps(ctx, ops, env, prevMode, sync);
  } finally {
    // ---- last sync: record what we made, restore calculation
    const ids = [...added.values()].map((s) => {
      try {
        return s.id;
      } catch {
        return null;
      }
    });
    const keep = [...madeIds].filter((id) => !replacedIds.has(id));
    const record: MadeRecord = { v: 1, sheetIds: [...keep, ...ids.filter((x): x is string => !!x)] };
    wb.settings.add(MADE_SHEETS_SETTING, JSON.stringify(record));
    if (v18 && prevMode !== "Manual") wb.application.calculationMode = prevMode as Excel.CalculationMode;
    await sync();
  }
  const sheetNames = new Map(plans.map((p) => [p.sheet.name, p.finalName]));
  return { sheetNames, renamed, skippedNames: namePlan.skippedNames, skippedSheets, syncs };
}

/**
 * Each model sheet's name in the workbook: its own, replacing a sheet of ours of that name; another
 * one ("Tổng hợp (2)") when a user's sheet has it; none for a metadata sheet we did not make.
 */
function planSheets(
  model: WorkbookModel,
  existing: { id: string; name: string }[],
  madeIds: ReadonlySet<string>
): { plans: Plan[]; renamed: ApplyResult["renamed"]; skippedSheets: string[] } {
  const byUpper = new Map(existing.map((s) => [s.name.toUpperCase(), s]));
  const taken = new Set(existing.map((s) => s.name.toUpperCase()));
  const plans: Plan[] = [];
  const renamed: ApplyResult["renamed"] = [];
  const skippedSheets: string[] = [];
  for (const sh of model.sheets) {
    const old = byUpper.get(sh.name.toUpperCase());
    if (!old || madeIds.has(old.id)) {
      plans.push({ sheet: sh, finalName: sh.name, replaces: old?.id ?? null });
      continue;
    }
    if (sh.name.toUpperCase() === META_SHEET.toUpperCase()) {
      skippedSheets.push(sh.name); // the contract fixes its name: never touch a metadata sheet we did not make
      continue;
    }
    let got = "";
    for (let i = 2; ; i++) {
      const suffix = ` (${i})`;
      got = `${sh.name.slice(0, 31 - suffix.length)}${suffix}`;
      if (
        !taken.has(got.toUpperCase()) &&
        !model.sheets.some((m) => m.name.toUpperCase() === got.toUpperCase())
      )
        break;
    }
    taken.add(got.toUpperCase());
    renamed.push({ wanted: sh.name, got });
    plans.push({ sheet: sh, finalName: got, replaces: null });
  }
  return { plans, renamed, skippedSheets };
}

/** The model's defined names: replace ours (pointing at a replaced sheet, or broken), never a user's. */
function planNames(
  model: WorkbookModel,
  existing: { name: string; value: string }[],
  renames: Map<string, string>,
  skippedSheets: readonly string[],
  replacedNames: ReadonlySet<string>
): { deleteNames: string[]; skippedNames: string[]; addNames: { name: string; ref: string }[] } {
  const existingNames = new Map(existing.map((n) => [n.name.toUpperCase(), n]));
  const deleteNames: string[] = [];
  const skippedNames: string[] = [];
  const addNames: { name: string; ref: string }[] = [];
  for (const n of model.names) {
    const cur = existingNames.get(n.name.toUpperCase());
    const ref = renameInFormula(n.ref, renames);
    const sheetOfRef = parseNameRef(ref);
    if (sheetOfRef.type === "cell" && sheetOfRef.sheet && skippedSheets.includes(sheetOfRef.sheet)) continue;
    if (cur) {
      const r = parseNameRef(cur.value);
      const oursOrBroken =
        r.type === "broken" ||
        cur.value.includes("#REF!") ||
        (r.type === "cell" && r.sheet !== null && replacedNames.has(r.sheet.toUpperCase()));
      if (!oursOrBroken) {
        skippedNames.push(n.name);
        continue;
      }
      deleteNames.push(cur.name);
    }
    addNames.push({ name: n.name, ref });
  }
  return { deleteNames, skippedNames, addNames };
}

/** New sheets (temporary names), old sheets of ours deleted, our old names deleted, then the renames. */
function sheetSetupOps(
  plans: Plan[],
  replacedIds: ReadonlySet<string>,
  deleteNames: readonly string[],
  added: Map<Plan, Excel.Worksheet>
): Op[] {
  const ops: Op[] = [];
  plans.forEach((p, i) =>
    ops.push({
      bytes: ACTION_OVERHEAD * 2,
      run: (c) => {
        const sheet = c.workbook.worksheets.add(`~bdg-new-${i + 1}`);
        sheet.load("id");
        added.set(p, sheet);
      },
    })
  );
  for (const id of replacedIds)
    ops.push({ bytes: ACTION_OVERHEAD, run: (c) => c.workbook.worksheets.getItem(id).delete() });
  for (const n of deleteNames)
    ops.push({ bytes: ACTION_OVERHEAD, run: (c) => c.workbook.names.getItem(n).delete() });
  for (const p of plans)
    ops.push({
      bytes: ACTION_OVERHEAD,
      run: () => void ((added.get(p) as Excel.Worksheet).name = p.finalName),
    });
  return ops;
}

/** The smallest range holding every cell, in one pass (no argument spread: a sheet may have 100,000s). */
function boundingBox(cells: readonly { row: number; col: number }[]): RangeRef {
  const { row, col } = cells[0];
  const box: RangeRef = { sheet: null, start: { row, col }, end: { row, col } };
  for (const c of cells) {
    if (c.row < box.start.row) box.start.row = c.row;
    if (c.col < box.start.col) box.start.col = c.col;
    if (c.row > box.end.row) box.end.row = c.row;
    if (c.col > box.end.col) box.end.col = c.col;
  }
  return box;
}

/** One sheet's writes: values and formulas, number formats, formatting, then its layout. */
function sheetOps(p: Plan, env: OpEnv): Op[] {
  const cells = p.sheet.cells.map((c) => {
    const r = parseRange(c.address);
    if (!r) throw new Error(`bad address in model: ${c.address}`);
    return { row: r.start.row, col: r.start.col, cell: c };
  });
  const ops: Op[] = [];
  if (cells.length) {
    const box = boundingBox(cells);
    ops.push(...valueOps(p, cells, box, env));
    // number formats: one 2-D array per sheet (like the values); then the other formatting by property
    ops.push(...numberFormatOps(p, cells, box, env));
    ops.push(...formatOps(p, cells, box, env));
  }
  ops.push(...layoutOps(p, env));
  return ops;
}

type PlacedCell = { row: number; col: number; cell: SheetModel["cells"][number] };

/** `grid` (rows of the box from its top) written with `set`, in parts of rows each under the budget. */
function gridOps<T>(
  grid: T[][],
  box: RangeRef,
  budget: number,
  set: (addr: string, part: T[][]) => void
): Op[] {
  const ops: Op[] = [];
  const chunks = Math.max(1, Math.ceil(bytesOf(grid) / (budget * 0.9)));
  const per = Math.ceil(grid.length / chunks);
  for (let start = 0; start < grid.length; start += per) {
    const part = grid.slice(start, start + per);
    const addr = formatRange({
      sheet: null,
      start: { row: box.start.row + start, col: box.start.col },
      end: { row: box.start.row + start + part.length - 1, col: box.end.col },
    });
    ops.push({ bytes: bytesOf(part), run: () => set(addr, part) });
  }
  return ops;
}

/** A box-sized grid filled with `blank`. */
function gridOf<T>(box: RangeRef, blank: T): T[][] {
  return Array.from({ length: box.end.row - box.start.row + 1 }, () =>
    Array.from({ length: box.end.col - box.start.col + 1 }, () => blank)
  );
}

/** Values + formulas: one 2-D array over the bounding box, split by rows only if over budget. */
function valueOps(p: Plan, cells: PlacedCell[], box: RangeRef, env: OpEnv): Op[] {
  const grid = gridOf<string | number | boolean>(box, "");
  for (const { row, col, cell } of cells) {
    let v: string | number | boolean;
    if (cell.formula !== undefined) v = `=${renameInFormula(cell.formula, env.renames)}`;
    else if (cell.value === null) v = "";
    else if (typeof cell.value === "string") v = textInput(cell.value);
    else v = cell.value;
    grid[row - box.start.row][col - box.start.col] = v;
  }
  return gridOps(grid, box, env.budget, (addr, part) => void (env.ws(p).getRange(addr).formulas = part));
}

/** Number formats as one 2-D array, when any cell has one. */
function numberFormatOps(p: Plan, cells: PlacedCell[], box: RangeRef, env: OpEnv): Op[] {
  const nf = gridOf(box, "General");
  let anyFormat = false;
  for (const c of cells) {
    const f = c.cell.style ? env.model.styles[c.cell.style]?.numberFormat : undefined;
    if (f) {
      nf[c.row - box.start.row][c.col - box.start.col] = f;
      anyFormat = true;
    }
  }
  if (!anyFormat) return [];
  return gridOps(nf, box, env.budget, (addr, part) => void (env.ws(p).getRange(addr).numberFormat = part));
}

/**
 * The formatting by property (formatPlan). ExcelApi 1.9: one RangeAreas per property value
 * (addresses joined, ≤ 8000 characters each), borders one range at a time; before: one range
 * per action.
 */
function formatOps(p: Plan, cells: PlacedCell[], box: RangeRef, env: OpEnv): Op[] {
  const { v19, model } = env;
  const plan = formatPlan(
    cells.map((c) => ({
      row: c.row,
      col: c.col,
      style: c.cell.style ? model.styles[c.cell.style] : undefined,
    })),
    box
  );
  const ops: Op[] = [];
  if (!v19) {
    for (const a of plan) {
      const addr = formatRange(a.rect);
      ops.push({
        bytes: ACTION_OVERHEAD * (a.key === "border" ? 12 : 2),
        run: () => setProp(env.ws(p).getRange(addr), a.key, a.value, a.rect, v19),
      });
    }
    return ops;
  }
  const groups = new Map<string, { key: PropKey; value: PropValue; rects: RangeRef[] }>();
  for (const a of plan) {
    if (a.key === "border") {
      const addr = formatRange(a.rect);
      ops.push({
        bytes: ACTION_OVERHEAD * 12,
        run: () => setProp(env.ws(p).getRange(addr), a.key, a.value, a.rect, v19),
      });
      continue;
    }
    const k = `${a.key}|${JSON.stringify(a.value)}`;
    const g = groups.get(k) ?? { key: a.key, value: a.value, rects: [] };
    g.rects.push(a.rect);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    let parts: string[] = [];
    let len = 0;
    const flush = (): void => {
      if (!parts.length) return;
      const address = parts.join(",");
      const first = g.rects[0];
      ops.push({
        bytes: ACTION_OVERHEAD * 3 + address.length,
        run: () =>
          setProp(env.ws(p).getRanges(address) as unknown as Excel.Range, g.key, g.value, first, v19),
      });
      parts = [];
      len = 0;
    };
    for (const r of g.rects) {
      const a = formatRange(r);
      if (len + a.length + 1 > 8000) flush();
      parts.push(a);
      len += a.length + 1;
    }
    flush();
  }
  return ops;
}

/** Merges, column widths, row heights, validations (ExcelApi 1.8), freeze panes, tab colour. */
function layoutOps(p: Plan, env: OpEnv): Op[] {
  const sh = p.sheet;
  const ws = (): Excel.Worksheet => env.ws(p);
  const ops: Op[] = [];
  for (const m of sh.merges) ops.push({ bytes: ACTION_OVERHEAD, run: () => ws().getRange(m).merge(false) });
  for (const col of sh.columns) {
    const letter = col.column;
    ops.push({
      bytes: ACTION_OVERHEAD * 2,
      run: () => {
        const r = ws().getRange(`${letter}:${letter}`);
        r.format.columnWidth = charsToPoints(col.width);
        if (col.hidden) r.columnHidden = true;
      },
    });
  }
  for (const row of sh.rows)
    ops.push({
      bytes: ACTION_OVERHEAD,
      run: () => void (ws().getRange(`${row.index}:${row.index}`).format.rowHeight = row.height),
    });
  if (env.v18)
    for (const v of sh.validations)
      ops.push({
        bytes: bytesOf(v) + ACTION_OVERHEAD * 2,
        run: () => setValidation(ws().getRange(v.range), v),
      });
  if (sh.freeze && (sh.freeze.rows || sh.freeze.columns)) {
    const fr = sh.freeze;
    ops.push({
      bytes: ACTION_OVERHEAD,
      run: () => {
        if (fr.columns && fr.rows) ws().freezePanes.freezeAt(`A1:${columnLetter(fr.columns)}${fr.rows}`);
        else if (fr.rows) ws().freezePanes.freezeRows(fr.rows);
        else ws().freezePanes.freezeColumns(fr.columns);
      },
    });
  }
  if (sh.tabColor)
    ops.push({ bytes: ACTION_OVERHEAD, run: () => void (ws().tabColor = argbToHex(sh.tabColor as string)) });
  return ops;
}

function setValidation(range: Excel.Range, v: DataValidationModel): void {
  const dv = range.dataValidation;
  dv.ignoreBlanks = v.allowBlank;
  dv.rule = validationRule(v);
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = {
    showAlert: true,
    style: (v.error.style[0].toUpperCase() + v.error.style.slice(1)) as Excel.DataValidationAlertStyle,
    title: v.error.title,
    message: v.error.message,
  };
}

/** After every sheet: the names, visibility, protection last, and the active sheet. */
function finalOps(plans: Plan[], addNames: { name: string; ref: string }[], env: OpEnv): Op[] {
  const ops: Op[] = [];
  for (const n of addNames)
    ops.push({ bytes: bytesOf(n), run: (c) => void c.workbook.names.add(n.name, `=${n.ref}`) });
  for (const p of plans) {
    if (p.sheet.visibility !== "visible") {
      const vis = p.sheet.visibility === "veryHidden" ? "VeryHidden" : "Hidden";
      ops.push({
        bytes: ACTION_OVERHEAD,
        run: () => void (env.ws(p).visibility = vis as Excel.SheetVisibility),
      });
    }
    const prot = p.sheet.protection;
    if (prot) {
      ops.push({
        bytes: ACTION_OVERHEAD * 2,
        run: () =>
          env
            .ws(p)
            .protection.protect(
              { allowFormatColumns: prot.allowFormatColumns, allowFormatRows: prot.allowFormatRows },
              prot.password
            ),
      });
    }
  }
  const model = env.model;
  const active =
    plans.find((p) => p.sheet === model.sheets[model.activeSheet] && p.sheet.visibility === "visible") ??
    plans.find((p) => p.sheet.visibility === "visible");
  if (active) ops.push({ bytes: ACTION_OVERHEAD, run: () => env.ws(active).activate() });
  return ops;
}

/** Run the ops, one sync whenever the next would pass the budget and one at the end; calculation suspended. */
async function sendOps(
  ctx: Excel.RequestContext,
  ops: readonly Op[],
  env: OpEnv,
  prevMode: string,
  sync: () => Promise<void>
): Promise<void> {
  const app = ctx.workbook.application;
  const suspend = (first: boolean): void => {
    if (first && env.v18 && prevMode !== "Manual") app.calculationMode = "Manual" as Excel.CalculationMode;
    app.suspendApiCalculationUntilNextSync();
    if (env.v19) app.suspendScreenUpdatingUntilNextSync();
  };
  let used = 0;
  suspend(true);
  for (const op of ops) {
    if (used > 0 && used + op.bytes > env.budget) {
      await sync();
      used = 0;
      suspend(false);
    }
    op.run(ctx);
    used += op.bytes;
  }
  await sync();
}

/** Office.js wants base64; `btoa` over chunks (browser and Node ≥ 16). */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export const CREATE_WORKBOOK_UNSUPPORTED = {
  vi: "Phiên bản Excel này không mở được sổ làm việc mới từ phần bổ trợ (cần ExcelApi 1.8): hãy tải tệp mẫu về và mở nó, hoặc chọn “Đưa vào sổ làm việc hiện tại”.",
  en: "This Excel cannot open a new workbook from the add-in (needs ExcelApi 1.8): download the template file and open it, or choose “Into the current workbook”.",
} as const;

/** The generated .xlsx as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
export async function createWorkbookFromBytes(host: ExcelHost, bytes: Uint8Array): Promise<void> {
  if (!host.isSetSupported("ExcelApi", "1.8"))
    throw Object.assign(new Error(CREATE_WORKBOOK_UNSUPPORTED.en), { text: CREATE_WORKBOOK_UNSUPPORTED });
  await host.createWorkbook(toBase64(bytes));
}

export interface ChartSpec {
  /** Sheet the add-in made (e.g. the summary sheet) to hold the chart and its data. */
  sheet: string;
  title: string;
  /** Category labels (units) and values (e.g. % nữ), written as a small table at `dataAt`. */
  rows: { label: string; value: number | null }[];
  /** Header of the value column, e.g. "Tỷ lệ nữ (%)". */
  valueHeader: string;
  /** Top-left cell of the data table, e.g. "ZZ1" (out of the way); default two columns right of the used range. */
  dataAt: string;
  /** Chart position: top-left and bottom-right cells. */
  position: [string, string];
}

/** A column chart (e.g. % nữ by unit for one indicator) over a small data table (1 sync). */
export async function addChart(
  host: ExcelHost,
  spec: ChartSpec,
  options: { ownWrites?: OwnWrites } = {}
): Promise<void> {
  const guard = options.ownWrites ?? defaultOwnWrites;
  const at = parseRange(spec.dataAt);
  if (!at) throw new Error(`bad address ${spec.dataAt}`);
  const data: (string | number)[][] = [
    ["", spec.valueHeader],
    ...spec.rows.map((r) => [textInput(r.label), r.value ?? ""] as (string | number)[]),
  ];
  const range = formatRange({
    sheet: null,
    start: at.start,
    end: { row: at.start.row + data.length - 1, col: at.start.col + 1 },
  });
  await guard.during(() =>
    host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(spec.sheet);
      const r = ws.getRange(range);
      r.values = data;
      const chart = ws.charts.add("ColumnClustered" as Excel.ChartType, r, "Columns" as Excel.ChartSeriesBy);
      chart.title.text = spec.title;
      chart.setPosition(spec.position[0], spec.position[1]);
      await ctx.sync();
    })
  );
}
