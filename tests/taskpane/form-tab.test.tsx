/** @jest-environment jsdom */
/**
 * The "Biểu mẫu" tab with mocked form actions: the active form shown and named above every tab,
 * the definition workbook made and read back (problems listed, a click selects the cell; without
 * problems the form becomes active and the other tabs use it), a copy for another year, the forms
 * used before, and the built-in form when the stored one no longer reads.
 */
import "./jsdom-polyfills";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { copyForYear } from "../../src/definition/copy-year";
import { builtInForm, type ResolvedForm } from "../../src/form/resolve";
import type { FormDefinition } from "../../src/form/schema";
import { App } from "../../src/taskpane/App";
import { FORM_CURRENT_KEY, FORM_DEF_PREFIX, saveActiveForm } from "../../src/taskpane/active-form";
import { STRINGS } from "../../src/taskpane/i18n";
import type { FormActions, FormProblem, FormReadResult, TaskpaneServices } from "../../src/taskpane/services";
import { mockServices } from "./mock-services";

configure({ asyncUtilTimeout: 8000 });

const vi = STRINGS.vi;
const bdg = builtInForm();

/** A small form of a commune's villages (two groups), as an officer would write it. */
function villageForm(): FormDefinition {
  return {
    ...copyForYear(bdg.definition, 2026),
    id: "XA-2026",
    units: [
      { code: "THON-1", name: "Thôn Đông", group: "Thôn", aliases: [] },
      { code: "THON-2", name: "Thôn Tây", group: "Thôn", aliases: [] },
      { code: "HOI-PN", name: "Hội Phụ nữ xã", group: "Đoàn thể", aliases: [] },
    ],
  };
}

const PROBLEM: FormProblem = {
  id: "0:Chỉ tiêu:5:6",
  message: {
    vi: "Chỉ tiêu, dòng 5, cột Loại: “so luong” không phải là loại hợp lệ",
    en: "Chỉ tiêu, row 5, column Loại: “so luong” is not a kind",
  },
  address: "F5",
  target: "'Chỉ tiêu'!F5",
};

function mockActions(results: FormReadResult[]): jest.Mocked<FormActions> & { select: jest.Mock } {
  return {
    kind: "excel",
    writeDefinition: jest.fn(async (_def: FormDefinition) => ({ fileName: null })),
    readDefinition: jest.fn(async () => {
      const next = results.shift();
      if (!next) throw new Error("no more results");
      return next;
    }),
    select: jest.fn(async (_p: FormProblem) => undefined),
  };
}

/** Services made for each form: the Template tab lists that form's units. */
function servicesFor(made: ResolvedForm[]) {
  return (form: ResolvedForm): TaskpaneServices => {
    made.push(form);
    const m = mockServices();
    return { ...m.services, template: { ...m.template, units: form.units } };
  };
}

function renderPane(
  actions: FormActions | null,
  made: ResolvedForm[] = [],
  tab: "form" | "template" = "form"
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App services={servicesFor(made)} formActions={actions} initialTab={tab} />
    </FluentProvider>
  );
}

const formLine = () => screen.getByTestId("form-line");
const panel = (key: string) => within(screen.getByTestId(`panel-${key}`));

beforeEach(() => localStorage.clear());

