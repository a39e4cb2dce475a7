/**
 * The end-to-end proof that a form is authored in Excel by the officer, without code: the
 * definition workbook written by `form --out` is edited THE WAY AN OFFICER WOULD — once with
 * openpyxl, once (separately) in LibreOffice through UNO — then used by the command line:
 *
 *   the year changed on "Thông tin"; the registry replaced on "Đơn vị" (a fictional commune's
 *   villages and agencies, two groups); a row of "Chỉ tiêu" copied to add an indicator; a compare
 *   rule written on "Quy tắc"
 *   → template --form DEF.xlsx --all-units DIR → returns filled → validate --form (the written
 *   rule fires on the return that breaks it) → merge --form --json (totals = the sum of what was
 *   filled, per defined name, the added indicator too; subtotals by the two groups; each unit's
 *   status).
 *
 * Skipped, with the reason printed, when openpyxl (the first) or LibreOffice with python3-uno
 * (the second) is missing.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtInForm, loadForm, type ResolvedForm } from "../../src/form/resolve";
import type { CellScalar } from "../../src/layout/sheet-model";
import { readDefinitionFile } from "../../src/xlsx/definition-file";
import { communeReturnValues } from "../../scripts/demo-commune-2026";
import { writeFilledTemplate } from "../helpers/sample-returns";
import { missing } from "../external-tools";
import { editWithLibreOffice, editWithOpenpyxl, tempDir } from "./tools";

const BDG = builtInForm().definition;
const rowOf = (code: string): number => BDG.indicators.findIndex((i) => i.code === code) + 2;
const FIRST_FREE_RULE_ROW = BDG.rules.length + 2;

const VILLAGES = "Thôn";
const AGENCIES = "Cơ quan, đoàn thể";
/** The new registry as the officer types it on "Đơn vị": code, name, group, other names. */
const REGISTRY: [string, string, string, string][] = [
  ["THON-DONG", "Thôn Đông", VILLAGES, "Thon Dong; Đông"],
  ["THON-TAY", "Thôn Tây", VILLAGES, "Thon Tay"],
  ["THON-NAM", "Thôn Nam", VILLAGES, ""],
  ["THON-BAC", "Thôn Bắc", VILLAGES, "Thon Bac"],
  ["TRAM-Y-TE", "Trạm Y tế xã", AGENCIES, "TYT; Trạm y tế"],
  ["HOI-PHU-NU", "Hội Liên hiệp Phụ nữ xã", AGENCIES, "Hội Phụ nữ"],
];
const ADDED = {
  code: "II.7",
  vi: "Số lượt người tham gia tập huấn trực tuyến về bình đẳng giới",
  en: "Online gender-equality training participations",
};
const RULE_ID = "cmp.II.7-le-II.2";
/** The written rule's row on "Quy tắc": id, type, severity, message (vi, en), expression. */
const RULE_ROW = [
  RULE_ID,
  "compare",
  "error",
  "Số lượt người tập huấn trực tuyến (II.7) không được lớn hơn số lượt người được tập huấn (II.2)",
  "Online training (II.7) cannot exceed all trainees (II.2)",
  "II.7.T <= II.2.T",
];
const COLLECTOR = "UBND xã Hòa Bình (giả định)";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** The registry's cells, from row 2 on "Đơn vị". */
function registryCells(): Record<string, string> {
  const cells: Record<string, string> = {};
  REGISTRY.forEach((u, i) => u.forEach((v, c) => v && (cells[`${"ABCD"[c]}${i + 2}`] = v)));
  return cells;
}

interface Outcome {
  form: ResolvedForm;
  filled: Map<string, Map<string, CellScalar>>;
  validate: { code: number; files: { unit: string; issues: { rule: string; severity: string }[] }[] };
  merge: {
    code: number;
    totals: Record<string, number>;
    groups: { group: string; totals: Record<string, number> }[];
    units: { code: string; group: string; status: string; errors: number }[];
  };
}

/** Fill the returns into work/returns/; `templates` holds each unit's template written by `template --all-units`. */
type Fill = (
  work: string,
  form: ResolvedForm,
  returns: Map<string, Map<string, CellScalar>>,
  templates: Map<string, string>
) => Promise<void>;

/** Each unit's return: Thôn Tây breaks the written rule, Hội Phụ nữ is late, Thôn Bắc sends nothing. */
function returnsFor(form: ResolvedForm): Map<string, Map<string, CellScalar>> {
  const out = new Map<string, Map<string, CellScalar>>();
  form.units
    .filter((u) => u.code !== "THON-BAC")
    .forEach((unit, i) =>
      out.set(
        unit.code,
        communeReturnValues(form, {
          unit,
          seed: 300 + i,
          date: unit.code === "HOI-PHU-NU" ? "2026-12-04" : "2026-11-2" + i,
          breakWrittenRule: unit.code === "THON-TAY",
        })
      )
    );
  return out;
}

