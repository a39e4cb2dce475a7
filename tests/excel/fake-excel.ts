/**
 * A recording fake of the few Excel (Office.js) objects the add-in uses, with Excel's batch
 * semantics: commands are queued on proxy objects and run at `context.sync()`; reading a property
 * that was not loaded and synced throws PropertyNotLoaded; a failing command rejects the sync
 * (commands queued before it have run). It counts syncs, estimates each request's payload (sum of
 * the JSON sizes of the queued writes) and rejects a request over 5 MB like Excel on the web.
 * Requirement sets are modelled: a command from a set newer than the fake's `apiVersion` fails
 * with ApiNotFound, and `isSetSupported` answers accordingly.
 *
 * Positions are 1-based (`RangeRef` of src/workbook/address.ts); where Office.js counts from 0
 * (`getCell`, `getRangeByIndexes`, `rowIndex`, `columnIndex`) the fake converts, like src/excel.
 *
 * Plain TypeScript (no jest, no Node APIs): the end-to-end build (tests/e2e/pane-entry.tsx) runs
 * it in Chromium as the host standing in for Excel. Deliberately loose typing inside; the public
 * surface is typed as the real `Excel.RequestContext`, which is what src/excel is written against.
 */
import type { ExcelHost } from "../../src/excel/host";
import { formatRange, MAX_COL, MAX_ROW, parseRange, type RangeRef } from "../../src/workbook/address";

/* ------------------------------------------------------------------ state ------------------ */

export type Scalar = string | number | boolean;

export interface FakeCell {
  /** null = blank. Errors are kept as their code in `error`. */
  value: Scalar | null;
  formula: string | null;
  error: string | null;
  numberFormat: string;
  /** Formatting by property path: "fill.color", "font.bold", "protection.locked", "wrapText"… */
  format: Record<string, unknown>;
  validation: unknown;
  validationPrompt?: unknown;
  validationErrorAlert?: unknown;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  range: RangeRef; // local (sheet is null)
  formula: string;
  format: Record<string, unknown>;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: string[];
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: RangeRef[];
  cfs: FakeConditionalFormat[];
  protection: { protected: boolean; options: unknown; password: string | undefined };
  freeze: { rows: number; cols: number };
  charts: FakeChart[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  handlers: Set<(args: unknown) => unknown>;
  tabColor: string;
  hiddenColumns: Set<number>;
}

export interface FakeName {
  name: string;
  /** For a range name: the sheet id and the local range; otherwise a constant formula. */
  sheetId: string | null;
  ref: RangeRef | null;
  constant: string | null;
  comment: string;
}

export interface SyncRecord {
  /** 1-based sync number. */
  index: number;
  commands: number;
  writes: number;
  /** Estimated request size in bytes (UTF-8 JSON of the queued writes' arguments). */
  bytes: number;
}

export interface CallRecord {
  sync: number;
  op: string;
}

export interface FakeChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  triggerSource?: "Unknown" | "ThisLocalAddin";
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

const ERROR_RE = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

function blankCell(): FakeCell {
  return { value: null, formula: null, error: null, numberFormat: "General", format: {}, validation: null };
}

function key(row: number, col: number): string {
  return `${row}:${col}`;
}

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const encoder = new TextEncoder();
function jsonBytes(v: unknown): number {
  try {
    return encoder.encode(JSON.stringify(v) ?? "").length;
  } catch {
    return 0;
  }
}

/* ------------------------------------------------------------------ the fake ---------------- */

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports (default "1.9"). */
  apiVersion?: string;
  /** Request size limit in bytes (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /** Fire onChanged events for the add-in's own writes, as Excel does (default true). */
  fireOwnWriteEvents?: boolean;
  /** `triggerSource` of events caused by the add-in's own writes (ExcelApi 1.14 hosts say "ThisLocalAddin"; older ones nothing). */
  ownWriteTriggerSource?: "ThisLocalAddin" | "Unknown";
  /** How events are delivered; default `setTimeout(fn, 0)`. Tests can pass a recorder and call deliverEvents(). */
  schedule?: (fn: () => void) => void;
}

interface Command {
  op: string;
  bytes: number;
  write: boolean;
  run: () => void;
}

export class FakeExcel {
  readonly apiVersion: string;
  readonly payloadLimit: number;
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, FakeName>();
  readonly settings = new Map<string, unknown>();
  readonly createdWorkbooks: string[] = [];
  readonly calls: CallRecord[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly application = {
    calculationMode: "Automatic",
    apiCalculationSuspended: 0,
    screenUpdatingSuspended: 0,
  };
  activeSheetId: string | null = null;
  selection: string | null = null;
  fireOwnWriteEvents: boolean;
  ownWriteTriggerSource: "ThisLocalAddin" | "Unknown" | undefined;
  /** Events not yet delivered (see deliverEvents). */
  readonly pendingEvents: { sheetId: string; args: FakeChangeEvent }[] = [];
  readonly collectionHandlers = new Set<(args: unknown) => unknown>();

  private queue: Command[] = [];
  private nextId = 1;
  private touched = new Map<string, Set<string>>();
  private readonly schedule: (fn: () => void) => void;
  private deliveryScheduled = false;
  /** Set while a sync runs, so lazily resolved objects know they may be touched. */
  inSync = false;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.9";
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.fireOwnWriteEvents = options.fireOwnWriteEvents ?? true;
    this.ownWriteTriggerSource = options.ownWriteTriggerSource;
    this.schedule = options.schedule ?? ((fn) => void setTimeout(fn, 0));
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && versionAtLeast(this.apiVersion, version);
  }

  /* ---- queue ---- */

  enqueue(
    op: string,
    run: () => void,
    options: { write?: boolean; args?: unknown; requires?: string } = {}
  ): void {
    const requires = options.requires;
    const wrapped =
      requires && !versionAtLeast(this.apiVersion, requires)
        ? () => {
            throw new FakeExcelError(
              "ApiNotFound",
              `${op} needs ExcelApi ${requires}; this host has ${this.apiVersion}`
            );
          }
        : run;
    this.queue.push({
      op,
      run: wrapped,
      write: options.write ?? false,
      bytes: options.write ? jsonBytes(options.args ?? null) + op.length : op.length,
    });
  }

