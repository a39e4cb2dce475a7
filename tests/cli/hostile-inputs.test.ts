/**
 * Hostile inputs and output paths for `validate` and `merge`, each reproducing a finding:
 * hangs (folder loops, a FIFO, /dev/zero, --out under /proc), a file without a verdict (a name
 * that is not UTF-8), terminal injection (file names, unit cells), output paths (--json = --out,
 * --out under a file, /proc, /sys). Runs that were hangs or crashes run as a child process with a
 * deadline and a memory bound (support/run-cli.ts).
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtInForm } from "../../src/form/resolve";
import type { MergeReportJson } from "../../src/merge";
import { isoToSerial } from "../../src/validate/dates";
import { reportFixture } from "../xlsx/fixture-xlsx";
import { expectBounded, runCli } from "./support/run-cli";

jest.setTimeout(60_000);
const form = builtInForm();
const F = (k: string): string => form.fieldByKey.get(k)?.name ?? k;

/** A complete report of `unitText`, optionally issued to `unitCode` (metadata). */
function report(unitText: string, unitCode?: string): Uint8Array {
  const values: Record<string, number | string> = {
    [F("unit")]: unitText,
    [F("year")]: 2019,
    [F("reportDate")]: isoToSerial("2019-11-28"),
    [F("preparer")]: "Nguyễn Thị Lan",
    [F("head")]: "Trần Văn Hùng",
  };
  for (const ind of form.indicators)
    for (const c of ind.cells) values[c.name] = ind.kind === "text" ? "Nội dung" : 0;
  return reportFixture(form, values, unitCode ? { meta: { unitCode } } : {}).bytes;
}

