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
  "lang.label": "Ngôn ngữ",
  "lang.switch": "English",
  "lang.switchAria": "Chuyển sang tiếng Anh (English)",
  "tabs.label": "Các việc",
  "tab.template": "Mẫu báo cáo",
  "tab.check": "Kiểm tra",
  "tab.merge": "Tổng hợp",

  "error.title": "Đã xảy ra lỗi",
  "error.boundary":
    "Phần này của ngăn tác vụ gặp lỗi không mong muốn. Bấm “Thử lại”; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn tác vụ.",
  "error.retry": "Thử lại",
  "error.generic": "Không thực hiện được thao tác. Chi tiết kỹ thuật: {detail}",
  "error.dismiss": "Đóng thông báo",

  "template.intro":
    "Tạo mẫu báo cáo để gửi cho các đơn vị. Chọn một đơn vị để điền sẵn tên đơn vị, hoặc để trống để dùng chung một mẫu cho mọi đơn vị.",
  "template.unit.label": "Đơn vị nhận mẫu",
  "template.unit.placeholder": "Để trống — mẫu dùng chung",
  "template.unit.blank": "(Để trống — mẫu dùng chung)",
  "template.unit.hint": "Gõ vài chữ để tìm, ví dụ “Cao Xá”.",
  "template.unit.noMatch": "Không có đơn vị nào khớp.",
  "template.password.label": "Mật khẩu bảo vệ trang tính (không bắt buộc)",
  "template.password.hint": "Để trống nếu không cần khóa. Các ô nhập số liệu luôn để mở cho đơn vị điền.",
  "template.new": "Tạo sổ mới",
  "template.new.hint": "Mở mẫu trong một sổ làm việc mới để lưu và gửi đi.",
  "template.insert": "Chèn vào sổ hiện tại",
  "template.insert.hint": "Thêm các trang tính của mẫu vào sổ đang mở.",
  "template.working": "Đang tạo mẫu…",
  "template.done.new": "Đã mở mẫu trong một sổ làm việc mới. Hãy lưu sổ đó rồi gửi cho đơn vị.",
  "template.done.insert": "Đã chèn mẫu vào sổ hiện tại: {sheets}.",

  "check.intro":
    "Mở tệp báo cáo đã điền rồi bấm “Kiểm tra ngay”. Ô có lỗi được tô đỏ, ô cần xem lại được tô vàng.",
  "check.run": "Kiểm tra ngay",
  "check.running": "Đang kiểm tra…",
  "check.live": "Tự kiểm tra lại khi sửa số liệu",
  "check.clear": "Xóa đánh dấu",
  "check.cleared": "Đã xóa đánh dấu; định dạng ban đầu của các ô được giữ nguyên.",
  "check.summary": "Kết quả kiểm tra",
  "check.errors": "{n} lỗi",
  "check.warnings": "{n} cảnh báo",
  "check.ok": "Không có lỗi hay cảnh báo nào. Báo cáo sẵn sàng để gửi.",
  "check.notReport":
    "Sổ làm việc này không có báo cáo BĐG. Hãy mở tệp báo cáo đơn vị gửi về, hoặc tạo mẫu ở thẻ “Mẫu báo cáo”.",
  "check.list": "Danh sách lỗi và cảnh báo",
  "check.list.hint": "Bấm vào một dòng (hoặc nhấn Enter) để chọn ô đó trong trang tính.",
  "check.cell": "Ô {cell}",
  "check.noCell": "Cả báo cáo",
  "check.severity.error": "Lỗi",
  "check.severity.warning": "Cảnh báo",
  "check.sheet": "Trang tính: {sheet}",

  "merge.intro":
    "Chọn các tệp báo cáo các đơn vị gửi về (.xlsx, .xlsm). Tệp được đọc ngay trên máy này, không tải lên đâu cả; tệp gốc không bị sửa.",
  "merge.pick": "Chọn tệp…",
  "merge.pickAria": "Chọn các tệp báo cáo để tổng hợp",
  "merge.drop": "Hoặc kéo thả tệp vào đây",
  "merge.dropActive": "Thả tệp để đọc",
  "merge.reading": "Đang đọc {i}/{n}: {file}",
  "merge.progress": "Tiến độ đọc tệp",
  "merge.cancel": "Hủy",
  "merge.cancelled": "Đã hủy. Đã đọc {i}/{n} tệp; có thể ghi tổng hợp với các tệp đã đọc hoặc chọn thêm tệp.",
  "merge.readDone": "Đã đọc {n} tệp: {accepted} được nhận, {superseded} bị thay thế, {rejected} bị từ chối.",
  "merge.files": "Kết quả từng tệp",
  "merge.empty": "Chưa có tệp nào. Chọn hoặc kéo thả các tệp báo cáo; có thể chọn nhiều tệp cùng lúc.",
  "merge.verdict.accepted": "Được nhận",
  "merge.verdict.superseded": "Bị thay thế",
  "merge.verdict.rejected": "Bị từ chối",
  "merge.issues": "{errors} lỗi, {warnings} cảnh báo",
  "merge.options": "Tùy chọn tổng hợp",
  "merge.exclude": "Không cộng số liệu của đơn vị có lỗi",
  "merge.chart": "Biểu đồ tỷ lệ nữ theo đơn vị",
  "merge.chart.none": "Không vẽ biểu đồ",
  "merge.write": "Ghi bảng tổng hợp",
  "merge.writing": "Đang ghi vào sổ làm việc…",
  "merge.written": "Đã ghi vào sổ hiện tại: {sheets}.",
  "merge.rates": "{received}/{expected} đơn vị đã nộp, {missing} chưa nộp.",
  "merge.reset": "Làm lại từ đầu",
  "merge.nothing": "Chưa có tệp nào được nhận, chưa thể ghi tổng hợp.",
  "merge.use": "Dùng tệp này",
  "merge.useAria": "Dùng tệp này ({file}) cho {unit} thay cho tệp đang được nhận",
  "merge.using": "Đang tổng hợp lại theo lựa chọn…",
  "merge.chosenMark": "Tệp do cán bộ chọn cho {unit}",
  "merge.chosen":
    "Đã chọn dùng tệp “{file}” cho {unit}; danh sách tệp đã được cập nhật. Nhấn “Ghi bảng tổng hợp” để ghi bảng theo lựa chọn này.",
} as const;

