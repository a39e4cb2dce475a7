/**
 * The rules across cells of a report (female ≤ total, female without a total, part ≤ whole, sums,
 * not less, requires positive, sex ratio at birth), checked on the numbers the engine read
 * (src/validate/engine.ts): a rule is checked only when every cell it needs holds a valid number.
 * One function per rule type; issues come in that order, each type's rules in form order.
 */
import type { ResolvedForm } from "../form/resolve";
import type { CellPart, CellRef, Rule, RuleType, Text } from "../form/schema";
import type { CellValues } from "../workbook/cell-value";
import { computeFormula } from "./computed";
import type { Issue } from "./issue";
import { formatNumberVi as fmt } from "./number";
import { isBlankValue, PART_EN, PART_VI } from "./stored-values";

const t = (vi: string, en: string): Text => ({ vi, en });

type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;

/** What the rule checks share: the report's numbers and values, and the issues found. */
class Cross {
  readonly issues: Issue[] = [];

  constructor(
    readonly form: ResolvedForm,
    private readonly numbers: ReadonlyMap<string, number>,
    private readonly values: CellValues
  ) {}

  rules<T extends RuleType>(type: T): RuleOf<T>[] {
    return this.form.definition.rules.filter((r): r is RuleOf<T> => r.type === type);
  }

  /** The defined name of an indicator's cell. */
  nameOf(code: string, part: CellPart): string | null {
    return this.form.byCode.get(code)?.cells.find((c) => c.part === part)?.name ?? null;
  }

  /** The valid number in an indicator's cell. */
  num(code: string, part: CellPart): number | undefined {
    const name = this.nameOf(code, part);
    return name === null ? undefined : this.numbers.get(name);
  }

  ref(r: CellRef): number | undefined {
    return this.num(r.indicator, r.part);
  }

  isBlank(name: string): boolean {
    const v = this.values.get(name);
    return v === undefined || isBlankValue(v);
  }

  add(rule: Rule, indicator: string, cell: string | null, message: Text): void {
    this.issues.push({ severity: rule.severity, rule: rule.id, indicator, cell, message });
  }
}

/** A cell as messages name it: "II.3 (tổng số)" / "II.3 (total)", or the code alone. */
function refLabel(r: CellRef): [string, string] {
  return r.part === "value"
    ? [r.indicator, r.indicator]
    : [`${r.indicator} (${PART_VI[r.part]})`, `${r.indicator} (${PART_EN[r.part]})`];
}

export function crossRuleIssues(
  form: ResolvedForm,
  numbers: ReadonlyMap<string, number>,
  values: CellValues
): Issue[] {
  const x = new Cross(form, numbers, values);
  for (const r of x.rules("femaleNotAboveTotal")) femaleNotAboveTotal(x, r);
  for (const r of x.rules("femaleWithoutTotal")) femaleWithoutTotal(x, r);
  for (const r of x.rules("partOfWhole")) partOfWhole(x, r);
  for (const r of x.rules("sumEquals")) sumEquals(x, r);
  for (const r of x.rules("notLess")) notLess(x, r);
  for (const r of x.rules("requiresPositive")) requiresPositive(x, r);
  for (const r of x.rules("sexRatioRange")) sexRatioRange(x, r);
  return x.issues;
}

function femaleNotAboveTotal(x: Cross, r: RuleOf<"femaleNotAboveTotal">): void {
  for (const ind of x.form.indicators.filter((i) => i.kind === "tf")) {
    const total = x.num(ind.code, "total");
    const female = x.num(ind.code, "female");
    if (total !== undefined && female !== undefined && female > total)
      x.add(
        r,
        ind.code,
        x.nameOf(ind.code, "female"),
        t(
          `Số nữ (${fmt(female)}) lớn hơn tổng số (${fmt(total)}) tại ${ind.code}`,
          `Female (${female}) exceeds total (${total}) at ${ind.code}`
        )
      );
  }
}

