import { builtInForm, nameOf, withUnits } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import {
  consolidationToJson,
  createMerger,
  mergeReports,
  type Consolidation,
  type FileVerdict,
  type Submission,
} from "../../src/merge";
import { num, rejectedRead, reportRead, validNumbers } from "./helpers";

const form = builtInForm();
const unit = (code: string): Unit => {
  const u = form.units.find((x) => x.code === code);
  if (!u) throw new Error(code);
  return u;
};
const T0 = Date.UTC(2019, 10, 28, 3, 0, 0);
const sub = (
  file: string,
  u: Unit | null,
  spec: Parameters<typeof reportRead>[2] = {},
  modified = T0
): Submission => ({ file, modified, read: reportRead(form, u, spec) });
const fileOf = (c: Consolidation, file: string): FileVerdict => {
  const f = c.files.find((x) => x.file === file);
  if (!f) throw new Error(`no ${file}`);
  return f;
};
const statusOf = (c: Consolidation, code: string) => {
  const u = c.units.find((x) => x.code === code);
  if (!u) throw new Error(code);
  return u;
};
const I1 = nameOf(form, "I.1", "value");
const I2T = nameOf(form, "I.2", "total");
const I2F = nameOf(form, "I.2", "female");
const IV5 = nameOf(form, "IV.5", "value");
const IV6 = nameOf(form, "IV.6", "value");
const IV7 = nameOf(form, "IV.7", "value");

