import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import { useI18n } from "./i18n";
import type { FormActions } from "./services";

/** The Form tab's code, fetched the first time the tab is opened (its own chunk): it is set up once a year. */
const FormTab = React.lazy(() =>
  import(/* webpackChunkName: "form-tab" */ "./FormTab").then((m) => ({ default: m.FormTab }))
);

export function LazyFormTab({ actions }: { actions: FormActions | null }) {
  const { t } = useI18n();
  return (
    <React.Suspense fallback={<Spinner size="tiny" label={t("form.loading")} />}>
      <FormTab actions={actions} />
    </React.Suspense>
  );
}
