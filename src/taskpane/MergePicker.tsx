import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular, DismissRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { FileName } from "./FileName";
import { useI18n } from "./i18n";
import type { ReadProgress } from "./merge-reading";

/** What the file input offers; the reader rejects the non-OOXML ones with a specific reason. */
export const ACCEPT =
  ".xlsx,.xlsm,.xls,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    alignItems: "stretch",
    padding: "12px",
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  dropText: {
    display: "flex",
    gap: "6px",
    alignItems: "center",
    justifyContent: "center",
    color: tokens.colorNeutralForeground3,
  },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  button: { width: "100%", justifyContent: "flex-start" },
  progress: { display: "flex", flexDirection: "column", gap: "6px" },
});

/** "Chọn tệp…" and the drop zone around it. */
export function MergePicker(props: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  return (
    <div
      className={mergeClasses(styles.drop, dragging && styles.dropActive)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        props.onFiles(Array.from(e.dataTransfer?.files ?? []));
      }}
    >
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT}
        className={styles.hiddenInput}
        tabIndex={-1}
        aria-label={t("merge.pickAria")}
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ""; // picking the same files again fires change again
          props.onFiles(files);
        }}
      />
      <Button
        appearance="primary"
        className={styles.button}
        icon={<FolderOpenRegular />}
        disabled={props.disabled}
        onClick={() => inputRef.current?.click()}
      >
        {t("merge.pick")}
      </Button>
      <span className={styles.dropText} aria-hidden>
        <ArrowUploadRegular />
        {dragging ? t("merge.dropActive") : t("merge.drop")}
      </span>
    </div>
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
