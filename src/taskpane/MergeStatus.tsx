import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Consolidation } from "../merge/types";
import { sheetList, useI18n } from "./i18n";
import type { ReadOutcome } from "./merge-reading";
import type { ResultNotice } from "./UnitResults";

/** The one status line under the buttons: each new message replaces the last. */
export type Status =
  | { kind: "none" }
  | { kind: "read"; outcome: ReadOutcome; counts: Consolidation["counts"] }
  | { kind: "using" }
  | { kind: "chosen"; file: string; unitName: string }
  | { kind: "writing" }
  | { kind: "written"; sheets: string[]; received: number; expected: number; missing: number }
  | ResultNotice;

export function StatusLine({ status }: { status: Status }) {
  const { t } = useI18n();
  switch (status.kind) {
    case "none":
      return null;
    case "read": {
      const { outcome: o, counts: c } = status;
      const parts = [
        o.cancelled ? t("merge.cancelled", { i: o.done, n: o.total }) : null,
        o.skipped > 0 ? t("merge.skipped", { n: o.skipped }) : null,
        t("merge.readDone", {
          n: c.files,
          accepted: c.accepted,
          superseded: c.superseded,
          rejected: c.rejected,
        }),
      ].filter((x): x is string => x !== null);
      return (
        <MessageBar intent={o.cancelled ? "warning" : "info"} layout="multiline" data-testid="merge-counts">
          <MessageBarBody>{parts.join(" ")}</MessageBarBody>
        </MessageBar>
      );
    }
    case "using":
      return <Spinner size="tiny" label={t("merge.using")} />;
    case "chosen":
      return (
        <MessageBar intent="info" layout="multiline" data-testid="merge-chosen">
          <MessageBarBody>{t("merge.chosen", { file: status.file, unit: status.unitName })}</MessageBarBody>
        </MessageBar>
      );
    case "writing":
      return <Spinner size="tiny" label={t("merge.writing")} />;
    case "written":
      return (
        <MessageBar intent="success" layout="multiline" data-testid="merge-written">
          <MessageBarBody>
            {t("merge.written", { sheets: sheetList(status.sheets) })}{" "}
            {t("merge.rates", {
              received: status.received,
              expected: status.expected,
              missing: status.missing,
            })}
          </MessageBarBody>
        </MessageBar>
      );
    case "copied":
    case "copyFailed":
      return (
        <MessageBar
          intent={status.kind === "copied" ? "success" : "warning"}
          layout="multiline"
          data-testid="merge-notice"
        >
          <MessageBarBody>{t(status.kind === "copied" ? "merge.copied" : "merge.copyFailed")}</MessageBarBody>
        </MessageBar>
      );
    case "csv":
      return (
        <MessageBar intent="success" layout="multiline" data-testid="merge-notice">
          <MessageBarBody>{t("merge.csvDone", { file: status.file, n: status.n })}</MessageBarBody>
        </MessageBar>
      );
  }
}
