/**
 * A small, linear-time XML scanner for the few OOXML parts the reader needs. No DTD processing:
 * a DOCTYPE (with or without an internal subset) is skipped, never expanded; only the five
 * predefined entities and numeric character references are decoded, anything else stays literal.
 * Element and attribute names are reduced to their local part, so `x:c` and `c` are the same.
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/** Returned by `XmlHandler.open`: skip this element's content and its end tag (no callbacks for them). */
export const SKIP = 1;
/** Returned by `XmlHandler.open`: stop scanning; `scanXml` returns the offset just after this start tag. */
export const STOP = 2;
export type OpenAction = void | typeof SKIP | typeof STOP;

export interface XmlHandler {
  /**
   * `attrs` is the raw attribute text; parse it with `attrsOf` only when needed. `end` is the
   * offset just after the start tag. Return SKIP to pass over the element, STOP to end the scan.
   */
  open(name: string, attrs: string, selfClosing: boolean, end: number): OpenAction;
  /** Return STOP to end the scan just after this end tag. */
  close(name: string): void | typeof STOP;
  /** Text between tags: xml.slice(start, end), still entity-encoded (CDATA is passed with cdata = true). */
  text?(xml: string, start: number, end: number, cdata: boolean): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOT = 34;
const APOS = 39;

export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

export function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Scan `xml` from `from`, calling the handler. Returns where it stopped (xml.length at the end).
 * Throws XmlError on unterminated markup. Linear: `<` is found with indexOf (text can be long),
 * tags are walked char by char (short; a call to indexOf costs more than the walk).
 *
 * When `open` returns SKIP, the element's content is walked without callbacks up to its end
 * tag (nested elements of the same name counted; comments, CDATA and quoted attribute values
 * honoured), so a skipped element costs little more than reading its bytes.
 */
export function scanXml(xml: string, h: XmlHandler, from = 0): number {
  const n = xml.length;
  let pos = from;
  const wantText = h.text !== undefined;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) {
      if (wantText && pos < n) h.text!(xml, pos, n, false);
      return n;
    }
    if (wantText && lt > pos) h.text!(xml, pos, lt, false);
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) throw new XmlError("unterminated CDATA");
        if (wantText) h.text!(xml, lt + 9, e, true);
        pos = e + 3;
      } else {
        pos = skipBang(xml, lt);
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      pos = skipPi(xml, lt);
      continue;
    }
    if (c1 === SLASH) {
      const e = endOfEndTag(xml, lt + 2);
      pos = e + 1;
      if (h.close(localName(xml.slice(lt + 2, e).trim())) === STOP) return pos;
      continue;
    }
    // Start tag: name, then attributes up to '>' outside quotes.
    let i = lt + 1;
    while (i < n && !isNameEnd(xml.charCodeAt(i))) i++;
    const qname = xml.slice(lt + 1, i);
    const name = localName(qname);
    if (!name) throw new XmlError("empty tag name");
    const attrStart = i;
    const end = endOfStartTag(xml, i);
    const selfClosing = xml.charCodeAt(end - 1) === SLASH && end - 1 >= attrStart;
    pos = end + 1;
    const action = h.open(name, xml.slice(attrStart, selfClosing ? end - 1 : end), selfClosing, pos);
    if (action === STOP) return pos;
    if (selfClosing) {
      if (action !== SKIP && h.close(name) === STOP) return pos;
      continue;
    }
    if (action === SKIP) pos = skipContent(xml, pos, qname);
  }
  return n;
}

/** Offset of the '>' ending a start tag whose attributes begin at `i` (quoted values may hold '>'). */
export function endOfStartTag(xml: string, i: number): number {
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOT || c === APOS) {
      i++;
      while (i < n && xml.charCodeAt(i) !== c) i++;
      if (i >= n) throw new XmlError("unterminated attribute value");
    }
    i++;
  }
  throw new XmlError("unterminated start tag");
}