describe("verdicts", () => {
  test("a clean file on time is accepted; its unit is submitted, the others missing", () => {
    const c = mergeReports(form, [sub("cao-xa.xlsx", unit("XA-CAO-XA"))]);
    const f = fileOf(c, "cao-xa.xlsx");
    expect(f).toMatchObject({
      verdict: "accepted",
      unit: "XA-CAO-XA",
      unitSource: "cell",
      reason: null,
      errors: 0,
      reportDate: "2019-11-28",
    });
    const u = statusOf(c, "XA-CAO-XA");
    expect(u).toMatchObject({
      status: "submitted",
      file: "cao-xa.xlsx",
      errors: 0,
      excluded: false,
      files: 1,
    });
    expect(u.label.vi).toBe("Đã nộp đúng hạn");
    expect(c.units.filter((x) => x.status === "missing")).toHaveLength(form.units.length - 1);
    expect(statusOf(c, "HLHPN").label.vi).toBe("Chưa nộp");
    expect(c.counts).toEqual({ files: 1, accepted: 1, superseded: 0, rejected: 0 });
  });

  test("a report dated after the deadline is late; the deadline day itself is on time", () => {
    const c = mergeReports(form, [
      sub("a.xlsx", unit("XA-CAO-XA"), { date: "2019-12-05" }),
      sub("b.xlsx", unit("XA-NHA-NAM"), { date: "2019-12-01" }),
    ]);
    expect(statusOf(c, "XA-CAO-XA").status).toBe("late");
    expect(statusOf(c, "XA-CAO-XA").label.vi).toBe("Nộp muộn (05/12/2019)");
    expect(statusOf(c, "XA-NHA-NAM").status).toBe("submitted");
    expect(c.rates.groups[0]).toMatchObject({ expected: 24, received: 2, onTime: 1, late: 1, missing: 22 });
    expect(c.rates.groups[0].reportingRate).toBeCloseTo(2 / 24);
    expect(c.rates.groups[0].timelinessRate).toBeCloseTo(1 / 24);
    expect(c.rates.groups[1]).toMatchObject({ expected: 18, received: 0, reportingRate: 0 });
    expect(c.rates.all).toMatchObject({ expected: 42, received: 2 });
  });

  test("a file the reader rejected keeps the reader's reason and message", () => {
    const c = mergeReports(form, [{ file: "junk.xlsx", modified: T0, read: rejectedRead("notSpreadsheet") }]);
    expect(fileOf(c, "junk.xlsx")).toMatchObject({
      verdict: "rejected",
      reason: "notSpreadsheet",
      unit: null,
      message: { vi: "Tệp bị hỏng (notSpreadsheet)" },
    });
    expect(c.counts.rejected).toBe(1);
  });

  test("another form id is rejected; another version of the same form is read by name, with a warning", () => {
    const c = mergeReports(form, [
      sub("x.xlsx", unit("HND"), { formId: "BDG-2020" }),
      sub("y.xlsx", unit("HND"), { formVersion: "2" }),
    ]);
    expect(fileOf(c, "x.xlsx")).toMatchObject({ verdict: "rejected", reason: "otherForm" });
    expect(fileOf(c, "y.xlsx")).toMatchObject({ verdict: "accepted", unit: "HND" });
    const w = statusOf(c, "HND").issues.find((i) => i.rule === "reader.other-version");
    expect(w?.severity).toBe("warning");
    expect(w?.message.vi).toContain("phiên bản 2");
    expect(w?.message.vi).toContain(`phiên bản ${form.version}`);
  });

  test("blank unit cell and no metadata → unknownUnit, Vietnamese message", () => {
    const c = mergeReports(form, [sub("no-unit.xlsx", null, { unitText: null })]);
    const f = fileOf(c, "no-unit.xlsx");
    expect(f).toMatchObject({ verdict: "rejected", reason: "unknownUnit", unit: null });
    expect(f.message?.vi).toContain("ô đơn vị để trống");
  });

  test("a unit name not in the registry → unknownUnit naming it", () => {
    const c = mergeReports(form, [sub("x.xlsx", null, { unitText: "Xã Hoàng Vân" })]);
    expect(fileOf(c, "x.xlsx").reason).toBe("unknownUnit");
    expect(fileOf(c, "x.xlsx").message?.vi).toContain('"Xã Hoàng Vân" không có trong danh sách');
  });

  test("an ambiguous unit name (town or commune Cao Thượng) → ambiguousUnit", () => {
    const c = mergeReports(form, [sub("ct.xlsx", null, { unitText: "Cao Thượng" })]);
    const f = fileOf(c, "ct.xlsx");
    expect(f.reason).toBe("ambiguousUnit");
    expect(f.message?.vi).toMatch(/Thị trấn Cao Thượng hay .*Cao Thượng/);
    expect(statusOf(c, "TT-CAO-THUONG").status).toBe("missing");
    expect(statusOf(c, "XA-CAO-THUONG").status).toBe("missing");
  });

  test("the metadata unit code identifies the unit even with a sloppy unit cell", () => {
    const c = mergeReports(form, [
      sub("t.xlsx", unit("TT-CAO-THUONG"), { metaCode: "TT-CAO-THUONG", unitText: "Cao Thượng" }),
    ]);
    expect(fileOf(c, "t.xlsx")).toMatchObject({
      verdict: "accepted",
      unit: "TT-CAO-THUONG",
      unitSource: "meta",
    });
  });

  test("a neighbour's template with the unit retyped: the typed unit wins, with a note naming both", () => {
    const c = mergeReports(form, [sub("t.xlsx", unit("XA-LAM-COT"), { metaCode: "XA-LAN-GIOI" })]);
    const f = fileOf(c, "t.xlsx");
    expect(f).toMatchObject({ verdict: "accepted", unit: "XA-LAM-COT", unitSource: "cell" });
    const issue = statusOf(c, "XA-LAM-COT").issues.find((i) => i.rule === "unit.typed-over-template");
    expect(issue?.severity).toBe("warning");
    expect(issue?.message.vi).toContain("Lan Giới");
    expect(issue?.message.vi).toContain("Lam Cốt");
    expect(statusOf(c, "XA-LAN-GIOI").status).toBe("missing");
  });

  test("a typed unit that matches nothing is an error, never silently the template's unit", () => {
    const c = mergeReports(form, [
      sub("t.xlsx", null, { metaCode: "XA-LAN-GIOI", unitText: "Xã Hoàng Vân" }),
    ]);
    expect(fileOf(c, "t.xlsx")).toMatchObject({
      verdict: "accepted",
      unit: "XA-LAN-GIOI",
      unitSource: "meta",
    });
    const st = statusOf(c, "XA-LAN-GIOI");
    expect(st.errors).toBeGreaterThan(0);
    expect(st.label.vi).toContain("có lỗi");
    const issue = st.issues.find((i) => i.field === "unit" && i.severity === "error");
    expect(issue?.message.vi).toContain("Hoàng Vân");
    expect(issue?.message.vi).toContain("Lan Giới");
  });

  test("a metadata code unknown to the registry falls back to the unit cell, with a warning", () => {
    const c = mergeReports(form, [sub("t.xlsx", unit("HND"), { metaCode: "OLD-CODE" })]);
    expect(fileOf(c, "t.xlsx")).toMatchObject({ verdict: "accepted", unit: "HND", unitSource: "cell" });
    expect(statusOf(c, "HND").issues.some((i) => i.rule === "unit.template-unit-unknown")).toBe(true);
  });

  test("a previous summary of this collector among the inputs → ownSummary", () => {
    const c = mergeReports(form, [
      sub("tong-hop.xlsx", null, {
        unitText: "UBND huyện Tân Yên",
        metaCode: "HUYEN-TAN-YEN",
        metaKind: "summary",
      }),
    ]);
    expect(fileOf(c, "tong-hop.xlsx")).toMatchObject({ verdict: "rejected", reason: "ownSummary" });
  });

  test("with a registry holding the collector, a summary merges at the next level", () => {
    const collector: Unit = {
      code: "HUYEN-TAN-YEN",
      name: "UBND huyện Tân Yên",
      group: "Cơ quan, ban, ngành, đoàn thể",
      aliases: [],
    };
    const province = withUnits(form, [collector]);
    const c = mergeReports(province, [
      {
        file: "tong-hop.xlsx",
        modified: T0,
        read: reportRead(province, null, {
          unitText: "UBND huyện Tân Yên",
          metaCode: "HUYEN-TAN-YEN",
          metaKind: "summary",
        }),
      },
    ]);
    expect(fileOf(c, "tong-hop.xlsx")).toMatchObject({ verdict: "accepted", unit: "HUYEN-TAN-YEN" });
    expect(c.registry.map((u) => u.code)).toEqual(["HUYEN-TAN-YEN"]);
    expect(c.rates.all.reportingRate).toBe(1);
  });
});

