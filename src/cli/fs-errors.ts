/**
 * A file-system error → a short cause in Vietnamese and English, for one-line messages
 * ("Không ghi được …: <cause>"). The officer never sees Node's own text or a stack trace.
 */
import type { Text } from "../form/schema";

const CAUSES: Record<string, Text> = {
  ENOENT: {
    vi: "không có tệp hoặc thư mục này (hoặc nơi này không cho tạo tệp)",
    en: "no such file or folder (or no file can be created there)",
  },
  ENOTDIR: {
    vi: "một phần của đường dẫn là tệp chứ không phải thư mục",
    en: "a part of the path is a file, not a folder",
  },
  EISDIR: { vi: "đây là một thư mục, không phải tệp", en: "it is a folder, not a file" },
  EROFS: { vi: "ổ đĩa hoặc thư mục này chỉ cho đọc", en: "read-only file system" },
  EACCES: { vi: "không có quyền truy cập", en: "permission denied" },
  EPERM: { vi: "hệ thống không cho phép thao tác này", en: "operation not permitted" },
  ENOSPC: { vi: "ổ đĩa đã đầy", en: "no space left on the disk" },
  EDQUOT: { vi: "đã hết hạn mức dung lượng được cấp", en: "disk quota exceeded" },
  EEXIST: { vi: "đã có một tệp hoặc thư mục cùng tên", en: "a file or folder of that name exists" },
  ENAMETOOLONG: { vi: "tên tệp hoặc đường dẫn quá dài", en: "file name or path too long" },
  ELOOP: {
    vi: "đường dẫn có liên kết tượng trưng trỏ vòng",
    en: "the path has symbolic links that loop",
  },
  EBUSY: { vi: "tệp đang bị chương trình khác sử dụng", en: "the file is busy (used by another program)" },
  ETXTBSY: { vi: "tệp đang bị chương trình khác sử dụng", en: "the file is busy (used by another program)" },
  EMFILE: { vi: "đang mở quá nhiều tệp", en: "too many open files" },
  ENFILE: { vi: "đang mở quá nhiều tệp", en: "too many open files" },
  EAGAIN: {
    vi: "tệp chưa sẵn sàng để đọc (tệp đặc biệt của hệ thống)",
    en: "the file is not ready to be read (a special system file)",
  },
  EIO: { vi: "lỗi đọc ghi của thiết bị lưu trữ", en: "input/output error of the storage device" },
  EINVAL: {
    vi: "hệ thống không cho đọc hoặc ghi tệp này theo cách thông thường",
    en: "the system does not allow reading or writing this file the usual way",
  },
  EXDEV: { vi: "không chuyển được tệp giữa hai ổ đĩa", en: "cannot move a file across devices" },
};

/** The error's code, when it is a Node system error. */
export function errorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

/** The cause of a file-system error, with its code: "ổ đĩa đã đầy (ENOSPC)". */
export function fsCause(e: unknown): Text {
  const code = errorCode(e);
  const known = code ? CAUSES[code] : undefined;
  if (known) return { vi: `${known.vi} (${code})`, en: `${known.en} (${code})` };
  const detail = code ?? firstLine(e);
  return { vi: `lỗi hệ thống tệp (${detail})`, en: `file-system error (${detail})` };
}

/** The first line of an error's message (never its stack). */
export function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n", 1)[0].slice(0, 300);
}
