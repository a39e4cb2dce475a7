/**
 * The returned-report reader: bytes of one file + the form → values by defined name, or a
 * rejection with a reason and an actionable Vietnamese message. Narrow and defensive: sniffs the
 * format, caps file size / decompressed size / cell count, parses only the parts it needs.
 * Values are located by defined name, then the metadata sheet's map, then the code column.
 */
import type { ResolvedForm } from "../form/resolve";
import type { Text } from "../form/schema";
import { COLUMN_HEADERS, META_KEYS, META_SHEET, REPORT_SHEET } from "../layout/contract";
import type { CellValue } from "../validate/cell-value";
import { DATE1904_OFFSET } from "../validate/dates";
import type { Issue } from "../validate/issue";
import { cfbEntryNames, containsUtf16, OLE_MAGIC } from "./cfb";
import { rejectMessage } from "./messages";
import {
  CellCapError,
  colOf,
  key,
  parseRels,
  parseSharedStrings,
  parseSheet,
  parseWorkbook,
  relsPathOf,
  resolveTarget,
  rowOf,
  valueAt,
  type CellCounter,
  type SheetData,
  type SheetInfo,
  type WorkbookInfo,
} from "./ooxml";
import type { FoundVia, LocatedCell, ReadResult, RejectReason, ReportRejected } from "./read-result";
import { parseNameRef, qualified, type CellPos } from "./refs";
import { XmlError } from "./xml";
import { openZip, readEntry, ZipError, type ZipArchive } from "./zip";

export interface ReadLimits {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxFileBytes: number;
  /** Largest total decompressed size, in bytes (default 100 MB); declared sizes are checked before inflating. */
  maxUncompressedBytes: number;
  /** Most cells in the sheets the reader parses (default 1,000,000). */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCells: 1_000_000,
});

export type SniffedFormat =
  | { type: "zip"; zip: ZipArchive }
  | { type: "ole" }
  | { type: "reject"; reason: RejectReason; detail: string };

class Reject extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
    readonly ctx: Parameters<typeof rejectMessage>[1] = {},
  ) {
    super(detail);
  }
}

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
  if (bytes.length > limits.maxFileBytes) return { type: "reject", reason: "tooLarge", detail: `${bytes.length} bytes` };
  if (startsWith(bytes, OLE_MAGIC)) {
    const names = cfbEntryNames(bytes);
    const has = (n: string): boolean => (names ? names.some((x) => x.toLowerCase() === n.toLowerCase()) : containsUtf16(bytes, n));
    if (has("EncryptedPackage") || has("EncryptionInfo")) return { type: "reject", reason: "encrypted", detail: "OLE2 with EncryptionInfo/EncryptedPackage" };
    if (has("Workbook") || has("Book")) return { type: "reject", reason: "xls", detail: "OLE2 with a Workbook stream (BIFF)" };
    if (!names) return { type: "reject", reason: "corrupt", detail: "damaged OLE2 container" };
    return { type: "reject", reason: "notSpreadsheet", detail: `OLE2 without a workbook: ${names.slice(0, 6).join(", ")}` };
  }
  if (startsWith(bytes, [0x50, 0x4b])) {
    // "PK": a zip (or what is left of one).
    try {
      return { type: "zip", zip: openZip(bytes) };
    } catch (e) {
      return { type: "reject", reason: "corrupt", detail: (e as Error).message };
    }
  }
  // Not a container: text, HTML, CSV, PDF, images… renamed .xlsx.
  return { type: "reject", reason: "notSpreadsheet", detail: describeBytes(bytes) };
}

function describeBytes(b: Uint8Array): string {
  const head = utf8.decode(b.subarray(0, 64)).replace(/[^\x20-\x7e]/g, ".");
  return `not a zip or OLE2 file; starts with "${head}"`;
}

/** Read one returned file. Never throws on bad input: every failure is a ReportRejected. */
export function readReport(bytes: Uint8Array, form: ResolvedForm, limits: Partial<ReadLimits> = {}): ReadResult {
  const L: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  try {
    const s = sniffFile(bytes, L);
    if (s.type === "reject") throw new Reject(s.reason, s.detail, { limitMb: Math.round(L.maxFileBytes / 1048576) });
    if (s.type !== "zip") throw new Reject("notSpreadsheet", "unknown container");
    return new Reader(s.zip, form, L).read();
  } catch (e) {
    return toRejection(e, form, L);
  }
}

