/**
 * The browser mode's "Tổng hợp" state and actions: one merge session per "start over", the files
 * read into it by the add-in's own reader (src/taskpane/use-reader.ts: progress a few times a
 * second, milestones announced, the same content never twice) in name order, as the CLI reads
 * them; the officer's choices, one status line, and the summary downloaded.
 */
import * as React from "react";
import type { Consolidation, FileVerdict } from "../../merge/types";
import type { Status } from "../MergeStatus";
import type { MergeSession } from "../services";
import { useReader } from "../use-reader";
import type { Download, FileServices } from "./file-services";

export type Written =
  { kind: "idle" } | { kind: "writing" } | { kind: "done"; file: string; received: number; expected: number };

/** By name, in code-unit order: the order `bdg-report merge` reads the files of one call in. */
const byName = (a: File, b: File): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function useBrowserMerge(services: FileServices, save: (d: Download) => void) {
  const session = React.useRef<MergeSession | null>(null);
  const reader = useReader();
  const [consolidation, setConsolidation] = React.useState<Consolidation | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: "none" });
  const [exclude, setExclude] = React.useState(false);
  const [written, setWritten] = React.useState<Written>({ kind: "idle" });
  /** The officer's choices so far: unit code → file name. */
  const [choices, setChoices] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<unknown>(null);
  const busy = reader.progress !== null || status.kind === "using" || written.kind === "writing";

  const finish = (excludeErrors = exclude): Consolidation | null => {
    const c = session.current ? session.current.finish({ excludeUnitsWithErrors: excludeErrors }) : null;
    setConsolidation(c);
    return c;
  };

  const read = async (picked: File[]) => {
    if (busy || picked.length === 0) return;
    const files = [...picked].sort(byName);
    session.current ??= services.beginMerge();
    setError(null);
    setStatus({ kind: "none" });
    setWritten({ kind: "idle" });
    try {
      const outcome = await reader.readInto(session.current, files);
      const c = finish();
      if (c) setStatus({ kind: "read", outcome, counts: c.counts });
    } catch (e) {
      setError(e);
      finish();
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
    reader.forget();
    setConsolidation(null);
    setChoices({});
    setStatus({ kind: "none" });
    setWritten({ kind: "idle" });
    setError(null);
  };

  return {
    consolidation,
    progress: reader.progress,
    announce: reader.announce,
    status,
    setStatus,
    exclude,
    written,
    choices,
    error,
    busy,
    cancel: reader.cancel,
    read,
    use,
    download,
    onExclude,
    reset,
    dismissError: () => setError(null),
  };
}
