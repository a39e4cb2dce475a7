import * as React from "react";
import { Badge, Body1Strong, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { Consolidation, FileVerdict, UnitStatus } from "../merge/types";
import { FileName } from "./FileName";
import { useI18n } from "./i18n";
import { groupFiles, asSentence, type UnitFiles } from "./merge-results";

/** Rejected files shown before "show more". */
export const REJECTED_SHOWN = 10;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  unit: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", gap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  file: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  others: {
    listStyleType: "none",
    margin: "4px 0 0",
    padding: "0 0 0 8px",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  use: { alignSelf: "flex-start", marginTop: "2px" },
  toggle: { alignSelf: "flex-start" },
  chosenMark: {
    display: "flex",
    gap: "4px",
    alignItems: "center",
    color: tokens.colorPaletteGreenForeground1,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  h2: { margin: "0 0 6px" },
  h3: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300 },
});

/** A superseded file the officer can choose instead: it has a unit, and its name differs from the winner's. */
export function canChoose(v: FileVerdict): v is FileVerdict & { unit: string } {
  return v.verdict === "superseded" && v.unit !== null && v.file !== v.supersededBy;
}

type BadgeColor = "success" | "warning" | "danger";

/** A unit's status colour: errors red, late orange (the warning colour), on time green. */
function unitColor(u: UnitStatus): BadgeColor {
  if (u.errors > 0 || u.excluded) return "danger";
  return u.status === "late" ? "warning" : "success";
}

const VERDICT_COLOR: Record<FileVerdict["verdict"], BadgeColor> = {
  accepted: "success",
  superseded: "warning",
  rejected: "danger",
};

interface FileItemProps {
  v: FileVerdict;
  chosen: boolean;
  busy: boolean;
  onUse: (v: FileVerdict & { unit: string }) => void;
}

function FileItem({ v, chosen, busy, onUse }: FileItemProps) {
  const styles = useStyles();
  const { t, text } = useI18n();
  return (
    <li
      className={styles.file}
      data-testid="verdict"
      data-verdict={v.verdict}
      data-file={v.file}
      tabIndex={-1}
    >
      <span className={styles.head}>
        <Badge appearance="tint" color={VERDICT_COLOR[v.verdict]}>
          {t(`merge.verdict.${v.verdict}`)}
        </Badge>
        <FileName name={v.file} />
      </span>
      {(v.errors > 0 || v.warnings > 0) && (
        <Caption1 block className={styles.muted}>
          {t("merge.issues", { errors: v.errors, warnings: v.warnings })}
        </Caption1>
      )}
      {v.message && <Caption1 block>{asSentence(text(v.message))}</Caption1>}
      {chosen && (
        <Caption1 block className={styles.chosenMark} data-testid="verdict-chosen">
          <CheckmarkCircleRegular aria-hidden />
          {t("merge.chosenMark", { unit: v.unitName ?? v.unit ?? "" })}
        </Caption1>
      )}
      {canChoose(v) && (
        <Button
          size="small"
          className={styles.use}
          // aria-disabled, still focusable: the focus stays on the pressed button while it runs
          disabledFocusable={busy}
          aria-label={t("merge.useAria", { file: v.file, unit: v.unitName ?? v.unit })}
          onClick={() => onUse(v)}
          data-testid="merge-use"
        >
          {t("merge.use")}
        </Button>
      )}
    </li>
  );
}

function UnitItem(props: {
  g: UnitFiles;
  choices: Record<string, string>;
  busy: boolean;
  onUse: FileItemProps["onUse"];
}) {
  const styles = useStyles();
  const { t, text } = useI18n();
  const { unit, used, others } = props.g;
  const [open, setOpen] = React.useState(false);
  const listId = `others-${unit.code}`;
  const chosen = (v: FileVerdict) => v.verdict === "accepted" && props.choices[unit.code] === v.file;
  return (
    <li className={styles.unit} data-testid="unit-files" data-unit={unit.code}>
      <span className={styles.head}>
        <Body1Strong>{unit.name}</Body1Strong>
        <Badge appearance="tint" color={unitColor(unit)} data-color={unitColor(unit)}>
          {text(unit.label)}
        </Badge>
      </span>
      <ul className={styles.list}>
        {used && <FileItem v={used} chosen={chosen(used)} busy={props.busy} onUse={props.onUse} />}
      </ul>
      {others.length > 0 && (
        <>
          <Button
            size="small"
            appearance="subtle"
            className={styles.toggle}
            icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={open}
            aria-controls={listId}
            aria-label={t("merge.othersAria", { unit: unit.name, n: others.length })}
            onClick={() => setOpen((o) => !o)}
            data-testid="merge-others"
          >
            {t("merge.others", { n: others.length })}
          </Button>
          {open && (
            <ul className={styles.others} id={listId}>
              {others.map((v, i) => (
                <FileItem key={`${v.file}#${i}`} v={v} chosen={false} busy={props.busy} onUse={props.onUse} />
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}

/**
 * The files by unit (registry order): the file used, with the unit's status, and the unit's other
 * files folded ("+9 bản khác"), each with "Dùng tệp này"; then the rejected files, the first ten
 * shown. Nothing per file is drawn until asked for, so 4,200 files make a list of 42 units.
 */
export function FileGroups(props: {
  consolidation: Consolidation;
  choices: Record<string, string>;
  busy: boolean;
  /** After a choice the pressed button is gone (its file is now used): the focus goes to that file. */
  focusFile: string | null;
  onUse: FileItemProps["onUse"];
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const rootRef = React.useRef<HTMLElement>(null);
  const { focusFile, consolidation } = props;
  React.useEffect(() => {
    if (!focusFile) return;
    const items = Array.from(rootRef.current?.querySelectorAll<HTMLLIElement>("li[data-file]") ?? []);
    items.find((li) => li.dataset.file === focusFile && li.dataset.verdict === "accepted")?.focus();
  }, [focusFile, consolidation]);
  const groups = React.useMemo(() => groupFiles(props.consolidation), [props.consolidation]);
  const [allRejected, setAllRejected] = React.useState(false);
  const rejected = allRejected ? groups.rejected : groups.rejected.slice(0, REJECTED_SHOWN);
  return (
    <section aria-labelledby="merge-files-title" data-testid="verdict-list" ref={rootRef}>
      <Body1Strong as="h2" block className={styles.h2} id="merge-files-title">
        {t("merge.files")}
      </Body1Strong>
      <ul className={styles.list}>
        {groups.units.map((g) => (
          <UnitItem key={g.unit.code} g={g} choices={props.choices} busy={props.busy} onUse={props.onUse} />
        ))}
      </ul>
      {groups.rejected.length > 0 && (
        <section aria-labelledby="merge-rejected-title" data-testid="rejected-files">
          <Body1Strong as="h3" block className={styles.h3} id="merge-rejected-title">
            {t("merge.files.rejected", { n: groups.rejected.length })}
          </Body1Strong>
          <ul className={styles.list}>
            {rejected.map((v, i) => (
              <FileItem key={`${v.file}#${i}`} v={v} chosen={false} busy={props.busy} onUse={props.onUse} />
            ))}
          </ul>
          {!allRejected && groups.rejected.length > REJECTED_SHOWN && (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setAllRejected(true)}
              data-testid="merge-more-rejected"
            >
              {t("merge.moreRejected", { n: groups.rejected.length - REJECTED_SHOWN })}
            </Button>
          )}
        </section>
      )}
    </section>
  );
}