const HOSTILE_UNIT = "\x1b]0;pwned\x07Xã Việt Lập";
/** As Excel stores it in the file (OOXML's escape for characters XML cannot carry). */
const HOSTILE_UNIT_OOXML = "_x001B_]0;pwned_x0007_Xã Việt Lập";
const HOSTILE_NAME = "\x1b]0;pwned\x07\x1b[2J\u202Excod.xlsx";
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir = "";
const at = (...p: string[]): string => join(dir, ...p);
const noStack = (text: string): void => {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/node:internal|\.ts:\d+/);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-hostile-"));
  for (const d of ["loop1", "loop2", "fifo", "nonutf", "esc"]) mkdirSync(at(d));
  writeFileSync(at("loop1", "a.xlsx"), report("Xã Cao Xá", "XA-CAO-XA"));
  symlinkSync(".", at("loop1", "again"));
  writeFileSync(at("loop2", "a.xlsx"), report("Xã Cao Xá", "XA-CAO-XA"));
  symlinkSync(".", at("loop2", "l1"));
  symlinkSync(".", at("loop2", "l2"));
  writeFileSync(at("fifo", "good.xlsx"), report("Xã Cao Xá", "XA-CAO-XA"));
  expect(spawnSync("mkfifo", [at("fifo", "x.xlsx")]).status).toBe(0);
  const bytesName = (name: number[]): Buffer =>
    Buffer.concat([Buffer.from(`${at("nonutf")}/`), Buffer.from(name)]);
  // "Cao Xá.xlsx" saved under a Windows-1258 name (á = 0xE1): not UTF-8.
  writeFileSync(
    bytesName([...Buffer.from("Cao X"), 0xe1, ...Buffer.from(".xlsx")]),
    report("Xã Cao Xá", "XA-CAO-XA")
  );
  writeFileSync(bytesName([0xff, ...Buffer.from("junk.xlsx")]), "not a workbook");
  writeFileSync(at("esc", HOSTILE_NAME), report(HOSTILE_UNIT_OOXML));
  writeFileSync(at("esc", "meta.xlsx"), report(HOSTILE_UNIT, "XA-VIET-LAP"));
  writeFileSync(at("not-a-folder"), "x");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hangs: every run ends by itself, within the time and memory bounds", () => {
  test.each([
    ["one link to the folder itself", "loop1"],
    ["two links to the folder itself", "loop2"],
  ])("validate a folder with %s: one verdict per file", (_, folder) => {
    const r = runCli(["validate", at(folder), "--json"]);
    expectBounded(r);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { file: string; unit: string }[] };
    expect(json.files).toEqual([expect.objectContaining({ file: at(folder, "a.xlsx"), unit: "XA-CAO-XA" })]);
  });

  test("a FIFO named x.xlsx in a folder: 'not a regular file', never waited on", () => {
    const r = runCli(["validate", at("fifo"), "--json"]);
    expectBounded(r);
    expect(r.code).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: { file: string; reason: string; message: string }[] })
      .files;
    expect(files.map((f) => [f.file.slice(dir.length + 1), f.reason])).toEqual([
      [join("fifo", "good.xlsx"), null],
      [join("fifo", "x.xlsx"), "notRegular"],
    ]);
    expect(files[1].message).toContain("không phải là tệp thông thường");
    // merge reads it through the same bounded reader: a --prefer on it is refused with its verdict.
    const m = runCli(["merge", at("fifo"), "--prefer", at("fifo", "x.xlsx"), "--out", at("fifo-out.xlsx")]);
    expectBounded(m);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("không phải là tệp thông thường mà là một đường ống (FIFO)");
  });

  test("merge of that folder: the FIFO is rejected with its reason, the report beside it is used", async () => {
    const io = memoryIo();
    const json = at("fifo-out.json");
    expect(
      await main(["merge", at("fifo"), "--out", at("fifo-out.xlsx"), "--json", json, "--quiet"], io)
    ).toBe(0);
    const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
    expect(j.files.find((f) => f.file.endsWith("x.xlsx"))).toMatchObject({
      verdict: "rejected",
      message: expect.stringContaining("không phải là tệp thông thường"),
    });
    expect(j.files.find((f) => f.file.endsWith("good.xlsx"))).toMatchObject({ verdict: "accepted" });
  });

  test("validate /dev/zero: 'not a regular file' at once, no memory growth", () => {
    const r = runCli(["validate", "/dev/zero"]);
    expectBounded(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("KHÔNG ĐỌC ĐƯỢC [notRegular]");
    expect(r.stdout).toContain("một thiết bị");
  });

  test.each([
    [
      "a missing folder under /proc (Node's recursive mkdir loops there)",
      "/proc/bdg-none/tong-hop.xlsx",
      /ENOENT/,
    ],
    ["/proc itself", "/proc/tong-hop.xlsx", /ENOENT/],
    ["/sys", "/sys/tong-hop.xlsx", /EACCES|EROFS|EPERM|ENOENT/],
    ["a missing folder under /sys", "/sys/bdg-none/tong-hop.xlsx", /EACCES|EROFS|EPERM|ENOENT/],
    ["a regular file", "not-a-folder/sub/tong-hop.xlsx", /ENOTDIR/],
  ])("merge --out under %s: one Vietnamese/English message, exit 2", (_, out, code) => {
    const target = out.startsWith("/") ? out : at(out);
    const r = runCli(["merge", at("loop1"), "--out", target, "--quiet"]);
    expectBounded(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Lỗi: không (tạo|ghi) được (thư mục|tệp) "/);
    expect(lines[1]).toMatch(/^Error: cannot (create the folder|write) "/);
    expect(lines[1]).toMatch(code);
    noStack(r.stderr);
  });
});

describe("every file gets a verdict, whatever its name's bytes", () => {
  test("merge: a name that is not UTF-8 is read, its unit counted, and shown with \\xNN everywhere", async () => {
    const out = at("nonutf-out.xlsx");
    const json = at("nonutf-out.json");
    const io = memoryIo();
    expect(await main(["merge", at("nonutf"), "--out", out, "--json", json], io)).toBe(0);
    const shown = `${at("nonutf")}/Cao X\\xe1.xlsx`;
    const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
    expect(j.files.find((f) => f.file === shown)).toMatchObject({ verdict: "accepted", unit: "XA-CAO-XA" });
    expect(j.files.find((f) => f.file.endsWith("\\xffjunk.xlsx"))).toMatchObject({
      verdict: "rejected",
      reason: "notSpreadsheet",
    });
    expect(j.units.find((u) => u.code === "XA-CAO-XA")).toMatchObject({ status: "submitted", file: shown });
    expect(io.out()).toContain("Cao X\\xe1.xlsx");
    expect(io.out()).toContain("\\xffjunk.xlsx");
    expect(io.out()).not.toContain("\ufffd");
    // The summary's status sheet names the file the same way.
    const xml = Object.entries(unzipSync(readFileSync(out)))
      .filter(([n]) => /sharedStrings|worksheets/.test(n))
      .map(([, b]) => strFromU8(b))
      .join("");
    expect(xml).toContain("Cao X\\xe1.xlsx");
  });

  test("validate: a folder holding such names, and a missing file named on the command line", () => {
    const r = runCli(["validate", at("nonutf"), at("missing.xlsx"), "--json"]);
    expectBounded(r);
    const files = (JSON.parse(r.stdout) as { files: { file: string; reason: string | null; unit: string }[] })
      .files;
    const got = files.map((f) => [f.file.slice(dir.length + 1), f.reason]);
    expect(got).toHaveLength(3);
    expect(got).toEqual(
      expect.arrayContaining([
        ["nonutf/Cao X\\xe1.xlsx", null],
        ["nonutf/\\xffjunk.xlsx", "notSpreadsheet"],
        ["missing.xlsx", "notFound"],
      ])
    );
  });
});

describe("terminal injection: escape sequences from a file name or a unit cell are shown, not obeyed", () => {
  test("validate prints them escaped; --json keeps them as JSON escapes", async () => {
    const io = memoryIo();
    expect(await main(["validate", at("esc")], io)).toBe(1);
    const out = io.out();
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain("\\x1b]0;pwned\\x07\\x1b[2J\\u202excod.xlsx");
    // The unit cell quoted in the header error, and in the metadata mismatch warning.
    expect(out).toContain('"\\x1b]0;pwned\\x07Xã Việt Lập"');
    const jio = memoryIo();
    await main(["validate", at("esc"), "--json"], jio);
    expect(jio.out()).not.toMatch(RAW_CONTROL);
    const files = (JSON.parse(jio.out()) as { files: { file: string }[] }).files;
    expect(files.map((f) => f.file)).toContain(at("esc", HOSTILE_NAME));
  });

  test("merge's status table and messages print them escaped", async () => {
    const io = memoryIo();
    await main(["merge", at("esc"), "--out", at("esc-out.xlsx"), "--json", at("esc-out.json")], io);
    expect(io.out() + io.err()).not.toMatch(RAW_CONTROL);
    expect(io.out()).toContain("\\x1b]0;pwned\\x07\\x1b[2J\\u202excod.xlsx");
    expect(io.out()).toContain("\\x1b]0;pwned\\x07Xã Việt Lập");
    expect(readFileSync(at("esc-out.json"), "utf8")).not.toMatch(RAW_CONTROL);
    const bad = memoryIo();
    expect(
      await main(["merge", at("esc"), "--prefer", at("esc", HOSTILE_NAME), "--out", at("p.xlsx")], bad)
    ).toBe(2);
    expect(bad.err()).not.toMatch(RAW_CONTROL);
    expect(bad.err()).toContain("\\x1b]0;pwned");
  });
});

describe("output paths", () => {
  test("--json equal to --out (after resolving) is refused, nothing written", async () => {
    const out = at("same.xlsx");
    symlinkSync(dir, at("dir-link"));
    for (const json of [
      out,
      `${dir}/./same.xlsx`,
      join(dir, "loop1", "..", "same.xlsx"),
      at("dir-link", "same.xlsx"),
    ]) {
      const io = memoryIo();
      expect(await main(["merge", at("loop1"), "--out", out, "--json", json], io)).toBe(2);
      expect(io.err()).toContain("--json và --out cùng chỉ một tệp");
      expect(io.err()).toContain("--json and --out name the same file");
    }
    expect(existsSync(out)).toBe(false);
  });

  test("--out that is a folder, a FIFO or a device is refused before reading any input", () => {
    expect(spawnSync("mkfifo", [at("out-fifo.xlsx")]).status).toBe(0);
    for (const [out, kind] of [
      [at("loop1"), "một thư mục"],
      [at("out-fifo.xlsx"), "một đường ống (FIFO)"],
      ["/dev/null", "một thiết bị"],
    ]) {
      const r = runCli(["merge", at("loop1"), "--out", out]);
      expectBounded(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`là ${kind}, không phải tệp: không ghi --out vào đó`);
      noStack(r.stderr);
    }
  });

  test("--units naming a FIFO or a device is refused at once", () => {
    expect(spawnSync("mkfifo", [at("units.csv")]).status).toBe(0);
    for (const units of [at("units.csv"), "/dev/zero"]) {
      const r = runCli(["merge", at("loop1"), "--units", units, "--out", at("units-out.xlsx")]);
      expectBounded(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^Lỗi: không đọc được danh sách đơn vị ".*": .*không phải là tệp thông thường/
      );
      noStack(r.stderr);
    }
  });

  test("an unexpected error is one bilingual line; its stack only with BDG_DEBUG=1", async () => {
    const writer = jest.requireActual<typeof import("../../src/xlsx/write-workbook")>(
      "../../src/xlsx/write-workbook"
    );
    const spy = jest.spyOn(writer, "writeWorkbook").mockRejectedValue(new Error("boom\nsecond line"));
    try {
      const io = memoryIo();
      expect(await main(["merge", at("loop1"), "--out", at("boom.xlsx")], io)).toBe(2);
      expect(io.err()).toBe(
        "Lỗi ngoài dự kiến, lệnh đã dừng / unexpected error, the command stopped: boom (BDG_DEBUG=1: chi tiết / details)\n"
      );
      process.env.BDG_DEBUG = "1";
      const dbg = memoryIo();
      expect(await main(["merge", at("loop1"), "--out", at("boom.xlsx")], dbg)).toBe(2);
      expect(dbg.err()).toMatch(/^Lỗi ngoài dự kiến.*: boom\nError: boom\n.*\n\s+at /);
    } finally {
      delete process.env.BDG_DEBUG;
      spy.mockRestore();
    }
  });
});
