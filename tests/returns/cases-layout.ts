/**
 * Corpus cases that change the report sheet's layout: rows deleted, inserted, sorted; cells
 * merged, cut and pasted; columns inserted; sheets copied, renamed or added; a second report
 * pasted below.
 */
import type { CaseBuilder } from "./case-builder";
import type { Op, Tool } from "./recipe";

/** LibreOffice takes 0-based row indexes. */
const at0 = (row: number): number => row - 1;

export function rowDeleted(b: CaseBuilder): void {
  const family = "row-deleted" as const;
  const rowOf = (code: string): number => b.f.row(code);
  // The officer deletes the row of an indicator they do not report, then fills the rest.
  const single = (code: string, tool: Tool, file: string, how: string): void => {
    const report = b.report(undefined, [code]);
    const del: Op =
      tool === "openpyxl"
        ? { op: "deleteRowsExcelLike", row: rowOf(code) }
        : { op: "deleteRows", at: at0(rowOf(code)) };
    b.add({
      file,
      family,
      description: `Row ${code} deleted ${how}; the other cells filled`,
      report,
      expect: "flag",
      flagIndicators: [code],
      rounds: [[b.fillReport(tool, report, file, {}, [del])]],
    });
  };
  single("III.4", "libreoffice", "row-deleted-III4-lo.xlsx", "in LibreOffice");
  single("I.2", "libreoffice", "row-deleted-I2-lo.xlsx", "in LibreOffice (a total/female row)");
  single("VI.2", "libreoffice", "row-deleted-VI2-lo.xlsx", "in LibreOffice (a narrative row)");
  single(
    "III.4",
    "openpyxl",
    "row-deleted-III4-excel-like.xlsx",
    "as Excel does it (names on the row → #REF!, names below move up)"
  );
  // Filled first (value typed, then lost with its row).
  const r2 = b.report();
  const filled = b.work("row-deleted-II1-lo.xlsx", "filled");
  b.add({
    file: "row-deleted-II1-lo.xlsx",
    family,
    description: "Filled with openpyxl, then row II.1 (with its value) deleted in LibreOffice",
    report: r2,
    expect: "flag",
    flagIndicators: ["II.1"],
    rounds: [
      [b.fillReport("openpyxl", r2, filled)],
      [
        {
          tool: "libreoffice",
          in: filled,
          out: "row-deleted-II1-lo.xlsx",
          ops: [{ op: "deleteRows", at: at0(rowOf("II.1")) }],
        },
      ],
    ],
  });
  const r3 = b.report(undefined, ["III.4", "IV.8"]);
  b.add({
    file: "row-deleted-III4-IV8-lo.xlsx",
    family,
    description: "Rows III.4 and IV.8 deleted in LibreOffice",
    report: r3,
    expect: "flag",
    flagIndicators: ["III.4", "IV.8"],
    rounds: [
      [
        b.fillReport("libreoffice", r3, "row-deleted-III4-IV8-lo.xlsx", {}, [
          { op: "deleteRows", at: at0(rowOf("IV.8")) },
          { op: "deleteRows", at: at0(rowOf("III.4")) },
        ]),
      ],
    ],
  });
}

export function mergedTotalFemale(b: CaseBuilder): void {
  const family = "merged-total-female" as const;
  const t = (code: string): string => b.f.address(b.f.name(code));
  const fm = (code: string): string => b.f.address(b.f.name(`${code}/female`));
  const range = (code: string): string => `${t(code)}:${fm(code)}`;
  const add = (
    file: string,
    codes: string[],
    tool: Tool,
    how: string,
    before: (code: string) => Op[]
  ): void => {
    const report = b.report();
    const ops = codes.flatMap((c) => [...before(c), { op: "merge", range: range(c) }]);
    b.add({
      file,
      family,
      description: `"Tổng số" and "Nữ" of ${codes.join(", ")} merged ${how}`,
      report,
      expect: "flag",
      flagIndicators: codes,
      rounds: [[b.fillReport(tool, report, file, {}, ops)]],
    });
  };
  const none = (): Op[] => [];
  const emptyHidden = (c: string): Op[] => [{ op: "set", cells: { [fm(c)]: null } }];
  add(
    "merged-I2-keep-lo.xlsx",
    ["I.2"],
    "libreoffice",
    "in LibreOffice, keeping the hidden cell's content",
    none
  );
  add(
    "merged-V3-empty-lo.xlsx",
    ["V.3"],
    "libreoffice",
    "in LibreOffice, emptying the hidden cell",
    emptyHidden
  );
  add(
    "merged-I8-V1-empty-lo.xlsx",
    ["I.8", "V.1"],
    "libreoffice",
    "in LibreOffice, emptying the hidden cells",
    emptyHidden
  );
  add("merged-III6-openpyxl.xlsx", ["III.6"], "openpyxl", "with openpyxl", none);
  add("merged-III7-exceljs.xlsx", ["III.7"], "exceljs", "with exceljs", none);
  // LibreOffice's "move the contents of the hidden cells into the first cell": "300 150".
  const report = b.report();
  const [tot, fem] = [b.f.name("II.2"), b.f.name("II.2/female")];
  const moved = `${report.intended.get(tot)} ${report.intended.get(fem)}`;
  b.add({
    file: "merged-II2-move-lo.xlsx",
    family,
    description: `"Tổng số" and "Nữ" of II.2 merged in LibreOffice, moving the hidden content into the first cell ("${moved}")`,
    report,
    expect: "flag",
    flagIndicators: ["II.2"],
    rounds: [
      [
        b.fillReport("libreoffice", report, "merged-II2-move-lo.xlsx", { [tot]: moved, [fem]: null }, [
          { op: "merge", range: range("II.2") },
        ]),
      ],
    ],
  });
}

