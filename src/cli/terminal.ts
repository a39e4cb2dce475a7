/**
 * Text that reaches the officer's terminal. File names and texts typed in cells come from the
 * returned files: a control character among them could set the window title, clear the screen,
 * move the cursor or (bidi overrides) show a name in another order than it is. Every line that
 * `validate` and `merge` print with such text goes through `terminalSafe`, which writes these
 * characters as visible escapes:
 * - C0 controls (U+0000–U+001F, newline and tab included: our own layout's newlines are added
 *   after escaping) and DEL as `\xNN`;
 * - C1 controls (U+0080–U+009F; U+009B is a one-character CSI on some terminals) and the bidi
 *   embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as `\uNNNN`.
 * Vietnamese letters and every other printable character are kept as they are.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw among the characters above (it already escapes C0). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** One piece of text, safe to print: control and bidi characters become visible escapes. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x80 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/** Lines of our own layout, each made safe, joined with newlines (and a final one). */
export function terminalLines(lines: readonly string[]): string {
  return `${lines.map(terminalSafe).join("\n")}\n`;
}

/**
 * A command's refusal for stderr: "Lỗi: …" then "Error: …", each made safe line by line (a
 * message may hold several lines, e.g. a definition's problems; text from files is escaped).
 */
export function refusalText(vi: string | readonly string[], en: string): string {
  const viLines = (typeof vi === "string" ? [vi] : vi).flatMap((l) => l.split("\n"));
  const [first, ...more] = viLines;
  const [enFirst, ...enMore] = en.split("\n");
  return terminalLines([`Lỗi: ${first}`, ...more, `Error: ${enFirst}`, ...enMore]);
}

/**
 * JSON for stdout or a file: JSON.stringify's text with DEL, C1 and bidi characters also written
 * as `\uNNNN`. The JSON value is unchanged (a parser gives back the very same strings); only its
 * text no longer carries characters that act on a terminal or reorder a line when the JSON is
 * shown with `cat` or in an editor.
 */
export function safeJson(value: unknown, space = 2): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_JSON, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}
