/**
 * The rule engine: values by defined name + form → issues, clean numbers, texts, header and
 * computed values. Pure: no I/O, no Excel. Every rule of the form is data (form/schema.ts).
 */
import type { ResolvedForm, ResolvedIndicator } from "../form/resolve";
import type { CellPart, FieldKey, Rule, RuleType, Severity, Text, Unit } from "../form/schema";
import type { UnitMatch, UnitMatcher } from "../form/unit-match";
import { unitMatcherOf } from "../form/resolve";
import { BLANK, type CellValue, type CellValues } from "../workbook/cell-value";
import { isoToVi, parseDateText, serialToIso } from "./dates";
import { compareIssues } from "./compare-rules";
import type { Issue } from "./issue";
import { formatNumberVi as fmt, parseNumberText } from "./number";
import { computeValues } from "./computed";
import { crossRuleIssues } from "./cross-rules";
import {
  dateInNumberMessage,
  dateText,
  invalidValueMessage,
  isBlankValue,
  PART_EN,
  PART_VI,
  shown,
} from "./stored-values";

export interface ReportHeader {
  /** The unit as typed in the unit cell. */
  unitText: string | null;
  /** The typed name against the registry (none when blank). */
  unitMatch: UnitMatch;
  /** The typed name's unit when it matches exactly one registry unit. */
  unit: Unit | null;
  year: number | null;
  /** ISO date. */
  reportDate: string | null;
  preparer: string | null;
  phone: string | null;
  head: string | null;
}

export interface Evaluation {
  issues: Issue[];
  /** Valid numbers by defined name (cells with a type error or blank are absent). */
  numbers: Map<string, number>;
  /** Text values (narratives) by defined name. */
  texts: Map<string, string>;
  header: ReportHeader;
  /** Computed values by id (e.g. "V.1.pctf"); null when they cannot be computed. */
  computed: Map<string, number | null>;
}

export interface EvaluateOptions {
  /** Reuse a matcher when evaluating many reports. */
  matcher?: UnitMatcher;
}

const t = (vi: string, en: string): Text => ({ vi, en });

/**
 * The largest value a report cell may hold (counts of people, amounts in million VND). Anything
 * larger is a typing accident ("1e306"), and would overflow sums into Infinity, which no
 * spreadsheet can store.
 */
export const MAX_VALUE = 1e12;

/** Relative tolerance when checking an amount's decimals (float noise only); the template's check formulas use the same. */
export const DECIMALS_TOLERANCE = 1e-14;

export function evaluateReport(
  form: ResolvedForm,
  values: CellValues,
  options: EvaluateOptions = {}
): Evaluation {
  const ctx = new Context(form, values);
  ctx.readIndicators();
  const header = ctx.readHeader(options.matcher ?? unitMatcherOf(form));
  ctx.issues.push(...crossRuleIssues(form, ctx.numbers, values));
  ctx.issues.push(...compareIssues(form, ctx.numbers));
  return {
    issues: ctx.issues,
    numbers: ctx.numbers,
    texts: ctx.texts,
    header,
    computed: computeValues(form, ctx.numbers),
  };
}

export { computeFormula, computeValues } from "./computed";

class Context {
  readonly issues: Issue[] = [];
  readonly numbers = new Map<string, number>();
  readonly texts = new Map<string, string>();
  private readonly rules: Map<RuleType, Rule[]>;

  constructor(
    private readonly form: ResolvedForm,
    private readonly values: CellValues
  ) {
    this.rules = new Map();
    for (const r of form.definition.rules) {
      const list = this.rules.get(r.type) ?? [];
      list.push(r);
      this.rules.set(r.type, list);
    }
  }

  private rule<T extends RuleType>(type: T): Extract<Rule, { type: T }> | undefined {
    return this.rules.get(type)?.[0] as Extract<Rule, { type: T }> | undefined;
  }

  private all<T extends RuleType>(type: T): Extract<Rule, { type: T }>[] {
    return (this.rules.get(type) ?? []) as Extract<Rule, { type: T }>[];
  }

  private add(
    rule: { id: string; severity: Severity } | undefined,
    fallbackId: string,
    indicator: string | null,
    cell: string | null,
    message: Text,
    field?: string
  ): void {
    this.issues.push({
      severity: rule?.severity ?? "error",
      rule: rule?.id ?? fallbackId,
      indicator,
      ...(field ? { field } : {}),
      cell,
      message,
    });
  }

  private value(name: string): CellValue {
    return this.values.get(name) ?? BLANK;
  }

