/**
 * A fast-check arbitrary for valid form definitions, for the definition workbook's round trip
 * (tests/definition/round-trip.test.ts): a few sections, 1–10 indicators of every kind, computed
 * values of tf indicators, rules of every type (compare rules with generated expressions), 1–8
 * units in 1–3 groups with other names, header fields with "unit" among them. Texts are
 * Vietnamese with diacritics and the characters XML must escape; never with spaces at either end
 * (the reader trims what an officer typed).
 */
import fc from "fast-check";
import {
  fieldKey,
  parseForm,
  type FieldKey,
  type FormDefinition,
  type FormInput,
  type Rule,
} from "../../src/form/schema";

const VI_WORDS = [
  "Số",
  "lượt",
  "người",
  "tham",
  "dự",
  "tập huấn",
  "bình đẳng giới",
  "phụ nữ",
  "Hội",
  "Liên hiệp",
  "trẻ em gái",
  "xã",
  "thôn",
  "bản",
  "khu phố",
  "kinh phí (triệu đồng)",
  "tỷ lệ %",
  "“Địa chỉ tin cậy”",
  "<5 tuổi>",
  "A & B",
  "năm 2026",
  "15/11–15/12",
  "Ủy ban",
  "Đảng ủy",
  "ưu tiên",
  "Ơn",
  "dân tộc thiểu số",
  "ngành",
  "đoàn thể",
];
const EN_WORDS = ["Number", "of", "trainees", "women", "girls", "budget", "(million VND)", "A & B", "<5>"];

const words = (pool: string[], max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: max }).map((w) => w.join(" "));
const text = fc.record({ vi: words(VI_WORDS, 6), en: words(EN_WORDS, 5) });

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
const GROUPS = ["Thôn", "Cơ quan, đoàn thể", "Xã, thị trấn", "Tổ dân phố"];
const MEASURES = ["", "cuộc", "lượt người", "triệu đồng", "người", "%"];

type Kind = "count" | "amount" | "tf" | "text" | "computed";

interface IndicatorSpec {
  section: number;
  kind: Kind;
  label: { vi: string; en: string };
  unit: string;
  decimals: number | null;
  femaleLabel: { vi: string; en: string } | null;
}

const indicatorSpec = fc.record({
  section: fc.nat(5),
  kind: fc.constantFrom<Kind>("count", "amount", "tf", "tf", "text", "computed"),
  label: text,
  unit: fc.constantFrom(...MEASURES),
  decimals: fc.option(fc.integer({ min: 0, max: 6 })),
  femaleLabel: fc.option(text),
});

/** The indicators: codes `<section>.<n>`, a computed one only when a tf one is there to compute from. */
function indicatorsOf(specs: IndicatorSpec[], sectionCount: number): FormInput["indicators"] {
  const counters = new Map<string, number>();
  const firstTf = specs.findIndex((s) => s.kind === "tf");
  const out: FormInput["indicators"] = [];
  const tfCodes: string[] = [];
  specs.forEach((s, i) => {
    const section = ROMAN[s.section % sectionCount];
    const n = (counters.get(section) ?? 0) + 1;
    counters.set(section, n);
    const code = `${section}.${n}`;
    const kind: Kind = s.kind === "computed" && (firstTf < 0 || firstTf > i) ? "count" : s.kind;
    if (kind === "tf") tfCodes.push(code);
    out.push({
      code,
      section,
      label: s.label,
      unit: kind === "text" ? "" : s.unit,
      kind,
      ...(kind === "amount" && s.decimals !== null ? { decimals: s.decimals } : {}),
      ...(kind === "tf" && s.femaleLabel ? { femaleLabel: s.femaleLabel } : {}),
      ...(kind === "computed" ? { formula: { op: "percentFemale" as const, of: tfCodes[0] } } : {}),
    });
  });
  return out;
}

type Ind = FormInput["indicators"][number];
/** One number cell of an indicator, as written in a rule: CODE, CODE.T or CODE.F. */
function cellsOf(i: Ind): { text: string; ref: { indicator: string; part: "total" | "female" | "value" } }[] {
  if (i.kind === "tf")
    return [
      { text: `${i.code}.T`, ref: { indicator: i.code, part: "total" } },
      { text: `${i.code}.F`, ref: { indicator: i.code, part: "female" } },
    ];
  if (i.kind === "count" || i.kind === "amount")
    return [{ text: i.code, ref: { indicator: i.code, part: "value" } }];
  return [];
}

