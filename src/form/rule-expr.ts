/**
 * The comparison rules an officer writes in a form definition: `left ⋄ right`, each side a sum
 * of indicator cells and numbers with `+` and `−`, ⋄ one of `<=`, `<`, `=`, `>=`, `>` (also `≤`,
 * `≥`, `==`). A cell is an indicator code, with `.T` (tổng số) or `.F` (nữ) for an indicator
 * that has both: `II.3.T + II.4.T <= II.2.T`, `IV.5 = IV.6 + IV.7`, `V.7.F >= 0`.
 * The rule holds when the comparison is true; it is checked only when every cell it names holds
 * a number. Grammar and examples: docs/FORM-DEFINITION.md "Rules".
 */
import type { CellPart } from "./schema";

export type CompareOp = "<=" | "<" | "=" | ">=" | ">";

export type Term =
  { sign: 1 | -1; cell: { indicator: string; part: CellPart } } | { sign: 1 | -1; value: number };

export interface Comparison {
  left: Term[];
  op: CompareOp;
  right: Term[];
}

/** A problem in an expression: what, and where (0-based character offset). */
export class ExpressionError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly at: number
  ) {
    super(en);
    this.name = "ExpressionError";
  }
}

/** What the parser needs to know about an indicator code: its numeric cells (none for a text), null when unknown. */
export type CellsOf = (code: string) => readonly CellPart[] | null;

type Token =
  | { t: "cell"; code: string; part: "T" | "F" | null; at: number }
  | { t: "num"; v: number; at: number }
  | { t: "sign"; v: 1 | -1; at: number }
  | { t: "op"; v: CompareOp; at: number }
  | { t: "end"; at: number };

const OPS: [string, CompareOp][] = [
  ["<=", "<="],
  ["≤", "<="],
  [">=", ">="],
  ["≥", ">="],
  ["==", "="],
  ["<", "<"],
  [">", ">"],
  ["=", "="],
];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const op = OPS.find(([s]) => text.startsWith(s, i));
    if (op) {
      out.push({ t: "op", v: op[1], at: i });
      i += op[0].length;
      continue;
    }
    if (ch === "+" || ch === "-" || ch === "−" || ch === "–") {
      out.push({ t: "sign", v: ch === "+" ? 1 : -1, at: i });
      i++;
      continue;
    }
    const num = /^\d+(?:[.,]\d+)?/.exec(text.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0].replace(",", ".")), at: i });
      i += num[0].length;
      continue;
    }
    const cell = /^([A-Za-z]+(?:\.\d+)*)(?:\.([TtFf]))?(?![\w.])/.exec(text.slice(i));
    if (cell) {
      const part = cell[2] ? (cell[2].toUpperCase() as "T" | "F") : null;
      out.push({ t: "cell", code: cell[1].toUpperCase(), part, at: i });
      i += cell[0].length;
      continue;
    }
    throw new ExpressionError(`ký tự không hợp lệ "${ch}"`, `unexpected character "${ch}"`, i);
  }
  out.push({ t: "end", at: text.length });
  return out;
}

function resolveCell(
  tok: Extract<Token, { t: "cell" }>,
  cellsOf: CellsOf
): { indicator: string; part: CellPart } {
  const parts = cellsOf(tok.code);
  if (!parts)
    throw new ExpressionError(
      `chỉ tiêu ${tok.code} không có trong biểu mẫu`,
      `unknown indicator ${tok.code}`,
      tok.at
    );
  if (!parts.length)
    throw new ExpressionError(
      `chỉ tiêu ${tok.code} không có ô số liệu`,
      `indicator ${tok.code} holds no number`,
      tok.at
    );
  const tf = parts.includes("total");
  if (tf && tok.part === null)
    throw new ExpressionError(
      `chỉ tiêu ${tok.code} có hai ô: ghi ${tok.code}.T (tổng số) hoặc ${tok.code}.F (nữ)`,
      `indicator ${tok.code} has two cells: write ${tok.code}.T (total) or ${tok.code}.F (female)`,
      tok.at
    );
  if (!tf && tok.part !== null)
    throw new ExpressionError(
      `chỉ tiêu ${tok.code} chỉ có một ô: ghi ${tok.code}, không có .${tok.part}`,
      `indicator ${tok.code} has one cell: write ${tok.code} without .${tok.part}`,
      tok.at
    );
  return { indicator: tok.code, part: tok.part === "T" ? "total" : tok.part === "F" ? "female" : "value" };
}