  readIndicators(): void {
    for (const ind of this.form.indicators) {
      if (ind.kind === "text") this.readText(ind);
      else if (ind.kind !== "computed") for (const c of ind.cells) this.readNumber(ind, c.part, c.name);
    }
  }

  private readText(ind: ResolvedIndicator): void {
    const name = ind.cells[0].name;
    const v = this.value(name);
    let text: string | null = null;
    if (v.type === "text") text = v.text.trim() ? v.text : null;
    else if (v.type === "number") text = String(v.value);
    else if (v.type === "boolean") text = v.value ? "TRUE" : "FALSE";
    else if (v.type === "date") text = dateText(v.serial);
    else if (v.type === "invalid")
      this.add(
        this.rule("valueType"),
        "type",
        ind.code,
        name,
        invalidValueMessage(ind.code, ind.code, v.raw)
      );
    else if (v.type === "error") {
      this.add(
        this.rule("valueType"),
        "type",
        ind.code,
        name,
        t(`Ô ${ind.code} có lỗi ${v.code}`, `Cell ${ind.code} holds the error ${v.code}`)
      );
    } else if (v.type === "uncomputed") this.notComputed(ind.code, ind.code, ind.code, name);
    if (text !== null) this.texts.set(name, text);
    else {
      for (const r of this.all("textRequired")) {
        if (r.indicator === ind.code && isBlankValue(v)) {
          this.add(
            r,
            r.id,
            ind.code,
            name,
            t(
              `Chưa nhập nội dung mục ${ind.code} (${ind.label.vi})`,
              `${ind.code} (${ind.label.en}) is blank`
            )
          );
        }
      }
    }
  }

  /** A formula without a cached result: reported, never read as 0. `indicator` null for header fields. */
  private notComputed(
    indicator: string | null,
    where: string,
    whereEn: string,
    name: string,
    field?: string
  ): void {
    this.add(
      this.rule("valueType"),
      "type",
      indicator,
      name,
      t(
        `Ô ${where} là công thức chưa được tính (tệp được ghi bởi chương trình không tính công thức): hãy mở tệp trong Excel và lưu lại`,
        `Cell ${whereEn} is a formula that was never computed: open the file in Excel and save it again`
      ),
      field
    );
  }

  /** A numeric cell: its number kept when valid for its indicator, otherwise an issue saying why. */
  private readNumber(ind: ResolvedIndicator, part: CellPart, name: string): void {
    const where = ind.kind === "tf" ? `${ind.code} (${PART_VI[part]})` : ind.code;
    const whereEn = ind.kind === "tf" ? `${ind.code} (${PART_EN[part]})` : ind.code;
    const n = this.numberIn(ind, name, where, whereEn);
    if (n === null) return;
    const problem = numberProblem(ind, n, where, whereEn);
    if (problem) this.add(this.rule("valueType"), "type", ind.code, name, problem);
    else this.numbers.set(name, n);
  }

  /** The number a cell holds (a number typed as text is read, with a warning), or null once it is reported why it holds none. */
  private numberIn(ind: ResolvedIndicator, name: string, where: string, whereEn: string): number | null {
    const v = this.value(name);
    const typeError = (message: Text): null => {
      this.add(this.rule("valueType"), "type", ind.code, name, message);
      return null;
    };
    switch (v.type) {
      case "number":
        return v.value;
      case "blank":
        this.reportBlank(ind, name, where, whereEn);
        return null;
      case "error":
        return typeError(t(`Ô ${where} có lỗi ${v.code}`, `${whereEn} holds the error ${v.code}`));
      case "uncomputed":
        this.notComputed(ind.code, where, whereEn, name);
        return null;
      case "invalid":
        return typeError(invalidValueMessage(where, whereEn, v.raw));
      case "date":
        return typeError(dateInNumberMessage(where, whereEn, v.serial));
      case "boolean":
        return typeError(
          t(`Ô ${where} phải là số, không phải ${v.value ? "TRUE" : "FALSE"}`, `${whereEn} must be a number`)
        );
      case "text":
        if (!v.text.trim()) {
          this.reportBlank(ind, name, where, whereEn);
          return null;
        }
        return this.numberInText(ind, name, where, whereEn, v.text);
    }
  }

