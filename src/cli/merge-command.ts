/**
 * `bdg-report merge FILE… --out SUMMARY.xlsx [--json REPORT.json] [--units REGISTRY.csv|json] [--exclude-errors] [--prefer FILE]…`
 *
 * Files, directories (recursively, spreadsheet extensions) and globs (`*`, `?` in any path
 * segment) expand. Files are read one at a time and handed to the incremental Merger: the bytes
 * of one file are dropped before the next is read. Source files are never written; --out may not
 * be one of the inputs (an --out met while expanding a directory or a glob is skipped, so a
 * re-run next to last run's summary works).
 *
 * --prefer FILE (repeatable) is the officer's choice when a unit sent several files (docs/CONTRACT.md
 * "Merging"): FILE must be one of the inputs and an accepted report. Every file is read once: each
 * --prefer file is checked to be an input before any file is read, matched to its unit after all
 * files are added (`merger.verdicts()`) and chosen with `merger.prefer(unit, file)`; the other files
 * of that unit are then superseded with reason "officerChoice". Nothing is written when a --prefer
 * is wrong.
 */
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { withUnits, type ResolvedForm } from "../form/resolve";
import { FORM_OPTION_HELP, formFrom } from "./form-option";
import type { Text } from "../form/schema";
import { buildSummary } from "../layout/summary";
import {
  consolidationToJson,
  createMerger,
  parseRegistry,
  type Merger,
  RegistryError,
  type Consolidation,
} from "../merge";
import { todayInVietnam } from "../merge/today";
import { isoToVi } from "../validate/dates";
import type { InspectResult } from "../inspect/types";
import { inspectFile } from "../xlsx/reader";
import { NODE_READ } from "./node-read";
import { writeWorkbook } from "../xlsx/write-workbook";
import { expandInputs, samePath, type InputFile } from "./inputs";
import type { CliIo, Command } from "./io";
import { readFailed } from "./read-failed";
import { previousJsonReport, previousSummary, type PreviousSummary } from "./previous-output";
import { readInput } from "./read-input";
import { refusalText, safeJson, terminalLines, terminalSafe } from "./terminal";
import { checkWritable, writeOutputs } from "./write-output";

/** A unit registry (--units) is a small CSV or JSON file. */
const REGISTRY_CAP = 5 * 1024 * 1024;

const HELP = `Cách dùng / usage: bdg-report merge TỆP… --out TONG-HOP.xlsx [--json BAO-CAO.json] [--units DANH-SACH.csv|json] [--exclude-errors] [--prefer TỆP]…

Tổng hợp các báo cáo đã nhận thành một bảng tổng hợp. TỆP có thể là tệp, thư mục (đọc cả thư
mục con) hoặc mẫu tên có * và ? (ví dụ "nhan/*.xlsx"). Mỗi tệp được nhận diện đơn vị theo nội
dung, không theo tên tệp; tệp nào không dùng đều được ghi rõ lý do. Tệp nguồn không bao giờ bị sửa.
Merges returned reports into one summary workbook; every input file gets a verdict.

  --out TỆP.xlsx       bảng tổng hợp (bắt buộc; không được trùng một tệp nguồn). Chạy lại với cùng
                       tệp: bảng cũ được thay, phần nhận định cán bộ đã nhập ở cột TỔNG CỘNG (mục VI)
                       được giữ lại / summary (required); a re-run replaces it and keeps the
                       assessment typed in its TỔNG CỘNG column
  --json TỆP.json      báo cáo dạng JSON: tệp, đơn vị, số tổng (khác --out) / machine-readable report
  --units TỆP          danh sách đơn vị thay cho danh sách mặc định: CSV "code,name,group"
                       (nhóm, ví dụ "Xã, thị trấn") hoặc JSON / replaces the unit registry
  --exclude-errors     không đưa đơn vị có lỗi vào số tổng hợp / leave units with errors out of the totals
  --prefer TỆP         đơn vị gửi nhiều tệp: dùng tệp này cho đơn vị của nó thay cho tệp có ngày báo
                       cáo mới nhất; báo cáo ghi năm khác chỉ được tính khi được chọn như vậy
                       (lựa chọn của cán bộ; dùng nhiều lần cho nhiều đơn vị; TỆP phải nằm trong
                       các tệp cần tổng hợp) / a unit sent several files: use this one for its unit
                       instead of the latest; another year's report counts only when chosen so
                       (the officer's choice; repeatable; FILE must be one of the inputs)
  --date NGÀY          ngày lập bảng tổng hợp (YYYY-MM-DD; mặc định hôm nay): ngày báo cáo của bảng, và mốc để
                       biết một ngày báo cáo có ở tương lai không / the summary's date (default today)
  --preparer TÊN       người lập biểu của bảng tổng hợp / prepared by
  --head TÊN           thủ trưởng đơn vị / head of the collecting unit
  --phone SỐ           số điện thoại / phone
  --quiet              không in bảng tình hình nộp / do not print the status table
${FORM_OPTION_HELP}
  --help               trợ giúp này / this help`;

