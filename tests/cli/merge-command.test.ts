import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { expandInputs, segmentRegex } from "../../src/cli/inputs";
import { builtInForm } from "../../src/form/resolve";
import { buildTemplate } from "../../src/layout/template";
import type { MergeReportJson } from "../../src/merge";
import { inspectFile } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { writeReturn } from "../helpers/sample-returns";

jest.setTimeout(120_000);
const form = builtInForm();
const unit = (code: string) => form.units.find((u) => u.code === code) ?? form.units[0];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bdg-merge-cli-"));
  mkdirSync(join(dir, "in", "sub"), { recursive: true });
  const put = (name: string, bytes: Uint8Array | string, t: number): void => {
    writeFileSync(join(dir, "in", name), bytes);
    utimesSync(join(dir, "in", name), new Date(t), new Date(t));
  };
  const T = Date.UTC(2019, 10, 25);
  put("a.xlsx", await writeReturn(form, { unit: unit("XA-CAO-XA"), seed: 1, date: "2019-11-25" }), T);
  put(
    "b.xlsx",
    await writeReturn(form, { unit: unit("HND"), seed: 2, date: "2019-12-05", textNumbers: true }),
    T
  );
  put(
    "sub/c.xlsx",
    await writeReturn(form, { unit: unit("XA-CAO-XA"), seed: 3, date: "2019-11-20" }),
    T + 5000
  );
  put("empty.xlsx", "", T);
  put("junk.xlsx", "<html>not a workbook</html>", T);
  put("notes.txt", "ignored: not a spreadsheet extension", T);
  // Another form: the metadata says BDG-2020.
  const other = buildTemplate(form, { unitCode: "HCCB" }).model;
  const meta = other.sheets.find((s) => s.name === "_BDG_META");
  const idCell = meta?.cells.find((c) => c.address === "B1");
  if (idCell) idCell.value = "BDG-2020";
  put("other-form.xlsx", await writeWorkbook(other), T);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("merges a directory with hostile files mixed in; every file gets a verdict; JSON report", async () => {
  const io = memoryIo();
  const out = join(dir, "out.xlsx");
  const json = join(dir, "out.json");
  const code = await main(
    ["merge", join(dir, "in"), "--out", out, "--json", json, "--date", "2019-12-10"],
    io
  );
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
  expect(j.form).toEqual({ id: "BDG-2019", version: "1" });
  const byName = Object.fromEntries(j.files.map((f) => [f.file.split("/").pop(), f]));
  expect(Object.keys(byName).sort()).toEqual([
    "a.xlsx",
    "b.xlsx",
    "c.xlsx",
    "empty.xlsx",
    "junk.xlsx",
    "other-form.xlsx",
  ]);
  expect(byName["a.xlsx"]).toMatchObject({ verdict: "accepted", unit: "XA-CAO-XA" });
  expect(byName["c.xlsx"]).toMatchObject({
    verdict: "superseded",
    unit: "XA-CAO-XA",
    reason: "olderReportDate",
  });
  expect(byName["b.xlsx"]).toMatchObject({ verdict: "accepted", unit: "HND" });
  expect(byName["b.xlsx"].warnings).toBeGreaterThan(0);
  expect(byName["empty.xlsx"]).toMatchObject({ verdict: "rejected", reason: "empty" });
  expect(byName["junk.xlsx"]).toMatchObject({ verdict: "rejected", reason: "notSpreadsheet" });
  expect(byName["other-form.xlsx"]).toMatchObject({ verdict: "rejected", reason: "otherForm" });
  expect(j.units.find((u) => u.code === "HND")).toMatchObject({ status: "late" });
  expect(j.units.filter((u) => u.status === "missing")).toHaveLength(form.units.length - 2);
  expect(typeof j.totals[form.byCode.get("I.1")?.cells[0].name ?? ""]).toBe("number");
  expect(io.out()).toContain("TÌNH HÌNH NỘP BÁO CÁO");
  expect(io.out()).toContain("Hội Nông dân huyện");
  // The summary is a report of the collector.
  const read = inspectFile(new Uint8Array(readFileSync(out)), form);
  expect(read.ok && read.metaKind === "summary").toBe(true);
});

test("globs expand; --out inside an input directory is skipped on a re-run", async () => {
  const io = memoryIo();
  const out = join(dir, "in", "tong-hop.xlsx");
  expect(await main(["merge", join(dir, "in", "*.xlsx"), "--out", out, "--quiet"], io)).toBe(0);
  expect(existsSync(out)).toBe(true);
  const io2 = memoryIo();
  const json = join(dir, "rerun.json");
  expect(await main(["merge", join(dir, "in"), "--out", out, "--json", json, "--quiet"], io2)).toBe(0);
  const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
  expect(j.files.some((f) => f.file.endsWith("tong-hop.xlsx"))).toBe(false);
  rmSync(out);
});

