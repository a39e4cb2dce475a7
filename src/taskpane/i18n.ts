/**
 * Task pane strings, Vietnamese (default) and English, and the language switch (remembered in
 * localStorage). Every string exists in both languages: `EN` is typed against the keys of `VI`.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
import * as React from "react";
import type { Text } from "../form/schema";

export type Lang = "vi" | "en";

const VI = {
  appTitle: "Báo cáo bình đẳng giới",
  "lang.switch": "English",
  "lang.switchAria": "English (chuyển sang tiếng Anh)",
  "tabs.label": "Chức năng",
  "tab.template": "Mẫu báo cáo",
  "tab.check": "Kiểm tra",
  "tab.merge": "Tổng hợp",

  "error.title": "Đã xảy ra lỗi",
  "error.boundary":
    "Phần này của ngăn tác vụ gặp lỗi không mong muốn. Nhấn “Thử lại”; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn tác vụ.",
  "error.retry": "Thử lại",
  "error.generic": "Không thực hiện được thao tác. Chi tiết kỹ thuật: {detail}",
  "error.dismiss": "Đóng thông báo",

  "template.intro":
    "Tạo mẫu báo cáo để gửi cho các đơn vị. Chọn một đơn vị để điền sẵn tên đơn vị, hoặc để trống để dùng một mẫu chung cho mọi đơn vị.",
  "template.unit.label": "Đơn vị nhận mẫu",
  "template.unit.placeholder": "Để trống — mẫu dùng chung",
  "template.unit.blank": "(Để trống — mẫu dùng chung)",
  "template.unit.hint": "Gõ vài chữ để tìm, ví dụ “Cao Xá”.",
  "template.unit.noMatch": "Không có đơn vị nào khớp.",
  "template.unit.open": "Mở danh sách đơn vị",
  "template.password.label": "Mật khẩu khóa trang tính (không bắt buộc)",
  "template.password.hint": "Để trống nếu không cần khóa. Các ô nhập số liệu luôn để mở cho đơn vị điền.",
  "template.password.warn":
    "Có mật khẩu thì đơn vị không mở khóa được trang tính (không sửa được nhãn, công thức, không chèn được dòng) nếu không được báo mật khẩu. Phần bổ trợ vẫn kiểm tra được báo cáo của đơn vị, nhưng không tô màu được các ô có lỗi. Hãy ghi lại mật khẩu.",
  "template.new": "Tạo sổ mới",
  "template.new.hint": "Mở mẫu trong một sổ làm việc mới để lưu và gửi đi.",
  "template.insert": "Chèn vào sổ đang mở",
  "template.insert.hint": "Thêm các trang tính của mẫu vào sổ đang mở.",
  "template.working": "Đang tạo mẫu…",
  "template.done.new": "Đã mở mẫu trong một sổ làm việc mới. Hãy lưu sổ đó rồi gửi cho đơn vị.",
  "template.done.insert": "Đã chèn mẫu vào sổ đang mở: {sheets}.",

  "check.intro":
    "Mở tệp báo cáo đã điền rồi nhấn “Kiểm tra ngay”. Ô có lỗi được tô đỏ, ô cần xem lại được tô vàng.",
  "check.run": "Kiểm tra ngay",
  "check.running": "Đang kiểm tra…",
  "check.live": "Tự kiểm tra lại khi sửa số liệu",
  "check.clear": "Xóa tô màu",
  "check.cleared": "Đã xóa tô màu; định dạng riêng của các ô được giữ nguyên.",
  "check.summary": "Kết quả kiểm tra",
  "check.errors": "{n} lỗi",
  "check.warnings": "{n} cảnh báo",
  "check.ok": "Không có lỗi hay cảnh báo nào.",
  "check.protected":
    "Các ô không được tô màu vì trang tính đang khóa bằng mật khẩu; danh sách lỗi và cảnh báo dưới đây vẫn đầy đủ.",
  "check.notReport":
    "Sổ đang mở không có báo cáo BĐG. Hãy mở tệp báo cáo đơn vị gửi về, hoặc tạo mẫu ở thẻ “Mẫu báo cáo”.",
  "check.list": "Danh sách lỗi và cảnh báo",
  "check.list.hint": "Nhấn vào một dòng (hoặc nhấn Enter) để chọn ô đó trong trang tính.",
  "check.cell": "Ô {cell}",
  "check.noCell": "Cả báo cáo",
  "check.severity.error": "Lỗi",
  "check.severity.warning": "Cảnh báo",

  "merge.intro":
    "Chọn các tệp báo cáo các đơn vị gửi về (.xlsx, .xlsm, .xls, .ods). Tệp được đọc ngay trên máy này, không tải lên đâu cả; tệp gốc không bị sửa.",
  "merge.deadline": "Hạn nộp báo cáo: {date}. Báo cáo ghi ngày sau hạn là nộp muộn.",
  "merge.help": "Hướng dẫn sử dụng",
  "merge.helpAria": "Hướng dẫn sử dụng (mở trong cửa sổ mới)",
  "merge.pick": "Chọn tệp…",
  "merge.pickAria": "Chọn các tệp báo cáo để tổng hợp",
  "merge.drop": "Hoặc kéo thả tệp vào đây",
  "merge.dropActive": "Thả tệp để đọc",
  "merge.reading": "Đang đọc tệp {i}/{n}: {file}",
  "merge.progress": "Tiến độ đọc tệp",
  "merge.milestone": "Đã đọc {i}/{n} tệp.",
  "merge.cancel": "Hủy",
  "merge.cancelled":
    "Đã hủy sau {i}/{n} tệp. Có thể ghi bảng tổng hợp từ các tệp đã đọc, hoặc chọn thêm tệp.",
  "merge.skipped": "{n} tệp đã đọc trước đó, bỏ qua.",
  "merge.readDone": "Đã đọc {n} tệp: {accepted} được dùng, {superseded} bị thay thế, {rejected} bị từ chối.",
  "merge.units.title": "Kết quả theo đơn vị",
  "merge.units.summary":
    "{received}/{expected} đơn vị đã nộp, trong đó {late} nộp muộn; {missing} chưa nộp; {errors} có lỗi.",
  "merge.units.missing": "Chưa nộp ({n})",
  "merge.units.late": "Nộp muộn ({n})",
  "merge.units.errors": "Có lỗi ({n})",
  "merge.units.allIn": "Tất cả {n} đơn vị đã nộp đúng hạn, không có lỗi.",
  "merge.units.lateDate": "{unit} (ngày {date})",
  "merge.units.errorCount": "{unit} ({n} lỗi)",
  "merge.copy": "Sao chép thông báo gửi đơn vị",
  "merge.copied": "Đã sao chép thông báo; dán (Ctrl+V) vào thư hoặc tin nhắn gửi các đơn vị.",
  "merge.copyFailed": "Không sao chép tự động được: hãy chọn đoạn văn bản dưới đây rồi nhấn Ctrl+C.",
  "merge.copyText": "Thông báo gửi đơn vị",
  "merge.csv": "Tải danh sách tệp (CSV)",
  "merge.csvFile": "danh-sach-tep.csv",
  "merge.csvDone": "Đã tạo tệp “{file}” (danh sách {n} tệp: tên tệp, đơn vị, kết quả, lý do).",
  "merge.files": "Tệp theo đơn vị",
  "merge.files.rejected": "Tệp bị từ chối ({n})",
  "merge.others": "+{n} bản khác",
  "merge.othersAria": "{unit}: {n} bản khác không dùng",
  "merge.moreRejected": "Xem thêm {n} tệp bị từ chối",
  "merge.verdict.accepted": "Được dùng",
  "merge.verdict.superseded": "Bị thay thế",
  "merge.verdict.rejected": "Bị từ chối",
  "merge.issues": "{errors} lỗi, {warnings} cảnh báo.",
  "merge.options": "Tùy chọn tổng hợp",
  "merge.exclude": "Không cộng số liệu của đơn vị có lỗi",
  "merge.chart": "Biểu đồ tỷ lệ nữ theo đơn vị",
  "merge.chart.none": "Không vẽ biểu đồ",
  "merge.write": "Ghi bảng tổng hợp",
  "merge.writing": "Đang ghi vào sổ đang mở…",
  "merge.written": "Đã ghi vào sổ đang mở: {sheets}.",
  "merge.rates": "{received}/{expected} đơn vị đã nộp, {missing} chưa nộp.",
  "merge.reset": "Làm lại từ đầu",
  "merge.reset.title": "Làm lại từ đầu?",
  "merge.reset.body":
    "Danh sách {n} tệp đã đọc và các lựa chọn “Dùng tệp này” sẽ bị bỏ. Các trang tính đã ghi trong sổ đang mở vẫn giữ nguyên.",
  "merge.reset.keep": "Không, giữ lại",
  "merge.nothing": "Chưa có tệp nào được dùng, chưa ghi được bảng tổng hợp.",
  "merge.use": "Dùng tệp này",
  "merge.useAria": "Dùng tệp này ({file}) cho {unit} thay cho tệp đang được dùng",
  "merge.using": "Đang tổng hợp lại theo lựa chọn…",
  "merge.chosenMark": "Tệp do cán bộ chọn cho {unit}.",
  "merge.chosen":
    "Đã chọn dùng tệp “{file}” cho {unit}. Nhấn “Ghi bảng tổng hợp” để ghi bảng theo lựa chọn này.",
  "merge.empty": "Chưa có tệp nào. Chọn hoặc kéo thả các tệp báo cáo; có thể chọn nhiều tệp cùng lúc.",
} as const;

export type StringKey = keyof typeof VI | FormStringKey;

const EN: Record<keyof typeof VI, string> = {
  appTitle: "Gender equality report",
  "lang.switch": "Tiếng Việt",
  "lang.switchAria": "Tiếng Việt (switch to Vietnamese)",
  "tabs.label": "Functions",
  "tab.template": "Report template",
  "tab.check": "Check",
  "tab.merge": "Consolidate",

  "error.title": "Something went wrong",
  "error.boundary":
    "This part of the task pane hit an unexpected error. Press “Try again”; if it keeps failing, close and reopen the task pane.",
  "error.retry": "Try again",
  "error.generic": "The operation could not be completed. Technical detail: {detail}",
  "error.dismiss": "Dismiss message",

  "template.intro":
    "Make the report template to send to the units. Choose a unit to pre-fill its name, or leave it blank for one template for every unit.",
  "template.unit.label": "Unit receiving the template",
  "template.unit.placeholder": "Blank — one template for all",
  "template.unit.blank": "(Blank — one template for all)",
  "template.unit.hint": "Type a few letters to search, e.g. “Cao Xá”.",
  "template.unit.noMatch": "No unit matches.",
  "template.unit.open": "Open the list of units",
  "template.password.label": "Sheet lock password (optional)",
  "template.password.hint": "Leave blank for no lock. Input cells always stay open for the unit.",
  "template.password.warn":
    "With a password, a unit cannot unlock the sheet (to change labels or formulas, or insert rows) unless you tell them the password. The add-in still checks the unit's report, but cannot colour the cells with errors. Write the password down.",
  "template.new": "New workbook",
  "template.new.hint": "Opens the template in a new workbook to save and send.",
  "template.insert": "Insert into the open workbook",
  "template.insert.hint": "Adds the template's sheets to the open workbook.",
  "template.working": "Making the template…",
  "template.done.new": "The template opened in a new workbook. Save it, then send it to the unit.",
  "template.done.insert": "The template was inserted into the open workbook: {sheets}.",

  "check.intro":
    "Open a filled-in report, then press “Check now”. Cells with errors turn red, cells to review turn yellow.",
  "check.run": "Check now",
  "check.running": "Checking…",
  "check.live": "Re-check as I edit",
  "check.clear": "Clear colours",
  "check.cleared": "Colours cleared; the cells' own formatting is kept.",
  "check.summary": "Check result",
  "check.errors": "{n} errors",
  "check.warnings": "{n} warnings",
  "check.ok": "No errors or warnings.",
  "check.protected":
    "The cells were not coloured because the sheet is locked with a password; the list of errors and warnings below is complete.",
  "check.notReport":
    "The open workbook holds no gender equality report. Open a report returned by a unit, or make a template in the “Report template” tab.",
  "check.list": "Errors and warnings",
  "check.list.hint": "Press a row (or Enter) to select that cell in the sheet.",
  "check.cell": "Cell {cell}",
  "check.noCell": "Whole report",
  "check.severity.error": "Error",
  "check.severity.warning": "Warning",

  "merge.intro":
    "Choose the report files returned by the units (.xlsx, .xlsm, .xls, .ods). Files are read on this computer and uploaded nowhere; the originals are not changed.",
  "merge.deadline": "Report deadline: {date}. A report dated later is late.",
  "merge.help": "User guide",
  "merge.helpAria": "User guide (opens in a new window)",
  "merge.pick": "Choose files…",
  "merge.pickAria": "Choose report files to consolidate",
  "merge.drop": "Or drag and drop files here",
  "merge.dropActive": "Drop the files to read them",
  "merge.reading": "Reading file {i}/{n}: {file}",
  "merge.progress": "File reading progress",
  "merge.milestone": "{i}/{n} files read.",
  "merge.cancel": "Cancel",
  "merge.cancelled":
    "Cancelled after {i}/{n} files. You can write the summary from the files read, or add more files.",
  "merge.skipped": "{n} files already read before, skipped.",
  "merge.readDone": "Read {n} files: {accepted} used, {superseded} superseded, {rejected} rejected.",
  "merge.units.title": "Result by unit",
  "merge.units.summary":
    "{received}/{expected} units reported, {late} of them late; {missing} missing; {errors} with errors.",
  "merge.units.missing": "Not reported ({n})",
  "merge.units.late": "Late ({n})",
  "merge.units.errors": "With errors ({n})",
  "merge.units.allIn": "All {n} units reported on time, without errors.",
  "merge.units.lateDate": "{unit} ({date})",
  "merge.units.errorCount": "{unit} ({n} errors)",
  "merge.copy": "Copy the message to the units",
  "merge.copied": "Message copied; paste it (Ctrl+V) into an e-mail or a chat to the units.",
  "merge.copyFailed": "Could not copy automatically: select the text below and press Ctrl+C.",
  "merge.copyText": "Message to the units",
  "merge.csv": "Download the file list (CSV)",
  "merge.csvFile": "file-list.csv",
  "merge.csvDone": "Made “{file}” (list of {n} files: file name, unit, verdict, reason).",
  "merge.files": "Files by unit",
  "merge.files.rejected": "Rejected files ({n})",
  "merge.others": "+{n} other versions",
  "merge.othersAria": "{unit}: {n} other versions, not used",
  "merge.moreRejected": "Show {n} more rejected files",
  "merge.verdict.accepted": "Used",
  "merge.verdict.superseded": "Superseded",
  "merge.verdict.rejected": "Rejected",
  "merge.issues": "{errors} errors, {warnings} warnings.",
  "merge.options": "Consolidation options",
  "merge.exclude": "Leave units with errors out of the totals",
  "merge.chart": "Chart of percent female by unit",
  "merge.chart.none": "No chart",
  "merge.write": "Write summary",
  "merge.writing": "Writing into the open workbook…",
  "merge.written": "Written into the open workbook: {sheets}.",
  "merge.rates": "{received}/{expected} units reported, {missing} missing.",
  "merge.reset": "Start over",
  "merge.reset.title": "Start over?",
  "merge.reset.body":
    "The list of {n} files read and the “Use this file” choices will be dropped. Sheets already written in the open workbook stay as they are.",
  "merge.reset.keep": "No, keep them",
  "merge.nothing": "No file is used yet; nothing to write.",
  "merge.use": "Use this file",
  "merge.useAria": "Use this file ({file}) for {unit} instead of the one used",
  "merge.using": "Consolidating again with your choice…",
  "merge.chosenMark": "File chosen by the officer for {unit}.",
  "merge.chosen":
    "“{file}” is now used for {unit}. Press “Write summary” to write the sheets with this choice.",
  "merge.empty": "No files yet. Choose or drop the report files; several files can be chosen at once.",
};

/* ---- The "Biểu mẫu" (Form) tab and the form line of every tab: their own block. (The browser
 * mode's strings live in browser/strings.ts, in the browser mode's own chunk.) ---- */
