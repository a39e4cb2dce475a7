/**
 * Interop: the real template, filled by openpyxl, re-saved and edited by LibreOffice (rows
 * inserted above and inside the table, sheet renamed), read back by our reader.
 * Needs /usr/bin/python3 with openpyxl and /usr/bin/soffice with python3-uno (skipped without).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInForm, nameOf } from "../../src/form/resolve";
import { templatePositions } from "../../src/layout/template";
import { isoToSerial } from "../../src/validate/dates";
import { evaluateReport } from "../../src/validate/engine";
import type { Inspection } from "../../src/inspect/types";
import { inspectFile } from "../../src/xlsx/reader";
import { readAllSheets } from "../helpers/read-all-sheets";
import { writeTemplate } from "../../src/xlsx/write-template";
import { missing } from "../external-tools";

jest.setTimeout(300_000);

const PY = "/usr/bin/python3";
const SCRIPTS = join(__dirname, "scripts");
const form = builtInForm();
const N = (code: string, part: "total" | "female" | "value" = "value"): string => nameOf(form, code, part);
const F = (key: string): string => form.fieldByKey.get(key)!.name;

const canOpenpyxl = !missing("openpyxl round-trip tests", "openpyxl");
const canUno = canOpenpyxl && !missing("LibreOffice round-trip tests", "soffice", "uno");
const d = canOpenpyxl ? describe : describe.skip;
const dl = canUno ? describe : describe.skip;

/** What an officer types (openpyxl writes these as numbers / strings). */
const CELLS: Record<string, number | string> = {
  [F("year")]: 2019,
  [F("reportDate")]: isoToSerial("2019-11-28"),
  [F("preparer")]: "Nguyễn Thị Lan",
  [F("phone")]: "0204 3878 123",
  [F("head")]: "Trần Văn Hùng",
  [N("I.1")]: 12,
  [N("I.2", "total")]: 1500,
  [N("I.2", "female")]: 800,
  [N("I.3")]: "1.234",
  [N("II.2", "total")]: 40,
  [N("II.2", "female")]: 55,
  [N("IV.5")]: 12.5,
  [N("VI.1")]: 'Tổ chức tốt Tháng hành động; "đạt" & vượt <chỉ tiêu>',
};
const FORMULAS = { [N("I.4")]: "=2+3" };

let dir = "";
const files: Record<string, string> = {};

function fill(out: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, out);
  execFileSync(PY, [
    join(SCRIPTS, "fill_openpyxl.py"),
    files.template,
    path,
    JSON.stringify({ cells: CELLS, formulas: FORMULAS, ...extra }),
  ]);
  return path;
}

function read(path: string): Inspection {
  const r = inspectFile(new Uint8Array(readFileSync(path)), form);
  if (!r.ok) throw new Error(`${path}: ${r.reason} ${r.detail}`);
  return r;
}

