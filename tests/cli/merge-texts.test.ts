/**
 * Texts from returned files in the summary, from a hostile-input run of `merge`:
 * - U+FFFE / U+FFFF and the other characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone
 *   surrogates) in a narrative, as a character reference, as raw bytes or as OOXML's `_xHHHH_`
 *   escape, were written raw into the summary's shared strings: openpyxl, expat and lxml refused
 *   the file. Now every part parses strictly (checked with Python's expat and openpyxl), the
 *   characters show as U+FFFD and a note says whose text was changed.
 * - A 10 MB narrative was copied whole into the summary: now cut at Excel's 32,767 characters
 *   with a visible marker, and a note names the unit and the indicator (status sheet and JSON).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtInForm, nameOf } from "../../src/form/resolve";
import type { MergeReportJson } from "../../src/merge";
import { CELL_TEXT_LIMIT, CUT_MARKER } from "../../src/workbook/cell-text";
import { readAllSheets } from "../helpers/read-all-sheets";
import { missing } from "../external-tools";
import { strictXmlProblems } from "../helpers/strict-xml";
import { goodReport } from "../xlsx/hostile-files";
import { expectBounded, runCli } from "./support/run-cli";

jest.setTimeout(60_000);
const form = builtInForm();
const VI = (code: string): string => nameOf(form, code, "value");
const UNIT = form.fieldByKey.get("unit")!.name;

/** A report of `unit` (code, name) whose shared strings get `patch` applied to their XML. */
function report(
  code: string,
  name: string,
  texts: Record<string, string>,
  patch = (x: string) => x
): Uint8Array {
  const files = unzipSync(goodReport(form, { [UNIT]: name, ...texts }, { meta: { unitCode: code } }));
  files["xl/sharedStrings.xml"] = strToU8(patch(strFromU8(files["xl/sharedStrings.xml"])));
  return zipSync(files as Zippable, { level: 6 });
}

// eslint-disable-next-line no-control-regex -- looking for the forbidden characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** 10 MB of UTF-8: 582,542 times "Phương hướng " (18 bytes, 13 characters). */
const TEN_MB = "Phương hướng ".repeat(Math.floor((10 * 1048576) / 18));

let dir = "";
const at = (...p: string[]): string => join(dir, ...p);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-merge-texts-"));
  mkdirSync(at("in"));
  // Raw bytes EF BF BE (U+FFFE) in the part, and a character reference &#xFFFF;.
  writeFileSync(
    at("in", "cao-xa.xlsx"),
    report(
      "XA-CAO-XA",
      "Xã Cao Xá",
      { [VI("VI.1")]: "Kết quả\ufffe tốt", [VI("VI.2")]: "Hạn chế @@FFFF@@" },
      (x) => x.replace("@@FFFF@@", "&#xFFFF;")
    )
  );
  // OOXML escapes of a C0 control and of a lone surrogate, and a raw C0 byte.
  writeFileSync(
    at("in", "viet-lap.xlsx"),
    report("XA-VIET-LAP", "Xã Việt Lập", { [VI("VI.1")]: "a_x0001_b_xD800_c\u0002d" })
  );
  // A 10 MB narrative.
  writeFileSync(at("in", "ngoc-chau.xlsx"), report("XA-NGOC-CHAU", "Xã Ngọc Châu", { [VI("VI.3")]: TEN_MB }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The narrative sheet's cells (via the reader), by address. */
function narratives(bytes: Uint8Array): Map<string, string> {
  const all = readAllSheets(bytes);
  if (!all.ok) throw new Error(all.reason);
  const sheet = all.sheets.get("Ý kiến, kiến nghị")!;
  return new Map([...sheet.cells].map(([a, v]) => [a, v.type === "text" ? v.text : ""]));
}

describe("the summary of reports holding characters XML forbids", () => {
  let summary: Uint8Array;
  let json: MergeReportJson;
  let out = "";
  beforeAll(async () => {
    const io = memoryIo();
    const files = [at("in", "cao-xa.xlsx"), at("in", "viet-lap.xlsx")];
    expect(await main(["merge", ...files, "--out", at("s1.xlsx"), "--json", at("s1.json")], io)).toBe(0);
    summary = readFileSync(at("s1.xlsx"));
    json = JSON.parse(readFileSync(at("s1.json"), "utf8")) as MergeReportJson;
    out = io.out();
  });

  test("every part is well-formed for expat and openpyxl", () => {
    if (missing("strict XML check of the summary", "openpyxl")) return;
    expect(strictXmlProblems([summary])).toEqual([[]]);
  });

  test("no forbidden character is written; each shows as U+FFFD where it was", () => {
    const parts = unzipSync(summary);
    for (const [name, bytes] of Object.entries(parts))
      expect({ name, bad: FORBIDDEN.test(strFromU8(bytes)) }).toEqual({ name, bad: false });
    const texts = [...narratives(summary).values()];
    expect(texts).toContain("Kết quả\ufffd tốt");
    expect(texts).toContain("Hạn chế \ufffd");
    expect(texts).toContain("a\ufffdb\ufffdc\ufffdd");
  });

  test("a note on the status sheet, in the JSON and on the terminal says whose text was changed", () => {
    const expected =
      'Có ký tự không ghi được vào tệp Excel (ký tự điều khiển, U+FFFE, U+FFFF hoặc nửa cặp mã UTF-16) trong văn bản của Xã Cao Xá (mục VI.1: 1 ký tự); Xã Cao Xá (mục VI.2: 1 ký tự); Xã Việt Lập (mục VI.1: 3 ký tự): đã thay bằng "\ufffd"; xem bản gốc trong tệp của đơn vị.';
    expect(json.notes).toContain(expected);
    expect(out).toContain(`Ghi chú: ${expected}`);
    const all = readAllSheets(summary);
    if (!all.ok) throw new Error(all.reason);
    const status = [...all.sheets.get("Tình hình nộp báo cáo")!.cells.values()];
    expect(status).toContainEqual({ type: "text", text: expected });
  });
});

describe("a 10 MB narrative", () => {
  test("is cut at 32,767 characters with a marker; a note names the unit and the indicator", async () => {
    const io = memoryIo();
    const file = at("in", "ngoc-chau.xlsx");
    expect(await main(["merge", file, "--out", at("s2.xlsx"), "--json", at("s2.json")], io)).toBe(0);
    const summary = readFileSync(at("s2.xlsx"));
    const long = [...narratives(summary).values()].find((t) => t.startsWith("Phương hướng"))!;
    expect(long).toHaveLength(CELL_TEXT_LIMIT);
    expect(long.endsWith(CUT_MARKER)).toBe(true);
    const json = JSON.parse(readFileSync(at("s2.json"), "utf8")) as MergeReportJson;
    expect(json.notes).toContain(
      'Nội dung mục VI.3 của Xã Ngọc Châu dài 7.573.046 ký tự, quá giới hạn 32.767 ký tự của một ô Excel: chỉ ghi phần đầu, cuối ô có dấu "[…] (đã cắt bớt)"; xem toàn văn trong tệp của đơn vị.'
    );
    if (!missing("strict XML check of the summary", "openpyxl"))
      expect(strictXmlProblems([summary])).toEqual([[]]);
  });

  test("the merge of it stays within 5 s and 300 MB", () => {
    const r = runCli(["merge", at("in"), "--out", at("s3.xlsx"), "--quiet"]);
    expectBounded(r);
    expect(r.code).toBe(0);
    process.stdout.write(`merge with a 10 MB narrative: ${r.ms} ms, ${Math.round(r.maxRssMb)} MB\n`);
  });
});