const VI_FORM = {
  "tab.form": "Biểu mẫu",
  "form.line": "Biểu mẫu: {id} v{version} — hạn {deadline}",
  "form.line.aria": "{line}. Bấm để xem thẻ Biểu mẫu đang dùng.",
  "form.intro":
    "Biểu mẫu quy định các chỉ tiêu, quy tắc kiểm tra và danh sách đơn vị của báo cáo. Các thẻ Mẫu báo cáo, Kiểm tra và Tổng hợp đều dùng biểu mẫu đang chọn ở đây.",
  "form.loading": "Đang mở thẻ Biểu mẫu…",
  "form.active": "Biểu mẫu đang dùng",
  "form.builtIn": "có sẵn",
  "form.id": "Mã biểu mẫu",
  "form.version": "Phiên bản",
  "form.year": "Năm báo cáo",
  "form.deadline": "Hạn gửi báo cáo",
  "form.indicators": "Số chỉ tiêu",
  "form.units": "Số đơn vị",
  "form.groups": "Nhóm đơn vị",
  "form.group": "{group}: {n} đơn vị",
  "form.create": "Tạo sổ định nghĩa",
  "form.create.hint":
    "Mở định nghĩa của biểu mẫu đang dùng (chỉ tiêu, quy tắc, đơn vị) trong một sổ làm việc mới để sửa.",
  "form.creating": "Đang tạo sổ định nghĩa…",
  "form.created":
    "Đã mở định nghĩa biểu mẫu {id} trong một sổ làm việc mới. Sửa xong, lưu sổ rồi bấm “Dùng biểu mẫu trong sổ này” trong sổ đó.",
  "form.use": "Dùng biểu mẫu trong sổ này",
  "form.use.hint":
    "Đọc các trang định nghĩa của sổ đang mở. Nếu có lỗi, ô lỗi được tô đỏ và liệt kê bên dưới; nếu không, biểu mẫu được dùng ngay.",
  "form.download": "Tải sổ định nghĩa (.xlsx)",
  "form.download.hint":
    "Tải định nghĩa của biểu mẫu đang dùng để sửa trong Excel, WPS hoặc LibreOffice, rồi chọn lại tệp đã sửa.",
  "form.downloaded": "Đã tải tệp {file}.",
  "form.pick": "Dùng tệp định nghĩa…",
  "form.pick.hint": "Chọn một sổ định nghĩa biểu mẫu (.xlsx); tệp được đọc ngay trên máy này.",
  "form.pickAria": "Chọn tệp định nghĩa biểu mẫu",
  "form.reading": "Đang đọc định nghĩa biểu mẫu…",
  "form.used":
    "Đã dùng biểu mẫu {id} v{version} ({indicators} chỉ tiêu, {units} đơn vị). Các thẻ Mẫu báo cáo, Kiểm tra và Tổng hợp dùng biểu mẫu này.",
  "form.notSaved":
    "Không lưu được lựa chọn trên máy này (bộ nhớ của trình duyệt bị tắt hoặc đã đầy): biểu mẫu chỉ được dùng đến khi đóng trang.",
  "form.problems":
    "Định nghĩa biểu mẫu có {n} lỗi nên chưa được dùng. Sửa các ô được tô đỏ rồi bấm lại “Dùng biểu mẫu trong sổ này”.",
  "form.problems.file": "Tệp định nghĩa {file} có {n} lỗi nên chưa được dùng. Sửa tệp rồi chọn lại.",
  "form.problems.list": "Các lỗi của định nghĩa",
  "form.problems.hint": "Bấm vào một dòng (hoặc nhấn Enter) để chọn ô đó trong trang tính.",
  "form.problem.cell": "Ô {cell}",
  "form.notDefinition":
    "Sổ này không có các trang định nghĩa biểu mẫu (“Thông tin”, “Chỉ tiêu”, “Đơn vị”…). Hãy mở sổ định nghĩa, hoặc bấm “Tạo sổ định nghĩa”.",
  "form.copy.title": "Sao chép cho năm khác",
  "form.copy.hint":
    "Giữ nguyên chỉ tiêu, quy tắc và đơn vị; đổi năm báo cáo, hạn gửi (lùi theo cùng số năm) và năm ghi trong mã, tên biểu mẫu.",
  "form.copy.year": "Năm báo cáo mới",
  "form.copy.run": "Sao chép cho năm {year}",
  "form.copy.bad": "Năm báo cáo phải là một số nguyên từ 1900 đến 9999.",
  "form.copied": "Đã tạo biểu mẫu {id} cho năm {year} (hạn {deadline}) và đang dùng nó.",
  "form.copied.create": "Tạo sổ định nghĩa của biểu mẫu này",
  "form.copied.download": "Tải sổ định nghĩa của biểu mẫu này",
  "form.switch": "Biểu mẫu đã dùng trên máy này",
  "form.switch.builtIn": "{id} (có sẵn)",
} as const;

