/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STRINGS, format } from "../../src/taskpane/i18n";
import { ACCEPT } from "../../src/taskpane/MergeTab";
import type { FileVerdict } from "../../src/merge/types";
import { mockServices, verdict } from "./mock-services";
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
