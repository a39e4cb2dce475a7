import { Body1, Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import {
  BROWSER_MODE_FAILED,
  NOT_IN_OFFICE_DETAIL,
  NOT_IN_OFFICE_TEXT,
  NotInOfficeReason,
} from "./office-host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "16px" },
  en: { color: tokens.colorNeutralForeground3 },
});

/**
 * Shown when the page is not running inside Excel and its browser mode (the tasks on files) could
 * not be loaded either (`browserFailed`): Vietnamese then English, no language switch needed.
 */
export function NotInOffice({
  reason,
  browserFailed = false,
}: {
  reason: NotInOfficeReason;
  browserFailed?: boolean;
}) {
  const styles = useStyles();
  const detail = NOT_IN_OFFICE_DETAIL[reason];
  return (
    <div className={styles.root} role="alert" data-testid="not-in-office" data-reason={reason}>
      <Title3 as="h1">Báo cáo bình đẳng giới</Title3>
      <Body1 lang="vi">{NOT_IN_OFFICE_TEXT.vi}</Body1>
      <Caption1 lang="vi">{detail.vi}</Caption1>
      {browserFailed && <Caption1 lang="vi">{BROWSER_MODE_FAILED.vi}</Caption1>}
      <Body1 lang="en" className={styles.en}>
        {NOT_IN_OFFICE_TEXT.en}
      </Body1>
      <Caption1 lang="en" className={styles.en}>
        {detail.en}
      </Caption1>
      {browserFailed && (
        <Caption1 lang="en" className={styles.en}>
          {BROWSER_MODE_FAILED.en}
        </Caption1>
      )}
    </div>
  );
}