export function rowsAndColumnsInserted(b: CaseBuilder): void {
  const r1 = b.report();
  const filled = b.work("rows-inserted-above-lo.xlsx", "filled");
  b.add({
    file: "rows-inserted-above-lo.xlsx",
    family: "rows-inserted",
    description:
      "Filled with openpyxl; two rows inserted above the table in LibreOffice, a note typed in them",
    report: r1,
    expect: "exact",
    rounds: [
      [b.fillReport("openpyxl", r1, filled)],
      [
        {
          tool: "libreoffice",
          in: filled,
          out: "rows-inserted-above-lo.xlsx",
          ops: [
            { op: "insertRows", at: 2, count: 2 },
            { op: "set", cells: { A3: "Kèm theo Công văn số 15/UBND ngày 20/11/2019" } },
          ],
        },
      ],
    ],
  });
  const r2 = b.report();
  const below = b.f.row("III.4"); // 0-based index of the row after III.4
  b.add({
    file: "rows-inserted-inside-lo.xlsx",
    family: "rows-inserted",
    description: 'A row "III.4a Trong đó: nhà tạm lánh" inserted after III.4 in LibreOffice, with a value',
    report: r2,
    expect: "exact",
    rounds: [
      [
        b.fillReport("libreoffice", r2, "rows-inserted-inside-lo.xlsx", {}, [
          { op: "insertRows", at: below, count: 1 },
          {
            op: "set",
            cells: {
              [`A${below + 1}`]: "III.4a",
              [`B${below + 1}`]: "Trong đó: nhà tạm lánh",
              [`D${below + 1}`]: 1,
            },
          },
        ]),
      ],
    ],
  });
  const r3 = b.report();
  b.add({
    file: "rows-inserted-openpyxl.xlsx",
    family: "rows-inserted",
    description: "Filled, then two rows inserted at row 4 by openpyxl (which moves neither names nor merges)",
    report: r3,
    // openpyxl moves neither names nor merged ranges: the stale merges now cover typed values (Excel
    // would hide them) and the header fields cannot be told apart: an error, never a guess.
    expect: "flag",
    rounds: [
      [
        b.fillReport("openpyxl", r3, "rows-inserted-openpyxl.xlsx", {}, [
          { op: "insertRows", row: 4, count: 2 },
        ]),
      ],
    ],
  });
  columnInserted(b);
}

function columnInserted(b: CaseBuilder): void {
  const r1 = b.report();
  const stt: Record<string, string | number> = { A10: "STT" };
  b.form.indicators.forEach((ind, i) => (stt[`A${b.f.row(ind.code)}`] = i + 1));
  b.add({
    file: "column-inserted-A-lo.xlsx",
    family: "column-inserted",
    description: 'A column "STT" inserted before column A in LibreOffice and numbered',
    report: r1,
    expect: "exact",
    rounds: [
      [
        b.fillReport("libreoffice", r1, "column-inserted-A-lo.xlsx", {}, [
          { op: "insertColumns", at: 0 },
          { op: "set", cells: stt },
        ]),
      ],
    ],
  });
  const r2 = b.report();
  const plan: Record<string, string | number> = { D10: "Kế hoạch năm" };
  for (const code of ["I.1", "I.3", "II.1", "IV.1"]) plan[`D${b.f.row(code)}`] = 10;
  b.add({
    file: "column-inserted-before-total-lo.xlsx",
    family: "column-inserted",
    description:
      'A column "Kế hoạch năm" inserted before "Tổng số" in LibreOffice, with a few planned numbers',
    report: r2,
    expect: "exact",
    rounds: [
      [
        b.fillReport("libreoffice", r2, "column-inserted-before-total-lo.xlsx", {}, [
          { op: "insertColumns", at: 3 },
          { op: "set", cells: plan },
        ]),
      ],
    ],
  });
}
