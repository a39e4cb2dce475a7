import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Body1Strong,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  ArrowUploadRegular,
  CheckmarkCircleRegular,
  DismissRegular,
  FolderOpenRegular,
  TableAddRegular,
} from "@fluentui/react-icons";
import type { FileVerdict } from "../merge/types";
import { ErrorBar } from "./ErrorBoundary";
import { sheetList, useI18n } from "./i18n";
import { MergeSession, useServices } from "./services";

/** What the file input offers; the reader rejects the non-OOXML ones with a specific reason. */
export const ACCEPT =
  ".xlsx,.xlsm,.xls,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
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
  fileName: { wordBreak: "break-all" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemHead: { display: "flex", gap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  use: { alignSelf: "flex-start", marginTop: "4px" },
  chosenMark: {
    display: "flex",
    gap: "4px",
    alignItems: "center",
    color: tokens.colorPaletteGreenForeground1,
  },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  h2: { margin: "0 0 6px" },
  // A fieldset is min-content wide by default: a long indicator name would push it past 320 px.
  options: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    minInlineSize: 0,
  },
  select: { width: "100%", minWidth: 0 },
});

interface Progress {
  done: number;
  total: number;
  file: string;
}

type WriteStatus =
  | { kind: "idle" }
  | { kind: "writing" }
  | { kind: "done"; sheets: string[]; received: number; expected: number; missing: number };

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** File → bytes (File.arrayBuffer, with a FileReader fallback for older engines). */
export async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

const VERDICT_COLOR = { accepted: "success", superseded: "warning", rejected: "danger" } as const;
/** Files that need the officer's attention first. */
const VERDICT_ORDER = { rejected: 0, superseded: 1, accepted: 2 } as const;

function byAttention(all: readonly FileVerdict[]): FileVerdict[] {
  return [...all].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
}

/**
 * A superseded file the officer can choose instead: it has a unit, and its name tells it apart
 * from the winner (the choice is by file name; the same name twice is the same file picked twice).
 */
function canChoose(v: FileVerdict): v is FileVerdict & { unit: string } {
  return v.verdict === "superseded" && v.unit !== null && v.file !== v.supersededBy;
}