  /** Fail at sync (for calls that real Office.js rejects during the batch). */
  fail(op: string, code: string, message: string): void {
    this.queue.push({
      op,
      write: false,
      bytes: op.length,
      run: () => {
        throw new FakeExcelError(code, message);
      },
    });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      index: this.syncs.length + 1,
      commands: batch.length,
      writes: batch.filter((c) => c.write).length,
      bytes: batch.reduce((n, c) => n + c.bytes, 0),
    };
    this.syncs.push(record);
    await Promise.resolve();
    if (record.bytes > this.payloadLimit) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${record.bytes} bytes over ${this.payloadLimit}`
      );
    }
    this.inSync = true;
    try {
      for (const c of batch) {
        this.calls.push({ sync: record.index, op: c.op });
        c.run();
      }
    } finally {
      this.inSync = false;
      if (this.application.apiCalculationSuspended) this.application.apiCalculationSuspended = 0;
      if (this.application.screenUpdatingSuspended) this.application.screenUpdatingSuspended = 0;
      this.flushTouched(this.ownWriteTriggerSource);
    }
  }

  /** Run like `Excel.run`: a fresh context; pending commands are synced at the end. */
  async run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    const result = await fn(ctx as unknown as Excel.RequestContext);
    if (this.queue.length) await this.sync();
    return result;
  }

  /** An object shaped like the host functions src/excel needs. */
  host(): ExcelHost {
    return {
      run: (fn) => this.run(fn),
      createWorkbook: async (base64) => {
        if (!versionAtLeast(this.apiVersion, "1.8"))
          throw new FakeExcelError("ApiNotFound", "Excel.createWorkbook needs ExcelApi 1.8");
        this.createdWorkbooks.push(base64);
      },
      isSetSupported: (name, version) => this.isSetSupported(name, version),
    };
  }

  /* ---- events ---- */

  markTouched(sheet: FakeSheet, ref: RangeRef): void {
    let set = this.touched.get(sheet.id);
    if (!set) this.touched.set(sheet.id, (set = new Set()));
    set.add(formatRange({ ...ref, sheet: null }));
  }

  private flushTouched(trigger: "ThisLocalAddin" | "Unknown" | undefined): void {
    const touched = this.touched;
    this.touched = new Map();
    if (!this.fireOwnWriteEvents) return;
    for (const [sheetId, addresses] of touched) {
      for (const address of addresses) {
        this.pushEvent(sheetId, {
          type: "WorksheetChanged",
          worksheetId: sheetId,
          address,
          changeType: "RangeEdited",
          source: "Local",
          ...(trigger ? { triggerSource: trigger } : {}),
        });
      }
    }
  }

  private pushEvent(sheetId: string, args: FakeChangeEvent): void {
    this.pendingEvents.push({ sheetId, args });
    if (!this.deliveryScheduled) {
      this.deliveryScheduled = true;
      this.schedule(() => {
        this.deliveryScheduled = false;
        void this.deliverEvents();
      });
    }
  }

  /** Deliver queued change events to the registered handlers now. */
  async deliverEvents(): Promise<number> {
    const events = this.pendingEvents.splice(0);
    for (const e of events) {
      const sheet = this.sheets.find((s) => s.id === e.sheetId);
      const handlers = [...(sheet?.handlers ?? []), ...this.collectionHandlers];
      for (const h of handlers) await h(e.args);
    }
    return events.length;
  }

  /** The officer edits a range (test helper): sets values and fires a change event. */
  userEdit(sheetName: string, address: string, values: (Scalar | null)[][]): void {
    this.setValues(sheetName, address, values);
    const sheet = this.sheet(sheetName);
    const ref = this.ref(address);
    this.pushEvent(sheet.id, {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: formatRange({ ...ref, sheet: null }),
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
    });
  }

  /* ---- state helpers for tests ---- */

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  addSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
    if (this.findSheet(name)) throw new FakeExcelError("ItemAlreadyExists", `sheet ${name}`);
    const s: FakeSheet = {
      id: this.newId("sheet"),
      name,
      visibility,
      cells: new Map(),
      merges: [],
      cfs: [],
      protection: { protected: false, options: null, password: undefined },
      freeze: { rows: 0, cols: 0 },
      charts: [],
      colWidths: new Map(),
      rowHeights: new Map(),
      handlers: new Set(),
      tabColor: "",
      hiddenColumns: new Set(),
    };
    this.sheets.push(s);
    this.activeSheetId ??= s.id;
    return s;
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheet(nameOrId: string): FakeSheet {
    const s = this.findSheet(nameOrId);
    if (!s) throw new FakeExcelError("ItemNotFound", `no sheet ${nameOrId}`);
    return s;
  }

  ref(address: string): RangeRef {
    const r = parseRange(address);
    if (!r) throw new FakeExcelError("InvalidArgument", `bad address ${address}`);
    return r;
  }

  cell(sheetName: string, a1: string): FakeCell {
    const s = this.sheet(sheetName);
    const r = this.ref(a1);
    return s.cells.get(key(r.start.row, r.start.col)) ?? blankCell();
  }

  cellAt(sheet: FakeSheet, row: number, col: number, create = false): FakeCell {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = blankCell();
      if (create) sheet.cells.set(k, c);
    }
    return c;
  }

  /** Test helper: write values as a user would type them (strings are parsed like Excel does). */
  setValues(sheetName: string, address: string, rows: (Scalar | null)[][]): void {
    const s = this.sheet(sheetName);
    const r = this.ref(address);
    rows.forEach((row, i) =>
      row.forEach((v, j) => writeInput(this.cellAt(s, r.start.row + i, r.start.col + j, true), v, false))
    );
  }

  setFormat(sheetName: string, address: string, prop: string, value: unknown): void {
    const s = this.sheet(sheetName);
    forEachCell(this.ref(address), (row, col) => {
      this.cellAt(s, row, col, true).format[prop] = value;
    });
  }

  /** Test helper: a workbook-scoped name pointing at `'Sheet'!$D$14` (or a constant). */
  defineName(name: string, reference: string): void {
    this.names.set(name.toUpperCase(), this.makeName(name, reference, ""));
  }

  makeName(name: string, reference: string, comment: string): FakeName {
    const ref = parseRange(reference);
    if (ref && ref.sheet !== null) {
      const sheet = this.sheet(ref.sheet);
      return { name, sheetId: sheet.id, ref: { ...ref, sheet: null }, constant: null, comment };
    }
    return { name, sheetId: null, ref: null, constant: reference.replace(/^=/, ""), comment };
  }

  nameReference(n: FakeName): string {
    if (n.sheetId === null || !n.ref) return n.constant ?? "#REF!";
    const s = this.sheets.find((x) => x.id === n.sheetId);
    if (!s) return "#REF!";
    return formatRange({ ...n.ref, sheet: s.name }, true);
  }

  renameSheet(oldName: string, newName: string): void {
    this.sheet(oldName).name = newName;
  }

  /** Test helper: the officer inserts `count` rows before 1-based row `before`; names, merges and conditional formats move. */
  insertRows(sheetName: string, before: number, count: number): void {
    const s = this.sheet(sheetName);
    const at = before;
    const shift = (r: RangeRef): RangeRef => ({
      sheet: r.sheet,
      start: { row: r.start.row >= at ? r.start.row + count : r.start.row, col: r.start.col },
      end: { row: r.end.row >= at ? r.end.row + count : r.end.row, col: r.end.col },
    });
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of s.cells) {
      const [row, col] = k.split(":").map(Number);
      moved.set(key(row >= at ? row + count : row, col), c);
    }
    s.cells = moved;
    s.merges = s.merges.map(shift);
    s.cfs.forEach((cf) => (cf.range = shift(cf.range)));
    for (const n of this.names.values()) if (n.sheetId === s.id && n.ref) n.ref = shift(n.ref);
    const heights = new Map<number, number>();
    for (const [row, h] of s.rowHeights) heights.set(row >= at ? row + count : row, h);
    s.rowHeights = heights;
  }

  /** Cells in a rectangle as a 2-D array of values (test helper). */
  valuesOf(sheetName: string, address: string): (Scalar | null)[][] {
    const s = this.sheet(sheetName);
    const r = this.ref(address);
    const out: (Scalar | null)[][] = [];
    for (let row = r.start.row; row <= r.end.row; row++) {
      const line: (Scalar | null)[] = [];
      for (let col = r.start.col; col <= r.end.col; col++) {
        const c = s.cells.get(key(row, col));
        line.push(c ? (c.error ?? c.value) : null);
      }
      out.push(line);
    }
    return out;
  }
}

export function forEachCell(r: RangeRef, fn: (row: number, col: number) => void): void {
  for (let row = r.start.row; row <= r.end.row; row++)
    for (let col = r.start.col; col <= r.end.col; col++) fn(row, col);
}

/**
 * Excel's parsing of one written input. `asFormula` for `range.formulas` (same rules: a string
 * starting with "=" is a formula either way; a leading apostrophe keeps the rest as text).
 */
function writeInput(cell: FakeCell, v: unknown, _asFormula: boolean): void {
  if (v === null || v === undefined) return; // null leaves the cell unchanged
  cell.formula = null;
  cell.error = null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FakeExcelError("InvalidArgument", `not a finite number: ${v}`);
    cell.value = v;
  } else if (typeof v === "boolean") {
    cell.value = v;
  } else if (typeof v === "string") {
    if (v === "") cell.value = null;
    else if (v.startsWith("'")) cell.value = v.slice(1);
    else if (/^[=+\-@]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v.trim()) && v.length > 1) {
      cell.formula = v.startsWith("=") ? v : `=${v}`;
      cell.value = null;
    } else if (/^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) cell.value = Number(v);
    else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === "true";
    else if (ERROR_RE.test(v)) {
      cell.value = null;
      cell.error = v;
    } else cell.value = v;
  } else {
    throw new FakeExcelError("InvalidArgument", `unsupported value ${JSON.stringify(v)}`);
  }
}

/* ------------------------------------------------------------------ proxies ----------------- */

type Loader = () => unknown;

/** Base of every proxy object: load/sync semantics and PropertyNotLoaded. */
abstract class Obj {
  readonly _loaded = new Map<string, unknown>();
  readonly _createdAt: number;
  /** Scalar property names: readable only after load + sync. */
  abstract _scalars(): Record<string, Loader>;
  _navs(): Record<string, () => Obj> {
    return {};
  }
  /** Writable scalars: name → apply at sync. */
  _writers(): Record<string, (v: unknown) => void> {
    return {};
  }
  /** Requirement set of a writable property, when newer than 1.1. */
  _writeRequires(_prop: string): string | undefined {
    return undefined;
  }

  constructor(
    readonly _fake: FakeExcel,
    readonly _kind: string
  ) {
    this._createdAt = _fake.inSync ? _fake.syncCount - 1 : _fake.syncCount;

    return new Proxy(this, {
      get(target, prop, receiver) {
        if (
          typeof prop === "string" &&
          !prop.startsWith("_") &&
          prop !== "isNullObject" &&
          prop !== "context"
        ) {
          const scalars = target._scalars();
          if (Object.prototype.hasOwnProperty.call(scalars, prop)) {
            if (!target._loaded.has(prop)) {
              throw new FakeExcelError(
                "PropertyNotLoaded",
                `The property '${prop}' of ${target._kind} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
              );
            }
            return target._loaded.get(prop);
          }
          const navs = target._navs();
          if (Object.prototype.hasOwnProperty.call(navs, prop)) return target._nav(prop, navs[prop]);
        }
        return Reflect.get(target, prop, receiver);
      },
      set(target, prop, value, receiver) {
        if (typeof prop === "string" && !prop.startsWith("_")) {
          const writers = target._writers();
          if (Object.prototype.hasOwnProperty.call(writers, prop)) {
            target._fake.enqueue(`${target._kind}.${prop}=`, () => writers[prop](value), {
              write: true,
              args: value,
              requires: target._writeRequires(prop),
            });
            return true;
          }
          if (Object.prototype.hasOwnProperty.call(target._scalars(), prop)) {
            throw new FakeExcelError("InvalidOperation", `${target._kind}.${prop} is read-only`);
          }
        }
        return Reflect.set(target, prop, value, receiver);
      },
    });
  }

  private readonly _navCache = new Map<string, Obj>();
  _nav(name: string, make: () => Obj): Obj {
    let o = this._navCache.get(name);
    if (!o) this._navCache.set(name, (o = make()));
    return o;
  }

  /** Does the object exist (for *OrNullObject)? Evaluated during sync. */
  _exists(): boolean {
    return true;
  }
  _nullable = false;
  _makeNullable(): this {
    this._nullable = true;
    this._fake.enqueue(`${this._kind}.isNullObject`, () => this._loaded.set("__isNull", !this._exists()));
    return this;
  }

  get isNullObject(): boolean {
    if (this._fake.syncCount <= this._createdAt) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `isNullObject of ${this._kind} is not available before context.sync()`
      );
    }
    return this._loaded.get("__isNull") === true;
  }

  get context(): unknown {
    return undefined;
  }

  load(arg?: string | string[] | Record<string, unknown>): this {
    const paths = normalisePaths(arg);
    this._fake.enqueue(`${this._kind}.load(${paths.join(",")})`, () => this._applyLoad(paths));
    return this;
  }

  _applyLoad(paths: string[]): void {
    if (this._nullable && !this._exists()) {
      this._loaded.set("__isNull", true);
      return;
    }
    if (!this._exists()) throw new FakeExcelError("ItemNotFound", `${this._kind} does not exist`);
    const scalars = this._scalars();
    const navs = this._navs();
    const all = paths.length === 0;
    const names = all ? Object.keys(scalars) : paths;
    const nested = new Map<string, string[]>();
    for (const p of names) {
      const [head, ...rest] = p.split("/");
      if (Object.prototype.hasOwnProperty.call(scalars, head)) this._loaded.set(head, clone(scalars[head]()));
      else if (Object.prototype.hasOwnProperty.call(navs, head)) {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        nested.set(head, list);
      } else throw new FakeExcelError("InvalidArgument", `${this._kind} has no property '${head}' to load`);
    }
    for (const [head, rest] of nested) this._nav(head, navs[head])._applyLoad(rest);
  }

  /** Test-friendly JSON of the loaded properties. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this._loaded].filter(([k]) => !k.startsWith("__")));
  }
}

function clone<T>(v: T): T {
  return v === undefined || v === null || typeof v !== "object" ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function normalisePaths(arg?: string | string[] | Record<string, unknown>): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg))
    return arg
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(o)) {
      if (k === "$all" || k === "$top" || k === "$skip") continue;
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(arg, "");
  return out;
}

/** A collection: `items` after load; `load("name")` loads `name` on each item. */
abstract class Coll<T extends Obj> extends Obj {
  abstract _list(): T[];
  _scalars(): Record<string, Loader> {
    return {};
  }
  get items(): T[] {
    if (!this._loaded.has("items")) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property 'items' of ${this._kind} is not available. Call load() and context.sync() first.`
      );
    }
    return this._loaded.get("items") as T[];
  }
  _applyLoad(paths: string[]): void {
    const items = this._list();
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    for (const it of items) it._applyLoad(itemPaths);
    this._loaded.set("items", items);
  }
  getCount(): { value: number } {
    const result = { value: -1 };
    this._fake.enqueue(`${this._kind}.getCount`, () => (result.value = this._list().length));
    return result;
  }
}

class FakeContext {
  readonly workbook: WorkbookP;
  readonly application: ApplicationP;
  constructor(readonly _fake: FakeExcel) {
    this.workbook = new WorkbookP(_fake);
    this.application = this.workbook.application;
  }
  sync<T>(passThrough?: T): Promise<T | undefined> {
    return this._fake.sync().then(() => passThrough);
  }
  get trackedObjects(): { add(): void; remove(): void } {
    return { add: () => undefined, remove: () => undefined };
  }
}

class WorkbookP extends Obj {
  readonly worksheets: WorksheetsP;
  readonly names: NamesP;
  readonly settings: SettingsP;
  readonly application: ApplicationP;
  constructor(fake: FakeExcel) {
    super(fake, "Workbook");
    this.worksheets = new WorksheetsP(fake);
    this.names = new NamesP(fake);
    this.settings = new SettingsP(fake);
    this.application = new ApplicationP(fake);
  }
  _scalars(): Record<string, Loader> {
    return {};
  }
  getActiveWorksheet(): WorksheetP {
    return new WorksheetP(this._fake, () => this._fake.sheets.find((s) => s.id === this._fake.activeSheetId));
  }
}

class ApplicationP extends Obj {
  constructor(fake: FakeExcel) {
    super(fake, "Application");
  }
  _scalars(): Record<string, Loader> {
    return { calculationMode: () => this._fake.application.calculationMode };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return { calculationMode: (v) => (this._fake.application.calculationMode = String(v)) };
  }
  _writeRequires(prop: string): string | undefined {
    return prop === "calculationMode" ? "1.8" : undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this._fake.enqueue(
      "Application.suspendApiCalculationUntilNextSync",
      () => this._fake.application.apiCalculationSuspended++,
      { requires: "1.6" }
    );
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._fake.enqueue(
      "Application.suspendScreenUpdatingUntilNextSync",
      () => this._fake.application.screenUpdatingSuspended++,
      { requires: "1.9" }
    );
  }
  calculate(_type: string): void {
    this._fake.enqueue("Application.calculate", () => undefined);
  }
}

/* ---- event handlers ---- */

class EventHandlersP {
  constructor(
    private readonly getSet: () => Set<(args: unknown) => unknown>,
    private readonly fake: FakeExcel,
    private readonly requires: string
  ) {}
  add(handler: (args: unknown) => unknown): { remove(): void; context: { sync(): Promise<void> } } {
    const fake = this.fake;
    const getSet = this.getSet;
    fake.enqueue(`EventHandlers.add`, () => void getSet().add(handler), { requires: this.requires });
    return {
      remove: () => fake.enqueue("EventHandlers.remove", () => void getSet().delete(handler)),
      context: { sync: () => fake.sync() },
    };
  }
}

/* ---- worksheets ---- */

class WorksheetsP extends Coll<WorksheetP> {
  constructor(fake: FakeExcel) {
    super(fake, "WorksheetCollection");
  }
  _list(): WorksheetP[] {
    return this._fake.sheets.map((s) => new WorksheetP(this._fake, () => s));
  }
  get onChanged(): EventHandlersP {
    return new EventHandlersP(() => this._fake.collectionHandlers, this._fake, "1.9");
  }
  add(name?: string): WorksheetP {
    let made: FakeSheet | undefined;
    const fake = this._fake;
    fake.enqueue(
      `WorksheetCollection.add(${name ?? ""})`,
      () => {
        let n = name;
        if (!n) {
          let i = fake.sheets.length + 1;
          while (fake.findSheet(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        if (n.length > 31 || /[:\\/?*[\]]/.test(n))
          throw new FakeExcelError("InvalidArgument", `bad sheet name ${n}`);
        made = fake.addSheet(n);
      },
      { write: true, args: name }
    );
    return new WorksheetP(fake, () => made);
  }
  getItem(key: string): WorksheetP {
    return new WorksheetP(this._fake, () => this._fake.findSheet(key));
  }
  getItemOrNullObject(key: string): WorksheetP {
    const w = new WorksheetP(this._fake, () => this._fake.findSheet(key));
    w._makeNullable();
    return w;
  }
  getActiveWorksheet(): WorksheetP {
    return new WorksheetP(this._fake, () => this._fake.sheets.find((s) => s.id === this._fake.activeSheetId));
  }
}

class WorksheetP extends Obj {
  private _pinned: FakeSheet | undefined;
  constructor(
    fake: FakeExcel,
    private readonly _resolve: () => FakeSheet | undefined
  ) {
    super(fake, "Worksheet");
  }
  _sheet(): FakeSheet {
    const s = this._pinned ?? this._resolve();
    if (!s || !this._fake.sheets.includes(s))
      throw new FakeExcelError("ItemNotFound", "The requested worksheet does not exist.");
    this._pinned = s;
    return s;
  }
  _exists(): boolean {
    const s = this._pinned ?? this._resolve();
    return !!s && this._fake.sheets.includes(s);
  }
  _scalars(): Record<string, Loader> {
    return {
      name: () => this._sheet().name,
      id: () => this._sheet().id,
      visibility: () => this._sheet().visibility,
      position: () => this._fake.sheets.indexOf(this._sheet()),
      tabColor: () => this._sheet().tabColor,
    };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return {
      name: (v) => {
        const n = String(v);
        const other = this._fake.findSheet(n);
        if (other && other !== this._sheet()) throw new FakeExcelError("ItemAlreadyExists", `sheet ${n}`);
        this._sheet().name = n;
      },
      visibility: (v) => {
        const s = this._sheet();
        if (
          v !== "Visible" &&
          this._fake.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
        ) {
          throw new FakeExcelError("InvalidOperation", "cannot hide the last visible sheet");
        }
        s.visibility = v as FakeSheet["visibility"];
      },
      tabColor: (v) => (this._sheet().tabColor = String(v)),
      position: (v) => {
        const s = this._sheet();
        const list = this._fake.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(Math.min(Number(v), list.length), 0, s);
      },
    };
  }
  _navs(): Record<string, () => Obj> {
    return {
      protection: () => new ProtectionP(this._fake, this),
      freezePanes: () => new FreezeP(this._fake, this),
      charts: () => new ChartsP(this._fake, this),
    };
  }
  get onChanged(): EventHandlersP {
    return new EventHandlersP(() => this._sheet().handlers, this._fake, "1.7");
  }
  getRange(address?: string): RangeP {
    if (address === undefined) {
      return new RangeP(this._fake, this, () => ({
        sheet: null,
        start: { row: 1, col: 1 },
        end: { row: MAX_ROW, col: MAX_COL },
      }));
    }
    const ref = parseRange(address);
    if (!ref) {
      this._fake.fail(`Worksheet.getRange(${address})`, "InvalidArgument", `bad address ${address}`);
      return new RangeP(this._fake, this, () => {
        throw new FakeExcelError("InvalidArgument", address);
      });
    }
    return new RangeP(this._fake, this, () => ({ ...ref, sheet: null }));
  }
  /** RangeAreas (ExcelApi 1.9): several areas, e.g. "A1:B2, D4:D9". Only `format` is modelled. */
  getRanges(address: string): RangeAreasP {
    this._fake.enqueue("Worksheet.getRanges", () => undefined, {
      requires: "1.9",
      args: address,
      write: true,
    });
    const refs = address.split(/\s*,\s*/).map((a) => parseRange(a));
    return new RangeAreasP(this._fake, this, refs);
  }
  /** Office.js indexes count from 0. */
  getRangeByIndexes(rowIndex: number, colIndex: number, rowCount: number, colCount: number): RangeP {
    this._fake.enqueue("Worksheet.getRangeByIndexes", () => undefined, { requires: "1.7" });
    return new RangeP(this._fake, this, () => ({
      sheet: null,
      start: { row: rowIndex + 1, col: colIndex + 1 },
      end: { row: rowIndex + rowCount, col: colIndex + colCount },
    }));
  }
  /** Office.js indexes count from 0. */
  getCell(rowIndex: number, colIndex: number): RangeP {
    const at = { row: rowIndex + 1, col: colIndex + 1 };
    return new RangeP(this._fake, this, () => ({ sheet: null, start: at, end: at }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeP {
    const r = new RangeP(this._fake, this, () => usedRange(this._sheet(), valuesOnly));
    r._makeNullable();
    this._fake.enqueue("Worksheet.getUsedRangeOrNullObject", () => undefined, { requires: "1.4" });
    return r;
  }
  getUsedRange(valuesOnly = false): RangeP {
    return new RangeP(
      this._fake,
      this,
      () =>
        usedRange(this._sheet(), valuesOnly) ?? {
          sheet: null,
          start: { row: 1, col: 1 },
          end: { row: 1, col: 1 },
        }
    );
  }
  delete(): void {
    this._fake.enqueue(
      "Worksheet.delete",
      () => {
        const s = this._sheet();
        const list = this._fake.sheets;
        if (list.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
          throw new FakeExcelError("InvalidOperation", "cannot delete the last visible sheet");
        list.splice(list.indexOf(s), 1);
        for (const n of this._fake.names.values()) if (n.sheetId === s.id) n.sheetId = "#REF";
        if (this._fake.activeSheetId === s.id)
          this._fake.activeSheetId = list.find((x) => x.visibility === "Visible")?.id ?? null;
      },
      { write: true }
    );
  }
  activate(): void {
    this._fake.enqueue("Worksheet.activate", () => {
      const s = this._sheet();
      if (s.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", "cannot activate a hidden sheet");
      this._fake.activeSheetId = s.id;
    });
  }
}

function usedRange(sheet: FakeSheet, valuesOnly: boolean): RangeRef | null {
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  for (const [k, c] of sheet.cells) {
    const has = c.value !== null || c.formula !== null || c.error !== null;
    if (
      !has &&
      (valuesOnly || (Object.keys(c.format).length === 0 && c.numberFormat === "General" && !c.validation))
    )
      continue;
    const [r, col] = k.split(":").map(Number);
    minR = Math.min(minR, r);
    minC = Math.min(minC, col);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, col);
  }
  if (maxR < 0) return null;
  return { sheet: null, start: { row: minR, col: minC }, end: { row: maxR, col: maxC } };
}

class ProtectionP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _ws: WorksheetP
  ) {
    super(fake, "WorksheetProtection");
  }
  _scalars(): Record<string, Loader> {
    return {
      protected: () => this._ws._sheet().protection.protected,
      options: () => this._ws._sheet().protection.options,
    };
  }
  protect(options?: unknown, password?: string): void {
    this._fake.enqueue(
      "WorksheetProtection.protect",
      () => {
        const p = this._ws._sheet().protection;
        if (p.protected) throw new FakeExcelError("InvalidOperation", "the sheet is already protected");
        Object.assign(p, { protected: true, options: options ?? null, password });
      },
      { write: true, args: options ?? null, requires: password === undefined ? "1.2" : "1.7" }
    );
  }
  unprotect(password?: string): void {
    this._fake.enqueue(
      "WorksheetProtection.unprotect",
      () => {
        const p = this._ws._sheet().protection;
        if (p.protected && p.password && p.password !== password)
          throw new FakeExcelError("InvalidOperation", "wrong password");
        Object.assign(p, { protected: false, options: null, password: undefined });
      },
      { write: true, requires: password === undefined ? "1.2" : "1.7" }
    );
  }
}

class FreezeP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _ws: WorksheetP
  ) {
    super(fake, "WorksheetFreezePanes");
  }
  _scalars(): Record<string, Loader> {
    return {};
  }
  freezeRows(count = 1): void {
    this._fake.enqueue(
      "WorksheetFreezePanes.freezeRows",
      () => (this._ws._sheet().freeze = { rows: count, cols: 0 }),
      { write: true, requires: "1.7" }
    );
  }
  freezeColumns(count = 1): void {
    this._fake.enqueue(
      "WorksheetFreezePanes.freezeColumns",
      () => (this._ws._sheet().freeze = { rows: 0, cols: count }),
      { write: true, requires: "1.7" }
    );
  }
  freezeAt(frozen: string | RangeP): void {
    this._fake.enqueue(
      "WorksheetFreezePanes.freezeAt",
      () => {
        const r = typeof frozen === "string" ? parseRange(frozen) : frozen._ref();
        if (!r) throw new FakeExcelError("InvalidArgument", "freezeAt");
        this._ws._sheet().freeze = { rows: r.end.row, cols: r.end.col };
      },
      { write: true, args: typeof frozen === "string" ? frozen : "range", requires: "1.7" }
    );
  }
  unfreeze(): void {
    this._fake.enqueue(
      "WorksheetFreezePanes.unfreeze",
      () => (this._ws._sheet().freeze = { rows: 0, cols: 0 }),
      { write: true, requires: "1.7" }
    );
  }
}

class ChartsP extends Coll<ChartP> {
  constructor(
    fake: FakeExcel,
    private readonly _ws: WorksheetP
  ) {
    super(fake, "ChartCollection");
  }
  _list(): ChartP[] {
    return this._ws._sheet().charts.map((c) => new ChartP(this._fake, () => c));
  }
  add(type: string, sourceData: RangeP, seriesBy = "Auto"): ChartP {
    let chart: FakeChart | undefined;
    this._fake.enqueue(
      "ChartCollection.add",
      () => {
        const sheet = this._ws._sheet();
        chart = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: formatRange({ ...sourceData._ref(), sheet: sourceData._ws._sheet().name }),
          seriesBy,
          title: "",
          position: [],
        };
        sheet.charts.push(chart);
      },
      { write: true, args: [type, seriesBy] }
    );
    return new ChartP(this._fake, () => chart);
  }
}

class ChartP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _resolve: () => FakeChart | undefined
  ) {
    super(fake, "Chart");
  }
  _chart(): FakeChart {
    const c = this._resolve();
    if (!c) throw new FakeExcelError("ItemNotFound", "chart");
    return c;
  }
  _scalars(): Record<string, Loader> {
    return { name: () => this._chart().name, chartType: () => this._chart().type };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return { name: (v) => (this._chart().name = String(v)) };
  }
  _navs(): Record<string, () => Obj> {
    return { title: () => new ChartTitleP(this._fake, this) };
  }
  setPosition(start: string, end?: string): void {
    this._fake.enqueue("Chart.setPosition", () => (this._chart().position = end ? [start, end] : [start]), {
      write: true,
      args: [start, end],
    });
  }
  delete(): void {
    this._fake.enqueue(
      "Chart.delete",
      () => {
        for (const s of this._fake.sheets) {
          const i = s.charts.indexOf(this._chart());
          if (i >= 0) s.charts.splice(i, 1);
        }
      },
      { write: true }
    );
  }
}

class ChartTitleP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _chartP: ChartP
  ) {
    super(fake, "ChartTitle");
  }
  _scalars(): Record<string, Loader> {
    return { text: () => this._chartP._chart().title };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return { text: (v) => (this._chartP._chart().title = String(v)) };
  }
}

/* ---- ranges ---- */

class RangeP extends Obj {
  constructor(
    fake: FakeExcel,
    readonly _ws: WorksheetP,
    private readonly _resolveRef: () => RangeRef | null
  ) {
    super(fake, "Range");
  }
  _ref(): RangeRef {
    const r = this._resolveRef();
    if (!r) throw new FakeExcelError("ItemNotFound", "range");
    return r;
  }
  /** The areas (one for a Range, several for RangeAreas). */
  _refs(): RangeRef[] {
    return [this._ref()];
  }
  _exists(): boolean {
    if (!this._ws._exists()) return false;
    return this._resolveRef() !== null;
  }
  _rows(): number {
    const r = this._ref();
    return r.end.row - r.start.row + 1;
  }
  _cols(): number {
    const r = this._ref();
    return r.end.col - r.start.col + 1;
  }
  _grid<T>(fn: (c: FakeCell) => T): T[][] {
    const r = this._ref();
    const sheet = this._ws._sheet();
    if (this._rows() * this._cols() > 5_000_000)
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "range too large to read");
    const out: T[][] = [];
    for (let row = r.start.row; row <= r.end.row; row++) {
      const line: T[] = [];
      for (let col = r.start.col; col <= r.end.col; col++) line.push(fn(this._fake.cellAt(sheet, row, col)));
      out.push(line);
    }
    return out;
  }
  /** Check a written 2-D array against the range's dimensions (a scalar is spread over it). */
  _shape(v: unknown, what: string): unknown[][] {
    const rows = this._rows();
    const cols = this._cols();
    if (!Array.isArray(v)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
      throw new FakeExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${rows}×${cols}).`
      );
    }
    return v as unknown[][];
  }
  _writeGrid(v: unknown, what: string, apply: (c: FakeCell, x: unknown) => void): void {
    const grid = this._shape(v, what);
    const r = this._ref();
    const sheet = this._ws._sheet();
    if (sheet.protection.protected) {
      forEachCell(r, (row, col) => {
        if (this._fake.cellAt(sheet, row, col).format["protection.locked"] !== false) {
          throw new FakeExcelError(
            "InvalidOperation",
            "The cell or chart you're trying to change is protected."
          );
        }
      });
    }
    grid.forEach((line, i) =>
      line.forEach((x, j) => apply(this._fake.cellAt(sheet, r.start.row + i, r.start.col + j, true), x))
    );
    this._fake.markTouched(sheet, r);
  }
  _scalars(): Record<string, Loader> {
    return {
      address: () => formatRange({ ...this._ref(), sheet: this._ws._sheet().name }),
      addressLocal: () => formatRange({ ...this._ref(), sheet: this._ws._sheet().name }),
      rowIndex: () => this._ref().start.row - 1,
      columnIndex: () => this._ref().start.col - 1,
      rowCount: () => this._rows(),
      columnCount: () => this._cols(),
      cellCount: () => this._rows() * this._cols(),
      values: () =>
        this._grid((c) => c.error ?? (c.formula !== null && c.value === null ? 0 : (c.value ?? ""))),
      formulas: () => this._grid((c) => c.formula ?? c.error ?? c.value ?? ""),
      numberFormat: () => this._grid((c) => c.numberFormat),
      valueTypes: () =>
        this._grid((c) => {
          if (c.error) return "Error";
          const v = c.formula !== null && c.value === null ? 0 : c.value;
          if (v === null) return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return "String";
        }),
      text: () => this._grid((c) => String(c.error ?? c.value ?? "")),
      columnHidden: () => this._ws._sheet().hiddenColumns.has(this._ref().start.col),
    };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return {
      values: (v) => this._writeGrid(v, "values", (c, x) => writeInput(c, x, false)),
      formulas: (v) => this._writeGrid(v, "formulas", (c, x) => writeInput(c, x, true)),
      columnHidden: (v) => {
        const r = this._ref();
        for (let c = r.start.col; c <= r.end.col; c++) {
          if (v) this._ws._sheet().hiddenColumns.add(c);
          else this._ws._sheet().hiddenColumns.delete(c);
        }
      },
      numberFormat: (v) =>
        this._writeGrid(v, "numberFormat", (c, x) => {
          if (x !== null && x !== undefined) c.numberFormat = String(x);
        }),
    };
  }
  _navs(): Record<string, () => Obj> {
    return {
      format: () => new FormatP(this._fake, this, "format", FORMAT_SPEC),
      dataValidation: () => new DataValidationP(this._fake, this),
      conditionalFormats: () => new ConditionalFormatsP(this._fake, this),
      worksheet: () => this._ws,
    };
  }
  getCell(row: number, col: number): RangeP {
    return new RangeP(this._fake, this._ws, () => {
      const r = this._ref();
      return {
        sheet: null,
        start: { row: r.start.row + row, col: r.start.col + col },
        end: { row: r.start.row + row, col: r.start.col + col },
      };
    });
  }
  getResizedRange(dRows: number, dCols: number): RangeP {
    return new RangeP(this._fake, this._ws, () => {
      const r = this._ref();
      return { sheet: null, start: r.start, end: { row: r.end.row + dRows, col: r.end.col + dCols } };
    });
  }
  /** Merged areas whose top-left cell lies in this range (ExcelApi 1.13), as Excel lists them. */
  getMergedAreasOrNullObject(): RangeAreasP {
    this._fake.enqueue("Range.getMergedAreasOrNullObject", () => undefined, { requires: "1.13" });
    const areas = (): RangeRef[] => {
      if (!this._exists()) return []; // a null used range has no merged areas either
      const r = this._ref();
      return this._ws
        ._sheet()
        .merges.filter(
          (m) =>
            m.start.row >= r.start.row &&
            m.start.row <= r.end.row &&
            m.start.col >= r.start.col &&
            m.start.col <= r.end.col
        );
    };
    const p = new RangeAreasP(this._fake, this._ws, [], areas);
    p._makeNullable();
    return p;
  }
  merge(across = false): void {
    this._fake.enqueue(
      "Range.merge",
      () => {
        const r = this._ref();
        const sheet = this._ws._sheet();
        const pieces: RangeRef[] = across
          ? Array.from({ length: this._rows() }, (_, i) => ({
              sheet: null,
              start: { row: r.start.row + i, col: r.start.col },
              end: { row: r.start.row + i, col: r.end.col },
            }))
          : [r];
        for (const p of pieces) {
          if (sheet.merges.some((m) => intersects(m, p)))
            throw new FakeExcelError(
              "InvalidOperation",
              `merge overlaps an existing merged area: ${formatRange(p)}`
            );
          sheet.merges.push(p);
        }
      },
      { write: true, args: across }
    );
  }
  unmerge(): void {
    this._fake.enqueue(
      "Range.unmerge",
      () => {
        const sheet = this._ws._sheet();
        sheet.merges = sheet.merges.filter((m) => !intersects(m, this._ref()));
      },
      { write: true }
    );
  }
  select(): void {
    this._fake.enqueue("Range.select", () => {
      const sheet = this._ws._sheet();
      if (this._fake.activeSheetId !== sheet.id)
        throw new FakeExcelError("InvalidOperation", "select() on a sheet that is not active");
      this._fake.selection = formatRange({ ...this._ref(), sheet: sheet.name });
    });
  }
  clear(applyTo = "All"): void {
    this._fake.enqueue(
      "Range.clear",
      () => {
        const sheet = this._ws._sheet();
        forEachCell(this._ref(), (row, col) => {
          const c = sheet.cells.get(key(row, col));
          if (!c) return;
          if (applyTo === "All" || applyTo === "Contents")
            Object.assign(c, { value: null, formula: null, error: null });
          if (applyTo === "All" || applyTo === "Formats")
            Object.assign(c, { format: {}, numberFormat: "General" });
        });
      },
      { write: true }
    );
  }
}

