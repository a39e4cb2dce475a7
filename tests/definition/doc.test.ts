/**
 * docs/FORM-DEFINITION.md says what the code does: every sheet's columns with their Vietnamese and
 * English headers and their listed values, the settings of each rule type, and the examples of
 * the compare grammar and of the problems (each reproduced on the built-in form).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expressionProblem } from "../../src/definition/expression-problem";
import { INFO_ROWS, TABLES } from "../../src/definition/format";
import { parseRuleParams } from "../../src/definition/rule-params";
import { builtInForm } from "../../src/form/resolve";
import { parseComparison } from "../../src/form/rule-expr";
import { partsOfKind, ruleSchema } from "../../src/form/schema";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "FORM-DEFINITION.md"), "utf8");
const form = builtInForm();
const kinds = new Map(form.definition.indicators.map((i) => [i.code, i.kind]));
const cellsOf = (code: string): ReturnType<typeof partsOfKind> | null => {
  const k = kinds.get(code);
  return k === undefined ? null : k === "text" ? [] : partsOfKind(k);
};

/** The table rows under a heading (up to the next heading), as trimmed cells. */
function tableUnder(heading: string): string[][] {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = doc.indexOf("\n#", start + heading.length + 2);
  return doc
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("|---"))
    .slice(1)
    .map((l) =>
      l
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim())
    );
}

const code = (s: string): string => s.replace(/^`|`$/g, "");

describe("docs/FORM-DEFINITION.md", () => {
  it("lists every column of every table sheet with the format's headers", () => {
    for (const t of TABLES) {
      const rows = tableUnder(`### ${t.sheet} / ${t.en}`);
      expect([t.sheet, rows.map((r) => [r[0], r[1], r[2]])]).toEqual([
        t.sheet,
        t.columns.map((c, i) => ["ABCDEFGHIJK"[i], c.vi, c.en]),
      ]);
      t.columns.forEach((c, i) => {
        for (const v of c.values ?? [])
          if (v !== "Có" && v !== "Không")
            expect([t.sheet, c.vi, rows[i][3]]).toEqual([t.sheet, c.vi, expect.stringContaining(`\`${v}\``)]);
      });
    }
  });

  it("lists the keys of Thông tin with their labels", () => {
    const rows = tableUnder("### Thông tin / Form");
    expect(rows.map((r) => [code(r[0]), r[1]])).toEqual(INFO_ROWS.map((r) => [r.key, `${r.vi} / ${r.en}`]));
  });

  it("gives every rule type, with settings that read", () => {
    const rows = tableUnder("## Rule settings (column F of *Quy tắc*)");
    expect(rows.map((r) => code(r[0]))).toEqual(ruleSchema.options.map((o) => o.shape.type.value));
    for (const [type, , settings] of rows) {
      const example = /`([^`]+)`/.exec(settings)?.[1];
      if (code(type) === "compare") expect(() => parseComparison(example ?? "", cellsOf)).not.toThrow();
      else if (example) expect(Object.keys(parseRuleParams(code(type), example)).length).toBeGreaterThan(0);
      else expect(settings).toBe("none");
    }
  });

  it("the compare examples parse on the built-in form, and the refused one is refused", () => {
    const rows = tableUnder("Examples:");
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const [expression] of rows) expect(() => parseComparison(code(expression), cellsOf)).not.toThrow();
    expect(() => parseComparison("I.8.T >= 2 * I.7", cellsOf)).toThrow(/unexpected character "\*"/);
  });

  it("the expression problems shown are the ones the reader gives", () => {
    for (const expression of ["II.3.T + <= II.2.T", "II.2 <= 100"]) {
      const p = expressionProblem(expression, kinds);
      expect(doc).toContain(`cột Biểu thức / tham số: ${p?.vi}`);
    }
  });
});
