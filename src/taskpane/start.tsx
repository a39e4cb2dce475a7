import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ResolvedForm } from "../form/resolve";
import { type ExcelHost, officeHost } from "../excel/host";
import { App, tabFromSearch } from "./App";
import { NotInOffice } from "./NotInOffice";
import { DetectOptions, OfficeHostState, detectOfficeHost } from "./office-host";
import { createOfficeServices } from "./services-office";
import { excelFormActions } from "./services-form";
import type { TaskpaneServices } from "./services";

type StartWindow = { Office?: typeof Office };

export interface StartOptions extends DetectOptions {
  search?: string;
  win?: StartWindow;
  /** Services to use instead of the real ones (tests), made for the active form. */
  services?: (host: ExcelHost, form: ResolvedForm) => TaskpaneServices;
  /**
   * The Excel host to use when office.js loaded but reports no host (the page is not inside
   * Excel); never used inside Excel. The production entry (index.tsx) passes none; the end-to-end
   * entry (tests/e2e/pane-entry.tsx) passes the recording fake.
   */
  host?: ExcelHost;
}

/**
 * Start-up of the task pane: waits (bounded) for Office, then renders the add-in UI, or an
 * explanation when the page is not running inside Excel. Resolves once rendering was requested.
 */
export async function startTaskpane(
  container: HTMLElement,
  options: StartOptions = {}
): Promise<{ root: Root; state: OfficeHostState; host: ExcelHost | null }> {
  const win: StartWindow = options.win ?? (typeof window === "undefined" ? {} : (window as StartWindow));
  const state = await detectOfficeHost({ ...options, win });
  const search = options.search ?? (typeof window === "undefined" ? "" : window.location.search);
  let host: ExcelHost | null = null;
  if (state.inOffice) host = officeHost();
  else if (state.reason === "no-host" && options.host) host = options.host;

  const root = createRoot(container);
  const make = options.services ?? createOfficeServices;
  root.render(
    <FluentProvider theme={webLightTheme}>
      {host ? (
        <App
          services={(form) => make(host, form)}
          formActions={excelFormActions(host)}
          initialTab={tabFromSearch(search)}
        />
      ) : (
        <NotInOffice reason={state.inOffice ? "no-host" : state.reason} />
      )}
    </FluentProvider>
  );
  return { root, state, host };
}
