/**
 * The template in real applications: LibreOffice headless re-saves it and recalculates the
 * Kiểm tra formulas on copies filled by openpyxl; openpyxl (Debian /usr/bin/python3) inspects
 * the original and re-saved files. Skipped, with the reason printed, only when soffice or
 * openpyxl is missing (CI installs both).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { builtInForm } from "../../src/form";
import type { RuleType } from "../../src/form/schema";
import { META_SHEET, REPORT_SHEET } from "../../src/workbook/contract";
import type { CellScalar } from "../../src/layout/sheet-model";
import { buildTemplate, expectedChecks, formulaValues } from "../../src/layout/template";
import type { CellValue } from "../../src/workbook/cell-value";
import { evaluateReport } from "../../src/validate/engine";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { writeTemplate } from "../../src/xlsx/write-template";
import { missing } from "../external-tools";

const SOFFICE = "/usr/bin/soffice";
const PYTHON = "/usr/bin/python3";

const reason = missing("LibreOffice template tests", "soffice", "openpyxl");
const d = reason ? describe.skip : describe;

const form = builtInForm();
const t = buildTemplate(form);
const CROSS: RuleType[] = [
  "valueType",
  "femaleNotAboveTotal",
  "femaleWithoutTotal",
  "partOfWhole",
  "sumEquals",
  "notLess",
  "requiresPositive",
  "sexRatioRange",
];
const ruleById = new Map(form.definition.rules.map((r) => [r.id, r]));

const FILL_PY = `
import json, sys, openpyxl
src, cases = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
for case in cases:
    wb = openpyxl.load_workbook(src)
    ws = wb[${JSON.stringify(REPORT_SHEET)}]
    for addr, v in case["cells"].items():
        ws[addr].value = v
    wb.save(case["path"])
`;

const INSPECT_PY = `
import json, sys, openpyxl
req = json.load(open(sys.argv[1], encoding="utf-8"))
def names_of(wb):
    dn = wb.defined_names
    items = dn.definedName if hasattr(dn, "definedName") else list(dn.values())
    return {n.name: n.attr_text for n in items if getattr(n, "localSheetId", None) is None}
out = {}
for path in req["files"]:
    wb = openpyxl.load_workbook(path)
    ws = wb[req["sheet"]]
    dvs = ws.data_validations.dataValidation
    def covering(a):
        return [{"type": dv.type, "operator": dv.operator, "formula1": dv.formula1, "prompt": dv.prompt, "error": dv.error, "errorStyle": dv.errorStyle} for dv in dvs if a in dv.sqref]
    info = {
        "sheets": [[s.title, s.sheet_state] for s in wb.worksheets],
        "protected": bool(ws.protection.sheet),
        "names": names_of(wb),
        "locked": {a: bool(ws[a].protection.locked) for a in req["inputs"] + req["labels"]},
        "validation": {a: covering(a) for a in req["inputs"]},
    }
    wbv = openpyxl.load_workbook(path, data_only=True)
    wsv = wbv[req["sheet"]]
    info["values"] = {a: wsv[a].value for a in req["formulas"]}
    out[path] = info
json.dump(out, sys.stdout, ensure_ascii=False)
`;

/** LibreOffice profile that recalculates OOXML formulas on load ("always"), not trusting cached results. */
function loProfile(dir: string): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
  return `file://${dir}`;
}

type Inputs = Map<string, CellScalar>;
const nameOf = (code: string, part = "value") =>
  form.byCode.get(code)?.cells.find((c) => c.part === part)?.name as string;

function randomCases(): Inputs[] {
  const cells = form.indicators
    .filter((i) => i.kind !== "text")
    .flatMap((i) => i.cells.map((c) => ({ name: c.name, amount: i.kind === "amount" })));
  const v = (amount: boolean) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      {
        weight: 8,
        arbitrary: amount
          ? fc.integer({ min: 0, max: 50_000 }).map((n) => n / 1000)
          : fc.integer({ min: 0, max: 150 }),
      },
      { weight: 1, arbitrary: fc.constant(-3) }
    );
  const arb = fc
    .tuple(...cells.map((c) => v(c.amount)))
    .map(
      (vals) =>
        new Map(
          cells.flatMap((c, i) => (vals[i] === null ? [] : [[c.name, vals[i]] as [string, CellScalar]]))
        )
    );
  return fc.sample(arb, { numRuns: 6, seed: 20191201 });
}

