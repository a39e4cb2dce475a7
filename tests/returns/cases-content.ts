/**
 * Corpus cases about what is typed: unit names (a neighbour's template retyped, freehand names,
 * a misleading file name), numbers typed as text, formulas in input cells, last year's
 * template, a blank report.
 */
import type { CaseBuilder } from "./case-builder";
import type { Intended, Tool } from "./recipe";
import type { Report } from "./report-content";

export const LAST_YEAR_FORM_ID = "BDG-2018";

export function neighbourTemplates(b: CaseBuilder): void {
  const retyped = (tool: Tool, from: string, to: string, typed: string, file: string): void => {
    const report = b.with(b.report(to), { unit: typed });
    const fromName = b.f.unit(from).name;
    const ops = tool === "libreoffice" ? [{ op: "unprotect" }] : [];
    b.add({
      file,
      family: "neighbour-template",
      description: `${fromName}'s pre-filled template, unit cell retyped "${typed}" (${tool})`,
      report,
      unit: to,
      // The unit typed on the sheet wins over the template's (a warning names the template's unit).
      expect: "exact",
      rounds: [[b.fill(tool, b.tpl(from), file, b.f.cells(report.intended, {}, true), ops)]],
    });
  };
  retyped("openpyxl", "XA-CAO-XA", "XA-LAM-COT", "Xã Lam Cốt", "neighbour-template-openpyxl.xlsx");
  retyped("exceljs", "XA-NGOC-LY", "XA-NGOC-THIEN", "Xã Ngọc Thiện", "neighbour-template-exceljs.xlsx");
  retyped("libreoffice", "P-Y-TE", "TTYT", "Trung tâm Y tế huyện", "neighbour-template-lo.xlsx");
  retyped(
    "libreoffice",
    "XA-PHUC-HOA",
    "XA-SONG-VAN",
    "UBND xã Song Vân",
    "neighbour-template-freehand-lo.xlsx"
  );
}

/** Unit names as officers type them into the blank template. */
const FREEHAND: [code: string, typed: string, tool: Tool][] = [
  ["P-LDTBXH", "Phòng LĐ-TB&XH huyện Tân Yên", "openpyxl"],
  ["P-NN-PTNT", "Phòng NN&PTNT", "exceljs"],
  ["XA-NGOC-CHAU", "UBND xã Ngọc Châu", "libreoffice"],
  ["MTTQ", "MTTQ huyện", "openpyxl"],
  ["HLHPN", "Hội LHPN huyện Tân Yên", "libreoffice"],
  ["HCCB", "Hội CCB", "exceljs"],
  ["VP-HDND-UBND", "VP HĐND-UBND", "openpyxl"],
  ["P-GD-DT", "Phòng GD-ĐT", "libreoffice"],
  ["TTYT", "Trung tâm Y tế huyện Tân Yên", "openpyxl"],
  ["LDLD", "LĐLĐ huyện Tân Yên", "exceljs"],
];

export function freehandUnits(b: CaseBuilder): void {
  for (const [code, typed, tool] of FREEHAND) {
    const report = b.with(b.report(code), { unit: typed });
    const file = `freehand-unit-${code.toLowerCase()}-${tool === "libreoffice" ? "lo" : tool}.xlsx`;
    b.add({
      file,
      family: "freehand-unit",
      description: `Blank template, unit typed "${typed}" (${tool})`,
      report,
      expect: "exact",
      rounds: [[b.fillBlank(tool, report, file)]],
    });
  }
  const report = b.report("XA-QUE-NHAM");
  b.add({
    file: "file-renamed-BDG-2019_Xa-Lam-Cot.xlsx",
    family: "file-renamed",
    description: "Xã Quế Nham's report saved under Xã Lam Cốt's file name",
    report,
    expect: "exact",
    rounds: [[b.fillReport("openpyxl", report, "file-renamed-BDG-2019_Xa-Lam-Cot.xlsx")]],
  });
  const r2 = b.with(b.report("XA-VIET-NGOC"), { unit: "Xã Việt Ngọc" });
  b.add({
    file: "file-renamed-BDG-2019_Xa-Viet-Lap.xlsx",
    family: "file-renamed",
    description: "The blank template filled by Xã Việt Ngọc (unit typed) and named after Xã Việt Lập",
    report: r2,
    expect: "exact",
    rounds: [[b.fillBlank("libreoffice", r2, "file-renamed-BDG-2019_Xa-Viet-Lap.xlsx")]],
  });
}

/** IV.5 = IV.6 + IV.7 (million VND), as the form requires. */
function amounts(b: CaseBuilder, report: Report, iv6: number, iv7: number): Report {
  const iv5 = Math.round((iv6 + iv7) * 1000) / 1000;
  return b.with(report, { "IV.5": iv5, "IV.6": iv6, "IV.7": iv7 });
}

