/** @jest-environment jsdom */
/**
 * The browser mode (src/taskpane/browser/) with mocked file services: the banner, the same tabs
 * and form line as the add-in, templates downloaded (one, all as a .zip with progress), a file
 * checked, files merged (results by unit from the real merger over synthetic reads, the summary
 * downloaded), and the Form tab on files (definition downloaded, a picked definition used or its
 * problems listed without cells to select).
 */
import "./jsdom-polyfills";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { builtInForm, type ResolvedForm } from "../../src/form/resolve";
import type { Unit } from "../../src/form/schema";
import { mergeReports } from "../../src/merge/merger";
import type { Submission } from "../../src/merge/types";
import { BrowserApp } from "../../src/taskpane/browser/BrowserApp";
import {
  XLSX_TYPE,
  ZIP_TYPE,
  fileCheck,
  type Download,
  type FileServices,
} from "../../src/taskpane/browser/file-services";
import { BROWSER_STRINGS } from "../../src/taskpane/browser/strings";
import type { NotInOfficeReason } from "../../src/taskpane/office-host";
import { STRINGS } from "../../src/taskpane/i18n";
import type { FormActions, FormReadResult, MergeSession } from "../../src/taskpane/services";
import { rejectedRead, reportRead } from "../merge/helpers";

configure({ asyncUtilTimeout: 8000 });

const b = BROWSER_STRINGS.vi;
const form = builtInForm();
const unit = (code: string): Unit => form.units.find((u) => u.code === code) as Unit;
const female = form.byCode.get("I.2")?.cells[1].name as string;

/** What each file name reads as (synthetic reads: no workbook files needed). */
const READS = {
  "b-cao-xa.xlsx": () => reportRead(form, unit("XA-CAO-XA"), { seed: 3 }),
  "a-ngoc-thien.xlsx": () => reportRead(form, unit("XA-NGOC-THIEN"), { seed: 4, date: "2019-12-09" }),
  "c-lien-son.xlsx": () =>
    reportRead(form, unit("XA-LIEN-SON"), { seed: 5, set: { [female]: { type: "number", value: 1e6 } } }),
  "ghi-chu.xlsx": () => rejectedRead("notSpreadsheet"),
} as const;

function session(f: ResolvedForm, order: string[]): MergeSession {
  const subs: Submission[] = [];
  const all = () => mergeReports(f, subs, { today: "2019-12-10" });
  return {
    add: jest.fn(async (file) => {
      order.push(file.name);
      const read = READS[file.name as keyof typeof READS]();
      subs.push({ file: file.name, modified: 0, read });
      const v = all().files.find((x) => x.file === file.name);
      return {
        verdict: v?.verdict === "rejected" ? ("rejected" as const) : ("candidate" as const),
        unit: v?.unit ?? null,
        reason: v?.verdict === "rejected" ? v.reason : null,
        errors: v?.errors ?? 0,
        warnings: v?.warnings ?? 0,
      };
    }),
    prefer: jest.fn(async () => all().files),
    finish: jest.fn((o) => mergeReports(f, subs, { ...o, today: "2019-12-10" })),
  };
}

function mockFileServices(readDef: FormReadResult[] = []) {
  const order: string[] = [];
  const formActions: jest.Mocked<FormActions> = {
    kind: "file",
    writeDefinition: jest.fn(async (d) => ({ fileName: `${d.id}_Dinh-nghia.xlsx` })),
    readDefinition: jest.fn(
      async (): Promise<FormReadResult> => readDef.shift() ?? { ok: false, problems: [], message: null }
    ),
  };
  const make = (f: ResolvedForm): FileServices => ({
    units: f.units,
    template: jest.fn(async (code: string | null) => ({
      fileName: code ? `${f.id}_${code}.xlsx` : `${f.id}.xlsx`,
      bytes: new Uint8Array([80, 75]),
      type: XLSX_TYPE,
    })),
    allTemplates: jest.fn(async (_p: string, progress: (d: number, n: number, u: Unit) => void) => {
      f.units.forEach((u, i) => progress(i, f.units.length, u));
      return { fileName: `${f.id}_Tat-ca-don-vi.zip`, bytes: new Uint8Array([80, 75]), type: ZIP_TYPE };
    }),
    check: jest.fn(async (file) => fileCheck(file.name, READS[file.name as keyof typeof READS]())),
    beginMerge: () => session(f, order),
    summary: jest.fn(async () => ({
      fileName: `${f.id}_Tong-hop.xlsx`,
      bytes: new Uint8Array([80, 75]),
      type: XLSX_TYPE,
    })),
    form: formActions,
  });
  return { make, order, formActions };
}

