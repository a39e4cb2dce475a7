/**
 * Several files as one .zip (the browser mode's "every unit's template"). The files are .xlsx,
 * themselves zips of deflated parts: they are stored (level 0), not compressed again. fflate's
 * zipSync is already in the page for the writer's own re-zipping (dimension-fix.ts), so this
 * costs the first load nothing. No fs: bytes out.
 */
import { zipSync, type Zippable } from "fflate";

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** The files in one archive, in the given order; `date` is written as every entry's time. */
export function zipFiles(files: readonly NamedBytes[], date: Date = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [f.bytes, { level: 0, mtime: date }];
  return zipSync(entries);
}
