import { Body1, Button, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowDownloadRegular } from "@fluentui/react-icons";
import { ErrorBar } from "../ErrorBoundary";
import { FilePicker } from "../FilePicker";
import { BrowserMergeProgress, BrowserMergeStatus } from "./BrowserMergeStatus";
import type { Download, FileServices } from "./file-services";
import { FileResults, UnitResults } from "./MergeResults";
import { useBrowserText } from "./strings";
import { useBrowserMerge } from "./use-browser-merge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  button: { width: "100%", justifyContent: "flex-start" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** "Tổng hợp" outside Excel: returned files read here one by one, results by unit and by file, the summary downloaded. */
export function BrowserMergeTab({ services, save }: { services: FileServices; save: (d: Download) => void }) {
  const styles = useStyles();
  const tb = useBrowserText();
  const m = useBrowserMerge(services, save);
  const accepted = m.consolidation?.counts.accepted ?? 0;
  return (
    <div className={styles.root}>
      <Body1 block>{tb("bmerge.intro")}</Body1>
      <FilePicker
        multiple
        label={tb("bmerge.pick")}
        ariaLabel={tb("bmerge.pickAria")}
        dropText={tb("bmerge.drop")}
        disabled={m.busy}
        onFiles={(files) => void m.read(files)}
        testId="bmerge-input"
      />
      {m.progress && <BrowserMergeProgress progress={m.progress} onCancel={m.cancel} />}
      <div role="status" aria-live="polite" data-testid="bmerge-status">
        {!m.progress && (
          <BrowserMergeStatus outcome={m.outcome} consolidation={m.consolidation} written={m.written} />
        )}
      </div>
      {m.verdicts.length === 0 && !m.progress && (
        <Caption1 as="p" block className={styles.muted}>
          {tb("bmerge.empty")}
        </Caption1>
      )}
      {m.verdicts.length > 0 && (
        <>
          <Checkbox
            checked={m.exclude}
            disabled={m.busy}
            onChange={(_e, d) => m.onExclude(d.checked === true)}
            label={tb("bmerge.exclude")}
          />
          <Button
            appearance="primary"
            className={styles.button}
            icon={<ArrowDownloadRegular />}
            disabled={m.busy || accepted === 0}
            onClick={() => void m.download()}
            data-testid="bmerge-download"
          >
            {tb("bmerge.download")}
          </Button>
          {accepted === 0 && !m.progress && (
            <Caption1 block className={styles.muted}>
              {tb("bmerge.nothing")}
            </Caption1>
          )}
          <Button
            className={styles.button}
            icon={<ArrowClockwiseRegular />}
            disabled={m.busy}
            onClick={m.reset}
          >
            {tb("bmerge.reset")}
          </Button>
          {m.consolidation && !m.progress && <UnitResults c={m.consolidation} />}
          <FileResults verdicts={m.verdicts} busy={m.busy} onUse={(v) => void m.use(v)} />
        </>
      )}
      {m.error !== null && <ErrorBar error={m.error} onDismiss={m.dismissError} />}
    </div>
  );
}
