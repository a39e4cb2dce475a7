/** What the officer is told when a returned file cannot be read as a report. */
import type { Text } from "../form/schema";
import type { RejectReason } from "./read-result";

const SAVE_AS = "Sổ làm việc Excel (*.xlsx)";

export function rejectMessage(
  reason: RejectReason,
  ctx: {
    formId?: string;
    formVersion?: string;
    foundId?: string;
    foundVersion?: string;
    limitMb?: number;
    cells?: number;
  } = {}
): Text {
  switch (reason) {
    case "empty":
      return {
        vi: "Tệp rỗng (0 byte): hãy yêu cầu đơn vị gửi lại tệp báo cáo",
        en: "The file is empty (0 bytes): ask the unit to send the report again",
      };
    case "tooLarge":
      return {
        vi: `Tệp quá lớn (trên ${ctx.limitMb ?? 20} MB), không giống một tệp báo cáo: hãy kiểm tra lại tệp hoặc yêu cầu đơn vị gửi lại`,
        en: `The file is too large (over ${ctx.limitMb ?? 20} MB) for a report: check it or ask the unit to send it again`,
      };
    case "zipBomb":
      return {
        vi: "Tệp bị nén bất thường (khi giải nén quá lớn) và có thể gây hại: không mở tệp này, hãy yêu cầu đơn vị gửi lại",
        en: "The file decompresses to an abnormal size and may be hostile: do not open it, ask the unit to send it again",
      };
    case "tooManyCells":
      return {
        vi: `Tệp có quá nhiều ô dữ liệu (trên ${(ctx.cells ?? 1_000_000).toLocaleString("vi-VN")} ô), không phải biểu mẫu báo cáo: hãy dùng đúng mẫu đã gửi`,
        en: `The file holds too many cells (over ${ctx.cells ?? 1_000_000}) to be a report: use the template that was sent`,
      };
    case "xls":
      return {
        vi: `Tệp .xls (Excel 97-2003): hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Tệp > Lưu thành > ${SAVE_AS}), rồi gửi lại`,
        en: "An .xls file (Excel 97-2003): open it in Excel and save it as .xlsx (File > Save As > Excel Workbook), then send it again",
      };
    case "xlsb":
      return {
        vi: `Tệp .xlsb (sổ làm việc nhị phân): hãy mở bằng Excel và lưu lại dưới dạng .xlsx (${SAVE_AS})`,
        en: "An .xlsb (binary workbook): open it in Excel and save it as .xlsx (Excel Workbook)",
      };
    case "ods":
      return {
        vi: "Tệp .ods (LibreOffice/OpenOffice): hãy mở bằng LibreOffice Calc và lưu lại dưới dạng .xlsx (Tệp > Lưu thành > Excel 2007-365), hoặc mở bằng Excel rồi lưu dưới dạng .xlsx",
        en: "An .ods file: open it in LibreOffice Calc and save it as .xlsx (File > Save As > Excel 2007-365), or open it in Excel and save as .xlsx",
      };
    case "numbers":
      return {
        vi: "Tệp Numbers (Apple): hãy mở bằng Numbers và xuất sang Excel (Tệp > Xuất sang > Excel… > .xlsx)",
        en: "An Apple Numbers file: open it in Numbers and export it to Excel (File > Export To > Excel… > .xlsx)",
      };
    case "encrypted":
      return {
        vi: "Tệp được đặt mật khẩu mở: hãy đề nghị đơn vị gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu) rồi gửi lại",
        en: "The file is password-protected: ask the unit to remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and send it again",
      };
    case "corrupt":
      return {
        vi: "Tệp bị hỏng hoặc không đầy đủ (có thể do tải về bị gián đoạn): hãy tải lại tệp hoặc yêu cầu đơn vị gửi lại",
        en: "The file is damaged or incomplete (perhaps an interrupted download): download it again or ask the unit to resend it",
      };
    case "notSpreadsheet":
      return {
        vi: "Tệp không phải là bảng tính Excel (.xlsx) dù có thể mang đuôi .xlsx (ví dụ tệp văn bản, CSV, HTML, Word hoặc PDF bị đổi tên): hãy dùng đúng mẫu báo cáo Excel đã gửi",
        en: "The file is not an Excel workbook (.xlsx), whatever its name says (e.g. a renamed text, CSV, HTML, Word or PDF file): use the Excel report template that was sent",
      };
    case "notReport":
      return {
        vi: `Tệp là bảng tính Excel nhưng không phải báo cáo theo mẫu ${ctx.formId ?? ""} (không có tên ô, trang thông tin mẫu hay cột mã số): hãy nhập số liệu vào đúng mẫu đã gửi`.replace(
          "  ",
          " "
        ),
        en: `The workbook is not a ${ctx.formId ?? ""} report (no cell names, no template metadata, no code column): enter the data in the template that was sent`.replace(
          "  ",
          " "
        ),
      };
    case "otherForm":
      return {
        vi: `Tệp là báo cáo theo mẫu khác (${ctx.foundId ?? "?"}), không phải mẫu ${ctx.formId ?? ""}: hãy nhập số liệu vào đúng mẫu ${ctx.formId ?? ""}`,
        en: `The file is a report of another form (${ctx.foundId ?? "?"}), not ${ctx.formId ?? ""}: use the ${ctx.formId ?? ""} template`,
      };
    case "otherVersion":
      return {
        vi: `Tệp dùng mẫu ${ctx.formId ?? ""} phiên bản ${ctx.foundVersion ?? "?"}, không phải phiên bản hiện hành ${ctx.formVersion ?? ""}: hãy nhập số liệu vào mẫu mới nhất đã gửi`,
        en: `The file uses version ${ctx.foundVersion ?? "?"} of ${ctx.formId ?? ""}, not the current version ${ctx.formVersion ?? ""}: use the latest template`,
      };
  }
}
