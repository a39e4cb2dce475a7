/**
 * The merge session: the officer's choice (`prefer`, `clearPreference`) and the current verdicts
 * (`verdicts`) on a Merger that already holds the files — no file read again, no rebuild. At every
 * step the session must say exactly what a merger built with the same choices from the start says.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { builtInForm, nameOf } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { createMerger, mergeReports, type Consolidation, type Submission } from "../../src/merge";
import { NODE_READ } from "../../src/cli/node-read";
import { inspectFile } from "../../src/xlsx/reader";
import { writeTemplate } from "../../src/xlsx/write-template";
import { writeReturn } from "../helpers/sample-returns";
import { rejectedRead, reportRead } from "./helpers";

const form = builtInForm();
const unit = (code: string): Unit => {
  const u = form.units.find((x) => x.code === code);
  if (!u) throw new Error(code);
  return u;
};
const T0 = Date.UTC(2019, 10, 28, 3, 0, 0);
const sub = (file: string, u: Unit | null, spec: Parameters<typeof reportRead>[2] = {}): Submission => ({
  file,
  modified: T0,
  read: reportRead(form, u, spec),
});
const LY = unit("XA-NGOC-LY");
const HND = unit("HND");
const winner = (c: Consolidation, code: string): string | null =>
  c.units.find((u) => u.code === code)?.file ?? null;

describe("merger.prefer / clearPreference", () => {
  const files = [
    sub("a.xlsx", LY, { date: "2019-11-20", seed: 1 }),
    sub("b.xlsx", LY, { date: "2019-11-22", seed: 2 }),
    sub("c.xlsx", LY, { date: "2019-11-25", seed: 3 }),
    sub("h.xlsx", HND, { seed: 4 }),
    { file: "x.xlsx", modified: T0, read: rejectedRead("corrupt") },
  ];

  test("back and forth: at every step the same consolidation as a merger built with that choice", () => {
    const m = createMerger(form);
    for (const s of files) m.add(s.file, s.modified, s.read);
    expect(winner(m.finish(), LY.code)).toBe("c.xlsx");
    const steps: [string | null, string][] = [
      ["a.xlsx", "a.xlsx"],
      ["c.xlsx", "c.xlsx"],
      ["b.xlsx", "b.xlsx"],
      ["a.xlsx", "a.xlsx"],
      [null, "c.xlsx"], // clearPreference: the latest report date again
      ["b.xlsx", "b.xlsx"],
    ];
    for (const [chosen, expected] of steps) {
      if (chosen === null) m.clearPreference(LY.code);
      else expect(m.prefer(LY.code, chosen)).toBe(true);
      const choose = chosen === null ? {} : { [LY.code]: chosen };
      const c = m.finish();
      expect(c).toEqual(mergeReports(form, files, { choose }));
      expect(winner(c, LY.code)).toBe(expected);
      expect(m.preferences()).toEqual(choose);
      const losers = c.files.filter((f) => f.unit === LY.code && f.verdict === "superseded");
      expect(losers.map((f) => f.reason)).toEqual(
        chosen === null ? ["olderReportDate", "olderReportDate"] : ["officerChoice", "officerChoice"]
      );
    }
    // The other unit and the rejected file never move.
    expect(winner(m.finish(), HND.code)).toBe("h.xlsx");
    expect(m.verdicts().find((f) => f.file === "x.xlsx")).toMatchObject({
      verdict: "rejected",
      reason: "corrupt",
    });
  });

  test("prefer, then add more files: the choice holds for files added later, and for the chosen file itself when it comes later", () => {
    const m = createMerger(form);
    // Chosen before it is there: nothing to win yet.
    expect(m.prefer(LY.code, "a.xlsx")).toBe(false);
    m.add("c.xlsx", T0, files[2].read);
    expect(winner(m.finish(), LY.code)).toBe("c.xlsx");
    m.add("a.xlsx", T0, files[0].read);
    expect(winner(m.finish(), LY.code)).toBe("a.xlsx");
    m.add("b.xlsx", T0, files[1].read); // later than a, still not chosen
    m.add("h.xlsx", T0, files[3].read);
    m.add("x.xlsx", T0, files[4].read);
    expect(m.finish()).toEqual(mergeReports(form, files, { choose: { [LY.code]: "a.xlsx" } }));
  });

  test("a choice that names no candidate of the unit (a rejected file, another unit's file) changes nothing", () => {
    const m = createMerger(form);
    for (const s of files) m.add(s.file, s.modified, s.read);
    const before = m.finish();
    expect(m.prefer(LY.code, "x.xlsx")).toBe(false);
    expect(m.prefer(LY.code, "h.xlsx")).toBe(false);
    expect(m.finish()).toEqual(before);
  });

  test("another year's report counts only while it is the officer's choice", () => {
    const year = form.fieldByKey.get("year")?.name ?? "year";
    const old = sub("2018.xlsx", HND, {
      date: "2019-11-29",
      set: { [year]: { type: "number", value: 2018 } },
    });
    const m = createMerger(form);
    m.add(old.file, old.modified, old.read);
    const status = (): Consolidation["units"][number] | undefined =>
      m.finish().units.find((u) => u.code === HND.code);
    expect(status()).toMatchObject({ file: "2018.xlsx", exclusion: "otherYear" });
    expect(m.prefer(HND.code, "2018.xlsx")).toBe(true);
    expect(status()).toMatchObject({ file: "2018.xlsx", exclusion: null });
    expect(m.verdicts()[0].message).toBeNull();
    m.clearPreference(HND.code);
    expect(status()).toMatchObject({ file: "2018.xlsx", exclusion: "otherYear" });
    expect(m.verdicts()[0].message?.en).toContain("2018");
  });

  test("finish(options) leaves units with errors out for that consolidation only", () => {
    const I2F = nameOf(form, "I.2", "female");
    const bad = sub("bad.xlsx", HND, { set: { [I2F]: { type: "number", value: 1e6 } } });
    const m = createMerger(form);
    m.add(bad.file, bad.modified, bad.read);
    expect(m.finish({ excludeUnitsWithErrors: true })).toEqual(
      mergeReports(form, [bad], { excludeUnitsWithErrors: true })
    );
    expect(m.finish()).toEqual(mergeReports(form, [bad]));
  });
});

describe("merger.verdicts and merger.add", () => {
  test("verdicts() equals finish().files after every file and every choice", () => {
    const subs = [
      sub("b.xlsx", LY, { seed: 2, date: "2019-11-22" }),
      sub("a.xlsx", LY, { seed: 1, date: "2019-11-21" }),
      sub("a (1).xlsx", LY, { seed: 1, date: "2019-11-21" }),
      sub("z.xlsx", null, { unitText: "Không rõ" }),
      sub("h.xlsx", HND),
      { file: "e.xlsx", modified: T0, read: rejectedRead("empty") },
    ];
    const m = createMerger(form);
    for (const s of subs) {
      m.add(s.file, s.modified, s.read);
      expect(m.verdicts()).toEqual(m.finish().files);
    }
    m.prefer(LY.code, "a (1).xlsx");
    expect(m.verdicts()).toEqual(m.finish().files);
    expect(m.verdicts().find((f) => f.file === "b.xlsx")).toMatchObject({
      verdict: "superseded",
      reason: "officerChoice",
      supersededBy: "a (1).xlsx",
    });
  });

  test("add returns what it returned before the session API: verdict, unit, reason, counts", () => {
    const m = createMerger(form);
    expect(m.add("h.xlsx", T0, reportRead(form, HND))).toEqual({
      verdict: "candidate",
      unit: "HND",
      reason: null,
      errors: 0,
      warnings: 0,
    });
    expect(m.add("z.xlsx", T0, reportRead(form, null, { unitText: "Không rõ" }))).toMatchObject({
      verdict: "rejected",
      unit: null,
      reason: "unknownUnit",
    });
    expect(m.add("e.xlsx", T0, rejectedRead("empty"))).toEqual({
      verdict: "rejected",
      unit: null,
      reason: "empty",
      errors: 0,
      warnings: 0,
    });
  });
});

/** The garbage collector, when this Node lets a test ask for it (measured, never asserted). */
function collector(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}

