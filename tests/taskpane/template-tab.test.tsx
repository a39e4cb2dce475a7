/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STRINGS } from "../../src/taskpane/i18n";
import { UserError } from "../../src/taskpane/services";
import { mockServices } from "./mock-services";
import { renderApp } from "./render";

const vi = STRINGS.vi;

beforeEach(() => localStorage.clear());

describe("Template tab", () => {
  it("tells a first-time officer what to do, with a blank unit by default", () => {
    renderApp(mockServices().services);
    const panel = screen.getByTestId("panel-template");
    expect(within(panel).getByText(vi["template.intro"])).toBeTruthy();
    const combo = within(panel).getByRole("combobox", {
      name: vi["template.unit.label"],
    }) as HTMLInputElement;
    expect(combo.value).toBe("");
    expect(combo.getAttribute("placeholder")).toBe(vi["template.unit.placeholder"]);
    expect(within(panel).getByLabelText(vi["template.password.label"])).toBeTruthy();
  });

  it("the unit list's arrow is out of the tab order and named in the pane's language", () => {
    renderApp(mockServices().services);
    const panel = screen.getByTestId("panel-template");
    const arrow = within(panel).getByRole("button", { name: vi["template.unit.open"] });
    expect(arrow.getAttribute("tabindex")).toBe("-1");
    expect(within(panel).queryByRole("button", { name: /^Open/ })).toBeNull();
  });

  it("warns what a password means for the units", () => {
    renderApp(mockServices().services);
    expect(screen.queryByText(vi["template.password.warn"])).toBeNull();
    fireEvent.change(screen.getByLabelText(vi["template.password.label"]), { target: { value: "mk" } });
    expect(screen.getByText(vi["template.password.warn"])).toBeTruthy();
  });

  it("makes a blank template in a new workbook", async () => {
    const m = mockServices();
    renderApp(m.services);
    fireEvent.click(screen.getByRole("button", { name: vi["template.new"] }));
    await waitFor(() => expect(screen.getByText(vi["template.done.new"])).toBeTruthy());
    expect(m.template.createWorkbook).toHaveBeenCalledWith({ unitCode: null, password: "" });
  });

  it("filters the registry by typed text without diacritics and inserts for the chosen unit", async () => {
    const m = mockServices();
    renderApp(m.services);
    const combo = screen.getByRole("combobox", { name: vi["template.unit.label"] });
    act(() => combo.focus());
    fireEvent.click(combo);
    fireEvent.change(combo, { target: { value: "cao xa" } });
    const option = await screen.findByRole("option", { name: "Xã Cao Xá" });
    expect(screen.queryByRole("option", { name: "Xã Ngọc Vân" })).toBeNull();
    fireEvent.click(option);
    expect((combo as HTMLInputElement).value).toBe("Xã Cao Xá");
    fireEvent.change(screen.getByLabelText(vi["template.password.label"]), { target: { value: "bí mật" } });
    fireEvent.click(screen.getByRole("button", { name: vi["template.insert"] }));
    await waitFor(() =>
      expect(screen.getByText(vi["template.done.insert"].replace("{sheets}", "“Báo cáo”"))).toBeTruthy()
    );
    expect(m.template.insertIntoCurrent).toHaveBeenCalledWith({ unitCode: "XA-CAO-XA", password: "bí mật" });
  });

  it("shows a service error as a message bar, in the chosen language", async () => {
    const m = mockServices();
    m.template.createWorkbook.mockRejectedValueOnce(
      new UserError({ vi: "Excel này không tạo được sổ mới.", en: "This Excel cannot create workbooks." })
    );
    renderApp(m.services, { lang: "en" });
    fireEvent.click(screen.getByRole("button", { name: STRINGS.en["template.new"] }));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("This Excel cannot create workbooks.");
    fireEvent.click(within(bar).getByRole("button", { name: STRINGS.en["error.dismiss"] }));
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });
});
