import * as React from "react";
import { Body1, SelectTabData, Tab, TabList, Title3, makeStyles } from "@fluentui/react-components";

export type TabKey = "template" | "check" | "merge";

/** Tab labels, Vietnamese first. */
export const TABS: ReadonlyArray<{ key: TabKey; vi: string; en: string }> = [
  { key: "template", vi: "Mẫu báo cáo", en: "Report template" },
  { key: "check", vi: "Kiểm tra", en: "Check" },
  { key: "merge", vi: "Tổng hợp", en: "Consolidate" },
];

/** The initial tab from `?tab=` (set by the ribbon buttons in manifest.xml). */
export function tabFromSearch(search: string): TabKey {
  const value = new URLSearchParams(search).get("tab");
  return TABS.some((t) => t.key === value) ? (value as TabKey) : "template";
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
});

export function App({ initialTab = "template" }: { initialTab?: TabKey }) {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabKey>(initialTab);
  const current = TABS.find((t) => t.key === tab) ?? TABS[0];
  return (
    <div className={styles.root}>
      <Title3 as="h1">Báo cáo bình đẳng giới</Title3>
      <TabList selectedValue={tab} onTabSelect={(_e, data: SelectTabData) => setTab(data.value as TabKey)}>
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key} title={t.en}>
            {t.vi}
          </Tab>
        ))}
      </TabList>
      <Body1 data-testid="tab-panel">
        {current.vi} — đang xây dựng / {current.en} — coming soon
      </Body1>
    </div>
  );
}