  private reportBlank(ind: ResolvedIndicator, name: string, where: string, whereEn: string): void {
    const blankRule = this.rule("blank");
    if (blankRule)
      this.add(
        blankRule,
        blankRule.id,
        ind.code,
        name,
        t(
          `Ô ${where} bỏ trống (chưa báo cáo); nếu bằng 0 hãy nhập 0`,
          `${whereEn} is blank (not reported); type 0 for zero`
        )
      );
  }

  /** A number typed as text: read the Vietnamese or the English way (never a guess between them), with a warning. */
  private numberInText(
    ind: ResolvedIndicator,
    name: string,
    where: string,
    whereEn: string,
    text: string
  ): number | null {
    const p = parseNumberText(text, ind.kind === "amount" ? "amount" : "count");
    if (!p.ok) {
      const msg =
        p.reason === "ambiguous"
          ? t(
              `Ô ${where}: "${shown(text)}" không rõ là ${fmt(p.readings[0])} hay ${fmt(p.readings[1])}; hãy nhập lại dạng số`,
              `${whereEn}: "${shown(text)}" could be ${p.readings[0]} or ${p.readings[1]}; type it as a number`
            )
          : t(
              `Ô ${where}: "${shown(text)}" không phải là số`,
              `${whereEn}: "${shown(text)}" is not a number`
            );
      this.add(this.rule("valueType"), "type", ind.code, name, msg);
      return null;
    }
    const textRule = this.rule("textNumber");
    if (textRule)
      this.add(
        textRule,
        textRule.id,
        ind.code,
        name,
        t(
          `Ô ${where}: số được gõ dạng chữ “${shown(text)}”, được hiểu là ${plainVi(p.value)}${separatorsVi(text, p.value)}; nên gõ lại dạng số`,
          `${whereEn}: number typed as text “${shown(text)}”, read as ${p.value}${separatorsEn(text, p.value)}; type it again as a number`
        )
      );
    return p.value;
  }

  readHeader(matcher: UnitMatcher): ReportHeader {
    const header: ReportHeader = {
      unitText: null,
      unitMatch: { type: "none" },
      unit: null,
      year: null,
      reportDate: null,
      preparer: null,
      phone: null,
      head: null,
    };
    const rule = this.rule("header");
    const typeRule = this.rule("valueType");
    for (const f of this.form.fields) {
      const v = this.value(f.name);
      const text = cellText(v);
      const add = (r: typeof rule | typeof typeRule, vi: string, en: string): void =>
        this.add(r, "header", null, f.name, t(vi, en), f.key);
      if (v.type === "error") {
        add(typeRule, `Ô "${f.label.vi}" có lỗi ${v.code}`, `"${f.label.en}" holds the error ${v.code}`);
        continue;
      }
      if (v.type === "uncomputed") {
        this.notComputed(null, `"${f.label.vi}"`, `"${f.label.en}"`, f.name, f.key);
        continue;
      }
      if (v.type === "invalid") {
        const m = invalidValueMessage(`"${f.label.vi}"`, `"${f.label.en}"`, v.raw);
        this.add(typeRule, "header", null, f.name, m, f.key);
        continue;
      }
      if (text === null) {
        if (f.required) add(rule, `Chưa nhập "${f.label.vi}"`, `"${f.label.en}" is missing`);
        continue;
      }
      this.readField(
        f.key,
        v,
        text,
        header,
        matcher,
        (vi, en, useType) => add(useType ? typeRule : rule, vi, en),
        f.label
      );
    }
    if (header.reportDate) {
      const late = this.rule("late");
      if (late && header.reportDate > this.form.definition.deadline) {
        this.add(
          late,
          late.id,
          null,
          this.form.fieldByKey.get("reportDate")?.name ?? null,
          t(
            `Nộp muộn: ngày báo cáo ${isoToVi(header.reportDate)} sau hạn ${isoToVi(this.form.definition.deadline)}`,
            `Late: report dated ${header.reportDate}, after the deadline ${this.form.definition.deadline}`
          ),
          "reportDate"
        );
      }
    }
    return header;
  }

