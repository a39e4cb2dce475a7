/**
 * Every text the summary layout writes passes here (src/workbook/cell-text.ts): characters XML
 * forbids are replaced by U+FFFD, a text over Excel's 32,767 characters is cut with a marker, and
 * each change is remembered with whose text it was, so that the status sheet's notes can say which
 * unit's text was changed. (The writer applies the same rules to every workbook, silently: this is
 * where the officer is told.)
 */
import type { Text } from "../form/schema";
import { formatNumberVi } from "../validate/number";
import { CELL_TEXT_LIMIT, safeCellText } from "../workbook/cell-text";

/** Whose text a cell holds: the unit (null: none in particular) and what it is ("mục VI.1", "tên tệp"). */
export interface About {
  unit: string | null;
  what: string;
}

interface Change extends About {
  replaced: number;
  cutFrom: number | null;
}

/** How many changes a note lists by name (a hostile file may hold thousands). */
const LISTED = 10;

export class TextGuard {
  private readonly changes: Change[] = [];

  /** The text as a cell can hold it; a change is remembered with `about`. */
  clean(value: string, about: About): string {
    const r = safeCellText(value);
    if (r.replaced || r.cutFrom !== null)
      this.changes.push({ ...about, replaced: r.replaced, cutFrom: r.cutFrom });
    return r.text;
  }

  /** One note per kind of change, naming whose texts were changed (empty when none was). */
  notes(): Text[] {
    const notes: Text[] = [];
    const replaced = this.changes.filter((c) => c.replaced > 0);
    if (replaced.length) {
      const list = listOf(
        replaced,
        (c) => `${c.replaced} ký tự`,
        (c) => `${c.replaced} characters`
      );
      notes.push({
        vi: `Có ký tự không ghi được vào tệp Excel (ký tự điều khiển, U+FFFE, U+FFFF hoặc nửa cặp mã UTF-16) trong văn bản của ${list.vi}: đã thay bằng "\ufffd"; xem bản gốc trong tệp của đơn vị.`,
        en: `Characters a workbook cannot hold (control characters, U+FFFE, U+FFFF or half a UTF-16 pair) in the text of ${list.en}: replaced by "\ufffd"; the original is in the unit's file.`,
      });
    }
    const cut = this.changes.filter((c) => c.cutFrom !== null);
    if (cut.length) {
      const list = listOf(
        cut,
        (c) => `${formatNumberVi(c.cutFrom ?? 0)} ký tự`,
        (c) => `${c.cutFrom ?? 0} characters`
      );
      notes.push({
        vi: `Văn bản quá ${formatNumberVi(CELL_TEXT_LIMIT)} ký tự (giới hạn của một ô Excel) của ${list.vi}: chỉ ghi phần đầu, cuối ô có dấu "[…] (đã cắt bớt)".`,
        en: `Text over ${CELL_TEXT_LIMIT} characters (Excel's limit per cell) of ${list.en}: only its beginning is written, ending with "[…] (truncated)".`,
      });
    }
    return notes;
  }
}

function listOf(changes: Change[], countVi: (c: Change) => string, countEn: (c: Change) => string): Text {
  const shown = changes.slice(0, LISTED);
  const item = (c: Change, count: string): string => `${c.unit ?? "bảng tổng hợp"} (${c.what}: ${count})`;
  const itemEn = (c: Change, count: string): string => `${c.unit ?? "the summary"} (${c.what}: ${count})`;
  const more = changes.length - shown.length;
  return {
    vi: shown.map((c) => item(c, countVi(c))).join("; ") + (more > 0 ? `; và ${more} ô khác` : ""),
    en: shown.map((c) => itemEn(c, countEn(c))).join("; ") + (more > 0 ? `; and ${more} more cells` : ""),
  };
}
