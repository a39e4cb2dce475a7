/**
 * The file adapter of the inspection step: the bytes of one returned file → a WorkbookSnapshot
 * for src/inspect (which locates, verifies and evaluates), or a refusal with a reason and an
 * actionable Vietnamese message. Narrow and defensive: sniffs the format, caps file size /
 * decompressed size / cell count, parses only the parts and cells the inspection asks for.
 */
import type { ResolvedForm } from "../form/resolve";
import { inspectWorkbook, type InspectOptions } from "../inspect/inspect";
import { rejectMessage } from "../inspect/messages";
import type { InspectResult, Refusal, RejectReason } from "../inspect/types";
import { META_KEYS, META_SHEET } from "../workbook/contract";
import { metaFromSheet, type Meta } from "../workbook/meta";
import { key, type SheetData } from "../workbook/sheet-data";
import type { NameDef, SheetInfo as SnapshotSheet, WorkbookSnapshot } from "../workbook/snapshot";
import { cellText } from "../workbook/cell-value";
import { cfbEntryNames, containsUtf16, OLE_MAGIC } from "./cfb";
import {
  CellCapError,
  EMPTY_SST,
  LazySharedStrings,
  parseRels,
  parseSheet,
  parseWorkbook,
  relsPathOf,
  resolveTarget,
  type CellCounter,
  type SharedStrings,
  type SheetInfo,
  type SheetScan,
  type WorkbookInfo,
  WorkbookCapError,
} from "./ooxml";
import type { OtherFormats } from "./loaded-workbook";
import { ReportReject } from "./report-reject";
import { XmlError } from "./xml";
import { openZip, readEntry, ZipError, type InflateFn, type ZipArchive } from "./zip";

export type { InflateFn } from "./zip";

export interface ReadLimits {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxFileBytes: number;
  /** Largest total decompressed size, in bytes (default 100 MB); declared sizes are checked before inflating. */
  maxUncompressedBytes: number;
  /**
   * Most bytes actually inflated from the parts the reader reads, each part once (default 12 MB; a
   * report's parts hold well under 1 MB). Bounds the reader's memory: the parts and the texts
   * taken from them.
   */
  maxInflatedBytes: number;
  /** Most cells in the sheet parts the reader parses, each part counted once (default 1,000,000). */
  maxCells: number;
  /**
   * Most cells met over all the scans of one file (default 3 × maxCells): the work actually done,
   * every scan counted. Parts are parsed whole at most once and shared by the sheets pointing at
   * them, so only a hostile file comes near it.
   */
  maxCellVisits: number;
  /**
   * Most non-blank values kept in memory over the whole file (default 200,000; a report has a few
   * hundred): what a parsed sheet costs in memory (about 200 bytes a text cell).
   */
  maxValues: number;
  /** Most sheets a workbook may list (default 255; a report has two). */
  maxSheets: number;
  /** Most defined names a workbook may hold (default 10,000; a report has about a hundred). */
  maxNames: number;
}

/**
 * Options of a read: caps, and optionally faster platform functions (the Node edge passes them,
 * see src/cli/node-read.ts; this module stays free of Node imports so that it runs in the browser).
 */
export type ReadOptions = Partial<ReadLimits> & {
  /** Raw-deflate inflater replacing fflate (e.g. node:zlib's, bounded; see InflateFn). */
  inflate?: InflateFn;
  /**
   * Bytes → string, one char per byte (ISO-8859-1, as Node's `Buffer#toString("latin1")`).
   * Given, sheets and shared strings are scanned as byte strings (markup is ASCII) and only the
   * texts taken out are UTF-8-decoded: much cheaper than decoding whole Vietnamese parts.
   */
  latin1?: (bytes: Uint8Array) => string;
  /**
   * The .xls/.ods readers (other-formats.ts). Without them such a file is refused with "save as
   * .xlsx"; inspectFileAsync loads them when it meets one, the command line passes them.
   */
  formats?: OtherFormats;
};

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxInflatedBytes: 12 * 1024 * 1024,
  maxCells: 1_000_000,
  maxCellVisits: 3_000_000,
  maxValues: 200_000,
  maxSheets: 255,
  maxNames: 10_000,
});