  private readField(
    key: FieldKey,
    v: CellValue,
    text: string,
    header: ReportHeader,
    matcher: UnitMatcher,
    problem: (vi: string, en: string, typeError?: boolean) => void,
    label: Text
  ): void {
    switch (key) {
      case "unit": {
        // Whose report this is (the typed name against the registry and the template's own unit)
        // is decided in one place, src/inspect/unit.ts, which also reports the problems.
        header.unitText = text;
        header.unitMatch = matcher.match(text);
        if (header.unitMatch.type === "match") header.unit = header.unitMatch.unit;
        return;
      }
      case "year": {
        const n = v.type === "number" ? v.value : parseNumberText(text, "count");
        const year = typeof n === "number" ? n : n.ok ? n.value : NaN;
        if (Number.isInteger(year)) header.year = year;
        if (year !== this.form.definition.year) {
          problem(
            `Năm báo cáo phải là ${this.form.definition.year}, không phải "${shown(text)}"`,
            `Report year must be ${this.form.definition.year}, not "${shown(text)}"`
          );
        }
        return;
      }
      case "reportDate": {
        const iso =
          v.type === "number"
            ? serialToIso(v.value)
            : v.type === "date"
              ? serialToIso(v.serial)
              : parseDateText(text);
        if (iso) header.reportDate = iso;
        else
          problem(
            `"${label.vi}": "${shown(text)}" không phải là ngày (nhập dạng ngày/tháng/năm)`,
            `"${label.en}": "${shown(text)}" is not a date (dd/mm/yyyy)`,
            true
          );
        return;
      }
      case "phone":
        header.phone = text;
        if (!/^[0-9 +.]+$/.test(text) || !/[0-9]/.test(text)) {
          problem(
            `Số điện thoại "${shown(text)}" chỉ được gồm chữ số, dấu cách, "+" và "."`,
            `Phone "${shown(text)}" may only hold digits, spaces, "+" and "."`
          );
        }
        return;
      case "preparer":
        header.preparer = text;
        return;
      case "head":
        header.head = text;
        return;
    }
  }
}

/** Why a number cannot be the indicator's value (not finite, implausibly large, negative, not whole, too many decimals), or null. */
function numberProblem(ind: ResolvedIndicator, n: number, where: string, whereEn: string): Text | null {
  if (!Number.isFinite(n)) return t(`Ô ${where} không phải là số hợp lệ`, `${whereEn} is not a valid number`);
  if (n > MAX_VALUE)
    return t(
      `Ô ${where}: ${fmt(n)} lớn bất thường (quá ${fmt(MAX_VALUE)}), hãy nhập lại`,
      `${whereEn}: ${n} is implausibly large (over ${MAX_VALUE}); type it again`
    );
  if (n < 0)
    return t(
      `Ô ${where}: số âm (${fmt(n)}) không hợp lệ, phải ≥ 0`,
      `${whereEn}: negative number (${n}); must be ≥ 0`
    );
  if (ind.kind !== "amount" && !Number.isInteger(n))
    return t(`Ô ${where}: ${fmt(n)} không phải số nguyên`, `${whereEn}: ${n} is not a whole number`);
  if (ind.kind === "amount" && ind.decimals !== undefined) {
    const scaled = n * 10 ** ind.decimals;
    // Tolerance for binary floating point only (a product is off by ≈1e-16 relative): 150.5001
    // must not pass as 3 decimals, even for large amounts.
    if (Math.abs(scaled - Math.round(scaled)) > DECIMALS_TOLERANCE * Math.max(1, Math.abs(scaled)))
      return t(
        `Ô ${where}: ${fmt(n)} có quá ${ind.decimals} chữ số thập phân`,
        `${whereEn}: ${n} has more than ${ind.decimals} decimals`
      );
  }
  return null;
}

/** The text of a header cell, or null when blank. */
function cellText(v: CellValue): string | null {
  switch (v.type) {
    case "text":
      return v.text.trim() ? v.text.trim() : null;
    case "number":
      return String(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "date":
      return dateText(v.serial);
    default:
      return null;
  }
}

/** A number as digits without thousands grouping, decimal comma: 1234 → "1234", 150.5 → "150,5". */
function plainVi(n: number): string {
  return String(n).replace(".", ",");
}

/** What the text's separators were read as (a number typed as text), Vietnamese style. */
function separatorsVi(text: string, n: number): string {
  const notes: string[] = [];
  if (/\d[.\s\u00a0]\d{3}/.test(text)) notes.push("dấu chấm hoặc dấu cách ngăn cách hàng nghìn");
  if (!Number.isInteger(n) && text.includes(",")) notes.push("dấu phẩy trước phần thập phân");
  return notes.length ? ` (${notes.join(", ")})` : "";
}

function separatorsEn(text: string, n: number): string {
  const notes: string[] = [];
  if (/\d[.\s\u00a0]\d{3}/.test(text)) notes.push("dot or space between thousands");
  if (!Number.isInteger(n) && text.includes(",")) notes.push("comma before the decimals");
  return notes.length ? ` (${notes.join(", ")})` : "";
}
