/**
 * Corpus cases that copy the report into another workbook or another format: baseline saves,
 * values-only copies (one year or two), SheetJS round trips, .xls/.ods, the sheet copied with
 * its formatting, wrong extensions, names or metadata removed.
 */
import { isoToSerial } from "../../src/validate/dates";
import type { CaseBuilder } from "./case-builder";
import type { Job, Tool } from "./recipe";

export function baseline(b: CaseBuilder): void {
  const plain = (tool: Tool, file: string, how: string): void => {
    const report = b.report(undefined, ["III.10", "IV.8"]);
    b.add({
      file,
      family: "baseline",
      description: `Template filled ${how} (III.10 and IV.8 left blank)`,
      report,
      expect: "exact",
      rounds: [[b.fillReport(tool, report, file)]],
    });
  };
  plain("openpyxl", "baseline-openpyxl.xlsx", "with openpyxl");
  plain("exceljs", "baseline-exceljs.xlsx", "with exceljs");
  plain("libreoffice", "baseline-lo.xlsx", "in LibreOffice");
  const report = b.report();
  const filled = b.work("baseline-openpyxl-lo.xlsx", "filled");
  b.add({
    file: "baseline-openpyxl-lo.xlsx",
    family: "baseline",
    description: "Filled with openpyxl, opened and re-saved in LibreOffice",
    report,
    expect: "exact",
    rounds: [
      [b.fillReport("openpyxl", report, filled)],
      [{ tool: "libreoffice", in: filled, out: "baseline-openpyxl-lo.xlsx", ops: [] }],
    ],
  });
}

export function valuesCopies(b: CaseBuilder): void {
  // Last year's report and this year's, pasted as values into one new workbook.
  const twoYears = (tool: Tool, file: string, thisYearFirst: boolean): void => {
    const now = b.report();
    const last = b.with(b.report(now.unit.code), { year: 2018, reportDate: isoToSerial("2018-11-27") });
    const [fLast, fNow] = [b.work(file, "2018"), b.work(file, "2019")];
    const sheets = [
      { in: fLast, as: "Năm 2018" },
      { in: fNow, as: "Năm 2019" },
    ];
    if (thisYearFirst) sheets.reverse();
    b.add({
      file,
      family: "values-copy-two-years",
      description: `Last year's and this year's reports pasted as values into a new workbook (${thisYearFirst ? "this year's" : "last year's"} sheet first), ${tool}`,
      report: now,
      // The sheet whose year is the form's is read; the other is named in a warning.
      expect: "exact",
      rounds: [
        [b.fillReport("openpyxl", last, fLast), b.fillReport("openpyxl", now, fNow)],
        [{ tool, new: sheets, out: file, ops: [] }],
      ],
    });
  };
  twoYears("libreoffice", "values-copy-two-years-lo.xlsx", false);
  twoYears("openpyxl", "values-copy-two-years-openpyxl.xlsx", false);
  twoYears("exceljs", "values-copy-two-years-exceljs.xlsx", false);
  twoYears("libreoffice", "values-copy-two-years-this-first-lo.xlsx", true);
  // One report pasted as values (narratives included) into a new workbook.
  const single = (fillTool: Tool, copyTool: Tool, file: string, sheet: string): void => {
    const report = b.report();
    const filled = b.work(file, "filled");
    b.add({
      file,
      family: "values-copy",
      description: `Filled with ${fillTool}, pasted as values into a new workbook (sheet "${sheet}") with ${copyTool}`,
      report,
      expect: "exact",
      rounds: [
        [b.fillReport(fillTool, report, filled)],
        [{ tool: copyTool, new: [{ in: filled, as: sheet }], out: file, ops: [] }],
      ],
    });
  };
  single("openpyxl", "libreoffice", "values-copy-lo.xlsx", "Báo cáo");
  single("libreoffice", "openpyxl", "values-copy-openpyxl.xlsx", "Sheet1");
  single("exceljs", "exceljs", "values-copy-exceljs.xlsx", "BC 2019");
  single("openpyxl", "sheetjs", "values-copy-sheetjs.xlsx", "Báo cáo BĐG");
}

export function sheetjsResaves(b: CaseBuilder): void {
  const family = "sheetjs-resave" as const;
  const r1 = b.report();
  b.add({
    file: "sheetjs-filled.xlsx",
    family,
    description:
      "Template filled and saved by SheetJS (column A, outside the declared range B1:H67, is dropped)",
    report: r1,
    expect: "exact",
    rounds: [[b.fillReport("sheetjs", r1, "sheetjs-filled.xlsx")]],
  });
  const r2 = b.report();
  b.add({
    file: "sheetjs-renamed.xlsx",
    family,
    description:
      'Template filled, sheet renamed "BC BĐG" and saved by SheetJS (names keep the old sheet name)',
    report: r2,
    expect: "exact",
    rounds: [[b.fillReport("sheetjs", r2, "sheetjs-renamed.xlsx", {}, [{ op: "rename", to: "BC BĐG" }])]],
  });
  const resave = (fillTool: Tool, file: string, rename: string | null): void => {
    const report = b.report();
    const filled = b.work(file, "filled");
    const ops = rename ? [{ op: "rename", to: rename }] : [];
    b.add({
      file,
      family,
      description: `Filled with ${fillTool}, then read and written by SheetJS${rename ? ` with the sheet renamed "${rename}"` : ""}`,
      report,
      expect: "exact",
      rounds: [[b.fillReport(fillTool, report, filled)], [{ tool: "sheetjs", in: filled, out: file, ops }]],
    });
  };
  resave("exceljs", "sheetjs-resave-exceljs.xlsx", null);
  resave("libreoffice", "sheetjs-renamed-lo.xlsx", "Bao cao");
}

