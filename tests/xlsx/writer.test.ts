import { strFromU8, unzipSync } from "fflate";
import { builtInForm } from "../../src/form";
import { parseNameRef } from "../../src/workbook/address";
import { META_SHEET, REPORT_SHEET } from "../../src/workbook/contract";
import { buildTemplate } from "../../src/layout/template";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { templateFileName, writeAllUnitTemplates, writeTemplate } from "../../src/xlsx/write-template";
import { readAllSheets } from "../helpers/read-all-sheets";
import { CELL_TEXT_LIMIT, CUT_MARKER } from "../../src/workbook/cell-text";
import { missing } from "../external-tools";
import { strictXmlProblems } from "../helpers/strict-xml";

const form = builtInForm();

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([k]) => k.endsWith(".xml"))
      .map(([k, v]) => [k, strFromU8(v)])
  );
}
const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");

describe("writeWorkbook (exceljs) writes the whole model", () => {
  const t = buildTemplate(form);
  let xml: Record<string, string>;
  beforeAll(async () => {
    xml = parts(await writeWorkbook(t.model, { created: new Date(Date.UTC(2019, 0, 1)) }));
  });

  test("sheets, states, defined names, print titles", () => {
    const wb = unescape(xml["xl/workbook.xml"]);
    expect(wb).toContain(`name="${REPORT_SHEET}" state="visible"`);
    expect(wb).toContain(`name="${META_SHEET}" state="veryHidden"`);
    // exceljs quotes every sheet name in a defined name ('_BDG_META'!…); the model quotes only
    // where Excel must (_BDG_META!…): both refer to the same cell.
    const written = new Map(
      [...wb.matchAll(/<definedName name="([^"]+)">([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2]])
    );
    for (const n of t.model.names) {
      expect(written.has(n.name)).toBe(true);
      expect(parseNameRef(written.get(n.name) ?? "")).toEqual(parseNameRef(n.ref));
    }
    expect(written.get(form.names[0])).toBe(t.model.names[0].ref);
    expect(wb).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">'Báo cáo'!\$10:\$11<\/definedName>/
    );
    expect(wb).toContain('fullCalcOnLoad="1"');
  });

  test("report sheet: protection, validations, formulas with cached results, freeze, page setup", () => {
    const s = unescape(xml["xl/worksheets/sheet1.xml"]);
    expect(s).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(s).not.toContain("hashValue");
    const dvCount = Number(/<dataValidations count="(\d+)"/.exec(s)?.[1]);
    expect(dvCount).toBeGreaterThan(0);
    // Every validated cell is covered by some sqref.
    const sqrefs = [...s.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1]).join(" ");
    for (const a of Object.values(t.positions.cells))
      expect(sqrefs).toMatch(new RegExp(`(^|[ :])${a}([ :]|$)|${a[0]}\\d+:${a[0]}\\d+`));
    expect(s).toContain('type="list"');
    expect(s).toContain(`<formula1>${t.positions.unitList.name}</formula1>`);
    expect(s).toMatch(/type="date"[^>]*><formula1>43466<\/formula1><formula2>44196<\/formula2>/);
    expect(s).toMatch(
      /type="whole" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" promptTitle="[^"]+" prompt="[^"]+" showErrorMessage="1" errorStyle="stop"/
    );
    // Formula cells carry a cached value (an empty string for a blank template).
    const raw = xml["xl/worksheets/sheet1.xml"];
    const formulaCells = [
      ...raw.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(<f>[^<]*<\/f>)(<v>[^<]*<\/v>|<v\/>)?<\/c>/g),
    ];
    expect(formulaCells.length).toBe(t.formulas.length);
    for (const m of formulaCells) expect(m[3]).toBeDefined();
    expect(s).toMatch(/<pane ySplit="11" topLeftCell="A12" activePane="bottomLeft" state="frozen"\/>/);
    expect(s).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(s).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(s).toMatch(/<col min="6" max="6" width="10"/);
  });

  test("styles: Times New Roman, unlocked inputs", () => {
    const st = xml["xl/styles.xml"];
    expect(st).toContain('<name val="Times New Roman"/>');
    expect(st).toContain('<protection locked="0"/>');
  });

  test("metadata sheet holds the keys and the unit list", () => {
    const shared = unescape(xml["xl/sharedStrings.xml"]);
    for (const k of [
      "form_id",
      "form_version",
      "unit_code",
      "kind",
      "generator",
      "names",
      "template",
      "BDG-2019",
      "Xã Cao Xá",
    ])
      expect(shared).toContain(`>${k}<`);
  });

  test("a password: SHA-512 with spinCount 10000", async () => {
    const s = parts(await writeTemplate(form, { password: "mk" }))["xl/worksheets/sheet1.xml"];
    expect(s).toMatch(
      /<sheetProtection [^>]*algorithmName="SHA-512"[^>]*hashValue="[^"]+"[^>]*spinCount="10000"/
    );
  }, 30_000);

  test("all units: one file each, readable ASCII names, unit pre-filled", async () => {
    expect(templateFileName(form, form.units.find((u) => u.code === "XA-CAO-XA") ?? null)).toBe(
      "BDG-2019_Xa-Cao-Xa.xlsx"
    );
    expect(templateFileName(form, form.units.find((u) => u.code === "P-LDTBXH") ?? null)).toBe(
      "BDG-2019_Phong-Lao-dong-TB-XH.xlsx"
    );
    const all = await writeAllUnitTemplates(form);
    expect(all.length).toBe(form.units.length);
    expect(new Set(all.map((f) => f.fileName)).size).toBe(all.length);
    for (const f of all) expect(f.fileName).toMatch(/^[A-Za-z0-9_-]+\.xlsx$/);
    const shared = unescape(parts(all[0].bytes)["xl/sharedStrings.xml"]);
    expect(shared).toContain(`>${all[0].unit.name}<`);
    expect(shared).toContain(`>${all[0].unit.code}<`);
  }, 60_000);
});

describe("writeWorkbook: every text is one a workbook can hold", () => {
  // A template whose unit name (from a registry file) and whose cells hold characters XML forbids,
  // and a text over Excel's 32,767 characters: the writer is the one boundary every workbook crosses.
  test("XML-forbidden characters become U+FFFD, long texts are cut; the file parses strictly", async () => {
    const bad = "Xã\u0001 Cao\ufffe Xá\ud800";
    const t = buildTemplate(form);
    const model = {
      ...t.model,
      properties: { ...t.model.properties, title: `Mẫu ${bad}` },
      sheets: t.model.sheets.map((s, i) =>
        i === 0
          ? {
              ...s,
              cells: [
                ...s.cells.filter((c) => c.address !== "B2" && c.address !== "C3"),
                { address: "B2", value: bad },
                { address: "C3", value: "x".repeat(40_000) },
              ],
            }
          : s
      ),
    };
    const bytes = await writeWorkbook(model);
    const all = readAllSheets(bytes);
    if (!all.ok) throw new Error(all.reason);
    const cells = all.sheets.get(REPORT_SHEET)!.cells;
    expect(cells.get("B2")).toEqual({ type: "text", text: "Xã\ufffd Cao\ufffd Xá\ufffd" });
    const long = cells.get("C3");
    expect(long?.type === "text" && long.text.length).toBe(CELL_TEXT_LIMIT);
    expect(long?.type === "text" && long.text.endsWith(CUT_MARKER)).toBe(true);
    if (!missing("strict XML check of a template", "openpyxl"))
      expect(strictXmlProblems([bytes])).toEqual([[]]);
  });
});