function renderBrowser(
  services: (f: ResolvedForm) => FileServices,
  saved: Download[],
  reason: NotInOfficeReason = "no-host",
  tab: "template" | "check" | "merge" | "form" = "template"
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <BrowserApp
        reason={reason}
        initialTab={tab}
        services={services}
        save={(d) => saved.push(d)}
        offline={false}
      />
    </FluentProvider>
  );
}

/** A file whose bytes differ by name: the pane skips a content it has read already. */
const xlsx = (name: string) => new File([new Uint8Array([80, 75]), name], name, { lastModified: 0 });

beforeEach(() => localStorage.clear());

describe("the browser mode", () => {
  it("says it runs outside Excel (and why office.js is missing), with the add-in's tabs and form line", () => {
    renderBrowser(mockFileServices().make, [], "office-js-missing");
    const banner = screen.getByTestId("browser-banner");
    expect(banner.textContent).toContain(b["browser.title"]);
    expect(banner.textContent).toContain("không tải lên đâu cả");
    expect(banner.textContent).toContain(b["browser.reason.office-js-missing"]);
    expect(screen.getAllByRole("tab")).toHaveLength(4);
    for (const name of ["Mẫu báo cáo", "Kiểm tra", "Tổng hợp", "Biểu mẫu"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByTestId("form-line").textContent).toBe("Biểu mẫu: BDG-2019 v1 — hạn 01/12/2019");
  });

  it("downloads one unit's template, then every unit's as a .zip with progress", async () => {
    const saved: Download[] = [];
    renderBrowser(mockFileServices().make, saved);
    fireEvent.change(screen.getByTestId("btemplate-unit"), { target: { value: "XA-CAO-XA" } });
    fireEvent.change(screen.getByTestId("btemplate-password"), { target: { value: "bdg" } });
    // The same warning as in the add-in: what a password means for the units.
    expect(screen.getByText(STRINGS.vi["template.password.warn"])).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: b["btemplate.one"] }));
    await screen.findByText("Đã tải tệp BDG-2019_XA-CAO-XA.xlsx.");
    fireEvent.click(screen.getByRole("button", { name: "Tải mẫu của tất cả 42 đơn vị (.zip)" }));
    await screen.findByText("Đã tải tệp BDG-2019_Tat-ca-don-vi.zip.");
    expect(saved.map((d) => [d.fileName, d.type])).toEqual([
      ["BDG-2019_XA-CAO-XA.xlsx", XLSX_TYPE],
      ["BDG-2019_Tat-ca-don-vi.zip", ZIP_TYPE],
    ]);
  });

  it("checks a returned file: the issues with their cells, or why it cannot be read", async () => {
    renderBrowser(mockFileServices().make, [], "no-host", "check");
    fireEvent.change(screen.getByTestId("bcheck-input"), { target: { files: [xlsx("c-lien-son.xlsx")] } });
    const result = await screen.findByTestId("bcheck-result");
    expect(result.textContent).toContain("Đơn vị: Xã Liên Sơn");
    expect(Number(result.getAttribute("data-errors"))).toBeGreaterThan(0);
    const first = screen.getAllByTestId("bcheck-issue")[0];
    expect(first.getAttribute("data-severity")).toBe("error");
    expect(first.textContent).toMatch(/I\.2 · Ô [A-Z]+\d+/);

    fireEvent.change(screen.getByTestId("bcheck-input"), { target: { files: [xlsx("ghi-chu.xlsx")] } });
    expect((await screen.findByTestId("bcheck-refused")).textContent).toContain(
      "Tệp ghi-chu.xlsx không kiểm tra được"
    );
  });

  it("merges files in name order: results by unit (missing, late, with errors) and by file; downloads the summary", async () => {
    const saved: Download[] = [];
    const m = mockFileServices();
    renderBrowser(m.make, saved, "no-host", "merge");
    const files = Object.keys(READS).map(xlsx);
    fireEvent.change(screen.getByTestId("bmerge-input"), { target: { files } });
    await screen.findByTestId("merge-counts");
    expect(m.order).toEqual(["a-ngoc-thien.xlsx", "b-cao-xa.xlsx", "c-lien-son.xlsx", "ghi-chu.xlsx"]);
    // The same parts as the add-in's Merge tab: its status line, units to chase and files by unit.
    expect(screen.getByTestId("merge-counts").textContent).toBe(
      "Đã đọc 4 tệp: 3 được dùng, 0 bị thay thế, 1 bị từ chối."
    );
    expect(screen.getByTestId("unit-summary").textContent).toBe(
      "3/42 đơn vị đã nộp, trong đó 1 nộp muộn; 39 chưa nộp; 1 có lỗi."
    );
    const missing = screen.getByTestId("units-missing");
    expect(within(missing).getAllByRole("listitem")).toHaveLength(39);
    expect(missing.textContent).toContain("Chưa nộp");
    expect(screen.getByTestId("units-late").textContent).toContain("Xã Ngọc Thiện");
    expect(screen.getByTestId("units-errors").textContent).toContain("Xã Liên Sơn");
    const rejected = within(await screen.findByTestId("rejected-files")).getAllByTestId("verdict")[0];
    expect(rejected.getAttribute("data-verdict")).toBe("rejected");
    expect(rejected.textContent).toContain("ghi-chu.xlsx");
    expect(screen.getAllByTestId("unit-files")).toHaveLength(3); // the units that sent files

    fireEvent.click(screen.getByRole("button", { name: b["bmerge.download"] }));
    expect((await screen.findByTestId("bmerge-downloaded")).textContent).toBe(
      "Đã tải BDG-2019_Tong-hop.xlsx: 3/42 đơn vị đã nộp."
    );
    expect(saved.map((d) => d.fileName)).toEqual(["BDG-2019_Tong-hop.xlsx"]);

    // The same files picked again are skipped by content: nothing is read twice.
    fireEvent.change(screen.getByTestId("bmerge-input"), { target: { files } });
    await waitFor(() =>
      expect(screen.getByTestId("merge-counts").textContent).toBe(
        "4 tệp đã đọc trước đó, bỏ qua. Đã đọc 4 tệp: 3 được dùng, 0 bị thay thế, 1 bị từ chối."
      )
    );
    expect(m.order).toHaveLength(4);
  });

  it("the Form tab on files: downloads the definition, lists a picked file's problems, uses a good one", async () => {
    const def2026 = { ...form.definition, id: "BDG-2026", year: 2026, deadline: "2026-12-01" };
    const m = mockFileServices([
      {
        ok: false,
        problems: [
          {
            id: "0",
            message: {
              vi: "Chỉ tiêu, dòng 5, cột Loại: sai loại",
              en: "Chỉ tiêu, row 5, column Loại: wrong kind",
            },
            address: "F5",
            target: null,
          },
        ],
        message: null,
      },
      { ok: true, definition: def2026 },
    ]);
    renderBrowser(m.make, [], "no-host", "form");
    await screen.findByTestId("form-summary");
    fireEvent.click(screen.getByRole("button", { name: STRINGS.vi["form.download"] }));
    await screen.findByText("Đã tải tệp BDG-2019_Dinh-nghia.xlsx.");
    expect(m.formActions.writeDefinition).toHaveBeenCalledWith(form.definition);

    fireEvent.change(screen.getByTestId("form-file-input"), { target: { files: [xlsx("dinh-nghia.xlsx")] } });
    expect((await screen.findByTestId("form-problems")).textContent).toContain("dinh-nghia.xlsx có 1 lỗi");
    const problem = screen.getByTestId("form-problem");
    expect(problem.tagName).toBe("DIV"); // nothing to select in a file
    expect(problem.textContent).toContain("Ô F5");
    expect(m.formActions.readDefinition).toHaveBeenCalledWith({
      name: "dinh-nghia.xlsx",
      bytes: new Uint8Array([80, 75, ...new TextEncoder().encode("dinh-nghia.xlsx")]),
    });

    fireEvent.change(screen.getByTestId("form-file-input"), {
      target: { files: [xlsx("dinh-nghia-2026.xlsx")] },
    });
    await screen.findByTestId("form-used");
    await waitFor(() => expect(screen.getByTestId("form-line").textContent).toContain("BDG-2026"));
  });
});
