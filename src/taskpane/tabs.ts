/** The pane's tabs, in the add-in and in the browser mode alike. */
import type { StringKey } from "./i18n";

export type TabKey = "template" | "check" | "merge" | "form";

/** Tab labels, Vietnamese first (the strings themselves live in i18n.ts). */
export const TABS: ReadonlyArray<{ key: TabKey; label: StringKey; vi: string; en: string }> = [
  { key: "template", label: "tab.template", vi: "Mẫu báo cáo", en: "Report template" },
  { key: "check", label: "tab.check", vi: "Kiểm tra", en: "Check" },
  { key: "merge", label: "tab.merge", vi: "Tổng hợp", en: "Consolidate" },
  // Last: the form is set up once a year; the everyday tasks keep their places.
  { key: "form", label: "tab.form", vi: "Biểu mẫu", en: "Form" },
];

/** The initial tab from `?tab=` (set by the ribbon buttons in manifest.xml). */
export function tabFromSearch(search: string): TabKey {
  const value = new URLSearchParams(search).get("tab");
  return TABS.some((t) => t.key === value) ? (value as TabKey) : "template";
}
