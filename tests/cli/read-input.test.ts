import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readAtMost, readInput } from "../../src/cli/read-input";
import { DEFAULT_LIMITS } from "../../src/xlsx/reader";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-read-input-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a regular file: its bytes and its modification time", () => {
  const f = join(dir, "a.xlsx");
  writeFileSync(f, "PK\x03\x04 bytes");
  const t = new Date(Date.UTC(2019, 10, 25, 8, 0, 0));
  utimesSync(f, t, t);
  const r = readInput(f);
  expect(r.ok && Buffer.from(r.bytes).toString("latin1")).toBe("PK\x03\x04 bytes");
  expect(r.modified).toBe(t.getTime());
});

test("a missing file is notFound, named as shown", () => {
  const r = readInput(join(dir, "nope.xlsx"), { name: "nhan/nope.xlsx" });
  expect(r).toMatchObject({ ok: false, reason: "notFound" });
  if (!r.ok)
    expect(r.message).toEqual({
      vi: 'Không tìm thấy tệp "nhan/nope.xlsx"',
      en: 'File not found: "nhan/nope.xlsx"',
    });
});

test("a folder, a FIFO and a device are notRegular, decided before opening (a FIFO is never waited on)", () => {
  const fifo = join(dir, "x.xlsx");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  const cases: [string, RegExp][] = [
    [dir, /thư mục/],
    [fifo, /FIFO/],
    ["/dev/zero", /thiết bị/],
  ];
  for (const [path, kind] of cases) {
    const r = readInput(path);
    expect(r).toMatchObject({ ok: false, reason: "notRegular" });
    if (!r.ok) {
      expect(r.message.vi).toMatch(kind);
      expect(r.message.vi).toContain("không phải là tệp thông thường");
      expect(r.message.en).toContain("is not a regular file");
    }
  }
});

test("a file over the cap is tooLarge, by its size or by what is actually read", () => {
  const f = join(dir, "big.xlsx");
  writeFileSync(f, Buffer.alloc(2048, 1));
  expect(readInput(f, { maxBytes: 2047 })).toMatchObject({ ok: false, reason: "tooLarge" });
  expect(readInput(f, { maxBytes: 2048 })).toMatchObject({ ok: true });
  const r = readInput(f, { maxBytes: 2047 });
  if (!r.ok) expect(r.message.vi).toMatch(/quá lớn/);
});

test("reads what a file holds even when stat says 0 bytes (procfs)", () => {
  const r = readInput("/proc/self/status");
  expect(r.ok && r.bytes.length).toBeGreaterThan(0);
});

test("readAtMost stops at the limit on an endless source (/dev/zero), whatever stat says", () => {
  const fd = openSync("/dev/zero", "r");
  try {
    const limit = DEFAULT_LIMITS.maxFileBytes + 1;
    const bytes = readAtMost(fd, limit, 0);
    expect(bytes.length).toBe(limit);
  } finally {
    closeSync(fd);
  }
});
