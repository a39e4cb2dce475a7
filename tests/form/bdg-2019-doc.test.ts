/** docs/FORM-BDG-2019.md says what the code does: its indicator and unit tables match the built-in form. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtInForm } from "../../src/form/resolve";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "FORM-BDG-2019.md"), "utf8");
const form = builtInForm();

/** Table rows of the document, split into trimmed cells (`T\|F` kept as one cell). */
const rows = doc
  .split("\n")
  .filter((l) => l.startsWith("| ") && !l.startsWith("|---"))
  .map((l) =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, "|"))
  );

const KIND: Record<string, string> = { count: "count", amount: "amount", tf: "T|F", text: "text" };

describe("docs/FORM-BDG-2019.md", () => {
  it("lists the 44 indicators with the code's labels, units of measure, kinds and defined names", () => {
    const documented = rows.filter((r) => /^[IV]+\.\d+$/.test(r[0]) && r.length === 6);
    expect(documented.map((r) => r[0])).toEqual(form.indicators.map((i) => i.code));
    for (const i of form.indicators) {
      const r = documented.find((x) => x[0] === i.code) as string[];
      expect([r[1], r[2], r[3], r[4]]).toEqual([i.label.vi, i.label.en, i.unit || "—", KIND[i.kind]]);
      expect(r[5]).toBe(i.cells.map((c) => `\`${c.name}\``).join(", "));
    }
  });

  it("lists the 42 units of the registry with their codes, names and kinds", () => {
    const pairs = rows.flatMap((r) => {
      const out: [string, string][] = [];
      for (let k = 0; k + 1 < r.length; k += 2)
        if (/^[A-Z][A-Z0-9-]+$/.test(r[k])) out.push([r[k], r[k + 1]]);
      return out;
    });
    const byCode = new Map(pairs);
    expect(byCode.size).toBe(form.units.length);
    for (const u of form.units) expect(byCode.get(u.code)).toBe(u.name);
    const [communePart, bodyPart] = doc.split("**District bodies");
    for (const u of form.units) {
      expect([u.code, communePart.includes(`| ${u.code} |`), bodyPart.includes(`| ${u.code} |`)]).toEqual([
        u.code,
        u.group === "Xã, thị trấn",
        u.group === "Cơ quan, ban, ngành, đoàn thể",
      ]);
    }
    expect(doc).toContain(
      `Communes and towns (${form.units.filter((u) => u.group === "Xã, thị trấn").length}`
    );
    expect(doc).toContain(
      `District bodies (${form.units.filter((u) => u.group === "Cơ quan, ban, ngành, đoàn thể").length}`
    );
  });

  it("names every rule of the form", () => {
    for (const r of form.definition.rules) expect(doc).toContain(`\`${r.id}\``);
  });
});
