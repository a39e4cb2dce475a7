/**
 * A tiny expression tree for the template's formulas. One tree gives both the Excel formula
 * text (only functions Excel 2007+, LibreOffice and WPS share: IF, AND, OR, NOT, ISNUMBER, N,
 * INT, ABS, ROUND, MAX, LEN, TRIM) and its value computed in TypeScript, so the cached result
 * written in the file is what a spreadsheet would compute, and tests can compare the two.
 *
 * Cell values follow spreadsheet semantics: `val` is N(cell) (0 for text/blank), `valid` says
 * whether the cell holds a number acceptable for the indicator's kind. Every sub-expression is
 * error-free for any cell content (AND/OR evaluate all their arguments in Excel), except a
 * division, which callers guard with `if`.
 */
import { DECIMALS_TOLERANCE, MAX_VALUE } from "../validate/engine";
import type { CellScalar } from "./sheet-model";

export type NumberKind = "count" | "amount";

/** Relative tolerance of the "at most N decimals" test: the rule engine's own constant. */
export { DECIMALS_TOLERANCE };
export type CmpOp = ">" | "<" | ">=" | "<=" | "=" | "<>";

export type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  /** N(cell): the number, 0 when the cell is not a number. */
  | { k: "val"; cell: string }
  /** The cell holds a number ≥ 0 that is whole (count) or has at most `decimals` decimals (amount). */
  | { k: "valid"; cell: string; kind: NumberKind; decimals?: number }
  /** Empty, or only spaces. */
  | { k: "blank"; cell: string }
  | { k: "cmp"; op: CmpOp; a: Expr; b: Expr }
  | { k: "and"; xs: Expr[] }
  | { k: "or"; xs: Expr[] }
  | { k: "not"; x: Expr }
  | { k: "add"; xs: Expr[] }
  | { k: "sub"; a: Expr; b: Expr }
  | { k: "mul"; a: Expr; b: Expr }
  | { k: "div"; a: Expr; b: Expr }
  | { k: "abs"; x: Expr }
  | { k: "max"; xs: Expr[] }
  | { k: "if"; c: Expr; t: Expr; e: Expr }
  /** Concatenation of texts, then TRIM (leading/trailing/double spaces removed). */
  | { k: "trimConcat"; xs: Expr[] };

export const E = {
  num: (v: number): Expr => ({ k: "num", v }),
  str: (v: string): Expr => ({ k: "str", v }),
  bool: (v: boolean): Expr => ({ k: "bool", v }),
  val: (cell: string): Expr => ({ k: "val", cell }),
  valid: (cell: string, kind: NumberKind, decimals?: number): Expr => ({
    k: "valid",
    cell,
    kind,
    ...(decimals !== undefined ? { decimals } : {}),
  }),
  blank: (cell: string): Expr => ({ k: "blank", cell }),
  cmp: (op: CmpOp, a: Expr, b: Expr): Expr => ({ k: "cmp", op, a, b }),
  and: (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0] : { k: "and", xs }),
  or: (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0] : { k: "or", xs }),
  not: (x: Expr): Expr => ({ k: "not", x }),
  add: (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0] : { k: "add", xs }),
  sub: (a: Expr, b: Expr): Expr => ({ k: "sub", a, b }),
  mul: (a: Expr, b: Expr): Expr => ({ k: "mul", a, b }),
  div: (a: Expr, b: Expr): Expr => ({ k: "div", a, b }),
  abs: (x: Expr): Expr => ({ k: "abs", x }),
  max: (...xs: Expr[]): Expr => ({ k: "max", xs }),
  if: (c: Expr, t: Expr, e: Expr): Expr => ({ k: "if", c, t, e }),
  trimConcat: (...xs: Expr[]): Expr => ({ k: "trimConcat", xs }),
};

/** A number literal Excel and LibreOffice both parse (no exponent notation). */
export function numberLiteral(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`không phải số hữu hạn / not finite: ${v}`);
  const s = String(v);
  if (!/e/i.test(s)) return s;
  return v.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

function stringLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Excel formula text, without the leading "=". */
export function toExcel(e: Expr): string {
  switch (e.k) {
    case "num":
      return numberLiteral(e.v);
    case "str":
      return stringLiteral(e.v);
    case "bool":
      return e.v ? "TRUE" : "FALSE";
    case "val":
      return `N(${e.cell})`;
    case "valid": {
      const n = `N(${e.cell})`;
      const parts = [`ISNUMBER(${e.cell})`, `${n}>=0`, `${n}<=${numberLiteral(MAX_VALUE)}`];
      if (e.kind === "count") parts.push(`${n}=INT(${n})`);
      else if (e.decimals !== undefined) {
        const scale = numberLiteral(10 ** e.decimals);
        parts.push(
          `ABS(${n}*${scale}-ROUND(${n}*${scale},0))<=${numberLiteral(DECIMALS_TOLERANCE)}*MAX(1,ABS(${n}*${scale}))`
        );
      }
      return `AND(${parts.join(",")})`;
    }
    case "blank":
      return `LEN(TRIM(${e.cell}))=0`;
    case "cmp":
      return `${operand(e.a)}${e.op}${operand(e.b)}`;
    case "and":
      return `AND(${e.xs.map(toExcel).join(",")})`;
    case "or":
      return `OR(${e.xs.map(toExcel).join(",")})`;
    case "not":
      return `NOT(${toExcel(e.x)})`;
    case "add":
      return e.xs.map(operand).join("+");
    case "sub":
      return `${operand(e.a)}-${operand(e.b)}`;
    case "mul":
      return `${operand(e.a)}*${operand(e.b)}`;
    case "div":
      return `${operand(e.a)}/${operand(e.b)}`;
    case "abs":
      return `ABS(${toExcel(e.x)})`;
    case "max":
      return `MAX(${e.xs.map(toExcel).join(",")})`;
    case "if":
      return `IF(${toExcel(e.c)},${toExcel(e.t)},${toExcel(e.e)})`;
    case "trimConcat":
      return e.xs.length === 1 ? `TRIM(${toExcel(e.xs[0])})` : `TRIM(${e.xs.map(operand).join("&")})`;
  }
}

/** Parenthesise compound arithmetic/comparison operands; functions and atoms stay bare. */
function operand(e: Expr): string {
  const s = toExcel(e);
  return e.k === "add" || e.k === "sub" || e.k === "mul" || e.k === "div" || e.k === "cmp" ? `(${s})` : s;
}

/** What a spreadsheet computes for the expression, given the cells' contents by address. */
export function evaluate(e: Expr, cells: (address: string) => CellScalar): CellScalar {
  switch (e.k) {
    case "num":
    case "str":
    case "bool":
      return e.v;
    case "val": {
      const v = cells(e.cell);
      return typeof v === "number" ? v : 0;
    }
    case "valid": {
      const v = cells(e.cell);
      if (typeof v !== "number" || !(v >= 0) || v > MAX_VALUE) return false;
      if (e.kind === "count") return v === Math.trunc(v);
      if (e.decimals === undefined) return true;
      const scale = 10 ** e.decimals;
      return (
        Math.abs(v * scale - excelRound0(v * scale)) <= DECIMALS_TOLERANCE * Math.max(1, Math.abs(v * scale))
      );
    }
    case "blank": {
      const v = cells(e.cell);
      return v === null || (typeof v === "string" && v.replace(/^ +| +$/g, "") === "");
    }
    case "cmp":
      return compare(e.op, evaluate(e.a, cells), evaluate(e.b, cells));
    case "and":
      return e.xs.map((x) => truthy(evaluate(x, cells))).every(Boolean);
    case "or":
      return e.xs.map((x) => truthy(evaluate(x, cells))).some(Boolean);
    case "not":
      return !truthy(evaluate(e.x, cells));
    case "add":
      return e.xs.map((x) => num(evaluate(x, cells))).reduce((a, b) => a + b);
    case "sub":
      return num(evaluate(e.a, cells)) - num(evaluate(e.b, cells));
    case "mul":
      return num(evaluate(e.a, cells)) * num(evaluate(e.b, cells));
    case "div": {
      const d = num(evaluate(e.b, cells));
      if (d === 0) throw new Error("#DIV/0! — phép chia chưa được bảo vệ / unguarded division");
      return num(evaluate(e.a, cells)) / d;
    }
    case "abs":
      return Math.abs(num(evaluate(e.x, cells)));
    case "max":
      return Math.max(...e.xs.map((x) => num(evaluate(x, cells))));
    case "if":
      return truthy(evaluate(e.c, cells)) ? evaluate(e.t, cells) : evaluate(e.e, cells);
    case "trimConcat":
      return e.xs
        .map((x) => text(evaluate(x, cells)))
        .join("")
        .replace(/ +/g, " ")
        .replace(/^ | $/g, "");
  }
}

/** Excel's ROUND(x, 0): halves away from zero. */
function excelRound0(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

function num(v: CellScalar): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null) return 0;
  throw new Error(`#VALUE! — "${v}" không phải số / not a number`);
}

function truthy(v: CellScalar): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  throw new Error(`#VALUE! — "${v}" không phải giá trị logic / not a logical value`);
}

function text(v: CellScalar): string {
  if (typeof v === "string") return v;
  if (v === null) return "";
  throw new Error("chỉ nối chuỗi / only texts are concatenated here");
}

function compare(op: CmpOp, a: CellScalar, b: CellScalar): boolean {
  const x = num(a);
  const y = num(b);
  switch (op) {
    case ">":
      return x > y;
    case "<":
      return x < y;
    case ">=":
      return x >= y;
    case "<=":
      return x <= y;
    case "=":
      return x === y;
    case "<>":
      return x !== y;
  }
}
