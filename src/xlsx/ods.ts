/**
 * The .ods reader (OpenDocument spreadsheet, LibreOffice/OpenOffice/Excel/WPS): content.xml
 * scanned once with the DTD-less XML scanner of xml.ts, inflated within the zip reader's
 * decompressed-size budget. Gives sheets (name, visibility from the table style's
 * `table:display`), cell values (ods-values.ts), merged ranges (`number-columns-spanned` /
 * `number-rows-spanned`) and named ranges (workbook-wide, or sheet-local inside a table).
 *
 * Repeats: LibreOffice writes the empty rest of a sheet as `number-rows-repeated="1048571"` of
 * `number-columns-repeated="16384"` empty cells; empty repeats only move the position, never
 * materialise anything. A non-empty cell counts every repetition against the cell cap before
 * any is stored, so a repeated value cannot expand past the cap.
 */
import type { CellValue } from "../workbook/cell-value";
import {
  MAX_SHEETS,
  type LoadLimits,
  type LoadedName,
  type LoadedSheet,
  type LoadedWorkbook,
} from "./loaded-workbook";
import { odsCellValue, odsExpressionToA1, odsRangeToA1, type OdsCellAttrs } from "./ods-values";
import { CellCapError, type CellCounter } from "./ooxml";
import { key, type Range } from "../workbook/sheet-data";
import { ReportReject } from "./report-reject";
import { attrsOf, decodeEntities, scanXml, SKIP, type XmlHandler } from "./xml";
import { readEntry, ZipError, type InflateFn, type ZipArchive } from "./zip";

const MAX_ROW = 1048576;
const MAX_COL = 16384;
/** Spaces `text:s` may add over the whole file (a `text:c="1000000000"` is a bomb, not a report). */
const MAX_SPACES = 1_000_000;

const utf8 = new TextDecoder("utf-8");

/** The workbook in an .ods package. Throws ZipError / XmlError / ReportReject / CellCapError. */
export function readOds(zip: ZipArchive, limits: LoadLimits, inflate?: InflateFn): LoadedWorkbook {
  if (zip.declaredTotal > limits.maxUncompressedBytes)
    throw new ZipError("zipBomb", `declared uncompressed total ${zip.declaredTotal} bytes`);
  // A password-protected package lists how each part is encrypted in its manifest.
  const manifest = zip.entries.get("meta-inf/manifest.xml");
  if (manifest && manifest.size <= 1024 * 1024) {
    const text = utf8.decode(readEntry(zip, manifest, limits.maxUncompressedBytes, inflate));
    if (/<(?:\w+:)?encryption-data\b/.test(text))
      throw new ReportReject("encrypted", "ODS with encryption-data in its manifest");
  }
  const entry = zip.entries.get("content.xml");
  if (!entry) throw new ReportReject("corrupt", "ODS without content.xml");
  const xml = utf8.decode(
    readEntry(zip, entry, limits.maxUncompressedBytes - (manifest?.size ?? 0), inflate)
  );
  return parseOdsContent(xml, limits);
}

/** Element contexts of the scan (what the element just opened is). */
const enum Ctx {
  Root,
  Doc,
  Styles,
  Style,
  Body,
  Spreadsheet,
  Table,
  Rows,
  Row,
  Cell,
  List,
  Para,
  Span,
  Names,
}

interface RowState {
  row: number;
  col: number;
  repeat: number;
  /** Non-empty cells of the row's first repetition, to copy to the others. */
  cells: { col: number; value: CellValue }[];
  merges: Range[];
}

/** content.xml → LoadedWorkbook. */
export function parseOdsContent(xml: string, limits: LoadLimits): LoadedWorkbook {
  const p = new OdsScan(limits);
  scanXml(xml, p.handler);
  return { format: "ods", sheets: p.sheets, names: p.names, date1904: false };
}

class OdsScan {
  readonly sheets: LoadedSheet[] = [];
  readonly names: LoadedName[] = [];
  private readonly hiddenStyles = new Set<string>();
  private readonly counter: CellCounter;
  private readonly stack: Ctx[] = [Ctx.Root];
  private styleName: string | null = null;
  private sheet: LoadedSheet | null = null;
  private rowNext = 1;
  private row: RowState | null = null;
  private cell: { attrs: OdsCellAttrs; repeat: number; covered: boolean } | null = null;
  private paras: string[] = [];
  private text = "";
  /** The last character added was a collapsible space (or the paragraph has just begun). */
  private lastSpace = true;
  private spaces = 0;
  readonly handler: XmlHandler;

