/** Parsers for the few SpreadsheetML parts the reader needs (any namespace prefix, strict or transitional). */
import {
  attr,
  attrsOf,
  decodeEntities,
  decodeOoxmlEscapes,
  scanXml,
  SKIP,
  STOP,
  utf8FromBytes,
  type OpenAction,
} from "./xml";

export interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  relId: string;
  /** Resolved part path (lower-case lookup is done by the caller). */
  path: string | null;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet a local name belongs to; null for workbook-scoped names. */
  localSheet: number | null;
  formula: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  date1904: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function truthy(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** A workbook part listing more sheets or defined names than the caps allow. */
export class WorkbookCapError extends Error {
  constructor(
    readonly what: "sheets" | "names",
    readonly cap: number
  ) {
    super(`more than ${cap} ${what}`);
    this.name = "WorkbookCapError";
  }
}

/** Most sheets and defined names a workbook part may list (parseWorkbook throws WorkbookCapError past them). */
export interface WorkbookCaps {
  maxSheets: number;
  maxNames: number;
}

export function parseWorkbook(
  xml: string,
  caps: WorkbookCaps = { maxSheets: Infinity, maxNames: Infinity }
): WorkbookInfo {
  const sheets: SheetInfo[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let current: { name: string; localSheet: number | null; start: number; end: number; text: string } | null =
    null;
  scanXml(xml, {
    open(name, raw) {
      if (name === "sheet") {
        if (sheets.length >= caps.maxSheets) throw new WorkbookCapError("sheets", caps.maxSheets);
        const a = attrsOf(raw);
        const st = a.get("state");
        sheets.push({
          name: a.get("name") ?? "",
          state: st === "hidden" ? "hidden" : st === "veryHidden" ? "veryHidden" : "visible",
          relId: a.get("id") ?? "",
          path: null,
        });
      } else if (name === "workbookPr") {
        // extensions (x15:workbookPr) repeat the element without the attribute
        const d = attr(raw, "date1904");
        if (d !== undefined) date1904 = truthy(d);
      } else if (name === "definedName") {
        if (definedNames.length >= caps.maxNames) throw new WorkbookCapError("names", caps.maxNames);
        const a = attrsOf(raw);
        const ls = a.get("localSheetId");
        current = {
          name: a.get("name") ?? "",
          localSheet: ls !== undefined && /^\d+$/.test(ls) ? Number(ls) : null,
          start: 0,
          end: 0,
          text: "",
        };
      }
    },
    close(name) {
      if (name === "definedName" && current) {
        definedNames.push({
          name: current.name,
          localSheet: current.localSheet,
          formula: decodeEntities(current.text),
        });
        current = null;
      }
    },
    text(x, s, e) {
      if (current) current.text += x.slice(s, e);
    },
  });
  return { sheets, definedNames, date1904 };
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, raw) {
      if (name !== "Relationship") return;
      const a = attrsOf(raw);
      out.push({
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: a.get("Target") ?? "",
        external: a.get("TargetMode") === "External",
      });
    },
    close() {},
  });
  return out;
}

/** Resolve a relationship target against the directory of the part that holds the rels. */
export function resolveTarget(basePart: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  if (t.startsWith("/")) return t.slice(1);
  const dir = basePart.includes("/") ? basePart.slice(0, basePart.lastIndexOf("/") + 1) : "";
  const segs = (dir + t).split("/");
  const out: string[] = [];
  for (const s of segs) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  t = out.join("/");
  return t;
}

/** `_rels/.rels` of `xl/workbook.xml` is `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Shared strings by index (undefined past the end). */
export interface SharedStrings {
  get(index: number): string | undefined;
}

/** Shared strings: one string per `<si>`, rich-text runs joined, phonetic runs (`<rPh>`) skipped. */
export function parseSharedStrings(xml: string): string[] {
  const sst = new LazySharedStrings(xml);
  const out: string[] = [];
  for (let s = sst.get(0); s !== undefined; s = sst.get(out.length)) out.push(s);
  return out;
}

