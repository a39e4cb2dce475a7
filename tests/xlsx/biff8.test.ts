/**
 * The .xls reader (src/xlsx/biff8.ts, cfb-stream.ts): values, names and sheets of BIFF8 files
 * built record by record, real files of other writers checked against what LibreOffice and
 * openpyxl read from them, and hostile containers and records (each refused quickly with a
 * reason, never a crash).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { builtInForm } from "../../src/form/resolve";
import type { CellValue } from "../../src/workbook/cell-value";
import { parseWorkbookStream, readXls, rkValue } from "../../src/xlsx/biff8";
import type { LoadedWorkbook } from "../../src/xlsx/loaded-workbook";
import { key } from "../../src/workbook/sheet-data";
import { OTHER_FORMATS } from "../../src/xlsx/other-formats";
import { DEFAULT_LIMITS, inspectFile } from "../../src/xlsx/reader";
import { ReportReject } from "../../src/xlsx/report-reject";
import {
  area3d,
  bof,
  boolErr,
  cfbWith,
  dateMode,
  eof,
  externSheet,
  filePass,
  formula,
  label,
  labelSst,
  mergeCells,
  mulRk,
  nameRec,
  numberCell,
  rec,
  ref3d,
  refErr3d,
  rkCell,
  sst,
  stringRec,
  supbookSelf,
  workbookStream,
  xlsFile,
  u32,
} from "./biff-fixture";

const CORPUS = join(__dirname, "..", "fixtures", "corpus");
const form = builtInForm();
const L = DEFAULT_LIMITS;

const cell = (wb: LoadedWorkbook, sheet: number, row: number, col: number): CellValue | undefined =>
  wb.sheets[sheet].data?.cells.get(key(row, col));

/** The reason an .xls is refused with (readXls throws ReportReject or CellCapError). */
function refusal(bytes: Uint8Array, limits = L): string {
  const r = inspectFile(bytes, form, { ...limits, formats: OTHER_FORMATS });
  if (r.ok) return "ok";
  try {
    readXls(bytes, limits);
  } catch (e) {
    if (!(e instanceof ReportReject) && (e as Error).name !== "CellCapError") throw e;
  }
  return r.reason;
}

