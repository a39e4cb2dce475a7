/**
 * The readers of .xls (biff8.ts) and .ods (ods.ts) in one module: the task pane fetches it as
 * one lazy chunk ("xls-ods") the first time it meets such a file (reader.ts, inspectFileAsync);
 * the command line passes it to the reader directly (src/cli/node-read.ts).
 */
import { readXls } from "./biff8";
import { snapshotOf } from "./loaded-snapshot";
import type { OtherFormats } from "./loaded-workbook";
import { readOds } from "./ods";

export const OTHER_FORMATS: OtherFormats = Object.freeze({ readXls, readOds, snapshotOf });
