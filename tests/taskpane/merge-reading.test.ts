/** Reading picked files into a merge session (src/taskpane/merge-reading.ts) and the content hash. */
import { contentHash, fnv } from "../../src/taskpane/content-hash";
import { milestones, readFilesInto } from "../../src/taskpane/merge-reading";
import { nameParts } from "../../src/taskpane/FileName";
import type { MergeInputFile, MergeSession } from "../../src/taskpane/services";

function file(name: string, content: string): File {
  const bytes = new TextEncoder().encode(content);
  return {
    name,
    lastModified: 1_575_000_000_000,
    arrayBuffer: async () => bytes.buffer.slice(0),
  } as unknown as File;
}

function session(): MergeSession & { added: MergeInputFile[] } {
  const added: MergeInputFile[] = [];
  return {
    added,
    add: async (f) => {
      added.push(f);
      return { verdict: "candidate", unit: null, reason: null, errors: 0, warnings: 0 };
    },
    prefer: async () => [],
    finish: () => {
      throw new Error("not used");
    },
  };
}

describe("readFilesInto", () => {
  it("reads each new content once, skips the same bytes under any name, and can read a file again", async () => {
    const s = session();
    const seen = new Set<string>();
    const hooks = { cancelled: () => false, onProgress: () => undefined, onMilestone: () => undefined };
    const first = await readFilesInto(
      s,
      [file("a.xlsx", "A"), file("b.xlsx", "B"), file("a-2.xlsx", "A")],
      seen,
      hooks
    );
    expect(first).toEqual({ read: 2, skipped: 1, done: 3, total: 3, cancelled: false });
    const again = await readFilesInto(s, [file("b.xlsx", "B"), file("c.xlsx", "C")], seen, hooks);
    expect(again).toMatchObject({ read: 1, skipped: 1 });
    expect(s.added.map((f) => f.name)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(Array.from(s.added[0].bytes)).toEqual([65]);
  });

  it("draws progress a few times, not per file, and announces three milestones", async () => {
    const s = session();
    let clock = 0;
    const progress: number[] = [];
    const marks: number[] = [];
    const files = Array.from({ length: 100 }, (_x, i) => file(`${i}.xlsx`, String(i)));
    await readFilesInto(s, files, new Set(), {
      cancelled: () => false,
      onProgress: (p) => progress.push(p.done),
      onMilestone: (d) => marks.push(d),
      now: () => (clock += 10), // each look at the clock: 10 ms later
    });
    expect(progress.length).toBeLessThan(30);
    expect(progress[0]).toBe(0);
    expect(marks).toEqual([25, 50, 75]);
    expect(milestones(4)).toEqual([]);
  });

  it("stops before the next file when cancelled", async () => {
    const s = session();
    let n = 0;
    const out = await readFilesInto(s, [file("1", "1"), file("2", "2"), file("3", "3")], new Set(), {
      cancelled: () => n++ >= 2,
      onProgress: () => undefined,
      onMilestone: () => undefined,
    });
    expect(out).toMatchObject({ read: 2, done: 2, cancelled: true });
  });
});

describe("content hash", () => {
  it("tells contents apart, the same bytes alike (SHA-256 where Web Crypto is, else FNV-1a)", async () => {
    const a = await contentHash(new TextEncoder().encode("báo cáo"));
    expect(a).toBe(await contentHash(new TextEncoder().encode("báo cáo")));
    expect(a).not.toBe(await contentHash(new TextEncoder().encode("báo cáo.")));
    expect(a).toMatch(/^(sha256:[0-9a-f]{64}|fnv:)/);
    expect(fnv(new Uint8Array([1, 2, 3]))).not.toBe(fnv(new Uint8Array([3, 2, 1])));
    expect(fnv(new Uint8Array([1, 2, 3]))).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("file names", () => {
  it("break after “_”, “-” and “.”", () => {
    expect(nameParts("bao-cao_xa.cao-xa.xlsx")).toEqual(["bao-", "cao_", "xa.", "cao-", "xa.", "xlsx"]);
    expect(nameParts("abc")).toEqual(["abc"]);
    expect(nameParts("")).toEqual([""]);
  });
});