function femaleWithoutTotal(x: Cross, r: RuleOf<"femaleWithoutTotal">): void {
  for (const ind of x.form.indicators.filter((i) => i.kind === "tf")) {
    const totalName = x.nameOf(ind.code, "total");
    const female = x.num(ind.code, "female");
    if (female !== undefined && totalName && x.isBlank(totalName))
      x.add(
        r,
        ind.code,
        totalName,
        t(
          `Đã nhập số nữ (${fmt(female)}) nhưng bỏ trống tổng số tại ${ind.code}`,
          `Female (${female}) is filled but the total is blank at ${ind.code}`
        )
      );
  }
}

function partOfWhole(x: Cross, r: RuleOf<"partOfWhole">): void {
  for (const c of x.form.byCode.get(r.part)?.cells ?? []) {
    const p = x.num(r.part, c.part);
    const w = x.num(r.whole, c.part);
    if (p === undefined || w === undefined || p <= w) continue;
    const [pl, ple] = refLabel({ indicator: r.part, part: c.part });
    const [wl, wle] = refLabel({ indicator: r.whole, part: c.part });
    x.add(
      r,
      r.part,
      c.name,
      t(
        `${pl} = ${fmt(p)} lớn hơn ${wl} = ${fmt(w)} (phần không được lớn hơn tổng)`,
        `${ple} = ${p} exceeds ${wle} = ${w} (a part cannot exceed its whole)`
      )
    );
  }
}

function sumEquals(x: Cross, r: RuleOf<"sumEquals">): void {
  const parts = r.parts.map((c) => x.num(c, "value"));
  const whole = x.num(r.whole, "value");
  if (whole === undefined || parts.some((p) => p === undefined)) return;
  const sum = (parts as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - whole) <= r.tolerance + 1e-9) return;
  x.add(
    r,
    r.whole,
    x.nameOf(r.whole, "value"),
    t(
      `${r.parts.join(" + ")} = ${fmt(round3(sum))} khác ${r.whole} = ${fmt(whole)}`,
      `${r.parts.join(" + ")} = ${round3(sum)} differs from ${r.whole} = ${whole}`
    )
  );
}

function notLess(x: Cross, r: RuleOf<"notLess">): void {
  const a = x.ref(r.left);
  const b = x.ref(r.right);
  if (a === undefined || b === undefined || a >= b) return;
  const [al, ale] = refLabel(r.left);
  const [bl, ble] = refLabel(r.right);
  x.add(
    r,
    r.left.indicator,
    x.nameOf(r.left.indicator, r.left.part),
    t(
      `${al} = ${fmt(a)} nhỏ hơn ${bl} = ${fmt(b)}: ${r.description.vi}`,
      `${ale} = ${a} is less than ${ble} = ${b}: ${r.description.en}`
    )
  );
}

function requiresPositive(x: Cross, r: RuleOf<"requiresPositive">): void {
  const a = x.ref(r.when);
  const b = x.ref(r.requires);
  if (a === undefined || !(a > 0) || b !== 0) return;
  const [al, ale] = refLabel(r.when);
  const [bl, ble] = refLabel(r.requires);
  x.add(
    r,
    r.requires.indicator,
    x.nameOf(r.requires.indicator, r.requires.part),
    t(
      `${al} = ${fmt(a)} nhưng ${bl} = 0: ${r.description.vi}`,
      `${ale} = ${a} but ${ble} = 0: ${r.description.en}`
    )
  );
}

function sexRatioRange(x: Cross, r: RuleOf<"sexRatioRange">): void {
  const total = x.num(r.indicator, "total");
  const female = x.num(r.indicator, "female");
  if (total === undefined || female === undefined || total < r.minTotal || female > total) return;
  const srb = computeFormula("sexRatioAtBirth", total, female);
  if (srb !== null && srb >= r.min && srb <= r.max) return;
  const shown = srb === null ? "∞" : fmt(Math.round(srb * 10) / 10);
  x.add(
    r,
    r.indicator,
    x.nameOf(r.indicator, "female"),
    t(
      `Tỷ số giới tính khi sinh tại ${r.indicator} là ${shown} bé trai/100 bé gái (${fmt(total)} trẻ, ${fmt(female)} bé gái), ngoài khoảng ${r.min}–${r.max}`,
      `Sex ratio at birth at ${r.indicator} is ${srb === null ? "infinite" : srb.toFixed(1)} (${total} births, ${female} girls), outside ${r.min}–${r.max}`
    )
  );
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
