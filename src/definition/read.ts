/**
 * The definition workbook (format.ts) → a checked form definition, or the list of what is wrong,
 * each problem naming its sheet, row and column as the officer sees them:
 *   "Chỉ tiêu, dòng 12, cột Loại: 'so luong' không phải là loại hợp lệ — chọn count, amount, tf, text".
 * Cells are read as an officer types them (a number as text, "Có"/"x"/TRUE, a date as a date or
 * as dd/mm/yyyy); then the form schema checks the whole (references, duplicates, expressions)
 * and its findings are mapped back to the cells they came from.
 */
import { resolveForm } from "../form/resolve";
import { FormDefinitionError, formSchema, type FormDefinition, type Text } from "../form/schema";
import { parseDateText, serialToIso } from "../validate/dates";
import { cellText, type CellValue } from "../workbook/cell-value";
import { colOf, key, rowOf, type SheetData } from "../workbook/sheet-data";
import {
  INFO_ROWS,
  SHEET_INFO,
  TABLES,
  type CellKind,
  type ColumnSpec,
  type TableName,
  type TableSpec,
} from "./format";
import { ParamsError, parseRuleParams } from "./rule-params";

export interface DefinitionProblem {
  sheet: string;
  /** 1-based; null for a problem of the whole sheet or form. */
  row: number | null;
  /** 1-based column; null when no single cell is at fault. */
  col: number | null;
  /** The column's Vietnamese header, for the message. */
  column: string | null;
  message: Text;
}

export type DefinitionRead =
  { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[] };

/** A problem as one line, Vietnamese and English: "Chỉ tiêu, dòng 12, cột Loại: …". */
export function problemText(p: DefinitionProblem): Text {
  const where = [p.sheet, p.row !== null ? `dòng ${p.row}` : null, p.column ? `cột ${p.column}` : null];
  const whereEn = [p.sheet, p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null];
  return {
    vi: `${where.filter(Boolean).join(", ")}: ${p.message.vi}`,
    en: `${whereEn.filter(Boolean).join(", ")}: ${p.message.en}`,
  };
}

type Loc = { sheet: string; row: number; col: number; column: string };

class Reading {
  readonly problems: DefinitionProblem[] = [];
  /** Where each value came from: "indicators.3.kind" → cell. */
  readonly locs = new Map<string, Loc>();
  /** The data row of each entry: "indicators.3" → row. */
  readonly rows = new Map<string, number>();

  problem(loc: Omit<DefinitionProblem, "message">, vi: string, en: string): void {
    this.problems.push({ ...loc, message: { vi, en } });
  }
}

const YES_WORDS = new Set(["có", "co", "x", "true", "yes", "1", "c"]);
const NO_WORDS = new Set(["không", "khong", "false", "no", "0", "k"]);

/** One cell's value by the column's kind; undefined when blank. */
function convert(
  v: CellValue | undefined,
  col: ColumnSpec | { kind: CellKind; vi: string; en: string; values?: readonly string[] },
  R: Reading,
  loc: Loc
): unknown {
  const text = cellText(v).trim();
  if (!v || v.type === "blank" || text === "") return undefined;
  switch (col.kind) {
    case "text":
      return text;
    case "number": {
      const n = v.type === "number" ? v.value : Number(text.replace(",", "."));
      if (Number.isFinite(n)) return n;
      R.problem(loc, `"${text}" không phải là số`, `"${text}" is not a number`);
      return undefined;
    }
    case "bool": {
      if (v.type === "boolean") return v.value;
      const w = text.toLowerCase();
      if (YES_WORDS.has(w)) return true;
      if (NO_WORDS.has(w)) return false;
      R.problem(loc, `"${text}" phải là Có hoặc Không`, `"${text}" must be Có (yes) or Không (no)`);
      return undefined;
    }
    case "date": {
      const iso =
        v.type === "number"
          ? serialToIso(v.value)
          : /^\d{4}-\d{2}-\d{2}$/.test(text)
            ? text
            : parseDateText(text);
      if (iso) return iso;
      R.problem(loc, `"${text}" không phải là ngày (ngày/tháng/năm)`, `"${text}" is not a date (dd/mm/yyyy)`);
      return undefined;
    }
    case "list": {
      if (!col.values) return text;
      const hit = col.values.find((x) => x.toLowerCase() === text.toLowerCase());
      if (hit) return hit;
      R.problem(
        loc,
        `'${text}' không phải là ${col.vi.toLowerCase()} hợp lệ — chọn ${col.values.join(", ")}`,
        `'${text}' is not a valid ${col.en.toLowerCase()} — choose ${col.values.join(", ")}`
      );
      return undefined;
    }
  }
}

function setPath(obj: Record<string, unknown>, path: string, v: unknown): void {
  const keys = path.split(".");
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = v;
}

function readInfo(sh: SheetData | null, R: Reading, input: Record<string, unknown>): void {
  if (!sh) {
    R.problem(
      { sheet: SHEET_INFO, row: null, col: null, column: null },
      "thiếu trang này",
      "this sheet is missing"
    );
    return;
  }
  const rowOfKey = new Map<string, number>();
  for (const [k, v] of sh.cells) if (colOf(k) === 1) rowOfKey.set(cellText(v).trim(), rowOf(k));
  for (const r of INFO_ROWS) {
    const row = rowOfKey.get(r.key);
    if (row === undefined) {
      R.problem(
        { sheet: SHEET_INFO, row: null, col: 1, column: "Khóa" },
        `thiếu dòng "${r.key}" (${r.vi})`,
        `the "${r.key}" row (${r.en}) is missing`
      );
      continue;
    }
    const loc: Loc = { sheet: SHEET_INFO, row, col: 3, column: r.vi };
    R.locs.set(r.key, loc);
    const v = convert(sh.cells.get(key(row, 3)), { kind: r.kind, vi: r.vi, en: r.en }, R, loc);
    if (v !== undefined) setPath(input, r.key, v);
  }
}

