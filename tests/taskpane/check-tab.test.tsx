/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STRINGS } from "../../src/taskpane/i18n";
import type { CheckResult } from "../../src/taskpane/services";
import { FOUND, mockServices } from "./mock-services";
import { renderApp } from "./render";

const vi = STRINGS.vi;

beforeEach(() => localStorage.clear());

describe("Check tab", () => {
  it("explains what to do before the first check", () => {
    renderApp(mockServices().services, { tab: "check" });
    const panel = screen.getByTestId("panel-check");
    expect(within(panel).getByText(vi["check.intro"])).toBeTruthy();
    expect(within(panel).queryByTestId("issue-list")).toBeNull();
    expect(within(panel).getByTestId("check-status").getAttribute("aria-live")).toBe("polite");
  });

  it("shows counts and the issue list; click and Enter select the cell", async () => {
    const m = mockServices();
    renderApp(m.services, { tab: "check" });
    fireEvent.click(screen.getByRole("button", { name: vi["check.run"] }));
    const list = await screen.findByTestId("issue-list");
    expect(screen.getByTestId("check-summary").textContent).toContain("1 lỗi");
    expect(screen.getByTestId("check-summary").textContent).toContain("1 cảnh báo");
    const items = within(list).getAllByRole("button");
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain("Số nữ lớn hơn tổng số");
    expect(items[0].textContent).toContain("Ô E14");
    expect(within(items[0]).getByRole("img", { name: vi["check.severity.error"] })).toBeTruthy();
    expect(within(items[1]).getByRole("img", { name: vi["check.severity.warning"] })).toBeTruthy();

    fireEvent.click(items[0]);
    await waitFor(() => expect(m.check.select).toHaveBeenCalledWith(FOUND.issues[0]));
    expect(items[0].getAttribute("aria-current")).toBe("true");

    // Keyboard: the rows are native buttons, so Tab reaches them and Enter activates them.
    act(() => items[1].focus());
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1], { key: "Enter" });
    fireEvent.click(items[1]); // what the browser does for Enter on a <button>
    await waitFor(() => expect(m.check.select).toHaveBeenLastCalledWith(FOUND.issues[1]));
  });

  it("says so when the workbook holds no report, and when the report is clean", async () => {
    const m = mockServices();
    m.check.run.mockResolvedValueOnce({ found: false });
    m.check.run.mockResolvedValueOnce({ found: true, sheet: "Báo cáo", errors: 0, warnings: 0, issues: [] });
    renderApp(m.services, { tab: "check" });
    fireEvent.click(screen.getByRole("button", { name: vi["check.run"] }));
    expect((await screen.findByTestId("check-not-report")).textContent).toContain(vi["check.notReport"]);
    fireEvent.click(screen.getByRole("button", { name: vi["check.run"] }));
    expect((await screen.findByTestId("check-ok")).textContent).toContain(vi["check.ok"]);
  });

  it("re-checks live while the switch is on and stops watching when turned off", async () => {
    const m = mockServices();
    let push: ((r: CheckResult) => void) | undefined;
    const stop = jest.fn(async () => undefined);
    m.check.watch.mockImplementation(async (onResult) => {
      push = onResult;
      return stop;
    });
    m.check.run.mockResolvedValue({ found: true, sheet: "Báo cáo", errors: 0, warnings: 0, issues: [] });
    renderApp(m.services, { tab: "check" });
    const live = screen.getByRole("switch", { name: vi["check.live"] });
    fireEvent.click(live);
    await waitFor(() => expect(m.check.watch).toHaveBeenCalledTimes(1));
    expect(m.check.run).toHaveBeenCalledTimes(1);
    await screen.findByTestId("check-ok");
    act(() => push?.(FOUND));
    expect(await screen.findByTestId("issue-list")).toBeTruthy();
    fireEvent.click(live);
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  it("on a locked sheet shows the whole list and one line saying why the cells are not coloured", async () => {
    const m = mockServices();
    m.check.run.mockResolvedValueOnce({ ...FOUND, marks: "protected" });
    renderApp(m.services, { tab: "check" });
    fireEvent.click(screen.getByRole("button", { name: vi["check.run"] }));
    const list = await screen.findByTestId("issue-list");
    expect(within(list).getAllByRole("button")).toHaveLength(2);
    expect(screen.getByTestId("check-protected").textContent).toBe(vi["check.protected"]);
    expect(screen.getByTestId("check-status").contains(screen.getByTestId("check-protected"))).toBe(true);
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });

  it("shows the warnings count in the warning colour, as the warning icons", async () => {
    renderApp(mockServices().services, { tab: "check" });
    fireEvent.click(screen.getByRole("button", { name: vi["check.run"] }));
    const summary = await screen.findByTestId("check-summary");
    const badges = Array.from(summary.querySelectorAll(".fui-Badge"));
    expect(badges.map((b) => b.textContent)).toEqual(["1", "1"]);
    expect(badges.map((b) => b.getAttribute("data-color"))).toEqual(["danger", "warning"]);
  });

  it("one status at a time: clearing the colours replaces the summary; the list stays", async () => {
    renderApp(mockServices().services, { tab: "check" });
    fireEvent.click(screen.getByRole("button", { name: vi["check.run"] }));
    await screen.findByTestId("issue-list");
    fireEvent.click(screen.getByRole("button", { name: vi["check.clear"] }));
    await screen.findByText(vi["check.cleared"]);
    expect(screen.queryByTestId("check-summary")).toBeNull();
    expect(screen.getByTestId("issue-list")).toBeTruthy();
  });

  it("clears marks and reports errors as a message bar", async () => {
    const m = mockServices();
    m.check.clearMarks.mockRejectedValueOnce(new Error("sheet is protected"));
    renderApp(m.services, { tab: "check" });
    fireEvent.click(screen.getByRole("button", { name: vi["check.clear"] }));
    expect((await screen.findByTestId("error-bar")).textContent).toContain("sheet is protected");
    fireEvent.click(screen.getByRole("button", { name: vi["check.clear"] }));
    expect(await screen.findByText(vi["check.cleared"])).toBeTruthy();
    expect(m.check.clearMarks).toHaveBeenCalledTimes(2);
  });
});
