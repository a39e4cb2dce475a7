/**
 * The task pane's entry in the end-to-end build (tests/e2e/webpack.e2e.config.js, built by
 * ./pane-harness.ts): the production entry (src/taskpane/index.tsx) with the recording fake
 * (tests/excel/fake-excel.ts, one empty sheet) as the Excel host. startTaskpane uses it only when
 * office.js reports no host, exactly where the production pane shows "not inside Excel".
 *
 * The one seam between the page and the tests: the fake's handle is put on
 * `window.__BDG_E2E_FAKE__`, so that a test can look at the workbook and edit it as the officer
 * would (`page.evaluate`). Nothing under src/ reads it.
 */
import { startTaskpane } from "../../src/taskpane/start";
import { createFakeExcel, type FakeExcelHandle } from "../excel/fake-excel";

export type E2EWindow = { __BDG_E2E_FAKE__: FakeExcelHandle };

const handle = createFakeExcel();
handle.fake.addSheet("Sheet1");
(window as unknown as E2EWindow).__BDG_E2E_FAKE__ = handle;

const container = document.getElementById("root");
if (container) void startTaskpane(container, { host: handle.host });
