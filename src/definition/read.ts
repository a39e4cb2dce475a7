/**
 * The definition workbook (format.ts) → a checked form definition, or the list of what is wrong,
 * each problem naming its sheet, row and column as the officer sees them:
 *   "Chỉ tiêu, dòng 12, cột Loại: 'so luong' không phải là loại hợp lệ — chọn count, amount, tf, text".
 * Cells are read as an officer types them (a number as text, "Có"/"x"/TRUE, a date as a date or
 * as dd/mm/yyyy); then the form schema checks the whole (references, duplicates, expressions)
 * and its findings are mapped back to the cells they came from.
 */
import { resolveForm } from "../form/resolve";
import {
  FormDefinitionError,
  formSchema,
  indicatorKind,
  type FormDefinition,
  type IndicatorKind,
  type Text,
} from "../form/schema";
import { expressionProblem } from "./expression-problem";
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
  if (v?.type === "uncomputed") {
    R.problem(
      loc,
      `công thức "=${v.formula}" chưa được tính (tệp do chương trình ghi): hãy nhập giá trị`,
      `the formula "=${v.formula}" has no computed result (a file written by a program): type the value`
    );
    return undefined;
  }
  if (v?.type === "error") {
    R.problem(
      loc,
      `ô có lỗi ${v.code}: hãy nhập giá trị`,
      `the cell holds the error ${v.code}: type the value`
    );
    return undefined;
  }
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

/** The shape a text cell must have, for the schema's patterns that carry no message of their own. */
const FORMATS: Record<string, Text> = {
  version: {
    vi: "phiên bản là các số cách nhau bởi dấu chấm (1, 2.1)",
    en: "a version is numbers separated by dots (1, 2.1)",
  },
  "sections.code": {
    vi: "mã mục là chữ số La Mã in hoa (I, II, III…)",
    en: "a section code is a Roman numeral in capitals (I, II, III…)",
  },
  "computed.id": {
    vi: "mã giá trị tính là mã chỉ tiêu rồi tên ngắn chữ thường (V.1.pctf)",
    en: "a computed value's id is an indicator code and a short lower-case name (V.1.pctf)",
  },
  "rules.id": {
    vi: "mã quy tắc bắt đầu bằng chữ thường, rồi chữ, số, dấu . hoặc - (cmp.tap-huan)",
    en: "a rule id starts with a lower-case letter, then letters, digits, . or - (cmp.tap-huan)",
  },
};

type Finding = {
  code: string;
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
};

/** A schema finding in the officer's words (the schema's own messages are already bilingual). */
function findingText(iss: Finding, path: readonly PropertyKey[]): Text {
  if (
    (iss.code === "invalid_type" && iss.input === undefined) ||
    (iss.code === "too_small" && iss.input === "")
  )
    return { vi: "ô này bỏ trống, cần nhập", en: "this cell is blank: a value is needed" };
  if (iss.code === "too_small" && (iss.origin === "array" || Array.isArray(iss.input)))
    return { vi: "cần ít nhất một dòng", en: "at least one row is needed" };
  if (iss.code === "too_small" && typeof iss.input === "number")
    return {
      vi: `${iss.input} nhỏ hơn ${String(iss.minimum)}`,
      en: `${iss.input} is less than ${String(iss.minimum)}`,
    };
  if (iss.code === "too_big" && typeof iss.input === "number")
    return {
      vi: `${iss.input} lớn hơn ${String(iss.maximum)}`,
      en: `${iss.input} is more than ${String(iss.maximum)}`,
    };
  if (iss.code === "invalid_type")
    return { vi: "giá trị không đúng kiểu", en: `wrong type of value (${iss.message})` };
  const text = FORMATS[path.filter((k) => typeof k === "string").join(".")] ?? splitText(iss.message);
  if (iss.code === "invalid_format" && typeof iss.input === "string")
    return { vi: `${text.vi} (đã nhập "${iss.input}")`, en: `${text.en} (typed "${iss.input}")` };
  return text;
}

