import * as React from "react";
import { Combobox, Field, Option, OptionGroup, makeStyles } from "@fluentui/react-components";
import type { Unit } from "../form/schema";
import { stripDiacritics } from "../form/unit-match";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  combobox: { minWidth: "0", width: "100%" },
});

/** No unit chosen: a blank template for any unit. */
export const BLANK = "";

function matches(unit: Unit, query: string): boolean {
  const q = stripDiacritics(query).toLowerCase().trim();
  if (!q) return true;
  const hay = [unit.name, unit.code, ...(unit.aliases ?? [])].map((s) => stripDiacritics(s).toLowerCase());
  return hay.some((s) => s.includes(q));
}

interface UnitPickerProps {
  units: readonly Unit[];
  /** The chosen unit's code, or BLANK. */
  unitCode: string;
  onUnitCode: (code: string) => void;
}

/** The unit box: type part of a name (with or without diacritics), a code or an alias; units listed by group. */
export function UnitPicker({ units, unitCode, onUnitCode }: UnitPickerProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = React.useState("");
  const selected = units.find((u) => u.code === unitCode) ?? null;
  const typedSelected = selected !== null && query === selected.name;
  const visible = units.filter((u) => typedSelected || matches(u, query));
  const byGroup = [...new Set(units.map((u) => u.group))]
    .map((group) => ({ group, units: visible.filter((u) => u.group === group) }))
    .filter((g) => g.units.length > 0);
  return (
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
          if (!value.trim()) onUnitCode(BLANK);
        }}
        onOptionSelect={(_e, data) => {
          if (data.optionValue === undefined) {
            // Fluent clears the selection while the officer types: keep the typed text.
            onUnitCode(BLANK);
            return;
          }
          const code = data.optionValue;
          onUnitCode(code);
          setQuery(code === BLANK ? "" : (units.find((u) => u.code === code)?.name ?? ""));
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
  );
}
