import { Badge, Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { isoToVi } from "../validate/dates";
import { useActiveForm } from "./form-context";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  h2: { margin: 0 },
  title: { overflowWrap: "anywhere" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: "10px",
    rowGap: "2px",
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  groups: { margin: 0, paddingLeft: "18px" },
});

/** The active form at a glance: title, id, version, year, deadline, counts, the unit groups. */
export function FormSummary() {
  const styles = useStyles();
  const { t, text } = useI18n();
  const { form, origin } = useActiveForm();
  const def = form.definition;
  const facts: [string, string | number, string][] = [
    [t("form.id"), form.id, "form-id"],
    [t("form.version"), form.version, "form-version"],
    [t("form.year"), def.year, "form-year"],
    [t("form.deadline"), isoToVi(def.deadline), "form-deadline"],
    [t("form.indicators"), def.indicators.length, "form-indicators"],
    [t("form.units"), form.units.length, "form-units"],
  ];
  return (
    <section className={styles.root} aria-labelledby="form-active-title" data-testid="form-summary">
      <Body1Strong as="h2" block className={styles.h2} id="form-active-title">
        {t("form.active")}{" "}
        {origin === "builtIn" && (
          <Badge appearance="tint" color="informative">
            {t("form.builtIn")}
          </Badge>
        )}
      </Body1Strong>
      <Body1 block className={styles.title} data-testid="form-title">
        {text(def.title)}
      </Body1>
      <dl className={styles.facts}>
        {facts.map(([label, value, id]) => (
          <div key={id} style={{ display: "contents" }}>
            <dt className={styles.dt}>{label}</dt>
            <dd className={styles.dd} data-testid={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <Caption1 block className={styles.dt}>
        {t("form.groups")}
      </Caption1>
      <ul className={styles.groups} data-testid="form-groups">
        {form.groups.map((group) => (
          <li key={group}>
            <Caption1>
              {t("form.group", { group, n: form.units.filter((u) => u.group === group).length })}
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
