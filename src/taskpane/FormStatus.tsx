import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { FormDefinition, Text } from "../form/schema";
import { isoToVi } from "../validate/dates";
import { FormProblems } from "./FormProblems";
import { useI18n } from "./i18n";
import type { FormActions, FormProblem } from "./services";

export type FormTabStatus =
  | { kind: "idle" }
  | { kind: "working"; action: "write" | "read" }
  /** The definition workbook opened as a new workbook (Excel). */
  | { kind: "created"; id: string }
  /** The definition workbook downloaded (browser). */
  | { kind: "downloaded"; file: string }
  | { kind: "used"; def: FormDefinition; saved: boolean }
  | { kind: "copied"; def: FormDefinition; saved: boolean }
  | { kind: "problems"; problems: FormProblem[]; file: string | null }
  | { kind: "notDefinition"; message: Text }
  | { kind: "error"; error: unknown };

/** The Form tab's status region: what the last action did, the problems found, the copy made. */
export function FormStatus({
  status,
  kind,
  onWrite,
  onSelect,
}: {
  status: FormTabStatus;
  kind: FormActions["kind"] | null;
  onWrite: (def: FormDefinition) => void;
  onSelect?: (p: FormProblem) => void;
}) {
  const { t, text } = useI18n();
  const notSaved = (saved: boolean) =>
    !saved && (
      <MessageBar intent="warning" layout="multiline" data-testid="form-not-saved">
        <MessageBarBody>{t("form.notSaved")}</MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <div role="status" aria-live="polite" data-testid="form-status" data-kind={status.kind}>
        {status.kind === "working" && (
          <Spinner size="tiny" label={status.action === "write" ? t("form.creating") : t("form.reading")} />
        )}
        {status.kind === "created" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("form.created", { id: status.id })}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "downloaded" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("form.downloaded", { file: status.file })}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "used" && (
          <MessageBar intent="success" layout="multiline" data-testid="form-used">
            <MessageBarBody>
              {t("form.used", {
                id: status.def.id,
                version: status.def.version,
                indicators: status.def.indicators.length,
                units: status.def.units.length,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "copied" && (
          <MessageBar intent="success" layout="multiline" data-testid="form-copied">
            <MessageBarBody>
              {t("form.copied", {
                id: status.def.id,
                year: status.def.year,
                deadline: isoToVi(status.def.deadline),
              })}
            </MessageBarBody>
            {kind && (
              <MessageBarActions>
                <Button size="small" onClick={() => onWrite(status.def)} data-testid="form-copied-write">
                  {kind === "excel" ? t("form.copied.create") : t("form.copied.download")}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {status.kind === "problems" && (
          <MessageBar intent="error" layout="multiline" data-testid="form-problems">
            <MessageBarBody>
              {status.file
                ? t("form.problems.file", { file: status.file, n: status.problems.length })
                : t("form.problems", { n: status.problems.length })}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "notDefinition" && (
          <MessageBar intent="warning" layout="multiline" data-testid="form-not-definition">
            <MessageBarBody>{text(status.message)}</MessageBarBody>
          </MessageBar>
        )}
        {(status.kind === "used" || status.kind === "copied") && notSaved(status.saved)}
      </div>
      {status.kind === "problems" && status.problems.length > 0 && (
        <FormProblems problems={status.problems} onSelect={onSelect} />
      )}
    </>
  );
}