class RangeAreasP extends RangeP {
  constructor(
    fake: FakeExcel,
    ws: WorksheetP,
    private readonly _areas: (RangeRef | null)[],
    /** Areas computed when the request runs (merged areas); none → a null object. */
    private readonly _lazyAreas: (() => RangeRef[]) | null = null
  ) {
    super(fake, ws, () => (_lazyAreas ? (_lazyAreas()[0] ?? null) : (_areas[0] ?? null)));
  }
  _refs(): RangeRef[] {
    if (this._lazyAreas) return this._lazyAreas();
    return this._areas.map((r) => {
      if (!r) throw new FakeExcelError("InvalidArgument", "bad area address");
      return r;
    });
  }
  _scalars(): Record<string, Loader> {
    const sheet = (): string => this._ws._sheet().name;
    return {
      ...super._scalars(),
      address: () =>
        this._refs()
          .map((r) => formatRange({ ...r, sheet: sheet() }))
          .join(", "),
      areaCount: () => this._refs().length,
    };
  }
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return (
    a.start.row <= b.end.row &&
    b.start.row <= a.end.row &&
    a.start.col <= b.end.col &&
    b.start.col <= a.end.col
  );
}

/** Format properties by path: scalars (cell-level) and nested objects. */
interface FormatSpec {
  scalars: string[];
  navs: Record<string, FormatSpec>;
  /** Row/column level properties. */
  sheetLevel?: string[];
}
const FONT: FormatSpec = {
  scalars: ["bold", "italic", "color", "name", "size", "underline", "strikethrough"],
  navs: {},
};
const FILL: FormatSpec = { scalars: ["color", "pattern"], navs: {} };
const FORMAT_SPEC: FormatSpec = {
  scalars: [
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
    "indentLevel",
    "textOrientation",
    "shrinkToFit",
  ],
  sheetLevel: ["columnWidth", "rowHeight"],
  navs: {
    fill: FILL,
    font: FONT,
    protection: { scalars: ["locked", "formulaHidden"], navs: {} },
  },
};

