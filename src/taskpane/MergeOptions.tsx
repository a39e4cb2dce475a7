import type * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useI18n } from "./i18n";
import { ResetConfirm } from "./ResetConfirm";
import type { ChartIndicator } from "./services";

const useStyles = makeStyles({
  // A fieldset is min-content wide by default: a long indicator name would push it past 320 px.
  options: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    minInlineSize: 0,
  },
  select: { width: "100%", minWidth: 0 },
  button: { width: "100%", justifyContent: "flex-start" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

export interface MergeOptionsProps {
  exclude: boolean;
  onExclude: (on: boolean) => void;
  /** The chart's indicator (in Excel; none in the browser mode's downloaded summary). */
  chart?: { indicators: readonly ChartIndicator[]; value: string; onChange: (code: string) => void };
  /** Files used: nothing to write without one. */
  accepted: number;
  files: number;
  busy: boolean;
  onWrite: () => void;
  onReset: () => void;
  /** The main action's button, when it is not "Ghi bảng tổng hợp" (the browser mode downloads the summary). */
  action?: { label: string; icon: React.ReactElement; testId: string };
}

/**
 * The consolidation's options and its two actions (in Excel and in the browser mode). The chart's indicator is shown in full under
 * the list, which the pane's width cuts: "V.1 — Số đại biểu Hội đồng nhân dân…".
 */
export function MergeOptions(p: MergeOptionsProps) {
  const styles = useStyles();
  const { t, text } = useI18n();
  const chart = p.chart;
  const chosen = chart?.indicators.find((c) => c.code === chart.value);
  return (
    <fieldset className={styles.options}>
      <legend>
        <Body1Strong>{t("merge.options")}</Body1Strong>
      </legend>
      <Checkbox
        checked={p.exclude}
        onChange={(_e, data) => p.onExclude(data.checked === true)}
        label={t("merge.exclude")}
      />
      {chart && chart.indicators.length > 0 && (
        <Field label={t("merge.chart")} hint={chosen ? `${chosen.code} — ${text(chosen.label)}` : undefined}>
          <Select
            className={styles.select}
            value={chart.value}
            onChange={(_e, data) => chart.onChange(data.value)}
            data-testid="chart-select"
          >
            <option value="">{t("merge.chart.none")}</option>
            {chart.indicators.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {text(c.label)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Button
        appearance="primary"
        className={styles.button}
        icon={p.action?.icon ?? <TableAddRegular />}
        disabled={p.busy || p.accepted === 0}
        onClick={p.onWrite}
        data-testid={p.action?.testId ?? "merge-write"}
      >
        {p.action?.label ?? t("merge.write")}
      </Button>
      {p.accepted === 0 && (
        <Caption1 block className={styles.muted}>
          {t("merge.nothing")}
        </Caption1>
      )}
      <ResetConfirm files={p.files} disabled={p.busy} onReset={p.onReset} />
    </fieldset>
  );
}