/** "vi / en" → { vi, en }; the schema's "… trùng lặp / duplicate …: X" keeps X in both. */
function splitText(message: string): Text {
  const i = message.indexOf(" / ");
  if (i < 0) return { vi: message, en: message };
  const text = { vi: message.slice(0, i), en: message.slice(i + 3) };
  const dup = /^duplicate [^:]+: (.+)$/.exec(text.en);
  return dup && text.vi.endsWith("trùng lặp") ? { ...text, vi: `${text.vi}: ${dup[1]}` } : text;
}

/** Read and check a definition workbook, given its sheets by name. */
export function readDefinition(sheet: (name: string) => SheetData | null): DefinitionRead {
  const R = new Reading();
  const input: Record<string, unknown> = {};
  readInfo(sheet(SHEET_INFO), R, input);
  for (const t of TABLES) input[t.name] = readTable(t, sheet(t.sheet), R);
  const parsed = formSchema.safeParse(input, { reportInput: true });
  if (!parsed.success || R.problems.length) {
    const findings = parsed.success ? [] : schemaProblems(parsed.error.issues, input, R);
    return { ok: false, problems: inSheetOrder(withoutRepeats(R.problems, findings)) };
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

type Issue = Finding & { path: PropertyKey[] };

/** The schema's findings, each at the cell it came from; an expression's with its character. */
function schemaProblems(
  issues: readonly Issue[],
  input: Record<string, unknown>,
  R: Reading
): DefinitionProblem[] {
  const kinds = new Map<string, IndicatorKind>();
  for (const ind of input.indicators as Record<string, unknown>[]) {
    const kind = indicatorKind.safeParse(ind.kind);
    if (typeof ind.code === "string" && kind.success) kinds.set(ind.code, kind.data);
  }
  return issues.map((iss) => {
    const [table, index, prop] = iss.path;
    const rule =
      table === "rules" && prop === "expression"
        ? (input.rules as Record<string, unknown>[])[Number(index)]
        : null;
    const better = typeof rule?.expression === "string" ? expressionProblem(rule.expression, kinds) : null;
    return { ...locate(iss.path, R), message: better ?? findingText(iss, iss.path) };
  });
}

const where = (p: DefinitionProblem): string => `${p.sheet}|${p.row}|${p.col}`;

/**
 * The cells' own problems, then the schema's findings elsewhere: a cell that could not be read
 * is blank to the schema, and a missing sheet has no rows — said once, by the first.
 */
function withoutRepeats(cells: DefinitionProblem[], findings: DefinitionProblem[]): DefinitionProblem[] {
  const said = new Set(cells.map(where));
  const missingSheets = new Set(cells.filter((p) => p.row === null && p.col === null).map((p) => p.sheet));
  const out = [...cells];
  for (const f of findings) {
    const key = `${where(f)}|${f.message.vi}`;
    if (said.has(where(f)) || said.has(key) || missingSheets.has(f.sheet)) continue;
    said.add(key);
    out.push(f);
  }
  return out;
}

const SHEET_ORDER = [SHEET_INFO, ...TABLES.map((t) => t.sheet)];

/** Problems as the officer goes through the workbook: sheet by sheet, row by row, column by column. */
function inSheetOrder(problems: DefinitionProblem[]): DefinitionProblem[] {
  const n = (x: number | null): number => x ?? 0;
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        SHEET_ORDER.indexOf(a.p.sheet) - SHEET_ORDER.indexOf(b.p.sheet) ||
        n(a.p.row) - n(b.p.row) ||
        n(a.p.col) - n(b.p.col) ||
        a.i - b.i
    )
    .map((x) => x.p);
}

function tableOf(name: TableName): string {
  return (TABLES.find((t) => t.name === name) as TableSpec).sheet;
}
