import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeFolders, writeOutputs } from "../../src/cli/write-output";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-write-output-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("makeFolders creates the missing levels and accepts existing ones", () => {
  makeFolders(join(dir, "a", "b", "c"));
  expect(existsSync(join(dir, "a", "b", "c"))).toBe(true);
  makeFolders(join(dir, "a", "b"));
});

test("makeFolders fails at once under /proc and /sys (Node's recursive mkdir loops there) and under a file", () => {
  expect(() => makeFolders("/proc/bdg-none/deeper")).toThrow(expect.objectContaining({ code: "ENOENT" }));
  expect(() => makeFolders("/sys/bdg-none/deeper")).toThrow();
  writeFileSync(join(dir, "file"), "x");
  expect(() => makeFolders(join(dir, "file", "sub"))).toThrow(expect.objectContaining({ code: "ENOTDIR" }));
});

test("writeOutputs writes every file, replacing the old one, and leaves no temporary file", () => {
  const out = join(dir, "w", "out.xlsx");
  const json = join(dir, "w", "out.json");
  expect(
    writeOutputs([
      { path: out, data: Buffer.from("one") },
      { path: json, data: "{}" },
    ])
  ).toBeNull();
  expect(writeOutputs([{ path: out, data: Buffer.from("two") }])).toBeNull();
  expect(readFileSync(out, "utf8")).toBe("two");
  expect(readdirSync(join(dir, "w")).sort()).toEqual(["out.json", "out.xlsx"]);
});

test("a failure is one Vietnamese/English message and nothing is half-written", () => {
  const out = join(dir, "keep", "out.xlsx");
  mkdirSync(join(dir, "keep"));
  writeFileSync(out, "previous");
  const err = writeOutputs([
    { path: out, data: Buffer.from("new") },
    { path: join(dir, "file", "sub", "r.json"), data: "{}" },
  ]);
  expect(err?.vi).toMatch(/^không tạo được thư mục ".*file\/sub": một phần của đường dẫn là tệp/);
  expect(err?.en).toMatch(/ENOTDIR/);
  expect(readFileSync(out, "utf8")).toBe("previous");
  // The first file is staged, the second cannot be written: the first is not replaced either.
  const proc = writeOutputs([
    { path: out, data: Buffer.from("new") },
    { path: "/proc/bdg-none.xlsx", data: "x" },
  ]);
  expect(proc?.vi).toMatch(/^không ghi được tệp "\/proc\/bdg-none.xlsx": /);
  expect(proc?.en).toMatch(/^cannot write "\/proc\/bdg-none.xlsx": /);
  expect(readFileSync(out, "utf8")).toBe("previous");
  expect(readdirSync(join(dir, "keep"))).toEqual(["out.xlsx"]);
});
