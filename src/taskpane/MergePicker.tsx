import { Button, Field, ProgressBar, makeStyles } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { FilePicker } from "./FilePicker";
import { FileName } from "./FileName";
import { useI18n } from "./i18n";
import type { ReadProgress } from "./merge-reading";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: "6px" },
});

/** "Chọn tệp…" and the drop zone around it. */
export function MergePicker(props: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  return (
    <FilePicker
      multiple
      label={t("merge.pick")}
      ariaLabel={t("merge.pickAria")}
      dropText={t("merge.drop")}
      dropActiveText={t("merge.dropActive")}
      disabled={props.disabled}
      onFiles={props.onFiles}
      testId="file-input"
      dropTestId="drop-zone"
    />
  );
}

/** The progress bar while reading (redrawn a few times a second, not per file) and "Hủy". */
export function MergeProgress({ progress, onCancel }: { progress: ReadProgress; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const i = Math.min(progress.done + 1, progress.total);
  return (
    <div className={styles.progress} data-testid="merge-progress">
      <Field
        label={t("merge.progress")}
        validationState="none"
        validationMessage={
          <FileName name={t("merge.reading", { i, n: progress.total, file: progress.file })} />
        }
      >
        <ProgressBar value={progress.done} max={progress.total} thickness="large" />
      </Field>
      <Button icon={<DismissRegular />} onClick={onCancel} data-testid="merge-cancel">
        {t("merge.cancel")}
      </Button>
    </div>
  );
}