test("memory per candidate: measured for a BDG-2019 report read from a file, printed, not asserted", async () => {
  const gc = collector();
  if (!gc) return;
  // A full collection, then a turn of the event loop for the sweeper, three times: heapUsed then
  // counts live objects only (garbage left by earlier tests in this worker included).
  const heap = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return process.memoryUsage().heapUsed;
  };
  const clean = await writeReturn(form, { unit: LY, seed: 3, date: "2019-11-25" });
  const withErrors = await writeReturn(form, { unit: LY, seed: 3, date: "2019-11-25", ruleError: true });
  const blank = await writeTemplate(form, { unitCode: LY.code });
  const n = 200;
  for (const [label, bytes] of [
    ["clean", clean],
    ["rule error", withErrors],
    ["blank template sent back", blank],
  ] as const) {
    for (let i = 0; i < 20; i++) inspectFile(bytes, form, NODE_READ); // warm the reader's caches
    // The median of three merges: each one winner and n superseded candidates keeping their payload.
    const samples: number[] = [];
    let issues = 0;
    for (let trial = 0; trial < 3; trial++) {
      const m = createMerger(form);
      m.add("0.xlsx", T0, inspectFile(bytes, form, NODE_READ));
      const before = await heap();
      for (let i = 1; i <= n; i++) m.add(`${i}.xlsx`, T0 + i * 1000, inspectFile(bytes, form, NODE_READ));
      samples.push(((await heap()) - before) / n);
      const c = m.finish();
      expect(c.counts.superseded).toBe(n);
      issues = c.units.find((u) => u.code === LY.code)?.issues.length ?? 0;
    }
    const perCandidate = samples.sort((x, y) => x - y)[1];
    process.stdout.write(
      `merge memory per candidate (BDG-2019, ${label}, ${issues} issues): ${Math.round(perCandidate)} bytes\n`
    );
  }
}, 120_000);