describe("BIFF8 records", () => {
  const globals = [
    supbookSelf(2),
    externSheet([
      [0, 0, 0],
      [0, 1, 1],
      [0, 0xffff, 0xffff],
    ]),
    nameRec("Tổng_số", ref3d(0, 13, 3)),
    nameRec("Vùng", area3d(1, 0, 1, 0, 1)),
    nameRec("Riêng", ref3d(0, 0, 0), 1),
    nameRec("Hỏng", refErr3d(0)),
    nameRec("Xóa", ref3d(2, 0, 0)),
    nameRec("Hàm", [0x1e, 5, 0]),
    nameRec("\u0006", ref3d(0, 0, 0), 0, true), // Print_Area: built-in, skipped
    dateMode(true),
    sst(["Báo cáo", "", "Dòng một\nDòng hai"]),
  ];
  const wb = readXls(
    xlsFile(
      [
        {
          name: "Báo cáo",
          records: [
            labelSst(0, 0, 0),
            labelSst(0, 1, 1),
            labelSst(0, 2, 2),
            labelSst(0, 3, 99),
            numberCell(1, 0, 0.1),
            rkCell(1, 1, (1234 << 2) | 2),
            rkCell(1, 2, (1234 << 2) | 3),
            mulRk(2, 0, [(1 << 2) | 2, (-7 << 2) | 2, (5 << 2) | 3]),
            boolErr(3, 0, 1, false),
            boolErr(3, 1, 0x07, true),
            boolErr(3, 2, 0x2a, true),
            label(4, 0, "Nhãn"),
            formula(5, 0, 42.5),
            formula(5, 1, [0, 0]),
            stringRec("Kết quả"),
            formula(5, 2, [1, 1]),
            formula(5, 3, [2, 0x17]),
            formula(5, 4, [3, 0]),
            mergeCells([[6, 7, 2, 7]]),
            numberCell(6, 2, 7),
          ],
        },
        { name: "_BDG_META", state: 2, records: [labelSst(0, 0, 0)] },
        { name: "Biểu đồ", dt: 0x20, records: [] },
      ],
      globals
    ),
    L
  );

  it("reads sheets: names, visibility, chart sheets without cells", () => {
    expect(wb.format).toBe("xls");
    expect(wb.sheets.map((s) => [s.name, s.visible, s.data === null])).toEqual([
      ["Báo cáo", true, false],
      ["_BDG_META", false, false],
      ["Biểu đồ", true, true],
    ]);
    expect(wb.date1904).toBe(true);
  });

  it("reads shared strings, numbers, RK, MULRK, booleans, errors and labels", () => {
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "text", text: "Báo cáo" });
    expect(cell(wb, 0, 1, 2)).toBeUndefined(); // an empty string is a blank cell
    expect(cell(wb, 0, 1, 3)).toEqual({ type: "text", text: "Dòng một\nDòng hai" });
    expect(cell(wb, 0, 1, 4)).toEqual({ type: "error", code: "#REF!" }); // index past the table
    expect([1, 2, 3].map((c) => cell(wb, 0, 2, c))).toEqual([
      { type: "number", value: 0.1 },
      { type: "number", value: 1234 },
      { type: "number", value: 12.34 },
    ]);
    expect([1, 2, 3].map((c) => cell(wb, 0, 3, c))).toEqual([
      { type: "number", value: 1 },
      { type: "number", value: -7 },
      { type: "number", value: 0.05 },
    ]);
    expect([1, 2, 3].map((c) => cell(wb, 0, 4, c))).toEqual([
      { type: "boolean", value: true },
      { type: "error", code: "#DIV/0!" },
      { type: "error", code: "#N/A" },
    ]);
    expect(cell(wb, 0, 5, 1)).toEqual({ type: "text", text: "Nhãn" });
  });

  it("takes every formula's cached result (number, string from STRING, boolean, error, empty)", () => {
    expect([1, 2, 3, 4, 5].map((c) => cell(wb, 0, 6, c))).toEqual([
      { type: "number", value: 42.5 },
      { type: "text", text: "Kết quả" },
      { type: "boolean", value: true },
      { type: "error", code: "#REF!" },
      undefined,
    ]);
  });

  it("reads merged ranges 1-based", () => {
    expect(wb.sheets[0].data?.merges).toEqual([{ r1: 7, r2: 8, c1: 3, c2: 8 }]);
  });

  it("resolves names through EXTERNSHEET and SUPBOOK; broken ones are #REF!, built-in ones skipped", () => {
    expect(wb.names).toEqual([
      { name: "Tổng_số", ref: "'Báo cáo'!$D$14", localSheet: null },
      { name: "Vùng", ref: "_BDG_META!$A$1:$B$2", localSheet: null },
      { name: "Riêng", ref: "'Báo cáo'!$A$1", localSheet: 0 },
      { name: "Hỏng", ref: "#REF!", localSheet: null },
      { name: "Xóa", ref: "#REF!", localSheet: null },
      { name: "Hàm", ref: "=?", localSheet: null },
    ]);
  });

  it("decodes RK values", () => {
    expect(rkValue((123 << 2) | 2)).toBe(123);
    expect(rkValue((-1 << 2) | 2)).toBe(-1);
    expect(rkValue((12345 << 2) | 3)).toBe(123.45);
    expect(rkValue(0x3ff00000)).toBe(1); // top 30 bits of the double 1.0
    expect(rkValue(0x3ff00001)).toBe(0.01);
  });

  it("follows a string split over CONTINUE records, switching between 8-bit and 16-bit characters", () => {
    const text = "ab" + "Đ".repeat(3);
    // SST: "ab" compressed in the SST record, then a CONTINUE whose option byte says 16-bit
    const sstRec = rec(0x00fc, [...u32(1), ...u32(1), 5, 0, 0, 0x61, 0x62]);
    const cont = rec(0x003c, [
      1,
      ...[..."ĐĐĐ"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const stream = workbookStream([{ name: "S", records: [labelSst(0, 0, 0)] }], [sstRec, cont]);
    expect(cell(readXls(cfbWith("Workbook", stream), L), 0, 1, 1)).toEqual({ type: "text", text });
  });
});

describe("real .xls files (values as LibreOffice and openpyxl read them)", () => {
  const load = (f: string): LoadedWorkbook => readXls(new Uint8Array(readFileSync(join(CORPUS, f))), L);

  it("RkNumber.xls: RK integers and hundredths", () => {
    const wb = load("RkNumber.xls");
    expect(wb.sheets.map((s) => s.name)).toEqual(["RkNumber"]);
    expect([2, 3, 4, 5].map((r) => cell(wb, 0, r, 3))).toEqual([
      { type: "number", value: 10000000 },
      { type: "number", value: 1200455 },
      { type: "number", value: 0.01 },
      { type: "number", value: 12004.55 },
    ]);
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "text", text: "fX100" });
  });

  it("LONumbers.xls (LibreOffice): numbers, formula results, durations", () => {
    const wb = load("LONumbers.xls");
    const row = (r: number): (CellValue | undefined)[] => [2, 3, 4, 5, 10].map((c) => cell(wb, 0, r, c));
    const nums = (...v: number[]): CellValue[] => v.map((value) => ({ type: "number", value }));
    expect(row(1)).toEqual(nums(1, -1.2, 12.3, -12.34, 12345.6789));
    expect(row(2)).toEqual(nums(1, -1.2, 12.3, -12.34, 12345.6789)); // =B1… cached
    expect(cell(wb, 0, 20, 1)).toEqual({ type: "text", text: "HH[M]" });
    expect(cell(wb, 0, 20, 3)).toEqual({ type: "number", value: -1.2 });
  });

  it("defined_names_unicode.xls: Japanese sheet and name names, resolved", () => {
    const wb = load("defined_names_unicode.xls");
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "NoContainsJapanese",
      "日本語のみ",
      "sheet日本語",
      "日本語sheet",
      "sheet日本語sheet",
    ]);
    expect(new Map(wb.names.map((n) => [n.name, n.ref]))).toEqual(
      new Map([
        ["name日本語", "sheet日本語!$A$1"],
        ["name日本語name", "sheet日本語sheet!$B$2"],
        ["NoContainsJapaneseName", "日本語のみ!$A$1"],
        ["sheet日本語", "sheet日本語!$A$1"],
        ["日本語", "NoContainsJapanese!$A$1"],
        ["日本語name", "日本語sheet!$I$2"],
      ])
    );
    expect(cell(wb, 1, 1, 1)).toEqual({ type: "text", text: "NamedDefine" });
  });

  it("defined_names_simple.xls: a sheet-scoped name next to a workbook one", () => {
    const wb = load("defined_names_simple.xls");
    expect(wb.names).toEqual([
      { name: "SHEETjs", ref: "Sheet1!$A$2", localSheet: 0 },
      { name: "SheetJS", ref: "Sheet1!$A$1", localSheet: null },
    ]);
  });

  it("BlankSheetTypes.xls: chart, macro and dialog sheets have no cells", () => {
    const wb = load("BlankSheetTypes.xls");
    expect(wb.sheets.map((s) => [s.name, s.data === null])).toEqual([
      ["Sheet1", false],
      ["Chart1", true],
      ["Macro1", true],
      ["Dialog1", true],
    ]);
  });

  it("ErrorTypes.xls: error cells and error results keep their code", () => {
    const wb = load("ErrorTypes.xls");
    const codes = [...wb.sheets[0].data!.cells.values()]
      .filter((v) => v.type === "error")
      .map((v) => v.type === "error" && v.code);
    expect(new Set(codes)).toEqual(
      new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"])
    );
  });

  it("refuses the Excel 5.0/95 file with a message naming its version", () => {
    const r = inspectFile(
      new Uint8Array(readFileSync(join(CORPUS, "defined_names_unicode.biff5.xls"))),
      form,
      {
        formats: OTHER_FORMATS,
      }
    );
    expect(r.ok ? "ok" : r.reason).toBe("xls");
    if (!r.ok) expect(r.message.vi).toContain("Excel 5.0/95");
  });
});