class FormatP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _range: RangeP,
    private readonly _path: string,
    private readonly _spec: FormatSpec
  ) {
    super(fake, _path.replace(/^format/, "RangeFormat"));
  }
  private _prop(p: string): string {
    return `${this._path.replace(/^format\.?/, "")}${this._path === "format" ? "" : "."}${p}`;
  }
  _scalars(): Record<string, Loader> {
    const out: Record<string, Loader> = {};
    for (const p of this._spec.scalars) {
      const k = this._prop(p);
      out[p] = () => {
        const grid = this._range._grid((c) => c.format[k] ?? (k === "protection.locked" ? true : null));
        const first = grid[0][0];
        return grid.every((line) => line.every((x) => x === first)) ? first : null;
      };
    }
    const sheet = (): FakeSheet => this._range._ws._sheet();
    if (this._spec.sheetLevel?.includes("columnWidth"))
      out.columnWidth = () => sheet().colWidths.get(this._range._ref().start.col) ?? 48;
    if (this._spec.sheetLevel?.includes("rowHeight"))
      out.rowHeight = () => sheet().rowHeights.get(this._range._ref().start.row) ?? 15;
    return out;
  }
  _writers(): Record<string, (v: unknown) => void> {
    const out: Record<string, (v: unknown) => void> = {};
    for (const p of this._spec.scalars) {
      const k = this._prop(p);
      out[p] = (v) => {
        const sheet = this._range._ws._sheet();
        if (sheet.protection.protected)
          throw new FakeExcelError("InvalidOperation", "The sheet is protected.");
        for (const r of this._range._refs()) {
          forEachCell(r, (row, col) => {
            this._fake.cellAt(sheet, row, col, true).format[k] = v;
          });
        }
      };
    }
    if (this._spec.sheetLevel) {
      out.columnWidth = (v) => {
        const r = this._range._ref();
        for (let c = r.start.col; c <= r.end.col; c++) this._range._ws._sheet().colWidths.set(c, Number(v));
      };
      out.rowHeight = (v) => {
        const r = this._range._ref();
        for (let row = r.start.row; row <= r.end.row; row++)
          this._range._ws._sheet().rowHeights.set(row, Number(v));
      };
    }
    return out;
  }
  _navs(): Record<string, () => Obj> {
    const out: Record<string, () => Obj> = {};
    for (const [name, spec] of Object.entries(this._spec.navs))
      out[name] = () => new FormatP(this._fake, this._range, `${this._path}.${name}`, spec);
    if (this._path === "format") out.borders = () => new BordersP(this._fake, this._range);
    return out;
  }
  /** fill.clear() */
  clear(): void {
    const prefix = this._prop("");
    this._fake.enqueue(
      `${this._kind}.clear`,
      () => {
        const sheet = this._range._ws._sheet();
        for (const r of this._range._refs()) {
          forEachCell(r, (row, col) => {
            const c = sheet.cells.get(key(row, col));
            if (c) for (const k of Object.keys(c.format)) if (k.startsWith(prefix)) delete c.format[k];
          });
        }
      },
      { write: true }
    );
  }
  autofitColumns(): void {
    this._fake.enqueue("RangeFormat.autofitColumns", () => undefined, { requires: "1.2" });
  }
}

