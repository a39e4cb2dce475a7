import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, tabFromSearch } from "./App";
import { NotInOffice } from "./NotInOffice";
import { DetectOptions, OfficeHostState, detectOfficeHost } from "./office-host";

/**
 * Start-up of the task pane: waits (bounded) for Office, then renders the add-in UI, or an
 * explanation when the page is not running inside Excel. Resolves once rendering was requested.
 */
export async function startTaskpane(
  container: HTMLElement,
  options: DetectOptions & { search?: string } = {}
): Promise<{ root: Root; state: OfficeHostState }> {
  const state = await detectOfficeHost(options);
  const search = options.search ?? (typeof window === "undefined" ? "" : window.location.search);
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      {state.inOffice ? <App initialTab={tabFromSearch(search)} /> : <NotInOffice reason={state.reason} />}
    </FluentProvider>
  );
  return { root, state };
}