describe("several files for one unit", () => {
  const u = unit("XA-NGOC-LY");

  test("the later report date wins, whatever the modification times; the loser says why", () => {
    const c = mergeReports(form, [
      sub("old.xlsx", u, { date: "2019-11-20", seed: 1 }, T0 + 10_000),
      sub("new.xlsx", u, { date: "2019-11-25", seed: 2 }, T0),
    ]);
    expect(fileOf(c, "new.xlsx").verdict).toBe("accepted");
    const old = fileOf(c, "old.xlsx");
    expect(old).toMatchObject({
      verdict: "superseded",
      unit: "XA-NGOC-LY",
      reason: "olderReportDate",
      supersededBy: "new.xlsx",
    });
    expect(old.message?.vi).toBe(
      'Không dùng: Xã Ngọc Lý có báo cáo mới hơn là tệp "new.xlsx" (ngày báo cáo 25/11/2019, tệp này 20/11/2019).'.replace(
        "Xã Ngọc Lý",
        u.name
      )
    );
    expect(statusOf(c, "XA-NGOC-LY")).toMatchObject({ file: "new.xlsx", files: 2 });
    expect(c.notes.some((n) => n.vi.includes("gửi 2 tệp"))).toBe(true);
  });

  test("same date: the later modified file wins", () => {
    const c = mergeReports(form, [
      sub("b.xlsx", u, { seed: 1 }, T0 + 60_000),
      sub("a.xlsx", u, { seed: 2 }, T0),
    ]);
    expect(fileOf(c, "b.xlsx").verdict).toBe("accepted");
    expect(fileOf(c, "a.xlsx")).toMatchObject({ verdict: "superseded", reason: "olderFile" });
    expect(fileOf(c, "a.xlsx").message?.vi).toContain(
      "được sửa sau (28/11/2019 10:01:00, tệp này 28/11/2019 10:00:00)"
    );
  });

  test("same date and time: the name sorting last wins", () => {
    const c = mergeReports(form, [
      sub("bao-cao-2.xlsx", u, { seed: 1 }),
      sub("bao-cao-1.xlsx", u, { seed: 2 }),
    ]);
    expect(fileOf(c, "bao-cao-2.xlsx").verdict).toBe("accepted");
    expect(fileOf(c, "bao-cao-1.xlsx").reason).toBe("fileNameOrder");
  });

  test("modification times within the same second count as the same time (the message shows seconds)", () => {
    const c = mergeReports(form, [
      sub("bao-cao-2.xlsx", u, { seed: 1 }, T0),
      sub("bao-cao-1.xlsx", u, { seed: 2 }, T0 + 400),
    ]);
    expect(fileOf(c, "bao-cao-2.xlsx").verdict).toBe("accepted");
    expect(fileOf(c, "bao-cao-1.xlsx").reason).toBe("fileNameOrder");
  });

  test("identical content is a duplicate: counted once", () => {
    const one = mergeReports(form, [sub("a.xlsx", u, { seed: 5 })]);
    const two = mergeReports(form, [
      sub("a.xlsx", u, { seed: 5 }),
      sub("a (1).xlsx", u, { seed: 5 }, T0 - 1000),
    ]);
    expect(fileOf(two, "a (1).xlsx")).toMatchObject({
      verdict: "superseded",
      reason: "duplicate",
      supersededBy: "a.xlsx",
    });
    expect(two.totals).toEqual(one.totals);
  });

  test("the same file given twice: one accepted, one duplicate, totals unchanged", () => {
    const s = sub("a.xlsx", u, { seed: 5 });
    const c = mergeReports(form, [s, s]);
    expect(c.files.map((f) => [f.file, f.verdict, f.reason])).toEqual([
      ["a.xlsx", "accepted", null],
      ["a.xlsx", "superseded", "duplicate"],
    ]);
    expect(c.totals).toEqual(mergeReports(form, [s]).totals);
  });

  test("the officer's choice beats the dates", () => {
    const subs = [
      sub("old.xlsx", u, { date: "2019-11-20", seed: 1 }),
      sub("new.xlsx", u, { date: "2019-11-25", seed: 2 }),
    ];
    const c = mergeReports(form, subs, { choose: { "XA-NGOC-LY": "old.xlsx" } });
    expect(fileOf(c, "old.xlsx").verdict).toBe("accepted");
    expect(fileOf(c, "new.xlsx")).toMatchObject({ verdict: "superseded", reason: "officerChoice" });
  });

  test("a file without a readable report date loses to a dated one", () => {
    const c = mergeReports(form, [
      sub("nodate.xlsx", u, { date: null, seed: 1 }, T0 + 99_999),
      sub("dated.xlsx", u, { seed: 2 }),
    ]);
    expect(fileOf(c, "dated.xlsx").verdict).toBe("accepted");
    expect(fileOf(c, "nodate.xlsx").reason).toBe("olderReportDate");
  });
});

