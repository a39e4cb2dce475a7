/**
 * `npm run bench`: every benchmark of the project, each next to the obvious alternative in the
 * same run. Prints numbers; asserts nothing (no timing assertions anywhere in the tests).
 *
 *   npm run bench                 all of it (≈ 3 minutes on 2 cores)
 *   npm run bench -- --quick      smaller merge sizes (42, 420)
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { builtInForm, type ResolvedForm } from "../src/form/resolve";
import { writeAllUnitTemplates } from "../src/xlsx/write-template";
import { benchMerge } from "./bench-merge";
import { benchRead } from "./bench-read";
import { bundleReport, formatReport } from "./bundle-size";

/** Model + bytes for every unit of the registry, timed ("template generation for all units"). */
async function timeAllUnitTemplates(
  form: ResolvedForm
): Promise<{ units: number; ms: number; bytes: number }> {
  const t0 = performance.now();
  const all = await writeAllUnitTemplates(form);
  return {
    units: all.length,
    ms: performance.now() - t0,
    bytes: all.reduce((n, t) => n + t.bytes.length, 0),
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const log = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  log(`# bdg-report benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);

  log("## 1. Mẫu báo cáo / template generation (model + .xlsx bytes, exceljs)");
  const t = await timeAllUnitTemplates(builtInForm());
  log(
    `  ${t.units} đơn vị / units: ${t.ms.toFixed(0)} ms (${(t.ms / t.units).toFixed(1)} ms/tệp), ${(t.bytes / 1024).toFixed(0)} KB\n`
  );

  log("## 2. Đọc + kiểm tra / read + validate");
  await benchRead({ log });
  log("");

  log("## 3. Tổng hợp / merge");
  await benchMerge({ sizes: quick ? [42, 420] : [42, 420, 4200], log });
  log("");

  log("## 4. Task pane bundle (gzip)");
  const dist = join(__dirname, "..", "dist");
  if (existsSync(join(dist, "taskpane.html"))) log(formatReport(bundleReport(dist)));
  else log("  dist/ chưa có: chạy `npm run build` trước / run `npm run build` first");
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