/** template → fill → validate → merge, all with --form. */
async function downstream(work: string, def: string, fill: Fill): Promise<Outcome> {
  const read = readDefinitionFile(readFileSync(def));
  if (!read.ok) throw new Error(read.message.en);
  const form = loadForm(read.definition);
  const templates = join(work, "templates");
  const made = await cli(["template", "--form", def, "--all-units", templates]);
  if (made.code !== 0) throw new Error(made.err);
  // "  <file name>   <unit code>" for each unit
  const byUnit = new Map(
    [...made.out.matchAll(/^ +(\S.*?\.xlsx) +(\S+)$/gm)].map((m) => [m[2], join(templates, m[1])])
  );
  expect([...byUnit.keys()]).toEqual(form.units.map((u) => u.code));
  const filled = returnsFor(form);
  mkdirSync(join(work, "returns"));
  await fill(work, form, filled, byUnit);
  const returns = join(work, "returns");
  const v = await cli(["validate", "--form", def, "--json", returns]);
  const json = join(work, "tong-hop.json");
  const m = await cli([
    "merge",
    returns,
    "--form",
    def,
    "--out",
    join(work, "tong-hop.xlsx"),
    "--json",
    json,
    "--date",
    "2026-12-10",
    "--date",
    "2026-12-10",
    "--quiet",
  ]);
  if (m.code !== 0) throw new Error(m.err);
  return {
    form,
    filled,
    validate: { code: v.code, files: (JSON.parse(v.out) as Outcome["validate"]).files },
    merge: { code: m.code, ...(JSON.parse(readFileSync(json, "utf8")) as Omit<Outcome["merge"], "code">) },
  };
}

/** What every variant must show, whichever program edited the definition. */
function checkOutcome(get: () => Outcome, id: string): void {
  it("the edited definition reads as the officer meant: year, registry and groups, added indicator, written rule", () => {
    const { form } = get();
    const d = form.definition;
    expect([d.id, d.year, d.deadline, d.collector.name]).toEqual([id, 2026, "2026-12-01", COLLECTOR]);
    expect(d.units.map((u) => [u.code, u.name, u.group])).toEqual(REGISTRY.map(([c, n, g]) => [c, n, g]));
    expect(d.units[0].aliases).toEqual(["Thon Dong", "Đông"]);
    expect(form.groups).toEqual([VILLAGES, AGENCIES]);
    const codes = d.indicators.map((i) => i.code);
    expect(codes.slice(codes.indexOf("II.6"), codes.indexOf("II.6") + 2)).toEqual(["II.6", "II.7"]);
    expect(d.indicators.find((i) => i.code === "II.7")).toEqual({
      code: "II.7",
      section: "II",
      label: { vi: ADDED.vi, en: ADDED.en },
      unit: "lượt người",
      kind: "tf",
    });
    expect(d.rules.find((r) => r.id === RULE_ID)).toMatchObject({
      type: "compare",
      expression: "II.7.T <= II.2.T",
    });
  });

  it("validate --form: the written rule fires on the return that breaks it, and nowhere else", () => {
    const { validate } = get();
    expect(validate.code).toBe(1);
    expect(validate.files.map((f) => f.unit).sort()).toEqual([
      "HOI-PHU-NU",
      "THON-DONG",
      "THON-NAM",
      "THON-TAY",
      "TRAM-Y-TE",
    ]);
    const fired = validate.files.filter((f) => f.issues.some((i) => i.rule === RULE_ID));
    expect(fired.map((f) => f.unit)).toEqual(["THON-TAY"]);
    expect(fired[0].issues.filter((i) => i.severity === "error").map((i) => i.rule)).toEqual([RULE_ID]);
  });

  it("merge --form --json: totals are the sums of what was filled, per defined name, the added indicator too", () => {
    const { form, filled, merge } = get();
    const numeric = form.indicators
      .filter((i) => i.kind !== "text")
      .flatMap((i) => i.cells.map((c) => c.name));
    expect(numeric).toContain(form.byCode.get("II.7")?.cells[0].name);
    for (const name of numeric) {
      const sum = [...filled.values()].reduce((s, v) => s + Number(v.get(name)), 0);
      expect([name, merge.totals[name]]).toEqual([name, expect.closeTo(sum, 6)]);
    }
  });

  it("the subtotals follow the two groups; each unit's status", () => {
    const { form, filled, merge } = get();
    expect(merge.groups.map((g) => g.group)).toEqual([VILLAGES, AGENCIES]);
    const groupOf = new Map(form.units.map((u) => [u.code, u.group]));
    for (const g of merge.groups)
      for (const name of Object.keys(merge.totals)) {
        const sum = [...filled]
          .filter(([c]) => groupOf.get(c) === g.group)
          .reduce((s, [, v]) => s + Number(v.get(name)), 0);
        expect([g.group, name, g.totals[name]]).toEqual([g.group, name, expect.closeTo(sum, 6)]);
      }
    expect(merge.units.map((u) => [u.code, u.group, u.status])).toEqual([
      ["THON-DONG", VILLAGES, "submitted"],
      ["THON-TAY", VILLAGES, "submitted"],
      ["THON-NAM", VILLAGES, "submitted"],
      ["THON-BAC", VILLAGES, "missing"],
      ["TRAM-Y-TE", AGENCIES, "submitted"],
      ["HOI-PHU-NU", AGENCIES, "late"],
    ]);
    expect(merge.units.filter((u) => u.errors > 0).map((u) => u.code)).toEqual(["THON-TAY"]);
  });
}