export type StringKey = keyof typeof VI;

const EN: Record<StringKey, string> = {
  appTitle: "Gender equality report",
  "lang.label": "Language",
  "lang.switch": "Tiếng Việt",
  "lang.switchAria": "Switch to Vietnamese (Tiếng Việt)",
  "tabs.label": "Tasks",
  "tab.template": "Report template",
  "tab.check": "Check",
  "tab.merge": "Consolidate",

  "error.title": "Something went wrong",
  "error.boundary":
    "This part of the task pane hit an unexpected error. Click “Try again”; if it keeps failing, close and reopen the task pane.",
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
  "template.password.label": "Sheet protection password (optional)",
  "template.password.hint": "Leave blank for no lock. Input cells always stay open for the unit.",
  "template.new": "New workbook",
  "template.new.hint": "Opens the template in a new workbook to save and send.",
  "template.insert": "Insert into this workbook",
  "template.insert.hint": "Adds the template's sheets to the open workbook.",
  "template.working": "Making the template…",
  "template.done.new": "The template opened in a new workbook. Save it, then send it to the unit.",
  "template.done.insert": "The template was inserted into this workbook: {sheets}.",

  "check.intro":
    "Open a filled-in report, then click “Check now”. Cells with errors turn red, cells to review turn yellow.",
  "check.run": "Check now",
  "check.running": "Checking…",
  "check.live": "Re-check as I edit",
  "check.clear": "Clear marks",
  "check.cleared": "Marks cleared; the cells' original formatting is kept.",
  "check.summary": "Check result",
  "check.errors": "{n} errors",
  "check.warnings": "{n} warnings",
  "check.ok": "No errors or warnings. The report is ready to send.",
  "check.notReport":
    "This workbook holds no gender equality report. Open a report returned by a unit, or make a template in the “Report template” tab.",
  "check.list": "Errors and warnings",
  "check.list.hint": "Click a row (or press Enter) to select that cell in the sheet.",
  "check.cell": "Cell {cell}",
  "check.noCell": "Whole report",
  "check.severity.error": "Error",
  "check.severity.warning": "Warning",
  "check.sheet": "Sheet: {sheet}",

  "merge.intro":
    "Choose the report files returned by the units (.xlsx, .xlsm). Files are read on this computer and uploaded nowhere; the originals are not changed.",
  "merge.pick": "Choose files…",
  "merge.pickAria": "Choose report files to consolidate",
  "merge.drop": "Or drag and drop files here",
  "merge.dropActive": "Drop the files to read them",
  "merge.reading": "Reading {i}/{n}: {file}",
  "merge.progress": "File reading progress",
  "merge.cancel": "Cancel",
  "merge.cancelled":
    "Cancelled after {i}/{n} files; you can write the summary from the files read, or add more files.",
  "merge.readDone": "Read {n} files: {accepted} accepted, {superseded} superseded, {rejected} rejected.",
  "merge.files": "Result per file",
  "merge.empty": "No files yet. Choose or drop the report files; several files can be chosen at once.",
  "merge.verdict.accepted": "Accepted",
  "merge.verdict.superseded": "Superseded",
  "merge.verdict.rejected": "Rejected",
  "merge.issues": "{errors} errors, {warnings} warnings",
  "merge.options": "Consolidation options",
  "merge.exclude": "Leave units with errors out of the totals",
  "merge.chart": "Chart of percent female by unit",
  "merge.chart.none": "No chart",
  "merge.write": "Write summary",
  "merge.writing": "Writing into the workbook…",
  "merge.written": "Written into this workbook: {sheets}.",
  "merge.rates": "{received}/{expected} units reported, {missing} missing.",
  "merge.reset": "Start over",
  "merge.nothing": "No file has been accepted yet; nothing to write.",
  "merge.use": "Use this file",
  "merge.useAria": "Use this file ({file}) for {unit} instead of the accepted one",
  "merge.using": "Consolidating again with your choice…",
  "merge.chosenMark": "File chosen by the officer for {unit}",
  "merge.chosen":
    "“{file}” is now used for {unit}; the file list is updated. Press “Write summary” to write the sheets with this choice.",
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { vi: VI, en: EN };

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
