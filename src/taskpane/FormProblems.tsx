import * as React from "react";
import { Body1Strong, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled } from "@fluentui/react-icons";
import { useI18n } from "./i18n";
import type { FormProblem } from "./services";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
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
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  button: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  selected: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  icon: { color: tokens.colorPaletteRedForeground1, fontSize: "20px" },
  cell: { color: tokens.colorNeutralForeground3, gridColumnStart: 2 },
  hint: { color: tokens.colorNeutralForeground3, margin: "0 0 6px" },
  h2: { margin: 0 },
});

/**
 * The problems of a definition, in sheet order: a button that selects the cell when the problem
 * has one to select (the add-in), a plain line naming the sheet, row and column otherwise (a file).
 */
export function FormProblems({
  problems,
  onSelect,
}: {
  problems: readonly FormProblem[];
  onSelect?: (p: FormProblem) => void;
}) {
  const styles = useStyles();
  const { t, text } = useI18n();
  const [selected, setSelected] = React.useState<string | null>(null);
  const selectable = onSelect !== undefined && problems.some((p) => p.target !== null);
  return (
    <section aria-labelledby="form-problems-title">
      <Body1Strong as="h2" block className={styles.h2} id="form-problems-title">
        {t("form.problems.list")}
      </Body1Strong>
      {selectable && (
        <Caption1 as="p" block className={styles.hint}>
          {t("form.problems.hint")}
        </Caption1>
      )}
      <ul className={styles.list} data-testid="form-problem-list">
        {problems.map((p) => {
          const content = (
            <>
              <ErrorCircleFilled className={styles.icon} aria-hidden />
              <span>{text(p.message)}</span>
              {p.address && (
                <span className={styles.cell}>{t("form.problem.cell", { cell: p.address })}</span>
              )}
            </>
          );
          return (
            <li key={p.id}>
              {onSelect && p.target ? (
                <button
                  type="button"
                  className={mergeClasses(styles.item, styles.button, selected === p.id && styles.selected)}
                  aria-current={selected === p.id ? "true" : undefined}
                  onClick={() => {
                    setSelected(p.id);
                    onSelect(p);
                  }}
                  data-testid="form-problem"
                  data-target={p.target}
                >
                  {content}
                </button>
              ) : (
                <div className={styles.item} data-testid="form-problem">
                  {content}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
