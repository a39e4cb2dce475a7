/** Form definitions: the schema accepts the built-in form and rejects malformed ones, naming the entry. */
import {
  BDG_2019,
  FormDefinitionError,
  formSchema,
  loadForm,
  parseForm,
  type FormInput,
} from "../../src/form";

/** A deep copy of the built-in definition, changed by `edit`. */
function variant(edit: (f: FormInput & Record<string, unknown>) => void): FormInput {
  const copy = structuredClone(BDG_2019) as FormInput & Record<string, unknown>;
  edit(copy);
  return copy;
}

/** The problems parseForm reports for this input (fails the test if it parses). */
function problems(input: unknown): string[] {
  try {
    parseForm(input);
  } catch (e) {
    expect(e).toBeInstanceOf(FormDefinitionError);
    const err = e as FormDefinitionError;
    expect(err.message).toContain("invalid form definition");
    for (const p of err.problems) expect(err.message).toContain(p);
    return err.problems;
  }
  throw new Error("expected the definition to be rejected");
}

const ruleIndex = (id: string): number => BDG_2019.rules.findIndex((r) => r.id === id);

describe("formSchema", () => {
  it("accepts the built-in form and applies defaults", () => {
    const parsed = parseForm(BDG_2019);
    expect(parsed.indicators).toHaveLength(44);
    expect(parsed.units.every((u) => Array.isArray(u.aliases))).toBe(true);
    expect(parsed.sections.find((s) => s.code === "I")!.percentFemale).toBe(false);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(BDG_2019);
    parseForm(BDG_2019);
    expect(JSON.stringify(BDG_2019)).toBe(before);
  });
});