describe("errors and exclusion", () => {
  const bad = { set: { [I2F]: num(999), [I2T]: num(10) } };

  test("a file with errors is accepted, counted, and its status says có lỗi (n)", () => {
    const c = mergeReports(form, [
      sub("bad.xlsx", unit("HND"), { ...bad, seed: 3 }),
      sub("ok.xlsx", unit("HCCB"), { seed: 4 }),
    ]);
    const s = statusOf(c, "HND");
    expect(s.errors).toBe(1);
    expect(s.label.vi).toBe("Đã nộp đúng hạn, có lỗi (1)");
    expect(s.excluded).toBe(false);
    expect(fileOf(c, "bad.xlsx")).toMatchObject({ verdict: "accepted", errors: 1 });
    expect(c.totals.all.numbers[I2T]).toBe(10 + (validNumbers(form, 4).get(I2T) ?? 0));
    expect(c.rates.all.withErrors).toBe(1);
  });

  test("excludeUnitsWithErrors leaves the unit out of the totals and says so", () => {
    const c = mergeReports(
      form,
      [sub("bad.xlsx", unit("HND"), { ...bad, seed: 3 }), sub("ok.xlsx", unit("HCCB"), { seed: 4 })],
      { excludeUnitsWithErrors: true }
    );
    const s = statusOf(c, "HND");
    expect(s.excluded).toBe(true);
    expect(s.label.vi).toContain("không đưa vào số tổng hợp");
    expect(c.totals.all.units).toEqual(["HCCB"]);
    expect(c.totals.all.numbers[I2T]).toBe(validNumbers(form, 4).get(I2T));
    expect(c.notes[0].vi).toContain("Đã loại 1 đơn vị có lỗi");
    expect(c.rates.all.excluded).toBe(1);
    expect(c.options.excludeUnitsWithErrors).toBe(true);
  });
});

