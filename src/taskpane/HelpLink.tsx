import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { QuestionCircleRegular } from "@fluentui/react-icons";
import { useI18n } from "./i18n";

/**
 * The officer's guide, on the pane's own host: assets/huong-dan.html (docs/HUONG-DAN.md made into a page
 * by scripts/guide-html.js; webpack publishes assets/* with the pane), opened in a new window.
 */
export const HELP_URL = "assets/huong-dan.html";

const useStyles = makeStyles({
  help: { display: "inline-flex", gap: "4px", alignItems: "center", fontSize: tokens.fontSizeBase200 },
});

export function HelpLink({ section }: { section?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Link
      className={styles.help}
      href={section ? `${HELP_URL}#${section}` : HELP_URL}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t("merge.helpAria")}
      data-testid="help-link"
    >
      <QuestionCircleRegular aria-hidden />
      {t("merge.help")}
    </Link>
  );
}
