/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { act, screen, waitFor } from "@testing-library/react";
import { mockServices } from "./mock-services";
import { BROWSER_MODE_FAILED, NOT_IN_OFFICE_TEXT, detectOfficeHost } from "../../src/taskpane/office-host";
import { NotInOffice } from "../../src/taskpane/NotInOffice";
import { BROWSER_STRINGS } from "../../src/taskpane/browser/strings";
import { render } from "@testing-library/react";
import { startTaskpane } from "../../src/taskpane/start";

type FakeOffice = {
  onReady: () => Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }>;
};

function fakeWin(onReady: FakeOffice["onReady"]): { Office?: typeof Office } {
  return { Office: { onReady } as unknown as typeof Office };
}

// office.js's enums hold these strings at run time (Office.HostType.Excel === "Excel").
const EXCEL = "Excel" as unknown as Office.HostType;
const PC = "PC" as unknown as Office.PlatformType;

const STATIC_FALLBACK = "<p>Đang tải… (static fallback)</p>";

describe("detectOfficeHost", () => {
  it("reports office.js missing when window.Office is undefined", async () => {
    await expect(detectOfficeHost({ win: {} })).resolves.toEqual({
      inOffice: false,
      reason: "office-js-missing",
    });
  });

  it("reports no host when Office.onReady resolves without a host (plain browser)", async () => {
    const win = fakeWin(async () => ({ host: null, platform: null }));
    await expect(detectOfficeHost({ win })).resolves.toEqual({ inOffice: false, reason: "no-host" });
  });

  it("gives up after the timeout when Office.onReady never resolves", async () => {
    const win = fakeWin(() => new Promise(() => undefined));
    await expect(detectOfficeHost({ win, timeoutMs: 30 })).resolves.toEqual({
      inOffice: false,
      reason: "timeout",
    });
  });

  it("reports the host inside Excel", async () => {
    const win = fakeWin(async () => ({
      host: EXCEL,
      platform: PC,
    }));
    await expect(detectOfficeHost({ win })).resolves.toEqual({
      inOffice: true,
      host: "Excel",
      platform: "PC",
    });
  });
});