describe("aggregation", () => {
  test("amounts are summed exactly to 3 decimals", () => {
    const subs = [0.1, 0.2, 0.7].map((v, i) =>
      sub(`f${i}.xlsx`, form.units[i], { seed: i, set: { [IV5]: num(v), [IV6]: num(v), [IV7]: num(0) } })
    );
    const c = mergeReports(form, subs);
    expect(c.totals.all.numbers[IV5]).toBe(1);
    expect(c.totals.groups[0].numbers[IV5]).toBe(1);
    expect(c.totals.groups[1].numbers[IV5]).toBe(0);
    expect(c.totals.all.reported[IV5]).toBe(3);
    expect(c.totals.groups[1].reported[IV5]).toBe(0);
    const c2 = mergeReports(
      form,
      [0.001, 1234567.891].map((v, i) =>
        sub(`g${i}.xlsx`, form.units[i], { set: { [IV5]: num(v), [IV6]: num(v), [IV7]: num(0) } })
      )
    );
    expect(c2.totals.all.numbers[IV5]).toBe(1234567.892);
  });

  test("percent female and sex ratio are ratios of sums, not averages", () => {
    const V1T = nameOf(form, "V.1", "total");
    const V1F = nameOf(form, "V.1", "female");
    const V7T = nameOf(form, "V.7", "total");
    const V7F = nameOf(form, "V.7", "female");
    const c = mergeReports(form, [
      sub("a.xlsx", unit("XA-AN-DUONG"), {
        set: { [V1T]: num(10), [V1F]: num(1), [V7T]: num(30), [V7F]: num(10) },
      }),
      sub("b.xlsx", unit("HND"), { set: { [V1T]: num(90), [V1F]: num(45), [V7T]: num(70), [V7F]: num(40) } }),
    ]);
    expect(c.totals.all.computed["V.1.pctf"]).toBeCloseTo(46);
    expect(c.totals.groups[0].computed["V.1.pctf"]).toBeCloseTo(10);
    expect(c.totals.groups[1].computed["V.1.pctf"]).toBeCloseTo(50);
    expect(c.totals.all.computed["V.7.srb"]).toBeCloseTo(100);
    expect(statusOf(c, "XA-AN-DUONG").values?.computed["V.1.pctf"]).toBeCloseTo(10);
  });

  test("a ratio whose sums mix units that gave only one of total / female is flagged in the notes", () => {
    const V1T = nameOf(form, "V.1", "total");
    const V1F = nameOf(form, "V.1", "female");
    const c = mergeReports(form, [
      sub("a.xlsx", unit("XA-DAI-HOA"), { set: { [V1T]: num(1000), [V1F]: { type: "blank" } } }),
      sub("b.xlsx", unit("XA-HOP-DUC"), { set: { [V1T]: num(100), [V1F]: num(50) } }),
    ]);
    const note = c.notes.find((n) => n.vi.includes("V.1"));
    expect(note?.vi).toContain("Tỷ lệ nữ tại V.1 tính trên số liệu chưa đầy đủ: 1 đơn vị");
    expect(note?.vi).toContain("Xã Đại Hóa");
    expect(c.notes.some((n) => n.vi.includes("V.2"))).toBe(false);
  });

  test("subtotals by kind add up to the total; blank cells are not reported", () => {
    const c = mergeReports(form, [
      sub("a.xlsx", unit("XA-AN-DUONG"), { set: { [I1]: num(3) } }),
      sub("b.xlsx", unit("XA-CAO-XA"), { set: { [I1]: { type: "blank" } } }),
      sub("c.xlsx", unit("HND"), { set: { [I1]: { type: "text", text: "1.200" } } }),
    ]);
    expect(c.totals.groups[0].numbers[I1]).toBe(3);
    expect(c.totals.groups[0].reported[I1]).toBe(1);
    expect(c.totals.groups[1].numbers[I1]).toBe(1200);
    expect(c.totals.all.numbers[I1]).toBe(1203);
    for (const name of Object.keys(c.totals.all.numbers)) {
      expect(c.totals.all.numbers[name]).toBeCloseTo(
        c.totals.groups[0].numbers[name] + c.totals.groups[1].numbers[name],
        6
      );
    }
    expect(statusOf(c, "HND").warnings).toBeGreaterThan(0);
  });

  test("narratives are collected per unit in registry order, kept as text", () => {
    const VI4 = nameOf(form, "VI.4", "value");
    const c = mergeReports(form, [
      sub("b.xlsx", unit("HND"), { set: { [VI4]: { type: "text", text: '=HYPERLINK("http://x")' } } }),
      sub("a.xlsx", unit("XA-AN-DUONG")),
    ]);
    const vi4 = c.narratives.filter((n) => n.indicator === "VI.4");
    expect(vi4.map((n) => n.unit)).toEqual(["XA-AN-DUONG", "HND"]);
    expect(vi4[1].text).toBe('=HYPERLINK("http://x")');
    expect(c.narratives.filter((n) => n.unit === "HND").map((n) => n.indicator)).toEqual([
      "VI.1",
      "VI.2",
      "VI.3",
      "VI.4",
    ]);
  });
});