export type SniffedFormat =
  | { type: "zip"; zip: ZipArchive }
  /** An OLE2 container with a "Workbook" stream: a BIFF8 .xls (older versions are refused by its reader). */
  | { type: "xls" }
  /** An OpenDocument spreadsheet (its `mimetype` entry says so). */
  | { type: "ods"; zip: ZipArchive }
  | { type: "reject"; reason: RejectReason; detail: string; ctx?: Parameters<typeof rejectMessage>[1] };

const utf8 = new TextDecoder("utf-8");
const utf16 = new TextDecoder("utf-16le");

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

/**
 * What kind of file this is, from its first bytes (never its name). A zip comes back opened
 * (central directory only); an OLE2 container is classified as xls or encrypted OOXML.
 */
export function sniffFile(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): SniffedFormat {
  if (bytes.length === 0) return { type: "reject", reason: "empty", detail: "0 bytes" };
  if (bytes.length > limits.maxFileBytes)
    return { type: "reject", reason: "tooLarge", detail: `${bytes.length} bytes` };
  if (startsWith(bytes, OLE_MAGIC)) {
    const names = cfbEntryNames(bytes);
    const has = (n: string): boolean =>
      names ? names.some((x) => x.toLowerCase() === n.toLowerCase()) : containsUtf16(bytes, n);
    if (has("EncryptedPackage") || has("EncryptionInfo"))
      return { type: "reject", reason: "encrypted", detail: "OLE2 with EncryptionInfo/EncryptedPackage" };
    if (names && has("Workbook")) return { type: "xls" };
    if (has("Book")) return { type: "reject", ...OLD_XLS, detail: "OLE2 with a Book stream (BIFF5)" };
    if (!names) return { type: "reject", reason: "corrupt", detail: "damaged OLE2 container" };
    return {
      type: "reject",
      reason: "notSpreadsheet",
      detail: `OLE2 without a workbook: ${names.slice(0, 6).join(", ")}`,
    };
  }
  if (startsWith(bytes, [0x50, 0x4b])) {
    // "PK": a zip (or what is left of one).
    let zip: ZipArchive;
    try {
      zip = openZip(bytes);
    } catch (e) {
      return {
        type: "reject",
        reason: e instanceof ZipError ? e.kind : "corrupt",
        detail: (e as Error).message,
      };
    }
    return isOds(zip) ? { type: "ods", zip } : { type: "zip", zip };
  }
  // BIFF2–4 worksheets and workbooks are not in an OLE2 container: a BOF record at byte 0.
  if (
    bytes[0] === 0x09 &&
    (bytes[1] === 0 || bytes[1] === 2 || bytes[1] === 4) &&
    bytes[2] <= 16 &&
    bytes[3] === 0
  )
    return { type: "reject", reason: "xls", detail: "BIFF2–4 file", ctx: { xlsVersion: "Excel 2.x–4.0" } };
  // Not a container: text, HTML, CSV, PDF, images… renamed .xlsx.
  return { type: "reject", reason: "notSpreadsheet", detail: describeBytes(bytes) };
}

const OLD_XLS = { reason: "xls", ctx: { xlsVersion: "Excel 5.0/95" } } as const;

/** The `mimetype` entry of an OpenDocument spreadsheet (stored first, a few dozen bytes). */
function isOds(zip: ZipArchive): boolean {
  const e = zip.entries.get("mimetype");
  if (!e || e.size > 200) return false;
  try {
    const m = utf8.decode(readEntry(zip, e, 200)).trim();
    return m.startsWith("application/vnd.oasis.opendocument.spreadsheet");
  } catch {
    return false; // classify() tells what else it is
  }
}

function describeBytes(b: Uint8Array): string {
  const head = utf8.decode(b.subarray(0, 64)).replace(/[^\x20-\x7e]/g, ".");
  return `not a zip or OLE2 file; starts with "${head}"`;
}

