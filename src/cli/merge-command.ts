/**
 * `bdg-report merge FILE… --out SUMMARY.xlsx [--json REPORT.json] [--units REGISTRY.csv|json] [--exclude-errors]`
 *
 * Files, directories (recursively, spreadsheet extensions) and globs (`*`, `?` in any path
 * segment) expand. Files are read one at a time and handed to the incremental Merger: the bytes
 * of one file are dropped before the next is read. Source files are never written; --out may not
 * be one of the inputs (an --out met while expanding a directory or a glob is skipped, so a
 * re-run next to last run's summary works).
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { builtInForm, withUnits, type ResolvedForm } from "../form/resolve";
import type { Unit } from "../form/schema";
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
import { DEFAULT_LIMITS, readReport } from "../xlsx/reader";
import { NODE_READ } from "./node-read";
import { writeWorkbook } from "../xlsx/write-workbook";
import { expandInputs, samePath } from "./inputs";
import type { Command } from "./io";

const HELP = `Cách dùng / usage: bdg-report merge TỆP… --out TONG-HOP.xlsx [--json BAO-CAO.json] [--units DANH-SACH.csv|json] [--exclude-errors]

Tổng hợp các báo cáo đã nhận thành một bảng tổng hợp. TỆP có thể là tệp, thư mục (đọc cả thư
mục con) hoặc mẫu tên có * và ? (ví dụ "nhan/*.xlsx"). Mỗi tệp được nhận diện đơn vị theo nội
dung, không theo tên tệp; tệp nào không dùng đều được ghi rõ lý do. Tệp nguồn không bao giờ bị sửa.
Merges returned reports into one summary workbook; every input file gets a verdict.

  --out TỆP.xlsx       bảng tổng hợp (bắt buộc; không được trùng một tệp nguồn) / summary (required)
  --json TỆP.json      báo cáo dạng JSON: tệp, đơn vị, số tổng / machine-readable report
  --units TỆP          danh sách đơn vị thay cho danh sách mặc định: CSV "code,name,kind"
                       (kind = commune | body) hoặc JSON / replaces the default unit registry
  --exclude-errors     không đưa đơn vị có lỗi vào số tổng hợp / leave units with errors out of the totals
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
    if (!files.length)
      return fail(
        "không có tệp bảng tính nào trong các đường dẫn đã cho",
        "no spreadsheet files in the given paths"
      );

    const merger = createMerger(form, { excludeUnitsWithErrors: !!values["exclude-errors"] });
    const progress = io.stderr.isTTY && files.length > 1;
    let lastDraw = 0;
    files.forEach((file, i) => {
      let modified = 0;
      let bytes: Uint8Array | null = null;
      try {
        const st = statSync(file);
        modified = st.mtimeMs;
        if (st.size > DEFAULT_LIMITS.maxFileBytes) {
          merger.add(file, modified, {
            ok: false,
            reason: "tooLarge",
            message: rejectMessage("tooLarge", {
              limitMb: Math.round(DEFAULT_LIMITS.maxFileBytes / 1048576),
            }),
          });
        } else {
          bytes = new Uint8Array(readFileSync(file));
        }
      } catch (e) {
        merger.addUnreadable(file, modified, {
          vi: `Không đọc được tệp "${file}": ${(e as Error).message}`,
          en: `Cannot read "${file}": ${(e as Error).message}`,
        });
      }
      if (bytes) merger.add(file, modified, readReport(bytes, form, NODE_READ));
      bytes = null;
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
    writeFileSync(outAbs, bytes);
    if (jsonAbs)
      writeFileSync(jsonAbs, `${JSON.stringify({ ...consolidationToJson(c), summary: outAbs }, null, 2)}\n`);

    if (!values.quiet) io.stdout.write(`${formatStatusTable(c)}\n`);
    io.stdout.write(
      `Đã ghi bảng tổng hợp / summary written: ${values.out}${values.json ? `; JSON: ${values.json}` : ""}\n`
    );
    return c.counts.accepted > 0 ? 0 : 1;
  },
};

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
