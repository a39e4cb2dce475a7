/**
 * The reader runs on two platforms: the task pane (fflate, TextDecoder: the portable core, with
 * the .xls/.ods readers that inspectFileAsync fetches) and the CLI (node:zlib inflate, byte-string scanning: src/cli/node-read.ts). Tests read every
 * file through both and require the same result (technical `detail` texts aside).
 */
import { NODE_READ } from "../../src/cli/node-read";
import type { ResolvedForm } from "../../src/form/resolve";
import type { InspectResult } from "../../src/inspect/types";
import { OTHER_FORMATS } from "../../src/xlsx/other-formats";
import { inspectFile as readCore, type ReadOptions } from "../../src/xlsx/reader";
import { readAllSheets as allCore } from "../helpers/read-all-sheets";

const comparable = (r: unknown): unknown =>
  JSON.parse(
    JSON.stringify(r, (k, v) => (k === "detail" ? undefined : v instanceof Map ? [...v.entries()] : v))
  );

export function inspectFile(bytes: Uint8Array, form: ResolvedForm, options: ReadOptions = {}): InspectResult {
  const core = readCore(bytes, form, { formats: OTHER_FORMATS, ...options });
  const node = readCore(bytes, form, { ...options, ...NODE_READ });
  expect(comparable(node)).toEqual(comparable(core));
  return core;
}

export function readAllSheets(bytes: Uint8Array, options: ReadOptions = {}): ReturnType<typeof allCore> {
  const core = allCore(bytes, options);
  expect(comparable(allCore(bytes, { ...options, ...NODE_READ }))).toEqual(comparable(core));
  return core;
}
