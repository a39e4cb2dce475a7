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
 * "Merging"): FILE must be one of the inputs and an accepted report. Each --prefer file is read
 * once beforehand, on its own, to learn its unit (the Merger takes its choices when it is made, and
 * nothing may be written when a --prefer is wrong); then the merge runs with `choose: {unit: file}`
 * and the other files of that unit are superseded with reason "officerChoice".
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { builtInForm, withUnits, type ResolvedForm } from "../form/resolve";
import type { Text, Unit } from "../form/schema";
import { buildSummary } from "../layout/summary";
import {
  consolidationToJson,
  createMerger,
  parseRegistry,
  RegistryError,
  type Consolidation,
} from "../merge";
import { isoToVi } from "../validate/dates";
import { rejectMessage } from "../xlsx/messages";
import type { ReadResult } from "../xlsx/read-result";
import { DEFAULT_LIMITS, readReport } from "../xlsx/reader";
import { NODE_READ } from "./node-read";
import { writeWorkbook } from "../xlsx/write-workbook";
import { expandInputs, samePath } from "./inputs";
import type { Command } from "./io";

const HELP = `Cách dùng / usage: bdg-report merge TỆP… --out TONG-HOP.xlsx [--json BAO-CAO.json] [--units DANH-SACH.csv|json] [--exclude-errors] [--prefer TỆP]…

Tổng hợp các báo cáo đã nhận thành một bảng tổng hợp. TỆP có thể là tệp, thư mục (đọc cả thư
mục con) hoặc mẫu tên có * và ? (ví dụ "nhan/*.xlsx"). Mỗi tệp được nhận diện đơn vị theo nội
dung, không theo tên tệp; tệp nào không dùng đều được ghi rõ lý do. Tệp nguồn không bao giờ bị sửa.
Merges returned reports into one summary workbook; every input file gets a verdict.

  --out TỆP.xlsx       bảng tổng hợp (bắt buộc; không được trùng một tệp nguồn) / summary (required)
  --json TỆP.json      báo cáo dạng JSON: tệp, đơn vị, số tổng / machine-readable report
  --units TỆP          danh sách đơn vị thay cho danh sách mặc định: CSV "code,name,kind"
                       (kind = commune | body) hoặc JSON / replaces the default unit registry
  --exclude-errors     không đưa đơn vị có lỗi vào số tổng hợp / leave units with errors out of the totals
  --prefer TỆP         đơn vị gửi nhiều tệp: dùng tệp này cho đơn vị của nó thay cho tệp có ngày báo
                       cáo mới nhất (lựa chọn của cán bộ; dùng nhiều lần cho nhiều đơn vị; TỆP phải
                       nằm trong các tệp cần tổng hợp) / a unit sent several files: use this one for
                       its unit instead of the latest (the officer's choice; repeatable; FILE must be
                       one of the inputs)
  --date NGÀY          ngày báo cáo của bảng tổng hợp (YYYY-MM-DD; mặc định hôm nay) / report date
  --preparer TÊN       người lập biểu của bảng tổng hợp / prepared by
  --head TÊN           thủ trưởng đơn vị / head of the collecting unit
  --phone SỐ           số điện thoại / phone
  --quiet              không in bảng tình hình nộp / do not print the status table
  --help               trợ giúp này / this help`;

