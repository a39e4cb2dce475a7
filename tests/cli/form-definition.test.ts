/**
 * The command line with definition workbooks (docs/FORM-DEFINITION.md): `form --out` (never over
 * a file without --force), `form --year` (copy for another year), `form --form BROKEN.xlsx` (exit
 * 2, every problem by sheet, row and column), and template / validate / merge `--form` working
 * with the edited form: its added indicator, its written compare rule, its registry and groups.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definitionModel } from "../../src/definition/write";
import { loadForm, builtInForm, type ResolvedForm } from "../../src/form/resolve";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { readDefinitionFile } from "../../src/xlsx/definition-file";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import {
  ADDED_CODE,
  AGENCIES,
  VILLAGES,
  WRITTEN_RULE_ID,
  communeDefinition2026,
  communeReturnValues,
} from "../../scripts/demo-commune-2026";
import { writeFilledTemplate } from "../helpers/sample-returns";
import { editModel, tempDir, writeDefinitionFile } from "../definition/tools";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

let dir = "";
beforeAll(() => {
  dir = tempDir("cli");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("form --out / --year / --form", () => {
  it("form --out writes the definition workbook, refuses to overwrite it without --force", async () => {
    const out = join(dir, "def.xlsx");
    const first = await run(["form", "--out", out]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`definition workbook written: ${out}`);
    const read = readDefinitionFile(readFileSync(out));
    expect(read.ok && read.definition).toStrictEqual(builtInForm().definition);

    writeFileSync(out, "the officer's own edits");
    const again = await run(["form", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`tệp "${out}" đã có: dùng --force để ghi đè`);
    expect(readFileSync(out, "utf8")).toBe("the officer's own edits");

    const forced = await run(["form", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    const reread = readDefinitionFile(readFileSync(out));
    expect(reread.ok && reread.definition).toStrictEqual(builtInForm().definition);
  });

  it("form --year 2026 copies the form: year, deadline, id, the dates in labels; units untouched", async () => {
    const out = join(dir, "def-2026.xlsx");
    expect((await run(["form", "--year", "2026", "--out", out])).code).toBe(0);
    const read = readDefinitionFile(readFileSync(out));
    if (!read.ok) throw new Error(read.message.en);
    const d = read.definition;
    const old = builtInForm().definition;
    expect([d.id, d.year, d.deadline]).toEqual(["BDG-2026", 2026, "2026-12-01"]);
    expect(d.title.vi).toBe("Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2026");
    expect(d.indicators.find((i) => i.code === "I.7")?.label.vi).toContain("(15/11–15/12/2026)");
    expect(JSON.stringify(d)).not.toMatch(/2019/);
    expect(d.units).toStrictEqual(old.units);
    expect(d.indicators.map((i) => i.code)).toEqual(old.indicators.map((i) => i.code));

    const json = await run(["form", "--form", out, "--json"]);
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.out) as { id: string; indicators: { cells: { name: string }[] }[] };
    expect(printed.id).toBe("BDG-2026");
    expect(printed.indicators[1].cells.map((c) => c.name)).toEqual(["BDG_2026_I_2_T", "BDG_2026_I_2_F"]);
  });

  it("form --year with other than 4 digits is exit 2", async () => {
    const r = await run(["form", "--year", "26"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('năm "26" phải có 4 chữ số');
  });

  it("form --form BROKEN.xlsx exits 2 and prints every problem with its sheet, row and column", async () => {
    const model = definitionModel(builtInForm().definition);
    const broken = editModel(
      editModel(editModel(model, "Chỉ tiêu", { F4: "so luong" }), "Thông tin", { C9: "sắp tới" }),
      "Quy tắc",
      { F5: "part=II.3; whole=" }
    );
    const file = join(dir, "broken.xlsx");
    writeFileSync(file, await writeWorkbook(broken));
    for (const command of [
      ["form"],
      ["template", "--out", join(dir, "t.xlsx")],
      ["validate", file],
      ["merge", file, "--out", join(dir, "m.xlsx")],
    ]) {
      const r = await run([...command, "--form", file]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toContain(
        `không dùng được sổ định nghĩa biểu mẫu "${file}": Định nghĩa biểu mẫu có 3 lỗi:`
      );
      expect(r.err).toContain('- Thông tin, dòng 9, cột Hạn gửi báo cáo: "sắp tới" không phải là ngày');
      expect(r.err).toContain("- Chỉ tiêu, dòng 4, cột Loại: 'so luong' không phải là loại hợp lệ");
      expect(r.err).toContain("- Quy tắc, dòng 5, cột Biểu thức / tham số: thiếu whole\n");
      expect(r.err).toContain("Error: cannot use the form definition");
      expect(r.err).toContain("- Chỉ tiêu, row 4, column Loại: 'so luong' is not a valid kind");
      expect(r.err).toContain("\n- Chỉ tiêu, dòng 4"); // one problem per line, not an escaped line end
      expect(r.err).not.toContain("\\x0a");
    }
  });

  it("form --form on a file that is not a workbook is exit 2 with the reader's reason", async () => {
    const file = join(dir, "not-a-workbook.xlsx");
    writeFileSync(file, "just text");
    const r = await run(["form", "--form", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Lỗi: không dùng được sổ định nghĩa biểu mẫu/);
  });
});

describe("template / validate / merge --form with an edited form", () => {
  let def = "";
  let form: ResolvedForm;
  const filled = new Map<string, Map<string, number | string | boolean | null>>();
  beforeAll(async () => {
    def = await writeDefinitionFile(communeDefinition2026(), join(dir, "xa-2026.xlsx"));
    const read = readDefinitionFile(readFileSync(def));
    if (!read.ok) throw new Error(read.message.en);
    form = loadForm(read.definition);
  });

  it("template --form --all-units: one template per unit of the edited registry", async () => {
    const out = join(dir, "templates");
    const r = await run(["template", "--form", def, "--all-units", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(form.units.length);
    for (const u of form.units) expect(r.out).toMatch(new RegExp(`\\.xlsx\\s+${u.code}\\n`));
  });

  it("validate --form: the written compare rule fires on the return that breaks it, only there", async () => {
    const returns = join(dir, "returns");
    mkdirSync(returns);
    const units = form.units.filter((u) => u.code !== "THON-BAC");
    for (const [i, unit] of units.entries()) {
      const values = communeReturnValues(form, {
        unit,
        seed: 50 + i,
        date: "2026-11-20",
        breakWrittenRule: unit.code === "THON-TAY",
      });
      filled.set(unit.code, values);
      writeFileSync(
        join(returns, `${unit.code}.xlsx`),
        await writeFilledTemplate(form, unit, values, new Date())
      );
    }
    const r = await run(["validate", "--form", def, "--json", returns]);
    expect(r.code).toBe(1);
    const files = (
      JSON.parse(r.out) as { files: { unit: string; issues: { rule: string; message: string }[] }[] }
    ).files;
    expect(files).toHaveLength(8);
    const fired = files.filter((f) => f.issues.some((i) => i.rule === WRITTEN_RULE_ID));
    expect(fired.map((f) => f.unit)).toEqual(["THON-TAY"]);
    expect(fired[0].issues.find((i) => i.rule === WRITTEN_RULE_ID)?.message).toContain(
      "Số lượt người tập huấn trực tuyến (II.7) không được lớn hơn"
    );
    for (const f of files.filter((x) => x.unit !== "THON-TAY"))
      expect(f.issues.filter((i) => i.message.length && i.rule !== "blank")).toEqual([]);
  });

  it("merge --form: totals of every name (the added indicator too), subtotals by the two groups, each unit's status", async () => {
    const out = join(dir, "tong-hop.xlsx");
    const json = join(dir, "tong-hop.json");
    const r = await run([
      "merge",
      join(dir, "returns"),
      "--form",
      def,
      "--out",
      out,
      "--json",
      json,
      "--quiet",
      "--date",
      "2026-12-05",
    ]);
    expect(r.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as {
      form: { id: string };
      totals: Record<string, number>;
      groups: { group: string; totals: Record<string, number> }[];
      units: { code: string; group: string; status: string; errors: number }[];
    };
    expect(report.form.id).toBe("BDG-2026");
    const numeric = form.indicators
      .filter((i) => i.kind !== "text")
      .flatMap((i) => i.cells.map((c) => c.name));
    const sum = (codes: string[], name: string): number =>
      codes.reduce((s, c) => s + Number(filled.get(c)?.get(name) ?? 0), 0);
    const all = [...filled.keys()];
    const inGroup = (g: string): string[] =>
      all.filter((c) => form.units.find((u) => u.code === c)?.group === g);
    for (const name of numeric)
      expect([name, report.totals[name]]).toEqual([name, expect.closeTo(sum(all, name), 6)]);
    const added = form.byCode.get(ADDED_CODE)?.cells.map((c) => c.name);
    expect(added).toEqual(["BDG_2026_II_7_T", "BDG_2026_II_7_F"]);
    for (const name of added ?? []) expect(report.totals[name]).toBe(sum(all, name));
    expect(report.groups.map((g) => g.group)).toEqual([VILLAGES, AGENCIES]);
    for (const g of report.groups)
      for (const name of numeric)
        expect([g.group, name, g.totals[name]]).toEqual([
          g.group,
          name,
          expect.closeTo(sum(inGroup(g.group), name), 6),
        ]);
    expect(report.units.map((u) => [u.code, u.status])).toEqual(
      form.units.map((u) => [u.code, u.code === "THON-BAC" ? "missing" : "submitted"])
    );
    expect(report.units.find((u) => u.code === "THON-TAY")?.errors).toBeGreaterThan(0);
  });
});

describe("merge prints its status table as lines", () => {
  it("the table's own newlines are newlines, not escapes", async () => {
    const def = join(dir, "xa-2026.xlsx");
    const r = await run([
      "merge",
      join(dir, "returns"),
      "--form",
      def,
      "--out",
      join(dir, "again.xlsx"),
      "--date",
      "2026-12-05",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("\\x0a");
    expect(r.out).toMatch(/^TÌNH HÌNH NỘP BÁO CÁO — BDG-2026 v1 \(hạn 01\/12\/2026\)\n\nĐơn vị +Tình trạng/);
    expect(r.out).toMatch(/\nThôn Bắc +Chưa nộp/);
  });
});