class BordersP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _range: RangeP
  ) {
    super(fake, "RangeBorderCollection");
  }
  _scalars(): Record<string, Loader> {
    return {};
  }
  getItem(index: string): FormatP {
    return new FormatP(this._fake, this._range, `format.borders.${index}`, {
      scalars: ["style", "color", "weight"],
      navs: {},
    });
  }
}

class DataValidationP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _range: RangeP
  ) {
    super(fake, "DataValidation");
  }
  private _first(): FakeCell {
    const r = this._range._ref();
    return this._fake.cellAt(this._range._ws._sheet(), r.start.row, r.start.col);
  }
  private _setAll(k: "validation" | "validationPrompt" | "validationErrorAlert", v: unknown): void {
    const sheet = this._range._ws._sheet();
    forEachCell(this._range._ref(), (row, col) => {
      const c = this._fake.cellAt(sheet, row, col, true);
      if (k === "validation" && c.validation && v)
        throw new FakeExcelError(
          "InvalidOperation",
          "clear the existing data validation before setting a new rule"
        );
      c[k] = clone(v);
    });
  }
  _scalars(): Record<string, Loader> {
    return {
      rule: () => this._first().validation ?? {},
      prompt: () => this._first().validationPrompt ?? null,
      errorAlert: () => this._first().validationErrorAlert ?? null,
      type: () => (this._first().validation ? Object.keys(this._first().validation as object)[0] : "None"),
    };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return {
      rule: (v) => this._setAll("validation", v),
      prompt: (v) => this._setAll("validationPrompt", v),
      errorAlert: (v) => this._setAll("validationErrorAlert", v),
      ignoreBlanks: () => undefined,
    };
  }
  _writeRequires(): string {
    return "1.8";
  }
  clear(): void {
    this._fake.enqueue("DataValidation.clear", () => this._setAll("validation", null), {
      write: true,
      requires: "1.8",
    });
  }
}