/** Parse `left ⋄ right`. Throws ExpressionError with the offset of the problem. */
export function parseComparison(text: string, cellsOf: CellsOf): Comparison {
  const toks = tokenize(text);
  let i = 0;
  const side = (): Term[] => {
    const terms: Term[] = [];
    let sign: 1 | -1 = 1;
    let expectTerm = true;
    for (;;) {
      const tok = toks[i];
      if (tok.t === "sign") {
        if (!expectTerm) expectTerm = true;
        sign = (sign * tok.v) as 1 | -1;
        i++;
        continue;
      }
      if (!expectTerm) return terms;
      if (tok.t === "cell") terms.push({ sign, cell: resolveCell(tok, cellsOf) });
      else if (tok.t === "num") terms.push({ sign, value: tok.v });
      else
        throw new ExpressionError(
          tok.t === "end" ? "biểu thức còn thiếu" : "thiếu chỉ tiêu hoặc số",
          tok.t === "end" ? "the expression is incomplete" : "an indicator or a number is expected",
          tok.at
        );
      i++;
      sign = 1;
      expectTerm = false;
      if (toks[i].t !== "sign") return terms;
    }
  };
  const left = side();
  const opTok = toks[i];
  if (opTok.t !== "op")
    throw new ExpressionError(
      "thiếu phép so sánh (<=, <, =, >=, >)",
      "a comparison (<=, <, =, >=, >) is expected",
      opTok.at
    );
  i++;
  const right = side();
  const end = toks[i];
  if (end.t !== "end")
    throw new ExpressionError("thừa nội dung sau biểu thức", "unexpected text after the expression", end.at);
  if (![...left, ...right].some((x) => "cell" in x))
    throw new ExpressionError(
      "biểu thức phải có ít nhất một chỉ tiêu",
      "the expression must name an indicator",
      0
    );
  return { left, op: opTok.v, right };
}

const PART_SUFFIX: Record<CellPart, string> = { total: ".T", female: ".F", value: "" };

/** One side written back: `II.3.T + II.4.T`, `-IV.7 + 2`. */
export function formatSide(terms: readonly Term[], show: (t: Term) => string = formatTerm): string {
  return terms
    .map((t, i) => {
      const body = show(t);
      if (i === 0) return t.sign < 0 ? `-${body}` : body;
      return `${t.sign < 0 ? "-" : "+"} ${body}`;
    })
    .join(" ");
}

export function formatTerm(t: Term): string {
  return "cell" in t ? `${t.cell.indicator}${PART_SUFFIX[t.cell.part]}` : String(t.value);
}

/** The cells a comparison names, in order, each once. */
export function cellsIn(c: Comparison): { indicator: string; part: CellPart }[] {
  const seen = new Set<string>();
  const out: { indicator: string; part: CellPart }[] = [];
  for (const t of [...c.left, ...c.right]) {
    if (!("cell" in t)) continue;
    const k = `${t.cell.indicator}/${t.cell.part}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t.cell);
    }
  }
  return out;
}

/** The tolerance of a comparison: float noise on sums of decimals (the check formulas use the same). */
export const COMPARE_TOLERANCE = 1e-13;

/** Whether `l ⋄ r` holds, within the tolerance relative to the larger side (at least 1). */
export function holds(l: number, op: CompareOp, r: number): boolean {
  const eps = COMPARE_TOLERANCE * Math.max(1, Math.abs(l), Math.abs(r));
  switch (op) {
    case "<=":
      return l <= r + eps;
    case "<":
      return l < r - eps;
    case "=":
      return Math.abs(l - r) <= eps;
    case ">=":
      return l >= r - eps;
    case ">":
      return l > r + eps;
  }
}