export const EMPTY_SST: SharedStrings = { get: () => undefined };

/** The end tag of an `<si>`, any namespace prefix. */
const SI_END = /<\/(?:[A-Za-z_][\w.-]*:)?si\s*>/g;
const SI_MEMO = new Map<string, string>();
const SI_MEMO_LIMIT = 4096;
const SI_MEMO_SPAN = 1024;

/**
 * The shared-string table, decoded only as far as it is used: the `<si>` start offsets are
 * indexed up to the highest index asked for (each `<si>` passed over with SKIP), and a string
 * is decoded the first time it is asked for. A report needs a few dozen of hundreds of strings.
 */
export class LazySharedStrings implements SharedStrings {
  /** Offset just after each `<si>` start tag; -1 for `<si/>`. */
  private readonly starts: number[] = [];
  private pos = 0;
  private done = false;
  private readonly cache = new Map<number, string>();

  /** `bytes`: the part is a byte string (ReadOptions.latin1); texts are UTF-8-decoded when taken. */
  constructor(
    private readonly xml: string,
    private readonly bytes = false
  ) {}

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0) return undefined;
    const hit = this.cache.get(index);
    if (hit !== undefined) return hit;
    if (index >= this.starts.length && !this.done) this.indexUpTo(index);
    if (index >= this.starts.length) return undefined;
    const s = this.decode(this.starts[index]);
    this.cache.set(index, s);
    return s;
  }

  private indexUpTo(index: number): void {
    const starts = this.starts;
    const end = scanXml(
      this.xml,
      {
        open(name, _raw, self, after): OpenAction {
          if (name !== "si") return undefined;
          starts.push(self ? -1 : after);
          if (starts.length > index) return STOP;
          return SKIP;
        },
        close() {},
      },
      this.pos
    );
    this.pos = end;
    if (end >= this.xml.length) this.done = true;
  }

  /**
   * One `<si>`'s text. Every returned report of a form repeats the template's labels, so a
   * string's decoded text is remembered across files by its raw XML (bounded; spans holding
   * CDATA or comments, whose end cannot be found by a search, are never remembered).
   */
  private decode(start: number): string {
    if (start < 0) return "";
    SI_END.lastIndex = start;
    const m = SI_END.exec(this.xml);
    const raw = m && m.index - start <= SI_MEMO_SPAN ? this.xml.slice(start, m.index) : null;
    const key = raw !== null && !raw.includes("<!") ? `${this.bytes ? "b" : "s"}${raw}` : null;
    const hit = key === null ? undefined : SI_MEMO.get(key);
    if (hit !== undefined) return hit;
    const s = this.decodeSpan(start);
    if (key !== null) {
      if (SI_MEMO.size >= SI_MEMO_LIMIT) SI_MEMO.clear();
      SI_MEMO.set(key, s);
    }
    return s;
  }

  private decodeSpan(start: number): string {
    let inT = false;
    let phonetic = 0;
    let buf = "";
    let closed = false;
    const fix = this.bytes ? utf8FromBytes : (x: string): string => x;
    scanXml(
      this.xml,
      {
        open(name, _raw, self): OpenAction {
          if (closed) return STOP;
          if (name === "rPh") phonetic++;
          else if (name === "t" && !phonetic && !self) inT = true;
          return undefined;
        },
        close(name) {
          if (name === "si") closed = true;
          else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
          else if (name === "t") inT = false;
        },
        text(x, s, e, cdata) {
          if (inT && !closed) buf += cdata ? fix(x.slice(s, e)) : decodeEntities(fix(x.slice(s, e)));
        },
      },
      start
    );
    return decodeOoxmlEscapes(buf);
  }
}

export { CellCapError, parseSheet, type CellCounter, type SheetScan } from "./sheet-xml";
