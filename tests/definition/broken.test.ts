/**
 * A broken definition workbook is refused, each problem named by its sheet, row and column as the
 * officer sees them. The broken workbooks are made the way an officer makes them: the written
 * BDG-2019 definition edited with openpyxl (scripts/edit_definition.py, one Python process for
 * every case), and a few edited directly in the sheet model (no external program).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { problemText } from "../../src/definition/read";
import { definitionModel } from "../../src/definition/write";
import { builtInForm } from "../../src/form/resolve";
import { readDefinitionFile, type DefinitionFile } from "../../src/xlsx/definition-file";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { missing } from "../external-tools";
import { editModel, editWithOpenpyxl, tempDir, writeDefinitionFile, type OpenpyxlOp } from "./tools";

const def = builtInForm().definition;
/** The row of an indicator, a rule on their sheets (header on row 1). */
const indicatorRow = (code: string): number => def.indicators.findIndex((i) => i.code === code) + 2;
const ruleRow = (id: string): number => def.rules.findIndex((r) => r.id === id) + 2;
const lastRuleRow = def.rules.length + 1;

/** Every problem as its Vietnamese line. */
function lines(read: DefinitionFile): string[] {
  if (read.ok) throw new Error("the definition was accepted");
  return read.problems.map((p) => problemText(p).vi);
}

const CASES: { name: string; ops: OpenpyxlOp[]; expected: string[] }[] = [
  {
    name: "wrong kind",
    ops: [{ op: "set", sheet: "Chỉ tiêu", cells: { [`F${indicatorRow("I.3")}`]: "so luong" } }],
    expected: [
      `Chỉ tiêu, dòng ${indicatorRow("I.3")}, cột Loại: 'so luong' không phải là loại hợp lệ — chọn count, amount, tf, text, computed`,
    ],
  },
  {
    name: "unknown indicator in a rule's settings",
    ops: [
      {
        op: "set",
        sheet: "Quy tắc",
        cells: { [`F${ruleRow("part.II.3-le-II.2")}`]: "part=II.9; whole=II.2" },
      },
    ],
    expected: [
      `Quy tắc, dòng ${ruleRow("part.II.3-le-II.2")}, cột Biểu thức / tham số: chỉ tiêu II.9 không tồn tại`,
    ],
  },
  {
    name: "unknown indicator in a compare rule",
    ops: [
      {
        op: "appendRow",
        sheet: "Quy tắc",
        values: [
          "cmp.online",
          "compare",
          "error",
          "Tập huấn trực tuyến ≤ tập huấn",
          "Online ≤ all",
          "II.9.T <= II.2.T",
        ],
      },
    ],
    expected: [
      `Quy tắc, dòng ${lastRuleRow + 1}, cột Biểu thức / tham số: biểu thức "II.9.T <= II.2.T", ký tự 1 (tại "II.9.T <= II.…"): chỉ tiêu II.9 không có trong biểu mẫu`,
    ],
  },
  {
    name: "duplicate indicator code",
    ops: [{ op: "set", sheet: "Chỉ tiêu", cells: { [`A${indicatorRow("I.4")}`]: "I.3" } }],
    expected: [`Chỉ tiêu, dòng ${indicatorRow("I.4")}, cột Mã chỉ tiêu: mã chỉ tiêu trùng lặp: I.3`],
  },
  {
    name: "a compare rule that does not parse",
    ops: [
      {
        op: "appendRow",
        sheet: "Quy tắc",
        values: ["cmp.tap-huan", "compare", "warning", "Số học viên", "Trainees", "II.3.T + <= II.2.T"],
      },
    ],
    expected: [
      `Quy tắc, dòng ${lastRuleRow + 1}, cột Biểu thức / tham số: biểu thức "II.3.T + <= II.2.T", ký tự 10 (tại "<= II.2.T"): thiếu chỉ tiêu hoặc số`,
    ],
  },
  {
    name: "settings that are not name=value",
    ops: [
      {
        op: "set",
        sheet: "Quy tắc",
        cells: { [`F${ruleRow("part.II.3-le-II.2")}`]: "part II.3, whole II.2" },
      },
    ],
    expected: [
      `Quy tắc, dòng ${ruleRow("part.II.3-le-II.2")}, cột Biểu thức / tham số: "part II.3, whole II.2": cần dạng tên=giá trị với tên là part, whole`,
    ],
  },
  {
    name: "a formula written by a program, never computed",
    ops: [{ op: "set", sheet: "Thông tin", cells: { C6: "=2019+7" } }],
    expected: [
      'Thông tin, dòng 6, cột Năm báo cáo: công thức "=2019+7" chưa được tính (tệp do chương trình ghi): hãy nhập giá trị',
    ],
  },
  {
    name: "a missing sheet",
    ops: [{ op: "deleteSheet", sheet: "Đơn vị" }],
    expected: ["Đơn vị: thiếu trang này"],
  },
  {
    name: "a deadline that is not a date",
    ops: [{ op: "set", sheet: "Thông tin", cells: { C9: "cuối tháng 12" } }],
    expected: [`Thông tin, dòng 9, cột Hạn gửi báo cáo: "cuối tháng 12" không phải là ngày (ngày/tháng/năm)`],
  },
  {
    name: "a Có/Không typo",
    ops: [{ op: "set", sheet: "Trường thông tin", cells: { D3: "Cóo" } }],
    expected: [`Trường thông tin, dòng 3, cột Bắt buộc: "Cóo" phải là Có hoặc Không`],
  },
  {
    name: "several problems on several sheets, all named at once, in sheet order",
    ops: [
      { op: "set", sheet: "Trường thông tin", cells: { D3: "co'" } },
      { op: "set", sheet: "Thông tin", cells: { C9: "31/02/2019", C6: "hai nghìn" } },
      { op: "set", sheet: "Chỉ tiêu", cells: { [`F${indicatorRow("II.2")}`]: "so luong" } },
      { op: "set", sheet: "Đơn vị", cells: { A5: "xã sai mã" } },
    ],
    expected: [
      `Thông tin, dòng 6, cột Năm báo cáo: "hai nghìn" không phải là số`,
      `Thông tin, dòng 9, cột Hạn gửi báo cáo: "31/02/2019" không phải là ngày (ngày/tháng/năm)`,
      `Trường thông tin, dòng 3, cột Bắt buộc: "co'" phải là Có hoặc Không`,
      `Chỉ tiêu, dòng ${indicatorRow("II.2")}, cột Loại: 'so luong' không phải là loại hợp lệ — chọn count, amount, tf, text, computed`,
      `Đơn vị, dòng 5, cột Mã đơn vị: mã đơn vị: chữ in hoa, số, '-' (đã nhập "xã sai mã")`,
    ],
  },
];

