import { unzipSync, strFromU8 } from "fflate";
import { builtInForm, nameOf, withUnits } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { META_SHEET } from "../../src/workbook/contract";
import { buildSummary, NARRATIVE_SHEET, STATUS_SHEET, SUMMARY_SHEET } from "../../src/layout/summary";
import { mergeReports, type Submission } from "../../src/merge";
import { writeWorkbook } from "../../src/xlsx/write-workbook";
import { inspectFile } from "../../src/xlsx/reader";
import { num, rejectedRead, reportRead } from "../merge/helpers";

const form = builtInForm();
const T0 = Date.UTC(2019, 10, 28);
const VI4 = nameOf(form, "VI.4", "value");
const I2F = nameOf(form, "I.2", "female");
const hostile = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)"];

function sample(): Submission[] {
  const subs: Submission[] = form.units.slice(0, 30).map((u, i) => ({
    file: `${u.code}.xlsx`,
    modified: T0,
    read: reportRead(form, u, {
      seed: i + 1,
      date: i % 7 === 0 ? "2019-12-03" : "2019-11-27",
      set: i < 4 ? { [VI4]: { type: "text", text: hostile[i] } } : {},
    }),
  }));
  subs.push({ file: "=cmd.xlsx", modified: T0, read: rejectedRead("notSpreadsheet") });
  subs.push({
    file: "loi.xlsx",
    modified: T0 + 1,
    read: reportRead(form, form.units[35], { set: { [I2F]: num(99999) } }),
  });
  return subs;
}

