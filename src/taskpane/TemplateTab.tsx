import * as React from "react";
import {
  Body1,
  Button,
  Combobox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  OptionGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentAddRegular, TableAddRegular } from "@fluentui/react-icons";
import type { Unit } from "../form/schema";
import { stripDiacritics } from "../form/unit-match";
import { ErrorBar } from "./ErrorBoundary";
import { HelpLink } from "./HelpLink";
import { sheetList, useI18n } from "./i18n";
import { TemplateRequest, useServices } from "./services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  actions: { display: "flex", flexDirection: "column", gap: "8px" },
  action: { display: "flex", flexDirection: "column", gap: "2px" },
  button: { width: "100%", justifyContent: "flex-start" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  combobox: { minWidth: "0", width: "100%" },
});

const BLANK = "";

type Status =
  | { kind: "idle" }
  | { kind: "working"; action: "new" | "insert" }
  | { kind: "done"; action: "new" }
  | { kind: "done"; action: "insert"; sheets: string[] }
  | { kind: "error"; error: unknown };

function matches(unit: Unit, query: string): boolean {
  const q = stripDiacritics(query).toLowerCase().trim();
  if (!q) return true;
  const hay = [unit.name, unit.code, ...(unit.aliases ?? [])].map((s) => stripDiacritics(s).toLowerCase());
  return hay.some((s) => s.includes(q));
}

export function TemplateTab() {
  const styles = useStyles();
  const { t } = useI18n();
  const { template } = useServices();
  const [unitCode, setUnitCode] = React.useState<string>(BLANK);
  const [query, setQuery] = React.useState("");
  const [password, setPassword] = React.useState("");
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const busy = status.kind === "working";

  const selected = template.units.find((u) => u.code === unitCode) ?? null;
  const typedSelected = selected !== null && query === selected.name;
  const visible = template.units.filter((u) => typedSelected || matches(u, query));
  const byGroup = [...new Set(template.units.map((u) => u.group))]
    .map((group) => ({ group, units: visible.filter((u) => u.group === group) }))
    .filter((g) => g.units.length > 0);

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
      <Field label={t("template.unit.label")} hint={t("template.unit.hint")}>
        <Combobox
          className={styles.combobox}
          data-testid="unit-combobox"
          placeholder={t("template.unit.placeholder")}
          value={query}
          selectedOptions={unitCode === BLANK ? [] : [unitCode]}
          clearable
          // The list inside the pane's <main>, not in a portal outside every landmark.
          inlinePopup
          // The arrow is a second way to open the list (Alt+↓ in the box does it): out of the tab
          // order, and named in the pane's language rather than Fluent's English "Open".
          expandIcon={{ tabIndex: -1, "aria-label": t("template.unit.open") }}
          onChange={(e) => {
            const value = e.target.value;
            setQuery(value);
            if (!value.trim()) setUnitCode(BLANK);
          }}
          onOptionSelect={(_e, data) => {
            if (data.optionValue === undefined) {
              // Fluent clears the selection while the officer types: keep the typed text.
              setUnitCode(BLANK);
              return;
            }
            const code = data.optionValue;
            setUnitCode(code);
            setQuery(code === BLANK ? "" : (template.units.find((u) => u.code === code)?.name ?? ""));
          }}
          onBlur={() => setQuery(selected ? selected.name : "")}
        >
          <Option value={BLANK} text={t("template.unit.blank")}>
            {t("template.unit.blank")}
          </Option>
          {byGroup.map((g) => (
            <OptionGroup key={g.group} label={g.group}>
              {g.units.map((u) => (
                <Option key={u.code} value={u.code} text={u.name}>
                  {u.name}
                </Option>
              ))}
            </OptionGroup>
          ))}
          {visible.length === 0 && (
            <Option value={BLANK} text={t("template.unit.blank")} disabled>
              {t("template.unit.noMatch")}
            </Option>
          )}
        </Combobox>
      </Field>
      <Field
        label={t("template.password.label")}
        hint={t("template.password.hint")}
        validationState={password ? "warning" : "none"}
        validationMessage={password ? t("template.password.warn") : undefined}
      >
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(_e, data) => setPassword(data.value)}
          data-testid="template-password"
        />
      </Field>
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