/* ---- conditional formats ---- */

class ConditionalFormatsP extends Coll<ConditionalFormatP> {
  constructor(
    fake: FakeExcel,
    private readonly _range: RangeP
  ) {
    super(fake, "ConditionalFormatCollection");
  }
  _list(): ConditionalFormatP[] {
    const r = this._range._ref();
    return this._range._ws
      ._sheet()
      .cfs.filter((cf) => intersects(cf.range, r))
      .map((cf) => new ConditionalFormatP(this._fake, this._range._ws, () => cf));
  }
  load(arg?: string | string[] | Record<string, unknown>): this {
    this._fake.enqueue("ConditionalFormatCollection", () => undefined, { requires: "1.6" });
    return super.load(arg);
  }
  add(type: string): ConditionalFormatP {
    let made: FakeConditionalFormat | undefined;
    this._fake.enqueue(
      "ConditionalFormatCollection.add",
      () => {
        if (this._range._ws._sheet().protection.protected)
          throw new FakeExcelError("InvalidOperation", "The sheet is protected.");
        made = { id: this._fake.newId("cf"), type, range: this._range._ref(), formula: "", format: {} };
        this._range._ws._sheet().cfs.unshift(made);
      },
      { write: true, args: type, requires: "1.6" }
    );
    return new ConditionalFormatP(this._fake, this._range._ws, () => made);
  }
  clearAll(): void {
    this._fake.enqueue(
      "ConditionalFormatCollection.clearAll",
      () => {
        const sheet = this._range._ws._sheet();
        sheet.cfs = sheet.cfs.filter((cf) => !intersects(cf.range, this._range._ref()));
      },
      { write: true, requires: "1.6" }
    );
  }
  getItemOrNullObject(id: string): ConditionalFormatP {
    const p = new ConditionalFormatP(this._fake, this._range._ws, () =>
      this._range._ws._sheet().cfs.find((c) => c.id === id)
    );
    p._makeNullable();
    this._fake.enqueue("ConditionalFormatCollection.getItemOrNullObject", () => undefined, {
      requires: "1.14",
    });
    return p;
  }
}

