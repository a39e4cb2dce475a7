/**
 * Corpus cases that move cells or sheets around: the report sheet copied, renamed, a sheet added
 * before it, rows sorted, a value cut and pasted, a second unit's report pasted below.
 */
import type { CaseBuilder } from "./case-builder";
import { REPORT_SHEET } from "../../src/workbook/contract";

export function sheetCopied(b: CaseBuilder): void {
  const copy = `${REPORT_SHEET} (2)`;
  const r1 = b.report();
  b.add({
    file: "sheet-copied-filled-copy-lo.xlsx",
    family: "sheet-copied",
    description: `The report sheet copied to "${copy}" in LibreOffice and the copy filled; the original left blank`,
    report: r1,
    expect: "flag",
    rounds: [
      [
        {
          tool: "libreoffice",
          in: b.tpl(r1.unit.code),
          out: "sheet-copied-filled-copy-lo.xlsx",
          ops: [
            { op: "copySheet", name: copy, at: 1 },
            { op: "set", sheet: copy, cells: b.f.cells(r1.intended) },
          ],
        },
      ],
    ],
  });
  const r2 = b.report();
  b.add({
    file: "sheet-copied-blank-copy-lo.xlsx",
    family: "sheet-copied",
    description: `The report sheet copied to "${copy}" in LibreOffice (left blank); the original filled`,
    report: r2,
    expect: "exact",
    rounds: [
      [
        b.fillReport("libreoffice", r2, "sheet-copied-blank-copy-lo.xlsx", {}, [
          { op: "copySheet", name: copy, at: 1 },
        ]),
      ],
    ],
  });
}

export function rowsSorted(b: CaseBuilder): void {
  const sorted = (file: string, range: string, field: number, ascending: boolean, what: string): void => {
    const report = b.report();
    const withCodes = range.startsWith("A");
    b.add({
      file,
      family: "rows-sorted",
      description: `${what} sorted by "Tổng số" ${ascending ? "ascending" : "descending"} in LibreOffice${withCodes ? "" : ", without the code column"}`,
      report,
      expect: withCodes ? "exact" : "flag",
      rounds: [[b.fillReport("libreoffice", report, file, {}, [{ op: "sort", range, field, ascending }])]],
    });
  };
  const rows = (from: string, to: string, first = "A"): string => `${first}${b.f.row(from)}:H${b.f.row(to)}`;
  sorted("rows-sorted-section-I-lo.xlsx", rows("I.1", "I.8"), 3, false, "Section I (rows A:H)");
  sorted("rows-sorted-section-V-lo.xlsx", rows("V.1", "V.7"), 3, true, "Section V (rows A:H)");
  sorted(
    "rows-sorted-without-codes-lo.xlsx",
    rows("I.1", "I.8", "B"),
    2,
    false,
    "Section I (columns B:H only)"
  );
  const report = b.report();
  b.add({
    file: "rows-sorted-section-III-openpyxl.xlsx",
    family: "rows-sorted",
    description: "Section III rows (A:H) sorted by total, descending, by an openpyxl script",
    report,
    expect: "exact",
    rounds: [
      [
        b.fillReport("openpyxl", report, "rows-sorted-section-III-openpyxl.xlsx", {}, [
          {
            op: "sortRows",
            first: b.f.row("III.1"),
            last: b.f.row("III.10"),
            key: "D",
            descending: true,
            cols: "A:H",
          },
        ]),
      ],
    ],
  });
}

export function cutPaste(b: CaseBuilder): void {
  // The officer typed a value on the row above by mistake, then cut it and pasted it where it belongs.
  const moved = (file: string, wrong: string, right: string): void => {
    const report = b.report(undefined, [wrong]);
    const value = report.intended.get(b.f.name(right)) ?? null;
    const [from, to] = [b.f.address(b.f.name(wrong)), b.f.address(b.f.name(right))];
    b.add({
      file,
      family: "cut-paste",
      description: `${right}'s value typed on row ${wrong} (${from}), then cut and pasted into ${to} in LibreOffice`,
      report,
      expect: "exact",
      rounds: [
        [
          b.fillReport("libreoffice", report, file, { [b.f.name(wrong)]: value, [b.f.name(right)]: null }, [
            { op: "move", from, to },
          ]),
        ],
      ],
    });
  };
  moved("cut-paste-III4-to-III5-lo.xlsx", "III.4", "III.5");
  moved("cut-paste-I4-to-I3-lo.xlsx", "I.4", "I.3");
}

