import { BLANK, isBlank } from "../../src/workbook/cell-value";

describe("isBlank", () => {
  it.each([
    [undefined, true],
    [BLANK, true],
    [{ type: "text", text: "  \u00a0" }, true],
    [{ type: "text", text: "x" }, false],
    [{ type: "number", value: 0 }, false],
    [{ type: "boolean", value: false }, false],
    [{ type: "error", code: "#N/A" }, false],
    [{ type: "uncomputed", formula: "=A1" }, false],
  ] as const)("%j → %p", (v, expected) => {
    expect(isBlank(v)).toBe(expected);
  });

  it("BLANK is frozen", () => {
    expect(Object.isFrozen(BLANK)).toBe(true);
  });
});
