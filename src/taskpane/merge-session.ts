/**
 * The task pane's merge session, the same in Excel and in the browser: one Merger (src/merge)
 * kept for the whole session. Each file is read once and only a compact summary of it is kept
 * (no bytes, no read result); the officer's choice (`prefer`) switches a unit's winner at once,
 * without reading any file again; "leave units with errors out" is an option of `finish`.
 */
import type { ResolvedForm } from "../form/resolve";
import { createMerger } from "../merge/merger";
import { todayInVietnam } from "../merge/today";
import { inspectFileAsync } from "../xlsx/reader";
import type { MergeSession } from "./services";

export function mergeSession(form: ResolvedForm, today: () => string = todayInVietnam): MergeSession {
  const merger = createMerger(form, { today: today() });
  return {
    async add(file) {
      // .xlsx is read at once; the .xls/.ods readers are a separate chunk fetched the first
      // time such a file is met, so that the pane's first load does not grow by them.
      const read = await inspectFileAsync(file.bytes, form);
      return merger.add(file.name, file.modified, read);
    },
    async prefer(unit, file) {
      merger.prefer(unit, file);
      return merger.verdicts();
    },
    finish(options) {
      return merger.finish({ excludeUnitsWithErrors: options.excludeUnitsWithErrors });
    },
  };
}
