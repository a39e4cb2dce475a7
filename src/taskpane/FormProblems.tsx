import * as React from "react";
import { Body1Strong, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled } from "@fluentui/react-icons";
import { useI18n } from "./i18n";
import { useCellListStyles } from "./cell-list-styles";
import type { FormProblem } from "./services";

const useStyles = makeStyles({
  icon: { color: tokens.colorPaletteRedForeground1, fontSize: "20px" },
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
  const cl = useCellListStyles();
  const { t, text } = useI18n();
  const [selected, setSelected] = React.useState<string | null>(null);
  const selectable = onSelect !== undefined && problems.some((p) => p.target !== null);
  return (
    <section aria-labelledby="form-problems-title">
      <Body1Strong as="h2" block className={styles.h2} id="form-problems-title">
        {t("form.problems.list")}
      </Body1Strong>
      {selectable && (
        <Caption1 as="p" block className={cl.hint}>
          {t("form.problems.hint")}
        </Caption1>
      )}
      <ul className={cl.list} data-testid="form-problem-list">
        {problems.map((p) => {
          const content = (
            <>
              <ErrorCircleFilled className={styles.icon} aria-hidden />
              <span>{text(p.message)}</span>
              {p.address && <span className={cl.cell}>{t("form.problem.cell", { cell: p.address })}</span>}
            </>
          );
          return (
            <li key={p.id}>
              {onSelect && p.target ? (
                <button
                  type="button"
                  className={mergeClasses(cl.item, cl.clickable, selected === p.id && cl.selected)}
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
                <div className={cl.item} data-testid="form-problem">
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
