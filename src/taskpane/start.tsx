import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ResolvedForm } from "../form/resolve";
import { type ExcelHost, officeHost } from "../excel/host";
import { App } from "./App";
import { NotInOffice } from "./NotInOffice";
import { DetectOptions, NotInOfficeReason, OfficeHostState, detectOfficeHost } from "./office-host";
import { createOfficeServices } from "./services-office";
import { excelFormActions } from "./services-form";
import type { TaskpaneServices } from "./services";
import { tabFromSearch, type TabKey } from "./tabs";

type StartWindow = { Office?: typeof Office };

export interface StartOptions extends DetectOptions {
  search?: string;
  win?: StartWindow;
  /** Services to use instead of the real ones (tests), made for the active form. */
  services?: (host: ExcelHost, form: ResolvedForm) => TaskpaneServices;
  /**
   * The Excel host to use when office.js loaded but reports no host (the page is not inside
   * Excel); never used inside Excel. The production entry (index.tsx) passes none, and the page
   * then starts its browser mode; the end-to-end entry (tests/e2e/pane-entry.ts) passes the
   * recording fake.
   */
  host?: ExcelHost;
}

export type PaneMode = "excel" | "browser" | "not-in-office";

function excelPane(host: ExcelHost, tab: TabKey, options: StartOptions) {
  const make = options.services ?? createOfficeServices;
  return (
    <FluentProvider theme={webLightTheme}>
      <App services={(form) => make(host, form)} formActions={excelFormActions(host)} initialTab={tab} />
    </FluentProvider>
  );
}

/**
 * Outside Excel: the browser mode, its own chunk (the add-in inside Excel never fetches it). When
 * the chunk cannot be fetched (offline before the page was ever cached), the explanation of old.
 */
async function browserPane(root: Root, reason: NotInOfficeReason, tab: TabKey): Promise<PaneMode> {
  try {
    const { BrowserApp } = await import(/* webpackChunkName: "browser" */ "./browser/BrowserApp");
    root.render(
      <FluentProvider theme={webLightTheme}>
        <BrowserApp reason={reason} initialTab={tab} />
      </FluentProvider>
    );
    return "browser";
  } catch {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <NotInOffice reason={reason} browserFailed />
      </FluentProvider>
    );
    return "not-in-office";
  }
}

/**
 * Start-up of the page: waits (bounded) for Office, then renders the add-in inside Excel, or the
 * browser mode (the same tasks on files) anywhere else — office.js missing (offline, blocked),
 * no host (a plain browser), or no answer in time. When Excel answers after the timeout, the
 * add-in replaces the browser mode. Resolves once rendering was requested.
 */
export async function startTaskpane(
  container: HTMLElement,
  options: StartOptions = {}
): Promise<{ root: Root; state: OfficeHostState; host: ExcelHost | null; mode: PaneMode }> {
  const win: StartWindow = options.win ?? (typeof window === "undefined" ? {} : (window as StartWindow));
  const state = await detectOfficeHost({ ...options, win });
  const search = options.search ?? (typeof window === "undefined" ? "" : window.location.search);
  const tab = tabFromSearch(search);
  let host: ExcelHost | null = null;
  if (state.inOffice) host = officeHost();
  else if (state.reason === "no-host" && options.host) host = options.host;

  const root = createRoot(container);
  if (host) {
    root.render(excelPane(host, tab, options));
    return { root, state, host, mode: "excel" };
  }
  const reason = state.inOffice ? "no-host" : state.reason;
  const mode = await browserPane(root, reason, tab);
  if (reason === "timeout") {
    // Excel may answer late (a slow start): then the add-in takes the page over.
    win.Office?.onReady()
      .then((info) => {
        if (info?.host) root.render(excelPane(officeHost(), tab, options));
      })
      .catch(() => undefined);
  }
  return { root, state, host, mode };
}
