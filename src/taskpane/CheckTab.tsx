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
import { EraserRegular, PlayRegular } from "@fluentui/react-icons";
import { ErrorBar } from "./ErrorBoundary";
import { HelpLink } from "./HelpLink";
import { useI18n } from "./i18n";
import { IssueContent } from "./IssueContent";
import { useCellListStyles } from "./cell-list-styles";
import { CheckIssue, CheckResult, useServices } from "./services";
import { useCheck } from "./use-check";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  controls: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "stretch" },
  button: { width: "100%", justifyContent: "flex-start" },
  summary: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  count: { display: "inline-flex", gap: "4px", alignItems: "center" },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: "20px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: "20px" },
  // The warnings count in the warning icons' own orange (Fluent's "warning" badge is yellow).
  warningBadge: {
    backgroundColor: tokens.colorPaletteDarkOrangeForeground1,
    color: tokens.colorNeutralForegroundOnBrand,
  },
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

/** The Check tab: run, re-check live, clear the marks; the status line; the issues, one per cell. */
export function CheckTab() {
  const styles = useStyles();
  const { t } = useI18n();
  const { check } = useServices();
  const c = useCheck(check);
  return (
    <div className={styles.root}>
      <Body1 block>{t("check.intro")}</Body1>
      <div className={styles.controls}>
        <Button
          appearance="primary"
          className={styles.button}
          icon={<PlayRegular />}
          disabled={c.running}
          onClick={() => void c.runCheck()}
        >
          {t("check.run")}
        </Button>
        <Switch
          checked={c.live}
          label={t("check.live")}
          onChange={(_e, data) => void c.toggleLive(data.checked)}
          data-testid="live-switch"
        />
        <Button className={styles.button} icon={<EraserRegular />} onClick={() => void c.clearMarks()}>
          {t("check.clear")}
        </Button>
      </div>
      <CheckStatus running={c.running} cleared={c.cleared} result={c.result} />
      {c.result && c.result.found && c.result.issues.length === 0 && (
        <MessageBar intent="success" layout="multiline" data-testid="check-ok">
          <MessageBarBody>{t("check.ok")}</MessageBarBody>
        </MessageBar>
      )}
      {c.result && c.result.found && c.result.issues.length > 0 && (
        <IssueList issues={c.result.issues} selectedId={c.selectedId} onSelect={(i) => void c.select(i)} />
      )}
      {c.error !== null && <ErrorBar error={c.error} onDismiss={c.dismissError} />}
      <HelpLink section="3-kiểm-tra" />
    </div>
  );
}

/** The live status: running, marks cleared, not a report, or the counts (and why no colours). */
function CheckStatus(props: { running: boolean; cleared: boolean; result: CheckResult | null }) {
  const styles = useStyles();
  const cl = useCellListStyles();
  const { t } = useI18n();
  const { running, cleared, result } = props;
  const shown = !running && !cleared ? result : null;
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="check-status">
      {running && <Spinner size="tiny" label={t("check.running")} />}
      {!running && cleared && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("check.cleared")}</MessageBarBody>
        </MessageBar>
      )}
      {shown && !shown.found && (
        <MessageBar intent="warning" layout="multiline" data-testid="check-not-report">
          <MessageBarBody>{t("check.notReport")}</MessageBarBody>
        </MessageBar>
      )}
      {shown && shown.found && (
        <div
          className={styles.summary}
          data-testid="check-summary"
          data-errors={shown.errors}
          data-warnings={shown.warnings}
        >
          <Body1Strong as="h2" className={styles.h2}>
            {t("check.summary")}:
          </Body1Strong>
          <Count
            className={styles.count}
            n={shown.errors}
            color="danger"
            label={t("check.errors", { n: shown.errors })}
          />
          <Count
            className={styles.count}
            n={shown.warnings}
            color="warning"
            label={t("check.warnings", { n: shown.warnings })}
          />
        </div>
      )}
      {shown && shown.found && shown.marks === "protected" && (
        <Caption1 as="p" block className={cl.hint} data-testid="check-protected">
          {t("check.protected")}
        </Caption1>
      )}
    </div>
  );
}

/** The issues: one button each that selects its cell in the sheet. */
function IssueList(props: {
  issues: readonly CheckIssue[];
  selectedId: string | null;
  onSelect: (issue: CheckIssue) => void;
}) {
  const styles = useStyles();
  const cl = useCellListStyles();
  const { t } = useI18n();
  return (
    <section aria-labelledby="check-list-title">
      <Body1Strong as="h2" block className={styles.h2} id="check-list-title">
        {t("check.list")}
      </Body1Strong>
      <Caption1 as="p" block className={cl.hint} id="check-list-hint">
        {t("check.list.hint")}
      </Caption1>
      <ul className={cl.list} data-testid="issue-list" aria-describedby="check-list-hint">
        {props.issues.map((issue) => {
          const selected = props.selectedId === issue.id;
          return (
            <li key={issue.id}>
              <button
                type="button"
                className={mergeClasses(cl.item, cl.clickable, selected && cl.selected)}
                onClick={() => props.onSelect(issue)}
                aria-current={selected ? "true" : undefined}
                data-testid="issue"
                data-severity={issue.severity}
              >
                <IssueContent issue={issue} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
