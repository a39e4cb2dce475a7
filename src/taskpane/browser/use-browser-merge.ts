/**
 * The browser mode's "Tổng hợp" state and actions: one merge session per "start over", the files
 * read into it the way the add-in reads them (in name order, progress a few times a second, the
 * same content never twice), the officer's choices, one status line, and the summary downloaded.
 */
import * as React from "react";
import type { Consolidation, FileVerdict } from "../../merge/types";
import { type ReadProgress, readFilesInto } from "../merge-reading";
import type { Status } from "../MergeStatus";
import type { MergeSession } from "../services";
import type { Download, FileServices } from "./file-services";

export type Written =
  { kind: "idle" } | { kind: "writing" } | { kind: "done"; file: string; received: number; expected: number };

/** By name, in code-unit order: the order `bdg-report merge` reads the files of one call in. */
const byName = (a: File, b: File): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function useBrowserMerge(services: FileServices, save: (d: Download) => void) {
  const session = React.useRef<MergeSession | null>(null);
  /** Content hashes of the files read in this session: picked again, they are skipped. */
  const seen = React.useRef(new Set<string>());
  const cancel = React.useRef(false);
  const [consolidation, setConsolidation] = React.useState<Consolidation | null>(null);
  const [progress, setProgress] = React.useState<ReadProgress | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: "none" });
  const [exclude, setExclude] = React.useState(false);
  const [written, setWritten] = React.useState<Written>({ kind: "idle" });
  /** The officer's choices so far: unit code → file name. */
  const [choices, setChoices] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<unknown>(null);
  const busy = progress !== null || status.kind === "using" || written.kind === "writing";

  const finish = (excludeErrors = exclude): Consolidation | null => {
    const c = session.current ? session.current.finish({ excludeUnitsWithErrors: excludeErrors }) : null;
    setConsolidation(c);
    return c;
  };

  const read = async (picked: File[]) => {
    if (busy || picked.length === 0) return;
    const files = [...picked].sort(byName);
    session.current ??= services.beginMerge();
    cancel.current = false;
    setError(null);
    setStatus({ kind: "none" });
    setWritten({ kind: "idle" });
    setProgress({ done: 0, total: files.length, file: files[0].name });
    try {
      const outcome = await readFilesInto(session.current, files, seen.current, {
        cancelled: () => cancel.current,
        onProgress: setProgress,
        onMilestone: () => undefined,
      });
      const c = finish();
      if (c) setStatus({ kind: "read", outcome, counts: c.counts });
    } catch (e) {
      setError(e);
      finish();
    } finally {
      setProgress(null);
    }
  };

  const use = async (v: FileVerdict & { unit: string }) => {
    if (!session.current || busy) return;
    setError(null);
    setWritten({ kind: "idle" });
    setStatus({ kind: "using" });
    try {
      await session.current.prefer(v.unit, v.file);
      finish();
      setChoices((c) => ({ ...c, [v.unit]: v.file }));
      setStatus({ kind: "chosen", file: v.file, unitName: v.unitName ?? v.unit });
    } catch (e) {
      setStatus({ kind: "none" });
      setError(e);
    }
  };

  const download = async () => {
    if (!session.current) return;
    setError(null);
    setStatus({ kind: "none" });
    setWritten({ kind: "writing" });
    try {
      const c = session.current.finish({ excludeUnitsWithErrors: exclude });
      const d = await services.summary(c);
      save(d);
      setWritten({
        kind: "done",
        file: d.fileName,
        received: c.rates.all.received,
        expected: c.rates.all.expected,
      });
    } catch (e) {
      setWritten({ kind: "idle" });
      setError(e);
    }
  };

  const onExclude = (checked: boolean) => {
    setExclude(checked);
    finish(checked);
    setWritten({ kind: "idle" });
  };

  const reset = () => {
    session.current = null;
    seen.current = new Set();
    setConsolidation(null);
    setChoices({});
    setStatus({ kind: "none" });
    setWritten({ kind: "idle" });
    setError(null);
  };

  return {
    consolidation,
    progress,
    status,
    setStatus,
    exclude,
    written,
    choices,
    error,
    busy,
    cancel: () => (cancel.current = true),
    read,
    use,
    download,
    onExclude,
    reset,
    dismissError: () => setError(null),
  };
}
