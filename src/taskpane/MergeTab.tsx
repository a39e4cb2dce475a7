import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorBar } from "./ErrorBoundary";
import { FileGroups } from "./FileGroups";
import { HelpLink } from "./HelpLink";
import { useI18n } from "./i18n";
import { isoToVi } from "../validate/dates";
import { MergeOptions } from "./MergeOptions";
import { MergePicker, MergeProgress } from "./MergePicker";
import { StatusLine } from "./MergeStatus";
import { useServices } from "./services";
import { UnitResults } from "./UnitResults";
import { todayInVietnam } from "../merge/today";
import { useMerge } from "./use-merge";
import { useVisuallyHiddenStyles } from "./visually-hidden";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/**
 * The Merge tab: pick the returned files; after reading, the units to chase by name (not
 * reported, late, with errors), the options and "Ghi bảng tổng hợp", then the files by unit.
 */
export function MergeTab() {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { t } = useI18n();
  const { merge } = useServices();
  const m = useMerge();
  // The files by unit are drawn after the rest, in a render React can interrupt: the results and
  // the focus on their heading come first, and no long task freezes the pane at the end of reading.
  const files = React.useDeferredValue(m.result);
  const chosen = m.status.kind === "chosen" ? m.status.file : null;
  return (
    <div className={styles.root}>
      <Body1 block>{t("merge.intro")}</Body1>
      <Body1 block data-testid="merge-deadline">
        {t("merge.deadline", { date: isoToVi(merge.deadline) })}
      </Body1>
      <MergePicker disabled={m.busy} onFiles={(files) => void m.readFiles(files)} />
      {m.progress && <MergeProgress progress={m.progress} onCancel={m.cancel} />}
      <div className={hidden.hidden} role="status" aria-live="polite" data-testid="merge-announce">
        {m.announce}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="merge-status">
        {!m.reading && <StatusLine status={m.status} />}
      </div>
      {!m.result && !m.reading && (
        <Caption1 as="p" block className={styles.muted} data-testid="merge-empty">
          {t("merge.empty")}
        </Caption1>
      )}
      {m.result && !m.reading && (
        <>
          <UnitResults
            consolidation={m.result}
            headingRef={m.headingRef}
            today={todayInVietnam()}
            onNotice={m.setStatus}
          />
          <MergeOptions
            exclude={m.exclude}
            onExclude={m.onExclude}
            chart={{ indicators: merge.chartIndicators, value: m.chart, onChange: m.setChart }}
            accepted={m.result.counts.accepted}
            files={m.result.counts.files}
            busy={m.busy}
            onWrite={() => void m.onWrite()}
            onReset={m.reset}
          />
          {files && (
            <FileGroups
              consolidation={files}
              choices={m.choices}
              busy={m.busy}
              focusFile={chosen}
              onUse={(v) => void m.onUse(v)}
            />
          )}
        </>
      )}
      {m.error !== null && <ErrorBar error={m.error} onDismiss={() => m.setError(null)} />}
      <HelpLink section="4-tổng-hợp" />
    </div>
  );
}
