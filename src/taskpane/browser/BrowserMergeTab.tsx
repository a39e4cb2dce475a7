import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowDownloadRegular, DismissRegular } from "@fluentui/react-icons";
import type { Consolidation, FileVerdict } from "../../merge/types";
import { ErrorBar } from "../ErrorBoundary";
import { fileBytes } from "../file-bytes";
import { useBrowserText } from "./strings";
import type { MergeSession } from "../services";
import { FilePicker } from "../FilePicker";
import type { Download, FileServices } from "./file-services";
import { FileResults, UnitResults } from "./MergeResults";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  button: { width: "100%", justifyContent: "flex-start" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  name: { wordBreak: "break-all" },
});

interface Progress {
  done: number;
  total: number;
  file: string;
}

type Written =
  { kind: "idle" } | { kind: "writing" } | { kind: "done"; file: string; received: number; expected: number };

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** By name, in code-unit order: the order `bdg-report merge` reads the files of one call in. */
const byName = (a: File, b: File): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** "Tổng hợp" outside Excel: returned files read here one by one, results by unit and by file, the summary downloaded. */
export function BrowserMergeTab({ services, save }: { services: FileServices; save: (d: Download) => void }) {
  const styles = useStyles();
  const tb = useBrowserText();
  const session = React.useRef<MergeSession | null>(null);
  const cancel = React.useRef(false);
  const [verdicts, setVerdicts] = React.useState<FileVerdict[]>([]);
  const [consolidation, setConsolidation] = React.useState<Consolidation | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [cancelled, setCancelled] = React.useState<{ done: number; total: number } | null>(null);
  const [exclude, setExclude] = React.useState(false);
  const [written, setWritten] = React.useState<Written>({ kind: "idle" });
  const [choosing, setChoosing] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const busy = progress !== null || choosing || written.kind === "writing";
  const accepted = verdicts.filter((v) => v.verdict === "accepted").length;

  const refresh = (all: FileVerdict[], excludeErrors = exclude) => {
    setVerdicts(all);
    setConsolidation(
      session.current ? session.current.finish({ excludeUnitsWithErrors: excludeErrors }) : null
    );
  };

  const read = async (picked: File[]) => {
    if (busy) return;
    const files = [...picked].sort(byName);
    session.current ??= services.beginMerge();
    cancel.current = false;
    setCancelled(null);
    setError(null);
    setWritten({ kind: "idle" });
    let done = 0;
    let all = verdicts;
    try {
      for (const file of files) {
        if (cancel.current) {
          setCancelled({ done, total: files.length });
          break;
        }
        setProgress({ done, total: files.length, file: file.name });
        await nextFrame();
        await session.current.add({
          name: file.name,
          modified: file.lastModified,
          bytes: await fileBytes(file),
        });
        done++;
      }
      all = session.current.finish({ excludeUnitsWithErrors: exclude }).files;
      refresh(all);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  const use = async (v: FileVerdict & { unit: string }) => {
    if (!session.current || busy) return;
    setChoosing(true);
    setWritten({ kind: "idle" });
    try {
      refresh(await session.current.prefer(v.unit, v.file));
    } catch (e) {
      setError(e);
    } finally {
      setChoosing(false);
    }
  };

  const download = async () => {
    if (!session.current) return;
    setError(null);
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

  const reset = () => {
    session.current = null;
    setVerdicts([]);
    setConsolidation(null);
    setCancelled(null);
    setWritten({ kind: "idle" });
    setError(null);
  };

  const counts = { accepted, superseded: 0, rejected: 0 };
  for (const v of verdicts) if (v.verdict !== "accepted") counts[v.verdict]++;

  return (
    <div className={styles.root}>
      <Body1 block>{tb("bmerge.intro")}</Body1>
      <FilePicker
        multiple
        label={tb("bmerge.pick")}
        ariaLabel={tb("bmerge.pickAria")}
        dropText={tb("bmerge.drop")}
        disabled={busy}
        onFiles={(files) => void read(files)}
        testId="bmerge-input"
      />
      {progress && (
        <div data-testid="bmerge-progress">
          <Field
            label={tb("bmerge.progress")}
            validationState="none"
            validationMessage={
              <span className={styles.name}>
                {tb("bmerge.reading", { i: progress.done + 1, n: progress.total, file: progress.file })}
              </span>
            }
          >
            <ProgressBar value={progress.done} max={progress.total} thickness="large" />
          </Field>
          <Button icon={<DismissRegular />} onClick={() => (cancel.current = true)}>
            {tb("bmerge.cancel")}
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite" data-testid="bmerge-status">
        {!progress && cancelled && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {tb("bmerge.cancelled", { i: cancelled.done, n: cancelled.total })}
            </MessageBarBody>
          </MessageBar>
        )}
        {!progress && verdicts.length > 0 && (
          <Body1 block data-testid="bmerge-counts">
            {tb("bmerge.counts", { n: verdicts.length, ...counts })}
          </Body1>
        )}
        {written.kind === "writing" && <Spinner size="tiny" label={tb("bmerge.writing")} />}
        {written.kind === "done" && (
          <MessageBar intent="success" layout="multiline" data-testid="bmerge-downloaded">
            <MessageBarBody>
              {tb("bmerge.downloaded", {
                file: written.file,
                received: written.received,
                expected: written.expected,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {verdicts.length === 0 && !progress && (
        <Caption1 as="p" block className={styles.muted}>
          {tb("bmerge.empty")}
        </Caption1>
      )}
      {verdicts.length > 0 && (
        <>
          <Checkbox
            checked={exclude}
            disabled={busy}
            onChange={(_e, d) => {
              setExclude(d.checked === true);
              refresh(verdicts, d.checked === true);
              setWritten({ kind: "idle" });
            }}
            label={tb("bmerge.exclude")}
          />
          <Button
            appearance="primary"
            className={styles.button}
            icon={<ArrowDownloadRegular />}
            disabled={busy || accepted === 0}
            onClick={() => void download()}
            data-testid="bmerge-download"
          >
            {tb("bmerge.download")}
          </Button>
          {accepted === 0 && !progress && (
            <Caption1 block className={styles.muted}>
              {tb("bmerge.nothing")}
            </Caption1>
          )}
          <Button className={styles.button} icon={<ArrowClockwiseRegular />} disabled={busy} onClick={reset}>
            {tb("bmerge.reset")}
          </Button>
          {consolidation && !progress && <UnitResults c={consolidation} />}
          <FileResults verdicts={verdicts} busy={busy} onUse={(v) => void use(v)} />
        </>
      )}
      {error !== null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
