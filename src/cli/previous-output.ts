/**
 * What already stands at merge's --out and --json, decided before anything is written:
 * - nothing: write freely;
 * - a summary this program made: it will be replaced, but the collecting office's own assessment
 *   typed in it (the narrative indicators on its TỔNG CỘNG column, left blank by the merge) is
 *   carried into the new summary: a re-run must not erase what the officer wrote;
 * - anything else, or a file that cannot be read (a folder, a FIFO, a device, too large,
 *   unreadable): refused, and the file is left as it is. Nothing is lost silently.
 * Reading is bounded and never blocks (read-input.ts).
 */
import { lstatSync, statSync } from "node:fs";
import type { ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import type { CellValue } from "../workbook/cell-value";
import { inspectFile } from "../xlsx/reader";
import { errorCode, fsCause } from "./fs-errors";
import { NODE_READ } from "./node-read";
import { kindOf, readInput, type InputRead } from "./read-input";

export type PreviousSummary =
  | { kind: "none" }
  /** `assessment`: defined name → the text typed in it; `codes`: their indicators, in form order. */
  | { kind: "summary"; assessment: Record<string, string>; codes: string[] }
  | { kind: "refused"; message: Text };

/** A JSON report of ours is far below this; the cap only keeps a wrong --json from being slurped. */
const JSON_CAP = 64 * 1024 * 1024;

/** What stands at --out (see the module comment). */
export function previousSummary(path: string, form: ResolvedForm): PreviousSummary {
  const there = exists(path);
  if (there !== true) return there === false ? { kind: "none" } : there;
  const got = readInput(path, { name: path });
  if (!got.ok) return cannotRead(path, got, "--out");
  const read = inspectFile(got.bytes, form, NODE_READ);
  if (!read.ok || read.metaKind !== "summary")
    return refused(
      `tệp "${path}" đã có và không phải bảng tổng hợp do chương trình tạo: không ghi đè, hãy chọn tên tệp khác cho --out`,
      `"${path}" exists and is not a summary made by this program: not overwritten, choose another --out`
    );
  const assessment: Record<string, string> = {};
  const codes: string[] = [];
  for (const ind of form.indicators) {
    if (ind.kind !== "text") continue;
    const name = ind.cells[0].name;
    const text = typedText(read.values.get(name));
    if (text === null) continue;
    assessment[name] = text;
    codes.push(ind.code);
  }
  return { kind: "summary", assessment, codes };
}

/** What stands at --json: nothing, a JSON report of ours (replaced), or refused. */
export function previousJsonReport(
  path: string
): { kind: "none" | "ours" } | { kind: "refused"; message: Text } {
  const there = exists(path);
  if (there !== true) return there === false ? { kind: "none" } : there;
  const got = readInput(path, { name: path, maxBytes: JSON_CAP });
  if (!got.ok) return cannotRead(path, got, "--json");
  if (isOwnJsonReport(Buffer.from(got.bytes).toString("utf8"))) return { kind: "ours" };
  return refused(
    `tệp "${path}" đã có và không phải báo cáo JSON do chương trình tạo: không ghi đè, hãy chọn tên khác cho --json`,
    `"${path}" exists and is not a JSON report made by this program: not overwritten, choose another --json`
  );
}

/** The officer's text in a narrative cell; numbers and true/false typed there are kept as text. */
function typedText(v: CellValue | undefined): string | null {
  if (!v) return null;
  if (v.type === "text") return v.text.trim() ? v.text : null;
  if (v.type === "number" || v.type === "boolean") return String(v.value);
  return null;
}

/** true: something is there; false: nothing (or its folder is missing); or why we cannot tell. */
function exists(path: string): boolean | { kind: "refused"; message: Text } {
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    const code = errorCode(e);
    // ENOTDIR: a part of the path is a file; writing will say so.
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    const cause = fsCause(e);
    return refused(
      `không kiểm tra được tệp "${path}": ${cause.vi}; không ghi đè`,
      `cannot inspect "${path}": ${cause.en}; not overwritten`
    );
  }
}

function cannotRead(
  path: string,
  got: Extract<InputRead, { ok: false }>,
  option: string
): { kind: "refused"; message: Text } {
  if (got.reason === "notRegular") {
    const kind = kindAt(path);
    return refused(
      `"${path}" là ${kind.vi}, không phải tệp: không ghi ${option} vào đó; hãy cho ${option} một tên tệp`,
      `"${path}" is ${kind.en}, not a file: ${option} is not written there; give ${option} a file name`
    );
  }
  return refused(
    `tệp "${path}" đã có nhưng không đọc được (${got.message.vi}), nên không biết trong đó có gì và không giữ lại được phần cán bộ đã nhập: không ghi đè; hãy kiểm tra tệp hoặc chọn tên tệp khác cho ${option}`,
    `"${path}" exists but cannot be read (${got.message.en}), so what was typed in it could not be kept: not overwritten; check the file or choose another ${option}`
  );
}

function kindAt(path: string): Text {
  try {
    return kindOf(statSync(path));
  } catch {
    return { vi: "một tệp đặc biệt", en: "a special file" };
  }
}

function refused(vi: string, en: string): { kind: "refused"; message: Text } {
  return { kind: "refused", message: { vi, en } };
}

/** A JSON report this program wrote earlier: safe to replace. */
function isOwnJsonReport(text: string): boolean {
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    return (
      typeof j === "object" &&
      j !== null &&
      Array.isArray(j.files) &&
      Array.isArray(j.units) &&
      typeof j.form === "object"
    );
  } catch {
    return false;
  }
}
