/**
 * Merge benchmark: 42, 420 and 4,200 returned files (generated once: the demo's 42
 * returns and copies of them under other names and times), merged file by file from disk with
 * our reader, and the same merge with SheetJS (@e965/xlsx) reading the files, in the same run.
 * Prints time per file, total time and peak memory (RSS and JS heap, sampled after every file).
 *
 *   npx tsx scripts/bench-merge.ts            (or call benchMerge() from `npm run bench`)
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInForm, type ResolvedForm } from "../src/form/resolve";
import { createMerger, type Consolidation } from "../src/merge";
import { inspectWorkbook } from "../src/inspect/inspect";
import type { InspectResult } from "../src/inspect/types";
import { NODE_READ } from "../src/cli/node-read";
import { inspectFile } from "../src/xlsx/reader";
import { makeDemoReturns } from "./demo";
import { sheetJsSnapshot } from "./sheetjs-snapshot";

export interface BenchRow {
  files: number;
  route: "bdg-report" | "SheetJS";
  totalMs: number;
  msPerFile: number;
  peakRssMb: number;
  peakHeapMb: number;
  accepted: number;
}

type Reader = (bytes: Uint8Array, form: ResolvedForm) => InspectResult;

/** SheetJS route: parse the whole workbook, then the same inspection step as ours. */
async function sheetJsReader(): Promise<Reader> {
  const XLSX = await import("@e965/xlsx");
  return (bytes, form) => {
    try {
      const wb = XLSX.read(bytes, {
        type: "array",
        cellFormula: false,
        cellStyles: false,
        cellHTML: false,
        cellText: false,
      });
      return inspectWorkbook(form, sheetJsSnapshot(XLSX, wb));
    } catch (e) {
      return {
        ok: false,
        reason: "corrupt",
        message: { vi: "Tệp hỏng", en: `corrupt: ${(e as Error).message}` },
      };
    }
  };
}

/** The corpus: `n` files in `dir` (the 42 returns, then copies with other names and later times). */
async function corpus(form: ResolvedForm, root: string, n: number): Promise<string[]> {
  const baseDir = join(root, "base");
  if (!existsSync(baseDir) || readdirSync(baseDir).length < 42)
    await makeDemoReturns(form, baseDir, { resave: false });
  const base = readdirSync(baseDir)
    .sort()
    .map((f) => join(baseDir, f));
  if (n <= base.length) return base.slice(0, n);
  const dir = join(root, `n${n}`);
  if (!existsSync(dir) || readdirSync(dir).length !== n) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) {
      const src = base[i % base.length];
      const dst = join(
        dir,
        `v${String(Math.floor(i / base.length)).padStart(3, "0")}_${src.split("/").pop()}`
      );
      copyFileSync(src, dst);
      const t = statSync(src).mtime.getTime() + i * 1000;
      utimesSync(dst, new Date(t), new Date(t));
    }
  }
  return readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
}

function runOnce(
  form: ResolvedForm,
  files: string[],
  read: Reader
): { ms: number; peakRss: number; peakHeap: number; c: Consolidation } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const merger = createMerger(form);
  files.forEach((file, i) => {
    const st = statSync(file);
    const bytes = new Uint8Array(readFileSync(file));
    merger.add(file, st.mtimeMs, read(bytes, form));
    if (i % 10 === 0 || i === files.length - 1) {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  });
  const c = merger.finish();
  const ms = performance.now() - t0;
  return { ms, peakRss: Math.max(peakRss, process.memoryUsage.rss()), peakHeap, c };
}

export async function benchMerge(
  options: { sizes?: number[]; root?: string; log?: (s: string) => void } = {}
): Promise<BenchRow[]> {
  const form = builtInForm();
  const sizes = options.sizes ?? [42, 420, 4200];
  const root = options.root ?? join(tmpdir(), "bdg-bench-merge");
  const log = options.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  mkdirSync(root, { recursive: true });
  const sheetjs = await sheetJsReader();
  const ours: Reader = (b, f) => inspectFile(b, f, NODE_READ);
  const rows: BenchRow[] = [];
  // Warm-up (JIT, lazy imports) on the small corpus, not measured.
  const warm = await corpus(form, root, 42);
  runOnce(form, warm.slice(0, 10), ours);
  runOnce(form, warm.slice(0, 10), sheetjs);
  for (const n of sizes) {
    const files = await corpus(form, root, n);
    for (const [route, reader] of [
      ["bdg-report", ours],
      ["SheetJS", sheetjs],
    ] as const) {
      const r = runOnce(form, files, reader);
      rows.push({
        files: n,
        route,
        totalMs: Math.round(r.ms),
        msPerFile: Math.round((r.ms / n) * 100) / 100,
        peakRssMb: Math.round(r.peakRss / 1048576),
        peakHeapMb: Math.round(r.peakHeap / 1048576),
        accepted: r.c.counts.accepted,
      });
    }
  }
  log("Tổng hợp / merge benchmark (files read one at a time from disk)");
  log(
    `${"files".padStart(6)}  ${"route".padEnd(11)} ${"total ms".padStart(9)} ${"ms/file".padStart(8)} ${"peak RSS MB".padStart(12)} ${"peak heap MB".padStart(13)} ${"accepted".padStart(9)}  speed-up`
  );
  for (const r of rows) {
    const other = rows.find((x) => x.files === r.files && x.route === "SheetJS");
    const speed =
      r.route === "bdg-report" && other ? `${(other.totalMs / Math.max(1, r.totalMs)).toFixed(1)}×` : "";
    log(
      `${String(r.files).padStart(6)}  ${r.route.padEnd(11)} ${String(r.totalMs).padStart(9)} ${r.msPerFile.toFixed(2).padStart(8)} ${String(r.peakRssMb).padStart(12)} ${String(r.peakHeapMb).padStart(13)} ${String(r.accepted).padStart(9)}  ${speed}`
    );
  }
  return rows;
}

if (require.main === module) {
  benchMerge().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