describe("outliers", () => {
  const communes = form.units.filter((u) => u.group === "Xã, thị trấn");
  const withI1 = (values: number[]) =>
    values.map((v, i) => sub(`c${i}.xlsx`, communes[i], { seed: 7, set: { [I1]: num(v) } }));

  test("a value far from the median of the communes is a warning naming unit and indicator", () => {
    const c = mergeReports(form, withI1([10, 12, 11, 9, 13, 10, 400]));
    const o = c.outliers.filter((x) => x.name === I1);
    expect(o).toHaveLength(1);
    expect(o[0]).toMatchObject({
      unit: communes[6].code,
      indicator: "I.1",
      value: 400,
      median: 11,
      group: "Xã, thị trấn",
      n: 7,
    });
    expect(o[0].message.vi).toContain(
      `${communes[6].name}, I.1 = 400 cuộc, trong khi trung vị của 7 đơn vị nhóm "Xã, thị trấn" là 11 cuộc`
    );
    expect(statusOf(c, communes[6].code).outliers).toBeGreaterThanOrEqual(1);
  });

  test("no outlier warning with fewer than 5 values", () => {
    const c = mergeReports(form, withI1([10, 12, 11, 400]));
    expect(c.outliers.filter((x) => x.name === I1)).toEqual([]);
  });

  test("MAD = 0 (most units report the same) falls back to the mean absolute deviation", () => {
    const c = mergeReports(form, withI1([0, 0, 0, 0, 0, 0, 0, 0, 0, 30]));
    expect(c.outliers.filter((x) => x.name === I1).map((x) => x.value)).toEqual([30]);
    const same = mergeReports(form, withI1([4, 4, 4, 4, 4, 4]));
    expect(same.outliers.filter((x) => x.name === I1)).toEqual([]);
  });

  test("with MAD = 0, a difference of a few units is not unusual; a large one is", () => {
    const one = mergeReports(form, withI1([0, 0, 0, 0, 1]));
    expect(one.outliers.filter((x) => x.name === I1)).toEqual([]);
    const twenty = mergeReports(form, withI1([0, 0, 0, 0, 20]));
    expect(twenty.outliers.filter((x) => x.name === I1).map((x) => x.value)).toEqual([20]);
    const big = mergeReports(form, withI1([5, 5, 5, 5, 500]));
    expect(big.outliers.filter((x) => x.name === I1).map((x) => x.value)).toEqual([500]);
  });

  test("communes and bodies are compared separately", () => {
    const bodies = form.units.filter((u) => u.group === "Cơ quan, ban, ngành, đoàn thể");
    const subs = [
      ...withI1([10, 12, 11, 9, 13]),
      ...[300, 310, 290, 305, 295].map((v, i) =>
        sub(`b${i}.xlsx`, bodies[i], { seed: 7, set: { [I1]: num(v) } })
      ),
    ];
    expect(mergeReports(form, subs).outliers.filter((x) => x.name === I1)).toEqual([]);
  });
});

