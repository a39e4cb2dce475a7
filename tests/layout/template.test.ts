import { builtInForm, loadForm, BDG_2019, type FormInput } from "../../src/form";
import { COLUMN_HEADERS, GENERATOR, META_KEYS, META_SHEET, REPORT_SHEET } from "../../src/workbook/contract";
import type { SheetModel } from "../../src/layout/sheet-model";
import { cellsOfRange, nameRef } from "../../src/workbook/address";
import {
  buildTemplate,
  formulaValues,
  templateModel,
  templatePositions,
  UnknownUnitError,
} from "../../src/layout/template";

const form = builtInForm();
const t = buildTemplate(form);
const report = t.model.sheets.find((s) => s.name === REPORT_SHEET) as SheetModel;
const meta = t.model.sheets.find((s) => s.name === META_SHEET) as SheetModel;
const cellAt = (sheet: SheetModel, a: string) => sheet.cells.find((c) => c.address === a);
const styleOf = (sheet: SheetModel, a: string) => {
  const c = cellAt(sheet, a);
  return c?.style ? t.model.styles[c.style] : undefined;
};
const validated = new Set(report.validations.flatMap((v) => cellsOfRange(v.range)));
const inputCells = new Set(Object.values(t.positions.cells));

describe("template model", () => {
  test("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(t.model))).toEqual(t.model);
  });

  test("sheets: report visible first, metadata very hidden", () => {
    expect(t.model.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [REPORT_SHEET, "visible"],
      [META_SHEET, "veryHidden"],
    ]);
    expect(t.model.activeSheet).toBe(0);
  });

  test("defined names: exactly the form's names (+ the unit list), each on its cell", () => {
    const formNames = t.model.names.filter((n) => n.name !== t.positions.unitList.name);
    expect(formNames.map((n) => n.name)).toEqual(form.names);
    for (const n of formNames) expect(n.ref).toBe(nameRef(REPORT_SHEET, t.positions.cells[n.name]));
    expect(t.model.names.find((n) => n.name === t.positions.unitList.name)?.ref).toBe(
      `${META_SHEET}!$D$2:$D$${form.units.length + 1}` // _BDG_META needs no quotes
    );
    expect(new Set(Object.values(t.positions.cells)).size).toBe(form.names.length);
  });

  test("every input is unlocked and validated; every other cell is locked", () => {
    for (const name of form.names) {
      const a = t.positions.cells[name];
      expect({ name, locked: styleOf(report, a)?.locked }).toEqual({ name, locked: false });
      expect({ name, validated: validated.has(a) }).toEqual({ name, validated: true });
    }
    const noteColumn = t.positions.columns.note;
    for (const c of report.cells) {
      const s = c.style ? t.model.styles[c.style] : undefined;
      if (s && !s.locked) {
        const isNote = c.address.startsWith(noteColumn) && /^[A-Z]+\d+$/.test(c.address);
        const inMergedInput = report.merges.some(
          (m) =>
            cellsOfRange(m)[0] !== c.address &&
            cellsOfRange(m).includes(c.address) &&
            inputCells.has(cellsOfRange(m)[0])
        );
        expect({ a: c.address, ok: inputCells.has(c.address) || isNote || inMergedInput }).toEqual({
          a: c.address,
          ok: true,
        });
        if (!inMergedInput)
          expect({ a: c.address, validated: validated.has(c.address) }).toEqual({
            a: c.address,
            validated: true,
          });
      }
      if (typeof c.value === "string" && c.value && c.formula === undefined) expect(s?.locked).toBe(true);
    }
  });

  test("labels and column headers in Vietnamese, Times New Roman", () => {
    const hr = t.positions.headerRow;
    for (const [k, col] of Object.entries(t.positions.columns)) {
      expect(cellAt(report, `${col}${hr}`)?.value).toBe(COLUMN_HEADERS[k as keyof typeof COLUMN_HEADERS].vi);
    }
    for (const s of Object.values(t.model.styles)) expect(s.font.name).toBe("Times New Roman");
    const texts = report.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(texts).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(texts.some((x) => x.startsWith("BÁO CÁO KẾT QUẢ"))).toBe(true);
    expect(texts).toContain("NGƯỜI LẬP BIỂU");
    expect(texts).toContain("THỦ TRƯỞNG ĐƠN VỊ");
    for (const ind of form.indicators)
      expect(cellAt(report, `A${t.positions.rows[ind.code]}`)?.value).toBe(ind.code);
  });

  test("validation kinds per input", () => {
    const byCell = new Map(
      report.validations.flatMap((v) => cellsOfRange(v.range).map((a) => [a, v] as const))
    );
    for (const ind of form.indicators) {
      for (const c of ind.cells) {
        const v = byCell.get(t.positions.cells[c.name]);
        if (ind.kind === "count" || ind.kind === "tf")
          expect([v?.type, v?.operator, v?.formulae]).toEqual(["whole", "greaterThanOrEqual", ["0"]]);
        if (ind.kind === "amount")
          expect([v?.type, v?.operator, v?.formulae]).toEqual(["decimal", "greaterThanOrEqual", ["0"]]);
        if (ind.kind === "text") expect(v?.type).toBe("textLength");
      }
    }
    const f = (k: string) => byCell.get(t.positions.cells[form.fieldByKey.get(k)?.name as string]);
    expect(f("unit")).toMatchObject({ type: "list", formulae: [t.positions.unitList.name] });
    expect(f("year")).toMatchObject({ type: "whole", operator: "equal", formulae: ["2019"] });
    expect(f("reportDate")).toMatchObject({
      type: "date",
      operator: "between",
      formulae: ["2019-01-01", "2020-12-31"],
    });
    for (const v of report.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.message.length).toBeLessThanOrEqual(255);
      expect(v.error.style).toBe("stop");
      if (v.prompt) expect(v.prompt.title.length).toBeLessThanOrEqual(32);
    }
  });

  test("unit list: names in a range on the metadata sheet (commas in names would not split them)", () => {
    form.units.forEach((u, i) => expect(cellAt(meta, `D${i + 2}`)?.value).toBe(u.name));
  });

  test("formulas: cached results for blank inputs, only portable functions", () => {
    const formulaCells = report.cells.filter((c) => c.formula !== undefined);
    expect(formulaCells.length).toBe(t.formulas.length);
    const blank = formulaValues(t, new Map());
    for (const c of formulaCells) {
      expect(c.value).toBe(blank.get(c.address));
      const fns = [...(c.formula as string).matchAll(/([A-Z]+)\(/g)].map((m) => m[1]);
      for (const fn of fns)
        expect([
          "IF",
          "AND",
          "OR",
          "NOT",
          "ISNUMBER",
          "N",
          "INT",
          "ABS",
          "ROUND",
          "MAX",
          "LEN",
          "TRIM",
        ]).toContain(fn);
      expect(c.formula).not.toMatch(/^=/);
    }
    // % female on every tf row of section V, and the sex ratio at birth as a formula.
    for (const ind of form.indicators.filter((i) => i.section === "V" && i.kind === "tf")) {
      expect(cellAt(report, t.positions.computed[`${ind.code}.pctf`])?.formula).toContain("*100");
      expect(t.positions.computed[`${ind.code}.pctf`]).toBe(`F${t.positions.rows[ind.code]}`);
    }
    expect(cellAt(report, t.positions.computed["V.7.srb"])?.formula).toBeDefined();
  });

  test("check formulas are generated from the rules, not from codes", () => {
    const checkOf = (code: string) => cellAt(report, t.positions.checks[code])?.formula ?? "";
    expect(checkOf("II.3")).toContain("II.3 (tổng số) lớn hơn II.2 (tổng số)");
    expect(checkOf("IV.5")).toContain("IV.6 + IV.7 khác IV.5");
    // Drop a rule and change another: the formulas follow.
    const input = structuredClone(BDG_2019) as FormInput;
    input.rules = (input.rules ?? [])
      .filter((r) => r.type !== "sumEquals")
      .map((r) => (r.type === "partOfWhole" && r.part === "II.3" ? { ...r, whole: "I.2" } : r));
    const t2 = buildTemplate(loadForm(input));
    const f2 = (code: string) =>
      t2.model.sheets[0].cells.find((c) => c.address === t2.positions.checks[code])?.formula ?? "";
    expect(f2("IV.5")).not.toContain("khác");
    expect(f2("II.3")).toContain("II.3 (tổng số) lớn hơn I.2 (tổng số)");
  });

  test("a definition's long labels and codes are cut to Excel's validation limits, never refused", () => {
    const input = structuredClone(BDG_2019) as FormInput;
    const long = "Người lập biểu của đơn vị báo cáo (ký, ghi rõ họ tên và chức vụ)";
    input.fields = input.fields.map((f) =>
      f.key === "preparer" ? { ...f, label: { ...f.label, vi: long } } : f
    );
    const v = buildTemplate(loadForm(input)).model.sheets[0].validations ?? [];
    expect(v.length).toBeGreaterThan(0);
    for (const x of v) {
      expect(x.error.title.length).toBeLessThanOrEqual(32);
      expect(x.error.message.length).toBeLessThanOrEqual(255);
      if (x.prompt) expect(x.prompt.title.length).toBeLessThanOrEqual(32);
    }
    expect(v.some((x) => x.prompt?.title === `${long.slice(0, 31)}…`)).toBe(true);
  });

  test("protection: on, no password by default, optional password", () => {
    expect(report.protection).toEqual({ allowFormatColumns: true, allowFormatRows: true });
    expect(templateModel(form, { password: "bí mật" }).sheets[0].protection?.password).toBe("bí mật");
  });

  test("print-ready and frozen below the table header", () => {
    expect(report.freeze).toEqual({ rows: t.positions.headerRow + 1, columns: 0 });
    expect(report.print).toMatchObject({
      paper: "A4",
      fitToWidth: true,
      repeatRows: { first: t.positions.headerRow, last: t.positions.headerRow + 1 },
    });
  });

  test("metadata sheet follows the contract", () => {
    const kv = new Map<string, unknown>();
    const rows = new Map<number, [unknown, unknown]>();
    for (const c of meta.cells) {
      const m = /^([AB])(\d+)$/.exec(c.address);
      if (!m) continue;
      const r = rows.get(Number(m[2])) ?? [undefined, undefined];
      r[m[1] === "A" ? 0 : 1] = c.value;
      rows.set(Number(m[2]), r);
    }
    const sorted = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    const namesAt = sorted.findIndex(([k]) => k === META_KEYS.names);
    sorted.slice(0, namesAt).forEach(([k, v]) => kv.set(String(k), v));
    expect(kv.get(META_KEYS.formId)).toBe("BDG-2019");
    expect(kv.get(META_KEYS.formVersion)).toBe("1");
    expect(kv.get(META_KEYS.kind)).toBe("template");
    expect(kv.get(META_KEYS.generator)).toBe(GENERATOR);
    expect(kv.has(META_KEYS.unitCode)).toBe(true);
    expect(kv.get(META_KEYS.unitCode)).toBeUndefined();
    const map = sorted.slice(namesAt + 1);
    expect(map).toEqual(form.names.map((n) => [n, nameRef(REPORT_SHEET, t.positions.cells[n])]));
  });

  test("a pre-filled unit: name in the unit cell, locked, code in the metadata", () => {
    const u = buildTemplate(form, { unitCode: "XA-CAO-XA" });
    const s = u.model.sheets[0];
    const a = u.positions.cells["BDG_2019_H_UNIT"];
    const c = s.cells.find((x) => x.address === a);
    expect(c?.value).toBe("Xã Cao Xá");
    expect(u.model.styles[c?.style as string].locked).toBe(true);
    const metaRow = u.model.sheets[1].cells.find((x) => x.value === META_KEYS.unitCode)?.address.slice(1);
    expect(u.model.sheets[1].cells.find((x) => x.address === `B${metaRow}`)?.value).toBe("XA-CAO-XA");
    expect(u.positions).toEqual(t.positions);
  });

  test("unknown unit code", () => {
    expect(() => buildTemplate(form, { unitCode: "NOPE" })).toThrow(UnknownUnitError);
  });

  test("positions are exported without building by hand", () => {
    const p = templatePositions(form);
    expect(p.cells.BDG_2019_I_2_T).toBe(`D${p.rows["I.2"]}`);
    expect(p.cells.BDG_2019_I_2_F).toBe(`E${p.rows["I.2"]}`);
    expect(p.cells.BDG_2019_IV_5).toBe(`D${p.rows["IV.5"]}`);
    expect(p.cells.BDG_2019_VI_1).toBe(`C${p.rows["VI.1"]}`);
    expect(p.firstTableRow).toBe(p.headerRow + 2);
  });
});
