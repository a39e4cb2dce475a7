import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { todayInVietnam } from "../../merge/today";
import { ErrorBar } from "../ErrorBoundary";
import { FileGroups } from "../FileGroups";
import { FilePicker } from "../FilePicker";
import { MergeOptions } from "../MergeOptions";
import { MergeProgress } from "../MergePicker";
import { StatusLine } from "../MergeStatus";
import { UnitResults } from "../UnitResults";
import { useVisuallyHiddenStyles } from "../visually-hidden";
import { DownloadStatus } from "./DownloadStatus";
import type { Download, FileServices } from "./file-services";
import { useBrowserText } from "./strings";
import { useBrowserMerge } from "./use-browser-merge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/**
 * "Tổng hợp" outside Excel: returned files read here, the units to chase and the files by unit as
 * in the add-in (the same parts), the summary downloaded.
 */
export function BrowserMergeTab({ services, save }: { services: FileServices; save: (d: Download) => void }) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const tb = useBrowserText();
  const m = useBrowserMerge(services, save);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  // The files by unit are drawn after the rest, in a render React can interrupt (as in the add-in).
  const files = React.useDeferredValue(m.consolidation);
  const accepted = m.consolidation?.counts.accepted ?? 0;
  const reading = m.progress !== null;
  React.useEffect(() => {
    if (m.status.kind === "read") headingRef.current?.focus();
  }, [m.status]);
  return (
    <div className={styles.root}>
      <Body1 block>{tb("bmerge.intro")}</Body1>
      <FilePicker
        multiple
        label={tb("bmerge.pick")}
        ariaLabel={tb("bmerge.pickAria")}
        dropText={tb("bmerge.drop")}
        disabled={m.busy}
        onFiles={(picked) => void m.read(picked)}
        testId="bmerge-input"
      />
      {m.progress && <MergeProgress progress={m.progress} onCancel={m.cancel} />}
      <div className={hidden.hidden} role="status" aria-live="polite" data-testid="merge-announce">
        {m.announce}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="bmerge-status">
        {!reading && <StatusLine status={m.status} />}
        <DownloadStatus written={m.written} />
      </div>
      {!m.consolidation?.files.length && !reading && (
        <Caption1 as="p" block className={styles.muted}>
          {tb("bmerge.empty")}
        </Caption1>
      )}
      {m.consolidation && m.consolidation.files.length > 0 && !reading && (
        <>
          <UnitResults
            consolidation={m.consolidation}
            headingRef={headingRef}
            today={todayInVietnam()}
            onNotice={m.setStatus}
          />
          <MergeOptions
            exclude={m.exclude}
            onExclude={m.onExclude}
            accepted={accepted}
            files={m.consolidation.counts.files}
            busy={m.busy}
            onWrite={() => void m.download()}
            onReset={m.reset}
            action={{
              label: tb("bmerge.download"),
              icon: <ArrowDownloadRegular />,
              testId: "bmerge-download",
            }}
          />
          {files && (
            <FileGroups
              consolidation={files}
              choices={m.choices}
              busy={m.busy}
              focusFile={m.status.kind === "chosen" ? m.status.file : null}
              onUse={(v) => void m.use(v)}
            />
          )}
        </>
      )}
      {m.error !== null && <ErrorBar error={m.error} onDismiss={m.dismissError} />}
    </div>
  );
}