class ConditionalFormatP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _ws: WorksheetP,
    private readonly _resolve: () => FakeConditionalFormat | undefined
  ) {
    super(fake, "ConditionalFormat");
  }
  _cf(): FakeConditionalFormat {
    const c = this._resolve();
    if (!c || !this._ws._sheet().cfs.includes(c))
      throw new FakeExcelError("ItemNotFound", "conditional format");
    return c;
  }
  _exists(): boolean {
    const c = this._resolve();
    return !!c && this._ws._exists() && this._ws._sheet().cfs.includes(c);
  }
  _scalars(): Record<string, Loader> {
    return {
      id: () => this._cf().id,
      type: () => this._cf().type,
      priority: () => this._ws._sheet().cfs.indexOf(this._cf()),
      stopIfTrue: () => false,
    };
  }
  _navs(): Record<string, () => Obj> {
    return {
      custom: () => new CustomCfP(this._fake, this, false),
      customOrNullObject: () => new CustomCfP(this._fake, this, true),
    };
  }
  delete(): void {
    this._fake.enqueue(
      "ConditionalFormat.delete",
      () => {
        const sheet = this._ws._sheet();
        if (sheet.protection.protected)
          throw new FakeExcelError("InvalidOperation", "The sheet is protected.");
        sheet.cfs.splice(sheet.cfs.indexOf(this._cf()), 1);
      },
      { write: true, requires: "1.6" }
    );
  }
  getRange(): RangeP {
    return new RangeP(this._fake, this._ws, () => this._cf().range);
  }
}

