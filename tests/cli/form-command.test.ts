/** `bdg-report form [--json]`: the resolved form for other tools, and a readable table. */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { isValidDefinedName } from "../../src/form";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

interface FormJson {
  id: string;
  version: string;
  title: string;
  deadline: string;
  collector: { code: string; name: string };
  units: { code: string; name: string; group: string }[];
  fields: { key: string; name: string; required: boolean }[];
  indicators: {
    code: string;
    label: string;
    unit: string;
    kind: string;
    cells: { part: string; name: string }[];
  }[];
  rules: { id: string; severity: string; description: string }[];
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** The `form --json` shape other tools rely on (docs/CONTRACT.md "The command line"). */
function checkShape(json: FormJson): void {
  expect(json).toMatchObject({
    id: "BDG-2019",
    version: "1",
    deadline: "2019-12-01",
    collector: { code: "HUYEN-TAN-YEN", name: "UBND huyện Tân Yên" },
  });
  expect(typeof json.title).toBe("string");
  expect(json.title).toMatch(/bình đẳng giới/);

  expect(json.units).toHaveLength(42);
  for (const u of json.units) {
    expect(Object.keys(u).sort()).toEqual(["code", "group", "name"]);
    expect(["Xã, thị trấn", "Cơ quan, ban, ngành, đoàn thể"]).toContain(u.group);
  }
  expect(json.units.filter((u) => u.group === "Xã, thị trấn")).toHaveLength(24);

  expect(json.fields.map((f) => f.key)).toEqual(["unit", "year", "reportDate", "preparer", "phone", "head"]);
  for (const f of json.fields) {
    expect(typeof f.name).toBe("string");
    expect(typeof f.required).toBe("boolean");
  }

  expect(json.indicators).toHaveLength(44);
  for (const i of json.indicators) {
    expect(i).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        label: expect.any(String),
        unit: expect.any(String),
        kind: expect.any(String),
      })
    );
    expect(["count", "amount", "tf", "text"]).toContain(i.kind);
    expect(i.cells.map((c) => c.part)).toEqual(i.kind === "tf" ? ["total", "female"] : ["value"]);
  }
  expect(json.indicators.find((i) => i.code === "I.2")).toMatchObject({
    label: "Số lượt người tham dự",
    unit: "lượt người",
    kind: "tf",
    cells: [
      { part: "total", name: "BDG_2019_I_2_T" },
      { part: "female", name: "BDG_2019_I_2_F" },
    ],
  });

  expect(json.rules.length).toBeGreaterThan(0);
  for (const r of json.rules) {
    expect(typeof r.id).toBe("string");
    expect(["error", "warning"]).toContain(r.severity);
    expect(r.description.length).toBeGreaterThan(0);
  }
  expect(json.rules.map((r) => r.id)).toContain("tf.female-le-total");

  const names = [
    ...json.fields.map((f) => f.name),
    ...json.indicators.flatMap((i) => i.cells.map((c) => c.name)),
  ];
  expect(names).toHaveLength(66);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect([n, isValidDefinedName(n)]).toEqual([n, true]);
}

describe("bdg-report form", () => {
  it("--json prints the resolved form in the agreed shape", async () => {
    const { code, out, err } = await run(["form", "--json"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    checkShape(JSON.parse(out) as FormJson);
  });

  it("without --json prints a readable table", async () => {
    const { code, out } = await run(["form"]);
    expect(code).toBe(0);
    expect(out).toContain("BDG-2019");
    expect(out).toContain("Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2019");
    expect(out).toMatch(/I\.2\s+tổng\|nữ\s+lượt người/);
    expect(out).toContain("BDG_2019_I_2_T  BDG_2019_I_2_F");
    expect(out).toContain("BDG_2019_H_UNIT");
    expect(out).toContain("Quy tắc / rules (");
    expect(out).toContain("Đơn vị báo cáo / units (42)");
    expect(out).toMatch(/TT-CAO-THUONG\s+Xã, thị trấn\s+Thị trấn Cao Thượng/);
    expect(out).toContain("V.7.srb");
    expect(() => JSON.parse(out)).toThrow();
  });

  it.each([["--help"], ["-h"]])("form %s prints the command's help", async (flag) => {
    const { code, out } = await run(["form", flag]);
    expect(code).toBe(0);
    expect(out).toContain("bdg-report form [--json]");
    expect(out).toContain("--json");
  });

  it("an unknown option is exit 2 with the command's help on stderr", async () => {
    const { code, out, err } = await run(["form", "--xml"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("Tùy chọn không hợp lệ / bad option");
    expect(err).toContain("bdg-report form [--json]");
  });

  it("an unknown command is exit 2 with the usage on stderr", async () => {
    const { code, out, err } = await run(["frobnicate"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain('Lệnh không có: "frobnicate" / unknown command');
    expect(err).toMatch(/\n {2}form {6} /);
  });

  it("no command prints the usage and exits 2; --help exits 0", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain("Cách dùng / usage: bdg-report");
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("form");
  });
});

describe("bin/bdg-report.js", () => {
  const exec = promisify(execFile);
  const bin = path.resolve(__dirname, "..", "..", "bin", "bdg-report.js");

  it("node bin/bdg-report.js form --json works (spawned)", async () => {
    const { stdout, stderr } = await exec(process.execPath, [bin, "form", "--json"], {
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stderr).toBe("");
    checkShape(JSON.parse(stdout) as FormJson);
  }, 60_000);

  it("exit code 2 for an unknown command (spawned)", async () => {
    await expect(exec(process.execPath, [bin, "nope"])).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
