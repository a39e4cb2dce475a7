import { Field, Input } from "@fluentui/react-components";
import { useI18n } from "./i18n";

/**
 * The template's optional sheet password, in Excel and in the browser mode: once something is
 * typed, a warning says what it means for the units (they cannot unlock the sheet without it).
 */
export function PasswordField(props: { value: string; onChange: (value: string) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Field
      label={t("template.password.label")}
      hint={t("template.password.hint")}
      validationState={props.value ? "warning" : "none"}
      validationMessage={props.value ? t("template.password.warn") : undefined}
    >
      <Input
        type="password"
        autoComplete="new-password"
        value={props.value}
        onChange={(_e, data) => props.onChange(data.value)}
        data-testid={props.testId}
      />
    </Field>
  );
}