  constructor(limits: LoadLimits) {
    this.counter = { count: 0, max: limits.maxCells };
    this.handler = {
      // (the scanner calls close for a self-closing element too, unless it was skipped)
      open: (name, raw) => {
        const ctx = this.open(name, raw);
        if (ctx === null) return SKIP;
        this.stack.push(ctx);
        return undefined;
      },
      close: () => {
        if (this.stack.length > 1) this.close(this.stack.pop()!);
      },
      text: (x, s, e, cdata) => {
        const top = this.stack[this.stack.length - 1];
        if (top === Ctx.Para || top === Ctx.Span)
          this.addText(cdata ? x.slice(s, e) : decodeEntities(x.slice(s, e)));
      },
    };
  }

  /** The context of an element opened in the current one, or null to pass over it whole. */
  private open(name: string, raw: string): Ctx | null {
    const top = this.stack[this.stack.length - 1];
    switch (top) {
      case Ctx.Root:
        return Ctx.Doc;
      case Ctx.Doc:
        return name === "automatic-styles" ? Ctx.Styles : name === "body" ? Ctx.Body : null;
      case Ctx.Styles:
        if (name !== "style") return null;
        this.styleName = attrsOf(raw).get("family") === "table" ? (attrsOf(raw).get("name") ?? null) : null;
        return this.styleName === null ? SKIP : Ctx.Style;
      case Ctx.Style:
        if (name === "table-properties" && attrsOf(raw).get("display") === "false" && this.styleName)
          this.hiddenStyles.add(this.styleName);
        return null;
      case Ctx.Body:
        return name === "spreadsheet" ? Ctx.Spreadsheet : null;
      case Ctx.Spreadsheet:
        if (name === "table") return this.openTable(raw);
        return name === "named-expressions" ? Ctx.Names : null;
      case Ctx.Table:
      case Ctx.Rows:
        if (name === "table-row") return this.openRow(raw);
        if (name === "named-expressions") return Ctx.Names;
        return name === "table-row-group" || name === "table-header-rows" || name === "table-rows"
          ? Ctx.Rows
          : null;
      case Ctx.Row:
        return name === "table-cell" || name === "covered-table-cell" ? this.openCell(raw, name) : null;
      case Ctx.Cell:
      case Ctx.List:
        if (name === "p" || name === "h") return this.openPara();
        return name === "list" || name === "list-item" ? Ctx.List : null;
      case Ctx.Para:
      case Ctx.Span:
        return this.openInline(name, raw);
      case Ctx.Names:
        if (name === "named-range" || name === "named-expression") this.addName(name, raw);
        return null;
      default:
        return null;
    }
  }

  private close(ctx: Ctx): void {
    if (ctx === Ctx.Table) this.sheet = null;
    else if (ctx === Ctx.Row) this.closeRow();
    else if (ctx === Ctx.Cell && this.cell) this.closeCell();
    else if (ctx === Ctx.Para) this.paras.push(this.text);
  }

  private openTable(raw: string): Ctx {
    const a = attrsOf(raw);
    if (this.sheets.length >= MAX_SHEETS) throw new ReportReject("tooManyCells", "too many sheets");
    const style = a.get("style-name");
    this.sheet = {
      name: a.get("name") ?? `Sheet${this.sheets.length + 1}`,
      visible: !(style !== undefined && this.hiddenStyles.has(style)),
      data: { cells: new Map(), merges: [] },
    };
    this.sheets.push(this.sheet);
    this.rowNext = 1;
    return Ctx.Table;
  }

  private openRow(raw: string): Ctx {
    const repeat = repeatOf(attrsOf(raw).get("number-rows-repeated"));
    this.row = { row: this.rowNext, col: 1, repeat, cells: [], merges: [] };
    this.rowNext += repeat;
    return Ctx.Row;
  }

  private openCell(raw: string, name: string): Ctx | null {
    const row = this.row;
    if (!row) return null;
    const a = cellAttrs(raw);
    const repeat = repeatOf(a.get("number-columns-repeated"));
    const covered = name === "covered-table-cell";
    const cols = Number(a.get("number-columns-spanned") ?? 1);
    const rows = Number(a.get("number-rows-spanned") ?? 1);
    if (!covered && ((cols > 1 && Number.isInteger(cols)) || (rows > 1 && Number.isInteger(rows)))) {
      const c2 = Math.min(MAX_COL, row.col + Math.max(1, cols) - 1);
      const r2 = Math.min(MAX_ROW, row.row + Math.max(1, rows) - 1);
      if (row.row <= MAX_ROW && row.col <= MAX_COL) row.merges.push({ r1: row.row, c1: row.col, r2, c2 });
      this.count(1);
    }
    this.cell = {
      repeat,
      covered,
      attrs: {
        valueType: a.get("value-type"),
        calcType: a.get("calcext:value-type"),
        value: a.get("value"),
        dateValue: a.get("date-value"),
        timeValue: a.get("time-value"),
        booleanValue: a.get("boolean-value"),
        stringValue: a.get("string-value"),
        formula: a.get("formula"),
      },
    };
    this.paras = [];
    return Ctx.Cell;
  }

