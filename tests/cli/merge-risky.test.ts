/**
 * The officer's risky cases through the merge command (the rules: tests/merge/plausibility.test.ts):
 * - another year's report (2018) was summed into the 2019 totals by default: now left out unless
 *   the officer chooses it with --prefer; the status sheet and the JSON say so;
 * - a draft dated 2100 superseded the real report: now it loses, whatever its file's time or name;
 * - a second report sheet, or a second table, in one workbook: only one is read, and the summary's
 *   notes (status sheet, JSON, terminal) name the other, from the inspection's warning.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtInForm } from "../../src/form/resolve";
import type { MergeReportJson } from "../../src/merge";
import { isoToSerial } from "../../src/validate/dates";
import { readAllSheets } from "../helpers/read-all-sheets";
import { goodReport } from "../xlsx/hostile-files";

jest.setTimeout(60_000);
const form = builtInForm();
const F = (k: string): string => form.fieldByKey.get(k)!.name;
const RETURNS = join(__dirname, "..", "fixtures", "returns");

let dir = "";
const at = (...p: string[]): string => join(dir, ...p);

async function merge(
  args: string[]
): Promise<{ code: number; json: MergeReportJson; out: string; status: string[] }> {
  const io = memoryIo();
  const out = at(`out-${Math.random().toString(36).slice(2)}.xlsx`);
  const json = `${out}.json`;
  const code = await main(["merge", ...args, "--out", out, "--json", json], io);
  const all = readAllSheets(readFileSync(out));
  if (!all.ok) throw new Error(all.reason);
  const status = [...all.sheets.get("Tình hình nộp báo cáo")!.cells.values()].map((v) =>
    v.type === "text" ? v.text : ""
  );
  return { code, json: JSON.parse(readFileSync(json, "utf8")) as MergeReportJson, out: io.out(), status };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-merge-risky-"));
  mkdirSync(at("years"));
  writeFileSync(
    at("years", "cao-xa.xlsx"),
    goodReport(form, { [F("year")]: 2018 }, { meta: { unitCode: "XA-CAO-XA" } })
  );
  writeFileSync(
    at("years", "viet-lap.xlsx"),
    goodReport(form, { [F("unit")]: "Xã Việt Lập" }, { meta: { unitCode: "XA-VIET-LAP" } })
  );
  mkdirSync(at("draft"));
  const real = at("draft", "a-bao-cao.xlsx");
  const draft = at("draft", "z-ban-nhap.xlsx");
  writeFileSync(real, goodReport(form, {}, { meta: { unitCode: "XA-CAO-XA" } }));
  writeFileSync(
    draft,
    goodReport(
      form,
      { [F("reportDate")]: isoToSerial("2100-01-01"), BDG_2019_I_1: 999 },
      { meta: { unitCode: "XA-CAO-XA" } }
    )
  );
  // The draft is the later file too (modified a day later; its name sorts last).
  utimesSync(real, new Date("2019-11-28T08:00:00Z"), new Date("2019-11-28T08:00:00Z"));
  utimesSync(draft, new Date("2019-11-29T08:00:00Z"), new Date("2019-11-29T08:00:00Z"));
  mkdirSync(at("sheets"));
  for (const f of ["sheet-copied-filled-copy-lo.xlsx", "second-report-below-lo.xlsx"])
    copyFileSync(join(RETURNS, f), at("sheets", f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("another year's report", () => {
  test("is left out of the totals by default; status sheet, JSON and terminal say so", async () => {
    const r = await merge([at("years")]);
    expect(r.code).toBe(0);
    expect(r.json.units.find((u) => u.code === "XA-CAO-XA")).toMatchObject({
      status: "submitted",
      excluded: true,
      exclusion: "otherYear",
      otherYear: 2018,
    });
    expect(r.json.totals.BDG_2019_I_1).toBe(5); // Xã Việt Lập only
    const label = "Đã nộp đúng hạn, có lỗi (1), báo cáo năm 2018, không đưa vào số tổng hợp";
    expect(r.status).toContain(label);
    const note = r.json.notes.find((n) => n.startsWith("Xã Cao Xá gửi báo cáo năm 2018"));
    expect(note).toContain(`--prefer "${at("years", "cao-xa.xlsx")}"`);
    expect(r.status).toContain(note);
    expect(r.out).toContain("báo cáo năm 2018");
  });

  test("--prefer that file includes it", async () => {
    const file = at("years", "cao-xa.xlsx");
    const r = await merge([at("years"), "--prefer", file]);
    expect(r.code).toBe(0);
    expect(r.json.units.find((u) => u.code === "XA-CAO-XA")).toMatchObject({
      excluded: false,
      otherYear: 2018,
    });
    expect(r.json.totals.BDG_2019_I_1).toBe(10);
    expect(r.json.notes).toContain(
      `Theo lựa chọn của cán bộ, tệp "${file}" của Xã Cao Xá (ghi năm 2018) được đưa vào số tổng hợp.`
    );
  });
});

test("a draft dated 2100 never supersedes the real report", async () => {
  const r = await merge([at("draft")]);
  const by = new Map(r.json.files.map((f) => [f.file.slice(at("draft").length + 1), f]));
  expect(by.get("a-bao-cao.xlsx")).toMatchObject({ verdict: "accepted", unit: "XA-CAO-XA" });
  expect(by.get("z-ban-nhap.xlsx")).toMatchObject({ verdict: "superseded", reason: "implausibleDate" });
  expect(r.json.totals.BDG_2019_I_1).toBe(5);
  expect(r.status.some((t) => t.startsWith("Không dùng: ngày báo cáo 01/01/2100 không thể đúng"))).toBe(true);
});

describe("a second report sheet or table in one workbook", () => {
  test("only one is read; the summary's notes name the other", async () => {
    const r = await merge([at("sheets")]);
    const copied = r.json.notes.find((n) => n.includes("sheet-copied-filled-copy-lo.xlsx"));
    expect(copied).toMatch(
      /^Phòng Nông nghiệp và PTNT \(tệp ".*sheet-copied-filled-copy-lo\.xlsx"\): Ngoài trang "Báo cáo", bảng tính còn trang "Báo cáo \(2\)" cũng giống báo cáo: chỉ đọc trang "Báo cáo"/
    );
    const below = r.json.notes.find((n) => n.includes("second-report-below-lo.xlsx"));
    expect(below).toMatch(
      /^Xã Phúc Hòa \(tệp ".*"\): Trang "Báo cáo" có thêm một bảng số liệu thứ hai \(mã số lặp lại từ dòng \d+\): chỉ đọc bảng đầu tiên/
    );
    expect(r.status).toContain(copied);
    expect(r.status).toContain(below);
    expect(r.out).toContain(`Ghi chú: ${below}`);
  });
});
