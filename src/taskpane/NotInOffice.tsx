import { Body1, Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { NOT_IN_OFFICE_DETAIL, NOT_IN_OFFICE_TEXT, NotInOfficeReason } from "./office-host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "16px" },
  en: { color: tokens.colorNeutralForeground3 },
});

/** Shown instead of the add-in UI when the page is not running inside Excel. */
export function NotInOffice({ reason }: { reason: NotInOfficeReason }) {
  const styles = useStyles();
  const detail = NOT_IN_OFFICE_DETAIL[reason];
  return (
    <div className={styles.root} role="alert" data-testid="not-in-office" data-reason={reason}>
      <Title3 as="h1">Báo cáo bình đẳng giới</Title3>
      <Body1 lang="vi">{NOT_IN_OFFICE_TEXT.vi}</Body1>
      <Caption1 lang="vi">{detail.vi}</Caption1>
      <Body1 lang="en" className={styles.en}>
        {NOT_IN_OFFICE_TEXT.en}
      </Body1>
      <Caption1 lang="en" className={styles.en}>
        {detail.en}
      </Caption1>
    </div>
  );
}