const reason = missing("definition workbooks broken with openpyxl", "openpyxl");
const d = reason ? describe.skip : describe;

d("a definition workbook broken by an officer (openpyxl) is refused with sheet, row and column", () => {
  let dir = "";
  const read = new Map<string, DefinitionFile>();
  beforeAll(async () => {
    dir = tempDir("broken");
    const source = await writeDefinitionFile(def, join(dir, "BDG-2019.xlsx"));
    const jobs = CASES.map((c, i) => ({ in: source, out: join(dir, `case-${i}.xlsx`), ops: c.ops }));
    editWithOpenpyxl(dir, jobs);
    CASES.forEach((c, i) => read.set(c.name, readDefinitionFile(readFileSync(jobs[i].out))));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES.map((c) => [c.name, c]))("%s", (_name, c) => {
    expect(lines(read.get(c.name) as DefinitionFile)).toEqual(c.expected);
  });

  it("each problem carries its sheet, row and column as numbers too", () => {
    const r = read.get("wrong kind") as DefinitionFile;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({ sheet: "Chỉ tiêu", row: indicatorRow("I.3"), col: 6, column: "Loại" }),
    ]);
    expect(r.message.vi).toMatch(/^Định nghĩa biểu mẫu có 1 lỗi:\n- Chỉ tiêu, dòng \d+, cột Loại: /);
    expect(r.message.en).toContain(
      `Chỉ tiêu, row ${indicatorRow("I.3")}, column Loại: 'so luong' is not a valid kind`
    );
  });
});

describe("a definition edited in the sheet model", () => {
  const model = definitionModel(def);
  const read = async (m: typeof model): Promise<DefinitionFile> => readDefinitionFile(await writeWorkbook(m));

  it("reads cells as an officer types them: có / KHÔNG / x, a date as dd/mm/yyyy text, a number as text", async () => {
    const edited = editModel(
      editModel(model, "Thông tin", { C6: "2019", C9: "1/12/2019" }),
      "Trường thông tin",
      { D2: "có", D3: "x", D6: "KHÔNG", D7: "Co" }
    );
    const r = await read(edited);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.definition).toStrictEqual(def);
  });

  it("a blank required cell and an empty table", async () => {
    const noTitle = editModel(model, "Mục", { B3: null });
    expect(lines(await read(noTitle))).toEqual(["Mục, dòng 3, cột Tên mục: ô này bỏ trống, cần nhập"]);
    const empty = JSON.parse(JSON.stringify(model)) as typeof model;
    const units = empty.sheets.find((s) => s.name === "Đơn vị");
    if (units) units.cells = units.cells.filter((c) => /^[A-Z]+1$/.test(c.address));
    expect(lines(await read(empty))).toEqual(["Đơn vị: cần ít nhất một dòng"]);
  });

  it("a header field without the unit field", async () => {
    const rowOfUnit = def.fields.findIndex((f) => f.key === "unit") + 2;
    const r = await read(
      editModel(model, "Trường thông tin", {
        [`A${rowOfUnit}`]: null,
        [`B${rowOfUnit}`]: null,
        [`C${rowOfUnit}`]: null,
        [`D${rowOfUnit}`]: null,
      })
    );
    expect(lines(r)).toEqual(["Trường thông tin: thiếu trường đơn vị"]);
  });

  it("a code of the wrong shape says which shape, with what was typed", async () => {
    const edited = editModel(editModel(model, "Thông tin", { C6: 1800 }), "Quy tắc", { A2: "Kiểu" });
    expect(lines(await read(editModel(edited, "Giá trị tính", { A2: "V1pctf" })))).toEqual([
      "Thông tin, dòng 6, cột Năm báo cáo: 1800 nhỏ hơn 1900",
      'Giá trị tính, dòng 2, cột Mã: mã giá trị tính là mã chỉ tiêu rồi tên ngắn chữ thường (V.1.pctf) (đã nhập "V1pctf")',
      'Quy tắc, dòng 2, cột Mã quy tắc: mã quy tắc bắt đầu bằng chữ thường, rồi chữ, số, dấu . hoặc - (cmp.tap-huan) (đã nhập "Kiểu")',
    ]);
  });
});