/** The entries of one table sheet (blank rows skipped). */
function readTable(table: TableSpec, sh: SheetData | null, R: Reading): Record<string, unknown>[] {
  if (!sh) {
    R.problem(
      { sheet: table.sheet, row: null, col: null, column: null },
      "thiếu trang này",
      "this sheet is missing"
    );
    return [];
  }
  const rows = [...new Set([...sh.cells.keys()].map(rowOf))].filter((r) => r >= 2).sort((a, b) => a - b);
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const cells = table.columns.map((_, i) => sh.cells.get(key(row, i + 1)));
    if (cells.every((c) => !c || cellText(c).trim() === "")) continue;
    const i = out.length;
    R.rows.set(`${table.name}.${i}`, row);
    const entry: Record<string, unknown> = {};
    table.columns.forEach((col, ci) => {
      const loc: Loc = { sheet: table.sheet, row, col: ci + 1, column: col.vi };
      R.locs.set(`${table.name}.${i}.${col.key}`, loc);
      const v = convert(cells[ci], col, R, loc);
      if (v !== undefined) setPath(entry, col.key, v);
      else if (col.blankAsEmpty) setPath(entry, col.key, "");
    });
    out.push(finishEntry(table.name, entry, R, `${table.name}.${i}`));
  }
  return out;
}

/** Table-specific cells: a rule's settings, a unit's other names. */
function finishEntry(
  table: TableName,
  entry: Record<string, unknown>,
  R: Reading,
  at: string
): Record<string, unknown> {
  if (table === "units") {
    const aliases =
      typeof entry.aliases === "string"
        ? entry.aliases
            .split(";")
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    return { ...entry, aliases };
  }
  if (table !== "rules") return entry;
  const { params, ...rule } = entry;
  try {
    return { ...rule, ...parseRuleParams(String(rule.type ?? ""), typeof params === "string" ? params : "") };
  } catch (e) {
    const loc = R.locs.get(`${at}.params`) as Loc;
    if (e instanceof ParamsError) R.problem(loc, e.vi, e.en);
    else throw e;
    return rule;
  }
}

/** Where a schema finding points: the cell of its path, else its row, else the sheet. */
function locate(path: readonly PropertyKey[], R: Reading): Omit<DefinitionProblem, "message"> {
  const p = path.map(String);
  if (!TABLES.some((t) => t.name === p[0])) {
    const loc = R.locs.get(p.join("."));
    return loc ?? { sheet: SHEET_INFO, row: null, col: null, column: null };
  }
  const table = TABLES.find((t) => t.name === p[0]) as TableSpec;
  if (p.length < 2) return { sheet: table.sheet, row: null, col: null, column: null };
  const base = `${p[0]}.${p[1]}`;
  for (let n = p.length; n > 2; n--) {
    const loc = R.locs.get(`${base}.${p.slice(2, n).join(".")}`);
    if (loc) return loc;
  }
  // a rule's own settings (part, whole, expression…) live in its settings cell
  const params = table.name === "rules" ? R.locs.get(`${base}.params`) : undefined;
  if (params) return params;
  return { sheet: table.sheet, row: R.rows.get(base) ?? null, col: null, column: null };
}

/** A schema finding in the officer's words (the schema's own messages are already bilingual). */
function findingText(iss: { code: string; message: string; input?: unknown }): Text {
  if (
    (iss.code === "invalid_type" && iss.input === undefined) ||
    (iss.code === "too_small" && iss.input === "")
  )
    return { vi: "ô này bỏ trống, cần nhập", en: "this cell is blank: a value is needed" };
  if (iss.code === "too_small" && Array.isArray(iss.input))
    return { vi: "cần ít nhất một dòng", en: "at least one row is needed" };
  if (iss.code === "invalid_type")
    return { vi: "giá trị không đúng kiểu", en: `wrong type of value (${iss.message})` };
  return splitText(iss.message);
}

function splitText(message: string): Text {
  const i = message.indexOf(" / ");
  return i < 0 ? { vi: message, en: message } : { vi: message.slice(0, i), en: message.slice(i + 3) };
}

/** Read and check a definition workbook, given its sheets by name. */
export function readDefinition(sheet: (name: string) => SheetData | null): DefinitionRead {
  const R = new Reading();
  const input: Record<string, unknown> = {};
  readInfo(sheet(SHEET_INFO), R, input);
  for (const t of TABLES) input[t.name] = readTable(t, sheet(t.sheet), R);
  if (R.problems.length) return { ok: false, problems: R.problems };
  const parsed = formSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((iss) => ({
      ...locate(iss.path, R),
      message: findingText(iss),
    }));
    return { ok: false, problems };
  }
  try {
    resolveForm(parsed.data); // defined-name clashes
  } catch (e) {
    if (!(e instanceof FormDefinitionError)) throw e;
    return {
      ok: false,
      problems: e.problems.map((m) => ({
        sheet: tableOf("indicators"),
        row: null,
        col: null,
        column: null,
        message: splitText(m),
      })),
    };
  }
  return { ok: true, definition: parsed.data };
}

function tableOf(name: TableName): string {
  return (TABLES.find((t) => t.name === name) as TableSpec).sheet;
}