/**
 * Inspect one returned file: open it as a workbook snapshot and run the inspection step
 * (src/inspect). Never throws on bad input: every failure is a Refusal.
 */
export function inspectFile(
  bytes: Uint8Array,
  form: ResolvedForm,
  options: ReadOptions & InspectOptions = {}
): InspectResult {
  const L = limitsOf(options);
  try {
    return inspectWorkbook(form, openSnapshot(bytes, L, options), options);
  } catch (e) {
    return toRefusal(e, form, L);
  }
}

/**
 * A file's bytes as a workbook snapshot (any format the reader knows), or why not. For readers of
 * other kinds of workbook than a report (the form definition workbook, src/xlsx/definition-file.ts).
 */
export function openWorkbook(
  bytes: Uint8Array,
  options: ReadOptions = {}
): { ok: true; snapshot: WorkbookSnapshot } | Refusal {
  const L = limitsOf(options);
  try {
    return { ok: true, snapshot: openSnapshot(bytes, L, options) };
  } catch (e) {
    return toRefusal(e, null, L);
  }
}

/**
 * The workbook snapshot of a file's bytes: an .xlsx read lazily (Reader), an .xls/.ods read whole
 * by the readers of other-formats.ts. Throws ReportReject, ZipError, CellCapError or XmlError.
 */
function openSnapshot(bytes: Uint8Array, L: ReadLimits, options: ReadOptions): WorkbookSnapshot {
  const s = sniffFile(bytes, L);
  if (s.type === "reject")
    throw new ReportReject(s.reason, s.detail, { limitMb: Math.round(L.maxFileBytes / 1048576), ...s.ctx });
  if (s.type === "zip") return new Reader(s.zip, L, options).snapshot();
  const formats = options.formats;
  // Without the readers (the pane's chunk could not be fetched): "save as .xlsx".
  if (!formats) throw new ReportReject(s.type, `the ${s.type} reader is not loaded`);
  const loaded = s.type === "xls" ? formats.readXls(bytes, L) : formats.readOds(s.zip, L, options.inflate);
  return formats.snapshotOf(loaded);
}

/**
 * inspectFile, fetching the .xls/.ods readers first when the file is one of those (in the task
 * pane they are a separate chunk, so that the pane's first load does not grow by them; an .xlsx
 * is read without fetching anything). Never rejects: a failed fetch gives "save as .xlsx".
 */
export async function inspectFileAsync(
  bytes: Uint8Array,
  form: ResolvedForm,
  options: ReadOptions & InspectOptions = {}
): Promise<InspectResult> {
  if (!options.formats) {
    const type = sniffFile(bytes, limitsOf(options)).type;
    if (type === "xls" || type === "ods") {
      try {
        const m = await import(/* webpackChunkName: "xls-ods" */ "./other-formats");
        options = { ...options, formats: m.OTHER_FORMATS };
      } catch {
        // the chunk could not be fetched (offline): inspectFile refuses with "save as .xlsx"
      }
    }
  }
  return inspectFile(bytes, form, options);
}

function limitsOf(o: ReadOptions): ReadLimits {
  const maxCells = o.maxCells ?? DEFAULT_LIMITS.maxCells;
  return {
    maxFileBytes: o.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
    maxUncompressedBytes: o.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes,
    maxInflatedBytes: o.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes,
    maxCells,
    maxCellVisits: o.maxCellVisits ?? 3 * maxCells,
    maxValues: o.maxValues ?? DEFAULT_LIMITS.maxValues,
    maxSheets: o.maxSheets ?? DEFAULT_LIMITS.maxSheets,
    maxNames: o.maxNames ?? DEFAULT_LIMITS.maxNames,
  };
}