describe("malformed definitions are rejected, pointing at the offending entry", () => {
  it("duplicate indicator code", () => {
    const p = problems(variant((f) => (f.indicators[3].code = "I.3")));
    expect(p).toHaveLength(1);
    expect(p[0]).toContain("indicators[3] (I.3).code");
    expect(p[0]).toMatch(/trùng lặp.*duplicate indicator code: I\.3/);
  });

  it("unknown section", () => {
    const p = problems(variant((f) => (f.indicators[3].section = "VII")));
    expect(p).toEqual([expect.stringContaining("indicators[3] (I.4).section")]);
    expect(p[0]).toContain('unknown section "VII"');
    expect(p[0]).toContain('mục "VII" không tồn tại');
  });

  it("bad indicator code", () => {
    const p = problems(variant((f) => (f.indicators[3].code = "i-4")));
    expect(p.some((x) => x.startsWith("indicators[3] (i-4).code") && x.includes("I.2"))).toBe(true);
  });

  it("unknown kind", () => {
    const p = problems(variant((f) => ((f.indicators[3] as { kind: string }).kind = "percent")));
    expect(p).toEqual([expect.stringContaining("indicators[3] (I.4).kind")]);
  });

  it("missing label", () => {
    const p = problems(variant((f) => ((f.indicators[5] as { label: unknown }).label = { vi: "", en: "x" })));
    expect(p).toEqual([expect.stringContaining("indicators[5] (I.6).label.vi")]);
  });

  it("computed indicator without a formula, and a formula on a non-computed one", () => {
    const p = problems(
      variant((f) => {
        (f.indicators[0] as { kind: string }).kind = "computed";
        (f.indicators[1] as { formula?: unknown }).formula = { op: "percentFemale", of: "I.2" };
      })
    );
    expect(p.some((x) => x.startsWith("indicators[0] (I.1).formula") && x.includes("needs a formula"))).toBe(
      true
    );
    expect(p.some((x) => x.startsWith("indicators[1] (I.2).formula") && x.includes("only computed"))).toBe(
      true
    );
  });

  it("femaleLabel on a non-tf indicator", () => {
    const p = problems(variant((f) => (f.indicators[0].femaleLabel = { vi: "bé gái", en: "girls" })));
    expect(p).toEqual([expect.stringContaining("indicators[0] (I.1).femaleLabel")]);
  });

  it("rule naming an unknown indicator", () => {
    const i = ruleIndex("part.II.3-le-II.2");
    const p = problems(variant((f) => ((f.rules[i] as { part: string }).part = "II.99")));
    expect(p).toEqual([expect.stringContaining(`rules[${i}] (part.II.3-le-II.2).part`)]);
    expect(p[0]).toContain("unknown indicator II.99");
  });

  it("partOfWhole across different kinds (tf part of a count)", () => {
    const i = ruleIndex("part.II.3-le-II.2");
    const p = problems(variant((f) => ((f.rules[i] as { whole: string }).whole = "II.5")));
    expect(p).toEqual([expect.stringContaining(`rules[${i}] (part.II.3-le-II.2).part`)]);
    expect(p[0]).toMatch(/II\.3 và II\.5 phải cùng loại \/ must be of the same kind/);
  });

  it("partOfWhole naming a text indicator", () => {
    const i = ruleIndex("part.II.6-le-II.5");
    const p = problems(variant((f) => ((f.rules[i] as { part: string }).part = "VI.1")));
    expect(
      p.some(
        (x) => x.startsWith(`rules[${i}] (part.II.6-le-II.5).part`) && x.includes("must be count|amount|tf")
      )
    ).toBe(true);
  });

  it("sumEquals over a tf indicator", () => {
    const i = ruleIndex("sum.IV.6-IV.7-eq-IV.5");
    const p = problems(variant((f) => ((f.rules[i] as { parts: string[] }).parts = ["IV.6", "IV.9"])));
    expect(p).toEqual([expect.stringContaining(`rules[${i}] (sum.IV.6-IV.7-eq-IV.5).parts[1]`)]);
  });

  it("sexRatioRange of a count, textRequired of a count", () => {
    const a = ruleIndex("srb.V.7");
    const b = ruleIndex("blank.VI.1");
    const p = problems(
      variant((f) => {
        (f.rules[a] as { indicator: string }).indicator = "I.1";
        (f.rules[b] as { indicator: string }).indicator = "I.1";
      })
    );
    expect(p).toHaveLength(2);
    expect(p).toContainEqual(
      expect.stringContaining(`rules[${a}] (srb.V.7).indicator: chỉ tiêu I.1 phải thuộc loại tf`)
    );
    expect(p).toContainEqual(
      expect.stringContaining(`rules[${b}] (blank.VI.1).indicator: chỉ tiêu I.1 phải thuộc loại text`)
    );
  });

  it("notLess / requiresPositive naming a cell the indicator does not have", () => {
    const a = ruleIndex("victims.III.6-ge-III.5");
    const b = ruleIndex("requires.I.2-I.1");
    const p = problems(
      variant((f) => {
        (f.rules[a] as { right: { part: string } }).right.part = "total"; // III.5 is a count
        (f.rules[b] as { when: { part: string } }).when.part = "value"; // I.2 is T|F
      })
    );
    expect(p).toEqual([
      expect.stringContaining(`rules[${a}] (victims.III.6-ge-III.5).right.part`),
      expect.stringContaining(`rules[${b}] (requires.I.2-I.1).when.part`),
    ]);
  });

  it("duplicate rule id", () => {
    const p = problems(variant((f) => (f.rules[1].id = f.rules[0].id)));
    expect(p).toEqual([
      expect.stringContaining("rules[1] (type).id: mã quy tắc trùng lặp / duplicate rule id: type"),
    ]);
  });

  it("unknown rule type, bad severity (shape errors; reference checks wait until the shape is right)", () => {
    const p = problems(
      variant((f) => {
        (f.rules[2] as { severity: string }).severity = "fatal";
        (f.rules[3] as { type: string }).type = "magic";
      })
    );
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/^rules\[2\] \(tf\.female-without-total\)\.severity/);
    expect(p[1]).toMatch(/^rules\[3\] \(part\.II\.3-le-II\.2\)\.type/);
  });

  it("bad unit code", () => {
    const p = problems(variant((f) => (f.units[5].code = "xa cao xa")));
    expect(p).toEqual([expect.stringContaining("units[5] (xa cao xa).code")]);
    expect(p[0]).toContain("unit code: A-Z, 0-9, '-'");
  });

  it("duplicate unit code", () => {
    const p = problems(variant((f) => (f.units[3].code = f.units[2].code)));
    expect(p).toEqual([expect.stringContaining(`units[3] (${BDG_2019.units[2].code}).code`)]);
    expect(p[0]).toContain("duplicate unit code");
  });

  it("unit without a group, unit without a name", () => {
    const p = problems(
      variant((f) => {
        f.units[0].group = "  ";
        f.units[1].name = "";
      })
    );
    expect(p.some((x) => x.startsWith("units[0] (TT-CAO-THUONG).group"))).toBe(true);
    expect(p.some((x) => x.startsWith("units[1] (TT-NHA-NAM).name"))).toBe(true);
  });

  it("missing unit field", () => {
    const p = problems(variant((f) => (f.fields = f.fields.filter((x) => x.key !== "unit"))));
    expect(p).toEqual([expect.stringContaining("fields: thiếu trường đơn vị / the unit field is required")]);
  });

  it("duplicate field", () => {
    const p = problems(variant((f) => (f.fields[2].key = "year")));
    expect(p).toEqual([
      expect.stringContaining("fields[2] (year).key: trường trùng lặp / duplicate field: year"),
    ]);
  });

  it("unknown field key", () => {
    const p = problems(variant((f) => ((f.fields[3] as { key: string }).key = "email")));
    expect(p).toEqual([expect.stringContaining("fields[3] (email).key")]);
  });

  it("computed value of a non-tf indicator, and of an unknown one", () => {
    const p = problems(
      variant((f) => {
        f.computed[0].formula.of = "I.1";
        f.computed[1].formula.of = "V.99";
      })
    );
    expect(p).toEqual([
      expect.stringContaining(
        "computed[0] (V.1.pctf).formula.of: chỉ tiêu I.1 phải thuộc loại tf / indicator I.1 must be tf"
      ),
      expect.stringContaining(
        "computed[1] (V.2.pctf).formula.of: chỉ tiêu V.99 không tồn tại / unknown indicator V.99"
      ),
    ]);
  });

  it("duplicate computed id", () => {
    const p = problems(variant((f) => (f.computed[1].id = f.computed[0].id)));
    expect(p).toEqual([expect.stringContaining("computed[1] (V.1.pctf).id")]);
  });

  it("header-level problems: id, version, deadline, year, empty lists", () => {
    const p = problems(
      variant((f) => {
        f.id = "BDG 2019";
        f.version = "v1";
        f.deadline = "01/12/2019";
        f.year = 19;
        f.units = [];
      })
    );
    for (const key of ["id", "version", "deadline", "year", "units"])
      expect(p.some((x) => x.startsWith(`${key}:`))).toBe(true);
  });

  it("several problems give several lines", () => {
    const p = problems(
      variant((f) => {
        f.indicators[3].section = "X";
        f.units[5].code = "bad code";
      })
    );
    expect(p.length).toBe(2);
  });

  it("not an object at all", () => {
    expect(problems(null)).toEqual([expect.stringMatching(/^\(form\): /)]);
    expect(problems("BDG-2019")).toEqual([expect.stringMatching(/^\(form\): /)]);
  });

  it("a missing array does not crash the description", () => {
    const p = problems(variant((f) => delete (f as Record<string, unknown>).indicators));
    expect(p.some((x) => x.startsWith("indicators:"))).toBe(true);
  });

  it("loadForm rejects too, formSchema.safeParse reports", () => {
    const bad = variant((f) => (f.indicators[3].section = "VII"));
    expect(() => loadForm(bad)).toThrow(FormDefinitionError);
    expect(formSchema.safeParse(bad).success).toBe(false);
  });
});