const handPicked: Inputs = new Map<string, CellScalar>([
  [nameOf("I.1"), 0],
  [nameOf("I.2", "total"), 100],
  [nameOf("I.2", "female"), 120],
  [nameOf("II.2", "total"), 10],
  [nameOf("II.2", "female"), 5],
  [nameOf("II.3", "total"), 12],
  [nameOf("II.3", "female"), 3],
  [nameOf("IV.5"), 10],
  [nameOf("IV.6"), 3],
  [nameOf("IV.7"), 2.5],
  [nameOf("III.5"), 4],
  [nameOf("III.6", "total"), 2],
  [nameOf("III.6", "female"), 1],
  [nameOf("V.1", "total"), 40],
  [nameOf("V.1", "female"), 10],
  [nameOf("V.7", "total"), 200],
  [nameOf("V.7", "female"), 60],
  [nameOf("V.2", "female"), 4],
  [nameOf("I.3"), 2.5],
]);

const norm = (v: unknown): unknown => (v === null || v === undefined ? "" : v);
const normRef = (r: string) => r.replace(/\$/g, "").replace(/^'(.*)'!/, "$1!");

d("template through LibreOffice and openpyxl", () => {
  let dir: string;
  let report: Record<
    string,
    {
      sheets: [string, string][];
      protected: boolean;
      names: Record<string, string>;
      locked: Record<string, boolean>;
      validation: Record<
        string,
        {
          type: string;
          operator: string | null;
          formula1: string | null;
          prompt: string | null;
          error: string | null;
          errorStyle: string | null;
        }[]
      >;
      values: Record<string, unknown>;
    }
  >;
  const cases: { file: string; inputs: Inputs }[] = [];
  const f = (name: string) => join(dir, name);
  const out = (name: string) => join(dir, "out", name);
  const inputs = Object.values(t.positions.cells);
  const labels = Object.values(t.positions.rows).map((r) => `A${r}`);
  const formulas = t.formulas.map((x) => x.address);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bdg-lo-"));
    mkdirSync(join(dir, "out"));
    writeFileSync(f("blank.xlsx"), await writeTemplate(form));
    writeFileSync(f("unit.xlsx"), await writeTemplate(form, { unitCode: "TT-CAO-THUONG" }));
    writeFileSync(f("password.xlsx"), await writeTemplate(form, { password: "mật khẩu" }));
    [handPicked, ...randomCases()].forEach((inputs, i) => cases.push({ file: `filled-${i}.xlsx`, inputs }));
    // openpyxl fills copies (it drops every cached formula result).
    const spec = cases.map((c) => ({
      path: f(c.file),
      cells: Object.fromEntries([...c.inputs].map(([n, v]) => [t.positions.cells[n], v])),
    }));
    writeFileSync(f("cases.json"), JSON.stringify(spec));
    const fill = spawnSync(PYTHON, ["-c", FILL_PY, f("blank.xlsx"), f("cases.json")], {
      encoding: "utf8",
      timeout: 60_000,
    });
    if (fill.status !== 0) throw new Error(`openpyxl: ${fill.stderr}`);
    // Our own writer with values but STALE cached results ("" everywhere): LibreOffice must recalculate.
    const stale = buildTemplate(form);
    const report0 = stale.model.sheets[0];
    for (const [n, v] of handPicked) {
      const a = stale.positions.cells[n];
      const c = report0.cells.find((x) => x.address === a);
      if (c) c.value = v;
    }
    writeFileSync(f("stale.xlsx"), await writeWorkbook(stale.model));
    cases.push({ file: "stale.xlsx", inputs: handPicked });

    const all = ["blank.xlsx", "unit.xlsx", "password.xlsx", ...cases.map((c) => c.file)];
    const lo = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=${loProfile(join(dir, "lo-profile"))}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        ...all.map(f),
      ],
      {
        encoding: "utf8",
        timeout: 90_000,
      }
    );
    if (lo.status !== 0) throw new Error(`soffice: ${lo.stderr}`);
    for (const x of all)
      if (!existsSync(out(x))) throw new Error(`soffice did not write ${x}: ${lo.stdout} ${lo.stderr}`);

    writeFileSync(
      f("inspect.json"),
      JSON.stringify({
        sheet: REPORT_SHEET,
        inputs,
        labels,
        formulas,
        files: [...all.map(f), ...all.map(out)],
      })
    );
    const insp = spawnSync(PYTHON, ["-c", INSPECT_PY, f("inspect.json")], {
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 << 20,
    });
    if (insp.status !== 0) throw new Error(`openpyxl inspect: ${insp.stderr}`);
    report = JSON.parse(insp.stdout);
  }, 180_000);

  afterAll(() => {
    if (dir && !process.env.KEEP_LO_FILES) rmSync(dir, { recursive: true, force: true });
  });

  test.each(["blank.xlsx", "unit.xlsx", "password.xlsx"])(
    "%s: validation, protection, names, hidden metadata — original and re-saved",
    (name) => {
      for (const path of [f(name), out(name)]) {
        const r = report[path];
        expect(r.sheets[0]).toEqual([REPORT_SHEET, "visible"]);
        const metaState = r.sheets.find(([s]) => s === META_SHEET)?.[1];
        expect(
          path === f(name)
            ? metaState === "veryHidden"
            : ["hidden", "veryHidden"].includes(metaState as string)
        ).toBe(true);
        expect(r.protected).toBe(true);
        for (const n of form.names)
          expect(normRef(r.names[n] ?? "")).toBe(normRef(`'${REPORT_SHEET}'!${t.positions.cells[n]}`));
        expect(r.names[t.positions.unitList.name]).toBeDefined();
        for (const a of inputs) {
          const unitCell = a === t.positions.cells.BDG_2019_H_UNIT;
          expect({ a, locked: r.locked[a] }).toEqual({ a, locked: unitCell && name === "unit.xlsx" });
          expect({ a, n: r.validation[a].length }).toEqual({ a, n: 1 });
          expect(r.validation[a][0].errorStyle ?? "stop").toBe("stop");
          expect(r.validation[a][0].error).toBeTruthy();
        }
        for (const a of labels) expect(r.locked[a]).toBe(true);
        expect(r.validation[t.positions.cells.BDG_2019_H_UNIT][0].type).toBe("list");
        expect(r.validation[t.positions.cells.BDG_2019_I_1][0]).toMatchObject({
          type: "whole",
          operator: "greaterThanOrEqual",
        });
        expect(r.validation[t.positions.cells.BDG_2019_IV_5][0]).toMatchObject({ type: "decimal" });
        expect(r.validation[t.positions.cells.BDG_2019_H_DATE][0]).toMatchObject({ type: "date" });
      }
    }
  );

  test("cached results in our file are what LibreOffice computes for the blank template", () => {
    for (const a of formulas)
      expect({ a, v: norm(report[out("blank.xlsx")].values[a]) }).toEqual({
        a,
        v: norm(report[f("blank.xlsx")].values[a]),
      });
  });

  test("LibreOffice's recalculation of Kiểm tra shows what the TypeScript model and the rule engine find", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) {
      const lo = report[out(c.file)].values;
      const expected = expectedChecks(t, c.inputs);
      for (const [code, cell] of Object.entries(t.positions.checks)) {
        expect({ file: c.file, code, shown: norm(lo[cell]) }).toEqual({
          file: c.file,
          code,
          shown: expected.get(code) ?? "",
        });
      }
      // Computed cells (% female, sex ratio at birth).
      const comp = formulaValues(t, c.inputs);
      for (const cell of Object.values(t.positions.computed)) {
        const want = comp.get(cell);
        if (typeof want === "number") expect(lo[cell]).toBeCloseTo(want, 9);
        else expect(norm(lo[cell])).toBe("");
      }
      // Every cross-cell issue of the rule engine appears on its indicator's row.
      const values = new Map<string, CellValue>();
      for (const [n, v] of c.inputs) if (typeof v === "number") values.set(n, { type: "number", value: v });
      const issues = evaluateReport(form, values).issues.filter(
        (i) => i.indicator && CROSS.includes(ruleById.get(i.rule)?.type as RuleType)
      );
      for (const i of issues) {
        const shown = String(norm(lo[t.positions.checks[i.indicator as string]]));
        expect({
          file: c.file,
          rule: i.rule,
          at: i.indicator,
          flagged:
            shown.startsWith(ruleById.get(i.rule)?.severity === "error" ? "Lỗi" : "L") && shown.length > 0,
        }).toEqual({ file: c.file, rule: i.rule, at: i.indicator, flagged: true });
      }
      const flaggedRows = Object.entries(t.positions.checks)
        .filter(([, cell]) => norm(lo[cell]) !== "")
        .map(([code]) => code)
        .sort();
      expect(flaggedRows).toEqual([...new Set(issues.map((i) => i.indicator as string))].sort());
    }
  });

  test("the hand-picked file shows each kind of violation", () => {
    const lo = report[out("filled-0.xlsx")].values;
    const at = (code: string) => lo[t.positions.checks[code]];
    expect(at("I.2")).toBe("Lỗi: Số nữ lớn hơn tổng số.");
    expect(at("II.3")).toBe("Lỗi: II.3 (tổng số) lớn hơn II.2 (tổng số).");
    expect(at("IV.5")).toBe("Lỗi: IV.6 + IV.7 khác IV.5.");
    expect(at("V.2")).toBe("Lỗi: có số nữ nhưng bỏ trống tổng số.");
    expect(at("I.3")).toBe("Lỗi: Phải là số nguyên ≥ 0.");
    expect(at("I.1")).toBe("Lưu ý: I.2 (tổng số) > 0 nhưng I.1 = 0.");
    expect(lo[t.positions.computed["V.1.pctf"]]).toBe(25);
    expect(readFileSync(out("filled-0.xlsx")).length).toBeGreaterThan(0);
  });
});