type Values = ReturnType<typeof parseMergeArgs>["values"];

/** Why the command stops before writing anything: a Vietnamese message (one line or several) and its English. */
interface Refused {
  refused: { vi: string | string[]; en: string };
}

const refuse = (vi: string | string[], en: string): Refused => ({ refused: { vi, en } });
const isRefused = (x: object): x is Refused => "refused" in x;

/** Everything decided before the first file is read. */
interface MergePlan {
  form: ResolvedForm;
  files: InputFile[];
  outAbs: string;
  jsonAbs: string | null;
  previous: Extract<PreviousSummary, { kind: "none" | "summary" }>;
  /** The --prefer files, as the inputs they name (each once), with the path as given. */
  prefer: { given: string; file: InputFile }[];
  /** The summary's date, and the day report dates are judged against. */
  date: string;
}

export const mergeCommand: Command = {
  name: "merge",
  summary: "Tổng hợp các báo cáo đã nhận / merge returned reports into the summary",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseMergeArgs(args);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    // Each line escaped (paths and texts from files are quoted in messages); `vi` may be lines.
    const fail = ({ refused: { vi, en } }: Refused): number => {
      io.stderr.write(refusalText(vi, en));
      return 2;
    };
    const plan = planMerge(values, positionals);
    if (isRefused(plan)) return fail(plan);

    const merger = createMerger(plan.form, {
      excludeUnitsWithErrors: !!values["exclude-errors"],
      today: plan.date,
    });
    addAll(merger, plan.files, plan.form, io);
    const preferred = applyPreferences(merger, plan.prefer);
    if (isRefused(preferred)) return fail(preferred);
    const c = merger.finish();

    const summary = buildSummary(c, plan.form, {
      reportDate: plan.date,
      preparer: values.preparer,
      head: values.head,
      phone: values.phone,
      assessment: plan.previous.kind === "summary" ? plan.previous.assessment : undefined,
    });
    const writeError = writeOutputs(await outputsOf(plan, c, summary, preferred.chosen));
    if (writeError) return fail(refuse(writeError.vi, writeError.en));

    const lines: string[] = [];
    // The table is several lines, each already made safe: one entry per line, so that its newlines stay newlines.
    if (!values.quiet) lines.push(...formatStatusTable(c, summary.notes).split("\n"));
    lines.push(...doneLines(values, plan, preferred.chosen));
    io.stdout.write(terminalLines(lines));
    return c.counts.accepted > 0 ? 0 : 1;
  },
};

function parseMergeArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      json: { type: "string" },
      units: { type: "string" },
      "exclude-errors": { type: "boolean" },
      prefer: { type: "string", multiple: true },
      date: { type: "string" },
      preparer: { type: "string" },
      head: { type: "string" },
      phone: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      form: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/**
 * The arguments checked and the inputs listed, before any file is read: the form (and --units),
 * the outputs (never an input, replaced only when a previous result of ours, writable), the
 * --prefer files (each one of the inputs).
 */
