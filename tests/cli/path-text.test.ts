import fc from "fast-check";
import { decodeName, fsPathOf, joinBytes, pathText } from "../../src/cli/path-text";

describe("file names as bytes", () => {
  it("a UTF-8 name is shown as it is and opened as text", () => {
    const b = Buffer.from("Báo cáo Xã Cao Xá.xlsx");
    expect(decodeName(b)).toEqual({ text: "Báo cáo Xã Cao Xá.xlsx", exact: true });
    expect(fsPathOf(b)).toBe("Báo cáo Xã Cao Xá.xlsx");
  });

  it("bytes that are not UTF-8 are shown as \\xNN and the name is opened by its bytes", () => {
    const b = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x78, 0x6c, 0x73, 0x78]); // "café.xlsx" in Latin-1
    expect(decodeName(b)).toEqual({ text: "caf\\xe9.xlsx", exact: false });
    expect(fsPathOf(b)).toBe(b);
    expect(pathText(b)).toBe("caf\\xe9.xlsx");
  });

  it("overlong forms, surrogates, truncated sequences and stray continuation bytes are escaped", () => {
    expect(decodeName(Buffer.from([0xc0, 0xaf])).text).toBe("\\xc0\\xaf");
    expect(decodeName(Buffer.from([0xed, 0xa0, 0x80])).text).toBe("\\xed\\xa0\\x80");
    expect(decodeName(Buffer.from([0x61, 0xe1, 0xbb])).text).toBe("a\\xe1\\xbb");
    expect(decodeName(Buffer.from([0x80, 0x61])).text).toBe("\\x80a");
    expect(decodeName(Buffer.from([0xf4, 0x90, 0x80, 0x80])).text).toBe("\\xf4\\x90\\x80\\x80");
    // A real U+FFFD in a UTF-8 name is kept.
    expect(decodeName(Buffer.from("a\ufffdb")).text).toBe("a\ufffdb");
  });

  it("agrees with a strict UTF-8 decoder, and never shows U+FFFD for a byte it could not read", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const d = decodeName(bytes);
        let decoded: string | null = null;
        try {
          decoded = strict.decode(bytes);
        } catch {
          // not UTF-8
        }
        expect(d.exact).toBe(decoded !== null);
        if (decoded !== null) expect(d.text).toBe(decoded);
        else expect(d.text).not.toContain("\ufffd");
      })
    );
  });

  it("joinBytes adds one separator", () => {
    expect(
      joinBytes(Buffer.from("/a"), Buffer.from([0xff])).equals(Buffer.from([0x2f, 0x61, 0x2f, 0xff]))
    ).toBe(true);
    expect(joinBytes(Buffer.from("/"), Buffer.from("x")).toString()).toBe("/x");
  });
});
