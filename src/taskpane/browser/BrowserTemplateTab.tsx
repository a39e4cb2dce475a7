import * as React from "react";
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderZipRegular } from "@fluentui/react-icons";
import { ErrorBar } from "../ErrorBoundary";
import { PasswordField } from "../PasswordField";
import { useBrowserText } from "./strings";
import type { Download, FileServices } from "./file-services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  button: { width: "100%", justifyContent: "flex-start" },
  select: { width: "100%", minWidth: 0 },
});

type Status =
  | { kind: "idle" }
  | { kind: "working"; done: number; total: number; unit: string | null }
  | { kind: "done"; file: string }
  | { kind: "error"; error: unknown };

/** "Mẫu báo cáo" outside Excel: the template of one unit, a blank one, or every unit's in a .zip. */
export function BrowserTemplateTab({
  services,
  save,
}: {
  services: FileServices;
  save: (d: Download) => void;
}) {
  const styles = useStyles();
  const tb = useBrowserText();
  const [unitCode, setUnitCode] = React.useState("");
  const [password, setPassword] = React.useState("");
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const busy = status.kind === "working";
  const groups = [...new Set(services.units.map((u) => u.group))];

  const run = async (make: () => Promise<Download>) => {
    setStatus({ kind: "working", done: 0, total: 0, unit: null });
    try {
      const d = await make();
      save(d);
      setStatus({ kind: "done", file: d.fileName });
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };

  return (
    <div className={styles.root}>
      <Body1 block>{tb("btemplate.intro")}</Body1>
      <Field label={tb("btemplate.unit")}>
        <Select
          className={styles.select}
          value={unitCode}
          onChange={(_e, d) => setUnitCode(d.value)}
          data-testid="btemplate-unit"
        >
          <option value="">{tb("btemplate.blank")}</option>
          {groups.map((g) => (
            <optgroup key={g} label={g}>
              {services.units
                .filter((u) => u.group === g)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <PasswordField value={password} onChange={setPassword} testId="btemplate-password" />
      <Button
        appearance="primary"
        className={styles.button}
        icon={<ArrowDownloadRegular />}
        disabled={busy}
        onClick={() => void run(() => services.template(unitCode || null, password))}
        data-testid="btemplate-one"
      >
        {tb("btemplate.one")}
      </Button>
      <Button
        className={styles.button}
        icon={<FolderZipRegular />}
        disabled={busy}
        onClick={() =>
          void run(() =>
            services.allTemplates(password, (done, total, unit) =>
              setStatus({ kind: "working", done, total, unit: unit.name })
            )
          )
        }
        data-testid="btemplate-all"
      >
        {tb("btemplate.all", { n: services.units.length })}
      </Button>
      <div role="status" aria-live="polite" data-testid="btemplate-status">
        {status.kind === "working" && status.total === 0 && (
          <Spinner size="tiny" label={tb("btemplate.working")} />
        )}
        {status.kind === "working" && status.total > 0 && (
          <Field
            validationState="none"
            validationMessage={tb("btemplate.progress", {
              i: status.done + 1,
              n: status.total,
              unit: status.unit ?? "",
            })}
          >
            <ProgressBar value={status.done} max={status.total} thickness="large" />
          </Field>
        )}
        {status.kind === "done" && (
          <MessageBar intent="success" layout="multiline" data-testid="btemplate-done">
            <MessageBarBody>{tb("btemplate.done", { file: status.file })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status.kind === "error" && (
        <ErrorBar error={status.error} onDismiss={() => setStatus({ kind: "idle" })} />
      )}
    </div>
  );
}
