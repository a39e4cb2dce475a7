import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import { useCellListStyles } from "./cell-list-styles";
import { useI18n } from "./i18n";
import { asSentence } from "./merge-results";
import type { CheckIssue } from "./services";

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, fontSize: "20px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: "20px" },
});

/**
 * One issue of a check as a line of the list (useCellListStyles().item): its severity icon, its
 * message as a sentence, then its indicator and cell. The same in Excel (inside the button that
 * selects the cell) and in the browser mode.
 */
export function IssueContent({
  issue,
}: {
  issue: Pick<CheckIssue, "severity" | "message" | "address" | "indicator">;
}) {
  const styles = useStyles();
  const cl = useCellListStyles();
  const { t, text } = useI18n();
  const sev = issue.severity === "error" ? t("check.severity.error") : t("check.severity.warning");
  const where = issue.address ? t("check.cell", { cell: issue.address }) : t("check.noCell");
  return (
    <>
      {issue.severity === "error" ? (
        <ErrorCircleFilled className={styles.error} aria-label={sev} role="img" />
      ) : (
        <WarningFilled className={styles.warning} aria-label={sev} role="img" />
      )}
      <span>{asSentence(text(issue.message))}</span>
      <span className={cl.cell}>
        {issue.indicator ? `${issue.indicator} · ` : ""}
        {where}
      </span>
    </>
  );
}
