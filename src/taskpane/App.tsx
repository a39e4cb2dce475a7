import * as React from "react";
import { Button, SelectTabData, Subtitle2, Tab, TabList, makeStyles } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import { CheckTab } from "./CheckTab";
import { ErrorBoundary } from "./ErrorBoundary";
import { I18nProvider, Lang, StringKey, useI18n } from "./i18n";
import { MergeTab } from "./MergeTab";
import { ServicesProvider, TaskpaneServices } from "./services";
import { TemplateTab } from "./TemplateTab";

export type TabKey = "template" | "check" | "merge";

/** Tab labels, Vietnamese first (the strings themselves live in i18n.ts). */
export const TABS: ReadonlyArray<{ key: TabKey; label: StringKey; vi: string; en: string }> = [
  { key: "template", label: "tab.template", vi: "Mẫu báo cáo", en: "Report template" },
  { key: "check", label: "tab.check", vi: "Kiểm tra", en: "Check" },
  { key: "merge", label: "tab.merge", vi: "Tổng hợp", en: "Consolidate" },
];

/** The initial tab from `?tab=` (set by the ribbon buttons in manifest.xml). */
export function tabFromSearch(search: string): TabKey {
  const value = new URLSearchParams(search).get("tab");
  return TABS.some((t) => t.key === value) ? (value as TabKey) : "template";
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: "0",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  title: { margin: 0, flexGrow: 1, minWidth: 0 },
  lang: { flexShrink: 0 },
  tabs: { marginLeft: "-10px", marginRight: "-10px", flexWrap: "wrap" },
  panel: { minWidth: "0" },
});

const PANELS: Record<TabKey, () => React.JSX.Element> = {
  template: TemplateTab,
  check: CheckTab,
  merge: MergeTab,
};

function Shell({ initialTab }: { initialTab: TabKey }) {
  const styles = useStyles();
  const { t, lang, setLang } = useI18n();
  const [tab, setTab] = React.useState<TabKey>(initialTab);
  const other: Lang = lang === "vi" ? "en" : "vi";
  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <Subtitle2 as="h1" className={styles.title}>
          {t("appTitle")}
        </Subtitle2>
        <Button
          appearance="subtle"
          size="small"
          className={styles.lang}
          icon={<LocalLanguageRegular />}
          onClick={() => setLang(other)}
          aria-label={t("lang.switchAria")}
          lang={other}
          data-testid="lang-switch"
        >
          {t("lang.switch")}
        </Button>
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={t("tabs.label")}
        selectedValue={tab}
        onTabSelect={(_e, data: SelectTabData) => setTab(data.value as TabKey)}
      >
        {TABS.map((x) => (
          <Tab key={x.key} value={x.key} id={`tab-${x.key}`} aria-controls={`panel-${x.key}`}>
            {t(x.label)}
          </Tab>
        ))}
      </TabList>
      {TABS.map((x) => {
        const Panel = PANELS[x.key];
        return (
          <div
            key={x.key}
            role="tabpanel"
            id={`panel-${x.key}`}
            aria-labelledby={`tab-${x.key}`}
            hidden={tab !== x.key}
            className={styles.panel}
            data-testid={`panel-${x.key}`}
          >
            <ErrorBoundary>
              <Panel />
            </ErrorBoundary>
          </div>
        );
      })}
    </main>
  );
}

/**
 * The add-in UI: three tasks as tabs, each behind its own error boundary, with the services
 * (Excel, reader, merge) given from outside so tests can mock them. Panels stay mounted when
 * hidden, so a merge in progress survives a look at another tab.
 */
export function App({
  services,
  initialTab = "template",
  lang,
}: {
  services: TaskpaneServices;
  initialTab?: TabKey;
  lang?: Lang;
}) {
  return (
    <I18nProvider initial={lang}>
      <ServicesProvider value={services}>
        <ErrorBoundary>
          <Shell initialTab={initialTab} />
        </ErrorBoundary>
      </ServicesProvider>
    </I18nProvider>
  );
}
