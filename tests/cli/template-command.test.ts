import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../../src/cli/io";
import { expectBounded, runCli } from "./support/run-cli";

describe("bdg-report template", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "bdg-tpl-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("--help", async () => {
    const io = memoryIo();
    expect(await main(["template", "--help"], io)).toBe(0);
    expect(io.out()).toContain("--all-units");
  });

  test("--out writes a zip; never overwrites without --force", async () => {
    const file = join(dir, "t.xlsx");
    expect(await main(["template", "--out", file], memoryIo())).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    writeFileSync(file, "keep");
    const io = memoryIo();
    expect(await main(["template", "--out", file], io)).toBe(2);
    expect(io.err()).toContain("đã có");
    expect(readFileSync(file, "utf8")).toBe("keep");
    expect(await main(["template", "--out", file, "--force", "--unit", "xa-cao-xa"], memoryIo())).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test("unknown unit code: close matches", async () => {
    const io = memoryIo();
    expect(await main(["template", "--out", join(dir, "t.xlsx"), "--unit", "CAO-XA"], io)).toBe(2);
    expect(io.err()).toContain('không có đơn vị mã "CAO-XA"');
    expect(io.err()).toContain("XA-CAO-XA");
    expect(existsSync(join(dir, "t.xlsx"))).toBe(false);
  });

  test("--all-units: one file per unit, refuses to overwrite", async () => {
    const out = join(dir, "units");
    expect(await main(["template", "--all-units", out], memoryIo())).toBe(0);
    const files = readdirSync(out);
    expect(files.length).toBe(42);
    expect(files).toContain("BDG-2019_Xa-Cao-Xa.xlsx");
    expect(files).toContain("BDG-2019_Thi-tran-Cao-Thuong.xlsx");
    expect(files).toContain("BDG-2019_Xa-Cao-Thuong.xlsx");
    const io = memoryIo();
    expect(await main(["template", "--all-units", out], io)).toBe(2);
    expect(io.err()).toContain("--force");
  }, 60_000);

  test("--out or --all-units under /proc or under a file: one bilingual message, no loop", () => {
    writeFileSync(join(dir, "file"), "x");
    for (const args of [
      ["--out", "/proc/bdg-none/t.xlsx"],
      ["--all-units", "/proc/bdg-none"],
      ["--out", join(dir, "file", "t.xlsx")],
    ]) {
      const r = runCli(["template", ...args]);
      expectBounded(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^Lỗi: không tạo được thư mục ".*": .*\nError: cannot create the folder/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  test("bad usage", async () => {
    expect(await main(["template"], memoryIo())).toBe(2);
    expect(await main(["template", "--out", join(dir, "a.xlsx"), "--all-units", dir], memoryIo())).toBe(2);
    expect(await main(["template", "--out", join(dir, "a.txt")], memoryIo())).toBe(2);
  });
});
