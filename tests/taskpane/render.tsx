/** Renders the task pane with mocked services inside a FluentProvider. */
import { configure, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, TabKey } from "../../src/taskpane/App";
import type { Lang } from "../../src/taskpane/i18n";
import type { TaskpaneServices } from "../../src/taskpane/services";

// The machine running CI is small and runs test files in parallel: give async queries time.
configure({ asyncUtilTimeout: 8000 });

export function renderApp(services: TaskpaneServices, options: { tab?: TabKey; lang?: Lang } = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} initialTab={options.tab} lang={options.lang} />
    </FluentProvider>
  );
}
