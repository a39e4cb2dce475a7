/**
 * Text as a workbook can hold it. Two limits any text written to a workbook must respect, whatever
 * it came from (a returned file's narrative, a unit name, a file name, a message quoting a cell):
 * - XML 1.0 forbids some characters anywhere in a part: C0 controls except tab, LF and CR, lone
 *   surrogates, U+FFFE and U+FFFF. A part holding one is ill-formed: openpyxl, expat, lxml and
 *   Excel refuse the file. They are replaced, visibly, by U+FFFD "�".
 * - Excel holds at most 32,767 characters in a cell: a longer text is cut, ending with a marker.
 * The writer applies both to every text (src/xlsx/write-workbook.ts); the merge and the summary
 * layout apply them first where they can say in a note whose text was changed.
 */

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** Ends a text cut at CELL_TEXT_LIMIT. */
export const CUT_MARKER = " […] (đã cắt bớt / truncated)";

export const REPLACEMENT = "\ufffd";

/** Characters XML 1.0 does not allow (lone surrogates: a high one not followed by a low one, a low one not preceded by a high one). */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every XML-illegal character replaced by U+FFFD, and how many were. */
export function xmlSafe(s: string): { text: string; replaced: number } {
  let replaced = 0;
  const text = s.replace(XML_ILLEGAL, () => {
    replaced++;
    return REPLACEMENT;
  });
  return { text, replaced };
}

/** Cut to `limit` characters (marker included), never between the two halves of a surrogate pair; null when it fits. */
export function cutText(s: string, limit = CELL_TEXT_LIMIT): string | null {
  if (s.length <= limit) return null;
  let keep = limit - CUT_MARKER.length;
  const c = s.charCodeAt(keep - 1);
  if (c >= 0xd800 && c <= 0xdbff) keep--;
  return s.slice(0, keep) + CUT_MARKER;
}

export interface SafeCellText {
  text: string;
  /** XML-illegal characters replaced by U+FFFD. */
  replaced: number;
  /** The original length when the text was cut; null when it fitted. */
  cutFrom: number | null;
}

/** A text as a cell can hold it: cut to Excel's limit, XML-illegal characters replaced. */
export function safeCellText(s: string, limit = CELL_TEXT_LIMIT): SafeCellText {
  const cut = cutText(s, limit);
  const { text, replaced } = xmlSafe(cut ?? s);
  return { text, replaced, cutFrom: cut === null ? null : s.length };
}
