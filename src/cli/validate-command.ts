/** `bdg-report validate FILE… [--json]`: read each returned file and list its issues. */
import { parseArgs } from "node:util";
import { builtInForm, type ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import { countBySeverity } from "../validate/issue";
import { inspectFile } from "../xlsx/reader";
import { FORM_OPTION_HELP, formFrom } from "./form-option";
import { NODE_READ } from "./node-read";
import { expandInputs, type InputFile } from "./inputs";
import { readInput } from "./read-input";
import { refusalText, safeJson, terminalLines } from "./terminal";
import type { CliIo, Command } from "./io";
import { readFailed } from "./read-failed";

export interface JsonIssue {
  severity: "error" | "warning";
  rule: string;
  indicator: string | null;
  field: string | null;
  /** Defined name of the cell. */
  cell: string | null;
  /** Where that cell was found, e.g. `'Báo cáo'!D14`. */
  address: string | null;
  message: string;
  messageEn: string;
}

export interface FileVerdict {
  file: string;
  readable: boolean;
  /** RejectReason, or "notFound" / "notRegular" / "tooLarge" / "ioError" (see read-input.ts). */
  reason: string | null;
  message: string | null;
  messageEn: string | null;
  unit: string | null;
  unitName: string | null;
  sheet: string | null;
  via: string | null;
  errors: number;
  warnings: number;
  issues: JsonIssue[];
}

/** Inspect one file's bytes (the same step as the merge and the add-in). */
export function validateBytes(
  file: string,
  bytes: Uint8Array,
  form: ResolvedForm = builtInForm()
): FileVerdict {
  const r = inspectFile(bytes, form, NODE_READ);
  if (!r.ok) return unreadable(file, r.reason, r.message);
  const { errors, warnings } = countBySeverity(r.issues);
  return {
    file,
    readable: true,
    reason: null,
    message: null,
    messageEn: null,
    unit: r.unit.unit?.code ?? null,
    unitName: r.unit.unit?.name ?? null,
    sheet: r.sheetName,
    via: r.via,
    errors,
    warnings,
    issues: r.issues.map((i) => ({
      severity: i.severity,
      rule: i.rule,
      indicator: i.indicator,
      field: i.field ?? null,
      cell: i.cell,
      address: i.cell ? (r.cells.get(i.cell)?.address ?? null) : null,
      message: i.message.vi,
      messageEn: i.message.en,
    })),
  };
}

function unreadable(file: string, reason: string, message: Text): FileVerdict {
  return {
    file,
    readable: false,
    reason,
    message: message.vi,
    messageEn: message.en,
    unit: null,
    unitName: null,
    sheet: null,
    via: null,
    errors: 0,
    warnings: 0,
    issues: [],
  };
}

/**
 * Read one input from disk (bounded, never blocking: see read-input.ts) and check it. Whatever goes
 * wrong with this one file becomes its verdict (read-failed.ts): the other files are still checked.
 */
export function validateFile(
  file: InputFile | string,
  form: ResolvedForm = builtInForm(),
  stderr: CliIo["stderr"] = process.stderr
): FileVerdict {
  const input = typeof file === "string" ? { path: file, name: file } : file;
  try {
    const got = input.failure ?? readInput(input.path, { name: input.name });
    if ("reason" in got) return unreadable(input.name, got.reason, got.message);
    return validateBytes(input.name, got.bytes, form);
  } catch (e) {
    const r = readFailed(input.name, e, stderr);
    return unreadable(input.name, r.reason, r.message);
  }
}

/** 0: no file has an error; 1: some file has errors; 2: some file could not be read as a report. */
export function exitCode(verdicts: FileVerdict[]): number {
  if (verdicts.some((v) => !v.readable)) return 2;
  if (verdicts.some((v) => v.errors > 0)) return 1;
  return 0;
}

function human(verdicts: FileVerdict[], io: CliIo): void {
  const lines: string[] = [];
  for (const v of verdicts) {
    if (!v.readable) {
      lines.push(`✗ ${v.file}`, `    KHÔNG ĐỌC ĐƯỢC [${v.reason}]: ${v.message}`, "");
      continue;
    }
    const unit = v.unitName ? `${v.unitName} [${v.unit}]` : "đơn vị chưa xác định";
    const status = v.errors
      ? `${v.errors} lỗi, ${v.warnings} cảnh báo`
      : v.warnings
        ? `không có lỗi, ${v.warnings} cảnh báo`
        : "không có lỗi";
    lines.push(`${v.errors ? "✗" : "✓"} ${v.file} — ${unit}: ${status}`);
    const sorted = [...v.issues].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
    );
    for (const i of sorted) {
      const where = i.address ? ` (${i.address.replace(/^.*!/, "")})` : "";
      lines.push(
        `    ${i.severity === "error" ? "LỖI     " : "CẢNH BÁO"} ${(i.indicator ?? "").padEnd(6)}${where} ${i.message}`
      );
    }
    lines.push("");
  }
  const unreadableCount = verdicts.filter((v) => !v.readable).length;
  const withErrors = verdicts.filter((v) => v.readable && v.errors > 0).length;
  lines.push(
    `Tổng cộng ${verdicts.length} tệp: ${verdicts.length - unreadableCount - withErrors} đạt, ${withErrors} có lỗi, ${unreadableCount} không đọc được` +
      ` / ${verdicts.length} files: ${verdicts.length - unreadableCount - withErrors} ok, ${withErrors} with errors, ${unreadableCount} unreadable`
  );
  // File names and cell texts come from the files: control characters are shown, not obeyed.
  io.stdout.write(terminalLines(lines));
}