export function sheetRenamedOrAdded(b: CaseBuilder): void {
  const family = "sheet-renamed-added" as const;
  const r1 = b.report();
  b.add({
    file: "sheet-renamed-lo.xlsx",
    family,
    description: 'Report sheet renamed "BC BĐG 2019" in LibreOffice',
    report: r1,
    expect: "exact",
    rounds: [
      [b.fillReport("libreoffice", r1, "sheet-renamed-lo.xlsx", {}, [{ op: "rename", to: "BC BĐG 2019" }])],
    ],
  });
  const r2 = b.report();
  b.add({
    file: "sheet-renamed-openpyxl.xlsx",
    family,
    description:
      'Report sheet renamed "Bao cao 2019" by openpyxl (the names keep pointing at the old sheet name)',
    report: r2,
    expect: "exact",
    rounds: [
      [
        b.fillReport("openpyxl", r2, "sheet-renamed-openpyxl.xlsx", {}, [
          { op: "rename", to: "Bao cao 2019" },
        ]),
      ],
    ],
  });
  const r3 = b.report();
  const guide = {
    A1: "Hướng dẫn điền biểu",
    A2: "Nhập số liệu vào các ô màu vàng ở trang Báo cáo.",
    A3: "Không sửa mã số.",
  };
  b.add({
    file: "sheet-added-before-lo.xlsx",
    family,
    description: 'A sheet "Hướng dẫn" added before the report in LibreOffice',
    report: r3,
    expect: "exact",
    rounds: [
      [
        b.fillReport("libreoffice", r3, "sheet-added-before-lo.xlsx", {}, [
          { op: "addSheet", name: "Hướng dẫn", at: 0, cells: guide },
        ]),
      ],
    ],
  });
  const r4 = b.report();
  const villages: Record<string, string | number> = {
    A1: "Mã số",
    B1: "Thôn Đồng",
    C1: "Thôn Trên",
    D1: "Cộng",
  };
  ["I.1", "I.3", "I.4", "I.5", "II.1"].forEach((code, i) => {
    Object.assign(villages, {
      [`A${i + 2}`]: code,
      [`B${i + 2}`]: i + 1,
      [`C${i + 2}`]: 2 * i + 1,
      [`D${i + 2}`]: 3 * i + 2,
    });
  });
  b.add({
    file: "sheet-added-villages-lo.xlsx",
    family,
    description:
      'A working sheet "Số liệu thôn" (codes and per-village numbers) added before the report in LibreOffice',
    report: r4,
    expect: "exact",
    rounds: [
      [
        b.fillReport("libreoffice", r4, "sheet-added-villages-lo.xlsx", {}, [
          { op: "addSheet", name: "Số liệu thôn", at: 0, cells: villages },
        ]),
      ],
    ],
  });
}

export function secondReportBelow(b: CaseBuilder): void {
  const own1 = b.report();
  const other1 = b.report();
  const [a1, o1] = [
    b.work("second-report-below-lo.xlsx", "own"),
    b.work("second-report-below-lo.xlsx", "other"),
  ];
  b.add({
    file: "second-report-below-lo.xlsx",
    family: "second-report-below",
    // The names point at the first table; the second one is named in a warning.
    description: `${other1.unit.name}'s report (A1:H67) pasted below ${own1.unit.name}'s in LibreOffice`,
    report: own1,
    expect: "exact",
    rounds: [
      [b.fillReport("openpyxl", own1, a1), b.fillReport("openpyxl", other1, o1)],
      [
        {
          tool: "libreoffice",
          in: a1,
          out: "second-report-below-lo.xlsx",
          ops: [{ op: "copyRange", src: o1, from: "A1:H67", to: "A70" }],
        },
      ],
    ],
  });
  const own2 = b.report();
  const other2 = b.report();
  const o2 = b.work("second-report-below-openpyxl.xlsx", "other");
  b.add({
    file: "second-report-below-openpyxl.xlsx",
    family: "second-report-below",
    // The names point at the first table; the second one is named in a warning.
    description: `${other2.unit.name}'s report pasted below ${own2.unit.name}'s by openpyxl (values and merges)`,
    report: own2,
    expect: "exact",
    rounds: [
      [b.fillReport("openpyxl", other2, o2)],
      [
        b.fillReport("openpyxl", own2, "second-report-below-openpyxl.xlsx", {}, [
          { op: "pasteBelow", src: o2, rows: [1, 67], at: 70 },
        ]),
      ],
    ],
  });
}
