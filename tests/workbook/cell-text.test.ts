/** Text as a workbook can hold it (src/workbook/cell-text.ts). */
import { CELL_TEXT_LIMIT, CUT_MARKER, cutText, safeCellText, xmlSafe } from "../../src/workbook/cell-text";

test("characters XML 1.0 forbids become U+FFFD; tab, LF, CR and surrogate pairs stay", () => {
  expect(xmlSafe("a\u0000b\u0008c\u000bd\u001fe\ufffef\uffffg")).toEqual({
    text: "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg",
    replaced: 6,
  });
  expect(xmlSafe("x\ud800y\udc00z\ud83d")).toEqual({ text: "x\ufffdy\ufffdz\ufffd", replaced: 3 });
  expect(xmlSafe("tab\tlf\ncr\r😀 Việt \u0085")).toEqual({
    text: "tab\tlf\ncr\r😀 Việt \u0085",
    replaced: 0,
  });
});

test("a text over 32,767 characters is cut with the marker, never inside a surrogate pair", () => {
  expect(cutText("x".repeat(CELL_TEXT_LIMIT))).toBeNull();
  const cut = cutText("x".repeat(CELL_TEXT_LIMIT + 1)) as string;
  expect(cut).toHaveLength(CELL_TEXT_LIMIT);
  expect(cut.endsWith(CUT_MARKER)).toBe(true);
  const keep = CELL_TEXT_LIMIT - CUT_MARKER.length;
  const emoji = cutText(`${"x".repeat(keep - 1)}😀${"y".repeat(100)}`) as string;
  expect(emoji).toBe(`${"x".repeat(keep - 1)}${CUT_MARKER}`);
  expect(safeCellText(`\ufffe${"z".repeat(40_000)}`)).toMatchObject({ replaced: 1, cutFrom: 40_001 });
});
