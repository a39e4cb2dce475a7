import * as React from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Field,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  DismissRegular,
  DocumentAddRegular,
  DocumentCheckmarkRegular,
  FolderOpenRegular,
} from "@fluentui/react-icons";
import { builtInForm } from "../form/resolve";
import type { FormDefinition } from "../form/schema";
import { CopyForYear } from "./CopyForYear";
import { ErrorBar } from "./ErrorBoundary";
import { useActiveForm } from "./form-context";
import { FormStatus, type FormTabStatus } from "./FormStatus";
import { FormSummary } from "./FormSummary";
import { useI18n } from "./i18n";
import { fileBytes } from "./file-bytes";
import type { FormActions, FormProblem } from "./services";
import { useVisuallyHiddenStyles } from "./visually-hidden";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  action: { display: "flex", flexDirection: "column", gap: "2px" },
  button: { width: "100%", justifyContent: "flex-start" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  select: { width: "100%", minWidth: 0 },
});

/** One button with its hint below. */
function Action(props: {
  id: string;
  primary?: boolean;
  icon: React.JSX.Element;
  label: string;
  hint: string;
  disabled: boolean;
  onClick: () => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.action}>
      <Button
        appearance={props.primary ? "primary" : "secondary"}
        className={styles.button}
        icon={props.icon}
        disabled={props.disabled}
        onClick={props.onClick}
        aria-describedby={`${props.id}-hint`}
        data-testid={props.id}
      >
        {props.label}
      </Button>
      <span id={`${props.id}-hint`} className={styles.hint}>
        {props.hint}
      </span>
    </div>
  );
}

/** The forms kept on this computer and the built-in one, to switch between. */
function FormSwitch({ disabled }: { disabled: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { form, origin, stored, activateBuiltIn, activateStored } = useActiveForm();
  if (stored.length === 0) return null;
  const builtIn = builtInForm();
  return (
    <Field label={t("form.switch")}>
      <Select
        className={styles.select}
        value={origin === "builtIn" ? "" : form.id}
        disabled={disabled}
        onChange={(_e, d) => (d.value === "" ? activateBuiltIn() : activateStored(d.value))}
        data-testid="form-switch"
      >
        <option value="">{t("form.switch.builtIn", { id: builtIn.id })}</option>
        {stored.map((s) => (
          <option key={s.id} value={s.id}>
            {s.id} v{s.version} ({s.year})
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * "Biểu mẫu": the active form, its definition workbook (made, or read back and used), a copy for
 * another year, and the forms used before. `actions` says where definitions go and come from:
 * the open workbook in Excel, files in the browser; null shows the form only.
 */
export function FormTab({ actions }: { actions: FormActions | null }) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { t, text } = useI18n();
  const active = useActiveForm();
  const [status, setStatus] = React.useState<FormTabStatus>({ kind: "idle" });
  const fileRef = React.useRef<HTMLInputElement>(null);
  const busy = status.kind === "working";

  const write = async (def: FormDefinition) => {
    if (!actions) return;
    setStatus({ kind: "working", action: "write" });
    try {
      const { fileName } = await actions.writeDefinition(def);
      setStatus(fileName ? { kind: "downloaded", file: fileName } : { kind: "created", id: def.id });
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };

  const read = async (file?: File) => {
    if (!actions) return;
    setStatus({ kind: "working", action: "read" });
    try {
      const input = file ? { name: file.name, bytes: await fileBytes(file) } : undefined;
      const r = await actions.readDefinition(input);
      if (r.ok) setStatus({ kind: "used", def: r.definition, saved: active.activate(r.definition) });
      else if (r.problems.length === 0 && r.message) setStatus({ kind: "notDefinition", message: r.message });
      else setStatus({ kind: "problems", problems: r.problems, file: file?.name ?? null });
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };

  const select = (p: FormProblem) => {
    actions?.select?.(p).catch((error: unknown) => setStatus({ kind: "error", error }));
  };

  const excel = actions?.kind === "excel";
  return (
    <div className={styles.root}>
      <Body1 block>{t("form.intro")}</Body1>
      {active.notice && (
        <MessageBar intent="warning" layout="multiline" data-testid="form-notice">
          <MessageBarBody>{text(active.notice)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("error.dismiss")}
                icon={<DismissRegular />}
                onClick={active.dismissNotice}
              />
            }
          />
        </MessageBar>
      )}
      <FormSummary />
      {actions && (
        <>
          <Action
            id="form-write"
            icon={excel ? <DocumentAddRegular /> : <ArrowDownloadRegular />}
            label={excel ? t("form.create") : t("form.download")}
            hint={excel ? t("form.create.hint") : t("form.download.hint")}
            disabled={busy}
            onClick={() => void write(active.form.definition)}
          />
          <Action
            id="form-read"
            primary
            icon={excel ? <DocumentCheckmarkRegular /> : <FolderOpenRegular />}
            label={excel ? t("form.use") : t("form.pick")}
            hint={excel ? t("form.use.hint") : t("form.pick.hint")}
            disabled={busy}
            onClick={() => (excel ? void read() : fileRef.current?.click())}
          />
          {!excel && (
            <input
              ref={fileRef}
              type="file"
              accept=".xlsx,.xlsm,.xls,.ods"
              className={hidden.hidden}
              tabIndex={-1}
              aria-label={t("form.pickAria")}
              data-testid="form-file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void read(file);
              }}
            />
          )}
        </>
      )}
      <FormStatus
        status={status}
        kind={actions?.kind ?? null}
        onWrite={(def) => void write(def)}
        onSelect={actions?.select ? select : undefined}
      />
      {status.kind === "error" && (
        <ErrorBar error={status.error} onDismiss={() => setStatus({ kind: "idle" })} />
      )}
      <CopyForYear
        disabled={busy}
        onCopied={(def, saved) => setStatus({ kind: "copied", def, saved })}
        onError={(error) => setStatus({ kind: "error", error })}
      />
      <FormSwitch disabled={busy} />
    </div>
  );
}
