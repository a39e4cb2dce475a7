/**
 * Gzip sizes of the built task pane (dist/, from `npm run build`): the initial JavaScript (the
 * <script> tags of dist/taskpane.html) against the 300 KB budget, and the lazy chunks (exceljs,
 * the template writer) fetched later.
 *
 *   npx tsx scripts/bundle-size.ts [DIST] [--json] [--check]
 *
 * --json prints a machine-readable report; --check exits 1 when the budget is exceeded or when
 * exceljs is found in an initial chunk.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const INITIAL_BUDGET_BYTES = 300 * 1024;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  dist: string;
  initial: ChunkSize[];
  lazy: ChunkSize[];
  initialGzip: number;
  budget: number;
  withinBudget: boolean;
  /** Initial chunks that contain exceljs (should be none). */
  exceljsInInitial: string[];
  /** The lazy chunk holding exceljs, if found. */
  exceljsChunk: string | null;
}

function size(dist: string, file: string): ChunkSize {
  const buf = fs.readFileSync(path.join(dist, file));
  return { file, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

/**
 * Script files loaded by the page itself (office.js from the CDN is not ours and is skipped):
 * `src`, or `data-src` of the inert bundle tags that taskpane.html's first script starts.
 */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\s(?:data-)?src=["']?([^"' >]+)/gi)) {
    const src = m[1];
    if (/^https?:\/\//i.test(src)) continue;
    out.push(src.replace(/^\.?\//, "").split("?")[0]);
  }
  return out;
}

/** Strings that only exceljs's writer carries (checked on the minified build). */
export function containsExceljs(code: string): boolean {
  return code.includes("xl/theme/theme1.xml") && code.includes("dataValidations");
}

export function bundleReport(dist: string): BundleReport {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initialFiles = initialScripts(html);
  const allJs = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const commands = allJs.filter((f) => /^commands[.]/.test(f));
  const initial = initialFiles.map((f) => size(dist, f));
  const lazy = allJs
    .filter((f) => !initialFiles.includes(f) && !commands.includes(f))
    .map((f) => size(dist, f));
  const has = (f: string) => containsExceljs(fs.readFileSync(path.join(dist, f), "utf8"));
  const initialGzip = initial.reduce((n, c) => n + c.gzip, 0);
  const excelLazy = lazy.filter((c) => has(c.file)).sort((a, b) => b.bytes - a.bytes);
  return {
    dist,
    initial,
    lazy: lazy.sort((a, b) => b.gzip - a.gzip),
    initialGzip,
    budget: INITIAL_BUDGET_BYTES,
    withinBudget: initialGzip <= INITIAL_BUDGET_BYTES,
    exceljsInInitial: initial.filter((c) => has(c.file)).map((c) => c.file),
    exceljsChunk: excelLazy[0]?.file ?? null,
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function formatReport(r: BundleReport): string {
  const lines: string[] = [];
  const row = (c: ChunkSize) =>
    `  ${c.file.padEnd(34)} ${kb(c.bytes).padStart(10)} ${kb(c.gzip).padStart(10)} gzip`;
  lines.push(`Task pane bundle (${r.dist})`);
  lines.push("Initial JavaScript (loaded by taskpane.html):");
  r.initial.forEach((c) => lines.push(row(c)));
  lines.push(
    `  ${"total".padEnd(34)} ${"".padStart(10)} ${kb(r.initialGzip).padStart(10)} gzip  (budget ${kb(r.budget)}: ${r.withinBudget ? "OK" : "OVER"})`
  );
  lines.push("Lazy chunks (fetched on demand):");
  r.lazy.forEach((c) => lines.push(row(c) + (c.file === r.exceljsChunk ? "  ← exceljs" : "")));
  if (r.exceljsInInitial.length)
    lines.push(`!! exceljs found in initial chunks: ${r.exceljsInInitial.join(", ")}`);
  return lines.join("\n");
}

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith("--"));
  const dist = path.resolve(args[0] ?? path.join(__dirname, "..", "dist"));
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    console.error(`No build in ${dist}: run \`npm run build\` first.`);
    return 2;
  }
  const r = bundleReport(dist);
  console.log(argv.includes("--json") ? JSON.stringify(r, null, 2) : formatReport(r));
  if (argv.includes("--check") && (!r.withinBudget || r.exceljsInInitial.length > 0)) return 1;
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
