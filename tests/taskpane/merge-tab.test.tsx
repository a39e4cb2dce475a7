/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STRINGS, format } from "../../src/taskpane/i18n";
import { SPREADSHEETS } from "../../src/taskpane/FilePicker";
import { HELP_URL } from "../../src/taskpane/HelpLink";
import type { FileVerdict } from "../../src/merge/types";
import { mockServices, sessionOf, verdict } from "./mock-services";
import { renderApp } from "./render";

const vi = STRINGS.vi;

beforeEach(() => localStorage.clear());

function xlsx(name: string, content = name): File {
  return new File([content], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    lastModified: 1_575_000_000_000,
  });
}

function pick(files: File[]) {
  const input = screen.getByTestId("file-input") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

/** Three units sent: Cao Xá on time, Ngọc Vân late, Việt Lập with 2 errors; a file rejected. */
function threeUnits(): { files: () => FileVerdict[]; units: () => Record<string, object> } {
  const files = (): FileVerdict[] => [
    verdict("cao-xa.xlsx", "accepted", { unit: "XA-CAO-XA", unitName: "Xã Cao Xá" }),
    verdict("ngoc_van.xlsx", "accepted", {
      unit: "XA-NGOC-VAN",
      unitName: "Xã Ngọc Vân",
      reportDate: "2019-12-05",
    }),
    verdict("viet-lap.xlsx", "accepted", { unit: "XA-VIET-LAP", unitName: "Xã Việt Lập", errors: 2 }),
    verdict("ghi-chu.xls", "rejected"),
  ];
  const units = () => ({
    "XA-NGOC-VAN": {
      status: "late" as const,
      reportDate: "2019-12-05",
      label: { vi: "Nộp muộn (05/12/2019)", en: "Late" },
    },
    "XA-VIET-LAP": { errors: 2, label: { vi: "Đã nộp đúng hạn, có lỗi (2)", en: "On time, 2 errors" } },
  });
  return { files, units };
}

describe("Merge tab", () => {
  it("starts empty with a multiple file input, the deadline and the guide", () => {
    renderApp(mockServices().services, { tab: "merge" });
    expect(screen.getByTestId("merge-empty").textContent).toBe(vi["merge.empty"]);
    const input = screen.getByLabelText(vi["merge.pickAria"]) as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe(SPREADSHEETS);
    expect(screen.getByTestId("drop-zone").textContent).toContain(vi["merge.drop"]);
    expect(screen.getByTestId("merge-deadline").textContent).toBe(
      format(vi["merge.deadline"], { date: "01/12/2019" })
    );
    const help = within(screen.getByTestId("panel-merge")).getByRole("link", { name: vi["merge.helpAria"] });
    expect(help.getAttribute("href")).toBe(`${HELP_URL}#4-tổng-hợp`);
    expect(help.getAttribute("target")).toBe("_blank");
    expect(screen.queryByTestId("merge-write")).toBeNull();
  });

  it("names the units not reported, late and with errors, and moves the focus to the results", async () => {
    const m = mockServices();
    const { files, units } = threeUnits();
    const session = sessionOf(files, units);
    m.merge.begin.mockImplementation(() => session);
    renderApp(m.services, { tab: "merge" });
    pick([
      xlsx("cao-xa.xlsx", "A"),
      xlsx("ngoc_van.xlsx", "B"),
      xlsx("viet-lap.xlsx", "C"),
      xlsx("ghi-chu.xls"),
    ]);
    const heading = await screen.findByRole("heading", { name: vi["merge.units.title"] });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(session.added.map((f) => f.name)).toEqual([
      "cao-xa.xlsx",
      "ngoc_van.xlsx",
      "viet-lap.xlsx",
      "ghi-chu.xls",
    ]);
    expect(Array.from(session.added[0].bytes)).toEqual([65]);
    expect(session.added[0].modified).toBe(1_575_000_000_000);

    const missing = screen.getByTestId("units-missing");
    expect(within(missing).getByRole("heading").textContent).toBe(
      format(vi["merge.units.missing"], { n: 39 })
    );
    expect(missing.textContent).toContain("Xã Ngọc Thiện");
    expect(missing.textContent).not.toContain("Xã Cao Xá");
    expect(screen.getByTestId("units-late").textContent).toContain("Xã Ngọc Vân (ngày 05/12/2019)");
    expect(screen.getByTestId("units-errors").textContent).toContain("Xã Việt Lập (2 lỗi)");
    expect(screen.getByTestId("unit-summary").textContent).toBe(
      format(vi["merge.units.summary"], { received: 3, expected: 42, late: 1, missing: 39, errors: 1 })
    );
    expect(screen.getByTestId("merge-counts").textContent).toBe(
      format(vi["merge.readDone"], { n: 4, accepted: 3, superseded: 0, rejected: 1 })
    );
    // The unit with errors is not green: its status badge says so, in the danger colour.
    const vl = (await screen.findAllByTestId("unit-files")).find(
      (x) => x.dataset.unit === "XA-VIET-LAP"
    ) as HTMLElement;
    expect(vl.textContent).toContain("Đã nộp đúng hạn, có lỗi (2)");
    expect(vl.querySelector(".fui-Badge")?.getAttribute("data-color")).toBe("danger");
    // Rejected files apart, with their reason.
    expect(screen.getByTestId("rejected-files").textContent).toContain("Tệp .xls cũ");
    expect(screen.queryByTestId("merge-progress")).toBeNull();
  });

  it("announces progress at milestones only, and stops at cancel", async () => {
    const m = mockServices();
    let release: (() => void) | undefined;
    const session = sessionOf(() => []);
    session.add.mockImplementation(async (f) => {
      session.added.push(f);
      if (session.added.length === 6) await new Promise<void>((r) => (release = r));
      return { verdict: "candidate", unit: null, reason: null, errors: 0, warnings: 0 };
    });
    m.merge.begin.mockImplementation(() => session);
    renderApp(m.services, { tab: "merge" });
    pick(Array.from({ length: 12 }, (_x, i) => xlsx(`${i + 1}.xlsx`)));
    const progress = await screen.findByTestId("merge-progress");
    await waitFor(() => expect(session.added).toHaveLength(6));
    expect(within(progress).getByRole("progressbar")).toBeTruthy();
    // 3 of 12 done: a quarter, announced once (not every file).
    expect(screen.getByTestId("merge-announce").textContent).toBe(
      format(vi["merge.milestone"], { i: 3, n: 12 })
    );
    fireEvent.click(screen.getByTestId("merge-cancel"));
    act(() => release?.());
    await waitFor(() => expect(screen.queryByTestId("merge-progress")).toBeNull());
    expect(session.added).toHaveLength(6);
    expect(screen.getByTestId("merge-status").textContent).toContain(
      format(vi["merge.cancelled"], { i: 6, n: 12 })
    );
  });

  it("skips files picked again by their content: nothing is read twice", async () => {
    const m = mockServices();
    const session = sessionOf(() => [verdict("a.xlsx", "accepted")]);
    m.merge.begin.mockImplementation(() => session);
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx", "AAA"), xlsx("b.xlsx", "BBB")]);
    await screen.findByTestId("merge-counts");
    pick([xlsx("a.xlsx", "AAA"), xlsx("a-copy.xlsx", "BBB"), xlsx("c.xlsx", "CCC")]);
    await waitFor(() => expect(screen.getByTestId("merge-counts").textContent).toContain("2 tệp đã đọc"));
    expect(session.added.map((f) => f.name)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(screen.getByTestId("merge-counts").textContent).toContain(format(vi["merge.skipped"], { n: 2 }));
    expect(m.merge.begin).toHaveBeenCalledTimes(1);
  });

  it("folds a unit's other files; “Dùng tệp này” re-consolidates without picking the files again", async () => {
    const m = mockServices();
    const unitName = "Xã Cao Xá";
    let chosen = false;
    const files = (): FileVerdict[] => [
      verdict("moi.xlsx", chosen ? "superseded" : "accepted", {
        reportDate: "2019-11-28",
        ...(chosen ? { reason: "officerChoice", supersededBy: "cu.xlsx" } : {}),
      }),
      verdict("cu.xlsx", chosen ? "accepted" : "superseded", {
        reportDate: "2019-11-20",
        ...(chosen
          ? {}
          : {
              reason: "olderReportDate",
              supersededBy: "moi.xlsx",
              message: {
                vi: `Không dùng: ${unitName} có báo cáo mới hơn là tệp "moi.xlsx".`,
                en: "Not used",
              },
            }),
      }),
    ];
    let release: (() => void) | undefined;
    const session = sessionOf(files);
    session.prefer.mockImplementation(async () => {
      await new Promise<void>((r) => (release = r));
      chosen = true;
      return files();
    });
    m.merge.begin.mockImplementation(() => session);
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("moi.xlsx"), xlsx("cu.xlsx")]);
    const toggle = await screen.findByTestId("merge-others");
    expect(toggle.textContent).toBe(format(vi["merge.others"], { n: 1 }));
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("merge-use")).toBeNull(); // folded: not in the tab order
    fireEvent.click(toggle);
    const button = screen.getByRole("button", {
      name: format(vi["merge.useAria"], { file: "cu.xlsx", unit: unitName }),
    });
    expect(button.textContent).toBe(vi["merge.use"]);
    // The merge's message, with typographic quotes.
    expect(screen.getByTestId("verdict-list").textContent).toContain("là tệp “moi.xlsx”.");
    button.focus();
    fireEvent.click(button);
    expect(await screen.findByText(vi["merge.using"])).toBeTruthy();
    expect((screen.getByTestId("merge-write") as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    act(() => release?.());

    const note = await screen.findByTestId("merge-chosen");
    expect(note.textContent).toBe(format(vi["merge.chosen"], { file: "cu.xlsx", unit: unitName }));
    expect(session.prefer).toHaveBeenCalledWith("XA-CAO-XA", "cu.xlsx");
    expect(session.add).toHaveBeenCalledTimes(2);
    expect(m.merge.begin).toHaveBeenCalledTimes(1);
    const usedFile = () => screen.getAllByTestId("verdict").find((li) => li.dataset.verdict === "accepted");
    await waitFor(() => expect(usedFile()?.dataset.file).toBe("cu.xlsx"));
    const used = usedFile() as HTMLElement;
    expect(within(used).getByTestId("verdict-chosen").textContent).toBe(
      format(vi["merge.chosenMark"], { unit: unitName })
    );
    await waitFor(() => expect(document.activeElement).toBe(used));
    // One status line at a time: the read result gave way to the choice.
    expect(screen.queryByTestId("merge-counts")).toBeNull();

    fireEvent.click(screen.getByTestId("merge-write"));
    await screen.findByTestId("merge-written");
    expect(screen.queryByTestId("merge-chosen")).toBeNull();
    expect(m.merge.write).toHaveBeenCalledTimes(1);
  });

  it("copies a ready-to-send message naming the units, or shows it to copy by hand", async () => {
    const m = mockServices();
    const { files, units } = threeUnits();
    m.merge.begin.mockImplementation(() => sessionOf(files, units));
    const writeText = jest.fn(async (_t: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("cao-xa.xlsx", "A"), xlsx("ngoc_van.xlsx", "B")]);
    fireEvent.click(await screen.findByTestId("merge-copy"));
    await screen.findByText(vi["merge.copied"]);
    const text = writeText.mock.calls[0][0];
    expect(text).toContain("UBND huyện Tân Yên");
    expect(text).toContain("Xã Ngọc Thiện");
    expect(text).toContain("Nộp muộn (1 đơn vị): Xã Ngọc Vân (ngày 05/12/2019).");
    expect(text).toContain("Xã Việt Lập (2 lỗi)");

    writeText.mockRejectedValueOnce(new Error("denied"));
    fireEvent.click(screen.getByTestId("merge-copy"));
    await screen.findByText(vi["merge.copyFailed"]);
    expect((screen.getByTestId("merge-copy-text") as HTMLTextAreaElement).value).toContain("Xã Ngọc Thiện");
  });

  it("downloads the per-file list as CSV", async () => {
    const m = mockServices();
    const { files, units } = threeUnits();
    m.merge.begin.mockImplementation(() => sessionOf(files, units));
    const blobs: Blob[] = [];
    const create = jest.fn((b: Blob) => {
      blobs.push(b);
      return "blob:x";
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("cao-xa.xlsx")]);
    fireEvent.click(await screen.findByTestId("merge-csv"));
    await screen.findByText(format(vi["merge.csvDone"], { file: vi["merge.csvFile"], n: 4 }));
    expect(blobs[0].type).toBe("text/csv;charset=utf-8");
  });

  it("asks before starting over", async () => {
    const m = mockServices();
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx")]);
    fireEvent.click(await screen.findByTestId("merge-reset"));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain(format(vi["merge.reset.body"], { n: 1 }));
    const keep = await within(dialog).findByTestId("merge-reset-keep");
    expect(keep.textContent).toBe(vi["merge.reset.keep"]);
    await waitFor(() => expect(document.activeElement).toBe(keep)); // the safe answer has the focus
    expect(dialog.getAttribute("aria-labelledby")).toBeTruthy();
    fireEvent.click(keep);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(await screen.findAllByTestId("verdict")).toHaveLength(1);
    fireEvent.click(screen.getByTestId("merge-reset"));
    fireEvent.click(await screen.findByTestId("merge-reset-confirm"));
    await waitFor(() => expect(screen.queryByTestId("verdict")).toBeNull());
    expect(screen.getByTestId("merge-empty")).toBeTruthy();
    // A new session: the same file is read again.
    pick([xlsx("a.xlsx")]);
    await screen.findByTestId("verdict");
    expect(m.merge.begin).toHaveBeenCalledTimes(2);
  }, 20_000);

  it("writes with the chosen options; the chart's indicator is shown in full", async () => {
    const m = mockServices();
    renderApp(m.services, { tab: "merge" });
    fireEvent.drop(screen.getByTestId("drop-zone"), {
      dataTransfer: { files: [xlsx("x.xlsx"), xlsx("y.xlsx")] },
    });
    await waitFor(() => expect(screen.getAllByTestId("verdict")).toHaveLength(2));
    fireEvent.click(screen.getByRole("checkbox", { name: vi["merge.exclude"] }));
    fireEvent.change(screen.getByRole("combobox", { name: vi["merge.chart"] }), { target: { value: "V.3" } });
    const shown = screen.getAllByText("V.3 — Số cán bộ").filter((e) => e.tagName !== "OPTION");
    expect(shown).toHaveLength(1);
    fireEvent.click(screen.getByTestId("merge-write"));
    const done = await screen.findByTestId("merge-written");
    expect(done.textContent).toContain("“Tổng hợp”, “Tình hình nộp báo cáo”, “Ý kiến, kiến nghị”");
    expect(done.textContent).toContain(format(vi["merge.rates"], { received: 2, expected: 42, missing: 40 }));
    const session = m.merge.begin.mock.results[0].value;
    expect(session.finish).toHaveBeenLastCalledWith({ excludeUnitsWithErrors: true });
    expect(m.merge.write).toHaveBeenCalledWith(expect.anything(), { chartIndicator: "V.3" });
  });

  it("4,200 files make a list of units, not of files", async () => {
    const m = mockServices();
    const units = (await import("../../src/form")).builtInForm().units;
    const many: FileVerdict[] = [];
    for (let k = 0; k < 100; k++)
      for (const u of units)
        many.push(
          verdict(`${u.code}-${k}.xlsx`, k === 0 ? "accepted" : "superseded", {
            unit: u.code,
            unitName: u.name,
            supersededBy: `${u.code}-0.xlsx`,
          })
        );
    for (let k = 0; k < 30; k++) many.push(verdict(`rac-${k}.xls`, "rejected"));
    m.merge.begin.mockImplementation(() => sessionOf(() => many));
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx")]);
    await screen.findByTestId("verdict-list");
    expect(screen.getAllByTestId("unit-files")).toHaveLength(42);
    expect(screen.getAllByTestId("merge-others")[0].textContent).toBe(format(vi["merge.others"], { n: 99 }));
    expect(screen.getAllByTestId("verdict")).toHaveLength(42 + 10);
    expect(screen.queryAllByTestId("merge-use")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("merge-more-rejected"));
    expect(screen.getAllByTestId("verdict")).toHaveLength(42 + 30);
  });

  it("shows a write failure", async () => {
    const m = mockServices();
    m.merge.write.mockRejectedValueOnce(new Error("RequestPayloadSizeLimitExceeded"));
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx")]);
    await screen.findByTestId("verdict");
    fireEvent.click(screen.getByTestId("merge-write"));
    expect((await screen.findByTestId("error-bar")).textContent).toContain("RequestPayloadSizeLimitExceeded");
  });
});