test("refuses --out equal to an input, a missing input, a missing --out", async () => {
  const a = join(dir, "in", "a.xlsx");
  const before = readFileSync(a);
  const io = memoryIo();
  expect(await main(["merge", a, join(dir, "in", "b.xlsx"), "--out", a], io)).toBe(2);
  expect(io.err()).toContain("không ghi đè tệp nguồn");
  expect(readFileSync(a).equals(before)).toBe(true);
  const io2 = memoryIo();
  expect(await main(["merge", join(dir, "nope.xlsx"), "--out", join(dir, "x.xlsx")], io2)).toBe(2);
  expect(io2.err()).toContain("không tìm thấy");
  const io3 = memoryIo();
  expect(await main(["merge", a], io3)).toBe(2);
});

test("--units replaces the registry (CSV), --exclude-errors is passed through", async () => {
  const csv = join(dir, "units.csv");
  writeFileSync(csv, "code,name,kind\nXA-CAO-XA,Xã Cao Xá,commune\nHND,Hội Nông dân huyện,body\n");
  const json = join(dir, "u.json");
  const io = memoryIo();
  expect(
    await main(
      [
        "merge",
        join(dir, "in", "a.xlsx"),
        join(dir, "in", "b.xlsx"),
        "--units",
        csv,
        "--exclude-errors",
        "--out",
        join(dir, "u.xlsx"),
        "--json",
        json,
        "--quiet",
      ],
      io
    )
  ).toBe(0);
  const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
  expect(j.units.map((u) => [u.code, u.status])).toEqual([
    ["XA-CAO-XA", "submitted"],
    ["HND", "late"],
  ]);
  expect(j.options.excludeUnitsWithErrors).toBe(true);
  expect(j.rates.all.reportingRate).toBe(1);
});

test("glob segments: * and ? only within a segment", () => {
  expect(segmentRegex("*.xlsx").test("a.xlsx")).toBe(true);
  expect(segmentRegex("?.xlsx").test("ab.xlsx")).toBe(false);
  expect(segmentRegex("a(1)+.xlsx").test("a(1)+.xlsx")).toBe(true);
  const { files } = expandInputs([join(dir, "in", "s*", "*.xlsx")]);
  expect(files.map((f) => f.name.split("/").pop())).toEqual(["c.xlsx"]);
});

test("the summary's own header (preparer, head) is filled from the options, so the level above sees no header error", async () => {
  const io = memoryIo();
  const out = join(dir, "signed.xlsx");
  const code = await main(
    [
      "merge",
      join(dir, "in", "a.xlsx"),
      "--out",
      out,
      "--quiet",
      "--date",
      "2019-12-10",
      "--preparer",
      "Lê Thị Hoa",
      "--head",
      "Nguyễn Văn Nam",
      "--phone",
      "0204 3878 123",
    ],
    io
  );
  expect(code).toBe(0);
  const read = inspectFile(new Uint8Array(readFileSync(out)), form);
  if (!read.ok) throw new Error(read.reason);
  const text = (key: string): unknown => {
    const f = form.fields.find((x) => x.key === key);
    const v = f && read.values.get(f.name);
    return v && v.type === "text" ? v.text : v;
  };
  expect(text("preparer")).toBe("Lê Thị Hoa");
  expect(text("head")).toBe("Nguyễn Văn Nam");
  expect(text("phone")).toBe("0204 3878 123");
});

