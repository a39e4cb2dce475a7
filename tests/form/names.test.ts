/** The defined-name scheme: every input cell and header field named, unique, valid, stable. */
import fc from "fast-check";
import {
  BDG_2019,
  builtInForm,
  cellName,
  fieldName,
  isValidDefinedName,
  loadForm,
  namePrefix,
  type CellPart,
  type FieldKey,
} from "../../src/form";

const form = builtInForm();

/** The full list, in form order (header fields first). Changing it breaks every template in the field. */
const EXPECTED_NAMES = [
  "BDG_2019_H_UNIT",
  "BDG_2019_H_YEAR",
  "BDG_2019_H_DATE",
  "BDG_2019_H_PREPARER",
  "BDG_2019_H_PHONE",
  "BDG_2019_H_HEAD",
  "BDG_2019_I_1",
  "BDG_2019_I_2_T",
  "BDG_2019_I_2_F",
  "BDG_2019_I_3",
  "BDG_2019_I_4",
  "BDG_2019_I_5",
  "BDG_2019_I_6",
  "BDG_2019_I_7",
  "BDG_2019_I_8_T",
  "BDG_2019_I_8_F",
  "BDG_2019_II_1",
  "BDG_2019_II_2_T",
  "BDG_2019_II_2_F",
  "BDG_2019_II_3_T",
  "BDG_2019_II_3_F",
  "BDG_2019_II_4_T",
  "BDG_2019_II_4_F",
  "BDG_2019_II_5",
  "BDG_2019_II_6",
  "BDG_2019_III_1",
  "BDG_2019_III_2",
  "BDG_2019_III_3_T",
  "BDG_2019_III_3_F",
  "BDG_2019_III_4",
  "BDG_2019_III_5",
  "BDG_2019_III_6_T",
  "BDG_2019_III_6_F",
  "BDG_2019_III_7_T",
  "BDG_2019_III_7_F",
  "BDG_2019_III_8",
  "BDG_2019_III_9",
  "BDG_2019_III_10",
  "BDG_2019_IV_1",
  "BDG_2019_IV_2",
  "BDG_2019_IV_3",
  "BDG_2019_IV_4",
  "BDG_2019_IV_5",
  "BDG_2019_IV_6",
  "BDG_2019_IV_7",
  "BDG_2019_IV_8",
  "BDG_2019_IV_9_T",
  "BDG_2019_IV_9_F",
  "BDG_2019_V_1_T",
  "BDG_2019_V_1_F",
  "BDG_2019_V_2_T",
  "BDG_2019_V_2_F",
  "BDG_2019_V_3_T",
  "BDG_2019_V_3_F",
  "BDG_2019_V_4_T",
  "BDG_2019_V_4_F",
  "BDG_2019_V_5_T",
  "BDG_2019_V_5_F",
  "BDG_2019_V_6_T",
  "BDG_2019_V_6_F",
  "BDG_2019_V_7_T",
  "BDG_2019_V_7_F",
  "BDG_2019_VI_1",
  "BDG_2019_VI_2",
  "BDG_2019_VI_3",
  "BDG_2019_VI_4",
];

/** Independent of the module: A1 (with or without $) up to XFD1048576, and R1C1 forms. */
function looksLikeA1(name: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(name);
  if (!m) return false;
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return col <= 16384 && Number(m[2]) >= 1 && Number(m[2]) <= 1048576;
}
const looksLikeR1C1 = (name: string): boolean => /^(R\d*)?(C\d*)?$/i.test(name);

