/**
 * The "Biểu mẫu" (Form) tab end to end in headless Chromium, with Microsoft's real office.js and
 * the recording fake standing in for Excel (./pane-entry.ts; harness: ./pane-harness.ts).
 *
 * Steps: the built-in form shown; copied for 2026 (the copy becomes the active form and is named
 * above every tab); its definition workbook created as a new workbook (Excel.createWorkbook); that
 * workbook opened in a fresh pane (its sheets and values copied into the fake, as Excel would show
 * them) and edited as an officer would — three villages in two groups as the units, and a wrong
 * indicator kind; "Dùng biểu mẫu trong sổ này" lists the problem and marks its cell, a click
 * selects it; fixed, the form becomes active, the marks go, and the Template tab offers the new
 * form's units; a reload keeps the form.
 *
 * Screenshots: test-artifacts/e2e/2?-bieu-mau*.png (docs/img/ with BDG_UPDATE_GUIDE_IMAGES=1).
 */
import * as fs from "fs";
import type * as http from "http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SHEET_INFO, tableOf } from "../../src/definition/format";
import { builtInForm } from "../../src/form/resolve";
import { columnLetter } from "../../src/workbook/address";
import { readAllSheets } from "../helpers/read-all-sheets";
import {
  ARTIFACTS,
  DOCS_IMG,
  UPDATE_GUIDE_IMAGES,
  type OutsideRequests,
  ensureBuild,
  haveChromium,
  launchChromium,
  routeOutside,
  serve,
  shot,
  unexpectedOutside,
} from "./pane-harness";
import type { E2EWindow } from "./pane-entry";

const describeE2E = haveChromium ? describe : describe.skip;

jest.setTimeout(10 * 60 * 1000);

type Win = E2EWindow;
type Value = string | number | boolean;

const form = builtInForm();
const INDICATORS = tableOf("indicators");
const UNITS = tableOf("units");
const KIND_CELL = `${columnLetter(INDICATORS.columns.findIndex((c) => c.key === "kind") + 1)}${
  form.definition.indicators.findIndex((i) => i.code === "I.3") + 2
}`;
const VILLAGES: Value[][] = [
  ["THON-DONG", "Thôn Đông", "Thôn", ""],
  ["THON-TAY", "Thôn Tây", "Thôn", ""],
  ["HOI-PHU-NU", "Hội Phụ nữ xã", "Đoàn thể", "Phụ nữ xã; HPN"],
];

/** The sheets and values of a created workbook (base64, as Excel.createWorkbook received it). */
function sheetsOf(base64: string): { name: string; cells: [string, Value][] }[] {
  const all = readAllSheets(new Uint8Array(Buffer.from(base64, "base64")));
  if (!all.ok) throw new Error(`the created workbook does not read: ${all.reason}`);
  return [...all.sheets].map(([name, sheet]) => ({
    name,
    cells: [...sheet.cells].flatMap(([address, v]): [string, Value][] => {
      if (v.type === "number" || v.type === "boolean") return [[address, v.value]];
      if (v.type === "text") return [[address, `'${v.text}`]]; // a text stays a text, as in the file
      return [];
    }),
  }));
}

