import * as React from "react";
import { Body1Strong, Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { copyForYear } from "../definition/copy-year";
import type { FormDefinition } from "../form/schema";
import { useActiveForm } from "./form-context";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  year: { width: "96px" },
  hint: { color: tokens.colorNeutralForeground3 },
  h2: { margin: 0 },
});

/** A whole year from 1900 to 9999 (the form schema's range), else null. */
export function parseYear(text: string): number | null {
  if (!/^\s*\d{4}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1900 && n <= 9999 ? n : null;
}

/**
 * "Sao chép cho năm N": the active form copied for another year (src/definition/copy-year.ts)
 * becomes the active form; `onCopied` lets the tab say so and offer its definition workbook.
 */
export function CopyForYear({
  disabled,
  onCopied,
  onError,
}: {
  disabled: boolean;
  onCopied: (def: FormDefinition, saved: boolean) => void;
  onError: (e: unknown) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { form, activate } = useActiveForm();
  const [text, setText] = React.useState(String(form.definition.year + 1));
  React.useEffect(() => setText(String(form.definition.year + 1)), [form]);
  const year = parseYear(text);
  const same = year === form.definition.year;

  const run = () => {
    if (year === null || same) return;
    try {
      const def = copyForYear(form.definition, year);
      onCopied(def, activate(def));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="form-copy-title">
      <Body1Strong as="h2" block className={styles.h2} id="form-copy-title">
        {t("form.copy.title")}
      </Body1Strong>
      <Caption1 block className={styles.hint}>
        {t("form.copy.hint")}
      </Caption1>
      <div className={styles.row}>
        <Field
          label={t("form.copy.year")}
          validationState={year === null ? "error" : "none"}
          validationMessage={year === null ? t("form.copy.bad") : undefined}
        >
          <Input
            className={styles.year}
            inputMode="numeric"
            value={text}
            onChange={(_e, d) => setText(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") run();
            }}
            data-testid="copy-year"
          />
        </Field>
        <Button
          icon={<CopyRegular />}
          disabled={disabled || year === null || same}
          onClick={run}
          data-testid="copy-run"
        >
          {t("form.copy.run", { year: year ?? "…" })}
        </Button>
      </div>
    </section>
  );
}
