import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import { isoToVi } from "../validate/dates";
import { useActiveForm } from "./form-context";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  line: {
    display: "flex",
    gap: "4px",
    alignItems: "center",
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  icon: { flexShrink: 0, fontSize: "16px" },
  // A link's look on a button (it opens a tab, it goes nowhere): Fluent's Link is not in the bundle.
  open: {
    padding: 0,
    border: "none",
    background: "none",
    font: "inherit",
    textAlign: "left",
    color: tokens.colorBrandForegroundLink,
    cursor: "pointer",
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
});

/**
 * "Biểu mẫu: BDG-2026 v1 — hạn 01/12/2026": the active form, named above every tab; a click
 * opens the Form tab when `onOpen` is given.
 */
export function FormLine({ onOpen }: { onOpen?: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { form } = useActiveForm();
  const params = { id: form.id, version: form.version, deadline: isoToVi(form.definition.deadline) };
  return (
    <Caption1
      block
      className={styles.line}
      data-testid="form-line"
      data-form-id={form.id}
      data-form-version={form.version}
    >
      <DocumentBulletListRegular className={styles.icon} aria-hidden />
      {onOpen ? (
        <button
          type="button"
          className={styles.open}
          onClick={onOpen}
          aria-label={t("form.line.aria", { line: t("form.line", params) })}
        >
          {t("form.line", params)}
        </button>
      ) : (
        t("form.line", params)
      )}
    </Caption1>
  );
}
