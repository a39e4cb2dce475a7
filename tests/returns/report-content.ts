/**
 * What an officer reports: a clean report for one unit (header, plausible numbers, narratives),
 * seeded, as intended values by defined name, and where each defined name sits in the template.
 */
import type { ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { templatePositions, type TemplatePositions } from "../../src/layout/template";
import { isoToSerial } from "../../src/validate/dates";
import { plausibleNumbers, rng } from "../helpers/sample-numbers";
import type { Intended, Typed } from "./recipe";

const PREPARERS = [
  "Nguyễn Thị Lan",
  "Trần Thị Hoa",
  "Lê Văn Nam",
  "Hoàng Thị Thu",
  "Ngô Thị Hằng",
  "Đỗ Văn Tú",
];
const HEADS = ["Trần Văn Hùng", "Nguyễn Văn Minh", "Phạm Thị Hương", "Vũ Đức Thắng", "Giáp Văn Long"];

const NARRATIVES: Record<string, string[]> = {
  "VI.1": [
    "Tổ chức tốt Tháng hành động vì bình đẳng giới; 100% thôn có tổ hòa giải.",
    "Lồng ghép tuyên truyền Luật Bình đẳng giới vào sinh hoạt chi hội phụ nữ.",
    "Duy trì mô hình “Địa chỉ tin cậy” tại cộng đồng;\nhỗ trợ kịp thời nạn nhân bạo lực gia đình.",
  ],
  "VI.2": [
    "Kinh phí còn hạn chế; cán bộ kiêm nhiệm nhiều việc.",
    "Một bộ phận người dân còn tư tưởng trọng nam hơn nữ.",
  ],
  "VI.3": [
    "Tiếp tục tuyên truyền, nâng cao nhận thức về bình đẳng giới năm 2020.",
    "Nâng cao tỷ lệ nữ tham gia cấp ủy, HĐND nhiệm kỳ tới.",
  ],
  "VI.4": ["Đề nghị huyện hỗ trợ tập huấn cho cộng tác viên thôn.", "Không có."],
};

/** A report as the officer means it, and the template cell of every defined name. */
export interface Report {
  unit: Unit;
  intended: Map<string, Intended>;
}

export class ReportFactory {
  readonly positions: TemplatePositions;

  constructor(readonly form: ResolvedForm) {
    this.positions = templatePositions(form);
  }

  unit(code: string): Unit {
    const u = this.form.units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u;
  }

  field(key: string): string {
    const f = this.form.fieldByKey.get(key);
    if (!f) throw new Error(`no field ${key}`);
    return f.name;
  }

  /** Defined name of an indicator cell: "I.2" (value or total) or "I.2/female". */
  name(key: string): string {
    const [code, part] = key.split("/");
    const ind = this.form.byCode.get(code);
    const cell = ind?.cells.find((c) => c.part === (part ?? (ind.kind === "tf" ? "total" : "value")));
    if (!cell) throw new Error(`no cell ${key}`);
    return cell.name;
  }

  /** Every cell name of an indicator ("I.2": total and female), or the one cell of "I.2/female". */
  namesOf(key: string): string[] {
    if (key.includes("/")) return [this.name(key)];
    const ind = this.form.byCode.get(key);
    if (!ind) throw new Error(`no indicator ${key}`);
    return ind.cells.map((c) => c.name);
  }

  /** A1 address (without sheet) of a defined name in the template. */
  address(name: string): string {
    const a = this.positions.cells[name];
    if (!a) throw new Error(`no template cell for ${name}`);
    return a;
  }

  /** Row of an indicator in the template (1-based). */
  row(code: string): number {
    return this.positions.rows[code];
  }

  /**
   * A clean report (no rule broken) for `unitCode`, seeded: every header field, plausible
   * numbers, four narratives. `blanks`: indicators (every cell) or "CODE/part" cells the officer left blank (null).
   */
  report(unitCode: string, seed: number, blanks: string[] = []): Report {
    const unit = this.unit(unitCode);
    const r = rng(seed * 7919 + 13);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const intended = new Map<string, Intended>();
    intended.set(this.field("unit"), unit.name);
    intended.set(this.field("year"), this.form.definition.year);
    intended.set(this.field("reportDate"), isoToSerial(`2019-11-${20 + Math.floor(r() * 10)}`));
    intended.set(this.field("preparer"), pick(PREPARERS));
    intended.set(this.field("phone"), `0204 38${String(Math.floor(r() * 1e4)).padStart(4, "0")}`);
    intended.set(this.field("head"), pick(HEADS));
    for (const [n, v] of plausibleNumbers(this.form, seed)) intended.set(n, v);
    for (const ind of this.form.indicators)
      if (ind.kind === "text") intended.set(ind.cells[0].name, pick(NARRATIVES[ind.code] ?? ["Không có."]));
    for (const b of blanks) for (const n of this.namesOf(b)) intended.set(n, null);
    return { unit, intended };
  }

  /**
   * Cells to type, by template address: every intended value (formulas and texts in `typed`
   * replace it), blanks left out. `withUnit`: also type the unit name (a blank template).
   */
  cells(
    intended: ReadonlyMap<string, Intended>,
    typed: Record<string, Typed> = {},
    withUnit = false
  ): Record<string, Typed> {
    const out: Record<string, Typed> = {};
    const unitName = this.field("unit");
    for (const [n, v] of intended) {
      if (n === unitName && !withUnit) continue;
      if (v !== null) out[this.address(n)] = v;
    }
    for (const [n, v] of Object.entries(typed)) out[this.address(n)] = v;
    return out;
  }
}