describe("hostile .xls files", () => {
  const good = xlsFile([{ name: "S", records: [numberCell(0, 0, 1), numberCell(0, 1, 2)] }]);

  it("reads the well-formed base file", () => {
    expect(cell(readXls(good, L), 0, 1, 2)).toEqual({ type: "number", value: 2 });
  });

  it("calls a truncated container corrupt", () => {
    expect(refusal(good.subarray(0, 1600))).toBe("corrupt");
    expect(refusal(good.subarray(0, 600))).toBe("corrupt");
    expect(refusal(good.subarray(0, 513))).toBe("corrupt");
  });

  it("calls a FAT loop and a chain out of the file corrupt", () => {
    const stream = workbookStream([{ name: "S", records: [numberCell(0, 0, 1)] }]);
    expect(refusal(cfbWith("Workbook", stream, (fat) => (fat[4] = 3)))).toBe("corrupt");
    expect(refusal(cfbWith("Workbook", stream, (fat) => (fat[2] = 2)))).toBe("corrupt");
    expect(refusal(cfbWith("Workbook", stream, (fat) => (fat[3] = 100000)))).toBe("corrupt");
    expect(refusal(cfbWith("Workbook", stream, (fat) => (fat[3] = 0xfffffffe)))).toBe("corrupt"); // chain too short
  });

  it("reads an SST whose declared count is huge (the count only bounds the loop)", () => {
    const wb = readXls(
      xlsFile([{ name: "S", records: [labelSst(0, 0, 1)] }], [sst(["a", "b"], 0xffffffff)]),
      L
    );
    expect(cell(wb, 0, 1, 1)).toEqual({ type: "text", text: "b" });
  });

  it("calls a MULRK over column IV, or one whose columns do not match its values, corrupt", () => {
    expect(refusal(xlsFile([{ name: "S", records: [mulRk(0, 250, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])] }]))).toBe(
      "corrupt"
    );
    expect(refusal(xlsFile([{ name: "S", records: [mulRk(0, 0, [2, 2], 40000)] }]))).toBe("corrupt");
  });

  it("reads a file with a NAME whose formula is garbage (the name is just not a reference)", () => {
    const wb = readXls(
      xlsFile(
        [{ name: "S", records: [numberCell(0, 0, 1)] }],
        [
          nameRec("Rác", [0xff, 0x3a, 0x01]),
          nameRec("Cụt", ref3d(0, 0, 0).slice(0, 4)),
          rec(0x0018, [0, 0, 0, 200, 0, 0]), // a NAME record cut short
        ]
      ),
      L
    );
    expect(wb.names).toEqual([
      { name: "Rác", ref: "=?", localSheet: null },
      { name: "Cụt", ref: "=?", localSheet: null },
    ]);
  });

  it("calls a file with FILEPASS encrypted", () => {
    const r = inspectFile(xlsFile([{ name: "S", records: [] }], [filePass()]), form, {
      formats: OTHER_FORMATS,
    });
    expect(r.ok ? "ok" : r.reason).toBe("encrypted");
  });

  it("refuses BIFF5 and BIFF2–4 with the old-format message", () => {
    const biff5 = cfbWith("Workbook", new Uint8Array([...bof(0x0005, 0x0500), ...eof()]));
    expect(refusal(biff5)).toBe("xls");
    const biff4 = new Uint8Array([0x09, 0x04, 6, 0, 0, 0, 0x10, 0, 0, 0, 0x0a, 0, 0, 0]);
    const r = inspectFile(biff4, form, { formats: OTHER_FORMATS });
    expect(r.ok ? "ok" : [r.reason, r.message.vi.includes("Excel 2.x–4.0")]).toEqual(["xls", true]);
  });

  it("stops at the cell cap, counted over the whole file", () => {
    const records = Array.from({ length: 6 }, (_, i) => numberCell(i, 0, i));
    const file = xlsFile([
      { name: "A", records },
      { name: "B", records },
    ]);
    expect(refusal(file, { ...L, maxCells: 11 })).toBe("tooManyCells");
    expect(refusal(file, { ...L, maxCells: 12 })).toBe("notReport");
  });

  it("calls a record running past the end of the stream, or a sheet without its EOF, corrupt", () => {
    const stream = workbookStream([{ name: "S", records: [numberCell(0, 0, 1)] }]);
    const body = stream.subarray(0, stream.length - 4); // the sheet's EOF taken away
    const past = new Uint8Array([...body, 0x03, 0x02, 0xff, 0x7f]); // NUMBER declaring 32767 bytes
    expect(() => parseWorkbookStream(past, L)).toThrow(/runs past|cut short|ends before/);
    expect(() => parseWorkbookStream(body, L)).toThrow(/ends before its EOF/);
    expect(refusal(cfbWith("Workbook", past))).toBe("corrupt");
    // a stream that ends cleanly before the second sheet's substream (BOF 20 + NUMBER 18 + EOF 4 bytes)
    const two = workbookStream([
      { name: "A", records: [numberCell(0, 0, 1)] },
      { name: "B", records: [numberCell(0, 0, 2)] },
    ]);
    expect(() => parseWorkbookStream(two.subarray(0, two.length - 42), L)).toThrow(/"B" has no substream/);
  });

  it("gives a verdict for any damage to a real file, never a throw", () => {
    const real = new Uint8Array(readFileSync(join(CORPUS, "LONumbers.xls")));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.nat(real.length),
        (edits, cutAt) => {
          const b = real.slice(0, Math.max(512, cutAt));
          for (const [at, v] of edits) if (at < b.length) b[at] = v;
          const r = inspectFile(b, form, { formats: OTHER_FORMATS });
          // a verdict, and never a programming error caught on the way out
          return !r.ok && !/^(TypeError|RangeError|ReferenceError)/.test(r.detail ?? "");
        }
      ),
      { numRuns: 300 }
    );
  });
});