function toRejection(e: unknown, form: ResolvedForm, L: ReadLimits): ReportRejected {
  const base = { formId: form.id, formVersion: form.version, limitMb: Math.round(L.maxFileBytes / 1048576), cells: L.maxCells };
  let reason: RejectReason;
  let detail: string;
  let ctx: Parameters<typeof rejectMessage>[1] = base;
  if (e instanceof Reject) {
    reason = e.reason;
    detail = e.detail;
    ctx = { ...base, ...e.ctx };
  } else if (e instanceof ZipError) {
    reason = e.kind;
    detail = e.message;
  } else if (e instanceof CellCapError) {
    reason = "tooManyCells";
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

interface Meta {
  formId: string | null;
  formVersion: string | null;
  unitCode: string | null;
  kind: string | null;
  names: Map<string, string>;
}

interface Located {
  sheet: string;
  pos: CellPos;
  via: FoundVia;
  /** Value given directly (header field "Label: value" in one cell). */
  value?: CellValue;
}

const t = (vi: string, en: string): Text => ({ vi, en });

/** Lower case, NFC, single spaces, no trailing colon. */
function norm(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/[\s\u00a0]+/g, " ").trim();
}

function cellText(v: CellValue | undefined): string {
  if (!v) return "";
  switch (v.type) {
    case "text":
      return v.text;
    case "number":
      return String(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    default:
      return "";
  }
}

class Reader {
  private budget: number;
  private readonly counter: CellCounter;
  private wbPath = "";
  private wb!: WorkbookInfo;
  private sheetByUpper = new Map<string, SheetInfo>();
  private sstPath: string | null = null;
  private sst: string[] | null = null;
  private sheetCache = new Map<string, SheetData | null>();

  constructor(
    private readonly zip: ZipArchive,
    private readonly form: ResolvedForm,
    private readonly limits: ReadLimits,
  ) {
    this.budget = limits.maxUncompressedBytes;
    this.counter = { count: 0, max: limits.maxCells };
  }

  private has(path: string): boolean {
    return this.zip.entries.has(path.toLowerCase());
  }

  private bytesOf(path: string): Uint8Array | null {
    const e = this.zip.entries.get(path.toLowerCase());
    if (!e) return null;
    const out = readEntry(this.zip, e, this.budget);
    this.budget -= out.length;
    return out;
  }

  private textOf(path: string): string | null {
    const b = this.bytesOf(path);
    if (!b) return null;
    if (b[0] === 0xff && b[1] === 0xfe) return utf16.decode(b.subarray(2));
    return utf8.decode(b);
  }

  private classify(): void {
    const entries = this.zip.entries;
    if (this.zip.declaredTotal > this.limits.maxUncompressedBytes) {
      throw new Reject("zipBomb", `declared uncompressed total ${this.zip.declaredTotal} bytes`);
    }
    if (entries.has("mimetype")) {
      const m = (this.textOf("mimetype") ?? "").trim();
      if (m.startsWith("application/vnd.oasis.opendocument.spreadsheet")) throw new Reject("ods", m);
      if (m.startsWith("application/vnd.oasis.opendocument")) throw new Reject("notSpreadsheet", m);
    }
    let numbers = false;
    let xlsb = false;
    for (const k of entries.keys()) {
      if (k.endsWith(".iwa") || k === "index.zip" || k.endsWith("/index.zip") || k.startsWith("index/")) numbers = true;
      if (k.endsWith("workbook.bin")) xlsb = true;
    }
    // The workbook part, from the package relationships.
    let wbPath: string | null = null;
    const rootRels = this.has("_rels/.rels") ? parseRels(this.textOf("_rels/.rels") ?? "") : [];
    const office = rootRels.find((r) => !r.external && /\/officeDocument$/.test(r.type));
    if (office) wbPath = resolveTarget("", office.target);
    if (!wbPath || !this.has(wbPath)) wbPath = this.has("xl/workbook.xml") ? "xl/workbook.xml" : wbPath;
    if (wbPath && /\.bin$/i.test(wbPath)) throw new Reject("xlsb", wbPath);
    if (!wbPath || !this.has(wbPath)) {
      if (xlsb) throw new Reject("xlsb", "xl/workbook.bin");
      if (numbers) throw new Reject("numbers", "Numbers package (Index/*.iwa)");
      if (office) throw new Reject("corrupt", `workbook part ${wbPath} missing`);
      if (entries.has("[content_types].xml") || entries.has("ecma-376")) throw new Reject("notSpreadsheet", "an OOXML package without a workbook (Word, PowerPoint…)");
      if (numbers) throw new Reject("numbers", "Numbers package");
      throw new Reject("notSpreadsheet", "a zip archive that is not a workbook");
    }
    this.wbPath = wbPath;
  }

  private loadWorkbook(): void {
    this.wb = parseWorkbook(this.textOf(this.wbPath) ?? "");
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
    const sstPath = sstRel ? resolveTarget(this.wbPath, sstRel.target) : resolveTarget(this.wbPath, "sharedStrings.xml");
    this.sstPath = this.has(sstPath) ? sstPath : null;
  }

  private sheetInfo(name: string): SheetInfo | undefined {
    return this.sheetByUpper.get(name.toUpperCase());
  }

  /** Parse a worksheet once; null when the sheet is missing or is not a worksheet (chartsheet). */
  private sheet(name: string): SheetData | null {
    const info = this.sheetInfo(name);
    if (!info) return null;
    const cached = this.sheetCache.get(info.name);
    if (cached !== undefined) return cached;
    let data: SheetData | null = null;
    if (info.path && this.has(info.path)) {
      if (this.sst === null) this.sst = this.sstPath ? parseSharedStrings(this.textOf(this.sstPath) ?? "") : [];
      data = parseSheet(this.textOf(info.path) ?? "", this.sst, this.counter);
    }
    this.sheetCache.set(info.name, data);
    return data;
  }

  private readMeta(): Meta | null {
    const info = this.sheetInfo(META_SHEET);
    if (!info) return null;
    const sh = this.sheet(info.name);
    if (!sh) return null;
    const rows = new Map<number, [string, string]>();
    for (const [k, v] of sh.cells) {
      const c = colOf(k);
      if (c > 2) continue;
      const r = rowOf(k);
      const row = rows.get(r) ?? ["", ""];
      row[c - 1] = cellText(v).trim();
      rows.set(r, row);
    }
    const meta: Meta = { formId: null, formVersion: null, unitCode: null, kind: null, names: new Map() };
    let inNames = false;
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const [a, b] = rows.get(r)!;
      if (!a) continue;
      if (inNames) {
        if (b) meta.names.set(a.toUpperCase(), b);
        continue;
      }
      switch (a) {
        case META_KEYS.formId:
          meta.formId = b || null;
          break;
        case META_KEYS.formVersion:
          meta.formVersion = b || null;
          break;
        case META_KEYS.unitCode:
          meta.unitCode = b || null;
          break;
        case META_KEYS.kind:
          meta.kind = b || null;
          break;
        case META_KEYS.names:
          inNames = true;
          break;
        default:
          break;
      }
    }
    return meta;
  }

  read(): ReadResult {
    this.classify();
    this.loadWorkbook();
    const form = this.form;
    const meta = this.readMeta();
    if (meta?.formId) {
      if (meta.formId.toUpperCase() !== form.id.toUpperCase()) throw new Reject("otherForm", `form_id ${meta.formId}`, { foundId: meta.formId });
      if (meta.formVersion && meta.formVersion !== form.version) {
        throw new Reject("otherVersion", `form_version ${meta.formVersion}`, { foundVersion: meta.formVersion });
      }
    }

    // Defined names of this form: workbook-scoped first, then sheet-scoped.
    const wanted = new Set(form.names.map((n) => n.toUpperCase()));
    const defs = new Map<string, { formula: string; localSheet: number | null }>();
    for (const d of this.wb.definedNames) {
      const up = d.name.toUpperCase();
      if (!wanted.has(up)) continue;
      const prev = defs.get(up);
      if (!prev || (prev.localSheet !== null && d.localSheet === null)) defs.set(up, { formula: d.formula, localSheet: d.localSheet });
    }

    const located = new Map<string, Located>();
    const brokenNames: string[] = [];
    for (const name of form.names) {
      const up = name.toUpperCase();
      const def = defs.get(up);
      if (def) {
        const r = parseNameRef(def.formula);
        if (r.type === "cell") {
          const sheetName = r.sheet ?? (def.localSheet !== null ? this.wb.sheets[def.localSheet]?.name ?? null : null);
          const info = sheetName !== null ? this.sheetInfo(sheetName) : undefined;
          if (info && this.sheet(info.name)) {
            located.set(name, { sheet: info.name, pos: { row: r.row, col: r.col }, via: "name" });
            continue;
          }
        }
        brokenNames.push(name);
      }
      const addr = meta?.names.get(up);
      if (addr) {
        const r = parseNameRef(addr);
        const info = r.type === "cell" && r.sheet !== null ? this.sheetInfo(r.sheet) : undefined;
        if (r.type === "cell" && info && this.sheet(info.name)) {
          located.set(name, { sheet: info.name, pos: { row: r.row, col: r.col }, via: "meta" });
        }
      }
    }

    const missing = form.names.filter((n) => !located.has(n));
    let codeSheet: string | null = null;
    if (missing.length) {
      const known = mostCommon([...located.values()].map((l) => l.sheet));
      const candidates: string[] = [];
      const push = (n: string | null | undefined): void => {
        if (n && n !== META_SHEET && !candidates.includes(n)) candidates.push(n);
      };
      push(known);
      if (!known) {
        push(this.sheetInfo(REPORT_SHEET)?.name);
        for (const s of this.wb.sheets) if (s.state === "visible") push(s.name);
        for (const s of this.wb.sheets) push(s.name);
      }
      for (const name of candidates) {
        const sh = this.sheet(name);
        if (!sh) continue;
        const layout = findCodeLayout(sh, form);
        if (!layout) continue;
        if (!known && layout.codeRows.size < Math.max(3, Math.ceil(form.indicators.length * 0.3))) continue;
        codeSheet = name;
        for (const n of missing) {
          const loc = locateByCode(sh, form, layout, n);
          if (loc) located.set(n, { sheet: name, ...loc, via: "code" });
        }
        break;
      }
    }

    if (located.size === 0) {
      throw new Reject("notReport", meta?.formId ? "metadata present but no cell could be located" : "no names, no metadata, no code column");
    }

    // Values.
    const values = new Map<string, CellValue>();
    const cells = new Map<string, LocatedCell>();
    const viaCount = new Map<FoundVia, number>();
    for (const name of form.names) {
      const loc = located.get(name);
      if (!loc) continue;
      const sh = this.sheet(loc.sheet)!;
      let value: CellValue | undefined = loc.value;
      let pos = loc.pos;
      if (value === undefined) {
        const at = valueAt(sh, loc.pos.row, loc.pos.col);
        value = at.value;
        pos = { row: at.row, col: at.col };
      }
      if (value && value.type === "number" && this.wb.date1904 && this.isDateName(name)) {
        value = { type: "number", value: value.value + DATE1904_OFFSET };
      }
      values.set(name, value ?? { type: "blank" });
      cells.set(name, { address: qualified(loc.sheet, pos), via: loc.via });
      viaCount.set(loc.via, (viaCount.get(loc.via) ?? 0) + 1);
    }

    const issues = this.readerIssues(located, brokenNames, viaCount);
    const sheetName = mostCommon([...located.values()].map((l) => l.sheet)) ?? codeSheet ?? "";
    let via: FoundVia = "name";
    let best = -1;
    for (const [k, n] of viaCount) if (n > best) (via = k), (best = n);
    return {
      ok: true,
      formId: meta?.formId ?? form.id,
      formVersion: meta?.formVersion ?? form.version,
      metaUnitCode: meta?.unitCode ?? null,
      metaKind: meta?.kind ?? null,
      sheetName,
      values,
      cells,
      via,
      issues,
    };
  }

  all(): { ok: true; date1904: boolean; sheets: Map<string, { state: string; cells: Map<string, CellValue> }>; definedNames: Map<string, string> } {
    this.classify();
    this.loadWorkbook();
    const sheets = new Map<string, { state: string; cells: Map<string, CellValue> }>();
    for (const info of this.wb.sheets) {
      const sh = this.sheet(info.name);
      const cells = new Map<string, CellValue>();
      if (sh) for (const [k, v] of sh.cells) cells.set(qualified(info.name, { row: rowOf(k), col: colOf(k) }).replace(/^.*!/, ""), v);
      sheets.set(info.name, { state: info.state, cells });
    }
    const definedNames = new Map<string, string>();
    for (const d of this.wb.definedNames) if (d.localSheet === null) definedNames.set(d.name, d.formula);
    return { ok: true, date1904: this.wb.date1904, sheets, definedNames };
  }

  private isDateName(name: string): boolean {
    const target = this.form.byName.get(name);
    return target?.type === "field" && target.field.key === "reportDate";
  }

  private readerIssues(located: Map<string, Located>, brokenNames: string[], viaCount: Map<FoundVia, number>): Issue[] {
    const issues: Issue[] = [];
    const form = this.form;
    for (const name of form.names) {
      if (located.has(name)) continue;
      const target = form.byName.get(name)!;
      const what = target.type === "field" ? `"${target.field.label.vi}"` : `${target.indicator.code}${target.indicator.kind === "tf" ? ` (${target.part === "total" ? "tổng số" : "số nữ"})` : ""}`;
      const whatEn = target.type === "field" ? `"${target.field.label.en}"` : `${target.indicator.code}${target.indicator.kind === "tf" ? ` (${target.part})` : ""}`;
      issues.push({
        severity: "error",
        rule: "reader.missing-cell",
        indicator: target.type === "indicator" ? target.indicator.code : null,
        ...(target.type === "field" ? { field: target.field.key } : {}),
        cell: name,
        message: t(
          `Không tìm thấy ô ${what} trong tệp (tên ô và dòng mã số đã bị xóa hoặc sửa): hãy nhập lại vào đúng mẫu`,
          `Cell ${whatEn} is missing from the file (its name and its code row were deleted or changed): use the template`,
        ),
      });
    }
    const byMeta = viaCount.get("meta") ?? 0;
    const byCode = viaCount.get("code") ?? 0;
    if (byCode > 0) {
      issues.push({
        severity: "warning",
        rule: "reader.by-code",
        indicator: null,
        cell: null,
        message: t(
          `${byCode} ô được tìm theo cột mã số vì tên ô trong tệp đã bị xóa hoặc hỏng${brokenNames.length ? ` (${brokenNames.length} tên trỏ tới #REF!)` : ""}: hãy kiểm tra lại các số liệu này`,
          `${byCode} cells were located by the code column because their names were deleted or broken${brokenNames.length ? ` (${brokenNames.length} names point to #REF!)` : ""}: check these values`,
        ),
      });
    }
    if (byMeta > 0) {
      issues.push({
        severity: "warning",
        rule: "reader.by-meta",
        indicator: null,
        cell: null,
        message: t(
          `${byMeta} ô được tìm theo trang thông tin mẫu vì tên ô trong tệp đã bị xóa: hãy kiểm tra lại các số liệu này`,
          `${byMeta} cells were located through the template's metadata sheet because their names were deleted: check these values`,
        ),
      });
    }
    return issues;
  }
}

function mostCommon(xs: string[]): string | null {
  const m = new Map<string, number>();
  let best: string | null = null;
  let n = 0;
  for (const x of xs) {
    const c = (m.get(x) ?? 0) + 1;
    m.set(x, c);
    if (c > n) (best = x), (n = c);
  }
  return best;
}

// ---- code-column fallback -------------------------------------------------------------------

export interface CodeLayout {
  codeCol: number;
  headerRow: number | null;
  totalCol: number | null;
  femaleCol: number | null;
  /** Columns never holding an indicator's value (label, unit of measure). */
  labelCols: number[];
  codeRows: Map<string, number>;
}

function codeOf(text: string, byCode: ReadonlyMap<string, unknown>): string | null {
  const s = text.trim().replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
  if (!s || s.length > 12) return null;
  return byCode.has(s) ? s : null;
}

const H_CODE = new Set([norm(COLUMN_HEADERS.code.vi), "ma so", "mã", norm(COLUMN_HEADERS.code.en)]);
const H_TOTAL = [norm(COLUMN_HEADERS.total.vi), "tong so", norm(COLUMN_HEADERS.total.en)];
const H_FEMALE = [norm(COLUMN_HEADERS.female.vi), "trong đó: nữ", "trong do nu", "nữ", norm(COLUMN_HEADERS.female.en), "female"];
const H_LABEL = [norm(COLUMN_HEADERS.indicator.vi), "nội dung", norm(COLUMN_HEADERS.unit.vi), "đvt", norm(COLUMN_HEADERS.indicator.en), norm(COLUMN_HEADERS.unit.en)];

function stripColon(s: string): string {
  return s.replace(/[:：]\s*$/, "").trim();
}

/** Find the code column ("Mã số" header, else the column with most indicator codes) and the value columns. */
export function findCodeLayout(sh: SheetData, form: ResolvedForm): CodeLayout | null {
  const headers: CellPos[] = [];
  const codeCells = new Map<number, { row: number; code: string }[]>();
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
    const n = stripColon(norm(v.text));
    if (H_CODE.has(n)) headers.push({ row: rowOf(k), col: colOf(k) });
    const code = codeOf(v.text, form.byCode);
    if (code) {
      const c = colOf(k);
      const list = codeCells.get(c) ?? [];
      list.push({ row: rowOf(k), code });
      codeCells.set(c, list);
    }
  }
  let best: { col: number; headerRow: number | null; rows: Map<string, number> } | null = null;
  const rowsBelow = (col: number, fromRow: number): Map<string, number> => {
    const m = new Map<string, number>();
    const list = (codeCells.get(col) ?? []).filter((x) => x.row > fromRow).sort((a, b) => a.row - b.row);
    for (const x of list) if (!m.has(x.code)) m.set(x.code, x.row);
    return m;
  };
  for (const h of headers) {
    const rows = rowsBelow(h.col, h.row);
    if (rows.size && (!best || rows.size > best.rows.size)) best = { col: h.col, headerRow: h.row, rows };
  }
  if (!best) {
    for (const col of codeCells.keys()) {
      const rows = rowsBelow(col, 0);
      if (rows.size >= 3 && (!best || rows.size > best.rows.size)) best = { col, headerRow: null, rows };
    }
  }
  if (!best) return null;
  // Header rows: the "Mã số" row and the two below it; or the five rows above the first code.
  const firstCodeRow = Math.min(...best.rows.values());
  const from = best.headerRow ?? Math.max(1, firstCodeRow - 5);
  const to = best.headerRow !== null ? Math.min(best.headerRow + 2, firstCodeRow - 1) : firstCodeRow - 1;
  let totalCol: number | null = null;
  let femaleCol: number | null = null;
  const labelCols: number[] = [];
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
    const r = rowOf(k);
    if (r < from || r > to) continue;
    const n = stripColon(norm(v.text));
    const c = colOf(k);
    if (totalCol === null && H_TOTAL.some((h) => n === h || n.startsWith(`${h} `) || n.startsWith(`${h}(`))) totalCol = c;
    else if (femaleCol === null && H_FEMALE.some((h) => n === h || n.startsWith(`${h} `))) femaleCol = c;
    else if (H_LABEL.some((h) => n === h || n.startsWith(h))) labelCols.push(c);
  }
  return { codeCol: best.col, headerRow: best.headerRow, totalCol, femaleCol, labelCols, codeRows: best.rows };
}

function locateByCode(sh: SheetData, form: ResolvedForm, layout: CodeLayout, name: string): { pos: CellPos; value?: CellValue } | null {
  const target = form.byName.get(name);
  if (!target) return null;
  if (target.type === "field") return locateField(sh, target.field.key, target.field.label.vi, layout);
  const ind = target.indicator;
  const row = layout.codeRows.get(ind.code);
  if (row === undefined) return null;
  if (target.part === "female") return layout.femaleCol !== null ? { pos: { row, col: layout.femaleCol } } : null;
  if (ind.kind !== "text") return layout.totalCol !== null ? { pos: { row, col: layout.totalCol } } : null;
  // Narrative: the total column when it holds the text, else the first filled cell right of the labels.
  if (layout.totalCol !== null) {
    const at = valueAt(sh, row, layout.totalCol);
    if (cellText(at.value).trim()) return { pos: { row, col: layout.totalCol } };
  }
  const skip = new Set([layout.codeCol, ...layout.labelCols]);
  const minCol = Math.max(layout.codeCol, ...layout.labelCols);
  let bestCol: number | null = null;
  for (const [k, v] of sh.cells) {
    if (rowOf(k) !== row) continue;
    const c = colOf(k);
    if (c <= minCol || skip.has(c) || !cellText(v).trim()) continue;
    if (bestCol === null || c < bestCol) bestCol = c;
  }
  if (bestCol !== null) return { pos: { row, col: bestCol } };
  return layout.totalCol !== null ? { pos: { row, col: layout.totalCol } } : null;
}

const FIELD_ALIASES: Record<string, string[]> = { unit: ["đơn vị"] };

/**
 * A header field by its label. "Label: value" in one cell; a label ending with ":" → the first
 * cell right of it (after its merge) unless that is another label; a title without colon (the
 * signature block: "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", then the name) → the first filled
 * cell below it that is not a note in parentheses.
 */
function locateField(sh: SheetData, fieldKey: string, label: string, layout: CodeLayout): { pos: CellPos; value?: CellValue } | null {
  const aliases = [norm(label), ...(FIELD_ALIASES[fieldKey] ?? [])];
  const lastCodeRow = Math.max(...layout.codeRows.values());
  let found: { row: number; col: number; inline: string | null; colon: boolean } | null = null;
  for (const [k, v] of sh.cells) {
    if (v.type !== "text") continue;
    const r = rowOf(k);
    if (layout.headerRow !== null && r >= layout.headerRow && r <= lastCodeRow) continue;
    const n = norm(v.text);
    const bare = stripColon(n.replace(/\(\*\)/g, "").trim());
    let inline: string | null = null;
    let match = false;
    for (const a of aliases) {
      if (bare === a) match = true;
      else if (n.startsWith(`${a}:`)) {
        match = true;
        const colon = v.text.indexOf(":");
        inline = colon >= 0 ? v.text.slice(colon + 1).trim() || null : null;
      }
      if (match) break;
    }
    if (!match) continue;
    const c = colOf(k);
    if (found && (r > found.row || (r === found.row && c > found.col))) continue;
    found = { row: r, col: c, inline, colon: /[:：]\s*$/.test(v.text) || inline !== null };
  }
  if (!found) return null;
  if (found.inline) return { pos: { row: found.row, col: found.col }, value: { type: "text", text: found.inline } };
  const merge = sh.merges.find((m) => m.r1 === found!.row && m.c1 === found!.col);
  if (found.colon) {
    const first = (merge ? merge.c2 : found.col) + 1;
    let bestCol: number | null = null;
    for (const [k, v] of sh.cells) {
      if (rowOf(k) !== found.row) continue;
      const c = colOf(k);
      if (c < first || !cellText(v).trim()) continue;
      if (bestCol === null || c < bestCol) bestCol = c;
    }
    if (bestCol !== null) {
      const v = sh.cells.get(key(found.row, bestCol));
      if (!(v && v.type === "text" && /[:：]\s*$/.test(v.text))) return { pos: { row: found.row, col: bestCol } };
    }
    return { pos: { row: found.row, col: first } };
  }
  for (let r = found.row + 1; r <= found.row + 5; r++) {
    const at = valueAt(sh, r, found.col);
    const text = cellText(at.value).trim();
    if (text && !text.startsWith("(")) return { pos: { row: at.row, col: at.col } };
  }
  return { pos: { row: found.row + 3, col: found.col } };
}

/**
 * Every worksheet's non-blank cells by sheet name and A1 address (for tests, tools and
 * diagnostics; the same caps and parsers as readReport). Throws nothing: a rejection comes back.
 */
export function readAllSheets(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): { ok: true; date1904: boolean; sheets: Map<string, { state: string; cells: Map<string, CellValue> }>; definedNames: Map<string, string> } | ReportRejected {
  const L: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const dummy = { id: "", version: "", names: [] as string[] } as unknown as ResolvedForm;
  try {
    const s = sniffFile(bytes, L);
    if (s.type === "reject") throw new Reject(s.reason, s.detail);
    if (s.type !== "zip") throw new Reject("notSpreadsheet", "unknown container");
    return new Reader(s.zip, dummy, L).all();
  } catch (e) {
    return toRejection(e, dummy, L);
  }
}
