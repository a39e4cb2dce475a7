/**
 * Decides at start-up whether the task pane runs inside Office.
 *
 * office.js is loaded from Microsoft's CDN by taskpane.html. Opened in a plain browser (or with the
 * CDN unreachable) the page must not stay blank: the caller (start.tsx) starts the browser mode,
 * the same tasks on files, which needs no office.js; this explanation is shown only when that
 * mode itself cannot be loaded.
 */

/** Why the page is not running inside Excel. */
export type NotInOfficeReason =
  /** `window.Office` is undefined: office.js did not load (offline, blocked CDN, file opened directly). */
  | "office-js-missing"
  /** `Office.onReady` resolved without a host: the page was opened in a plain browser. */
  | "no-host"
  /** `Office.onReady` did not resolve within the timeout. */
  | "timeout";

export type OfficeHostState =
  | { inOffice: true; host: Office.HostType; platform: Office.PlatformType | null }
  | { inOffice: false; reason: NotInOfficeReason };

export interface DetectOptions {
  /** The window to look at (tests pass a fake); defaults to the global `window`. */
  win?: { Office?: typeof Office };
  /** How long to wait for `Office.onReady`, in milliseconds (default 3000). */
  timeoutMs?: number;
}

export const DEFAULT_OFFICE_READY_TIMEOUT_MS = 3000;

export async function detectOfficeHost(options: DetectOptions = {}): Promise<OfficeHostState> {
  const win = options.win ?? (typeof window === "undefined" ? {} : (window as { Office?: typeof Office }));
  const timeoutMs = options.timeoutMs ?? DEFAULT_OFFICE_READY_TIMEOUT_MS;
  const office = win.Office;
  if (!office || typeof office.onReady !== "function") {
    return { inOffice: false, reason: "office-js-missing" };
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === "timeout") return { inOffice: false, reason: "timeout" };
    if (!info || !info.host) return { inOffice: false, reason: "no-host" };
    return { inOffice: true, host: info.host, platform: info.platform ?? null };
  } catch {
    return { inOffice: false, reason: "no-host" };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** The explanation shown instead of the add-in UI, Vietnamese first. */
export const NOT_IN_OFFICE_TEXT = {
  vi: "Trang này là phần bổ trợ Excel: hãy mở nó từ Excel (Trang đầu → Báo cáo BĐG).",
  en: "This page is an Excel add-in: open it from Excel (Home → BDG report).",
} as const;

/** A short extra line per reason, Vietnamese / English. */
export const NOT_IN_OFFICE_DETAIL: Record<NotInOfficeReason, { vi: string; en: string }> = {
  "office-js-missing": {
    vi: "Không tải được thư viện Office (office.js) — kiểm tra kết nối Internet.",
    en: "The Office library (office.js) could not be loaded — check the Internet connection.",
  },
  "no-host": {
    vi: "Trang đang mở trong trình duyệt, không phải trong Excel.",
    en: "The page is open in a web browser, not in Excel.",
  },
  timeout: {
    vi: "Excel không phản hồi kịp thời.",
    en: "Excel did not answer in time.",
  },
};

/** Said when the browser mode's files could not be fetched either (offline before the first visit). */
export const BROWSER_MODE_FAILED = {
  vi: "Không tải được các công cụ làm việc trên tệp (trang chưa từng được mở khi có mạng trên máy này). Hãy kết nối mạng rồi tải lại trang; sau đó trang dùng được cả khi không có mạng.",
  en: "The file tools could not be loaded (the page was never opened online on this computer). Connect to the network and reload the page; after that it also works offline.",
} as const;