function expectWritten(r: Inspection, i4: "uncomputed" | "computed"): void {
  for (const [name, v] of Object.entries(CELLS)) {
    const got = r.values.get(name);
    expect({ name, got }).toEqual({
      name,
      got: typeof v === "number" ? { type: "number", value: v } : { type: "text", text: v },
    });
  }
  expect(r.values.get(N("I.4"))).toEqual(
    i4 === "uncomputed" ? { type: "uncomputed", formula: "2+3" } : { type: "number", value: 5 }
  );
  expect(r.values.get(F("unit"))).toEqual({ type: "text", text: "Xã Cao Xá" });
  expect(r.metaUnitCode).toBe("XA-CAO-XA");
  expect(r.values.get(N("I.5"))).toEqual({ type: "blank" });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bdg-interop-"));
  files.template = join(dir, "template.xlsx");
  writeFileSync(files.template, await writeTemplate(form, { unitCode: "XA-CAO-XA" }));
  if (!canOpenpyxl) return;
  files.openpyxl = fill("openpyxl.xlsx");
  files.codeOnly = fill("code-only.xlsx", { dropNames: true, dropMeta: true });
  if (!canUno) return;
  const pos = templatePositions(form);
  const above = 2; // rows inserted above the table (after row 3)
  const insideAt = pos.rows["I.3"] - 1 + above; // 0-based index of I.3's row after the first insertion
  files.loResaved = join(dir, "lo-resaved.xlsx");
  files.loEdited = join(dir, "lo-edited.xlsx");
  const jobs = [
    { in: files.openpyxl, out: files.loResaved },
    {
      in: files.openpyxl,
      out: files.loEdited,
      insertRows: [
        [3, above],
        [insideAt, 1],
      ],
      rename: ["Báo cáo", "BC xã Cao Xá"],
    },
  ];
  writeFileSync(join(dir, "jobs.json"), JSON.stringify(jobs));
  execFileSync(PY, [join(SCRIPTS, "lo_edit.py"), join(dir, "lo-profile"), join(dir, "jobs.json")], {
    stdio: "inherit",
    timeout: 240_000,
  });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("our template as written", () => {
  it("reads back blank, with the pre-filled unit and every name found by name", () => {
    const r = read(files.template);
    expect(r.via).toBe("name");
    expect(r.cells.size).toBe(form.names.length);
    expect(r.issues.filter((i) => i.rule.startsWith("reader."))).toEqual([]);
    expect(r.metaUnitCode).toBe("XA-CAO-XA");
    const pos = templatePositions(form);
    for (const n of form.names) expect(r.cells.get(n)?.address).toBe(`'Báo cáo'!${pos.cells[n]}`);
  });
});

d("filled by openpyxl", () => {
  it("reads every value written, and the formula without a cached value as not computed", () => {
    const r = read(files.openpyxl);
    expect(r.via).toBe("name");
    expectWritten(r, "uncomputed");
    const ev = evaluateReport(form, r.values);
    expect(ev.numbers.get(N("I.3"))).toBe(1234);
    expect(ev.issues.some((i) => i.cell === N("I.4") && /chưa được tính/.test(i.message.vi))).toBe(true);
    expect(ev.issues.some((i) => i.cell === N("II.2", "female") && i.severity === "error")).toBe(true);
  });

  it("finds the values by the code column when names and metadata were removed", () => {
    const r = read(files.codeOnly);
    expect(r.via).toBe("code");
    for (const [name, v] of Object.entries(CELLS)) {
      expect({ name, got: r.values.get(name) }).toEqual({
        name,
        got: typeof v === "number" ? { type: "number", value: v } : { type: "text", text: v },
      });
    }
    expect(r.values.get(F("unit"))).toEqual({ type: "text", text: "Xã Cao Xá" });
    expect(r.metaUnitCode).toBeNull();
  });
});

dl("re-saved and edited by LibreOffice", () => {
  it("reads a LibreOffice re-save (meta sheet now hidden, formulas computed)", () => {
    const r = read(files.loResaved);
    expect(r.via).toBe("name");
    expectWritten(r, "computed");
    const all = readAllSheets(new Uint8Array(readFileSync(files.loResaved)));
    expect(all.ok && all.sheets.get("_BDG_META")?.state).toMatch(/^(hidden|veryHidden)$/);
  });

  it("follows names after rows were inserted above and inside the table and the sheet renamed", () => {
    const r = read(files.loEdited);
    expect(r.sheetName).toBe("BC xã Cao Xá");
    expect(r.via).toBe("name");
    expectWritten(r, "computed");
    const pos = templatePositions(form);
    const row = (a: string): number => Number(/(\d+)$/.exec(a)![1]);
    expect(row(r.cells.get(N("I.1"))!.address)).toBe(row(pos.cells[N("I.1")]) + 2);
    expect(row(r.cells.get(N("I.3"))!.address)).toBe(row(pos.cells[N("I.3")]) + 3);
    expect(r.cells.get(N("I.3"))!.address.startsWith("'BC xã Cao Xá'!")).toBe(true);
  });
});
