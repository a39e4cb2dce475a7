/**
 * Run the adapter over every file of a corpus directory and classify each against the manifest;
 * the family table printed by the test. Shared by returns-corpus.test.ts, the interop test and
 * list-failures.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classify, type Classification, type Outcome } from "./classify";
import { corpusForm, inspectForCorpus } from "./inspect-adapter";
import type { Manifest, ManifestEntry } from "./recipe";

export interface FileResult {
  entry: ManifestEntry;
  result: Classification;
}

export function loadManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
}

export function runFile(dir: string, entry: ManifestEntry): FileResult {
  const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
  return { entry, result: classify(corpusForm(), entry, inspectForCorpus(bytes, entry.file)) };
}

const OUTCOMES: Outcome[] = ["exact", "flagged", "refused", "silent wrong"];

/** Family → count per outcome, and the totals, as a fixed-width table. */
export function familyTable(results: readonly FileResult[]): string {
  const rows = new Map<string, Record<Outcome, number>>();
  const zero = (): Record<Outcome, number> => ({ exact: 0, flagged: 0, refused: 0, "silent wrong": 0 });
  const total = zero();
  for (const { entry, result } of results) {
    const row = rows.get(entry.family) ?? zero();
    row[result.outcome]++;
    total[result.outcome]++;
    rows.set(entry.family, row);
  }
  const width = Math.max(6, ...[...rows.keys()].map((k) => k.length));
  const line = (name: string, r: Record<Outcome, number>): string =>
    `${name.padEnd(width)} ${OUTCOMES.map((o) => String(r[o]).padStart(o.length)).join("  ")}`;
  const failing = results.filter((r) => r.result.failure !== null).length;
  return [
    `${"family".padEnd(width)} ${OUTCOMES.join("  ")}`,
    ...[...rows].map(([f, r]) => line(f, r)),
    line("TOTAL", total),
    `${results.length} files; ${failing} do not meet their expectation`,
  ].join("\n");
}