export const mergeCommand: Command = {
  name: "merge",
  summary: "Tổng hợp các báo cáo đã nhận / merge returned reports into the summary",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
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
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    const fail = (vi: string, en: string): number => {
      io.stderr.write(`Lỗi: ${vi}\nError: ${en}\n`);
      return 2;
    };
    if (!values.out)
      return fail("cần --out TỆP.xlsx (xem --help)", "--out FILE.xlsx is required (see --help)");
    if (!positionals.length)
      return fail(
        "chưa chỉ ra tệp hoặc thư mục báo cáo cần tổng hợp",
        "give the report files or directories to merge"
      );
    if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
      return fail(`ngày "${values.date}" phải có dạng YYYY-MM-DD`, `--date must be YYYY-MM-DD`);

    let form: ResolvedForm = builtInForm();
    let units: Unit[] | undefined;
    if (values.units) {
      try {
        units = parseRegistry(readFileSync(values.units, "utf8"));
        form = withUnits(form, units);
      } catch (e) {
        if (e instanceof RegistryError)
          return fail(
            `danh sách đơn vị "${values.units}" không hợp lệ:\n- ${e.problems.join("\n- ")}`,
            `invalid unit registry "${values.units}"`
          );
        return fail(
          `không đọc được danh sách đơn vị "${values.units}": ${(e as Error).message}`,
          `cannot read the unit registry "${values.units}"`
        );
      }
    }

    const outAbs = resolve(values.out);
    const jsonAbs = values.json ? resolve(values.json) : null;
    const expanded = expandInputs(positionals, { skip: [outAbs, ...(jsonAbs ? [jsonAbs] : [])] });
    // Sorted by path (code units), whatever the order of the arguments.
    const files = [...expanded.files].sort();
    if (expanded.missing.length) {
      return fail(
        `không tìm thấy: ${expanded.missing.map((m) => `"${m}"`).join(", ")}`,
        `not found: ${expanded.missing.join(", ")}`
      );
    }
    for (const target of [outAbs, jsonAbs]) {
      if (target && expanded.explicit.some((f) => samePath(f, target))) {
        return fail(
          `tệp kết quả "${target}" trùng một tệp nguồn: không ghi đè tệp nguồn`,
          `output "${target}" is one of the inputs: source files are never overwritten`
        );
      }
    }
    // A file already at --out / --json is replaced only when it is a previous result of ours: an
    // output path inside an input folder must never overwrite a unit's returned report.
    if (existsSync(outAbs) && !isOwnSummary(outAbs, form)) {
      return fail(
        `tệp "${outAbs}" đã có và không phải bảng tổng hợp do chương trình tạo: không ghi đè, hãy chọn tên tệp khác cho --out`,
        `"${outAbs}" exists and is not a summary made by this program: not overwritten, choose another --out`
      );
    }
    if (jsonAbs && existsSync(jsonAbs) && !isOwnJsonReport(jsonAbs)) {
      return fail(
        `tệp "${jsonAbs}" đã có và không phải báo cáo JSON do chương trình tạo: không ghi đè, hãy chọn tên khác cho --json`,
        `"${jsonAbs}" exists and is not a JSON report made by this program: not overwritten, choose another --json`
      );
    }
    if (!files.length)
      return fail(
        "không có tệp bảng tính nào trong các đường dẫn đã cho",
        "no spreadsheet files in the given paths"
      );

    // The officer's choices: each --prefer file is one of the inputs and an accepted report.
    const choose: Record<string, string> = {};
    const preferred: { unit: string; unitName: string; file: string }[] = [];
    for (const p of values.prefer ?? []) {
      const file = files.find((f) => samePath(f, p));
      if (file === undefined)
        return fail(
          `tệp --prefer "${p}" không nằm trong các tệp cần tổng hợp: hãy chỉ ra một trong các tệp đã cho`,
          `--prefer "${p}" is not one of the files to merge: name one of the input files`
        );
      if (preferred.some((x) => x.file === file)) continue; // the same file named twice
      const probe = createMerger(form);
      const one = readOne(file, form);
      if ("unreadable" in one) probe.addUnreadable(file, one.modified, one.unreadable);
      else probe.add(file, one.modified, one.read);
      const v = probe.finish().files[0];
      if (v.verdict !== "accepted" || v.unit === null)
        return fail(
          `tệp --prefer "${p}" không phải là báo cáo được nhận nên không thể chọn: ${v.message?.vi ?? v.reason}`,
          `--prefer "${p}" is not an accepted report, so it cannot be chosen: ${v.message?.en ?? v.reason}`
        );
      const other = preferred.find((x) => x.unit === v.unit);
      if (other)
        return fail(
          `hai tệp --prefer cùng là báo cáo của ${v.unitName}: "${other.file}" và "${file}"; mỗi đơn vị chỉ chọn một tệp`,
          `two --prefer files are reports of the same unit (${v.unit}): "${other.file}" and "${file}"; choose one file per unit`
        );
      choose[v.unit] = file;
      preferred.push({ unit: v.unit, unitName: v.unitName ?? v.unit, file });
    }

    const merger = createMerger(form, { excludeUnitsWithErrors: !!values["exclude-errors"], choose });
    const progress = io.stderr.isTTY && files.length > 1;
    let lastDraw = 0;
    files.forEach((file, i) => {
      const one = readOne(file, form);
      if ("unreadable" in one) merger.addUnreadable(file, one.modified, one.unreadable);
      else merger.add(file, one.modified, one.read);
      if (progress) {
        const now = Date.now();
        if (now - lastDraw > 100 || i === files.length - 1) {
          lastDraw = now;
          const name = basename(file);
          io.stderr.write(
            `\r\x1b[2KĐang đọc / reading ${i + 1}/${files.length}: ${name.length > 50 ? `${name.slice(0, 49)}…` : name}`
          );
        }
      }
    });
    if (progress) io.stderr.write("\r\x1b[2K");
    const c = merger.finish();

    const reportDate = values.date ?? todayInVietnam();
    const bytes = await writeWorkbook(
      buildSummary(c, form, { reportDate, preparer: values.preparer, head: values.head, phone: values.phone })
        .model
    );
    mkdirSync(dirname(outAbs), { recursive: true });
    writeFileSync(outAbs, bytes);
    if (jsonAbs) {
      mkdirSync(dirname(jsonAbs), { recursive: true });
      const report = {
        ...consolidationToJson(c),
        summary: outAbs,
        // The officer's choices (--prefer): the other files of these units say "officerChoice".
        preferred: preferred.map((x) => ({ unit: x.unit, file: x.file })),
      };
      writeFileSync(jsonAbs, `${JSON.stringify(report, null, 2)}\n`);
    }

    if (!values.quiet) io.stdout.write(`${formatStatusTable(c)}\n`);
    for (const x of preferred)
      io.stdout.write(
        `Theo lựa chọn của cán bộ (--prefer) / the officer's choice: ${x.unitName} dùng tệp / uses "${basename(x.file)}"\n`
      );
    io.stdout.write(
      `Đã ghi bảng tổng hợp / summary written: ${values.out}${values.json ? `; JSON: ${values.json}` : ""}\n`
    );
    return c.counts.accepted > 0 ? 0 : 1;
  },
};