function planMerge(values: Values, positionals: string[]): MergePlan | Refused {
  if (!values.out)
    return refuse("cần --out TỆP.xlsx (xem --help)", "--out FILE.xlsx is required (see --help)");
  if (!positionals.length)
    return refuse(
      "chưa chỉ ra tệp hoặc thư mục báo cáo cần tổng hợp",
      "give the report files or directories to merge"
    );
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    return refuse(`ngày "${values.date}" phải có dạng YYYY-MM-DD`, `--date must be YYYY-MM-DD`);
  const form = formWithUnits(values.form, values.units);
  if (isRefused(form)) return form;

  const outAbs = resolve(values.out);
  const jsonAbs = values.json ? resolve(values.json) : null;
  if (jsonAbs && samePath(outAbs, jsonAbs))
    return refuse(
      `--json và --out cùng chỉ một tệp "${outAbs}": bảng tổng hợp và báo cáo JSON phải là hai tệp khác nhau`,
      `--json and --out name the same file "${outAbs}": the summary and the JSON report must be two files`
    );
  const expanded = expandInputs(positionals, { skip: [outAbs, ...(jsonAbs ? [jsonAbs] : [])] });
  // Sorted by path (code units), whatever the order of the arguments.
  const files = [...expanded.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (expanded.missing.length)
    return refuse(
      `không tìm thấy: ${expanded.missing.map((m) => `"${m}"`).join(", ")}`,
      `not found: ${expanded.missing.join(", ")}`
    );
  for (const target of [outAbs, jsonAbs]) {
    if (target && expanded.explicit.some((f) => samePath(f.path, target)))
      return refuse(
        `tệp kết quả "${target}" trùng một tệp nguồn: không ghi đè tệp nguồn`,
        `output "${target}" is one of the inputs: source files are never overwritten`
      );
  }
  // A file already at --out / --json is replaced only when it is a previous result of ours: an
  // output path inside an input folder must never overwrite a unit's returned report. The
  // office's own assessment typed in a previous summary is carried into the new one.
  const previous = previousSummary(outAbs, form);
  if (previous.kind === "refused") return refuse(previous.message.vi, previous.message.en);
  const previousJson = jsonAbs ? previousJsonReport(jsonAbs) : null;
  if (previousJson?.kind === "refused") return refuse(previousJson.message.vi, previousJson.message.en);
  if (!files.length)
    return refuse(
      "không có tệp bảng tính nào trong các đường dẫn đã cho",
      "no spreadsheet files in the given paths"
    );
  const notWritable = checkWritable(jsonAbs ? [outAbs, jsonAbs] : [outAbs]);
  if (notWritable) return refuse(notWritable.vi, notWritable.en);
  const prefer = preferredInputs(values.prefer ?? [], files);
  if (isRefused(prefer)) return prefer;
  return { form, files, outAbs, jsonAbs, previous, prefer, date: values.date ?? todayInVietnam() };
}

/** The form (--form) with the unit registry of --units, when given. */
function formWithUnits(
  formOption: string | undefined,
  unitsPath: string | undefined
): ResolvedForm | Refused {
  const chosen = formFrom(formOption);
  if (!chosen.ok) return refuse(chosen.message.vi, chosen.message.en);
  if (!unitsPath) return chosen.form;
  const got = readInput(unitsPath, { name: unitsPath, maxBytes: REGISTRY_CAP });
  if (!got.ok)
    return refuse(
      `không đọc được danh sách đơn vị "${unitsPath}": ${got.message.vi}`,
      `cannot read the unit registry "${unitsPath}": ${got.message.en}`
    );
  try {
    return withUnits(chosen.form, parseRegistry(Buffer.from(got.bytes).toString("utf8")));
  } catch (e) {
    if (e instanceof RegistryError)
      return refuse(
        [`danh sách đơn vị "${unitsPath}" không hợp lệ:`, ...e.problems.map((p) => `- ${p}`)],
        `invalid unit registry "${unitsPath}"`
      );
    throw e;
  }
}

/** Each --prefer path as the input it names (a file named twice, once); refused when it names none. */
function preferredInputs(
  given: readonly string[],
  files: readonly InputFile[]
): MergePlan["prefer"] | Refused {
  const out: MergePlan["prefer"] = [];
  for (const p of given) {
    const file = files.find((f) => samePath(f.path, p));
    if (file === undefined)
      return refuse(
        `tệp --prefer "${p}" không nằm trong các tệp cần tổng hợp: hãy chỉ ra một trong các tệp đã cho`,
        `--prefer "${p}" is not one of the files to merge: name one of the input files`
      );
    if (!out.some((x) => x.file.name === file.name)) out.push({ given: p, file });
  }
  return out;
}

/** Every input into the merger, one at a time, with a progress line on a terminal. */
function addAll(merger: Merger, files: readonly InputFile[], form: ResolvedForm, io: CliIo): void {
  const progress = io.stderr.isTTY && files.length > 1;
  let lastDraw = 0;
  files.forEach((file, i) => {
    addOne(merger, file, form, io);
    if (progress) {
      const now = Date.now();
      if (now - lastDraw > 100 || i === files.length - 1) {
        lastDraw = now;
        const name = terminalSafe(basename(file.name));
        io.stderr.write(
          `\r\x1b[2KĐang đọc / reading ${i + 1}/${files.length}: ${name.length > 50 ? `${name.slice(0, 49)}…` : name}`
        );
      }
    }
  });
  if (progress) io.stderr.write("\r\x1b[2K");
}

/**
 * The officer's choices, once every file is in the merger: each --prefer file must be an accepted
 * report (a candidate of its unit: accepted or superseded so far), at most one per unit.
 */
function applyPreferences(
  merger: Merger,
  prefer: MergePlan["prefer"]
): { chosen: { unit: string; unitName: string; file: string }[] } | Refused {
  const chosen: { unit: string; unitName: string; file: string }[] = [];
  if (!prefer.length) return { chosen };
  const verdicts = merger.verdicts();
  for (const { given: p, file } of prefer) {
    const v = verdicts.find((x) => x.file === file.name);
    if (v === undefined || v.verdict === "rejected" || v.unit === null)
      return refuse(
        `tệp --prefer "${p}" không phải là báo cáo được nhận nên không thể chọn: ${v?.message?.vi ?? v?.reason}`,
        `--prefer "${p}" is not an accepted report, so it cannot be chosen: ${v?.message?.en ?? v?.reason}`
      );
    const other = chosen.find((x) => x.unit === v.unit);
    if (other)
      return refuse(
        `hai tệp --prefer cùng là báo cáo của ${v.unitName}: "${other.file}" và "${file.name}"; mỗi đơn vị chỉ chọn một tệp`,
        `two --prefer files are reports of the same unit (${v.unit}): "${other.file}" and "${file.name}"; choose one file per unit`
      );
    chosen.push({ unit: v.unit, unitName: v.unitName ?? v.unit, file: file.name });
  }
  for (const x of chosen) merger.prefer(x.unit, x.file);
  return { chosen };
}

/** The summary workbook, and the JSON report when asked for. */
async function outputsOf(
  plan: MergePlan,
  c: Consolidation,
  summary: ReturnType<typeof buildSummary>,
  chosen: readonly { unit: string; file: string }[]
): Promise<{ path: string; data: Uint8Array }[]> {
  const outputs = [{ path: plan.outAbs, data: await writeWorkbook(summary.model) }];
  if (plan.jsonAbs) {
    const json = consolidationToJson(c);
    const report = {
      ...json,
      // The summary's own notes too: texts changed to fit a workbook, naming whose.
      notes: [...json.notes, ...summary.notes.map((n) => n.vi)],
      summary: plan.outAbs,
      // The officer's choices (--prefer): the other files of these units say "officerChoice".
      preferred: chosen.map((x) => ({ unit: x.unit, file: x.file })),
    };
    outputs.push({ path: plan.jsonAbs, data: Buffer.from(`${safeJson(report)}\n`) });
  }
  return outputs;
}

/** What the command says once the outputs are written. */
function doneLines(
  values: Values,
  plan: MergePlan,
  chosen: readonly { unitName: string; file: string }[]
): string[] {
  const lines: string[] = [];
  for (const x of chosen)
    lines.push(
      `Theo lựa chọn của cán bộ (--prefer) / the officer's choice: ${x.unitName} dùng tệp / uses "${basename(x.file)}"`
    );
  const previous = plan.previous;
  if (previous.kind === "summary" && previous.codes.length)
    lines.push(
      `Đã giữ lại phần nhận định của đơn vị tổng hợp (mục ${previous.codes.join(", ")}) từ bảng tổng hợp cũ` +
        ` / kept the assessment typed in the previous summary (${previous.codes.join(", ")})`
    );
  lines.push(
    `Đã ghi bảng tổng hợp / summary written: ${values.out}${values.json ? `; JSON: ${values.json}` : ""}`
  );
  return lines;
}

/**
 * Read one input file and hand it to the merger. Whatever goes wrong with this one file becomes its
 * verdict (see read-failed.ts): the merge goes on with the others.
 */
function addOne(merger: Merger, file: InputFile, form: ResolvedForm, io: CliIo): void {
  let modified = 0;
  try {
    const one = readOne(file, form);
    modified = one.modified;
    if ("unreadable" in one) merger.addUnreadable(file.name, one.modified, one.unreadable);
    else merger.add(file.name, one.modified, one.read);
  } catch (e) {
    merger.add(file.name, modified, readFailed(file.name, e, io.stderr));
  }
}

/**
 * One input file, read for the merge: its modification time and the reader's result (a file over
 * the size limit is rejected without reading past the limit), or why it could not be read
 * (not found, not a regular file, an I/O error: see read-input.ts).
 */
function readOne(
  file: InputFile,
  form: ResolvedForm
): { modified: number; read: InspectResult } | { modified: number; unreadable: Text } {
  const got = file.failure
    ? { ...file.failure, ok: false as const, modified: 0 }
    : readInput(file.path, { name: file.name });
  if (got.ok) return { modified: got.modified, read: inspectFile(got.bytes, form, NODE_READ) };
  if (got.reason === "tooLarge")
    return { modified: got.modified, read: { ok: false, reason: "tooLarge", message: got.message } };
  return { modified: got.modified, unreadable: got.message };
}

// ---------------------------------------------------------------------------------------------

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? `${[...s].slice(0, n - 1).join("")}…` : s + " ".repeat(n - len);
}

