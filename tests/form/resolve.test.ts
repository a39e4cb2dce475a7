/** Resolving a form: names for every cell, lookup tables, helpers. */
import {
  BDG_2019,
  builtInForm,
  loadForm,
  nameOf,
  partsOf,
  resolveForm,
  parseForm,
  withUnits,
  type Unit,
} from "../../src/form";

const form = builtInForm();

describe("resolveForm / builtInForm", () => {
  it("builtInForm is parsed once", () => {
    expect(builtInForm()).toBe(form);
  });

  it("lookup tables", () => {
    expect(form.byCode.size).toBe(44);
    expect(form.byName.size).toBe(form.names.length);
    expect([...form.fieldByKey.keys()]).toEqual(["unit", "year", "reportDate", "preparer", "phone", "head"]);
    expect(form.units).toBe(form.definition.units);
  });

  it("partsOf by kind", () => {
    expect(partsOf("tf")).toEqual(["total", "female"]);
    expect(partsOf("count")).toEqual(["value"]);
    expect(partsOf("amount")).toEqual(["value"]);
    expect(partsOf("text")).toEqual(["value"]);
    expect(partsOf("computed")).toEqual([]);
  });

  it("nameOf finds a cell and throws for a missing one", () => {
    expect(nameOf(form, "V.7", "female")).toBe("BDG_2019_V_7_F");
    expect(() => nameOf(form, "I.1", "total")).toThrow(/I\.1\/total/);
    expect(() => nameOf(form, "IX.1", "value")).toThrow();
  });

  it("withUnits replaces the registry and keeps the names", () => {
    const units: Unit[] = [{ code: "XA-A", name: "Xã A", group: "Xã, thị trấn", aliases: [] }];
    const f = withUnits(form, units);
    expect(f.units).toEqual(units);
    expect(f.names).toEqual(form.names);
    expect(() =>
      withUnits(form, [{ code: "bad code", name: "x", group: "Xã, thị trấn", aliases: [] }])
    ).toThrow(/units\[0\]/);
  });

  it("a form with computed indicators (kind computed) gets no input cells for them", () => {
    const input = structuredClone(BDG_2019);
    input.indicators.push({
      code: "V.8",
      section: "V",
      label: { vi: "Tỷ lệ", en: "Ratio" },
      unit: "%",
      kind: "computed",
      formula: { op: "percentFemale", of: "V.1" },
    });
    const f = resolveForm(parseForm(input));
    expect(f.byCode.get("V.8")!.cells).toEqual([]);
    expect(f.names).toEqual(form.names);
  });

  it("loadForm = parse + resolve", () => {
    expect(loadForm(BDG_2019).names).toEqual(form.names);
  });
});