  private closeCell(): void {
    const row = this.row!;
    const { attrs, repeat } = this.cell!;
    this.cell = null;
    const value = odsCellValue(attrs, this.paras.join("\n"));
    if (value) {
      if (row.row > MAX_ROW || row.col + repeat - 1 > MAX_COL)
        throw new ReportReject("corrupt", `ODS: a value beyond the last row or column (row ${row.row})`);
      this.count(repeat);
      for (let i = 0; i < repeat; i++) {
        this.sheet?.data?.cells.set(key(row.row, row.col + i), value);
        row.cells.push({ col: row.col + i, value });
      }
    }
    row.col += repeat;
  }

  /** A repeated row: its non-empty cells and merges copied to each repetition (counted first). */
  private closeRow(): void {
    const row = this.row;
    this.row = null;
    const data = this.sheet?.data;
    if (!row || !data) return;
    const merges = (data.merges ??= []);
    for (const m of row.merges) merges.push(m);
    const extra = row.repeat - 1;
    if (extra === 0 || (row.cells.length === 0 && row.merges.length === 0)) return;
    if (row.row + extra > MAX_ROW)
      throw new ReportReject("corrupt", "ODS: a repeated row beyond the last row");
    this.count((row.cells.length + row.merges.length) * extra);
    for (let r = 1; r <= extra; r++) {
      for (const c of row.cells) data.cells.set(key(row.row + r, c.col), c.value);
      for (const m of row.merges) merges.push({ r1: m.r1 + r, c1: m.c1, r2: m.r2 + r, c2: m.c2 });
    }
  }

  private count(n: number): void {
    this.counter.count += n;
    if (this.counter.count > this.counter.max) throw new CellCapError(this.counter.max);
  }

  private openPara(): Ctx {
    this.text = "";
    this.lastSpace = true;
    return Ctx.Para;
  }

  /** Inside a paragraph: spaces, tabs and line breaks as elements; notes, comments and frames skipped. */
  private openInline(name: string, raw: string): Ctx | null {
    switch (name) {
      case "s": {
        const n = Math.max(1, Math.floor(Number(attrsOf(raw).get("c") ?? 1)) || 1);
        this.spaces += n;
        if (this.spaces > MAX_SPACES)
          throw new ReportReject("zipBomb", `ODS: text:s adds over ${MAX_SPACES} spaces`);
        this.text += " ".repeat(n);
        this.lastSpace = false;
        return null;
      }
      case "tab":
        this.text += "\t";
        this.lastSpace = false;
        return null;
      case "line-break":
        this.text += "\n";
        this.lastSpace = false;
        return null;
      case "note":
      case "annotation":
      case "frame":
      case "ruby-text":
      case "bookmark":
      case "soft-page-break":
        return null;
      default:
        return Ctx.Span;
    }
  }

  /** ODF white space: tabs and line ends are spaces, runs of spaces one space, none at the start. */
  private addText(s: string): void {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      let ch = s[i];
      if (ch === "\t" || ch === "\n" || ch === "\r") ch = " ";
      if (ch === " ") {
        if (this.lastSpace) continue;
        this.lastSpace = true;
      } else this.lastSpace = false;
      out += ch;
    }
    this.text += out;
  }

  private addName(kind: string, raw: string): void {
    const a = attrsOf(raw);
    const name = a.get("name");
    if (!name) return;
    const base = a.get("base-cell-address");
    const baseSheet = base ? (/^\$?'?([^'.]*)/.exec(base)?.[1] ?? null) : null;
    const ref =
      kind === "named-range"
        ? odsRangeToA1(a.get("cell-range-address") ?? "", baseSheet)
        : odsExpressionToA1(a.get("expression") ?? "", baseSheet);
    this.names.push({ name, ref, localSheet: this.sheet ? this.sheets.length - 1 : null });
  }
}

function repeatOf(v: string | undefined): number {
  const n = v === undefined ? 1 : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * A cell's attributes by local name, except LibreOffice's calcext: ones, kept under their
 * qualified name (`calcext:value-type` must not be taken for `office:value-type`).
 */
function cellAttrs(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const q = m[1];
    const k = q.startsWith("calcext:") ? q : q.slice(q.indexOf(":") + 1);
    if (!out.has(k)) out.set(k, decodeEntities(m[2] ?? m[3] ?? ""));
  }
  return out;
}
