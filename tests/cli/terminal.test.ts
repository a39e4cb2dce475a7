import fc from "fast-check";
import { safeJson, terminalLines, terminalSafe } from "../../src/cli/terminal";

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("terminalSafe", () => {
  it("shows escape sequences, C1 controls, DEL and bidi overrides instead of obeying them", () => {
    expect(terminalSafe("\x1b]0;pwned\x07Xã Việt Lập")).toBe("\\x1b]0;pwned\\x07Xã Việt Lập");
    expect(terminalSafe("a\x1b[2Jb\rc\nd\te\x7f")).toBe("a\\x1b[2Jb\\x0dc\\x0ad\\x09e\\x7f");
    expect(terminalSafe("\u009b31m")).toBe("\\u009b31m");
    expect(terminalSafe("báo cáo\u202Excod.xlsx")).toBe("báo cáo\\u202excod.xlsx");
    expect(terminalSafe("\u2066x\u2069")).toBe("\\u2066x\\u2069");
  });

  it("keeps Vietnamese, other printable text and backslashes as they are", () => {
    const s = "Thị trấn Cao Thượng — Hội LHPN huyện: 1.234,5 ₫ \\x41 “ok” 日本";
    expect(terminalSafe(s)).toBe(s);
  });

  it("never lets an unsafe character through (any text)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(UNSAFE.test(terminalSafe(s))).toBe(false);
      })
    );
  });

  it("terminalLines: our own newlines only, each line escaped", () => {
    expect(terminalLines(["a\nb", "c"])).toBe("a\\x0ab\nc\n");
  });
});

describe("safeJson", () => {
  it("is JSON that parses back to the very same strings, with no raw control or bidi character", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" })), (strings) => {
        const text = safeJson({ strings });
        expect(UNSAFE.test(text.replace(/\n/g, ""))).toBe(false);
        expect(JSON.parse(text)).toEqual({ strings });
      })
    );
    expect(safeJson({ f: "a\u202eb\u0085" }, 0)).toBe('{"f":"a\\u202eb\\u0085"}');
  });
});