describe("the Form tab", () => {
  it("shows the active form and names it above every tab", async () => {
    await renderPane(mockActions([]), [], "template");
    // The Form tab's code is fetched only when the tab is first opened.
    expect(screen.queryByTestId("form-summary")).toBeNull();
    expect(formLine().textContent).toBe("Biểu mẫu: BDG-2019 v1 — hạn 01/12/2019");
    fireEvent.click(within(formLine()).getByRole("button"));
    expect(screen.getByRole("tab", { selected: true, name: "Biểu mẫu" })).toBeTruthy();
    const p = panel("form");
    await p.findByTestId("form-summary");
    expect(p.getByTestId("form-id").textContent).toBe("BDG-2019");
    expect(p.getByTestId("form-version").textContent).toBe("1");
    expect(p.getByTestId("form-year").textContent).toBe("2019");
    expect(p.getByTestId("form-deadline").textContent).toBe("01/12/2019");
    expect(p.getByTestId("form-indicators").textContent).toBe("44");
    expect(p.getByTestId("form-units").textContent).toBe("42");
    expect(p.getByTestId("form-groups").textContent).toContain("Xã, thị trấn: 24 đơn vị");
    expect(p.getByText(vi["form.builtIn"])).toBeTruthy();
    for (const key of ["template", "check", "merge"]) {
      fireEvent.click(screen.getByRole("tab", { name: STRINGS.vi[`tab.${key}` as "tab.check"] }));
      expect(formLine().textContent).toContain("BDG-2019");
    }
  });

  it("creates the definition workbook of the active form", async () => {
    const actions = mockActions([]);
    await renderPane(actions);
    fireEvent.click(screen.getByRole("button", { name: vi["form.create"] }));
    await screen.findByText(vi["form.created"].replace("{id}", "BDG-2019"));
    expect(actions.writeDefinition).toHaveBeenCalledWith(bdg.definition);
  });

  it("lists the problems (a click selects the cell), then uses the fixed form everywhere", async () => {
    const made: ResolvedForm[] = [];
    const village = villageForm();
    const actions = mockActions([
      { ok: false, problems: [PROBLEM], message: null },
      { ok: true, definition: village },
    ]);
    await renderPane(actions, made);
    fireEvent.click(screen.getByRole("button", { name: vi["form.use"] }));
    await screen.findByTestId("form-problems");
    expect(screen.getByTestId("form-problems").textContent).toContain("1 lỗi");
    const item = screen.getByTestId("form-problem");
    expect(item.textContent).toContain("“so luong” không phải là loại hợp lệ");
    expect(item.textContent).toContain("Ô F5");
    fireEvent.click(item);
    expect(actions.select).toHaveBeenCalledWith(PROBLEM);
    expect(item.getAttribute("aria-current")).toBe("true");
    expect(formLine().textContent).toContain("BDG-2019");

    fireEvent.click(screen.getByRole("button", { name: vi["form.use"] }));
    await screen.findByTestId("form-used");
    expect(screen.queryByTestId("form-problem")).toBeNull();
    expect(formLine().textContent).toBe("Biểu mẫu: XA-2026 v1 — hạn 01/12/2026");
    expect(screen.getByTestId("form-units").textContent).toBe("3");
    expect(made.at(-1)?.id).toBe("XA-2026");
    expect(JSON.parse(localStorage.getItem(FORM_CURRENT_KEY) ?? "")).toEqual({ id: "XA-2026" });
    expect(localStorage.getItem(`${FORM_DEF_PREFIX}XA-2026`)).toContain("Thôn Đông");

    // The template tab now offers the new form's units.
    fireEvent.click(screen.getByRole("tab", { name: vi["tab.template"] }));
    const combo = panel("template").getByRole("combobox");
    fireEvent.click(combo);
    await waitFor(() => expect(screen.getByRole("option", { name: "Thôn Tây" })).toBeTruthy());
    expect(screen.queryByRole("option", { name: "Xã Cao Xá" })).toBeNull();
  });

  it("says when the workbook holds no definition", async () => {
    const message = { vi: vi["form.notDefinition"], en: STRINGS.en["form.notDefinition"] };
    await renderPane(mockActions([{ ok: false, problems: [], message }]));
    fireEvent.click(screen.getByRole("button", { name: vi["form.use"] }));
    expect((await screen.findByTestId("form-not-definition")).textContent).toContain("Thông tin");
    expect(formLine().textContent).toContain("BDG-2019");
  });

  it("copies the form for another year, uses the copy and offers its definition workbook", async () => {
    const actions = mockActions([]);
    await renderPane(actions);
    const year = screen.getByTestId("copy-year") as HTMLInputElement;
    expect(year.value).toBe("2020");
    fireEvent.change(year, { target: { value: "20x6" } });
    expect(screen.getByText(vi["form.copy.bad"])).toBeTruthy();
    expect((screen.getByTestId("copy-run") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(year, { target: { value: "2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Sao chép cho năm 2026" }));
    const copied = await screen.findByTestId("form-copied");
    expect(copied.textContent).toContain("BDG-2026");
    expect(copied.textContent).toContain("01/12/2026");
    expect(formLine().textContent).toBe("Biểu mẫu: BDG-2026 v1 — hạn 01/12/2026");
    fireEvent.click(within(copied).getByRole("button", { name: vi["form.copied.create"] }));
    await screen.findByText(vi["form.created"].replace("{id}", "BDG-2026"));
    expect(actions.writeDefinition).toHaveBeenCalledWith(copyForYear(bdg.definition, 2026));
  });

  it("switches between the forms used on this computer and the built-in one", async () => {
    saveActiveForm(villageForm());
    saveActiveForm(copyForYear(bdg.definition, 2026));
    await renderPane(mockActions([]));
    expect(formLine().textContent).toContain("BDG-2026");
    const select = screen.getByTestId("form-switch") as HTMLSelectElement;
    act(() => void fireEvent.change(select, { target: { value: "XA-2026" } }));
    expect(formLine().textContent).toContain("XA-2026");
    act(() => void fireEvent.change(select, { target: { value: "" } }));
    expect(formLine().textContent).toContain("BDG-2019");
    expect(JSON.parse(localStorage.getItem(FORM_CURRENT_KEY) ?? "")).toEqual({ id: null });
  });

  it("says so when the stored form no longer reads, and uses the built-in one", async () => {
    localStorage.setItem(FORM_CURRENT_KEY, JSON.stringify({ id: "BDG-2026" }));
    localStorage.setItem(`${FORM_DEF_PREFIX}BDG-2026`, "{broken");
    await renderPane(null);
    const notice = screen.getByTestId("form-notice");
    expect(notice.textContent).toContain("Không đọc được biểu mẫu BDG-2026");
    expect(formLine().textContent).toContain("BDG-2019");
    // Without actions (no workbook to write to) the form is shown, nothing offered.
    expect(screen.queryByRole("button", { name: vi["form.create"] })).toBeNull();
    fireEvent.click(within(notice).getByRole("button", { name: vi["error.dismiss"] }));
    expect(screen.queryByTestId("form-notice")).toBeNull();
  });
});