export function endOfEndTag(xml: string, i: number): number {
  const n = xml.length;
  while (i < n && xml.charCodeAt(i) !== GT) i++;
  if (i >= n) throw new XmlError("unterminated end tag");
  return i;
}

/** `<!--…-->` or a declaration, from its '<'; returns the offset after it. (CDATA is handled by the caller.) */
export function skipBang(xml: string, lt: number): number {
  if (xml.startsWith("<!--", lt)) {
    const e = xml.indexOf("-->", lt + 4);
    if (e < 0) throw new XmlError("unterminated comment");
    return e + 3;
  }
  return skipDeclaration(xml, lt + 2);
}

export function skipPi(xml: string, lt: number): number {
  const e = xml.indexOf("?>", lt + 2);
  if (e < 0) throw new XmlError("unterminated processing instruction");
  return e + 2;
}

/**
 * Markup that is not an element — CDATA, comment, declaration, processing instruction — from its
 * '<': the offset after it, or -1 when the '<' starts an element or an end tag.
 */
export function skipMarkup(xml: string, lt: number): number {
  const c1 = xml.charCodeAt(lt + 1);
  if (c1 === 33 /* ! */) {
    if (!xml.startsWith("<![CDATA[", lt)) return skipBang(xml, lt);
    const e = xml.indexOf("]]>", lt + 9);
    if (e < 0) throw new XmlError("unterminated CDATA");
    return e + 3;
  }
  return c1 === 63 /* ? */ ? skipPi(xml, lt) : -1;
}

/**
 * From just after the start tag of `qname`, the offset after its matching end tag (xml.length
 * when the document ends first, as an unclosed element is not an error for the scanner).
 */
function skipContent(xml: string, pos: number, qname: string): number {
  const n = xml.length;
  const qn = qname.length;
  let depth = 1;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) return n;
    const skipped = skipMarkup(xml, lt);
    if (skipped >= 0) {
      pos = skipped;
      continue;
    }
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === SLASH) {
      const e = endOfEndTag(xml, lt + 2);
      pos = e + 1;
      if (sameName(xml, lt + 2, e, qname, qn) && --depth === 0) return pos;
      continue;
    }
    // Another start tag. Only one of the same name matters (nesting depth); for the others the
    // next '<' is the next markup, since '<' cannot occur inside attribute values or text.
    if (xml.startsWith(qname, lt + 1) && isNameEnd(xml.charCodeAt(lt + 1 + qn))) {
      const i = lt + 1 + qn;
      const end = endOfStartTag(xml, i);
      if (!(xml.charCodeAt(end - 1) === SLASH && end - 1 >= i)) depth++;
      pos = end + 1;
    } else pos = lt + 1;
  }
  return n;
}

/** Whether xml[s, e) is `qname` (trailing spaces allowed), as in an end tag. */
function sameName(xml: string, s: number, e: number, qname: string, qn: number): boolean {
  if (!xml.startsWith(qname, s)) return false;
  for (let i = s + qn; i < e; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/** Skip `<!DOCTYPE …>` (internal subset included) or another `<!…>` declaration, without interpreting it. */
function skipDeclaration(xml: string, from: number): number {
  let depth = 0;
  let i = from;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === QUOT || c === APOS) {
      const q = xml.indexOf(c === QUOT ? '"' : "'", i + 1);
      if (q < 0) throw new XmlError("unterminated literal in declaration");
      i = q + 1;
      continue;
    }
    if (c === LT && xml.startsWith("<!--", i)) {
      const e = xml.indexOf("-->", i + 4);
      if (e < 0) throw new XmlError("unterminated comment");
      i = e + 3;
      continue;
    }
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) depth = Math.max(0, depth - 1);
    else if (c === GT && depth === 0) return i + 1;
    i++;
  }
  throw new XmlError("unterminated declaration");
}

