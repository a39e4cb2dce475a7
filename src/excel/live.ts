/**
 * Live re-validation: listen to changes of the report sheet(s) (Worksheet.onChanged, ExcelApi
 * 1.7), debounce them, ignore the add-in's own writes, and call `revalidate`. Events whose
 * `triggerSource` says they come from this add-in (ExcelApi 1.14 hosts) are ignored too.
 * Registering costs 1 sync, unsubscribing 1.
 */
import type { ExcelHost } from "./host";
import { ownWrites as defaultOwnWrites, realTimers, type OwnWrites, type Timers } from "./own-writes";

export interface LiveOptions {
  /** Worksheets to watch, by id or name (the report sheet). */
  sheets: string[];
  /** Called after the officer stopped typing for `debounceMs`. Never runs twice at once. */
  revalidate: () => Promise<void> | void;
  debounceMs?: number;
  timers?: Timers;
  ownWrites?: OwnWrites;
  /** Errors from `revalidate` (default: swallowed; the pane shows its own). */
  onError?: (e: unknown) => void;
}

export const LIVE_UNSUPPORTED = {
  vi: "Phiên bản Excel này không hỗ trợ kiểm tra tự động khi sửa ô (cần ExcelApi 1.7): hãy bấm Kiểm tra sau khi sửa.",
  en: "This Excel does not support checking while you edit (needs ExcelApi 1.7): press Validate after editing.",
} as const;

export type Unsubscribe = () => Promise<void>;

interface ChangedArgs {
  triggerSource?: string;
}

export async function watchReport(host: ExcelHost, options: LiveOptions): Promise<Unsubscribe | null> {
  if (!host.isSetSupported("ExcelApi", "1.7")) return null;
  const timers = options.timers ?? realTimers;
  const guard = options.ownWrites ?? defaultOwnWrites;
  const debounceMs = options.debounceMs ?? 600;
  let timer: unknown = null;
  let running = false;
  let again = false;
  let stopped = false;

  const fire = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await options.revalidate();
    } catch (e) {
      options.onError?.(e);
    } finally {
      running = false;
    }
    if (again && !stopped) {
      again = false;
      schedule();
    }
  };
  const schedule = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => void fire(), debounceMs);
  };
  const handler = async (args: ChangedArgs): Promise<void> => {
    if (stopped || guard.active || args.triggerSource === "ThisLocalAddin") return;
    schedule();
  };

  const results = await host.run(async (ctx) => {
    const out = options.sheets.map((s) => ctx.workbook.worksheets.getItem(s).onChanged.add(handler));
    await ctx.sync();
    return out;
  });

  return async () => {
    stopped = true;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (!results.length) return;
    // Removal is queued on the context the handlers were added with (as Office.js requires).
    for (const r of results) r.remove();
    await results[0].context.sync();
  };
}