describe("summary workbook", () => {
  const c = mergeReports(form, sample());
  const s = buildSummary(c, form, {
    reportDate: "2019-12-10",
    preparer: "Lê Thị Hoa",
    head: "Nguyễn Văn Nam",
  });
  const sheet = (name: string) => {
    const sh = s.model.sheets.find((x) => x.name === name);
    if (!sh) throw new Error(name);
    return sh;
  };
  const cell = (name: string, address: string) => sheet(name).cells.find((x) => x.address === address);

  test("sheets, names and metadata make it a report of the collector", () => {
    expect(s.model.sheets.map((x) => [x.name, x.visibility])).toEqual([
      [SUMMARY_SHEET, "visible"],
      [STATUS_SHEET, "visible"],
      [NARRATIVE_SHEET, "visible"],
      [META_SHEET, "veryHidden"],
    ]);
    expect(s.model.names.map((n) => n.name).sort()).toEqual([...form.names].sort());
    const meta = sheet(META_SHEET).cells;
    const metaValue = (k: string) =>
      meta.find((x) => x.value === k && x.address.startsWith("A"))?.address.replace("A", "B");
    expect(meta.find((x) => x.address === metaValue("kind"))?.value).toBe("summary");
    expect(meta.find((x) => x.address === metaValue("unit_code"))?.value).toBe("HUYEN-TAN-YEN");
    const total = s.positions.groups[s.positions.groups.length - 1];
    expect(total.kind).toBe("total");
    const i2t = nameOf(form, "I.2", "total");
    expect(s.positions.cells[i2t]).toBe(`${total.total}${s.positions.rows["I.2"]}`);
  });

  test("columns: units grouped by registry group, in registry order, then subtotals, then total", () => {
    const g = s.positions.groups;
    const communes = form.units.filter((u) => u.group === "Xã, thị trấn").map((u) => u.code);
    const bodies = form.units.filter((u) => u.group === "Cơ quan, ban, ngành, đoàn thể").map((u) => u.code);
    expect(g.map((x) => x.key)).toEqual([
      ...communes,
      ...bodies,
      "Xã, thị trấn",
      "Cơ quan, ban, ngành, đoàn thể",
      "total",
    ]);
    expect(g[0]).toMatchObject({ total: "D", female: "E", pct: "F" });
  });

  test("subtotal and total cells are formulas with cached results equal to the consolidation", () => {
    const r = s.positions.rows["I.2"];
    const i2t = nameOf(form, "I.2", "total");
    const [sc, sb, tot] = s.positions.groups.slice(-3);
    const at = (col: string) => cell(SUMMARY_SHEET, `${col}${r}`);
    expect(at(sc.total)?.formula).toMatch(/^SUM\(D\d+,G\d+,/);
    expect(at(sc.total)?.value).toBe(c.totals.groups[0].numbers[i2t]);
    expect(at(sb.total)?.value).toBe(c.totals.groups[1].numbers[i2t]);
    expect(at(tot.total)?.formula).toBe(`${sc.total}${r}+${sb.total}${r}`);
    expect(at(tot.total)?.value).toBe(c.totals.all.numbers[i2t]);
    const v1 = s.positions.rows["V.1"];
    expect(cell(SUMMARY_SHEET, `${tot.pct}${v1}`)?.value).toBeCloseTo(
      c.totals.all.computed["V.1.pctf"] as number,
      9
    );
    const srb = s.positions.computedRows["V.7.srb"];
    expect(cell(SUMMARY_SHEET, `${tot.total}${srb}`)?.value).toBeCloseTo(
      c.totals.all.computed["V.7.srb"] as number,
      9
    );
    for (const sh of s.model.sheets)
      for (const x of sh.cells) if (x.formula !== undefined) expect(x.value).not.toBeNull();
  });

  test("hostile text stays text: no formula carries it", () => {
    const all = s.model.sheets.flatMap((x) => x.cells);
    for (const h of [...hostile, "=cmd.xlsx"]) {
      const hits = all.filter((x) => x.value === h);
      expect(hits.length).toBeGreaterThan(0);
      for (const x of hits) expect(x.formula).toBeUndefined();
    }
    for (const x of all)
      if (x.formula !== undefined) for (const h of hostile) expect(x.formula).not.toContain(h.slice(1));
  });

  test("status sheet lists every unit and every unused file with its reason", () => {
    const texts = sheet(STATUS_SHEET).cells.map((x) => x.value);
    for (const u of c.units) expect(texts).toContain(u.name);
    expect(texts).toContain("=cmd.xlsx");
    const statusCol = sheet(STATUS_SHEET).cells.filter(
      (x) => x.address.startsWith("E") && x.value === "Chưa nộp"
    );
    expect(statusCol.length).toBe(c.units.filter((u) => u.status === "missing").length);
  });

  test("without its names and metadata sheet, the summary is read from its TỔNG CỘNG column, not the first unit's", async () => {
    const bare = { ...s.model, names: [], sheets: s.model.sheets.filter((x) => x.name !== META_SHEET) };
    const read = inspectFile(await writeWorkbook(bare), form);
    if (!read.ok) throw new Error(`${read.reason} ${read.detail ?? ""}`);
    expect(read.via).toBe("code");
    const numbers = [...Object.entries(c.totals.all.numbers)];
    expect(numbers.length).toBeGreaterThan(10);
    for (const [name, v] of numbers)
      expect({ name, v: read.values.get(name) }).toEqual({ name, v: { type: "number", value: v } });
  });

  test("written and read back, the summary merges at the next level with the same totals", async () => {
    const bytes = await writeWorkbook(s.model, { created: new Date(Date.UTC(2019, 11, 10)) });
    const zip = unzipSync(bytes);
    const sheetXml = Object.keys(zip)
      .filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
      .map((k) => strFromU8(zip[k]))
      .join("");
    expect(sheetXml).not.toMatch(/<f>[^<]*HYPERLINK/);
    // Wider than a page: the code column and the header rows repeat on every printed page.
    expect(strFromU8(zip["xl/workbook.xml"])).toMatch(
      /_xlnm\.Print_Titles" localSheetId="0">&apos;Tổng hợp&apos;!\$A:\$A,&apos;Tổng hợp&apos;!\$\d+:\$\d+</
    );
    const collector: Unit = {
      code: "HUYEN-TAN-YEN",
      name: "UBND huyện Tân Yên",
      group: "Cơ quan, ban, ngành, đoàn thể",
      aliases: [],
    };
    const province = withUnits(form, [collector]);
    const upRead = inspectFile(bytes, province);
    if (!upRead.ok) throw new Error(`${upRead.reason} ${upRead.detail ?? ""}`);
    expect(upRead.metaKind).toBe("summary");
    expect(upRead.metaUnitCode).toBe("HUYEN-TAN-YEN");
    const up = mergeReports(province, [{ file: "tong-hop.xlsx", modified: T0, read: upRead }]);
    const read = inspectFile(bytes, form);
    if (!read.ok) throw new Error(`${read.reason} ${read.detail ?? ""}`);
    expect(up.files[0]).toMatchObject({ verdict: "accepted", unit: "HUYEN-TAN-YEN" });
    // The only error is the one the units sent up (female > total at I.2, summed).
    expect(up.units[0].issues.filter((i) => i.severity === "error").map((i) => i.rule)).toEqual([
      "tf.female-le-total",
    ]);
    for (const [name, v] of Object.entries(c.totals.all.numbers))
      expect(up.totals.all.numbers[name]).toBeCloseTo(v, 6);
    // At the same level, last run's summary among the inputs is recognised and not merged.
    const again = mergeReports(form, [...sample(), { file: "tong-hop.xlsx", modified: T0, read }]);
    expect(again.files.find((f) => f.file === "tong-hop.xlsx")).toMatchObject({
      verdict: "rejected",
      reason: "ownSummary",
    });
    expect(again.totals).toEqual(c.totals);
  });
});

test("assessment: the office's own texts go to the TỔNG CỘNG cells of the narrative rows, as text, and nowhere else", () => {
  const c = mergeReports(form, sample());
  const VI1 = nameOf(form, "VI.1", "value");
  const s = buildSummary(c, form, { assessment: { [VI1]: "=Kết quả của huyện", [VI4]: "Kiến nghị" } });
  const sheet = s.model.sheets.find((x) => x.name === SUMMARY_SHEET);
  const at = (name: string) => sheet?.cells.find((x) => x.address === s.positions.cells[name]);
  expect(at(VI1)).toMatchObject({ value: "=Kết quả của huyện" });
  expect(at(VI1)?.formula).toBeUndefined();
  expect(at(VI4)).toMatchObject({ value: "Kiến nghị" });
  expect(at(nameOf(form, "VI.2", "value"))?.value).toBeNull();
  const plain = buildSummary(c, form);
  const plainSheet = plain.model.sheets.find((x) => x.name === SUMMARY_SHEET);
  expect(plainSheet?.cells.find((x) => x.address === plain.positions.cells[VI1])?.value).toBeNull();
});
