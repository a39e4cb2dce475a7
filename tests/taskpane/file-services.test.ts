/**
 * The browser mode's services on real files (src/taskpane/browser/file-services.ts): templates
 * named as `template --all-units` names them and read back as their unit's, every unit's in one
 * .zip, a returned file checked, files merged into a summary that reads back with the merger's
 * totals, and the Form tab's definition file written and read back.
 */
import { unzipSync } from "fflate";
import { builtInForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { mergeReports } from "../../src/merge/merger";
import { todayInVietnam } from "../../src/merge/today";
import { createFileServices, type Download } from "../../src/taskpane/browser/file-services";
import { inspectFile } from "../../src/xlsx/reader";
import { templateFileName } from "../../src/xlsx/write-template";
import { filledValues, returnedReport } from "../e2e/report-files";

jest.setTimeout(120_000);

const form = builtInForm();
const unit = (code: string): Unit => form.units.find((u) => u.code === code) as Unit;

describe("the browser mode's file services", () => {
  const saved: Download[] = [];
  const services = createFileServices(form, (d) => saved.push(d));

  it("makes one unit's template and a blank one, named as the command line names them", async () => {
    const one = await services.template("XA-CAO-XA", "");
    expect(one.fileName).toBe(templateFileName(form, unit("XA-CAO-XA")));
    const read = inspectFile(one.bytes, form);
    expect(read.ok && read.metaUnitCode).toBe("XA-CAO-XA");
    const blank = await services.template(null, "");
    expect(blank.fileName).toBe("BDG-2019.xlsx");
    const b = inspectFile(blank.bytes, form);
    expect(b.ok && b.metaUnitCode).toBeNull();
  });

  it("puts every unit's template in one .zip, telling the progress", async () => {
    const progress: [number, number, string][] = [];
    const zip = await services.allTemplates("", (done, total, u) => progress.push([done, total, u.code]));
    expect(zip.fileName).toBe("BDG-2019_Tat-ca-don-vi.zip");
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files)).toEqual(form.units.map((u) => templateFileName(form, u)));
    expect(progress).toEqual(form.units.map((u, i) => [i, 42, u.code]));
    const last = form.units[41];
    const read = inspectFile(files[templateFileName(form, last)], form);
    expect(read.ok && read.metaUnitCode).toBe(last.code);
  });

  it("checks a returned file, and says why a file that is not a workbook cannot be", async () => {
    const u = unit("XA-CAO-XA");
    const values = filledValues(form, u, 11);
    const i2 = form.byCode.get("I.2")?.cells ?? [];
    values.set(i2[0].name, 10);
    values.set(i2[1].name, 20); // female above total
    const bytes = await returnedReport(form, u, values);
    const checked = await services.check({ name: "cao-xa.xlsx", modified: 0, bytes });
    if (!checked.ok) throw new Error(checked.message.en);
    expect(checked.unit).toBe("Xã Cao Xá");
    expect(checked.errors).toBeGreaterThan(0);
    expect(checked.issues[0]).toEqual(
      expect.objectContaining({
        severity: "error",
        indicator: "I.2",
        address: expect.stringMatching(/^[A-Z]+\d+$/),
      })
    );
    const junk = await services.check({
      name: "x.xlsx",
      modified: 0,
      bytes: new TextEncoder().encode("ghi chú"),
    });
    expect(junk).toEqual({
      ok: false,
      file: "x.xlsx",
      message: expect.objectContaining({ vi: expect.any(String) }),
    });
  });

  it("merges returned files into a summary that reads back with the merger's totals", async () => {
    const session = services.beginMerge();
    const subs = [];
    for (const [i, code] of ["XA-CAO-XA", "XA-NGOC-THIEN", "TT-CAO-THUONG"].entries()) {
      const bytes = await returnedReport(form, unit(code), filledValues(form, unit(code), 20 + i));
      const file = { name: `${code}.xlsx`, modified: 1000 + i, bytes };
      const added = await session.add(file);
      expect(added).toMatchObject({ verdict: "candidate", unit: code });
      subs.push({ file: file.name, modified: file.modified, read: inspectFile(bytes, form) });
    }
    const c = session.finish({ excludeUnitsWithErrors: false });
    const expected = mergeReports(form, subs, { today: todayInVietnam() });
    expect(c.totals).toEqual(expected.totals);
    const summary = await services.summary(c);
    expect(summary.fileName).toBe("BDG-2019_Tong-hop.xlsx");
    const back = inspectFile(summary.bytes, form);
    if (!back.ok) throw new Error(back.message.en);
    expect(back.metaKind).toBe("summary");
    const i2t = form.byCode.get("I.2")?.cells[0].name as string;
    expect(back.values.get(i2t)).toEqual({ type: "number", value: expected.totals.all.numbers[i2t] });
  });

  it("writes the form's definition file, and reads a definition file back (or lists its problems)", async () => {
    const r = await services.form.writeDefinition(form.definition);
    expect(r).toEqual({ fileName: "BDG-2019_Dinh-nghia.xlsx" });
    const file = saved.at(-1) as Download;
    expect(file.fileName).toBe("BDG-2019_Dinh-nghia.xlsx");
    expect(await services.form.readDefinition({ name: file.fileName, bytes: file.bytes })).toEqual({
      ok: true,
      definition: form.definition,
    });
    const template = await services.template(null, "");
    const wrong = await services.form.readDefinition({ name: "mau.xlsx", bytes: template.bytes });
    if (wrong.ok) throw new Error("a template is not a definition");
    expect(wrong.problems.length).toBeGreaterThan(0);
    expect(wrong.problems.every((p) => p.target === null)).toBe(true);
    expect(wrong.problems[0].message.vi).toMatch(/^Thông tin/);
    const junk = await services.form.readDefinition({ name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) });
    expect(junk).toEqual({
      ok: false,
      problems: [],
      message: expect.objectContaining({ vi: expect.any(String) }),
    });
  });
});
