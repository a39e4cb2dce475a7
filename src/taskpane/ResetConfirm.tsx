import * as React from "react";
import { Body1, Body1Strong, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  button: { width: "100%", justifyContent: "flex-start" },
  ask: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "10px 12px",
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

/**
 * "Làm lại từ đầu", asked once more in place (a non-modal alert dialog under the button: no
 * overlay to fit in a 320 px pane, and no dialog library in the pane's first load). The focus goes
 * to "Không, giữ lại"; Esc keeps the files too.
 */
export function ResetConfirm(props: { files: number; disabled: boolean; onReset: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [asking, setAsking] = React.useState(false);
  const keepRef = React.useRef<HTMLButtonElement>(null);
  const openRef = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  const keep = () => {
    setAsking(false);
    setTimeout(() => openRef.current?.focus(), 0);
  };
  return (
    <>
      <Button
        ref={openRef}
        className={styles.button}
        icon={<ArrowClockwiseRegular />}
        disabled={props.disabled}
        aria-expanded={asking}
        onClick={() => setAsking(true)}
        data-testid="merge-reset"
      >
        {t("merge.reset")}
      </Button>
      {asking && (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="merge-reset-title"
          aria-describedby="merge-reset-body"
          className={styles.ask}
          onKeyDown={(e) => {
            if (e.key === "Escape") keep();
          }}
        >
          <Body1Strong id="merge-reset-title">{t("merge.reset.title")}</Body1Strong>
          <Body1 id="merge-reset-body">{t("merge.reset.body", { n: props.files })}</Body1>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => {
                setAsking(false);
                props.onReset();
              }}
              data-testid="merge-reset-confirm"
            >
              {t("merge.reset")}
            </Button>
            <Button ref={keepRef} onClick={keep} data-testid="merge-reset-keep">
              {t("merge.reset.keep")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
