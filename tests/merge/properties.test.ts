/** Property-based tests of the merge engine (fast-check). */
import fc from "fast-check";
import { builtInForm } from "../../src/form/resolve";
import { mergeReports, type Submission } from "../../src/merge";
import { evaluateReport } from "../../src/validate/engine";
import { num, rejectedRead, reportRead } from "./helpers";

const form = builtInForm();
const T0 = Date.UTC(2019, 10, 20);
const DATES = ["2019-11-20", "2019-11-28", "2019-12-01", "2019-12-04", null] as const;
const I2F = form.byCode.get("I.2")?.cells[1].name ?? "";

/** A submission recipe: small domains so that conflicts (same unit, same date, same time) are common. */
const recipe = fc.record({
  kind: fc.constantFrom("report", "report", "report", "report", "rejected", "unknown"),
  unit: fc.integer({ min: 0, max: 9 }),
  date: fc.integer({ min: 0, max: DATES.length - 1 }),
  modified: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer({ min: 0, max: 5 }),
  withError: fc.boolean(),
  name: fc.integer({ min: 0, max: 30 }),
});
type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never;

function build(r: Recipe, index: number, uniqueNames: boolean): Submission {
  const file = uniqueNames ? `f${index}.xlsx` : `f${r.name}.xlsx`;
  const modified = T0 + r.modified * 60_000;
  if (r.kind === "rejected") return { file, modified, read: rejectedRead("corrupt") };
  if (r.kind === "unknown")
    return { file, modified, read: reportRead(form, null, { unitText: "Xã Không Có", seed: r.seed }) };
  const unit = form.units[r.unit * 4];
  const set = r.withError ? { [I2F]: num(1e6) } : {};
  return { file, modified, read: reportRead(form, unit, { date: DATES[r.date], seed: r.seed, set }) };
}

const subsArb = (uniqueNames: boolean) =>
  fc.array(recipe, { maxLength: 25 }).map((rs) => rs.map((r, i) => build(r, i, uniqueNames)));

const opts = { numRuns: Number(process.env.FC_RUNS ?? 60) };

test("files in = files in the report (every file has exactly one verdict)", () => {
  fc.assert(
    fc.property(subsArb(false), fc.boolean(), (subs, exclude) => {
      const c = mergeReports(form, subs, { excludeUnitsWithErrors: exclude });
      expect(c.files.map((f) => f.file).sort()).toEqual(subs.map((s) => s.file).sort());
      expect(c.counts.accepted + c.counts.superseded + c.counts.rejected).toBe(subs.length);
      // No unit counted twice: at most one accepted file per unit, and it is the unit's file.
      const accepted = c.files.filter((f) => f.verdict === "accepted");
      expect(new Set(accepted.map((f) => f.unit)).size).toBe(accepted.length);
      for (const u of c.units) expect(u.status === "missing").toBe(!accepted.some((f) => f.unit === u.code));
    }),
    opts
  );
});

test("totals equal the sum over accepted (included) units, evaluated independently", () => {
  fc.assert(
    fc.property(subsArb(true), fc.boolean(), (subs, exclude) => {
      const c = mergeReports(form, subs, { excludeUnitsWithErrors: exclude });
      const milli = new Map<string, number>();
      for (const f of c.files) {
        if (f.verdict !== "accepted") continue;
        const s = subs.find((x) => x.file === f.file);
        if (!s || !s.read.ok) throw new Error("accepted file not found");
        const ev = evaluateReport(form, s.read.values);
        const errors = ev.issues.filter((i) => i.severity === "error").length;
        if (exclude && errors > 0) continue;
        for (const [name, v] of ev.numbers) milli.set(name, (milli.get(name) ?? 0) + Math.round(v * 1000));
      }
      for (const [name, total] of Object.entries(c.totals.all.numbers)) {
        expect(total).toBe((milli.get(name) ?? 0) / 1000);
        expect(total).toBeCloseTo(c.totals.groups[0].numbers[name] + c.totals.groups[1].numbers[name], 6);
      }
    }),
    opts
  );
});

test("order independence: any permutation gives the identical consolidation", () => {
  fc.assert(
    fc.property(
      subsArb(false).chain((subs) =>
        fc.tuple(
          fc.constant(subs),
          fc.shuffledSubarray(subs, { minLength: subs.length, maxLength: subs.length })
        )
      ),
      ([subs, shuffled]) => {
        expect(mergeReports(form, shuffled)).toEqual(mergeReports(form, subs));
      }
    ),
    opts
  );
});

test("idempotence: merging the same files twice changes no total, status or accepted file", () => {
  fc.assert(
    fc.property(subsArb(false), (subs) => {
      const once = mergeReports(form, subs);
      const twice = mergeReports(form, [...subs, ...subs]);
      expect(twice.totals).toEqual(once.totals);
      expect(twice.units.map((u) => ({ ...u, files: 0, label: null }))).toEqual(
        once.units.map((u) => ({ ...u, files: 0, label: null }))
      );
      expect(twice.outliers).toEqual(once.outliers);
      expect(twice.counts.accepted).toBe(once.counts.accepted);
      expect(twice.counts.files).toBe(2 * subs.length);
      // Re-merging the output of a merge is stable.
      expect(mergeReports(form, subs)).toEqual(once);
    }),
    opts
  );
});