function fromCodePoint(cp: number, raw: string): string {
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return raw;
  return String.fromCodePoint(cp);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Decode the five predefined entities and numeric character references; leave anything else as
 * written. Line ends are normalised first, as an XML parser must (`&#13;` survives as CR).
 * One pass, no regular expression (linear in the input).
 */
export function decodeEntities(s: string): string {
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  const n = s.length;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) break;
    const len = semi - amp - 1;
    let rep: string | null = null;
    if (len >= 2 && len <= 9 && s.charCodeAt(amp + 1) === 35 /* # */) {
      const hex = s.charCodeAt(amp + 2) === 120 || s.charCodeAt(amp + 2) === 88;
      let cp = 0;
      let ok = true;
      const from = amp + (hex ? 3 : 2);
      if (from >= semi) ok = false;
      for (let i = from; i < semi && ok; i++) {
        const c = s.charCodeAt(i);
        if (hex ? isHex(c) : c >= 48 && c <= 57)
          cp = cp * (hex ? 16 : 10) + (c <= 57 ? c - 48 : (c | 32) - 87);
        else ok = false;
      }
      if (ok) rep = fromCodePoint(cp, s.slice(amp, semi + 1));
    } else if (len === 2 || len === 3 || len === 4) {
      const name = s.slice(amp + 1, semi);
      rep =
        name === "lt"
          ? "<"
          : name === "gt"
            ? ">"
            : name === "amp"
              ? "&"
              : name === "quot"
                ? '"'
                : name === "apos"
                  ? "'"
                  : null;
    }
    if (rep !== null) {
      out += s.slice(last, amp) + rep;
      last = semi + 1;
      amp = s.indexOf("&", last);
    } else {
      amp = s.indexOf("&", amp + 1);
    }
  }
  return last === 0 ? s : last < n ? out + s.slice(last) : out;
}

const utf8 = new TextDecoder("utf-8");

/**
 * Text taken from a byte string (one char per byte, ISO-8859-1, see ReadOptions.latin1) back to
 * Unicode: the bytes were UTF-8. ASCII-only text (the usual number) is returned as it is. Must be
 * applied before decodeEntities (a `&#7883;` is not a byte). Markup is ASCII and a UTF-8
 * sequence never holds an ASCII byte, so slicing a byte string at markup never splits a character.
 */
export function utf8FromBytes(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) < 0x80) i++;
  if (i === n) return s;
  const b = new Uint8Array(n);
  for (let j = 0; j < n; j++) b[j] = s.charCodeAt(j);
  return utf8.decode(b);
}

/** OOXML's own escape for characters XML cannot carry: `_x000D_`. */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (namespace declarations skipped). A Map, so `__proto__` is just a key. */
export function attrsOf(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!raw) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw))) {
    const q = m[1];
    if (q === "xmlns" || q.startsWith("xmlns:")) continue;
    const local = localName(q);
    if (!out.has(local)) out.set(local, decodeEntities(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** One attribute by local name, without building a map (hot path for cells). */
export function attr(raw: string, name: string): string | undefined {
  const n = raw.length;
  let i = 0;
  while (i < n) {
    let c = raw.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const ns = i;
    while (i < n && (c = raw.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
    const qname = raw.slice(ns, i);
    while (i < n && ((c = raw.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    if (raw.charCodeAt(i) !== 61) return undefined; // malformed: stop
    i++;
    while (i < n && ((c = raw.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    const q = raw.charCodeAt(i);
    if (q !== QUOT && q !== APOS) return undefined;
    const e = raw.indexOf(q === QUOT ? '"' : "'", i + 1);
    if (e < 0) return undefined;
    if (
      (qname === name || (qname.endsWith(name) && qname.charCodeAt(qname.length - name.length - 1) === 58)) &&
      !qname.startsWith("xmlns")
    ) {
      return decodeEntities(raw.slice(i + 1, e));
    }
    i = e + 1;
  }
  return undefined;
}
