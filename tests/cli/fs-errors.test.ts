import { firstLine, fsCause } from "../../src/cli/fs-errors";

const sysError = (code: string): Error =>
  Object.assign(new Error(`${code}: raw node text, open '/x'`), { code });

test("each file-system error has a short cause in Vietnamese and English, with its code", () => {
  expect(fsCause(sysError("EROFS"))).toEqual({
    vi: "ổ đĩa hoặc thư mục này chỉ cho đọc (EROFS)",
    en: "read-only file system (EROFS)",
  });
  expect(fsCause(sysError("ENOSPC")).vi).toBe("ổ đĩa đã đầy (ENOSPC)");
  for (const code of ["ENOTDIR", "EISDIR", "EACCES", "EPERM", "ENOENT", "EDQUOT", "ENAMETOOLONG", "ELOOP"]) {
    const c = fsCause(sysError(code));
    expect(c.vi).toMatch(new RegExp(` \\(${code}\\)$`));
    expect(c.vi).not.toContain("raw node text");
  }
  expect(fsCause(sysError("EWHATEVER"))).toEqual({
    vi: "lỗi hệ thống tệp (EWHATEVER)",
    en: "file-system error (EWHATEVER)",
  });
});

test("firstLine: one line of the message, never the stack", () => {
  const e = new Error("first\nsecond");
  expect(firstLine(e)).toBe("first");
  expect(firstLine("plain")).toBe("plain");
});