export function MergeTab() {
  const styles = useStyles();
  const { t, text } = useI18n();
  const { merge } = useServices();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const sessionRef = React.useRef<MergeSession | null>(null);
  const cancelRef = React.useRef(false);
  const [verdicts, setVerdicts] = React.useState<FileVerdict[]>([]);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [cancelled, setCancelled] = React.useState<{ done: number; total: number } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [exclude, setExclude] = React.useState(false);
  const [chart, setChart] = React.useState<string>(merge.chartIndicators[0]?.code ?? "");
  const [write, setWrite] = React.useState<WriteStatus>({ kind: "idle" });
  const [error, setError] = React.useState<unknown>(null);
  /** The officer's choices so far: unit code → file name. */
  const [choices, setChoices] = React.useState<Record<string, string>>({});
  /** The file being made the unit's choice (the consolidation runs again). */
  const [choosing, setChoosing] = React.useState<string | null>(null);
  /** The last choice, announced in the status region; its list item gets the focus. */
  const [chosen, setChosen] = React.useState<{ file: string; unitName: string } | null>(null);
  const listRef = React.useRef<HTMLUListElement>(null);
  const reading = progress !== null;
  const busy = reading || choosing !== null || write.kind === "writing";

  // The pressed button is gone (its file is now accepted): the focus goes to that file's item.
  React.useEffect(() => {
    if (!chosen) return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLLIElement>("li[data-file]") ?? []);
    items.find((li) => li.dataset.file === chosen.file && li.dataset.verdict === "accepted")?.focus();
  }, [chosen]);

  const readFiles = async (files: File[]) => {
    if (files.length === 0 || reading) return;
    sessionRef.current ??= merge.begin();
    const session = sessionRef.current;
    cancelRef.current = false;
    setCancelled(null);
    setError(null);
    setChosen(null);
    setWrite({ kind: "idle" });
    let done = 0;
    try {
      for (const file of files) {
        if (cancelRef.current) {
          setCancelled({ done, total: files.length });
          break;
        }
        setProgress({ done, total: files.length, file: file.name });
        await nextFrame(); // let the progress bar paint and the cancel button be clicked
        const bytes = await fileBytes(file);
        const all = await session.add({ name: file.name, modified: file.lastModified, bytes });
        setVerdicts(byAttention(all));
        done++;
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = ""; // picking the same files again fires change again
    void readFiles(files);
  };

  const onDrop = (e: React.DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void readFiles(Array.from(e.dataTransfer?.files ?? []));
  };

  /** "Dùng tệp này": the files already read are consolidated again with the officer's choice. */
  const onUse = async (v: FileVerdict) => {
    const session = sessionRef.current;
    if (!session || busy || !canChoose(v)) return;
    setError(null);
    setChosen(null);
    // Sheets written before no longer match the list: the officer writes again.
    setWrite({ kind: "idle" });
    setChoosing(v.file);
    try {
      const all = await session.prefer(v.unit, v.file);
      setVerdicts(byAttention(all));
      setChoices((c) => ({ ...c, [v.unit]: v.file }));
      setChosen({ file: v.file, unitName: v.unitName ?? v.unit });
    } catch (e) {
      setError(e);
    } finally {
      setChoosing(null);
    }
  };

  const onWrite = async () => {
    const session = sessionRef.current;
    if (!session) return;
    setError(null);
    setWrite({ kind: "writing" });
    try {
      const consolidation = session.finish({ excludeUnitsWithErrors: exclude });
      const { sheets } = await merge.write(consolidation, { chartIndicator: chart || null });
      const rates = consolidation.rates.all;
      setWrite({
        kind: "done",
        sheets,
        received: rates.received,
        expected: rates.expected,
        missing: rates.missing,
      });
    } catch (e) {
      setWrite({ kind: "idle" });
      setError(e);
    }
  };

  const reset = () => {
    sessionRef.current = null;
    setVerdicts([]);
    setChoices({});
    setChosen(null);
    setCancelled(null);
    setWrite({ kind: "idle" });
    setError(null);
  };

  const counts = { accepted: 0, superseded: 0, rejected: 0 };
  for (const v of verdicts) counts[v.verdict]++;

  return (
    <div className={styles.root}>
      <Body1 block>{t("merge.intro")}</Body1>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
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
          onChange={onPick}
        />
        <Button
          appearance="primary"
          className={styles.button}
          icon={<FolderOpenRegular />}
          disabled={reading || choosing !== null}
          onClick={() => inputRef.current?.click()}
        >
          {t("merge.pick")}
        </Button>
        <span className={styles.dropText} aria-hidden>
          <ArrowUploadRegular />
          {dragging ? t("merge.dropActive") : t("merge.drop")}
        </span>
      </div>

      {progress && (
        <div className={styles.progress} data-testid="merge-progress">
          <Field
            label={t("merge.progress")}
            validationState="none"
            validationMessage={
              <span className={styles.fileName}>
                {t("merge.reading", { i: progress.done + 1, n: progress.total, file: progress.file })}
              </span>
            }
          >
            <ProgressBar value={progress.done} max={progress.total} thickness="large" />
          </Field>
          <Button
            icon={<DismissRegular />}
            onClick={() => (cancelRef.current = true)}
            data-testid="merge-cancel"
          >
            {t("merge.cancel")}
          </Button>
        </div>
      )}

      <div role="status" aria-live="polite" data-testid="merge-status">
        {!reading && cancelled && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("merge.cancelled", { i: cancelled.done, n: cancelled.total })}</MessageBarBody>
          </MessageBar>
        )}
        {!reading && verdicts.length > 0 && (
          <Body1 block data-testid="merge-counts">
            {t("merge.readDone", {
              n: verdicts.length,
              accepted: counts.accepted,
              superseded: counts.superseded,
              rejected: counts.rejected,
            })}
          </Body1>
        )}
        {choosing !== null && <Spinner size="tiny" label={t("merge.using")} />}
        {chosen && choosing === null && (
          <MessageBar intent="info" layout="multiline" data-testid="merge-chosen">
            <MessageBarBody>{t("merge.chosen", { file: chosen.file, unit: chosen.unitName })}</MessageBarBody>
          </MessageBar>
        )}
        {write.kind === "writing" && <Spinner size="tiny" label={t("merge.writing")} />}
        {write.kind === "done" && (
          <MessageBar intent="success" layout="multiline" data-testid="merge-written">
            <MessageBarBody>
              {t("merge.written", { sheets: sheetList(write.sheets) })}{" "}
              {t("merge.rates", {
                received: write.received,
                expected: write.expected,
                missing: write.missing,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {verdicts.length === 0 && !reading && (
        <Caption1 as="p" block className={styles.muted} data-testid="merge-empty">
          {t("merge.empty")}
        </Caption1>
      )}

      {verdicts.length > 0 && (
        <>
          <fieldset className={styles.options}>
            <legend>
              <Body1Strong>{t("merge.options")}</Body1Strong>
            </legend>
            <Checkbox
              checked={exclude}
              onChange={(_e, data) => setExclude(data.checked === true)}
              label={t("merge.exclude")}
            />
            {merge.chartIndicators.length > 0 && (
              <Field label={t("merge.chart")}>
                <Select
                  className={styles.select}
                  value={chart}
                  onChange={(_e, data) => setChart(data.value)}
                  data-testid="chart-select"
                >
                  <option value="">{t("merge.chart.none")}</option>
                  {merge.chartIndicators.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} — {text(c.label)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Button
              appearance="primary"
              className={styles.button}
              icon={<TableAddRegular />}
              disabled={busy || counts.accepted === 0}
              onClick={() => void onWrite()}
              data-testid="merge-write"
            >
              {t("merge.write")}
            </Button>
            {counts.accepted === 0 && !reading && (
              <Caption1 block className={styles.muted}>
                {t("merge.nothing")}
              </Caption1>
            )}
            <Button
              className={styles.button}
              icon={<ArrowClockwiseRegular />}
              disabled={busy}
              onClick={reset}
            >
              {t("merge.reset")}
            </Button>
          </fieldset>

          <section aria-labelledby="merge-files-title">
            <Body1Strong as="h2" block className={styles.h2} id="merge-files-title">
              {t("merge.files")}
            </Body1Strong>
            <ul className={styles.list} data-testid="verdict-list" ref={listRef}>
              {verdicts.map((v, i) => (
                <li
                  key={`${v.file}#${i}`}
                  className={styles.item}
                  data-testid="verdict"
                  data-verdict={v.verdict}
                  data-file={v.file}
                  tabIndex={-1}
                >
                  <span className={styles.itemHead}>
                    <Badge appearance="tint" color={VERDICT_COLOR[v.verdict]}>
                      {t(`merge.verdict.${v.verdict}`)}
                    </Badge>
                    <span className={styles.fileName}>{v.file}</span>
                  </span>
                  {v.unitName && <Caption1 block>{v.unitName}</Caption1>}
                  {(v.errors > 0 || v.warnings > 0) && (
                    <Caption1 block className={styles.muted}>
                      {t("merge.issues", { errors: v.errors, warnings: v.warnings })}
                    </Caption1>
                  )}
                  {v.message && <Caption1 block>{text(v.message)}</Caption1>}
                  {v.verdict === "accepted" && v.unit !== null && choices[v.unit] === v.file && (
                    <Caption1 block className={styles.chosenMark} data-testid="verdict-chosen">
                      <CheckmarkCircleRegular aria-hidden />
                      {t("merge.chosenMark", { unit: v.unitName ?? v.unit })}
                    </Caption1>
                  )}
                  {canChoose(v) && (
                    <Button
                      size="small"
                      className={styles.use}
                      // aria-disabled, still focusable: the focus stays on the pressed button while it runs
                      disabledFocusable={busy}
                      aria-label={t("merge.useAria", { file: v.file, unit: v.unitName ?? v.unit })}
                      onClick={() => void onUse(v)}
                      data-testid="merge-use"
                    >
                      {t("merge.use")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      {error !== null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
