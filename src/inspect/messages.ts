/**
 * Every message of the inspection step, in one catalogue: why a file is refused, what locating
 * found. Vietnamese first, English second.
 */
import type { ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import type { LocateProblem } from "../workbook/locate";
import type { RejectReason } from "./types";

const SAVE_AS = "Sổ làm việc Excel (*.xlsx)";

// Long: one message per refusal reason, a table read case by case; split, it would only scatter it.
export function rejectMessage(
  reason: RejectReason,
  ctx: {
    formId?: string;
    foundId?: string;
    limitMb?: number;
    cells?: number;
    /** The old Excel version of a refused .xls ("Excel 5.0/95"). */
    xlsVersion?: string;
    sheets?: number;
    names?: number;
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
    case "tooManySheets":
      return {
        vi: `Tệp có quá nhiều trang tính (trên ${ctx.sheets ?? 255} trang), không phải biểu mẫu báo cáo: hãy dùng đúng mẫu đã gửi hoặc xóa các trang thừa rồi gửi lại`,
        en: `The workbook lists too many sheets (over ${ctx.sheets ?? 255}) to be a report: use the template that was sent, or delete the extra sheets and send it again`,
      };
    case "tooManyNames":
      return {
        vi: `Tệp có quá nhiều tên ô (Name, trên ${(ctx.names ?? 10_000).toLocaleString("vi-VN")} tên), không phải biểu mẫu báo cáo: hãy dùng đúng mẫu đã gửi`,
        en: `The workbook defines too many names (over ${ctx.names ?? 10_000}) to be a report: use the template that was sent`,
      };
    case "duplicateEntries":
      return {
        vi: "Tệp có hai phần cùng tên bên trong (ví dụ hai bản của cùng một trang tính): mỗi chương trình sẽ đọc ra số liệu khác nhau nên không dùng được. Hãy yêu cầu đơn vị mở tệp bằng Excel, lưu lại rồi gửi lại",
        en: "The file holds two internal parts of the same name (e.g. two copies of one sheet): programs would read different values from it, so it is not used. Ask the unit to open it in Excel, save it and send it again",
      };
    case "readFailed":
      return {
        vi: "Không đọc được tệp do một lỗi ngoài dự kiến của chương trình (không phải do tệp): các tệp khác vẫn được xử lý; hãy báo cho bộ phận kỹ thuật, kèm tệp này",
        en: "The file could not be read because of an unexpected error in the program (not in the file): the other files were processed; report it to technical support with this file",
      };
    case "xls":
      return {
        vi: `Tệp .xls (${ctx.xlsVersion ? `định dạng cũ ${ctx.xlsVersion}` : "Excel 97-2003"}) không đọc được: hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Tệp > Lưu thành > ${SAVE_AS}), rồi gửi lại`,
        en: `An .xls file (${ctx.xlsVersion ? `the old ${ctx.xlsVersion} format` : "Excel 97-2003"}) that cannot be read: open it in Excel and save it as .xlsx (File > Save As > Excel Workbook), then send it again`,
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
    case "severalReports":
      return {
        vi: "Bảng tính có nhiều trang giống báo cáo: không biết trang nào là báo cáo, hãy giữ lại một trang rồi gửi lại",
        en: "Several sheets look like the report: it cannot be told which one is; keep one sheet and send it again",
      };
    case "otherForm":
      return {
        vi: `Tệp là báo cáo theo mẫu khác (${ctx.foundId ?? "?"}), không phải mẫu ${ctx.formId ?? ""}: hãy nhập số liệu vào đúng mẫu ${ctx.formId ?? ""}`,
        en: `The file is a report of another form (${ctx.foundId ?? "?"}), not ${ctx.formId ?? ""}: use the ${ctx.formId ?? ""} template`,
      };
  }
}

/* ---- locating: one message per LocateProblem kind, and the warnings of the inspection ----- */

/** "II.1 (số nữ)", "Năm báo cáo" — what an input is, for a message. */
export function inputLabel(form: ResolvedForm, name: string): Text {
  const target = form.byName.get(name);
  if (!target) return { vi: name, en: name };
  if (target.type === "field") return { vi: `"${target.field.label.vi}"`, en: `"${target.field.label.en}"` };
  const ind = target.indicator;
  if (ind.kind !== "tf") return { vi: ind.code, en: ind.code };
  return target.part === "total"
    ? { vi: `${ind.code} (tổng số)`, en: `${ind.code} (total)` }
    : { vi: `${ind.code} (số nữ)`, en: `${ind.code} (female)` };
}

/** Without the sheet when it is the report sheet: `D14`, else `'Trang 2'!D14`. */
function shortAddress(address: string, reportSheet: string | null): string {
  const bang = address.lastIndexOf("!");
  if (bang < 0 || reportSheet === null) return address;
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return sheet.toUpperCase() === reportSheet.toUpperCase() ? address.slice(bang + 1) : address;
}

export function locateProblemMessage(form: ResolvedForm, p: LocateProblem, reportSheet: string | null): Text {
  const what = inputLabel(form, p.name);
  const isField = form.byName.get(p.name)?.type === "field";
  const at = (a: string): string => shortAddress(a, reportSheet);
  switch (p.kind) {
    case "otherRow":
      return {
        vi: `Không đọc được ${what.vi}: ô ${at(p.address)} nay nằm trên dòng của chỉ tiêu ${p.other} (các dòng đã bị xóa, chèn hoặc sắp xếp lại): hãy nhập lại ${what.vi.split(" ")[0]} vào đúng dòng của mẫu`,
        en: `${what.en} could not be read: cell ${at(p.address)} is now on the row of ${p.other} (rows were deleted, inserted or sorted): enter ${what.en.split(" ")[0]} again on its own row of the template`,
      };
    case "rowDeleted":
      return isField
        ? notFoundMessage(what)
        : {
            vi: `Dòng của chỉ tiêu ${what.vi} đã bị xóa hoặc di chuyển (tên ô trỏ tới #REF! hoặc địa chỉ lưu trong mẫu không còn đúng, cột mã số không còn dòng này): không có số liệu ${what.vi}, hãy nhập lại vào đúng mẫu`,
            en: `The row of ${what.en} was deleted or moved (its name points to #REF! or the address stored in the template is stale, and the code column no longer lists it): no value for ${what.en}, use the template`,
          };
    case "repeated":
      return {
        vi: `Mã số ${what.vi.split(" ")[0]} xuất hiện ở ${p.rows.length} dòng (${p.rows.join(", ")}) trên trang báo cáo: không biết dòng nào là số liệu thật, hãy xóa bảng thừa`,
        en: `Code ${what.en.split(" ")[0]} appears on ${p.rows.length} rows (${p.rows.join(", ")}) of the report sheet: it cannot be told which holds the data; remove the extra table`,
      };
    case "covered": {
      const by = p.byName ? ` (${inputLabel(form, p.byName).vi})` : "";
      const byEn = p.byName ? ` (${inputLabel(form, p.byName).en})` : "";
      return {
        vi: `Ô ${at(p.address)} của ${what.vi} đã bị gộp (Merge) vào ô ${at(p.by)}${by}: số liệu ${what.vi} không đọc được; hãy bỏ gộp ô (Unmerge) và nhập lại từng ô`,
        en: `Cell ${at(p.address)} of ${what.en} was merged into ${at(p.by)}${byEn}: ${what.en} cannot be read; unmerge the cells and enter each value again`,
      };
    }
    case "notFound":
      return notFoundMessage(what);
  }
}

function notFoundMessage(what: Text): Text {
  return {
    vi: `Không tìm thấy ô ${what.vi} (tên ô và dòng mã số đã bị xóa hoặc sửa): hãy nhập lại vào đúng mẫu`,
    en: `Cell ${what.en} was not found (its name and its code row were deleted or changed): use the template`,
  };
}

export function byCodeMessage(count: number, brokenNames: number): Text {
  return {
    vi: `${count} ô được tìm theo cột mã số vì tên ô đã bị xóa hoặc hỏng${brokenNames ? ` (${brokenNames} tên trỏ tới #REF!)` : ""}: hãy kiểm tra lại các số liệu này`,
    en: `${count} cells were located by the code column because their names were deleted or broken${brokenNames ? ` (${brokenNames} names point to #REF!)` : ""}: check these values`,
  };
}

export function byMetaMessage(count: number): Text {
  return {
    vi: `${count} ô được tìm theo trang thông tin mẫu vì tên ô đã bị xóa: hãy kiểm tra lại các số liệu này`,
    en: `${count} cells were located through the template's metadata sheet because their names were deleted: check these values`,
  };
}

export function unverifiedMessage(count: number): Text {
  return {
    vi: `${count} ô được đọc theo tên ô nhưng dòng của chúng không có mã số hay tên chỉ tiêu để đối chiếu: hãy kiểm tra lại các số liệu này`,
    en: `${count} cells were read by their names, but their rows hold no code or label to check them against: check these values`,
  };
}

export function otherSheetsMessage(reportSheet: string, others: string[]): Text {
  const list = others.map((s) => `"${s}"`).join(", ");
  return {
    vi: `Ngoài trang "${reportSheet}", bảng tính còn ${others.length === 1 ? "trang" : "các trang"} ${list} cũng giống báo cáo: chỉ đọc trang "${reportSheet}"; nếu số liệu đúng nằm ở trang khác, hãy xóa trang thừa`,
    en: `Besides "${reportSheet}", the workbook has ${others.length === 1 ? "a sheet" : "sheets"} ${list} that also look like the report: only "${reportSheet}" is read; if the right data is elsewhere, delete the extra sheet`,
  };
}

export function severalReportsMessage(sheets: string[], year: number): Text {
  const list = sheets.map((s) => `"${s}"`).join(", ");
  return {
    vi: `Bảng tính có ${sheets.length} trang giống báo cáo (${list}) mà không trang nào mang tên ô của mẫu hoặc là duy nhất ghi năm ${year}: không biết trang nào là báo cáo, hãy giữ lại một trang rồi gửi lại`,
    en: `The workbook has ${sheets.length} sheets that look like the report (${list}), none carrying the template's cell names or alone in saying ${year}: it cannot be told which is the report; keep one sheet and send it again`,
  };
}

export function secondTableMessage(sheet: string, row: number): Text {
  return {
    vi: `Trang "${sheet}" có thêm một bảng số liệu thứ hai (mã số lặp lại từ dòng ${row}): chỉ đọc bảng đầu tiên; nếu bảng dưới là báo cáo của đơn vị khác, hãy gửi nó thành tệp riêng`,
    en: `Sheet "${sheet}" holds a second table (the codes start again at row ${row}): only the first table is read; if the second is another unit's report, send it as a file of its own`,
  };
}

export function otherVersionMessage(form: ResolvedForm, found: string): Text {
  return {
    vi: `Tệp làm theo mẫu ${form.id} phiên bản ${found}, biểu mẫu đang dùng là phiên bản ${form.version}: số liệu được đọc theo tên ô; chỉ tiêu nào phiên bản ${found} không có sẽ báo thiếu. Nên dùng mẫu phiên bản ${form.version}`,
    en: `The file was made from ${form.id} version ${found}; the form in use is version ${form.version}: values are read by cell name, and indicators version ${found} lacks are reported missing. Prefer the version ${form.version} template`,
  };
}

export function otherDefinitionMessage(form: ResolvedForm): Text {
  return {
    vi: `Tệp làm theo một bản định nghĩa khác của mẫu ${form.id} phiên bản ${form.version} (sổ định nghĩa đã được sửa mà không đổi phiên bản): số liệu được đọc theo tên ô, hãy kiểm tra lại`,
    en: `The file was made from another definition of ${form.id} version ${form.version} (the definition workbook was edited without a new version): values are read by cell name; check them`,
  };
}
