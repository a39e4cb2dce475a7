import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Badge,
  MessageBar,
  MessageBarBody,
  Spinner,
  Body1Strong,
  Switch,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { EraserRegular, ErrorCircleFilled, PlayRegular, WarningFilled } from "@fluentui/react-icons";
import { ErrorBar } from "./ErrorBoundary";
import { HelpLink } from "./HelpLink";
import { useI18n } from "./i18n";
import { asSentence } from "./merge-results";
import { CheckIssue, CheckResult, useServices } from "./services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  controls: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "stretch" },
  button: { width: "100%", justifyContent: "flex-start" },
  summary: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  count: { display: "inline-flex", gap: "4px", alignItems: "center" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  issue: {
    display: "grid",
    gridTemplateColumns: "20px 1fr",
    columnGap: "8px",
    width: "100%",
    textAlign: "left",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  selected: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: "20px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: "20px" },
  // The warnings count in the warning icons' own orange (Fluent's "warning" badge is yellow).
  warningBadge: {
    backgroundColor: tokens.colorPaletteDarkOrangeForeground1,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  cell: { color: tokens.colorNeutralForeground3, gridColumnStart: 2 },
  hint: { color: tokens.colorNeutralForeground3, margin: "0 0 6px" },
  h2: { margin: 0 },
});

/**
 * A count badge followed by its label: red for errors, the warning colour (as the warning icons)
 * for warnings, grey at zero.
 */
function Count(props: { className: string; n: number; color: "danger" | "warning"; label: string }) {
  const styles = useStyles();
  return (
    <span className={props.className}>
      <Badge
        appearance="filled"
        shape="circular"
        color={props.n > 0 ? props.color : "informative"}
        data-color={props.n > 0 ? props.color : "informative"}
        className={props.n > 0 && props.color === "warning" ? styles.warningBadge : undefined}
        aria-hidden
      >
        {props.n}
      </Badge>
      {props.label}
    </span>
  );
}

export function CheckTab() {
  const styles = useStyles();
  const { t, text } = useI18n();
  const { check } = useServices();
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

  return (
    <div className={styles.root}>
      <Body1 block>{t("check.intro")}</Body1>
      <div className={styles.controls}>
        <Button
          appearance="primary"
          className={styles.button}
          icon={<PlayRegular />}
          disabled={running}
          onClick={() => void runCheck()}
        >
          {t("check.run")}
        </Button>
        <Switch
          checked={live}
          label={t("check.live")}
          onChange={(_e, data) => void toggleLive(data.checked)}
          data-testid="live-switch"
        />
        <Button className={styles.button} icon={<EraserRegular />} onClick={() => void clearMarks()}>
          {t("check.clear")}
        </Button>
      </div>

      <div role="status" aria-live="polite" aria-atomic="true" data-testid="check-status">
        {running && <Spinner size="tiny" label={t("check.running")} />}
        {!running && cleared && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("check.cleared")}</MessageBarBody>
          </MessageBar>
        )}
        {!running && !cleared && result && !result.found && (
          <MessageBar intent="warning" layout="multiline" data-testid="check-not-report">
            <MessageBarBody>{t("check.notReport")}</MessageBarBody>
          </MessageBar>
        )}
        {!running && !cleared && result && result.found && (
          <div
            className={styles.summary}
            data-testid="check-summary"
            data-errors={result.errors}
            data-warnings={result.warnings}
          >
            <Body1Strong as="h2" className={styles.h2}>
              {t("check.summary")}:
            </Body1Strong>
            <Count
              className={styles.count}
              n={result.errors}
              color="danger"
              label={t("check.errors", { n: result.errors })}
            />
            <Count
              className={styles.count}
              n={result.warnings}
              color="warning"
              label={t("check.warnings", { n: result.warnings })}
            />
          </div>
        )}
        {!running && !cleared && result && result.found && result.marks === "protected" && (
          <Caption1 as="p" block className={styles.hint} data-testid="check-protected">
            {t("check.protected")}
          </Caption1>
        )}
      </div>

      {result && result.found && result.issues.length === 0 && (
        <MessageBar intent="success" layout="multiline" data-testid="check-ok">
          <MessageBarBody>{t("check.ok")}</MessageBarBody>
        </MessageBar>
      )}

      {result && result.found && result.issues.length > 0 && (
        <section aria-labelledby="check-list-title">
          <Body1Strong as="h2" block className={styles.h2} id="check-list-title">
            {t("check.list")}
          </Body1Strong>
          <Caption1 as="p" block className={styles.hint} id="check-list-hint">
            {t("check.list.hint")}
          </Caption1>
          <ul className={styles.list} data-testid="issue-list" aria-describedby="check-list-hint">
            {result.issues.map((issue) => {
              const sev =
                issue.severity === "error" ? t("check.severity.error") : t("check.severity.warning");
              const where = issue.address ? t("check.cell", { cell: issue.address }) : t("check.noCell");
              return (
                <li key={issue.id}>
                  <button
                    type="button"
                    className={mergeClasses(styles.issue, selectedId === issue.id && styles.selected)}
                    onClick={() => void select(issue)}
                    aria-current={selectedId === issue.id ? "true" : undefined}
                    data-testid="issue"
                    data-severity={issue.severity}
                  >
                    {issue.severity === "error" ? (
                      <ErrorCircleFilled className={styles.error} aria-label={sev} role="img" />
                    ) : (
                      <WarningFilled className={styles.warning} aria-label={sev} role="img" />
                    )}
                    <span>{asSentence(text(issue.message))}</span>
                    <span className={styles.cell}>
                      {issue.indicator ? `${issue.indicator} · ` : ""}
                      {where}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {error !== null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
      <HelpLink section="3-kiểm-tra" />
    </div>
  );
}
