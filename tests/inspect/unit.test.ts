/**
 * Whose report this is (src/inspect/unit.ts): the unit typed on the sheet against the unit the
 * template was issued to. One decision for validate, merge and the add-in.
 */
import { builtInForm, unitMatcherOf } from "../../src/form/resolve";
import {
  identifyUnit,
  RULE_TEMPLATE_UNIT_UNKNOWN,
  RULE_UNIT_OVERRIDES_TEMPLATE,
} from "../../src/inspect/unit";
import type { ReportHeader } from "../../src/validate/engine";

const form = builtInForm();
const matcher = unitMatcherOf(form);

function header(typed: string | null): ReportHeader {
  const unitMatch = typed ? matcher.match(typed) : ({ type: "none" } as const);
  return {
    unitText: typed,
    unitMatch,
    unit: unitMatch.type === "match" ? unitMatch.unit : null,
    year: 2019,
    reportDate: "2019-11-28",
    preparer: null,
    phone: null,
    head: null,
  };
}

const identify = (typed: string | null, meta: string | null) =>
  identifyUnit(form, matcher, header(typed), meta);

describe("identifyUnit", () => {
  test("the typed unit alone", () => {
    const r = identify("Xã Cao Xá", null);
    expect(r.identity).toMatchObject({ unit: { code: "XA-CAO-XA" }, source: "cell", problem: null });
    expect(r.issues).toEqual([]);
  });

  test("typed and template agree: no note", () => {
    const r = identify("UBND xã Cao Xá huyện Tân Yên", "XA-CAO-XA");
    expect(r.identity).toMatchObject({ unit: { code: "XA-CAO-XA" }, source: "cell" });
    expect(r.issues).toEqual([]);
  });

  test("a neighbour's template retyped: the typed unit wins, with a warning naming both", () => {
    const r = identify("Xã Lam Cốt", "XA-LAN-GIOI");
    expect(r.identity).toMatchObject({ unit: { code: "XA-LAM-COT" }, source: "cell" });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      severity: "warning",
      rule: RULE_UNIT_OVERRIDES_TEMPLATE,
      field: "unit",
    });
    expect(r.issues[0].message.vi).toContain("Lan Giới");
    expect(r.issues[0].message.vi).toContain("Lam Cốt");
  });

  test("a typed name that matches nothing, on a template of a unit: counted for it, with an error", () => {
    const r = identify("Xã Hoàng Vân", "XA-LAN-GIOI");
    expect(r.identity).toMatchObject({ unit: { code: "XA-LAN-GIOI" }, source: "meta" });
    expect(r.issues).toEqual([expect.objectContaining({ severity: "error", rule: "header", field: "unit" })]);
    expect(r.issues[0].message.vi).toContain("Hoàng Vân");
    expect(r.issues[0].message.vi).toContain("Xã Lan Giới");
  });

  test("a typed name that matches nothing, no template unit: no unit, refused with the closest names", () => {
    const r = identify("Xã Viêt Lậpp", null);
    expect(r.identity.unit).toBeNull();
    expect(r.identity.problem?.reason).toBe("unknownUnit");
    expect(r.identity.problem?.message.vi).toContain("có phải Xã Việt Lập");
    expect(r.issues[0]).toMatchObject({ severity: "error", field: "unit" });
  });

  test("ambiguous typed name: the template's unit settles it when it is one of the candidates", () => {
    expect(identify("Cao Thượng", "TT-CAO-THUONG").identity).toMatchObject({
      unit: { code: "TT-CAO-THUONG" },
      source: "meta",
    });
    const r = identify("Cao Thượng", null);
    expect(r.identity.problem?.reason).toBe("ambiguousUnit");
    expect(r.identity.problem?.message.vi).toContain("Thị trấn Cao Thượng hay Xã Cao Thượng");
  });

  test("blank unit cell: the template's unit, else no unit", () => {
    expect(identify(null, "HND").identity).toMatchObject({ unit: { code: "HND" }, source: "meta" });
    expect(identify(null, null).identity.problem?.reason).toBe("unknownUnit");
  });

  test("a template unit code the registry no longer has: the typed unit decides, with a warning", () => {
    const r = identify("Hội Nông dân huyện", "OLD-CODE");
    expect(r.identity).toMatchObject({ unit: { code: "HND" }, source: "cell" });
    expect(r.issues.map((i) => i.rule)).toEqual([RULE_TEMPLATE_UNIT_UNKNOWN]);
  });
});