function pct(x: number | null): string {
  return x === null ? "-" : `${(Math.round(x * 1000) / 10).toString().replace(".", ",")}%`;
}

/** The readable status table (CLI and demo); `more`: notes besides the merge's (the summary's own). */
export function formatStatusTable(c: Consolidation, more: readonly Text[] = []): string {
  const lines: string[] = [];
  lines.push(`TÌNH HÌNH NỘP BÁO CÁO — ${c.form.id} v${c.form.version} (hạn ${isoToVi(c.form.deadline)})`);
  lines.push("");
  lines.push(`${pad("Đơn vị", 38)} ${pad("Tình trạng", 44)} ${pad("Lỗi", 4)} ${pad("C.báo", 6)} Tệp`);
  lines.push("-".repeat(120));
  for (const u of c.units) {
    const w = u.status === "missing" ? "" : String(u.warnings);
    const e = u.status === "missing" ? "" : String(u.errors);
    lines.push(
      `${pad(u.name, 38)} ${pad(u.label.vi, 44)} ${pad(e, 4)} ${pad(w, 6)} ${u.file ? basename(u.file) : ""}`
    );
  }
  const unused = c.files.filter((f) => f.verdict !== "accepted");
  if (unused.length) {
    lines.push("");
    lines.push(`Tệp không dùng / files not used (${unused.length}):`);
    for (const f of unused)
      lines.push(
        `  ${f.verdict === "superseded" ? "THAY THẾ" : "TỪ CHỐI "}  ${basename(f.file)}: ${f.message?.vi ?? f.reason}`
      );
  }
  if (c.outliers.length) {
    lines.push("");
    lines.push(`Số liệu khác thường / unusual values (${c.outliers.length}):`);
    for (const o of c.outliers.slice(0, 15)) lines.push(`  ${o.message.vi}`);
    if (c.outliers.length > 15)
      lines.push(`  … và ${c.outliers.length - 15} trường hợp khác (xem sheet "Tình hình nộp báo cáo")`);
  }
  for (const n of [...c.notes, ...more]) lines.push(`Ghi chú: ${n.vi}`);
  lines.push("");
  const r = c.rates;
  lines.push(
    `Đã nộp ${r.all.received}/${r.all.expected} (${pct(r.all.reportingRate)}; ${r.groups.map((g) => `${g.group} ${g.received}/${g.expected}`).join(", ")}); ` +
      `đúng hạn ${r.all.onTime}/${r.all.expected} (${pct(r.all.timelinessRate)}); nộp muộn ${r.all.late}; có lỗi ${r.all.withErrors}; chưa nộp ${r.all.missing}.`
  );
  lines.push(
    `Tệp: ${c.counts.files} (dùng ${c.counts.accepted}, thay thế ${c.counts.superseded}, từ chối ${c.counts.rejected}).`
  );
  // Unit names, file names and messages quoting cells come from the files: shown, never obeyed.
  return lines.map(terminalSafe).join("\n");
}