describe("the Merger object", () => {
  test("add reports right away; finish does not change the merger; more files can be added", () => {
    const m = createMerger(form);
    expect(m.add("a.xlsx", T0, reportRead(form, unit("HND")))).toMatchObject({
      verdict: "candidate",
      unit: "HND",
      errors: 0,
    });
    expect(m.add("j.xlsx", T0, rejectedRead("empty"))).toMatchObject({
      verdict: "rejected",
      reason: "empty",
    });
    const first = m.finish();
    expect(m.finish()).toEqual(first);
    m.add("b.xlsx", T0, reportRead(form, unit("HCCB")));
    expect(m.finish().counts.accepted).toBe(2);
    expect(m.size).toBe(3);
  });

  test("a corrected file changes only that unit", () => {
    const base = form.units.slice(0, 8).map((u, i) => sub(`${u.code}.xlsx`, u, { seed: 100 + i }));
    const before = mergeReports(form, base);
    const fixed = sub(`${form.units[3].code}-sua.xlsx`, form.units[3], { seed: 999, date: "2019-11-30" });
    const after = mergeReports(form, [...base, fixed]);
    before.units.forEach((u, i) => {
      const a = after.units[i];
      if (u.code === form.units[3].code) {
        expect(a.file).toBe(fixed.file);
      } else {
        // Outlier counts may move with the median; everything else is untouched.
        expect({ ...a, outliers: 0 }).toEqual({ ...u, outliers: 0 });
      }
    });
    const name = I2T;
    const delta = (validNumbers(form, 999).get(name) ?? 0) - (validNumbers(form, 103).get(name) ?? 0);
    expect(after.totals.all.numbers[name]).toBe(before.totals.all.numbers[name] + delta);
  });

  test("registry override: expected units come from the override", () => {
    const units: Unit[] = [
      { code: "XA-A", name: "Xã A", group: "Xã, thị trấn", aliases: [] },
      { code: "CQ-B", name: "Cơ quan B", group: "Cơ quan, ban, ngành, đoàn thể", aliases: [] },
    ];
    const other = withUnits(form, units);
    const c = mergeReports(other, [
      { file: "a.xlsx", modified: T0, read: reportRead(other, units[0]) },
      { file: "x.xlsx", modified: T0, read: reportRead(other, unit("HND")) },
    ]);
    expect(c.units.map((u) => [u.code, u.status])).toEqual([
      ["XA-A", "submitted"],
      ["CQ-B", "missing"],
    ]);
    expect(fileOf(c, "x.xlsx").reason).toBe("unknownUnit");
  });

  test("JSON report has the documented shape", () => {
    const c = mergeReports(form, [
      sub("a.xlsx", unit("HND")),
      { file: "j.xlsx", modified: T0, read: rejectedRead("corrupt") },
    ]);
    const j = consolidationToJson(c);
    expect(j.form).toEqual({ id: "BDG-2019", version: "1" });
    expect(j.files).toEqual([
      expect.objectContaining({ file: "a.xlsx", verdict: "accepted", unit: "HND", reason: null, errors: 0 }),
      expect.objectContaining({ file: "j.xlsx", verdict: "rejected", unit: null, reason: "corrupt" }),
    ]);
    expect(j.units).toHaveLength(42);
    expect(j.units.find((u) => u.code === "HND")).toMatchObject({
      status: "submitted",
      errors: 0,
      file: "a.xlsx",
    });
    expect(Object.keys(j.totals)).toHaveLength(
      form.indicators.reduce(
        (n, i) => n + (["count", "amount", "tf"].includes(i.kind) ? i.cells.length : 0),
        0
      )
    );
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});
