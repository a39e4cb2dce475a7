/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { LANG_STORAGE_KEY, STRINGS, loadLang } from "../../src/taskpane/i18n";
import { mockServices } from "./mock-services";
import { renderApp } from "./render";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

beforeEach(() => localStorage.clear());

describe("strings", () => {
  it("has every string in both languages, non-empty, with the same placeholders", () => {
    const keys = Object.keys(STRINGS.vi);
    expect(Object.keys(STRINGS.en).sort()).toEqual([...keys].sort());
    for (const k of keys as (keyof typeof STRINGS.vi)[]) {
      expect(STRINGS.vi[k].trim()).not.toBe("");
      expect(STRINGS.en[k].trim()).not.toBe("");
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(STRINGS.en[k])).toEqual(ph(STRINGS.vi[k]));
    }
  });

  it("uses Vietnamese diacritics and the official terms", () => {
    expect(STRINGS.vi["tab.template"]).toBe("Mẫu báo cáo");
    expect(STRINGS.vi["tab.check"]).toBe("Kiểm tra");
    expect(STRINGS.vi["tab.merge"]).toBe("Tổng hợp");
    expect(STRINGS.vi["template.new"]).toBe("Tạo sổ mới");
    expect(STRINGS.vi["template.insert"]).toBe("Chèn vào sổ đang mở");
    expect(STRINGS.vi["check.run"]).toBe("Kiểm tra ngay");
    expect(STRINGS.vi["check.clear"]).toBe("Xóa tô màu");
    // No decomposed (NFD) text: every string is in composed form, as typed by Vietnamese keyboards.
    for (const s of Object.values(STRINGS.vi)) expect(s).toBe(s.normalize("NFC"));
  });

  it("defaults to Vietnamese and reads the remembered language", () => {
    expect(loadLang(null)).toBe("vi");
    expect(loadLang({ getItem: () => "en" })).toBe("en");
    expect(loadLang({ getItem: () => "fr" })).toBe("vi");
    expect(
      loadLang({
        getItem: () => {
          throw new Error("denied");
        },
      })
    ).toBe("vi");
  });
});

describe("App", () => {
  it("shows the three tasks and the form as tabs, Vietnamese by default, opening the requested tab", () => {
    renderApp(mockServices().services, { tab: "merge" });
    expect(screen.getByRole("heading", { level: 1, name: "Báo cáo bình đẳng giới" })).toBeTruthy();
    expect(screen.getAllByRole("tab")).toHaveLength(4);
    for (const name of ["Mẫu báo cáo", "Kiểm tra", "Tổng hợp", "Biểu mẫu"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByRole("tab", { selected: true, name: "Tổng hợp" })).toBeTruthy();
    const panel = screen.getByRole("tabpanel");
    expect(panel.getAttribute("aria-labelledby")).toBe("tab-merge");
    expect(within(panel).getByText(STRINGS.vi["merge.empty"])).toBeTruthy();
  });

  it("switches to English and remembers it in localStorage", () => {
    const { unmount } = renderApp(mockServices().services);
    fireEvent.click(screen.getByTestId("lang-switch"));
    for (const name of ["Report template", "Check", "Consolidate", "Form"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    unmount();

    renderApp(mockServices().services);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Gender equality report");
    fireEvent.click(screen.getByTestId("lang-switch"));
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe("vi");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Báo cáo bình đẳng giới");
  });

  it("moves between tabs with the keyboard and keeps hidden panels' state", () => {
    renderApp(mockServices().services);
    const tab = screen.getByRole("tab", { name: "Kiểm tra" });
    act(() => tab.focus());
    fireEvent.click(tab);
    expect(screen.getByRole("tab", { selected: true, name: "Kiểm tra" })).toBeTruthy();
    expect(screen.getByTestId("panel-template").hidden).toBe(true);
    expect(screen.getByTestId("panel-check").hidden).toBe(false);
  });
});

describe("ErrorBoundary", () => {
  function Boom({ when }: { when: { fail: boolean } }): React.JSX.Element {
    if (when.fail) throw new Error("kaboom");
    return <p>ok now</p>;
  }

  it("shows a message with the detail instead of a blank pane, and retries", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const when = { fail: true };
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Boom when={when} />
        </ErrorBoundary>
      </FluentProvider>
    );
    const alert = screen.getByTestId("error-boundary");
    expect(alert.textContent).toContain(STRINGS.vi["error.title"]);
    expect(alert.textContent).toContain("kaboom");
    when.fail = false;
    fireEvent.click(screen.getByRole("button", { name: STRINGS.vi["error.retry"] }));
    expect(screen.getByText("ok now")).toBeTruthy();
    spy.mockRestore();
  });

  it("keeps the other tabs usable when one task crashes", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const mocks = mockServices();
    // A service object that throws when the Template tab reads the registry.
    Object.defineProperty(mocks.template, "units", {
      get() {
        throw new Error("registry broke");
      },
    });
    renderApp(mocks.services);
    expect(within(screen.getByTestId("panel-template")).getByTestId("error-boundary").textContent).toContain(
      "registry broke"
    );
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    expect(screen.getByRole("button", { name: STRINGS.vi["check.run"] })).toBeTruthy();
    spy.mockRestore();
  });
});
