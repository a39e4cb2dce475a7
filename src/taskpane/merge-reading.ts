/**
 * Reading the picked files into a merge session, so that the pane stays responsive with hundreds
 * or thousands of files: nothing is drawn per file (the progress is reported at most every
 * `PROGRESS_EVERY_MS`, and announced to screen readers at a quarter, half and three quarters),
 * the browser gets the hand back regularly, and a file whose bytes were read before in this
 * session (picked again after a cancel, or twice) is skipped by its content hash.
 */
import { contentHash } from "./content-hash";
import { fileBytes } from "./file-bytes";
import type { MergeSession } from "./services";

/** How often the progress bar is redrawn while reading. */
export const PROGRESS_EVERY_MS = 150;
/** The longest stretch of work before the browser gets the hand back (paint, input, cancel). */
const YIELD_EVERY_MS = 40;

export interface ReadProgress {
  /** Files done (read or skipped). */
  done: number;
  total: number;
  /** The file being read. */
  file: string;
}

export interface ReadOutcome {
  /** Files read and added to the session now. */
  read: number;
  /** Files skipped: the same bytes were read before in this session. */
  skipped: number;
  /** Files done (read or skipped) before a cancel, or all of them. */
  done: number;
  total: number;
  cancelled: boolean;
}

export interface ReadHooks {
  cancelled: () => boolean;
  onProgress: (p: ReadProgress) => void;
  /** Announced once each: a quarter, half and three quarters of the files done. */
  onMilestone: (done: number, total: number) => void;
  now?: () => number;
}

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The milestones (files done) worth announcing for `total` files: none for a handful. */
export function milestones(total: number): number[] {
  if (total < 8) return [];
  return [...new Set([0.25, 0.5, 0.75].map((q) => Math.round(total * q)))];
}

/**
 * Reads `files` one by one into `session`, skipping the contents in `seen` (and adding the new
 * ones to it). The bytes go to the session, which keeps only a compact summary of each file (an
 * officer's choice reads nothing again).
 */
export async function readFilesInto(
  session: MergeSession,
  files: readonly File[],
  seen: Set<string>,
  hooks: ReadHooks
): Promise<ReadOutcome> {
  const now = hooks.now ?? (() => Date.now());
  const total = files.length;
  const marks = milestones(total);
  const out: ReadOutcome = { read: 0, skipped: 0, done: 0, total, cancelled: false };
  let lastDraw = -Infinity;
  let lastYield = now();
  for (const file of files) {
    if (hooks.cancelled()) {
      out.cancelled = true;
      break;
    }
    if (now() - lastDraw >= PROGRESS_EVERY_MS) {
      hooks.onProgress({ done: out.done, total, file: file.name });
      lastDraw = now();
      await yieldToBrowser(); // paint the progress, let "Hủy" be pressed
      lastYield = now();
    }
    const bytes = await fileBytes(file);
    const hash = await contentHash(bytes);
    if (seen.has(hash)) {
      out.skipped++;
    } else {
      await session.add({
        name: file.name,
        modified: file.lastModified,
        bytes,
      });
      seen.add(hash);
      out.read++;
    }
    out.done++;
    if (marks.includes(out.done)) hooks.onMilestone(out.done, total);
    if (now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToBrowser();
      lastYield = now();
    }
  }
  return out;
}
