import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useVisuallyHiddenStyles } from "./visually-hidden";

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
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  text: {
    display: "flex",
    gap: "6px",
    alignItems: "center",
    justifyContent: "center",
    color: tokens.colorNeutralForeground3,
  },
  button: { width: "100%", justifyContent: "flex-start" },
});

/** What the file inputs offer; the reader refuses the formats it cannot read with a reason. */
export const SPREADSHEETS =
  ".xlsx,.xlsm,.xls,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

/**
 * A "choose files" button inside a drop zone: the add-in's Consolidate tab and the browser mode's
 * Check and Consolidate tabs. The input's test id is `testId`, the zone's `dropTestId`.
 */
export function FilePicker(props: {
  multiple: boolean;
  label: string;
  ariaLabel: string;
  dropText: string;
  /** The zone's text while files are dragged over it (default: `dropText`). */
  dropActiveText?: string;
  disabled: boolean;
  onFiles: (files: File[]) => void;
  testId: string;
  dropTestId?: string;
}) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length && !props.disabled) props.onFiles(props.multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      className={mergeClasses(styles.drop, dragging && styles.active)}
      data-testid={props.dropTestId ?? `${props.testId}-drop`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        take(e.dataTransfer?.files);
      }}
    >
      <input
        ref={input}
        type="file"
        multiple={props.multiple}
        accept={SPREADSHEETS}
        className={hidden.hidden}
        tabIndex={-1}
        aria-label={props.ariaLabel}
        data-testid={props.testId}
        onChange={(e) => {
          const files = e.target.files;
          take(files);
          e.target.value = ""; // the same file chosen again fires change again
        }}
      />
      <Button
        appearance="primary"
        className={styles.button}
        icon={<FolderOpenRegular />}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
      <span className={styles.text} aria-hidden>
        <ArrowUploadRegular />
        {dragging && props.dropActiveText ? props.dropActiveText : props.dropText}
      </span>
    </div>
  );
}
