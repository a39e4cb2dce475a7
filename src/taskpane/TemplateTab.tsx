import * as React from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentAddRegular, TableAddRegular } from "@fluentui/react-icons";
import { ErrorBar } from "./ErrorBoundary";
import { HelpLink } from "./HelpLink";
import { PasswordField } from "./PasswordField";
import { sheetList, useI18n } from "./i18n";
import { TemplateRequest, useServices } from "./services";
import { BLANK, UnitPicker } from "./UnitPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  actions: { display: "flex", flexDirection: "column", gap: "8px" },
  action: { display: "flex", flexDirection: "column", gap: "2px" },
  button: { width: "100%", justifyContent: "flex-start" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Status =
  | { kind: "idle" }
  | { kind: "working"; action: "new" | "insert" }
  | { kind: "done"; action: "new" }
  | { kind: "done"; action: "insert"; sheets: string[] }
  | { kind: "error"; error: unknown };

export function TemplateTab() {
  const styles = useStyles();
  const { t } = useI18n();
  const { template } = useServices();
  const [unitCode, setUnitCode] = React.useState<string>(BLANK);
  const [password, setPassword] = React.useState("");
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const busy = status.kind === "working";

  const request = (): TemplateRequest => ({ unitCode: unitCode === BLANK ? null : unitCode, password });

  const run = async (action: "new" | "insert") => {
    setStatus({ kind: "working", action });
    try {
      if (action === "new") {
        await template.createWorkbook(request());
        setStatus({ kind: "done", action: "new" });
      } else {
        const { sheets } = await template.insertIntoCurrent(request());
        setStatus({ kind: "done", action: "insert", sheets });
      }
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };

  return (
    <div className={styles.root}>
      <Body1 block>{t("template.intro")}</Body1>
      <UnitPicker units={template.units} unitCode={unitCode} onUnitCode={setUnitCode} />
      <PasswordField value={password} onChange={setPassword} testId="template-password" />
      <div className={styles.actions}>
        <div className={styles.action}>
          <Button
            appearance="primary"
            className={styles.button}
            icon={<DocumentAddRegular />}
            disabled={busy}
            onClick={() => void run("new")}
            aria-describedby="template-new-hint"
          >
            {t("template.new")}
          </Button>
          <span id="template-new-hint" className={styles.hint}>
            {t("template.new.hint")}
          </span>
        </div>
        <div className={styles.action}>
          <Button
            className={styles.button}
            icon={<TableAddRegular />}
            disabled={busy}
            onClick={() => void run("insert")}
            aria-describedby="template-insert-hint"
          >
            {t("template.insert")}
          </Button>
          <span id="template-insert-hint" className={styles.hint}>
            {t("template.insert.hint")}
          </span>
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid="template-status">
        {status.kind === "working" && <Spinner size="tiny" label={t("template.working")} />}
        {status.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {status.action === "new"
                ? t("template.done.new")
                : t("template.done.insert", { sheets: sheetList(status.sheets) })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status.kind === "error" && (
        <ErrorBar error={status.error} onDismiss={() => setStatus({ kind: "idle" })} />
      )}
      <HelpLink section="2-mẫu-báo-cáo" />
    </div>
  );
}