/**
 * One input file, read for the merge: its modification time and the reader's result (a file over
 * the size limit is rejected without reading it), or why it could not be opened.
 */
function readOne(
  file: string,
  form: ResolvedForm
): { modified: number; read: ReadResult } | { modified: number; unreadable: Text } {
  let modified = 0;
  let bytes: Uint8Array;
  try {
    const st = statSync(file);
    modified = st.mtimeMs;
    if (st.size > DEFAULT_LIMITS.maxFileBytes) {
      return {
        modified,
        read: {
          ok: false,
          reason: "tooLarge",
          message: rejectMessage("tooLarge", { limitMb: Math.round(DEFAULT_LIMITS.maxFileBytes / 1048576) }),
        },
      };
    }
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    return {
      modified,
      unreadable: {
        vi: `Không đọc được tệp "${file}": ${(e as Error).message}`,
        en: `Cannot read "${file}": ${(e as Error).message}`,
      },
    };
  }
  return { modified, read: readReport(bytes, form, NODE_READ) };
}

function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? `${[...s].slice(0, n - 1).join("")}…` : s + " ".repeat(n - len);
}

function pct(x: number | null): string {
  return x === null ? "-" : `${(Math.round(x * 1000) / 10).toString().replace(".", ",")}%`;
}

/** The readable status table (CLI and demo). */
export function formatStatusTable(c: Consolidation): string {
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
  for (const n of c.notes) lines.push(`Ghi chú: ${n.vi}`);
  lines.push("");
  const r = c.rates;
  lines.push(
    `Đã nộp ${r.all.received}/${r.all.expected} (${pct(r.all.reportingRate)}; xã, thị trấn ${r.commune.received}/${r.commune.expected}, cơ quan ${r.body.received}/${r.body.expected}); ` +
      `đúng hạn ${r.all.onTime}/${r.all.expected} (${pct(r.all.timelinessRate)}); nộp muộn ${r.all.late}; có lỗi ${r.all.withErrors}; chưa nộp ${r.all.missing}.`
  );
  lines.push(
    `Tệp: ${c.counts.files} (dùng ${c.counts.accepted}, thay thế ${c.counts.superseded}, từ chối ${c.counts.rejected}).`
  );
  return lines.join("\n");
}

/** A summary workbook this program wrote earlier (metadata kind "summary"): safe to replace. */
function isOwnSummary(path: string, form: ResolvedForm): boolean {
  try {
    const read = readReport(new Uint8Array(readFileSync(path)), form, NODE_READ);
    return read.ok && read.metaKind === "summary";
  } catch {
    return false;
  }
}

/** A JSON report this program wrote earlier: safe to replace. */
function isOwnJsonReport(path: string): boolean {
  try {
    const j = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
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
