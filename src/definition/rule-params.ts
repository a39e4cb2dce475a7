/**
 * A rule's own settings in one cell of the "Quy tắc" sheet: the comparison an officer writes
 * (`II.3.T + II.4.T <= II.2.T`) for a `compare` rule, and `key=value; key=value` for the other
 * types (docs/FORM-DEFINITION.md "Rules"):
 *   partOfWhole       part=II.3; whole=II.2
 *   sumEquals         parts=IV.6, IV.7; whole=IV.5; tolerance=0.001
 *   notLess           left=III.6.T; right=III.5
 *   requiresPositive  when=I.2.T; requires=I.1
 *   sexRatioRange     indicator=V.7; minTotal=20; min=95; max=125
 *   textRequired      indicator=VI.1
 * A cell of a tf indicator is written CODE.T (tổng số) or CODE.F (nữ), of another kind CODE.
 */
import type { CellPart, CellRef, Rule } from "../form/schema";

const SUFFIX: Record<CellPart, string> = { total: ".T", female: ".F", value: "" };
const cell = (r: CellRef): string => `${r.indicator}${SUFFIX[r.part]}`;

/** The settings cell of a rule, as written. */
export function formatRuleParams(r: Rule): string {
  switch (r.type) {
    case "compare":
      return r.expression;
    case "partOfWhole":
      return `part=${r.part}; whole=${r.whole}`;
    case "sumEquals":
      return `parts=${r.parts.join(", ")}; whole=${r.whole}; tolerance=${r.tolerance}`;
    case "notLess":
      return `left=${cell(r.left)}; right=${cell(r.right)}`;
    case "requiresPositive":
      return `when=${cell(r.when)}; requires=${cell(r.requires)}`;
    case "sexRatioRange":
      return `indicator=${r.indicator}; minTotal=${r.minTotal}; min=${r.min}; max=${r.max}`;
    case "textRequired":
      return `indicator=${r.indicator}`;
    default:
      return "";
  }
}

/** The settings each type takes, by key: "code", "codes", "cell" or "number". */
const PARAMS: Partial<Record<Rule["type"], Record<string, "code" | "codes" | "cell" | "number">>> = {
  partOfWhole: { part: "code", whole: "code" },
  sumEquals: { parts: "codes", whole: "code", tolerance: "number" },
  notLess: { left: "cell", right: "cell" },
  requiresPositive: { when: "cell", requires: "cell" },
  sexRatioRange: { indicator: "code", minTotal: "number", min: "number", max: "number" },
  textRequired: { indicator: "code" },
};

export class ParamsError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string
  ) {
    super(en);
  }
}

function parseCell(text: string): CellRef {
  const m = /^([A-Za-z]+(?:\.\d+)*)(?:\.([TtFf]))?$/.exec(text.trim());
  if (!m) throw new ParamsError(`"${text}" không phải là mã chỉ tiêu`, `"${text}" is not an indicator code`);
  const part: CellPart = !m[2] ? "value" : m[2].toUpperCase() === "T" ? "total" : "female";
  return { indicator: m[1].toUpperCase(), part };
}

function parseValue(kind: "code" | "codes" | "cell" | "number", text: string): unknown {
  switch (kind) {
    case "code":
      return text.trim().toUpperCase();
    case "codes":
      return text
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map((s) => s.toUpperCase());
    case "cell":
      return parseCell(text);
    case "number": {
      const n = Number(text.trim().replace(",", "."));
      if (text.trim() === "" || !Number.isFinite(n))
        throw new ParamsError(`"${text}" không phải là số`, `"${text}" is not a number`);
      return n;
    }
  }
}

/** The rule properties a settings cell holds for a type (the keys of `r` after id/type/severity/description). */
export function parseRuleParams(type: string, text: string): Record<string, unknown> {
  if (type === "compare") return { expression: text.trim() };
  const spec = PARAMS[type as Rule["type"]];
  if (!spec) {
    if (text.trim())
      throw new ParamsError(`quy tắc loại ${type} không có tham số`, `a ${type} rule takes no parameters`);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const part of text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf("=");
    const k = eq < 0 ? "" : part.slice(0, eq).trim();
    const kind = spec[k];
    if (!kind)
      throw new ParamsError(
        `"${part}": cần dạng tên=giá trị với tên là ${Object.keys(spec).join(", ")}`,
        `"${part}": expected name=value with name one of ${Object.keys(spec).join(", ")}`
      );
    // "whole=" with nothing after it is a setting still to be written: said as missing below.
    if (part.slice(eq + 1).trim()) out[k] = parseValue(kind, part.slice(eq + 1));
  }
  const missing = Object.keys(spec).filter((k) => !(k in out));
  if (missing.length) throw new ParamsError(`thiếu ${missing.join(", ")}`, `missing ${missing.join(", ")}`);
  return out;
}