class CustomCfP extends Obj {
  constructor(
    fake: FakeExcel,
    readonly _parent: ConditionalFormatP,
    nullable: boolean
  ) {
    super(fake, "CustomConditionalFormat");
    this._nullable = nullable;
  }
  _exists(): boolean {
    return this._parent._exists() && this._parent._cf().type === "Custom";
  }
  _cf(): FakeConditionalFormat {
    const cf = this._parent._cf();
    if (cf.type !== "Custom") throw new FakeExcelError("InvalidOperation", "not a custom conditional format");
    return cf;
  }
  _applyLoad(paths: string[]): void {
    if (this._nullable) this._loaded.set("__isNull", !this._exists());
    if (this._nullable && !this._exists()) return;
    super._applyLoad(paths);
  }
  _scalars(): Record<string, Loader> {
    return {};
  }
  _navs(): Record<string, () => Obj> {
    return {
      rule: () => new CfRuleP(this._fake, this),
      format: () => new CfFormatP(this._fake, this, "", CF_FORMAT_SPEC),
    };
  }
}

class CfRuleP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _custom: CustomCfP
  ) {
    super(fake, "ConditionalFormatRule");
  }
  _scalars(): Record<string, Loader> {
    return { formula: () => this._custom._cf().formula, formulaLocal: () => this._custom._cf().formula };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return { formula: (v) => (this._custom._cf().formula = String(v)) };
  }
}

const CF_FORMAT_SPEC: FormatSpec = { scalars: ["numberFormat"], navs: { fill: FILL, font: FONT } };

class CfFormatP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _custom: CustomCfP,
    private readonly _path: string,
    private readonly _spec: FormatSpec
  ) {
    super(fake, "ConditionalRangeFormat");
  }
  private _k(p: string): string {
    return this._path ? `${this._path}.${p}` : p;
  }
  _scalars(): Record<string, Loader> {
    return Object.fromEntries(
      this._spec.scalars.map((p) => [p, () => this._custom._cf().format[this._k(p)] ?? null])
    );
  }
  _writers(): Record<string, (v: unknown) => void> {
    return Object.fromEntries(
      this._spec.scalars.map((p) => [p, (v: unknown) => (this._custom._cf().format[this._k(p)] = v)])
    );
  }
  _navs(): Record<string, () => Obj> {
    const out: Record<string, () => Obj> = {};
    for (const [name, spec] of Object.entries(this._spec.navs))
      out[name] = () => new CfFormatP(this._fake, this._custom, this._k(name), spec);
    return out;
  }
}

/* ---- names & settings ---- */

class NamesP extends Coll<NamedItemP> {
  constructor(fake: FakeExcel) {
    super(fake, "NamedItemCollection");
  }
  _list(): NamedItemP[] {
    return [...this._fake.names.values()].map((n) => new NamedItemP(this._fake, () => n));
  }
  add(name: string, reference: string | RangeP, comment = ""): NamedItemP {
    let made: FakeName | undefined;
    this._fake.enqueue(
      `NamedItemCollection.add(${name})`,
      () => {
        if (this._fake.names.has(name.toUpperCase()))
          throw new FakeExcelError("ItemAlreadyExists", `name ${name}`);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
          throw new FakeExcelError("InvalidArgument", `bad name ${name}`);
        const refText =
          typeof reference === "string"
            ? reference
            : formatRange({ ...reference._ref(), sheet: reference._ws._sheet().name }, true);
        made = this._fake.makeName(name, refText, comment);
        this._fake.names.set(name.toUpperCase(), made);
      },
      {
        write: true,
        args: [name, typeof reference === "string" ? reference : "range", comment],
        requires: "1.4",
      }
    );
    return new NamedItemP(this._fake, () => made);
  }
  getItem(name: string): NamedItemP {
    return new NamedItemP(this._fake, () => this._fake.names.get(name.toUpperCase()));
  }
  getItemOrNullObject(name: string): NamedItemP {
    const p = new NamedItemP(this._fake, () => this._fake.names.get(name.toUpperCase()));
    p._makeNullable();
    return p;
  }
}

class NamedItemP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _resolve: () => FakeName | undefined
  ) {
    super(fake, "NamedItem");
  }
  _n(): FakeName {
    const n = this._resolve();
    if (!n || this._fake.names.get(n.name.toUpperCase()) !== n)
      throw new FakeExcelError("ItemNotFound", "name");
    return n;
  }
  _exists(): boolean {
    const n = this._resolve();
    return !!n && this._fake.names.get(n.name.toUpperCase()) === n;
  }
  _scalars(): Record<string, Loader> {
    return {
      name: () => this._n().name,
      type: () => (this._n().ref ? "Range" : "String"),
      value: () => this._fake.nameReference(this._n()),
      formula: () => `=${this._fake.nameReference(this._n())}`,
      comment: () => this._n().comment,
      visible: () => true,
      scope: () => "Workbook",
    };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return {
      formula: (v) => {
        const n = this._n();
        Object.assign(n, this._fake.makeName(n.name, String(v), n.comment));
      },
      comment: (v) => (this._n().comment = String(v)),
    };
  }
  _writeRequires(prop: string): string | undefined {
    return prop === "formula" ? "1.7" : "1.4";
  }
  delete(): void {
    this._fake.enqueue("NamedItem.delete", () => this._fake.names.delete(this._n().name.toUpperCase()), {
      write: true,
      requires: "1.4",
    });
  }
  getRangeOrNullObject(): RangeP {
    const ws = new WorksheetP(this._fake, () =>
      this._fake.sheets.find((s) => s.id === this._resolve()?.sheetId)
    );
    const r = new RangeP(this._fake, ws, () => this._resolve()?.ref ?? null);
    r._makeNullable();
    return r;
  }
}

class SettingsP extends Coll<SettingP> {
  constructor(fake: FakeExcel) {
    super(fake, "SettingCollection");
  }
  _list(): SettingP[] {
    return [...this._fake.settings.keys()].map((k) => new SettingP(this._fake, k));
  }
  add(k: string, value: unknown): SettingP {
    this._fake.enqueue(`SettingCollection.add(${k})`, () => this._fake.settings.set(k, clone(value)), {
      write: true,
      args: [k, value],
      requires: "1.4",
    });
    return new SettingP(this._fake, k);
  }
  getItemOrNullObject(k: string): SettingP {
    const p = new SettingP(this._fake, k);
    p._makeNullable();
    return p;
  }
}

class SettingP extends Obj {
  constructor(
    fake: FakeExcel,
    private readonly _key: string
  ) {
    super(fake, "Setting");
  }
  _exists(): boolean {
    return this._fake.settings.has(this._key);
  }
  _scalars(): Record<string, Loader> {
    return { key: () => this._key, value: () => this._fake.settings.get(this._key) };
  }
  _writers(): Record<string, (v: unknown) => void> {
    return { value: (v) => this._fake.settings.set(this._key, clone(v)) };
  }
  delete(): void {
    this._fake.enqueue("Setting.delete", () => this._fake.settings.delete(this._key), { write: true });
  }
}

/* ------------------------------------------------------------------ entry point ------------- */

export interface FakeExcelHandle {
  fake: FakeExcel;
  host: ExcelHost;
  /** Like Excel.run. */
  run: <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** A context of its own (commands sync through the same fake). */
  context: Excel.RequestContext;
  readonly syncCount: number;
  calls: CallRecord[];
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcelHandle {
  const fake = new FakeExcel(options);
  return {
    fake,
    host: fake.host(),
    run: (fn) => fake.run(fn),
    context: new FakeContext(fake) as unknown as Excel.RequestContext,
    get syncCount() {
      return fake.syncCount;
    },
    calls: fake.calls,
  };
}
