import * as React from "react";
import { Button, SelectTabData, Subtitle2, Tab, TabList, makeStyles } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import { ErrorBoundary } from "./ErrorBoundary";
import { FormLine } from "./FormLine";
import { Lang, useI18n } from "./i18n";
import { TABS, type TabKey } from "./tabs";

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

/**
 * What the add-in and the browser mode share: the title and language switch, an optional banner,
 * the tabs, the active form's line, and one panel per tab behind its own error boundary. Panels
 * stay mounted when hidden, so work in progress survives a look at another tab.
 */
export function PaneFrame({
  initialTab,
  banner,
  panel,
  lazy = ["form"],
}: {
  initialTab: TabKey;
  banner?: React.ReactNode;
  panel: (key: TabKey) => React.ReactNode;
  /** Tabs whose panel is made only once the tab is first opened (their code is fetched then). */
  lazy?: readonly TabKey[];
}) {
  const styles = useStyles();
  const { t, lang, setLang } = useI18n();
  const [tab, setTabState] = React.useState<TabKey>(initialTab);
  const [opened, setOpened] = React.useState<ReadonlySet<TabKey>>(() => new Set([initialTab]));
  const setTab = (key: TabKey) => {
    setTabState(key);
    setOpened((s) => (s.has(key) ? s : new Set([...s, key])));
  };
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
      {banner}
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
      <FormLine onOpen={tab === "form" ? undefined : () => setTab("form")} />
      {TABS.map((x) => (
        <div
          key={x.key}
          role="tabpanel"
          id={`panel-${x.key}`}
          aria-labelledby={`tab-${x.key}`}
          hidden={tab !== x.key}
          className={styles.panel}
          data-testid={`panel-${x.key}`}
        >
          <ErrorBoundary>{!lazy.includes(x.key) || opened.has(x.key) ? panel(x.key) : null}</ErrorBoundary>
        </div>
      ))}
    </main>
  );
}
