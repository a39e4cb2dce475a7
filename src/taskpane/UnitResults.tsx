import * as React from "react";
import { Body1, Body1Strong, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular } from "@fluentui/react-icons";
import type { Consolidation, UnitStatus } from "../merge/types";
import { useI18n } from "./i18n";
import { isoToVi } from "../validate/dates";
import { chaseMessage, filesCsv, unitsToChase } from "./merge-results";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  group: {
    margin: 0,
    padding: "6px 8px",
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  missing: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  late: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  errors: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  ok: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  h3: { margin: "0 0 2px", fontSize: tokens.fontSizeBase300 },
  names: { margin: 0, paddingLeft: "18px" },
  button: { width: "100%", justifyContent: "flex-start" },
  copyLabel: { display: "flex", flexDirection: "column", gap: "4px" },
  copyText: {
    width: "100%",
    boxSizing: "border-box",
    resize: "vertical",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export type ResultNotice =
  { kind: "copied" } | { kind: "copyFailed" } | { kind: "csv"; file: string; n: number };

/** Copies `text` with the Clipboard API, else with a hidden textarea and execCommand; false when neither works. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Office's webviews may refuse the Clipboard API: the older way below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Offers `text` as a download named `file` (a Blob link); false where the page cannot. */
function download(text: string, file: string): boolean {
  if (typeof URL.createObjectURL !== "function") return false;
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

function UnitGroup(props: {
  testId: string;
  className: string;
  title: string;
  units: UnitStatus[];
  line: (u: UnitStatus) => string;
}) {
  const styles = useStyles();
  if (props.units.length === 0) return null;
  const id = `${props.testId}-title`;
  return (
    <section className={`${styles.group} ${props.className}`} aria-labelledby={id} data-testid={props.testId}>
      <Body1Strong as="h3" block className={styles.h3} id={id}>
        {props.title}
      </Body1Strong>
      <ul className={styles.names}>
        {props.units.map((u) => (
          <li key={u.code} data-unit={u.code}>
            {props.line(u)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The units the officer chases first — not reported, late, with errors — by name, with a
 * ready-to-send message to copy and the per-file list as CSV. The heading takes the focus after
 * reading (`headingRef`).
 */
export function UnitResults(props: {
  consolidation: Consolidation;
  headingRef: React.Ref<HTMLHeadingElement>;
  today: string;
  onNotice: (n: ResultNotice) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const c = props.consolidation;
  const chase = unitsToChase(c);
  const [fallback, setFallback] = React.useState<string | null>(null);
  const r = c.rates.all;

  const onCopy = async () => {
    const text = chaseMessage(c, props.today);
    const ok = await copyText(text);
    setFallback(ok ? null : text);
    props.onNotice({ kind: ok ? "copied" : "copyFailed" });
  };
  const onCsv = () => {
    const file = t("merge.csvFile");
    if (download(filesCsv(c, lang), file)) props.onNotice({ kind: "csv", file, n: c.files.length });
  };

  return (
    <section className={styles.root} aria-labelledby="merge-units-title" data-testid="unit-results">
      <h2 className={styles.heading} id="merge-units-title" tabIndex={-1} ref={props.headingRef}>
        {t("merge.units.title")}
      </h2>
      <Body1 block data-testid="unit-summary">
        {t("merge.units.summary", {
          received: r.received,
          expected: r.expected,
          late: r.late,
          missing: r.missing,
          errors: r.withErrors,
        })}
      </Body1>
      <UnitGroup
        testId="units-missing"
        className={styles.missing}
        title={t("merge.units.missing", { n: chase.missing.length })}
        units={chase.missing}
        line={(u) => u.name}
      />
      <UnitGroup
        testId="units-late"
        className={styles.late}
        title={t("merge.units.late", { n: chase.late.length })}
        units={chase.late}
        line={(u) =>
          u.reportDate ? t("merge.units.lateDate", { unit: u.name, date: isoToVi(u.reportDate) }) : u.name
        }
      />
      <UnitGroup
        testId="units-errors"
        className={styles.errors}
        title={t("merge.units.errors", { n: chase.withErrors.length })}
        units={chase.withErrors}
        line={(u) => t("merge.units.errorCount", { unit: u.name, n: u.errors })}
      />
      {!chase.missing.length && !chase.late.length && !chase.withErrors.length && (
        <Body1 block className={`${styles.group} ${styles.ok}`} data-testid="units-all-in">
          {t("merge.units.allIn", { n: r.expected })}
        </Body1>
      )}
      <Button
        className={styles.button}
        icon={<CopyRegular />}
        onClick={() => void onCopy()}
        data-testid="merge-copy"
      >
        {t("merge.copy")}
      </Button>
      {fallback !== null && (
        <label className={styles.copyLabel}>
          {t("merge.copyText")}
          <textarea
            className={styles.copyText}
            value={fallback}
            readOnly
            rows={6}
            data-testid="merge-copy-text"
          />
        </label>
      )}
      <Button
        className={styles.button}
        icon={<ArrowDownloadRegular />}
        onClick={onCsv}
        data-testid="merge-csv"
      >
        {t("merge.csv")}
      </Button>
    </section>
  );
}
