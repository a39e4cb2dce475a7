import * as React from "react";
import type { CheckIssue, CheckResult, CheckService } from "./services";

/**
 * The Check tab's state and actions: run once, re-check live (stopped when the tab goes), clear
 * the marks, select an issue's cell. Every failure lands in `error`, shown by the tab.
 */
export function useCheck(check: CheckService) {
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [live, setLive] = React.useState(false);
  const [cleared, setCleared] = React.useState(false);
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const stopRef = React.useRef<(() => Promise<void>) | null>(null);

  const runCheck = React.useCallback(async () => {
    setRunning(true);
    setError(null);
    setCleared(false);
    try {
      setResult(await check.run());
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  }, [check]);

  const stopWatching = React.useCallback(async () => {
    const stop = stopRef.current;
    stopRef.current = null;
    if (stop) await stop();
  }, []);

  React.useEffect(
    () => () => {
      void stopWatching().catch(() => undefined);
    },
    [stopWatching]
  );

  const toggleLive = async (on: boolean) => {
    setLive(on);
    setError(null);
    try {
      if (on) {
        await runCheck();
        stopRef.current = await check.watch(
          (r) => {
            setCleared(false);
            setResult(r);
          },
          (e) => setError(e)
        );
      } else {
        await stopWatching();
      }
    } catch (e) {
      setLive(false);
      setError(e);
    }
  };

  const clearMarks = async () => {
    setError(null);
    try {
      await check.clearMarks();
      setCleared(true);
    } catch (e) {
      setError(e);
    }
  };

  const select = async (issue: CheckIssue) => {
    setSelectedId(issue.id);
    try {
      await check.select(issue);
    } catch (e) {
      setError(e);
    }
  };

  const dismissError = () => setError(null);
  return {
    result,
    running,
    error,
    live,
    cleared,
    selectedId,
    runCheck,
    toggleLive,
    clearMarks,
    select,
    dismissError,
  };
}
