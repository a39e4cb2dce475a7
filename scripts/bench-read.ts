/**
 * Benchmark (not a test): read + validate 200 returned files of mixed writers — our template
 * writer, openpyxl-filled copies, LibreOffice re-saves — with our reader and with SheetJS
 * (`@e965/xlsx`: XLSX.read + picking the named cells), in the same run. Prints the median
 * per-file time and the peak memory of each.
 *
 *   npx tsx scripts/bench-read.ts [--files 200] [--dir DIR] [--rounds 3]
 *
 * The files are generated once into DIR (default: $TMPDIR/bdg-bench-read-v1) and reused.
 * Without python3+openpyxl / soffice the mix falls back to what our writer can produce.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { builtInForm, type ResolvedForm } from "../src/form/resolve";
import { NODE_READ } from "../src/cli/node-read";
import { inspectWorkbook } from "../src/inspect/inspect";
import { inspectFile } from "../src/xlsx/reader";
import { sheetJsSnapshot } from "./sheetjs-snapshot";
import { writeTemplate } from "../src/xlsx/write-template";

const PY = "/usr/bin/python3";
const FILL = join(__dirname, "..", "tests", "interop", "scripts", "fill_openpyxl.py");
const LO_EDIT = join(__dirname, "..", "tests", "interop", "scripts", "lo_edit.py");

export interface BenchSide {
  medianMs: number;
  p90Ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  ok: number;
}

export interface BenchResult {
  files: number;
  writers: Record<string, number>;
  /** Our reader as the CLI runs it (node:zlib inflate, byte-string scanning). */
  ours: BenchSide;
  /** Our reader as the task pane runs it (fflate, TextDecoder): the portable core alone. */
  oursPortable: BenchSide;
  sheetjs: BenchSide;
  /** SheetJS median / ours median. */
  speedup: number;
}

function can(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Generate (once) the mixed set of returned files; returns their paths. */
export async function benchFiles(
  dir: string,
  count: number,
  form: ResolvedForm,
  log: (s: string) => void
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((f) => f.endsWith(".xlsx") && !f.startsWith("template"));
  if (existing.length >= count) return pickMix(dir, count);
  log(`Tạo ${count} tệp mẫu trong ${dir} (một lần) / generating ${count} files once…`);
  const units = form.units;
  const template = join(dir, "template.xlsx");
  writeFileSync(template, await writeTemplate(form, {}));
  // ours: one pre-filled template per unit
  const nOurs = Math.min(units.length, Math.round(count * 0.25));
  for (let i = 0; i < nOurs; i++)
    writeFileSync(
      join(dir, `ours-${String(i).padStart(3, "0")}.xlsx`),
      await writeTemplate(form, { unitCode: units[i].code })
    );
  const haveOpenpyxl = existsSync(PY) && can(PY, ["-c", "import openpyxl"]);
  const haveLo = haveOpenpyxl && existsSync("/usr/bin/soffice") && can(PY, ["-c", "import uno"]);
  let rest = count - nOurs;
  if (haveOpenpyxl) {
    const nLo = haveLo ? Math.min(30, Math.round(count * 0.15)) : 0;
    const nPy = rest;
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const jobs = Array.from({ length: nPy }, (_, i) => {
      const cells: Record<string, number | string> = {};
      cells[form.fieldByKey.get("unit")!.name] = units[i % units.length].name;
      cells[form.fieldByKey.get("year")!.name] = 2019;
      cells[form.fieldByKey.get("preparer")!.name] = "Nguyễn Thị Lan";
      cells[form.fieldByKey.get("head")!.name] = "Trần Văn Hùng";
      for (const ind of form.indicators) {
        for (const c of ind.cells) {
          if (ind.kind === "text") cells[c.name] = "Hoàn thành kế hoạch năm; tổ chức tốt Tháng hành động.";
          else if (c.part === "female") cells[c.name] = rnd(50);
          else cells[c.name] = i % 7 === 0 && ind.code === "I.1" ? "1.234" : 50 + rnd(500);
        }
      }
      return {
        out: join(dir, `openpyxl-${String(i).padStart(3, "0")}.xlsx`),
        cells,
        formulas: i % 5 === 0 ? { [form.indicators[0].cells[0].name]: "=2+3" } : {},
      };
    });
    writeFileSync(join(dir, "fill-jobs.json"), JSON.stringify(jobs));
    execFileSync(PY, [FILL, template, "--batch", join(dir, "fill-jobs.json")], { stdio: "inherit" });
    if (nLo) {
      // re-save some of them through LibreOffice (replacing the openpyxl file of the same index)
      const lo = jobs
        .slice(0, nLo)
        .map((j, i) => ({ in: j.out, out: join(dir, `lo-${String(i).padStart(3, "0")}.xlsx`) }));
      writeFileSync(join(dir, "lo-jobs.json"), JSON.stringify(lo));
      execFileSync(PY, [LO_EDIT, join(dir, "lo-profile"), join(dir, "lo-jobs.json")], {
        stdio: "inherit",
        timeout: 600_000,
      });
    }
    rest = 0;
  }
  for (let i = 0; rest > 0; i++, rest--)
    writeFileSync(
      join(dir, `ours-x${String(i).padStart(3, "0")}.xlsx`),
      await writeTemplate(form, { unitCode: units[i % units.length].code })
    );
  return pickMix(dir, count);
}

/** LibreOffice re-saves and our own files first (they are fewer), openpyxl-filled ones for the rest. */
function pickMix(dir: string, count: number): string[] {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx") && !f.startsWith("template"))
    .sort();
  const rank = (f: string): number => (f.startsWith("lo-") ? 0 : f.startsWith("ours-") ? 1 : 2);
  return all
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, count)
    .map((f) => join(dir, f));
}

