import * as React from "react";
import type { ResolvedForm } from "../form/resolve";
import { CheckTab } from "./CheckTab";
import { ErrorBoundary } from "./ErrorBoundary";
import type { FormLoad } from "./active-form";
import { FormProvider, useActiveForm } from "./form-context";
import { LazyFormTab } from "./LazyFormTab";
import { I18nProvider, Lang } from "./i18n";
import { MergeTab } from "./MergeTab";
import { PaneFrame } from "./PaneFrame";
import { FormActions, ServicesProvider, TaskpaneServices } from "./services";
import type { TabKey } from "./tabs";
import { TemplateTab } from "./TemplateTab";

export type { TabKey } from "./tabs";

/** The tasks that work with the active form: they start afresh when it changes. */
const TASK_PANELS: Record<Exclude<TabKey, "form">, () => React.JSX.Element> = {
  template: TemplateTab,
  check: CheckTab,
  merge: MergeTab,
};

/** Services for the active form: made again whenever it changes (a fixed object in tests). */
export type ServicesFor = TaskpaneServices | ((form: ResolvedForm) => TaskpaneServices);

function Shell({
  initialTab,
  services,
  formActions,
}: {
  initialTab: TabKey;
  services: ServicesFor;
  formActions: FormActions | null;
}) {
  const { form, generation } = useActiveForm();
  const current = React.useMemo(
    () => (typeof services === "function" ? services(form) : services),
    [services, form]
  );
  return (
    <PaneFrame
      initialTab={initialTab}
      panel={(key) => {
        if (key === "form") return <LazyFormTab actions={formActions} />;
        const Panel = TASK_PANELS[key];
        return (
          <ServicesProvider value={current}>
            <Panel key={generation} />
          </ServicesProvider>
        );
      }}
    />
  );
}

/**
 * The add-in UI: three tasks and the form as tabs, each behind its own error boundary, with the
 * services (Excel, reader, merge) given from outside so tests can mock them, made for the active
 * form (form-context.tsx), which is named above every tab. Panels stay mounted when hidden, so a
 * merge in progress survives a look at another tab; a change of form starts the tasks afresh.
 */
export function App({
  services,
  formActions = null,
  form,
  initialTab = "template",
  lang,
}: {
  services: ServicesFor;
  /** How the Form tab makes and reads definition workbooks; null shows the form only. */
  formActions?: FormActions | null;
  /** The active form at start (default: the one remembered in localStorage). */
  form?: FormLoad;
  initialTab?: TabKey;
  lang?: Lang;
}) {
  return (
    <I18nProvider initial={lang}>
      <FormProvider initial={form}>
        <ErrorBoundary>
          <Shell initialTab={initialTab} services={services} formActions={formActions} />
        </ErrorBoundary>
      </FormProvider>
    </I18nProvider>
  );
}
