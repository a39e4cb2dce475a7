import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../../src/cli/io";
import { builtInForm, nameOf } from "../../src/form/resolve";
import { isoToSerial } from "../../src/validate/dates";
import { reportFixture } from "../xlsx/fixture-xlsx";

const form = builtInForm();
const F = (k: string): string => form.fieldByKey.get(k)!.name;
const complete: Record<string, number | string> = {
  [F("unit")]: "Xã Cao Xá",
  [F("year")]: 2019,
  [F("reportDate")]: isoToSerial("2019-11-28"),
  [F("preparer")]: "Nguyễn Thị Lan",
  [F("head")]: "Trần Văn Hùng",
};
for (const ind of form.indicators)
  for (const c of ind.cells)
    complete[c.name] = ind.kind === "text" ? "Nội dung" : c.part === "female" ? 0 : 0;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-validate-"));
  writeFileSync(
    join(dir, "clean.xlsx"),
    reportFixture(form, complete, { meta: { unitCode: "XA-CAO-XA" } }).bytes
  );
  const bad = { ...complete, [nameOf(form, "I.2", "total")]: 10, [nameOf(form, "I.2", "female")]: 20 };
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "errors.xlsx"), reportFixture(form, bad).bytes);
  writeFileSync(join(dir, "text.xlsx"), "Đây là tệp văn bản");
  writeFileSync(join(dir, "~$lock.xlsx"), "lock");
  writeFileSync(join(dir, "notes.txt"), "ignored");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["validate", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("bdg-report validate", () => {
  it("exits 0 for a report without errors and names its unit", async () => {
    const r = await run(join(dir, "clean.xlsx"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.files).toHaveLength(1);
    expect(json.files[0]).toMatchObject({ readable: true, reason: null, unit: "XA-CAO-XA", errors: 0 });
  });

  it("exits 1 when a file has errors, with each issue's rule, cell, address and messages", async () => {
    const r = await run(join(dir, "sub", "errors.xlsx"), "--json");
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).files[0];
    const issue = f.issues.find(
      (i: { severity: string; indicator: string }) => i.severity === "error" && i.indicator === "I.2"
    );
    expect(issue).toMatchObject({
      cell: nameOf(form, "I.2", "female"),
      address: expect.stringMatching(/^'Báo cáo'!E\d+$/),
    });
    expect(issue.message).toMatch(/Số nữ/);
    expect(issue.messageEn).toMatch(/Female/);
    expect(Object.keys(issue).sort()).toEqual([
      "address",
      "cell",
      "field",
      "indicator",
      "message",
      "messageEn",
      "rule",
      "severity",
    ]);
  });

  it("exits 2 when a file cannot be read, and expands directories (no lock or non-spreadsheet files)", async () => {
    const r = await run(dir, "--json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => f.file.slice(dir.length + 1)).sort()).toEqual([
      "clean.xlsx",
      join("sub", "errors.xlsx"),
      "text.xlsx",
    ]);
    const text = json.files.find((f: { file: string }) => f.file.endsWith("text.xlsx"));
    expect(text).toMatchObject({ readable: false, reason: "notSpreadsheet", unit: null, issues: [] });
    expect(json.summary).toEqual({ files: 3, readable: 2, withErrors: 1, unreadable: 1 });
  });

  it("prints a readable Vietnamese list", async () => {
    const r = await run(join(dir, "sub", "errors.xlsx"), join(dir, "text.xlsx"), join(dir, "missing.xlsx"));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/LỖI/);
    expect(r.out).toMatch(/KHÔNG ĐỌC ĐƯỢC \[notSpreadsheet\]/);
    expect(r.out).toMatch(/KHÔNG ĐỌC ĐƯỢC \[notFound\]/);
    expect(r.out).toMatch(/Tổng cộng 3 tệp: 0 đạt, 1 có lỗi, 2 không đọc được/);
  });

  it("reads .xls and .ods returns (the template converted by LibreOffice) like the .xlsx", async () => {
    const fixtures = join(__dirname, "..", "fixtures", "xls-ods");
    const r = await run(
      join(fixtures, "report.xlsx"),
      join(fixtures, "lo.xls"),
      join(fixtures, "lo.ods"),
      "--json"
    );
    const files = JSON.parse(r.out).files as {
      readable: boolean;
      unit: string | null;
      issues: { rule: string }[];
    }[];
    expect(files.map((f) => [f.readable, f.unit])).toEqual([
      [true, "XA-CAO-XA"],
      [true, "XA-CAO-XA"],
      [true, "XA-CAO-XA"],
    ]);
    // LibreOffice's .xls and .ods give the same issues (both keep the boolean at I.4 as the number 1)
    const rules = (i: number): string[] => files[i].issues.map((x) => x.rule);
    expect(rules(1)).toEqual(rules(2));
    expect(rules(1).length).toBeGreaterThan(0);
  });

  it("has --help and refuses no files", async () => {
    const h = await run("--help");
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Mã thoát/);
    expect((await run()).code).toBe(2);
    expect((await run("--bogus")).code).toBe(2);
  });
});