type FormStringKey = keyof typeof VI_FORM;

const EN_FORM: Record<FormStringKey, string> = {
  "tab.form": "Form",
  "form.line": "Form: {id} v{version} — due {deadline}",
  "form.line.aria": "{line}. Click to open the Form tab.",
  "form.intro":
    "The form sets the report's indicators, check rules and units. The Report template, Check and Consolidate tabs all use the form chosen here.",
  "form.loading": "Opening the Form tab…",
  "form.active": "Form in use",
  "form.builtIn": "built in",
  "form.id": "Form id",
  "form.version": "Version",
  "form.year": "Report year",
  "form.deadline": "Deadline",
  "form.indicators": "Indicators",
  "form.units": "Units",
  "form.groups": "Unit groups",
  "form.group": "{group}: {n} units",
  "form.create": "Create the definition workbook",
  "form.create.hint":
    "Opens the definition of the form in use (indicators, rules, units) in a new workbook, to edit.",
  "form.creating": "Creating the definition workbook…",
  "form.created":
    "The definition of form {id} opened in a new workbook. When it is edited, save it and click “Use the form in this workbook” there.",
  "form.use": "Use the form in this workbook",
  "form.use.hint":
    "Reads the definition sheets of the open workbook. Problems turn their cells red and are listed below; otherwise the form is used at once.",
  "form.download": "Download the definition workbook (.xlsx)",
  "form.download.hint":
    "Downloads the definition of the form in use, to edit in Excel, WPS or LibreOffice; then choose the edited file.",
  "form.downloaded": "Downloaded {file}.",
  "form.pick": "Use a definition file…",
  "form.pick.hint": "Choose a form definition workbook (.xlsx); it is read on this computer.",
  "form.pickAria": "Choose a form definition file",
  "form.reading": "Reading the form definition…",
  "form.used":
    "Now using form {id} v{version} ({indicators} indicators, {units} units). The Report template, Check and Consolidate tabs use it.",
  "form.notSaved":
    "The choice could not be saved on this computer (browser storage is off or full): the form is used until the page is closed.",
  "form.problems":
    "The form definition has {n} problems, so it is not used yet. Fix the cells marked red, then click “Use the form in this workbook” again.",
  "form.problems.file":
    "The definition file {file} has {n} problems, so it is not used yet. Fix it and choose it again.",
  "form.problems.list": "Problems of the definition",
  "form.problems.hint": "Click a row (or press Enter) to select that cell in the sheet.",
  "form.problem.cell": "Cell {cell}",
  "form.notDefinition":
    "This workbook has no form definition sheets (“Thông tin”, “Chỉ tiêu”, “Đơn vị”…). Open a definition workbook, or click “Create the definition workbook”.",
  "form.copy.title": "Copy for another year",
  "form.copy.hint":
    "Keeps the indicators, rules and units; changes the report year, the deadline (moved by as many years) and the year in the form's id and title.",
  "form.copy.year": "New report year",
  "form.copy.run": "Copy for {year}",
  "form.copy.bad": "The report year must be a whole number from 1900 to 9999.",
  "form.copied": "Form {id} for {year} (due {deadline}) was made and is now in use.",
  "form.copied.create": "Create this form's definition workbook",
  "form.copied.download": "Download this form's definition workbook",
  "form.switch": "Forms used on this computer",
  "form.switch.builtIn": "{id} (built in)",
};
export const STRINGS: Record<Lang, Record<StringKey, string>> = {
  vi: { ...VI, ...VI_FORM },
  en: { ...EN, ...EN_FORM },
};

