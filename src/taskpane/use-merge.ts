/**
 * The Merge tab's state and actions: one session per "start over", the files read into it (the
 * same content never twice), the officer's choices, the consolidation shown, and one status line.
 */
import * as React from "react";
import type { Consolidation, FileVerdict } from "../merge/types";
import type { Status } from "./MergeStatus";
import { MergeSession, useServices } from "./services";
import { useReader } from "./use-reader";

export function useMerge() {
  const { merge } = useServices();
  const reader = useReader();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const sessionRef = React.useRef<MergeSession | null>(null);
  const [result, setResult] = React.useState<Consolidation | null>(null);
  const [exclude, setExclude] = React.useState(false);
  const [chart, setChart] = React.useState<string>(merge.chartIndicators[0]?.code ?? "");
  const [status, setStatus] = React.useState<Status>({ kind: "none" });
  const [error, setError] = React.useState<unknown>(null);
  /** The officer's choices so far: unit code → file name. */
  const [choices, setChoices] = React.useState<Record<string, string>>({});
  const [choosing, setChoosing] = React.useState<string | null>(null);
  /** Bumped when the results heading should take the focus (after reading). */
  const [focusResults, setFocusResults] = React.useState(0);
  const reading = reader.progress !== null;
  const busy = reading || choosing !== null || status.kind === "writing";

  React.useEffect(() => {
    if (focusResults > 0) headingRef.current?.focus();
  }, [focusResults]);

  const readFiles = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    sessionRef.current ??= merge.begin();
    const session = sessionRef.current;
    setError(null);
    setStatus({ kind: "none" });
    try {
      const outcome = await reader.readInto(session, files);
      const c = session.finish({ excludeUnitsWithErrors: exclude });
      setResult(c);
      setStatus({ kind: "read", outcome, counts: c.counts });
      setFocusResults((n) => n + 1);
    } catch (e) {
      setError(e);
      setResult(session.finish({ excludeUnitsWithErrors: exclude }));
    }
  };

  /** "Dùng tệp này": the files already read are consolidated again with the officer's choice. */
  const onUse = async (v: FileVerdict & { unit: string }) => {
    const session = sessionRef.current;
    if (!session || busy) return;
    setError(null);
    setChoosing(v.file);
    setStatus({ kind: "using" });
    try {
      await session.prefer(v.unit, v.file);
      setResult(session.finish({ excludeUnitsWithErrors: exclude }));
      setChoices((c) => ({ ...c, [v.unit]: v.file }));
      setStatus({ kind: "chosen", file: v.file, unitName: v.unitName ?? v.unit });
    } catch (e) {
      setStatus({ kind: "none" });
      setError(e);
    } finally {
      setChoosing(null);
    }
  };

  const onExclude = (checked: boolean) => {
    setExclude(checked);
    const session = sessionRef.current;
    if (session && result) setResult(session.finish({ excludeUnitsWithErrors: checked }));
  };

  const onWrite = async () => {
    const session = sessionRef.current;
    if (!session) return;
    setError(null);
    setStatus({ kind: "writing" });
    try {
      const consolidation = session.finish({ excludeUnitsWithErrors: exclude });
      const { sheets } = await merge.write(consolidation, { chartIndicator: chart || null });
      const r = consolidation.rates.all;
      setStatus({ kind: "written", sheets, received: r.received, expected: r.expected, missing: r.missing });
    } catch (e) {
      setStatus({ kind: "none" });
      setError(e);
    }
  };

  const reset = () => {
    sessionRef.current = null;
    reader.forget();
    setResult(null);
    setChoices({});
    setStatus({ kind: "none" });
    setError(null);
  };

  return {
    headingRef,
    result,
    progress: reader.progress,
    announce: reader.announce,
    exclude,
    chart,
    setChart,
    status,
    setStatus,
    error,
    setError,
    choices,
    busy,
    reading,
    cancel: reader.cancel,
    readFiles,
    onUse,
    onExclude,
    onWrite,
    reset,
  };
}
