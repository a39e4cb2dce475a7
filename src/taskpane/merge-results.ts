/**
 * What the Merge tab shows after reading, from the consolidation (src/merge/types.ts): the units
 * to chase (not reported, late, with errors), the files grouped by unit with the other versions
 * folded, a ready-to-send text for the units, and the per-file list as CSV. Pure: no React.
 */
import type { Text } from "../form/schema";
import type { Consolidation, FileVerdict, UnitStatus } from "../merge/types";
import { isoToVi } from "../validate/dates";
import type { Lang } from "./i18n";

export interface UnitsToChase {
  missing: UnitStatus[];
  late: UnitStatus[];
  withErrors: UnitStatus[];
}

/** The units the officer chases first, in registry order. */
export function unitsToChase(c: Consolidation): UnitsToChase {
  return {
    missing: c.units.filter((u) => u.status === "missing"),
    late: c.units.filter((u) => u.status === "late"),
    withErrors: c.units.filter((u) => u.status !== "missing" && u.errors > 0),
  };
}

export interface UnitFiles {
  unit: UnitStatus;
  /** The file used for the unit (null when its only files were rejected: then it is not here). */
  used: FileVerdict | null;
  /** The unit's other files (superseded), newest report date first. */
  others: FileVerdict[];
}

export interface FileGroups {
  /** Units with at least one readable file, in registry order. */
  units: UnitFiles[];
  /** Files that could not be used at all. */
  rejected: FileVerdict[];
}

/** The files by unit (registry order), and the rejected files apart. */
export function groupFiles(c: Consolidation): FileGroups {
  const byUnit = new Map<string, FileVerdict[]>();
  const rejected: FileVerdict[] = [];
  for (const f of c.files) {
    if (f.verdict === "rejected" || f.unit === null) rejected.push(f);
    else {
      const list = byUnit.get(f.unit);
      if (list) list.push(f);
      else byUnit.set(f.unit, [f]);
    }
  }
  const units: UnitFiles[] = [];
  for (const unit of c.units) {
    const files = byUnit.get(unit.code);
    if (!files) continue;
    const used = files.find((f) => f.verdict === "accepted") ?? null;
    const others = files
      .filter((f) => f !== used)
      .sort((a, b) => cmp(b.reportDate ?? "", a.reportDate ?? "") || b.modified - a.modified);
    units.push({ unit, used, others });
  }
  return { units, rejected };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A message to the units, ready to paste into an e-mail or a chat: the units not reported, late
 * and with errors, by name. Vietnamese (the units' language) whatever the pane's language.
 */
export function chaseMessage(c: Consolidation, today: string): string {
  const { missing, late, withErrors } = unitsToChase(c);
  const title = lowerFirst(c.form.title.vi);
  const lines = [
    `${c.collector.name} thông báo tình hình nộp ${title} (hạn nộp ${isoToVi(c.form.deadline)}), tính đến ngày ${isoToVi(today)}:`,
  ];
  if (missing.length)
    lines.push(`- Chưa nộp (${missing.length} đơn vị): ${missing.map((u) => u.name).join(", ")}.`);
  if (late.length)
    lines.push(
      `- Nộp muộn (${late.length} đơn vị): ${late
        .map((u) => (u.reportDate ? `${u.name} (ngày ${isoToVi(u.reportDate)})` : u.name))
        .join(", ")}.`
    );
  if (withErrors.length)
    lines.push(
      `- Báo cáo còn lỗi, đề nghị kiểm tra và gửi lại (${withErrors.length} đơn vị): ${withErrors
        .map((u) => `${u.name} (${u.errors} lỗi)`)
        .join(", ")}.`
    );
  if (!missing.length && !late.length && !withErrors.length)
    lines.push("- Tất cả các đơn vị đã nộp đúng hạn, không có lỗi.");
  else if (missing.length || withErrors.length)
    lines.push("Đề nghị các đơn vị trên khẩn trương gửi báo cáo (hoặc bản đã sửa) về để tổng hợp.");
  return lines.join("\n");
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

const VERDICT_CSV: Record<Lang, Record<FileVerdict["verdict"], string>> = {
  vi: { accepted: "Được dùng", superseded: "Bị thay thế", rejected: "Bị từ chối" },
  en: { accepted: "Used", superseded: "Superseded", rejected: "Rejected" },
};

const CSV_HEADER: Record<Lang, string[]> = {
  vi: ["Tệp", "Đơn vị", "Kết quả", "Lỗi", "Cảnh báo", "Lý do"],
  en: ["File", "Unit", "Verdict", "Errors", "Warnings", "Reason"],
};

function csvField(s: string): string {
  return /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The per-file list as CSV (RFC 4180, comma-separated, CRLF) with a UTF-8 byte order mark so that
 * Excel shows the Vietnamese letters: file, unit, verdict, errors, warnings, reason.
 */
export function filesCsv(c: Consolidation, lang: Lang): string {
  const text = (m: Text | null): string => (m ? m[lang] : "");
  const rows = [CSV_HEADER[lang]];
  for (const f of c.files)
    rows.push([
      f.file,
      f.unitName ?? "",
      VERDICT_CSV[lang][f.verdict],
      String(f.errors),
      String(f.warnings),
      text(f.message),
    ]);
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * A message of the reader, the rules or the merge as the pane shows it: typographic quotes and a
 * full stop at the end (those messages are written as phrases, without one).
 */
export function asSentence(s: string): string {
  const q = typographicQuotes(s.trim());
  return /[.!?…]$/.test(q) ? q : `${q}.`;
}

/** Straight double quotes around a phrase become typographic ones: "x" → “x”. */
export function typographicQuotes(s: string): string {
  return s.replace(/"([^"\n]*)"/g, "“$1”");
}