/** A comparison an officer writes: a cell first, then cells and numbers joined by + and -. */
function expressionOf(cells: string[]): fc.Arbitrary<string> {
  const term = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...cells) },
    { weight: 1, arbitrary: fc.constantFrom("0", "1", "2", "100", "0,5", "2.25") }
  );
  const side = (first: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc
      .tuple(
        first,
        fc.array(fc.tuple(fc.constantFrom(" + ", " - ", " − "), term), { maxLength: 3 }),
        fc.boolean()
      )
      .map(([f, rest, neg]) => `${neg ? "-" : ""}${f}${rest.map(([s, t]) => s + t).join("")}`);
  return fc
    .tuple(
      side(fc.constantFrom(...cells)),
      fc.constantFrom("<=", "<", "=", ">=", ">", "≤", "≥", "=="),
      side(term)
    )
    .map(([l, op, r]) => `${l} ${op} ${r}`);
}

const ruleText = fc.record({ vi: words(VI_WORDS, 8), en: words(EN_WORDS, 6) });
const severityArb = fc.constantFrom<"error" | "warning">("error", "warning");

/** Rules of every type the indicators allow (each type at most once, plus compare rules). */
function rulesOf(indicators: Ind[]): fc.Arbitrary<Rule[]> {
  const numeric = indicators.filter((i) => i.kind === "count" || i.kind === "amount" || i.kind === "tf");
  const single = indicators.filter((i) => i.kind === "count" || i.kind === "amount");
  const tf = indicators.filter((i) => i.kind === "tf");
  const texts = indicators.filter((i) => i.kind === "text");
  const cells = numeric.flatMap(cellsOf);
  const pick = <T>(xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
  const candidates: fc.Arbitrary<Record<string, unknown>>[] = [
    ...(
      [
        "valueType",
        "blank",
        "textNumber",
        "femaleNotAboveTotal",
        "femaleWithoutTotal",
        "header",
        "late",
      ] as const
    ).map((type) => fc.constant({ type })),
  ];
  if (numeric.length) {
    candidates.push(
      pick(numeric).chain((part) =>
        pick(numeric.filter((w) => w.kind === part.kind)).map((whole) => ({
          type: "partOfWhole",
          part: part.code,
          whole: whole.code,
        }))
      ),
      fc.tuple(pick(cells), pick(cells)).map(([l, r]) => ({ type: "notLess", left: l.ref, right: r.ref })),
      fc
        .tuple(pick(cells), pick(cells))
        .map(([w, q]) => ({ type: "requiresPositive", when: w.ref, requires: q.ref })),
      fc
        .array(expressionOf(cells.map((c) => c.text)), { minLength: 1, maxLength: 3 })
        .map((expressions) => ({ type: "compare", expressions }))
    );
  }
  if (single.length)
    candidates.push(
      fc
        .tuple(
          fc.uniqueArray(pick(single), { minLength: 1, maxLength: 3 }),
          pick(single),
          fc.constantFrom(0, 0.001, 0.5, 2)
        )
        .map(([parts, whole, tolerance]) => ({
          type: "sumEquals",
          parts: parts.map((p) => p.code),
          whole: whole.code,
          tolerance,
        }))
    );
  if (tf.length)
    candidates.push(
      fc
        .tuple(
          pick(tf),
          fc.integer({ min: 0, max: 500 }),
          fc.integer({ min: 50, max: 110 }),
          fc.integer({ min: 0, max: 40 })
        )
        .map(([i, minTotal, min, spread]) => ({
          type: "sexRatioRange",
          indicator: i.code,
          minTotal,
          min: min + 0.5,
          max: min + spread,
        }))
    );
  if (texts.length) candidates.push(pick(texts).map((i) => ({ type: "textRequired", indicator: i.code })));
  return fc
    .tuple(...candidates.map((c) => fc.option(c, { freq: 3 })))
    .chain((chosen) => {
      const bodies = chosen
        .filter((c): c is Record<string, unknown> => c !== null)
        .flatMap((c) =>
          c.type === "compare"
            ? (c.expressions as string[]).map((expression) => ({ type: "compare", expression }))
            : [c]
        );
      return fc.tuple(
        fc.constant(bodies),
        fc.array(fc.tuple(severityArb, ruleText), {
          minLength: bodies.length,
          maxLength: bodies.length,
        })
      );
    })
    .map(
      ([bodies, meta]) =>
        bodies.map((b, i) => ({
          ...b,
          id: `${String(b.type).toLowerCase()}.r${i + 1}`,
          severity: meta[i][0],
          description: meta[i][1],
        })) as Rule[]
    );
}

const unitName = fc
  .tuple(fc.constantFrom("Thôn", "Xã", "Trạm Y tế", "Hội Phụ nữ", "Trường", "Bản"), words(VI_WORDS, 3))
  .map(([kind, rest]) => `${kind} ${rest}`);

const units = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(
      fc.record({
        name: unitName,
        group: fc.nat(2),
        aliases: fc.array(words(VI_WORDS, 3), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 8 }
    )
  )
  .map(([groups, list]) =>
    list.map((u, i) => ({
      code: `DV-${i + 1}${u.name.length % 3 === 0 ? "A" : ""}`,
      name: u.name,
      group: GROUPS[u.group % groups],
      aliases: u.aliases,
    }))
  );

const fields = fc
  .tuple(
    fc.shuffledSubarray(fieldKey.options.filter((k) => k !== "unit")),
    fc.nat(5),
    fc.array(fc.tuple(text, fc.boolean()), { minLength: 6, maxLength: 6 })
  )
  .map(([others, at, meta]) => {
    const keys: FieldKey[] = [...others];
    keys.splice(at % (keys.length + 1), 0, "unit");
    return keys.map((key, i) => ({ key, label: meta[i][0], required: meta[i][1] }));
  });

const isoDate = fc
  .tuple(
    fc.integer({ min: 2000, max: 2099 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 })
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** A valid form definition, as the schema returns it (defaults applied). */
export const formDefinitionArb: fc.Arbitrary<FormDefinition> = fc
  .record({
    sectionCount: fc.integer({ min: 1, max: 4 }),
    sectionTitles: fc.array(fc.tuple(text, fc.boolean()), { minLength: 4, maxLength: 4 }),
    specs: fc.array(indicatorSpec, { minLength: 1, maxLength: 10 }),
    id: fc.constantFrom("BDG-2019", "BC-XA", "ThongKe-2026", "Mau-7"),
    version: fc.constantFrom("1", "2", "1.1", "2026.3"),
    title: text,
    deadline: isoDate,
    collector: fc.record({ code: fc.constantFrom("XA-HOA-BINH", "UBND-2"), name: unitName }),
    fields,
    units,
  })
  .chain((f) => {
    const sections = f.sectionTitles.slice(0, f.sectionCount).map(([title, pf], i) => ({
      code: ROMAN[i],
      title,
      percentFemale: pf,
    }));
    const indicators = indicatorsOf(f.specs, f.sectionCount);
    const tfCodes = indicators.filter((i) => i.kind === "tf").map((i) => i.code);
    const computed = tfCodes.length
      ? fc.array(
          fc.tuple(
            fc.constantFrom(...tfCodes),
            fc.constantFrom("percentFemale", "sexRatioAtBirth"),
            text,
            fc.constantFrom("%", "")
          ),
          { maxLength: 3 }
        )
      : fc.constant([] as [string, string, { vi: string; en: string }, string][]);
    return fc.tuple(computed, rulesOf(indicators)).map(([comp, rules]) =>
      parseForm({
        id: f.id,
        version: f.version,
        title: f.title,
        year: Number(f.deadline.slice(0, 4)),
        collector: f.collector,
        deadline: f.deadline,
        fields: f.fields,
        sections,
        indicators,
        computed: comp.map(([of, op, label, unit], i) => ({
          id: `${of}.c${"abcdefgh"[i]}`,
          label,
          unit,
          formula: { op, of },
        })),
        rules,
        units: f.units,
      })
    );
  });
