/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { act, screen } from "@testing-library/react";
import { NOT_IN_OFFICE_TEXT, detectOfficeHost } from "../../src/taskpane/office-host";
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

  it("renders the Vietnamese/English explanation when Office is absent", async () => {
    expect((window as { Office?: unknown }).Office).toBeUndefined();
    await act(async () => {
      const { root, state } = await startTaskpane(container);
      unmount = () => root.unmount();
      expect(state).toEqual({ inOffice: false, reason: "office-js-missing" });
    });
    const alert = screen.getByTestId("not-in-office");
    expect(alert.getAttribute("data-reason")).toBe("office-js-missing");
    expect(screen.getByText(NOT_IN_OFFICE_TEXT.vi)).toBeTruthy();
    expect(screen.getByText(NOT_IN_OFFICE_TEXT.en)).toBeTruthy();
    expect(container.innerHTML).not.toContain("static fallback");
  });

  it("renders the explanation when opened in a plain browser (onReady without host)", async () => {
    const win = fakeWin(async () => ({ host: null, platform: null }));
    await act(async () => {
      const { root } = await startTaskpane(container, { win });
      unmount = () => root.unmount();
    });
    expect(screen.getByTestId("not-in-office").getAttribute("data-reason")).toBe("no-host");
    expect(screen.getByText(NOT_IN_OFFICE_TEXT.vi)).toBeTruthy();
  });

  it("renders the add-in with its three tabs inside Excel, opening the tab asked by ?tab=", async () => {
    const win = fakeWin(async () => ({ host: EXCEL, platform: null }));
    await act(async () => {
      const { root } = await startTaskpane(container, { win, search: "?tab=check" });
      unmount = () => root.unmount();
    });
    expect(screen.queryByTestId("not-in-office")).toBeNull();
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

  it("ignores the given host when office.js did not load at all", async () => {
    await act(async () => {
      const { root, host } = await startTaskpane(container, { win: {}, host: standIn });
      unmount = () => root.unmount();
      expect(host).toBeNull();
    });
    expect(screen.getByTestId("not-in-office").getAttribute("data-reason")).toBe("office-js-missing");
  });
});
