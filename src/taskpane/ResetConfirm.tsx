import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  button: { width: "100%", justifyContent: "flex-start" },
  // The pane is 320 px wide: the dialog fits it.
  surface: { maxWidth: "calc(100vw - 24px)" },
});

/** "Làm lại từ đầu", asked once more: the files read and the officer's choices are dropped. */
export function ResetConfirm(props: { files: number; disabled: boolean; onReset: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button
          className={styles.button}
          icon={<ArrowClockwiseRegular />}
          disabled={props.disabled}
          data-testid="merge-reset"
        >
          {t("merge.reset")}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t("merge.reset.title")}</DialogTitle>
          <DialogContent>{t("merge.reset.body", { n: props.files })}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={props.onReset} data-testid="merge-reset-confirm">
                {t("merge.reset")}
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button data-testid="merge-reset-keep">{t("merge.reset.keep")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
