/**
 * The officer's risky cases of a hostile-input run of `merge` (src/merge/plausibility.ts):
 * - another year's report (2018) was summed into the 2019 totals by default: now left out of the
 *   totals unless the officer chooses that file, and it loses to the unit's 2019 report;
 * - a draft dated 2100 superseded the real report: a date that cannot be true (after the day after
 *   the merge, or more than a year after the deadline) is an error and never wins over a report
 *   with a plausible date.
 */
import { builtInForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { consolidationToJson, mergeReports, type Consolidation, type Submission } from "../../src/merge";
import { latestPlausibleDate, RULE_IMPLAUSIBLE_DATE } from "../../src/merge/plausibility";
import { num, reportRead } from "./helpers";

const form = builtInForm();
const YEAR = form.fieldByKey.get("year")!.name;
const unit = (code: string): Unit => form.units.find((x) => x.code === code)!;
const T0 = Date.UTC(2019, 10, 28, 3, 0, 0);
const sub = (
  file: string,
  u: Unit,
  spec: Parameters<typeof reportRead>[2] = {},
  modified = T0
): Submission => ({
  file,
  modified,
  read: reportRead(form, u, spec),
});
const of = (c: Consolidation, file: string) => c.files.find((f) => f.file === file)!;
const status = (c: Consolidation, code: string) => c.units.find((u) => u.code === code)!;

const caoXa = unit("XA-CAO-XA");
const vietLap = unit("XA-VIET-LAP");
const year2018 = { set: { [YEAR]: num(2018) } };

describe("another year's report", () => {
  test("is left out of the totals, and the status, the file's verdict, the notes and the JSON say so", () => {
    const c = mergeReports(form, [
      sub("cao-xa-2018.xlsx", caoXa, { ...year2018, seed: 3 }),
      sub("viet-lap.xlsx", vietLap),
    ]);
    const s = status(c, "XA-CAO-XA");
    expect(s).toMatchObject({ status: "submitted", excluded: true, exclusion: "otherYear", otherYear: 2018 });
    expect(s.label.vi).toBe("Đã nộp đúng hạn, có lỗi (1), báo cáo năm 2018, không đưa vào số tổng hợp");
    expect(c.totals.all.units).toEqual(["XA-VIET-LAP"]);
    const note =
      'Xã Cao Xá gửi báo cáo năm 2018 (tệp "cao-xa-2018.xlsx"), không phải năm 2019: không đưa vào số tổng hợp. Nếu thật ra là báo cáo năm 2019 ghi nhầm năm, hãy chọn tệp này (lệnh merge: --prefer "cao-xa-2018.xlsx"; ngăn Tổng hợp: chọn tệp) để đưa vào.';
    expect(c.notes.map((n) => n.vi)).toContain(note);
    expect(of(c, "cao-xa-2018.xlsx")).toMatchObject({ verdict: "accepted", message: { vi: note } });
    const json = consolidationToJson(c);
    expect(json.units.find((u) => u.code === "XA-CAO-XA")).toMatchObject({
      excluded: true,
      exclusion: "otherYear",
      otherYear: 2018,
    });
    // The year error of the engine stays: the officer sees both.
    expect(s.issues.some((i) => i.field === "year" && i.severity === "error")).toBe(true);
  });

  test("the officer's choice includes it, with a note", () => {
    const c = mergeReports(form, [sub("cao-xa-2018.xlsx", caoXa, year2018)], {
      choose: { "XA-CAO-XA": "cao-xa-2018.xlsx" },
    });
    expect(status(c, "XA-CAO-XA")).toMatchObject({ excluded: false, exclusion: null, otherYear: 2018 });
    expect(c.totals.all.units).toEqual(["XA-CAO-XA"]);
    expect(c.notes.map((n) => n.vi)).toContain(
      'Theo lựa chọn của cán bộ, tệp "cao-xa-2018.xlsx" của Xã Cao Xá (ghi năm 2018) được đưa vào số tổng hợp.'
    );
  });

  test("it loses to the unit's report of the form's year, even with a later date", () => {
    const c = mergeReports(form, [
      sub("2018.xlsx", caoXa, { ...year2018, date: "2019-11-30", seed: 4 }, T0 + 60_000),
      sub("2019.xlsx", caoXa, { date: "2019-11-20", seed: 5 }),
    ]);
    expect(of(c, "2019.xlsx").verdict).toBe("accepted");
    expect(of(c, "2018.xlsx")).toMatchObject({ verdict: "superseded", reason: "otherYear" });
    expect(of(c, "2018.xlsx").message?.vi).toBe(
      'Không dùng: tệp này là báo cáo năm 2018; Xã Cao Xá dùng báo cáo đúng năm là tệp "2019.xlsx".'
    );
    expect(status(c, "XA-CAO-XA").excluded).toBe(false);
  });

  test("a blank year is not another year: the engine's error, counted as usual", () => {
    const c = mergeReports(form, [sub("a.xlsx", caoXa, { set: { [YEAR]: { type: "blank" } } })]);
    expect(status(c, "XA-CAO-XA")).toMatchObject({ excluded: false, otherYear: null });
    expect(status(c, "XA-CAO-XA").errors).toBeGreaterThan(0);
  });
});

describe("a report date that cannot be true", () => {
  test("the latest plausible date: a year after the deadline, and no later than the day after the merge", () => {
    expect(latestPlausibleDate("2019-12-01")).toBe("2020-12-01");
    expect(latestPlausibleDate("2019-12-01", "2019-12-10")).toBe("2019-12-11");
    expect(latestPlausibleDate("2019-12-01", "2023-05-05")).toBe("2020-12-01");
    expect(latestPlausibleDate("2020-02-29")).toBe("2021-03-01");
  });

  test("a draft dated 2100 never supersedes the real report, whatever its file's time and name", () => {
    const c = mergeReports(
      form,
      [
        sub("z-draft.xlsx", caoXa, { date: "2100-01-01", seed: 6 }, T0 + 86_400_000),
        sub("a-real.xlsx", caoXa, { date: "2019-11-28", seed: 7 }),
      ],
      { today: "2019-12-05" }
    );
    expect(of(c, "a-real.xlsx").verdict).toBe("accepted");
    expect(of(c, "z-draft.xlsx")).toMatchObject({
      verdict: "superseded",
      reason: "implausibleDate",
      errors: 1,
    });
    expect(of(c, "z-draft.xlsx").message?.vi).toBe(
      'Không dùng: ngày báo cáo 01/01/2100 không thể đúng (ở tương lai hoặc quá một năm sau hạn); Xã Cao Xá dùng tệp "a-real.xlsx" (ngày báo cáo 28/11/2019).'
    );
  });

  test("alone, it is an error on the report date; without the merge's date only the deadline bounds it", () => {
    const c = mergeReports(form, [sub("draft.xlsx", caoXa, { date: "2100-01-01" })], { today: "2019-12-05" });
    const issue = status(c, "XA-CAO-XA").issues.find((i) => i.rule === RULE_IMPLAUSIBLE_DATE);
    expect(issue).toMatchObject({ severity: "error", field: "reportDate" });
    expect(issue?.message.vi).toBe(
      "Ngày báo cáo 01/01/2100 không thể đúng (sau 06/12/2019: ở tương lai hoặc quá một năm sau hạn nộp): có thể là bản nháp hoặc gõ nhầm; tệp này không được ưu tiên hơn báo cáo có ngày hợp lý của cùng đơn vị"
    );
    const tomorrow = (today?: string) =>
      mergeReports(form, [sub("a.xlsx", caoXa, { date: "2019-12-20" })], { today })
        .units.find((u) => u.code === "XA-CAO-XA")!
        .issues.some((i) => i.rule === RULE_IMPLAUSIBLE_DATE);
    expect(tomorrow("2019-12-10")).toBe(true);
    expect(tomorrow("2019-12-19")).toBe(false);
    expect(tomorrow(undefined)).toBe(false);
  });
});