const withOpenpyxl = missing("officer edits with openpyxl", "openpyxl");
(withOpenpyxl ? describe.skip : describe)("an officer edits the definition with openpyxl", () => {
  let work = "";
  let outcome: Outcome | null = null;
  beforeAll(async () => {
    work = tempDir("officer-openpyxl");
    const original = join(work, "BDG-2019.xlsx");
    expect((await cli(["form", "--out", original])).code).toBe(0);
    const def = join(work, "bao-cao-xa-2026.xlsx");
    const added = rowOf("II.6") + 1;
    editWithOpenpyxl(work, [
      {
        in: original,
        out: def,
        ops: [
          {
            op: "set",
            sheet: "Thông tin",
            cells: {
              C2: "BDG-2026",
              C4: "Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2026",
              C6: 2026,
              C7: "XA-HOA-BINH",
              C8: COLLECTOR,
              C9: { date: "2026-12-01" },
            },
          },
          { op: "deleteRows", sheet: "Đơn vị", at: 2, count: BDG.units.length },
          { op: "set", sheet: "Đơn vị", cells: registryCells() },
          { op: "copyRow", sheet: "Chỉ tiêu", from: rowOf("II.2"), to: added },
          {
            op: "set",
            sheet: "Chỉ tiêu",
            cells: { [`A${added}`]: ADDED.code, [`C${added}`]: ADDED.vi, [`D${added}`]: ADDED.en },
          },
          { op: "appendRow", sheet: "Quy tắc", values: RULE_ROW },
        ],
      },
    ]);
    // The returns: each unit's own template filled with openpyxl by its cells' defined names.
    outcome = await downstream(work, def, async (dir, _form, returns, templates) => {
      const jobs = [...returns].map(([code, values]) => ({
        in: templates.get(code) as string,
        out: join(dir, "returns", `${code}.xlsx`),
        ops: [{ op: "setByName" as const, cells: Object.fromEntries(values) }],
      }));
      editWithOpenpyxl(dir, jobs);
    });
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  checkOutcome(() => outcome as Outcome, "BDG-2026");
});

const withLibreOffice = missing("officer edits in LibreOffice", "soffice", "uno");
(withLibreOffice ? describe.skip : describe)("an officer edits the definition in LibreOffice (UNO)", () => {
  let work = "";
  let outcome: Outcome | null = null;
  beforeAll(async () => {
    work = tempDir("officer-lo");
    const original = join(work, "BDG-2019.xlsx");
    expect((await cli(["form", "--out", original])).code).toBe(0);
    const def = join(work, "bao-cao-xa-2026.xlsx");
    const added = rowOf("II.6") + 1;
    const ruleCells = Object.fromEntries(RULE_ROW.map((v, c) => [`${"ABCDEF"[c]}${FIRST_FREE_RULE_ROW}`, v]));
    editWithLibreOffice(work, [
      {
        in: original,
        out: def,
        ops: [
          // A date typed as text, dd/mm/yyyy, as LibreOffice keeps it with setString.
          {
            op: "set",
            sheet: "Thông tin",
            cells: { C6: 2026, C7: "XA-HOA-BINH", C8: COLLECTOR, C9: "01/12/2026" },
          },
          { op: "deleteRows", sheet: "Đơn vị", at: 1, count: BDG.units.length },
          { op: "set", sheet: "Đơn vị", cells: registryCells() },
          { op: "insertRows", sheet: "Chỉ tiêu", at: added - 1, count: 1 },
          {
            op: "copyRange",
            sheet: "Chỉ tiêu",
            from: `A${rowOf("II.2")}:K${rowOf("II.2")}`,
            to: `A${added}`,
          },
          {
            op: "set",
            sheet: "Chỉ tiêu",
            cells: { [`A${added}`]: ADDED.code, [`C${added}`]: ADDED.vi, [`D${added}`]: ADDED.en },
          },
          { op: "set", sheet: "Quy tắc", cells: ruleCells },
        ],
      },
    ]);
    // The returns: each unit's template filled the way the tests' filler does (tests/helpers/sample-returns.ts).
    outcome = await downstream(work, def, async (dir, form, returns) => {
      for (const [code, values] of returns) {
        const unit = form.units.find((u) => u.code === code);
        if (!unit) throw new Error(code);
        writeFileSync(
          join(dir, "returns", `${code}.xlsx`),
          await writeFilledTemplate(form, unit, values, new Date())
        );
      }
    });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // The officer changed the year but kept the form's id: names stay BDG_2019_….
  checkOutcome(() => outcome as Outcome, "BDG-2019");
});
