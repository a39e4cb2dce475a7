/** Vietnamese-first texts of the merge (verdicts, statuses, notes). */
import type { Text } from "../form/schema";
import { isoToVi } from "../validate/dates";
import { formatNumberVi } from "../validate/number";
import type { SupersedeReason, UnitStatusCode } from "./types";

const t = (vi: string, en: string): Text => ({ vi, en });

/** "05/12/2019 14:03:07" in Vietnam time (UTC+7), independent of the machine's time zone. */
export function formatTimeVi(ms: number): string {
  if (!Number.isFinite(ms)) return "?";
  const d = new Date(ms + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function ownSummaryMessage(collector: string): Text {
  return t(
    `Tệp này là bản tổng hợp của chính ${collector}, không phải báo cáo của đơn vị cấp dưới: không tổng hợp lại (có thể là kết quả lần tổng hợp trước để lẫn trong thư mục).`,
    `This file is a summary made by ${collector} itself, not a unit's report: not merged again (probably a previous merge's output left among the inputs).`
  );
}

export function otherFormMessage(
  formId: string,
  formVersion: string,
  expectedId: string,
  expectedVersion: string
): Text {
  return t(
    `Tệp là báo cáo theo biểu mẫu ${formId} phiên bản ${formVersion}, không phải ${expectedId} phiên bản ${expectedVersion}.`,
    `The file is a report of form ${formId} version ${formVersion}, not ${expectedId} version ${expectedVersion}.`
  );
}

function dateVi(iso: string | null): string {
  return iso ? isoToVi(iso) : "không có";
}

export function supersededMessage(
  reason: SupersedeReason,
  unitName: string,
  winner: { file: string; reportDate: string | null; modified: number },
  loser: { reportDate: string | null; modified: number; otherYear: number | null }
): Text {
  const w = winner.file;
  switch (reason) {
    case "otherYear":
      return t(
        `Không dùng: tệp này là báo cáo năm ${loser.otherYear ?? "?"}; ${unitName} dùng báo cáo đúng năm là tệp "${w}".`,
        `Not used: this file is the ${loser.otherYear ?? "?"} report; ${unitName} uses the report of the form's year, "${w}".`
      );
    case "implausibleDate":
      return t(
        `Không dùng: ngày báo cáo ${dateVi(loser.reportDate)} không thể đúng (ở tương lai hoặc quá một năm sau hạn); ${unitName} dùng tệp "${w}" (ngày báo cáo ${dateVi(winner.reportDate)}).`,
        `Not used: report date ${loser.reportDate ?? "-"} cannot be right (in the future or over a year after the deadline); ${unitName} uses "${w}" (dated ${winner.reportDate ?? "-"}).`
      );
    case "officerChoice":
      return t(
        `Không dùng: đã chọn tệp "${w}" cho ${unitName}.`,
        `Not used: "${w}" was chosen for ${unitName}.`
      );
    case "duplicate":
      return t(
        `Không dùng: trùng nội dung với tệp "${w}" của ${unitName}; không cộng hai lần.`,
        `Not used: same content as "${w}" (${unitName}); not counted twice.`
      );
    case "olderReportDate":
      return t(
        `Không dùng: ${unitName} có báo cáo mới hơn là tệp "${w}" (ngày báo cáo ${dateVi(winner.reportDate)}, tệp này ${dateVi(loser.reportDate)}).`,
        `Not used: ${unitName} sent a later report, "${w}" (dated ${winner.reportDate ?? "-"}; this one ${loser.reportDate ?? "no date"}).`
      );
    case "olderFile":
      return t(
        `Không dùng: ${unitName} có tệp "${w}" cùng ngày báo cáo ${dateVi(winner.reportDate)} nhưng được sửa sau (${formatTimeVi(winner.modified)}, tệp này ${formatTimeVi(loser.modified)}).`,
        `Not used: ${unitName} has "${w}" with the same report date but modified later (${new Date(winner.modified).toISOString()} vs ${new Date(loser.modified).toISOString()}).`
      );
    case "fileNameOrder":
      return t(
        `Không dùng: ${unitName} có tệp "${w}" cùng ngày báo cáo và cùng thời điểm sửa nhưng khác nội dung; đã chọn tệp có tên xếp sau theo thứ tự chữ cái. Hãy kiểm tra và chọn lại nếu cần.`,
        `Not used: ${unitName} has "${w}" with the same report date and modification time but other content; the file whose name sorts last was chosen. Check and choose if needed.`
      );
  }
}

export function statusLabel(
  status: UnitStatusCode,
  reportDate: string | null,
  errors: number,
  excluded: boolean,
  otherYear: number | null = null
): Text {
  let vi: string;
  let en: string;
  if (status === "missing") return t("Chưa nộp", "Missing");
  if (status === "late") {
    vi = `Nộp muộn (${dateVi(reportDate)})`;
    en = `Late (${reportDate ?? "?"})`;
  } else {
    vi = reportDate ? "Đã nộp đúng hạn" : "Đã nộp (không rõ ngày báo cáo)";
    en = reportDate ? "Submitted on time" : "Submitted (no report date)";
  }
  if (errors > 0) {
    vi += `, có lỗi (${errors})`;
    en += `, ${errors} error${errors > 1 ? "s" : ""}`;
  }
  if (otherYear !== null) {
    vi += `, báo cáo năm ${otherYear}`;
    en += `, the ${otherYear} report`;
  }
  if (excluded) {
    vi += ", không đưa vào số tổng hợp";
    en += ", left out of the totals";
  }
  return t(vi, en);
}

export function excludedNote(names: string[]): Text {
  return t(
    `Đã loại ${names.length} đơn vị có lỗi khỏi số tổng hợp (tùy chọn loại đơn vị có lỗi): ${names.join("; ")}.`,
    `${names.length} unit(s) with errors left out of the totals (exclude-errors option): ${names.join("; ")}.`
  );
}

export function incompleteRatioNote(code: string, unitNames: string[]): Text {
  return t(
    `Tỷ lệ nữ tại ${code} tính trên số liệu chưa đầy đủ: ${unitNames.length} đơn vị chỉ nhập một trong hai ô tổng số / nữ (${unitNames.join("; ")}). Hãy đề nghị đơn vị bổ sung.`,
    `The % female at ${code} is computed from incomplete data: ${unitNames.length} unit(s) gave only one of total / female (${unitNames.join("; ")}).`
  );
}

export function conflictNote(unitName: string, files: number, winner: string): Text {
  return t(
    `${unitName} gửi ${files} tệp; dùng tệp "${winner}" (các tệp khác ghi rõ lý do trong danh sách tệp).`,
    `${unitName} sent ${files} files; "${winner}" is used (the others say why in the file list).`
  );
}

export function outlierMessage(args: {
  unitName: string;
  where: string;
  whereEn: string;
  value: number;
  median: number;
  z: number;
  n: number;
  group: string;
  measure: string;
}): Text {
  const m = args.measure ? ` ${args.measure}` : "";
  const z = formatNumberVi(Math.round(args.z * 10) / 10);
  return t(
    `Số liệu khác thường: ${args.unitName}, ${args.where} = ${formatNumberVi(args.value)}${m}, trong khi trung vị của ${args.n} đơn vị nhóm "${args.group}" là ${formatNumberVi(args.median)}${m} (điểm z hiệu chỉnh ${z}). Hãy kiểm tra lại.`,
    `Unusual value: ${args.unitName}, ${args.whereEn} = ${args.value}, while the median of ${args.n} units of the group "${args.group}" is ${args.median} (modified z-score ${(Math.round(args.z * 10) / 10).toFixed(1)}). Please check.`
  );
}

export function otherYearNote(unitName: string, year: number, formYear: number, file: string): Text {
  return t(
    `${unitName} gửi báo cáo năm ${year} (tệp "${file}"), không phải năm ${formYear}: không đưa vào số tổng hợp. Nếu thật ra là báo cáo năm ${formYear} ghi nhầm năm, hãy chọn tệp này (lệnh merge: --prefer "${file}"; ngăn Tổng hợp: chọn tệp) để đưa vào.`,
    `${unitName} sent the ${year} report ("${file}"), not ${formYear}: left out of the totals. If it is in fact the ${formYear} report with the wrong year, choose this file (merge --prefer "${file}", or choose it in the task pane) to count it.`
  );
}

export function otherYearChosenNote(unitName: string, year: number, file: string): Text {
  return t(
    `Theo lựa chọn của cán bộ, tệp "${file}" của ${unitName} (ghi năm ${year}) được đưa vào số tổng hợp.`,
    `As the officer chose, "${file}" of ${unitName} (which says ${year}) is counted in the totals.`
  );
}

export function longTextNote(unitName: string, code: string, length: number, limit: number): Text {
  return t(
    `Nội dung mục ${code} của ${unitName} dài ${formatNumberVi(length)} ký tự, quá giới hạn ${formatNumberVi(limit)} ký tự của một ô Excel: chỉ ghi phần đầu, cuối ô có dấu "[…] (đã cắt bớt)"; xem toàn văn trong tệp của đơn vị.`,
    `${code} of ${unitName} is ${length} characters long, over Excel's ${limit} characters per cell: only its beginning is written, ending with "[…] (truncated)"; the whole text is in the unit's file.`
  );
}

/** A warning of the reading of a unit's file the officer must see in the summary (e.g. another sheet looks like the report). */
export function fileWarningNote(unitName: string, file: string, warning: Text): Text {
  return t(`${unitName} (tệp "${file}"): ${warning.vi}`, `${unitName} ("${file}"): ${warning.en}`);
}
