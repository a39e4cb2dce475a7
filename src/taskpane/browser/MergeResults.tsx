import { Badge, Body1, Body1Strong, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Consolidation, FileVerdict, UnitStatus } from "../../merge/types";
import { useI18n } from "../i18n";
import { useBrowserText } from "./strings";

const useStyles = makeStyles({
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
    overflowWrap: "anywhere",
  },
  head: { display: "flex", gap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  names: { margin: "0 0 8px", paddingLeft: "18px" },
  muted: { color: tokens.colorNeutralForeground3 },
  h2: { margin: "0 0 6px" },
  h3: { margin: "4px 0 2px" },
  use: { alignSelf: "flex-start", marginTop: "4px" },
});

const VERDICT_COLOR = { accepted: "success", superseded: "warning", rejected: "danger" } as const;
const VERDICT_ORDER = { rejected: 0, superseded: 1, accepted: 2 } as const;

/** A superseded file the officer can choose instead (the add-in's rule: it has a unit and another name). */
export function canChoose(v: FileVerdict): v is FileVerdict & { unit: string } {
  return v.verdict === "superseded" && v.unit !== null && v.file !== v.supersededBy;
}

/** One group of units (missing, late, with errors), named with the status the summary gives them. */
function UnitGroup({ title, units, kind }: { title: string; units: UnitStatus[]; kind: string }) {
  const styles = useStyles();
  const { text } = useI18n();
  if (units.length === 0) return null;
  return (
    <>
      <Body1Strong as="h3" block className={styles.h3}>
        {title}
      </Body1Strong>
      <ul className={styles.names} data-testid={`bmerge-${kind}`}>
        {units.map((u) => (
          <li key={u.code} data-unit={u.code}>
            <Caption1>
              {u.name} — {text(u.label)}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The merge by unit: the rates, then who is missing, late, or sent a report with errors. */
export function UnitResults({ c }: { c: Consolidation }) {
  const styles = useStyles();
  const tb = useBrowserText();
  const r = c.rates.all;
  const missing = c.units.filter((u) => u.status === "missing");
  const late = c.units.filter((u) => u.status === "late");
  const withErrors = c.units.filter((u) => u.status !== "missing" && u.errors > 0);
  return (
    <section aria-labelledby="bmerge-units-title" data-testid="bmerge-units">
      <Body1Strong as="h2" block className={styles.h2} id="bmerge-units-title">
        {tb("bmerge.units")}
      </Body1Strong>
      <Body1 block data-testid="bmerge-rates">
        {tb("bmerge.rates", { received: r.received, expected: r.expected, late: r.late, missing: r.missing })}
      </Body1>
      <UnitGroup title={tb("bmerge.missing", { n: missing.length })} units={missing} kind="missing" />
      <UnitGroup title={tb("bmerge.late", { n: late.length })} units={late} kind="late" />
      <UnitGroup title={tb("bmerge.withErrors", { n: withErrors.length })} units={withErrors} kind="errors" />
    </section>
  );
}

/** Every file and what became of it: rejected and superseded first, with the reason. */
export function FileResults({
  verdicts,
  busy,
  onUse,
}: {
  verdicts: readonly FileVerdict[];
  busy: boolean;
  onUse: (v: FileVerdict & { unit: string }) => void;
}) {
  const styles = useStyles();
  const { text } = useI18n();
  const tb = useBrowserText();
  const sorted = [...verdicts].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
  return (
    <section aria-labelledby="bmerge-files-title">
      <Body1Strong as="h2" block className={styles.h2} id="bmerge-files-title">
        {tb("bmerge.files")}
      </Body1Strong>
      <ul className={styles.list} data-testid="bmerge-verdicts">
        {sorted.map((v, i) => (
          <li
            key={`${v.file}#${i}`}
            className={styles.item}
            data-testid="bmerge-verdict"
            data-verdict={v.verdict}
            data-file={v.file}
          >
            <span className={styles.head}>
              <Badge appearance="tint" color={VERDICT_COLOR[v.verdict]}>
                {tb(`bmerge.verdict.${v.verdict}`)}
              </Badge>
              <span>{v.file}</span>
            </span>
            {v.unitName && <Caption1 block>{v.unitName}</Caption1>}
            {(v.errors > 0 || v.warnings > 0) && (
              <Caption1 block className={styles.muted}>
                {tb("bmerge.issues", { errors: v.errors, warnings: v.warnings })}
              </Caption1>
            )}
            {v.message && <Caption1 block>{text(v.message)}</Caption1>}
            {canChoose(v) && (
              <Button
                size="small"
                className={styles.use}
                disabledFocusable={busy}
                aria-label={tb("bmerge.useAria", { file: v.file, unit: v.unitName ?? v.unit })}
                onClick={() => onUse(v)}
                data-testid="bmerge-use"
              >
                {tb("bmerge.use")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