export function xlsAndOds(b: CaseBuilder): void {
  const saved = (fillTool: Tool, saveTool: Tool, format: "xls" | "ods", file: string): void => {
    const report = b.report();
    const rounds: Job[][] =
      fillTool === saveTool
        ? [[{ ...b.fillReport(fillTool, report, file), format }]]
        : [
            [b.fillReport(fillTool, report, b.work(file, "filled"))],
            [{ tool: saveTool, in: b.work(file, "filled"), out: file, ops: [], format }],
          ];
    b.add({
      file,
      family: "xls-ods",
      description: `Filled with ${fillTool}, saved as .${format} by ${saveTool}`,
      report,
      expect: "exact",
      rounds,
    });
  };
  saved("libreoffice", "libreoffice", "xls", "saved-as-xls-lo.xls");
  saved("openpyxl", "libreoffice", "ods", "saved-as-ods-lo.ods");
  saved("sheetjs", "sheetjs", "xls", "saved-as-xls-sheetjs.xls");
  saved("sheetjs", "sheetjs", "ods", "saved-as-ods-sheetjs.ods");
}

export function wrongExtension(b: CaseBuilder): void {
  const r1 = b.report();
  const x = b.work("xlsx-named-xls.xls", "filled");
  b.add({
    file: "xlsx-named-xls.xls",
    family: "wrong-extension",
    description: "An .xlsx workbook (filled with openpyxl) renamed .xls",
    report: r1,
    expect: "exact",
    rounds: [
      [b.fillReport("openpyxl", r1, x)],
      [{ tool: "copy", in: x, out: "xlsx-named-xls.xls", ops: [] }],
    ],
  });
  const asXlsx = (format: "xls" | "ods", file: string): void => {
    const report = b.report();
    b.add({
      file,
      family: "wrong-extension",
      description: `Filled in LibreOffice and saved as .${format}, but named .xlsx`,
      report,
      expect: "exact",
      rounds: [[{ ...b.fillReport("libreoffice", report, file), format }]],
    });
  };
  asXlsx("xls", "xls-named-xlsx-lo.xlsx");
  asXlsx("ods", "ods-named-xlsx-lo.xlsx");
}

export function sheetToNewWorkbook(b: CaseBuilder): void {
  const r1 = b.report();
  const f1 = b.work("sheet-to-new-workbook-lo.xlsx", "filled");
  b.add({
    file: "sheet-to-new-workbook-lo.xlsx",
    family: "sheet-to-new-workbook",
    description:
      "Filled with openpyxl; the report sheet copied with its formatting into a new LibreOffice document",
    report: r1,
    expect: "exact",
    rounds: [
      [b.fillReport("openpyxl", r1, f1)],
      [
        {
          tool: "libreoffice",
          new: [{ in: f1, as: "Báo cáo", mode: "import" }],
          out: "sheet-to-new-workbook-lo.xlsx",
          ops: [],
        },
      ],
    ],
  });
  const r2 = b.report();
  const f2 = b.work("sheet-to-new-workbook-exceljs.xlsx", "filled");
  b.add({
    file: "sheet-to-new-workbook-exceljs.xlsx",
    family: "sheet-to-new-workbook",
    description:
      "Filled with exceljs; the whole sheet (values, formulas, formats, merges) pasted into a new workbook",
    report: r2,
    expect: "exact",
    rounds: [
      [b.fillReport("exceljs", r2, f2)],
      [
        {
          tool: "exceljs",
          new: [{ in: f2, as: "Sheet1", mode: "styled" }],
          out: "sheet-to-new-workbook-exceljs.xlsx",
          ops: [],
        },
      ],
    ],
  });
}

export function namesOrMetaDeleted(b: CaseBuilder): void {
  const removed = (
    tool: Tool,
    file: string,
    family: "meta-deleted" | "names-deleted",
    ops: string[],
    what: string
  ): void => {
    const report = b.report();
    const jobOps = ops.map((op) => (op === "deleteSheet" ? { op, name: "_BDG_META" } : { op }));
    b.add({
      file,
      family,
      description: `${what} (${tool})`,
      report,
      expect: "exact",
      rounds: [[b.fillReport(tool, report, file, {}, jobOps)]],
    });
  };
  removed(
    "openpyxl",
    "meta-deleted-openpyxl.xlsx",
    "meta-deleted",
    ["dropMeta"],
    "The hidden metadata sheet deleted"
  );
  removed(
    "libreoffice",
    "meta-deleted-lo.xlsx",
    "meta-deleted",
    ["deleteSheet"],
    "The hidden metadata sheet deleted"
  );
  removed(
    "openpyxl",
    "names-deleted-openpyxl.xlsx",
    "names-deleted",
    ["dropNames"],
    "Every defined name deleted"
  );
  removed(
    "libreoffice",
    "names-deleted-lo.xlsx",
    "names-deleted",
    ["deleteNames"],
    "Every defined name deleted"
  );
  removed(
    "openpyxl",
    "names-and-meta-deleted-openpyxl.xlsx",
    "names-deleted",
    ["dropNames", "dropMeta"],
    "Every defined name and the metadata sheet deleted"
  );
}