/** SheetJS: parse the workbook, then the same inspection step as ours. */
function sheetjsInspect(bytes: Uint8Array, form: ResolvedForm): boolean {
  const wb = XLSX.read(bytes, { type: "array" });
  return inspectWorkbook(form, sheetJsSnapshot(XLSX, wb)).ok;
}

function measure(
  label: string,
  files: Uint8Array[],
  rounds: number,
  one: (b: Uint8Array) => boolean
): BenchSide {
  const g = (globalThis as { gc?: () => void }).gc;
  g?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const times: number[] = [];
  let ok = 0;
  for (const b of files.slice(0, 20)) one(b); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const b of files) {
      const t0 = performance.now();
      if (one(b) && r === 0) ok++;
      times.push(performance.now() - t0);
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
  }
  times.sort((a, b) => a - b);
  void label;
  return {
    medianMs: times[Math.floor(times.length / 2)],
    p90Ms: times[Math.floor(times.length * 0.9)],
    peakRssMb: peakRss / 1048576,
    peakHeapMb: (peakHeap - base.heapUsed) / 1048576,
    ok,
  };
}

export async function benchRead(
  options: { files?: number; dir?: string; rounds?: number; log?: (s: string) => void } = {}
): Promise<BenchResult> {
  const log = options.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  const form = builtInForm();
  const count = options.files ?? 200;
  const paths = await benchFiles(options.dir ?? join(tmpdir(), "bdg-bench-read-v1"), count, form, log);
  const bytes = paths.map((p) => new Uint8Array(readFileSync(p)));
  const writers: Record<string, number> = {};
  for (const p of paths) {
    const w = /([a-z]+)-[^/]*$/.exec(p)?.[1] ?? "?";
    writers[w] = (writers[w] ?? 0) + 1;
  }
  const rounds = options.rounds ?? 3;
  const oursOne = (b: Uint8Array): boolean => inspectFile(b, form, NODE_READ).ok;
  const portableOne = (b: Uint8Array): boolean => inspectFile(b, form).ok;
  const sheetjsOne = (b: Uint8Array): boolean => sheetjsInspect(b, form);
  // Memory: one pass each. Time: both readers interleaved file by file, so that both see the
  // same machine load (the shared CI machine is noisy).
  const ours = measure("ours", bytes, 1, oursOne);
  const oursPortable = measure("ours-portable", bytes, 1, portableOne);
  const sheetjs = measure("sheetjs", bytes, 1, sheetjsOne);
  const tOurs: number[] = [];
  const tPortable: number[] = [];
  const tSheetjs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const b of bytes) {
      let t0 = performance.now();
      oursOne(b);
      tOurs.push(performance.now() - t0);
      t0 = performance.now();
      sheetjsOne(b);
      tSheetjs.push(performance.now() - t0);
      t0 = performance.now();
      portableOne(b);
      tPortable.push(performance.now() - t0);
    }
  }
  const pct = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
  ours.medianMs = pct(tOurs, 0.5);
  ours.p90Ms = pct(tOurs, 0.9);
  oursPortable.medianMs = pct(tPortable, 0.5);
  oursPortable.p90Ms = pct(tPortable, 0.9);
  sheetjs.medianMs = pct(tSheetjs, 0.5);
  sheetjs.p90Ms = pct(tSheetjs, 0.9);
  const result: BenchResult = {
    files: bytes.length,
    writers,
    ours,
    oursPortable,
    sheetjs,
    speedup: sheetjs.medianMs / ours.medianMs,
  };
  const row = (name: string, s: BenchSide): string =>
    `  ${name.padEnd(22)} median ${s.medianMs.toFixed(2).padStart(6)} ms   p90 ${s.p90Ms.toFixed(2).padStart(6)} ms   peak RSS ${s.peakRssMb.toFixed(0).padStart(4)} MB   peak heap +${s.peakHeapMb.toFixed(0)} MB   read ${s.ok}/${bytes.length}`;
  log(
    `Đọc + kiểm tra ${bytes.length} tệp (${Object.entries(writers)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}), ${rounds} lượt / read + validate, ${rounds} rounds:`
  );
  log(row("bdg-report reader", ours));
  log(row("  (task pane: fflate)", oursPortable));
  log(row("SheetJS (@e965/xlsx)", sheetjs));
  log(
    `  nhanh hơn / faster: ${result.speedup.toFixed(1)}× (task pane ${(sheetjs.medianMs / oursPortable.medianMs).toFixed(1)}×) (mục tiêu / target ≤ 2 ms/tệp, ≥ 3×)`
  );
  return result;
}

if (require.main === module) {
  const arg = (k: string): string | undefined => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  benchRead({
    files: arg("--files") ? Number(arg("--files")) : undefined,
    dir: arg("--dir"),
    rounds: arg("--rounds") ? Number(arg("--rounds")) : undefined,
  }).catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  });
}