export const validateCommand: Command = {
  name: "validate",
  summary: "Kiểm tra các tệp báo cáo nhận về / check returned report files",
  help: `Cách dùng / usage: bdg-report validate TỆP|THƯ-MỤC… [--json]

Đọc từng tệp báo cáo (.xlsx) nhận về, cho biết đơn vị báo cáo và các lỗi, cảnh báo.
Thư mục: đọc mọi tệp bảng tính trong đó (kể cả thư mục con; bỏ qua tệp ẩn và tệp khóa ~$).
Mẫu tên có * và ? (ví dụ "nhan/*.xlsx") cũng được.
Reads each returned report file and lists its unit, errors and warnings. Directories are
expanded (recursively; spreadsheet extensions only; hidden and ~$ lock files skipped); so are
globs with * and ?.

Mã thoát / exit code:
  0  không tệp nào có lỗi / no file has an error
  1  có tệp có lỗi / some file has errors
  2  có tệp không đọc được như một báo cáo / some file could not be read as a report

  --json   JSON: { "files": [ { "file", "readable", "reason", "unit", "issues": [ { "severity",
           "rule", "indicator", "cell", "address", "message", "messageEn" } ], … } ], "summary" }
${FORM_OPTION_HELP}
  --help   trợ giúp này / this help`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: "boolean" }, form: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    if (!positionals.length) {
      io.stderr.write(`Thiếu tệp cần kiểm tra / no file given\n\n${this.help}\n`);
      return 2;
    }
    const chosen = formFrom(values.form);
    if (!chosen.ok) {
      io.stderr.write(refusalText(chosen.message.vi, chosen.message.en));
      return 2;
    }
    const form = chosen.form;
    // Missing paths stay in the list: each gets a "not found" verdict.
    const { files } = expandInputs(positionals, { keepMissing: true });
    if (!files.length) {
      io.stderr.write("Không có tệp bảng tính nào trong thư mục đã chọn / no spreadsheet file found\n");
      return 2;
    }
    const verdicts = files.map((f) => validateFile(f, form, io.stderr));
    if (values.json) {
      const summary = {
        files: verdicts.length,
        readable: verdicts.filter((v) => v.readable).length,
        withErrors: verdicts.filter((v) => v.readable && v.errors > 0).length,
        unreadable: verdicts.filter((v) => !v.readable).length,
      };
      io.stdout.write(`${safeJson({ files: verdicts, summary })}\n`);
    } else human(verdicts, io);
    return exitCode(verdicts);
  },
};
