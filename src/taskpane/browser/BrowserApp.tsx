import * as React from "react";
import type { ResolvedForm } from "../../form/resolve";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CloudCheckmarkRegular } from "@fluentui/react-icons";
import { ErrorBoundary } from "../ErrorBoundary";
import { FormProvider, useActiveForm } from "../form-context";
import { LazyFormTab } from "../LazyFormTab";
import { I18nProvider, type Lang } from "../i18n";
import { useBrowserText } from "./strings";
import type { NotInOfficeReason } from "../office-host";
import { PaneFrame } from "../PaneFrame";
import type { TabKey } from "../tabs";
import { BrowserCheckTab } from "./BrowserCheckTab";
import { BrowserMergeTab } from "./BrowserMergeTab";
import { BrowserTemplateTab } from "./BrowserTemplateTab";
import { createFileServices, saveDownload, type Download, type FileServices } from "./file-services";
import { registerServiceWorker } from "./offline";

const useStyles = makeStyles({
  // A browser window is wider than a task pane: the page keeps a readable width, centred.
  page: { maxWidth: "760px", marginLeft: "auto", marginRight: "auto" },
  ready: { display: "flex", gap: "4px", alignItems: "center", color: tokens.colorPaletteGreenForeground1 },
});

/** "Đang chạy ngoài Excel": what this page is here, why (when office.js is missing), and whether it works offline. */
function Banner({ reason, offlineReady }: { reason: NotInOfficeReason; offlineReady: boolean }) {
  const styles = useStyles();
  const tb = useBrowserText();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="browser-banner" data-reason={reason}>
      <MessageBarBody>
        <MessageBarTitle>{tb("browser.title")}</MessageBarTitle> {tb("browser.banner")}
        {reason !== "no-host" && <div>{tb(`browser.reason.${reason}`)}</div>}
        {offlineReady && (
          <Caption1 block className={styles.ready} data-testid="offline-ready">
            <CloudCheckmarkRegular aria-hidden />
            {tb("browser.offlineReady")}
          </Caption1>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface BrowserAppProps {
  reason: NotInOfficeReason;
  initialTab?: TabKey;
  lang?: Lang;
  /** The services for a form (tests pass mocks); default: the real ones on files. */
  services?: (form: ResolvedForm) => FileServices;
  /** How a made file reaches the officer (default: the browser's download). */
  save?: (d: Download) => void;
  /** Register the offline worker (default true; tests turn it off). */
  offline?: boolean;
}

function BrowserShell(props: Required<Omit<BrowserAppProps, "lang">>) {
  const styles = useStyles();
  const { form, generation } = useActiveForm();
  const { services: make, save } = props;
  const services = React.useMemo(() => make(form), [make, form]);
  const [offlineReady, setOfflineReady] = React.useState(false);
  React.useEffect(() => {
    if (!props.offline) return;
    let live = true;
    void registerServiceWorker().then((ok) => live && setOfflineReady(ok));
    return () => {
      live = false;
    };
  }, [props.offline]);
  return (
    <div className={styles.page} data-testid="browser-mode">
      <PaneFrame
        initialTab={props.initialTab}
        banner={<Banner reason={props.reason} offlineReady={offlineReady} />}
        panel={(key) => {
          switch (key) {
            case "template":
              return <BrowserTemplateTab key={generation} services={services} save={save} />;
            case "check":
              return <BrowserCheckTab key={generation} services={services} />;
            case "merge":
              return <BrowserMergeTab key={generation} services={services} save={save} />;
            case "form":
              return <LazyFormTab actions={services.form} />;
          }
        }}
      />
    </div>
  );
}

/**
 * The page outside Excel (any modern browser, no Office): the same tasks on files — templates to
 * download, a returned file to check, returned files to merge into a summary to download, a
 * definition file to use as the form — all on this computer. Loaded as its own chunk: the add-in
 * inside Excel never fetches it.
 */
export function BrowserApp({
  reason,
  initialTab = "template",
  lang,
  services,
  save = saveDownload,
  offline = true,
}: BrowserAppProps) {
  const make = React.useMemo(
    () => services ?? ((f: ResolvedForm) => createFileServices(f, save)),
    [services, save]
  );
  return (
    <I18nProvider initial={lang}>
      <FormProvider>
        <ErrorBoundary>
          <BrowserShell
            reason={reason}
            initialTab={initialTab}
            services={make}
            save={save}
            offline={offline}
          />
        </ErrorBoundary>
      </FormProvider>
    </I18nProvider>
  );
}