export function textNumbers(b: CaseBuilder): void {
  const family = "text-numbers" as const;
  const typedAs = (texts: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(texts)) out[b.f.name(k)] = v;
    return out;
  };
  const r1 = amounts(b, b.with(b.report(), { "I.3": 1234, "I.2": 1250, "I.2/female": 640 }), 10, 2.5);
  const t1 = { "I.3": "1.234", "I.2": "1.250", "IV.5": "12,5", "IV.7": "2,5" };
  const r2 = amounts(b, b.with(b.report(), { "V.3": 1020, "V.3/female": 515 }), 150.75, 20);
  const t2 = { "V.3": "1.020", "V.3/female": "515", "IV.5": "170,75", "IV.6": "150,75" };
  const r3 = amounts(b, b.with(b.report(), { "I.8": 2500, "I.8/female": 1300 }), 4.25, 0.75);
  const t3 = { "I.8": "2 500", "I.8/female": "1 300", "IV.7": "0,75", "IV.6": "4,25" };
  const cases: [Tool, string, Report, Record<string, string>][] = [
    ["openpyxl", "text-numbers-openpyxl.xlsx", r1, t1],
    ["libreoffice", "text-numbers-lo.xlsx", r2, t2],
    ["exceljs", "text-numbers-exceljs.xlsx", r3, t3],
  ];
  for (const [tool, file, report, texts] of cases) {
    b.add({
      file,
      family,
      description: `Numbers typed as text: ${Object.entries(texts)
        .map(([k, v]) => `${k} "${v}"`)
        .join(", ")} (${tool})`,
      report,
      expect: "exact",
      rounds: [[b.fillReport(tool, report, file, typedAs(texts))]],
    });
  }
  const r4 = amounts(b, b.report(), 1.234, 10);
  b.add({
    file: "text-numbers-ambiguous-openpyxl.xlsx",
    family,
    description: 'An amount typed as text "1.234" (IV.6: 1.234 or 1234 million VND?) (openpyxl)',
    report: r4,
    expect: "flag",
    flagIndicators: ["IV.6"],
    rounds: [
      [b.fillReport("openpyxl", r4, "text-numbers-ambiguous-openpyxl.xlsx", typedAs({ "IV.6": "1.234" }))],
    ],
  });
}

export function formulas(b: CaseBuilder): void {
  const family = "formulas" as const;
  const add = (
    tool: Tool,
    file: string,
    changes: Record<string, Intended>,
    f: Record<string, { f: string; v?: number }>,
    flag: string[] | null
  ): void => {
    const report = b.with(b.report(), changes);
    const typed: Record<string, { f: string; v?: number }> = {};
    for (const [k, v] of Object.entries(f)) typed[b.f.name(k)] = v;
    const cached = Object.values(f).every((x) => x.v !== undefined) || tool === "libreoffice";
    b.add({
      file,
      family,
      description: `Formulas typed: ${Object.entries(f)
        .map(([k, v]) => `${k} ${v.f}`)
        .join(", ")}, ${cached ? "with" : "without"} cached results (${tool})`,
      report,
      expect: flag ? "flag" : "exact",
      ...(flag ? { flagIndicators: flag } : {}),
      rounds: [[b.fillReport(tool, report, file, typed)]],
    });
  };
  const femaleV3 = 300;
  add(
    "libreoffice",
    "formulas-lo.xlsx",
    { "I.4": 5, "V.3": femaleV3 + 120, "V.3/female": femaleV3 },
    { "I.4": { f: "=2+3" }, "V.3": { f: `=${b.f.address(b.f.name("V.3/female"))}+120` } },
    null
  );
  add("openpyxl", "formulas-uncached-openpyxl.xlsx", { "I.4": 5 }, { "I.4": { f: "=2+3" } }, ["I.4"]);
  add("exceljs", "formulas-cached-exceljs.xlsx", { "I.1": 12 }, { "I.1": { f: "=10+2", v: 12 } }, null);
  add("exceljs", "formulas-uncached-exceljs.xlsx", { "II.1": 6 }, { "II.1": { f: "=3*2" } }, ["II.1"]);
}

export function lastYearAndBlank(b: CaseBuilder): void {
  const r1 = b.report();
  b.add({
    file: "last-year-template-openpyxl.xlsx",
    family: "last-year-template",
    description: `Last year's template (${LAST_YEAR_FORM_ID}, pre-filled unit) filled with this year's report (openpyxl)`,
    report: r1,
    expect: "refuse",
    rounds: [
      [
        b.fill(
          "openpyxl",
          b.tpl(r1.unit.code, LAST_YEAR_FORM_ID),
          "last-year-template-openpyxl.xlsx",
          b.f.cells(r1.intended)
        ),
      ],
    ],
  });
  const r2 = b.report();
  b.add({
    file: "last-year-template-lo.xlsx",
    family: "last-year-template",
    description: `Last year's blank template (${LAST_YEAR_FORM_ID}) filled with this year's report, unit typed (LibreOffice)`,
    report: r2,
    expect: "refuse",
    rounds: [
      [
        b.fill(
          "libreoffice",
          b.tpl(null, LAST_YEAR_FORM_ID),
          "last-year-template-lo.xlsx",
          b.f.cells(r2.intended, {}, true)
        ),
      ],
    ],
  });
  const blank = (tool: Tool, file: string, how: string): void => {
    const full = b.report();
    const report: Report = {
      unit: full.unit,
      intended: new Map([...full.intended.keys()].map((n) => [n, null])),
    };
    report.intended.set(b.f.field("unit"), full.unit.name);
    b.add({
      file,
      family: "blank-report",
      description: `The unit's pre-filled template returned without a value (${how})`,
      report,
      expect: "flag",
      intendedHasErrors: true,
      rounds: [[{ tool, in: b.tpl(full.unit.code), out: file, ops: [] }]],
    });
  };
  blank("copy", "blank-report-template.xlsx", "the file as sent");
  blank("libreoffice", "blank-report-lo.xlsx", "opened and saved in LibreOffice");
}