function toRefusal(e: unknown, form: ResolvedForm | null, L: ReadLimits): Refusal {
  const base = {
    formId: form?.id,
    formVersion: form?.version,
    limitMb: Math.round(L.maxFileBytes / 1048576),
    cells: L.maxCells,
    sheets: L.maxSheets,
    names: L.maxNames,
  };
  let reason: RejectReason;
  let detail: string;
  let ctx: Parameters<typeof rejectMessage>[1] = base;
  if (e instanceof ReportReject) {
    reason = e.reason;
    detail = e.detail;
    ctx = { ...base, ...e.ctx };
  } else if (e instanceof ZipError) {
    reason = e.kind;
    detail = e.message;
  } else if (e instanceof CellCapError) {
    reason = "tooManyCells";
    detail = e.message;
    ctx = { ...base, cells: e.cap };
  } else if (e instanceof WorkbookCapError) {
    reason = e.what === "sheets" ? "tooManySheets" : "tooManyNames";
    detail = e.message;
  } else if (e instanceof XmlError) {
    reason = "corrupt";
    detail = `XML: ${e.message}`;
  } else {
    reason = "corrupt";
    detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return { ok: false, reason, message: rejectMessage(reason, ctx), detail };
}

class Reader {
  private budget: number;
  private readonly counter: CellCounter;
  private wbPath = "";
  private wb!: WorkbookInfo;
  private sheetByUpper = new Map<string, SheetInfo>();
  private sstPath: string | null = null;
  private sst: SharedStrings | null = null;
  /** Decoded parts (each part is inflated once, against the budget). */
  private texts = new Map<string, string>();
  /**
   * Whole worksheet parts (every cell) by lower-case part path: parsed at most once, and shared by
   * every sheet pointing at the part (a workbook may list one part under many sheet names).
   */
  private partCache = new Map<string, SheetData>();
  /** Parts already read in part (a second request for one reads it whole, once). */
  private scannedInPart = new Set<string>();
  /** Cells counted against the cap per sheet part, so that a second scan of a part is not counted twice. */
  private counted = new Map<string, number>();
  private metaKeys: Meta | null | undefined;
  private metaFull: Meta | null | undefined;

  constructor(
    private readonly zip: ZipArchive,
    private readonly limits: ReadLimits,
    private readonly platform: Pick<ReadOptions, "inflate" | "latin1"> = {}
  ) {
    this.budget = Math.min(limits.maxUncompressedBytes, limits.maxInflatedBytes);
    this.counter = {
      count: 0,
      max: limits.maxCells,
      visits: 0,
      maxVisits: limits.maxCellVisits,
      values: 0,
      maxValues: limits.maxValues,
    };
  }

  private has(path: string): boolean {
    return this.zip.entries.has(path.toLowerCase());
  }

  private bytesOf(path: string): Uint8Array | null {
    const e = this.zip.entries.get(path.toLowerCase());
    if (!e) return null;
    const out = readEntry(this.zip, e, this.budget, this.platform.inflate);
    this.budget -= out.length;
    return out;
  }

  private textOf(path: string): string | null {
    const k = path.toLowerCase();
    const hit = this.texts.get(k);
    if (hit !== undefined) return hit;
    const b = this.bytesOf(path);
    if (!b) return null;
    const text = b[0] === 0xff && b[1] === 0xfe ? utf16.decode(b.subarray(2)) : utf8.decode(b);
    this.texts.set(k, text);
    return text;
  }

  /**
   * A sheet or shared-strings part for scanning: a byte string when the platform gives a latin1
   * decoder and the part is not UTF-16 (texts are then UTF-8-decoded as they are taken).
   */
  private partText(path: string): { xml: string; bytes: boolean } {
    const latin1 = this.platform.latin1;
    if (!latin1) return { xml: this.textOf(path) ?? "", bytes: false };
    const k = `\u0000${path.toLowerCase()}`;
    const hit = this.texts.get(k);
    if (hit !== undefined) return { xml: hit, bytes: true };
    const b = this.bytesOf(path);
    if (!b) return { xml: "", bytes: false };
    if (b[0] === 0xff && b[1] === 0xfe) {
      const text = utf16.decode(b.subarray(2));
      this.texts.set(path.toLowerCase(), text);
      this.texts.set(k, text);
      return { xml: text, bytes: false };
    }
    const text = latin1(b);
    this.texts.set(k, text);
    return { xml: text, bytes: true };
  }

  private classify(): void {
    const entries = this.zip.entries;
    if (this.zip.declaredTotal > this.limits.maxUncompressedBytes) {
      throw new ReportReject("zipBomb", `declared uncompressed total ${this.zip.declaredTotal} bytes`);
    }
    if (entries.has("mimetype")) {
      const m = (this.textOf("mimetype") ?? "").trim();
      if (m.startsWith("application/vnd.oasis.opendocument.spreadsheet")) throw new ReportReject("ods", m);
      if (m.startsWith("application/vnd.oasis.opendocument")) throw new ReportReject("notSpreadsheet", m);
    }
    let numbers = false;
    let xlsb = false;
    for (const k of entries.keys()) {
      if (k.endsWith(".iwa") || k === "index.zip" || k.endsWith("/index.zip") || k.startsWith("index/"))
        numbers = true;
      if (k.endsWith("workbook.bin")) xlsb = true;
    }
    // The workbook part, from the package relationships.
    let wbPath: string | null = null;
    const rootRels = this.has("_rels/.rels") ? parseRels(this.textOf("_rels/.rels") ?? "") : [];
    const office = rootRels.find((r) => !r.external && /\/officeDocument$/.test(r.type));
    if (office) wbPath = resolveTarget("", office.target);
    if (!wbPath || !this.has(wbPath)) wbPath = this.has("xl/workbook.xml") ? "xl/workbook.xml" : wbPath;
    if (wbPath && /\.bin$/i.test(wbPath)) throw new ReportReject("xlsb", wbPath);
    if (!wbPath || !this.has(wbPath)) {
      if (xlsb) throw new ReportReject("xlsb", "xl/workbook.bin");
      if (numbers) throw new ReportReject("numbers", "Numbers package (Index/*.iwa)");
      if (office) throw new ReportReject("corrupt", `workbook part ${wbPath} missing`);
      if (entries.has("[content_types].xml") || entries.has("ecma-376"))
        throw new ReportReject("notSpreadsheet", "an OOXML package without a workbook (Word, PowerPoint…)");
      throw new ReportReject("notSpreadsheet", "a zip archive that is not a workbook");
    }
    this.wbPath = wbPath;
  }

  private loadWorkbook(): void {
    this.wb = parseWorkbook(this.textOf(this.wbPath) ?? "", this.limits);
    const relsPath = relsPathOf(this.wbPath);
    const rels = this.has(relsPath) ? parseRels(this.textOf(relsPath) ?? "") : [];
    const byId = new Map(rels.map((r) => [r.id, r]));
    this.wb.sheets.forEach((s, i) => {
      const r = byId.get(s.relId);
      if (r && !r.external) s.path = resolveTarget(this.wbPath, r.target);
      else {
        const guess = resolveTarget(this.wbPath, `worksheets/sheet${i + 1}.xml`);
        s.path = this.has(guess) ? guess : null;
      }
      const up = s.name.toUpperCase();
      if (!this.sheetByUpper.has(up)) this.sheetByUpper.set(up, s);
    });
    const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type) && !r.external);
    const sstPath = sstRel
      ? resolveTarget(this.wbPath, sstRel.target)
      : resolveTarget(this.wbPath, "sharedStrings.xml");
    this.sstPath = this.has(sstPath) ? sstPath : null;
  }

  private sheetInfo(name: string): SheetInfo | undefined {
    return this.sheetByUpper.get(name.toUpperCase());
  }

  /** A worksheet part that exists (the sheet may still be a chart sheet: it then has no cells); `path` lower-case. */
  private partOf(name: string): { info: SheetInfo; path: string } | null {
    const info = this.sheetInfo(name);
    return info?.path && this.has(info.path) ? { info, path: info.path.toLowerCase() } : null;
  }

  private sharedStrings(): SharedStrings {
    if (this.sst === null) {
      if (!this.sstPath) this.sst = EMPTY_SST;
      else {
        const part = this.partText(this.sstPath);
        this.sst = new LazySharedStrings(part.xml, part.bytes);
      }
    }
    return this.sst;
  }

  /** Scan a sheet part (all of it, or what `scan` asks for), counting its cells against the cap once. */
  private scan(path: string, scan?: SheetScan): SheetData {
    const { xml, bytes } = this.partText(path);
    const sst = this.sharedStrings();
    const before = this.counted.get(path) ?? 0;
    this.counter.count -= before; // a re-scan meets the same cells again
    const start = this.counter.count;
    try {
      return parseSheet(xml, sst, this.counter, { ...scan, bytes });
    } finally {
      const now = this.counter.count - start;
      this.counted.set(path, Math.max(before, now));
      this.counter.count = start + Math.max(before, now);
    }
  }

  /** A whole worksheet, its part parsed at most once (shared with other sheets on that part); null when missing. */
  private sheet(name: string): SheetData | null {
    const part = this.partOf(name);
    if (!part) return null;
    const cached = this.partCache.get(part.path);
    if (cached) return cached;
    const data = this.scan(part.path);
    this.partCache.set(part.path, data);
    return data;
  }

  /**
   * The cells of a sheet `want` accepts (and its merged ranges), reading only those: one pass, the
   * other cells passed over. A part asked for a second time (another sheet on the same part, a
   * second request) is read whole instead, once, so that no part is scanned over and over.
   */
  private partOfSheet(name: string, want: (row: number, col: number) => boolean): SheetData | null {
    const part = this.partOf(name);
    if (!part) return null;
    const full = this.partCache.get(part.path);
    if (full) return full;
    if (this.scannedInPart.has(part.path)) return this.sheet(name);
    this.scannedInPart.add(part.path);
    const data = this.scan(part.path, { want });
    if (data.partialFormulas) return this.sheet(name); // the text of a shared formula lives in a cell passed over
    return data;
  }

  /**
   * The metadata sheet. Keys only: columns A–B up to the `names` row (rows are in ascending
   * order), so a report whose names are intact never reads the name map.
   */
  private meta(withNames: boolean): Meta | null {
    if (withNames) {
      if (this.metaFull === undefined) {
        const part = this.partOf(META_SHEET);
        this.metaFull = part ? metaFromSheet(this.scan(part.path, { want: (_r, c) => c <= 2 })) : null;
      }
      return this.metaFull;
    }
    if (this.metaFull !== undefined) return this.metaFull;
    if (this.metaKeys === undefined) {
      const part = this.partOf(META_SHEET);
      if (!part) this.metaKeys = null;
      else {
        let lastRow = 0; // row of the last cell met
        const data = this.scan(part.path, {
          want: (r, c) => {
            lastRow = r;
            return c <= 2;
          },
          // stop at the first row after the `names` key row
          stopAtRow: (_row, cells) =>
            lastRow > 0 && cellText(cells.get(key(lastRow, 1))).trim() === META_KEYS.names,
        });
        this.metaKeys = metaFromSheet(data);
      }
    }
    return this.metaKeys;
  }

  /** The workbook as the inspection step sees it (sheets parsed lazily, each at most once in full). */
  snapshot(): WorkbookSnapshot {
    this.classify();
    this.loadWorkbook();
    // Defined names: workbook-scoped first, then sheet-scoped.
    const names = new Map<string, NameDef & { local: boolean }>();
    for (const d of this.wb.definedNames) {
      const up = d.name.toUpperCase();
      const prev = names.get(up);
      if (!prev || (prev.local && d.localSheet === null)) {
        names.set(up, {
          ref: d.formula,
          scope: d.localSheet !== null ? (this.wb.sheets[d.localSheet]?.name ?? null) : null,
          local: d.localSheet !== null,
        });
      }
    }
    const sheets: SnapshotSheet[] = [];
    for (const s of this.wb.sheets)
      if (this.sheetInfo(s.name) === s && this.partOf(s.name))
        sheets.push({ name: s.name, visible: s.state === "visible" });
    return {
      sheets,
      names,
      cells: (name) => this.sheet(name),
      part: (name, want) => this.partOfSheet(name, want),
      meta: (withNames) => this.meta(withNames),
      date1904: this.wb.date1904,
    };
  }
}
