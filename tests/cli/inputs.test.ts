import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandInputs, MAX_DEPTH } from "../../src/cli/inputs";

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

const names = (files: string[]): string[] => files.map((f) => f.slice(dir.length + 1));

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
  expect(named.explicit).toEqual([join(dir, "notes.txt")]);
});

test("missing paths and empty globs are reported; keepMissing keeps them in place; skip; no duplicates", () => {
  const args = [join(dir, "nope.xlsx"), join(dir, "b.xlsx"), join(dir, "z*.xlsx"), dir];
  const r = expandInputs(args, { skip: [join(dir, "a.ods")] });
  expect(r.missing).toEqual([join(dir, "nope.xlsx"), join(dir, "z*.xlsx")]);
  expect(names(r.files)).toEqual(["b.xlsx", join("sub", "c.xlsm")]);
  const kept = expandInputs(args, { keepMissing: true });
  expect(names(kept.files)).toEqual(["nope.xlsx", "b.xlsx", "z*.xlsx", "a.ods", join("sub", "c.xlsm")]);
});