describe("startTaskpane", () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;

  beforeEach(() => {
    container = document.createElement("div");
    container.id = "root";
    container.innerHTML = STATIC_FALLBACK;
    document.body.appendChild(container);
  });

  afterEach(() => {
    if (unmount) act(() => unmount?.());
    unmount = undefined;
    container.remove();
  });

  it("starts the browser mode when office.js is absent (offline, blocked CDN), saying why", async () => {
    expect((window as { Office?: unknown }).Office).toBeUndefined();
    await act(async () => {
      const { root, state, mode } = await startTaskpane(container);
      unmount = () => root.unmount();
      expect(state).toEqual({ inOffice: false, reason: "office-js-missing" });
      expect(mode).toBe("browser");
    });
    const banner = await screen.findByTestId("browser-banner");
    expect(banner.getAttribute("data-reason")).toBe("office-js-missing");
    expect(banner.textContent).toContain(BROWSER_STRINGS.vi["browser.title"]);
    expect(banner.textContent).toContain(BROWSER_STRINGS.vi["browser.reason.office-js-missing"]);
    expect(screen.getAllByRole("tab")).toHaveLength(4);
    expect(screen.queryByTestId("not-in-office")).toBeNull();
    expect(container.innerHTML).not.toContain("static fallback");
  });

  it("starts the browser mode in a plain browser (onReady without host), on the tab asked by ?tab=", async () => {
    const win = fakeWin(async () => ({ host: null, platform: null }));
    await act(async () => {
      const { root, mode } = await startTaskpane(container, { win, search: "?tab=merge" });
      unmount = () => root.unmount();
      expect(mode).toBe("browser");
    });
    const banner = await screen.findByTestId("browser-banner");
    expect(banner.getAttribute("data-reason")).toBe("no-host");
    expect(banner.textContent).not.toContain(BROWSER_STRINGS.vi["browser.reason.office-js-missing"]);
    expect(screen.getByRole("tab", { selected: true, name: "Tổng hợp" })).toBeTruthy();
    expect(screen.getByRole("button", { name: BROWSER_STRINGS.vi["bmerge.pick"] })).toBeTruthy();
  });

  it("switches from the browser mode to the add-in when Excel answers after the timeout", async () => {
    let answer: (v: { host: Office.HostType; platform: null }) => void = () => undefined;
    const late = new Promise<{ host: Office.HostType; platform: null }>((r) => (answer = r));
    const win = fakeWin(() => late);
    await act(async () => {
      const { root, state, mode } = await startTaskpane(container, {
        win,
        timeoutMs: 10,
        services: () => mockServices().services,
      });
      unmount = () => root.unmount();
      expect(state).toEqual({ inOffice: false, reason: "timeout" });
      expect(mode).toBe("browser");
    });
    expect((await screen.findByTestId("browser-banner")).getAttribute("data-reason")).toBe("timeout");
    await act(async () => answer({ host: EXCEL, platform: null }));
    await waitFor(() => expect(screen.queryByTestId("browser-banner")).toBeNull());
    expect(screen.getAllByRole("tab")).toHaveLength(4);
  });

  it("renders the add-in with its tabs inside Excel, opening the tab asked by ?tab=", async () => {
    const win = fakeWin(async () => ({ host: EXCEL, platform: null }));
    await act(async () => {
      const { root, mode } = await startTaskpane(container, { win, search: "?tab=check" });
      unmount = () => root.unmount();
      expect(mode).toBe("excel");
    });
    expect(screen.queryByTestId("not-in-office")).toBeNull();
    expect(screen.queryByTestId("browser-banner")).toBeNull();
    expect(screen.getByRole("heading", { name: "Báo cáo bình đẳng giới" })).toBeTruthy();
    expect(screen.getAllByRole("tab")).toHaveLength(4);
    for (const label of ["Mẫu báo cáo", "Kiểm tra", "Tổng hợp", "Biểu mẫu"]) {
      expect(screen.getByRole("tab", { name: label })).toBeTruthy();
    }
    expect(screen.getByRole("tab", { selected: true, name: "Kiểm tra" })).toBeTruthy();
  });
});

describe("startTaskpane with a stand-in Excel host", () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;

  beforeEach(() => {
    container = document.createElement("div");
    document.body.appendChild(container);
  });

  afterEach(() => {
    if (unmount) act(() => unmount?.());
    unmount = undefined;
    container.remove();
  });

  const standIn = {
    run: async () => {
      throw new Error("not used");
    },
    createWorkbook: async () => undefined,
    isSetSupported: () => true,
  };

  it("uses the given host when Office reports no host", async () => {
    const win = fakeWin(async () => ({ host: null, platform: null }));
    await act(async () => {
      const { root, host } = await startTaskpane(container, { win, host: standIn, search: "?tab=merge" });
      unmount = () => root.unmount();
      expect(host).toBe(standIn);
    });
    expect(screen.queryByTestId("not-in-office")).toBeNull();
    expect(screen.getByRole("tab", { selected: true, name: "Tổng hợp" })).toBeTruthy();
  });

  it("ignores the given host when office.js did not load at all: the browser mode starts", async () => {
    await act(async () => {
      const { root, host, mode } = await startTaskpane(container, { win: {}, host: standIn });
      unmount = () => root.unmount();
      expect(host).toBeNull();
      expect(mode).toBe("browser");
    });
    expect((await screen.findByTestId("browser-banner")).getAttribute("data-reason")).toBe(
      "office-js-missing"
    );
  });
});

describe("NotInOffice", () => {
  it("explains, Vietnamese then English, when the browser mode could not be loaded either", () => {
    render(<NotInOffice reason="office-js-missing" browserFailed />);
    const alert = screen.getByTestId("not-in-office");
    const text = alert.textContent ?? "";
    expect(text).toContain(NOT_IN_OFFICE_TEXT.vi);
    expect(text).toContain(BROWSER_MODE_FAILED.vi);
    expect(text.indexOf(BROWSER_MODE_FAILED.vi)).toBeLessThan(text.indexOf(BROWSER_MODE_FAILED.en));
  });
});
