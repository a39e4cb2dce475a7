/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STRINGS, format } from "../../src/taskpane/i18n";
import { ACCEPT } from "../../src/taskpane/MergeTab";
import type { FileVerdict } from "../../src/merge/types";
import { fakeConsolidation, mockServices, verdict } from "./mock-services";
import { renderApp } from "./render";

const vi = STRINGS.vi;

beforeEach(() => localStorage.clear());

function xlsx(name: string, content = "PK"): File {
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

describe("Merge tab", () => {
  it("starts empty with a multiple file input and a drop zone", () => {
    renderApp(mockServices().services, { tab: "merge" });
    expect(screen.getByTestId("merge-empty").textContent).toBe(vi["merge.empty"]);
    const input = screen.getByLabelText(vi["merge.pickAria"]) as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe(ACCEPT);
    expect(ACCEPT).toContain(".xlsx");
    expect(ACCEPT).toContain(".xlsm");
    expect(screen.getByTestId("drop-zone").textContent).toContain(vi["merge.drop"]);
    expect(screen.queryByTestId("merge-write")).toBeNull();
  });

  it("reads the picked files one at a time and shows each verdict", async () => {
    const m = mockServices();
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx", "AAA"), xlsx("b.xls"), xlsx("c.xlsx")]);
    await waitFor(() => expect(screen.getAllByTestId("verdict")).toHaveLength(3));
    expect(m.added.map((f) => f.name)).toEqual(["a.xlsx", "b.xls", "c.xlsx"]);
    expect(Array.from(m.added[0].bytes)).toEqual([65, 65, 65]);
    expect(m.added[0].modified).toBe(1_575_000_000_000);
    // Files that need attention come first.
    const items = screen.getAllByTestId("verdict");
    expect(items.map((i) => i.getAttribute("data-verdict"))).toEqual(["rejected", "accepted", "accepted"]);
    expect(items[0].textContent).toContain(vi["merge.verdict.rejected"]);
    expect(items[0].textContent).toContain("b.xls");
    expect(items[0].textContent).toContain("Tệp .xls cũ");
    expect(items[1].textContent).toContain("a.xlsx");
    expect(items[1].textContent).toContain("Xã Cao Xá");
    expect(screen.getByTestId("merge-counts").textContent).toBe(
      format(vi["merge.readDone"], { n: 3, accepted: 2, superseded: 0, rejected: 1 })
    );
    expect(screen.queryByTestId("merge-progress")).toBeNull();
  });

  it("shows progress while reading and stops at cancel", async () => {
    const m = mockServices();
    let release: (() => void) | undefined;
    const seen: string[] = [];
    m.merge.begin.mockImplementation(() => ({
      add: jest.fn(async (f) => {
        seen.push(f.name);
        if (seen.length === 2) await new Promise<void>((r) => (release = r));
        return seen.map((n) => verdict(n, "accepted")) as FileVerdict[];
      }),
      prefer: jest.fn(),
      finish: jest.fn(),
    }));
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("1.xlsx"), xlsx("2.xlsx"), xlsx("3.xlsx"), xlsx("4.xlsx")]);
    const progress = await screen.findByTestId("merge-progress");
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(within(progress).getByRole("progressbar")).toBeTruthy();
    expect(progress.textContent).toContain(format(vi["merge.reading"], { i: 2, n: 4, file: "2.xlsx" }));
    fireEvent.click(screen.getByTestId("merge-cancel"));
    release?.();
    await waitFor(() => expect(screen.queryByTestId("merge-progress")).toBeNull());
    expect(seen).toEqual(["1.xlsx", "2.xlsx"]);
    expect(screen.getByTestId("merge-status").textContent).toContain(
      format(vi["merge.cancelled"], { i: 2, n: 4 })
    );
    expect(screen.getAllByTestId("verdict")).toHaveLength(2);
  });

  it("writes the summary with the chosen options, and reads dropped files", async () => {
    const m = mockServices();
    renderApp(m.services, { tab: "merge" });
    const drop = screen.getByTestId("drop-zone");
    fireEvent.dragOver(drop, { dataTransfer: { files: [] } });
    expect(drop.textContent).toContain(vi["merge.dropActive"]);
    fireEvent.drop(drop, { dataTransfer: { files: [xlsx("x.xlsx"), xlsx("y.xlsx")] } });
    await waitFor(() => expect(screen.getAllByTestId("verdict")).toHaveLength(2));
    fireEvent.click(screen.getByRole("checkbox", { name: vi["merge.exclude"] }));
    fireEvent.change(screen.getByRole("combobox", { name: vi["merge.chart"] }), { target: { value: "V.3" } });
    fireEvent.click(screen.getByTestId("merge-write"));
    const done = await screen.findByTestId("merge-written");
    expect(done.textContent).toContain("“Tổng hợp”, “Tình hình nộp báo cáo”, “Ý kiến, kiến nghị”");
    expect(done.textContent).toContain(format(vi["merge.rates"], { received: 2, expected: 42, missing: 40 }));
    const session = m.merge.begin.mock.results[0].value;
    expect(session.finish).toHaveBeenCalledWith({ excludeUnitsWithErrors: true });
    expect(m.merge.write).toHaveBeenCalledWith(expect.anything(), { chartIndicator: "V.3" });
  });

  it("a superseded file gets “Dùng tệp này”: the choice re-runs the consolidation without picking the files again", async () => {
    const m = mockServices();
    const en = STRINGS.en;
    const unitName = "Xã Cao Xá";
    const defaultRule = (): FileVerdict[] => [
      verdict("moi.xlsx", "accepted", { reportDate: "2019-11-28" }),
      verdict("cu.xlsx", "superseded", {
        reportDate: "2019-11-20",
        reason: "olderReportDate",
        supersededBy: "moi.xlsx",
        message: { vi: "Không dùng: Xã Cao Xá có báo cáo mới hơn", en: "Not used: a later report" },
      }),
      verdict("b.xls", "rejected"),
    ];
    const chosen = (): FileVerdict[] => [
      verdict("moi.xlsx", "superseded", {
        reason: "officerChoice",
        supersededBy: "cu.xlsx",
        message: { vi: `Không dùng: đã chọn tệp "cu.xlsx" cho ${unitName}.`, en: "Not used: chosen" },
      }),
      verdict("cu.xlsx", "accepted"),
      verdict("b.xls", "rejected"),
    ];
    let release: (() => void) | undefined;
    const session = {
      add: jest.fn(async () => defaultRule()),
      prefer: jest.fn(async (_unit: string, _file: string) => {
        await new Promise<void>((r) => (release = r));
        return chosen();
      }),
      finish: jest.fn(() => fakeConsolidation()),
    };
    m.merge.begin.mockImplementation(() => session);
    renderApp(m.services, { tab: "merge", lang: "vi" });
    pick([xlsx("moi.xlsx"), xlsx("cu.xlsx"), xlsx("b.xls")]);
    await waitFor(() => expect(session.add).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(screen.queryByTestId("merge-progress")).toBeNull());

    // Only the superseded file offers the choice; a real <button>, named for screen readers.
    const buttons = screen.getAllByTestId("merge-use");
    expect(buttons).toHaveLength(1);
    const item = buttons[0].closest("li") as HTMLElement;
    expect(item.getAttribute("data-file")).toBe("cu.xlsx");
    const button = within(item).getByRole("button", {
      name: format(vi["merge.useAria"], { file: "cu.xlsx", unit: unitName }),
    });
    expect(button.tagName).toBe("BUTTON");
    expect(button.textContent).toBe(vi["merge.use"]);
    expect(button.getAttribute("tabindex")).not.toBe("-1");
    button.focus();
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    // While it runs: announced, and nothing else can start.
    expect(await screen.findByText(vi["merge.using"])).toBeTruthy();
    expect((screen.getByTestId("merge-write") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("merge-use").getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(screen.getByTestId("merge-use"));
    release?.();

    const note = await screen.findByTestId("merge-chosen");
    expect(note.textContent).toBe(format(vi["merge.chosen"], { file: "cu.xlsx", unit: unitName }));
    expect(screen.getByTestId("merge-status").contains(note)).toBe(true); // role=status, aria-live
    expect(session.prefer).toHaveBeenCalledWith("XA-CAO-XA", "cu.xlsx");
    // No file was picked or read again.
    expect(session.add).toHaveBeenCalledTimes(3);
    expect(m.merge.begin).toHaveBeenCalledTimes(1);

    const items = screen.getAllByTestId("verdict");
    expect(items.map((i) => [i.getAttribute("data-file"), i.getAttribute("data-verdict")])).toEqual([
      ["b.xls", "rejected"],
      ["moi.xlsx", "superseded"],
      ["cu.xlsx", "accepted"],
    ]);
    expect(items[1].textContent).toContain('đã chọn tệp "cu.xlsx"');
    expect(within(items[2]).getByTestId("verdict-chosen").textContent).toBe(
      format(vi["merge.chosenMark"], { unit: unitName })
    );
    // The pressed button is gone: the focus is on the chosen file, not lost.
    await waitFor(() => expect(document.activeElement).toBe(items[2]));
    // The file now superseded can be chosen back.
    expect(within(items[1]).getByTestId("merge-use")).toBeTruthy();
    expect(screen.getByTestId("merge-counts").textContent).toBe(
      format(vi["merge.readDone"], { n: 3, accepted: 1, superseded: 1, rejected: 1 })
    );

    // The sheets are written from the session, which now holds the choice.
    fireEvent.click(screen.getByTestId("merge-write"));
    await screen.findByTestId("merge-written");
    expect(session.finish).toHaveBeenCalledTimes(1);
    expect(session.prefer.mock.invocationCallOrder[0]).toBeLessThan(
      session.finish.mock.invocationCallOrder[0]
    );
    expect(m.merge.write).toHaveBeenCalledTimes(1);

    // English labels.
    fireEvent.click(screen.getByRole("button", { name: vi["lang.switchAria"] }));
    expect(screen.getByTestId("merge-use").textContent).toBe(en["merge.use"]);

    // Starting over forgets the choice.
    fireEvent.click(screen.getByRole("button", { name: en["merge.reset"] }));
    expect(screen.queryByTestId("merge-chosen")).toBeNull();
    expect(screen.queryByTestId("verdict")).toBeNull();
  });

  it("no “use this file” for a file that cannot be told apart from the winner (same name)", async () => {
    const m = mockServices();
    m.merge.begin.mockImplementation(() => ({
      add: jest.fn(async () => [
        verdict("a.xlsx", "accepted"),
        verdict("a.xlsx", "superseded", { reason: "duplicate", supersededBy: "a.xlsx" }),
      ]),
      prefer: jest.fn(),
      finish: jest.fn(),
    }));
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx")]);
    await waitFor(() => expect(screen.getAllByTestId("verdict")).toHaveLength(2));
    expect(screen.queryByTestId("merge-use")).toBeNull();
  });

  it("shows a write failure and lets the officer start over", async () => {
    const m = mockServices();
    m.merge.write.mockRejectedValueOnce(new Error("RequestPayloadSizeLimitExceeded"));
    renderApp(m.services, { tab: "merge" });
    pick([xlsx("a.xlsx")]);
    await screen.findByTestId("verdict");
    fireEvent.click(screen.getByTestId("merge-write"));
    expect((await screen.findByTestId("error-bar")).textContent).toContain("RequestPayloadSizeLimitExceeded");
    fireEvent.click(screen.getByRole("button", { name: vi["merge.reset"] }));
    expect(screen.queryByTestId("verdict")).toBeNull();
    expect(screen.getByTestId("merge-empty")).toBeTruthy();
  });
});
