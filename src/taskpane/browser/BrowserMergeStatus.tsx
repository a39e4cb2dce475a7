import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Consolidation } from "../../merge/types";
import type { ReadOutcome, ReadProgress } from "../merge-reading";
import { useBrowserText } from "./strings";
import type { Written } from "./use-browser-merge";

const useStyles = makeStyles({
  name: { wordBreak: "break-all" },
});

/** The progress bar while reading (redrawn a few times a second, not per file) and "Hủy". */
export function BrowserMergeProgress({
  progress,
  onCancel,
}: {
  progress: ReadProgress;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const tb = useBrowserText();
  const i = Math.min(progress.done + 1, progress.total);
  return (
    <div data-testid="bmerge-progress">
      <Field
        label={tb("bmerge.progress")}
        validationState="none"
        validationMessage={
          <span className={styles.name}>
            {tb("bmerge.reading", { i, n: progress.total, file: progress.file })}
          </span>
        }
      >
        <ProgressBar value={progress.done} max={progress.total} thickness="large" />
      </Field>
      <Button icon={<DismissRegular />} onClick={onCancel}>
        {tb("bmerge.cancel")}
      </Button>
    </div>
  );
}

interface StatusProps {
  outcome: ReadOutcome | null;
  consolidation: Consolidation | null;
  written: Written;
}

/** After reading: a cancel, the files skipped as already read, the counts; then the download. */
export function BrowserMergeStatus({ outcome, consolidation, written }: StatusProps) {
  const tb = useBrowserText();
  const counts = consolidation?.counts;
  return (
    <>
      {outcome?.cancelled && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{tb("bmerge.cancelled", { i: outcome.done, n: outcome.total })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome !== null && outcome.skipped > 0 && (
        <Body1 block data-testid="bmerge-skipped">
          {tb("bmerge.skipped", { n: outcome.skipped })}
        </Body1>
      )}
      {counts && counts.files > 0 && (
        <Body1 block data-testid="bmerge-counts">
          {tb("bmerge.counts", { n: counts.files, ...counts })}
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
    </>
  );
}