describe("defined names of the built-in form", () => {
  it("the full list is stable", () => {
    expect(form.names).toEqual(EXPECTED_NAMES);
  });

  it("a few explicit names", () => {
    expect(form.byCode.get("I.2")!.cells).toEqual([
      { part: "total", name: "BDG_2019_I_2_T" },
      { part: "female", name: "BDG_2019_I_2_F" },
    ]);
    expect(form.byCode.get("I.1")!.cells).toEqual([{ part: "value", name: "BDG_2019_I_1" }]);
    expect(form.byCode.get("III.10")!.cells[0].name).toBe("BDG_2019_III_10");
    expect(form.fieldByKey.get("unit")!.name).toBe("BDG_2019_H_UNIT");
    expect(form.fieldByKey.get("reportDate")!.name).toBe("BDG_2019_H_DATE");
  });

  it("every input cell and every header field is named, and nothing else", () => {
    const cells = form.indicators.flatMap((i) => i.cells.map((c) => c.name));
    const fields = form.fields.map((f) => f.name);
    expect(cells).toHaveLength(44 + 16); // the 16 T|F rows have two cells
    expect(fields).toHaveLength(6);
    expect(new Set(form.names)).toEqual(new Set([...fields, ...cells]));
    for (const ind of form.indicators) expect(ind.cells.length).toBe(ind.kind === "tf" ? 2 : 1);
  });

  it("names are unique", () => {
    expect(new Set(form.names).size).toBe(form.names.length);
    // Also unique case-insensitively (Excel names are case-insensitive).
    expect(new Set(form.names.map((n) => n.toUpperCase())).size).toBe(form.names.length);
  });

  it.each(EXPECTED_NAMES)("%s is a valid defined name, not a cell reference", (name) => {
    expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(isValidDefinedName(name)).toBe(true);
    expect(looksLikeA1(name)).toBe(false);
    expect(looksLikeR1C1(name)).toBe(false);
    // No leading "letters then digits" run that a spreadsheet could take for a cell.
    expect(name).not.toMatch(/^[A-Za-z]{1,3}\d/);
    expect(name.length).toBeLessThanOrEqual(255);
  });

  it("byName maps every name back to its cell or field", () => {
    for (const ind of form.indicators) {
      for (const c of ind.cells)
        expect(form.byName.get(c.name)).toMatchObject({
          type: "indicator",
          part: c.part,
          indicator: { code: ind.code },
        });
    }
    for (const f of form.fields)
      expect(form.byName.get(f.name)).toMatchObject({ type: "field", field: { key: f.key } });
  });

  it("a version change does not change any name", () => {
    const v2 = loadForm({ ...BDG_2019, version: "2.1" });
    expect(v2.version).toBe("2.1");
    expect(v2.names).toEqual(form.names);
  });

  it("a new form id changes the prefix only", () => {
    const other = loadForm({ ...BDG_2019, id: "BDG-2020" });
    expect(other.names).toEqual(form.names.map((n) => n.replace(/^BDG_2019_/, "BDG_2020_")));
  });
});

describe("namePrefix, cellName, fieldName", () => {
  it.each([
    ["BDG-2019", "BDG_2019"],
    ["BDG2019", "BDG_2019"],
    ["bdg-2019", "BDG_2019"],
    ["Bình Đẳng Giới 2019", "BINH_DANG_GIOI_2019"],
    ["2019", "F_2019"],
    ["--x--", "X"],
    ["", "F_"],
  ])("namePrefix(%j) = %s", (id, prefix) => {
    expect(namePrefix(id)).toBe(prefix);
  });

  it("cellName / fieldName", () => {
    expect(cellName("BDG-2019", "I.2", "total")).toBe("BDG_2019_I_2_T");
    expect(cellName("BDG-2019", "I.2", "female")).toBe("BDG_2019_I_2_F");
    expect(cellName("BDG-2019", "IV.5", "value")).toBe("BDG_2019_IV_5");
    expect(fieldName("BDG-2019", "phone")).toBe("BDG_2019_H_PHONE");
  });

  it("property: any form id + any indicator code + part gives a valid name", () => {
    const formId = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.stringMatching(/^[A-Za-z0-9-]{0,30}$/)
    );
    const code = fc.stringMatching(/^[A-Z]{1,4}(\.[0-9]{1,3}){0,3}$/);
    const part = fc.constantFrom<CellPart>("total", "female", "value");
    const key = fc.constantFrom<FieldKey>("unit", "year", "reportDate", "preparer", "phone", "head");
    fc.assert(
      fc.property(formId, code, part, key, (id, c, p, k) => {
        const name = cellName(id, c, p);
        expect(isValidDefinedName(name)).toBe(true);
        expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(isValidDefinedName(fieldName(id, k))).toBe(true);
        expect(name.startsWith(`${namePrefix(id)}_`)).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });
});

describe("isValidDefinedName", () => {
  it.each([
    "A1",
    "a1",
    "$A$1",
    "Z99",
    "XFD1048576",
    "XFD1",
    "AB12",
    "BDG2019",
    "R1C1",
    "r1c1",
    "R",
    "C",
    "r",
    "c",
    "RC",
    "R1",
    "C1",
    "R10C2",
    "A1_B",
    "R1C1_X",
    "BDG 2019",
    "Tân_Yên",
    "Xã_Cao_Xá",
    "I.2",
    "1ABC",
    "_1-2",
    "",
    "A".repeat(256),
  ])("rejects %j", (name) => {
    expect(isValidDefinedName(name)).toBe(false);
  });

  it.each([
    "BDG_2019_I_2_T",
    "BDG_2019_H_UNIT",
    "_x",
    "Total",
    "F_2019",
    "C_1",
    "R_I_1",
    "XFE1",
    "A".repeat(255),
  ])("accepts %j", (name) => {
    expect(isValidDefinedName(name)).toBe(true);
  });
});
