/**
 * The browser mode's strings, Vietnamese (default) and English, in the browser mode's chunk: the
 * add-in inside Excel never loads them. The language is the pane's (i18n.ts), and so is `format`.
 */
import * as React from "react";
import { format, useI18n, type Params } from "../i18n";

const VI = {
  "browser.title": "Đang chạy ngoài Excel",
  "browser.banner":
    "Trang đang mở trong trình duyệt, không phải trong Excel: đây là các công cụ làm việc trên tệp. Mọi tệp được đọc và tạo ngay trên máy này, không tải lên đâu cả. Sau lần mở đầu tiên, trang dùng được cả khi không có mạng.",
  "browser.reason.office-js-missing":
    "Không tải được thư viện Office (office.js), có thể do không có mạng: các công cụ trên tệp vẫn dùng được.",
  "browser.reason.timeout":
    "Excel không phản hồi kịp thời. Nếu trang này đang ở trong Excel, hãy đóng rồi mở lại ngăn tác vụ.",
  "browser.offlineReady": "Đã lưu trên máy để dùng khi không có mạng.",
  "btemplate.intro":
    "Tải mẫu báo cáo để gửi cho các đơn vị: mẫu của một đơn vị (điền sẵn tên đơn vị), mẫu dùng chung, hoặc mẫu của tất cả đơn vị trong một tệp .zip.",
  "btemplate.unit": "Đơn vị nhận mẫu",
  "btemplate.blank": "(Để trống — mẫu dùng chung)",
  "btemplate.one": "Tải mẫu (.xlsx)",
  "btemplate.all": "Tải mẫu của tất cả {n} đơn vị (.zip)",
  "btemplate.working": "Đang tạo mẫu…",
  "btemplate.progress": "Đang tạo mẫu {i}/{n}: {unit}",
  "btemplate.done": "Đã tải tệp {file}.",
  "bcheck.intro":
    "Chọn hoặc kéo thả một tệp báo cáo đơn vị gửi về để kiểm tra theo mọi quy tắc của biểu mẫu. Tệp được đọc ngay trên máy này và không bị sửa.",
  "bcheck.pick": "Chọn tệp báo cáo…",
  "bcheck.pickAria": "Chọn tệp báo cáo để kiểm tra",
  "bcheck.drop": "Hoặc kéo thả tệp vào đây",
  "bcheck.reading": "Đang kiểm tra {file}…",
  "bcheck.refused": "Tệp {file} không kiểm tra được",
  "bcheck.result": "Kết quả kiểm tra tệp {file}",
  "bcheck.unit": "Đơn vị: {unit}",
  "bcheck.counts": "{errors} lỗi, {warnings} cảnh báo",
  "bcheck.ok": "Không có lỗi hay cảnh báo nào. Báo cáo dùng được để tổng hợp.",
  "bmerge.intro":
    "Chọn các tệp báo cáo các đơn vị gửi về (.xlsx, .xlsm, .xls, .ods). Tệp được đọc ngay trên máy này, không tải lên đâu cả; tệp gốc không bị sửa.",
  "bmerge.pick": "Chọn tệp…",
  "bmerge.pickAria": "Chọn các tệp báo cáo để tổng hợp",
  "bmerge.drop": "Hoặc kéo thả tệp vào đây",
  "bmerge.download": "Tải bảng tổng hợp (.xlsx)",
  "bmerge.writing": "Đang tạo bảng tổng hợp…",
  "bmerge.downloaded": "Đã tải {file}: {received}/{expected} đơn vị đã nộp.",
  "bmerge.empty": "Chưa có tệp nào. Chọn hoặc kéo thả các tệp báo cáo; có thể chọn nhiều tệp cùng lúc.",
} as const;

export type BrowserStringKey = keyof typeof VI;

const EN: Record<BrowserStringKey, string> = {
  "browser.title": "Running outside Excel",
  "browser.banner":
    "The page is open in a web browser, not in Excel: these are the tools that work on files. Every file is read and made on this computer and uploaded nowhere. After the first visit the page also works without a network.",
  "browser.reason.office-js-missing":
    "The Office library (office.js) could not be loaded, perhaps for lack of a network: the file tools still work.",
  "browser.reason.timeout":
    "Excel did not answer in time. If this page is inside Excel, close and reopen the task pane.",
  "browser.offlineReady": "Saved on this computer for use without a network.",
  "btemplate.intro":
    "Download the report template to send to the units: one unit's template (its name pre-filled), one template for all, or every unit's template in one .zip file.",
  "btemplate.unit": "Unit receiving the template",
  "btemplate.blank": "(Blank — one template for all)",
  "btemplate.one": "Download the template (.xlsx)",
  "btemplate.all": "Download the templates of all {n} units (.zip)",
  "btemplate.working": "Making the template…",
  "btemplate.progress": "Making template {i}/{n}: {unit}",
  "btemplate.done": "Downloaded {file}.",
  "bcheck.intro":
    "Choose or drop one report file returned by a unit to check it against every rule of the form. The file is read on this computer and not changed.",
  "bcheck.pick": "Choose a report file…",
  "bcheck.pickAria": "Choose a report file to check",
  "bcheck.drop": "Or drag and drop the file here",
  "bcheck.reading": "Checking {file}…",
  "bcheck.refused": "{file} cannot be checked",
  "bcheck.result": "Check of {file}",
  "bcheck.unit": "Unit: {unit}",
  "bcheck.counts": "{errors} errors, {warnings} warnings",
  "bcheck.ok": "No errors or warnings. The report can be consolidated.",
  "bmerge.intro":
    "Choose the report files returned by the units (.xlsx, .xlsm, .xls, .ods). Files are read on this computer and uploaded nowhere; the originals are not changed.",
  "bmerge.pick": "Choose files…",
  "bmerge.pickAria": "Choose report files to consolidate",
  "bmerge.drop": "Or drag and drop files here",
  "bmerge.download": "Download the summary (.xlsx)",
  "bmerge.writing": "Making the summary…",
  "bmerge.downloaded": "Downloaded {file}: {received}/{expected} units reported.",
  "bmerge.empty": "No files yet. Choose or drop the report files; several files can be chosen at once.",
};

export const BROWSER_STRINGS = { vi: VI, en: EN } as const;

/** `t` for the browser mode's strings, in the pane's language. */
export function useBrowserText(): (key: BrowserStringKey, params?: Params) => string {
  const { lang } = useI18n();
  return React.useCallback((key, params) => format(BROWSER_STRINGS[lang][key], params), [lang]);
}