describeE2E("the Form tab in headless Chromium with the fake Excel host", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: http.Server;
  let base: string;
  let outside: OutsideRequests;
  let created: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (UPDATE_GUIDE_IMAGES) fs.mkdirSync(DOCS_IMG, { recursive: true });
    const build = ensureBuild();
    console.log(`[e2e] task pane build: ${build.how}`);
    ({ server, base } = await serve(build.dir));
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 320, height: 760 },
      deviceScaleFactor: 1.5,
      locale: "vi-VN",
    });
    outside = await routeOutside(context);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const formLine = () => page.getByTestId("form-line");

  it("shows the built-in form, copies it for 2026 and creates the copy's definition workbook", async () => {
    await page.goto(`${base}/taskpane.html?tab=form`);
    await page.getByTestId("form-summary").waitFor({ timeout: 30_000 });
    expect(await formLine().innerText()).toBe("Biểu mẫu: BDG-2019 v1 — hạn 01/12/2019");
    expect(await page.getByTestId("form-indicators").innerText()).toBe("44");
    expect(await page.getByTestId("form-units").innerText()).toBe("42");
    await shot(page, "20-bieu-mau", true);

    await page.getByTestId("copy-year").fill("2026");
    await page.getByRole("button", { name: "Sao chép cho năm 2026" }).click();
    await page.getByTestId("form-copied").waitFor();
    expect(await formLine().innerText()).toBe("Biểu mẫu: BDG-2026 v1 — hạn 01/12/2026");
    await page.getByRole("button", { name: "Tạo sổ định nghĩa của biểu mẫu này" }).click();
    await page
      .getByText("Đã mở định nghĩa biểu mẫu BDG-2026 trong một sổ làm việc mới")
      .waitFor({ timeout: 120_000 });
    const workbooks = await page.evaluate(
      () => (window as unknown as Win).__BDG_E2E_FAKE__.fake.createdWorkbooks
    );
    expect(workbooks).toHaveLength(1);
    created = workbooks[0];
    const sheets = sheetsOf(created).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining([SHEET_INFO, INDICATORS.sheet, UNITS.sheet]));
  });

  it("in the created workbook, edited by the officer: the wrong kind listed and marked, a click selects it", async () => {
    // The officer opens the new workbook and the pane in it: a fresh pane, its fake holding that workbook.
    await page.goto(`${base}/taskpane.html?tab=form`);
    await page.getByTestId("form-summary").waitFor({ timeout: 30_000 });
    expect(await formLine().innerText()).toContain("BDG-2026"); // remembered across the reload
    await page.evaluate((sheets) => {
      const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
      for (const s of sheets) {
        fake.addSheet(s.name);
        for (const [address, v] of s.cells) fake.setValues(s.name, address, [[v]]);
      }
    }, sheetsOf(created));
    // The edits, as typed in Excel: three villages in two groups replace the 42 units, and a kind that is no kind.
    const blank = Array.from({ length: form.units.length - VILLAGES.length }, () => ["", "", "", ""]);
    await page.evaluate(
      ({ units, unitRows, indicators, kindCell }) => {
        const fake = (window as unknown as Win).__BDG_E2E_FAKE__.fake;
        fake.userEdit(units, `A2:D${unitRows.length + 1}`, unitRows);
        fake.userEdit(indicators, kindCell, [["so luong"]]);
      },
      {
        units: UNITS.sheet,
        unitRows: [...VILLAGES, ...blank],
        indicators: INDICATORS.sheet,
        kindCell: KIND_CELL,
      }
    );

    await page.getByRole("button", { name: "Dùng biểu mẫu trong sổ này" }).click();
    const problems = page.getByTestId("form-problems");
    await problems.waitFor({ timeout: 60_000 });
    expect(await problems.innerText()).toContain("Định nghĩa biểu mẫu có 1 lỗi");
    const problem = page.getByTestId("form-problem");
    expect(await problem.count()).toBe(1);
    expect(await problem.innerText()).toContain("so luong");
    expect(await problem.innerText()).toContain(`Ô ${KIND_CELL}`);
    const marks = await page.evaluate(
      ({ sheet }) =>
        (window as unknown as Win).__BDG_E2E_FAKE__.fake
          .sheet(sheet)
          .cfs.filter((cf) => /"BDG-ERR"/.test(cf.formula))
          .map((cf) => cf.range.start),
      { sheet: INDICATORS.sheet }
    );
    expect(marks).toHaveLength(1);
    expect(`${columnLetter(marks[0].col)}${marks[0].row}`).toBe(KIND_CELL);
    expect(await formLine().innerText()).toContain("BDG-2026"); // still the copy, with its 42 units
    expect(await page.getByTestId("form-units").innerText()).toBe("42");

    await problem.click();
    await page.waitForFunction(
      (cell) => ((window as unknown as Win).__BDG_E2E_FAKE__.fake.selection ?? "").includes(cell),
      KIND_CELL
    );
    await shot(page, "21-bieu-mau-loi", true);
  });

  it("fixed: the form is used, the marks go, and the Template tab offers its units", async () => {
    await page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as Win).__BDG_E2E_FAKE__.fake.userEdit(sheet, cell, [["count"]]),
      { sheet: INDICATORS.sheet, cell: KIND_CELL }
    );
    await page.getByRole("button", { name: "Dùng biểu mẫu trong sổ này" }).click();
    const used = page.getByTestId("form-used");
    await used.waitFor({ timeout: 60_000 });
    expect(await used.innerText()).toContain("Đã dùng biểu mẫu BDG-2026 v1 (44 chỉ tiêu, 3 đơn vị)");
    expect(await page.getByTestId("form-problem").count()).toBe(0);
    expect(await page.getByTestId("form-units").innerText()).toBe("3");
    expect(await page.getByTestId("form-groups").innerText()).toContain("Đoàn thể: 1 đơn vị");
    const marks = await page.evaluate(
      (sheet) =>
        (window as unknown as Win).__BDG_E2E_FAKE__.fake
          .sheet(sheet)
          .cfs.filter((cf) => /"BDG-ERR"/.test(cf.formula)).length,
      INDICATORS.sheet
    );
    expect(marks).toBe(0);
    await shot(page, "22-bieu-mau-da-dung", true);

    await page.getByRole("tab", { name: "Mẫu báo cáo" }).click();
    expect(await formLine().innerText()).toBe("Biểu mẫu: BDG-2026 v1 — hạn 01/12/2026");
    const combo = page.getByRole("combobox", { name: "Đơn vị nhận mẫu" });
    await combo.click();
    for (const name of ["Thôn Đông", "Thôn Tây", "Hội Phụ nữ xã"])
      await page.getByRole("option", { name }).waitFor();
    expect(await page.getByRole("option", { name: "Xã Cao Xá" }).count()).toBe(0);
    await page.keyboard.press("Escape");

    // Remembered: a pane opened later (here on the Consolidate tab, as its ribbon button does) uses it.
    await page.goto(`${base}/taskpane.html?tab=merge`);
    await page.getByRole("tab", { name: "Tổng hợp", selected: true }).waitFor({ timeout: 30_000 });
    expect(await formLine().innerText()).toContain("BDG-2026");
    await page.getByTestId("form-line").getByRole("button").click();
    expect(await page.getByTestId("form-units").innerText({ timeout: 30_000 })).toBe("3");
  });

  it("made no request outside 127.0.0.1 and Microsoft's office.js path, and threw no page error", () => {
    expect(unexpectedOutside(outside)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
