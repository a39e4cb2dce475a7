/** A position is trusted only when its row still names the indicator (src/workbook/row-evidence.ts). */
import { builtInForm } from "../../src/form/resolve";
import type { CellValue } from "../../src/workbook/cell-value";
import { isLabelOf, verifyRow } from "../../src/workbook/row-evidence";
import { key, type SheetData } from "../../src/workbook/sheet-data";

const form = builtInForm();
const label = (code: string): string => form.byCode.get(code)!.label.vi;

function sheet(rows: Record<number, (string | number | null)[]>): SheetData {
  const cells = new Map<number, CellValue>();
  for (const [r, line] of Object.entries(rows))
    line.forEach((v, i) => {
      if (v === null) return;
      cells.set(
        key(Number(r), i + 1),
        typeof v === "number" ? { type: "number", value: v } : { type: "text", text: v }
      );
    });
  return { cells, merges: [] };
}

describe("verifyRow", () => {
  test("the code left of the cell names the indicator", () => {
    expect(verifyRow(sheet({ 5: ["I.2", label("I.2"), "người", 40] }), 5, 4, "I.2", form)).toEqual({
      type: "verified",
    });
  });

  test("codes typed loosely still count: spaces, a trailing dot, lower case", () => {
    expect(verifyRow(sheet({ 5: [" i. 2. ", null, null, 40] }), 5, 4, "I.2", form).type).toBe("verified");
  });

  test("another indicator's code: contradicted, naming it", () => {
    expect(verifyRow(sheet({ 5: ["I.3", label("I.3"), "", 40] }), 5, 4, "I.2", form)).toEqual({
      type: "contradicted",
      other: "I.3",
    });
  });

  test("the right code next to another indicator's label (rows sorted without their codes): contradicted", () => {
    expect(verifyRow(sheet({ 5: ["I.2", label("I.5"), "", 40] }), 5, 4, "I.2", form)).toEqual({
      type: "contradicted",
      other: "I.5",
    });
  });

  test("no code but the label: verified; no code and no label: unverifiable", () => {
    expect(verifyRow(sheet({ 5: [null, label("I.2"), "", 40] }), 5, 4, "I.2", form).type).toBe("verified");
    expect(verifyRow(sheet({ 5: ["ghi chú", null, "", 40] }), 5, 4, "I.2", form).type).toBe("unverifiable");
  });

  test("only what stands left of the cell counts", () => {
    expect(verifyRow(sheet({ 5: [null, null, null, 40, "I.3"] }), 5, 4, "I.2", form).type).toBe(
      "unverifiable"
    );
  });

  test("a label that extends another is told apart (the longest label wins)", () => {
    const long = form.indicators.find((i) => /được tư vấn/.test(i.label.vi))!;
    const short = form.indicators.find((i) => i.label.vi.toLowerCase() === "số nạn nhân")!;
    expect(isLabelOf(form, long.label.vi, long.code)).toBe(true);
    expect(isLabelOf(form, long.label.vi, short.code)).toBe(false);
    expect(isLabelOf(form, short.label.vi, short.code)).toBe(true);
  });
});
