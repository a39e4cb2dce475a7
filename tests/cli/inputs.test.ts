import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandInputs, MAX_DEPTH, type InputFile } from "../../src/cli/inputs";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-inputs-"));
  mkdirSync(join(dir, "sub", ".hidden"), { recursive: true });
  for (const f of ["b.xlsx", "a.ods", "~$b.xlsx", ".a.xlsx", "notes.txt", "sub/c.xlsm", "sub/.hidden/d.xlsx"])
    writeFileSync(join(dir, f), "x");
  let deep = join(dir, "deep");
  for (let i = 0; i <= MAX_DEPTH + 1; i++) deep = join(deep, "d");
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, "too-deep.xlsx"), "x");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (files: InputFile[]): string[] => files.map((f) => f.name.slice(dir.length + 1));

test("directories: spreadsheet extensions, no hidden or lock files, depth capped", () => {
  const r = expandInputs([dir]);
  expect(names(r.files)).toEqual(["a.ods", "b.xlsx", join("sub", "c.xlsm")]);
  expect(r.explicit).toEqual([]);
  expect(r.missing).toEqual([]);
});

test("globs skip lock and hidden files unless asked; a named file is always taken", () => {
  expect(names(expandInputs([join(dir, "*.xlsx")]).files)).toEqual(["b.xlsx"]);
  expect(names(expandInputs([join(dir, "~$*.xlsx")]).files)).toEqual(["~$b.xlsx"]);
  const named = expandInputs([join(dir, "notes.txt")]);
  expect(names(named.files)).toEqual(["notes.txt"]);
  expect(named.explicit.map((f) => f.name)).toEqual([join(dir, "notes.txt")]);
});

test("missing paths and empty globs are reported; keepMissing keeps them in place; skip; no duplicates", () => {
  const args = [join(dir, "nope.xlsx"), join(dir, "b.xlsx"), join(dir, "z*.xlsx"), dir];
  const r = expandInputs(args, { skip: [join(dir, "a.ods")] });
  expect(r.missing).toEqual([join(dir, "nope.xlsx"), join(dir, "z*.xlsx")]);
  expect(names(r.files)).toEqual(["b.xlsx", join("sub", "c.xlsm")]);
  const kept = expandInputs(args, { keepMissing: true });
  expect(names(kept.files)).toEqual(["nope.xlsx", "b.xlsx", "z*.xlsx", "a.ods", join("sub", "c.xlsm")]);
});

describe("walking folders with loops, links, FIFOs and names that are not UTF-8", () => {
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "bdg-inputs-walk-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const rel = (files: InputFile[], base: string): string[] => files.map((f) => f.name.slice(base.length + 1));

  test("one link to the folder itself: each file once", () => {
    const d = join(root, "one-link");
    mkdirSync(d);
    writeFileSync(join(d, "a.xlsx"), "x");
    symlinkSync(".", join(d, "again"));
    expect(rel(expandInputs([d]).files, d)).toEqual(["a.xlsx"]);
  });

  test("two links to the folder itself (was an endless walk): each file once", () => {
    const d = join(root, "two-links");
    mkdirSync(join(d, "sub"), { recursive: true });
    writeFileSync(join(d, "a.xlsx"), "x");
    writeFileSync(join(d, "sub", "b.xlsx"), "x");
    symlinkSync(".", join(d, "l1"));
    symlinkSync("..", join(d, "sub", "up"));
    symlinkSync(d, join(d, "l2"));
    expect(rel(expandInputs([d]).files, d)).toEqual(["a.xlsx", join("sub", "b.xlsx")]);
  });

  test("a folder named twice, or reached again through a link or a glob: its files once", () => {
    const d = join(root, "repeated");
    mkdirSync(join(d, "in"), { recursive: true });
    writeFileSync(join(d, "in", "a.xlsx"), "x");
    symlinkSync(join(d, "in"), join(d, "alias"));
    const r = expandInputs([join(d, "in"), join(d, "alias"), join(d, "in"), join(d, "*")]);
    expect(rel(r.files, d)).toEqual([join("in", "a.xlsx")]);
  });

  test("a FIFO, a broken link and a name that is not UTF-8 are listed, to get their own verdicts", () => {
    const d = join(root, "odd");
    mkdirSync(d);
    expect(spawnSync("mkfifo", [join(d, "pipe.xlsx")]).status).toBe(0);
    symlinkSync(join(d, "gone.xlsx"), join(d, "broken.xlsx"));
    const latin1 = Buffer.concat([Buffer.from(`${d}/caf`), Buffer.from([0xe9]), Buffer.from(".xlsx")]);
    writeFileSync(latin1, "report bytes");
    const r = expandInputs([d]);
    expect(rel(r.files, d)).toEqual(["broken.xlsx", "caf\\xe9.xlsx", "pipe.xlsx"]);
    const odd = r.files.find((f) => f.name.endsWith("caf\\xe9.xlsx"));
    expect(Buffer.isBuffer(odd?.path) && odd?.path.equals(latin1)).toBe(true);
    expect(readFileSync(odd!.path, "utf8")).toBe("report bytes");
    // through a glob too
    const g = expandInputs([join(d, "caf*")]);
    expect(g.files.map((f) => f.name)).toEqual([`${d}/caf\\xe9.xlsx`]);
    expect(Buffer.isBuffer(g.files[0].path)).toBe(true);
  });
});