describe("--prefer: the officer's choice for a unit that sent several files", () => {
  const T = Date.UTC(2019, 10, 25);
  const unitTotal = (j: MergeReportJson): number => j.totals[form.byCode.get("I.1")?.cells[0].name ?? ""];

  test("the preferred file wins over the later report date; the other says officerChoice", async () => {
    const a = join(dir, "in", "a.xlsx"); // XA-CAO-XA, 2019-11-25 (the default winner)
    const c = join(dir, "in", "sub", "c.xlsx"); // XA-CAO-XA, 2019-11-20
    const jsonDefault = join(dir, "p0.json");
    await main(["merge", a, c, "--out", join(dir, "p0.xlsx"), "--json", jsonDefault, "--quiet"], memoryIo());
    const io = memoryIo();
    const json = join(dir, "p1.json");
    const code = await main(
      ["merge", join(dir, "in"), "--prefer", c, "--out", join(dir, "p1.xlsx"), "--json", json],
      io
    );
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson & {
      preferred: { unit: string; file: string }[];
    };
    const byName = Object.fromEntries(j.files.map((f) => [f.file.split("/").pop(), f]));
    expect(byName["c.xlsx"]).toMatchObject({ verdict: "accepted", unit: "XA-CAO-XA" });
    expect(byName["a.xlsx"]).toMatchObject({
      verdict: "superseded",
      reason: "officerChoice",
      supersededBy: expect.stringContaining("c.xlsx"),
    });
    expect(byName["a.xlsx"].message).toContain("đã chọn tệp");
    expect(j.units.find((u) => u.code === "XA-CAO-XA")).toMatchObject({
      file: expect.stringContaining("c.xlsx"),
      reportDate: "2019-11-20",
    });
    expect(j.preferred).toEqual([{ unit: "XA-CAO-XA", file: expect.stringContaining("c.xlsx") }]);
    // Neither file is summed twice: the totals change from a's values to c's, not a + c.
    const d = JSON.parse(readFileSync(jsonDefault, "utf8")) as MergeReportJson;
    expect(unitTotal(j)).not.toBe(unitTotal(d));
    expect(io.out()).toContain("Theo lựa chọn của cán bộ");
    expect(io.out()).toContain('Xã Cao Xá dùng tệp / uses "c.xlsx"');
    expect(io.out()).toMatch(/THAY THẾ\s+a\.xlsx: Không dùng: đã chọn tệp/);
  });

  test("a relative --prefer path names the same input; naming it twice is harmless", async () => {
    const json = join(dir, "p2.json");
    const rel = join("in", "sub", "c.xlsx");
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const io = memoryIo();
      const code = await main(
        [
          "merge",
          "in",
          "--prefer",
          rel,
          "--prefer",
          `./${rel}`,
          "--out",
          "p2.xlsx",
          "--json",
          json,
          "--quiet",
        ],
        io
      );
      expect(io.err()).toBe("");
      expect(code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const j = JSON.parse(readFileSync(json, "utf8")) as MergeReportJson;
    expect(j.files.find((f) => f.file.endsWith("a.xlsx"))).toMatchObject({ reason: "officerChoice" });
  });

  test("refused before writing anything: not an input, not an accepted report, two files of one unit", async () => {
    const out = join(dir, "never.xlsx");
    const json = join(dir, "never.json");
    const run = async (...extra: string[]) => {
      const io = memoryIo();
      const code = await main(["merge", join(dir, "in"), "--out", out, "--json", json, ...extra], io);
      return { code, err: io.err(), out: io.out() };
    };
    const outside = join(dir, "outside.xlsx");
    writeFileSync(outside, await writeReturn(form, { unit: unit("HND"), seed: 7, date: "2019-11-25" }));
    utimesSync(outside, new Date(T), new Date(T));

    let r = await run("--prefer", outside);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Lỗi: tệp --prefer "${outside}" không nằm trong các tệp cần tổng hợp`);
    expect(r.err).toContain("Error: --prefer");

    r = await run("--prefer", join(dir, "nope.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("không nằm trong các tệp cần tổng hợp");

    r = await run("--prefer", join(dir, "in", "junk.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải là báo cáo được nhận nên không thể chọn");

    r = await run("--prefer", join(dir, "in", "other-form.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("BDG-2020");

    const twin = join(dir, "in", "sub", "a-copy.xlsx");
    writeFileSync(twin, await writeReturn(form, { unit: unit("XA-CAO-XA"), seed: 8, date: "2019-11-21" }));
    try {
      r = await run("--prefer", join(dir, "in", "a.xlsx"), "--prefer", twin);
      expect(r.code).toBe(2);
      expect(r.err).toContain("hai tệp --prefer cùng là báo cáo của Xã Cao Xá");
    } finally {
      rmSync(twin);
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("the help names --prefer in Vietnamese and English", async () => {
    const io = memoryIo();
    expect(await main(["merge", "--help"], io)).toBe(0);
    expect(io.out()).toContain("--prefer TỆP");
    expect(io.out()).toContain("lựa chọn của cán bộ");
    expect(io.out()).toContain("the officer's choice");
  });
});

test("--out inside an input folder never overwrites a returned report; a previous summary of ours is replaced", async () => {
  const folder = join(dir, "out-in-input");
  mkdirSync(folder, { recursive: true });
  const report = join(folder, "caoxa.xlsx");
  writeFileSync(report, readFileSync(join(dir, "in", "a.xlsx")));
  const before = readFileSync(report);
  const io = memoryIo();
  const code = await main(["merge", folder, "--out", report, "--quiet"], io);
  expect(code).toBe(2);
  expect(io.err()).toMatch(/không ghi đè/);
  expect(readFileSync(report).equals(before)).toBe(true);
  // Our own summary in the same folder: written, then replaced on the next run (not merged).
  const out = join(folder, "tong-hop.xlsx");
  expect(await main(["merge", folder, "--out", out, "--quiet"], memoryIo())).toBe(0);
  const again = memoryIo();
  expect(
    await main(["merge", folder, "--out", out, "--quiet", "--json", join(folder, "r.json")], again)
  ).toBe(0);
  expect(again.err()).toBe("");
  // A JSON path that holds something else is refused too.
  const notes = join(folder, "notes.json");
  writeFileSync(notes, '{"mine": true}');
  expect(await main(["merge", folder, "--out", out, "--quiet", "--json", notes], memoryIo())).toBe(2);
  expect(readFileSync(notes, "utf8")).toBe('{"mine": true}');
});

test("creates the folders of --out and --json when they do not exist", async () => {
  const out = join(dir, "new", "deep", "tong-hop.xlsx");
  const json = join(dir, "new", "other", "r.json");
  expect(
    await main(["merge", join(dir, "in", "a.xlsx"), "--out", out, "--json", json, "--quiet"], memoryIo())
  ).toBe(0);
  expect(existsSync(out) && existsSync(json)).toBe(true);
});