export const LANG_STORAGE_KEY = "bdg-report.lang";

export type Params = Record<string, string | number>;

/** Sheet names for a message: “Tổng hợp”, “Ý kiến, kiến nghị” (a name may itself hold a comma). */
export function sheetList(names: readonly string[]): string {
  return names.map((n) => `“${n}”`).join(", ");
}

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translate(lang: Lang, key: StringKey, params?: Params): string {
  return format(STRINGS[lang][key], params);
}

/** The remembered language; Vietnamese when nothing (or something unreadable) is stored. */
export function loadLang(storage: Pick<Storage, "getItem"> | null = safeStorage()): Lang {
  try {
    return storage?.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function saveLang(lang: Lang, storage: Pick<Storage, "setItem"> | null = safeStorage()): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be disabled (private mode, some Office hosts): the choice lasts for this session.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: StringKey, params?: Params) => string;
  /** Picks the current language of a `{vi, en}` message. */
  text: (message: Text) => string;
}

const I18nContext = React.createContext<I18n>({
  lang: "vi",
  setLang: () => undefined,
  t: (key, params) => translate("vi", key, params),
  text: (m) => m.vi,
});

export function I18nProvider({ children, initial }: { children: React.ReactNode; initial?: Lang }) {
  const [lang, setLangState] = React.useState<Lang>(() => initial ?? loadLang());
  const value = React.useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        saveLang(next);
        setLangState(next);
      },
      t: (key, params) => translate(lang, key, params),
      text: (m) => m[lang],
    }),
    [lang]
  );
  React.useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);
  return React.createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  return React.useContext(I18nContext);
}
