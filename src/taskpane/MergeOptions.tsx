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
  indicators: readonly ChartIndicator[];
  exclude: boolean;
  onExclude: (on: boolean) => void;
  chart: string;
  onChart: (code: string) => void;
  /** Files used: nothing to write without one. */
  accepted: number;
  files: number;
  busy: boolean;
  onWrite: () => void;
  onReset: () => void;
}

/**
 * The consolidation's options and its two actions. The chart's indicator is shown in full under
 * the list, which the pane's width cuts: "V.1 — Số đại biểu Hội đồng nhân dân…".
 */
export function MergeOptions(p: MergeOptionsProps) {
  const styles = useStyles();
  const { t, text } = useI18n();
  const chosen = p.indicators.find((c) => c.code === p.chart);
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
      {p.indicators.length > 0 && (
        <Field label={t("merge.chart")} hint={chosen ? `${chosen.code} — ${text(chosen.label)}` : undefined}>
          <Select
            className={styles.select}
            value={p.chart}
            onChange={(_e, data) => p.onChart(data.value)}
            data-testid="chart-select"
          >
            <option value="">{t("merge.chart.none")}</option>
            {p.indicators.map((c) => (
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
        icon={<TableAddRegular />}
        disabled={p.busy || p.accepted === 0}
        onClick={p.onWrite}
        data-testid="merge-write"
      >
        {t("merge.write")}
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
