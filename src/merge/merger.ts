/**
 * The merge engine: returned reports in, one consolidation out. Pure (no fs, no xlsx library).
 *
 * Incremental: `add(file, modified, read)` evaluates one report and keeps only a small summary
 * of it, plus the values of the file currently winning for its unit — so memory grows with the
 * registry, not with the number of files. `finish()` builds the result; it does not change the
 * merger, so a caller may add more files and finish again.
 *
 * Decisions (docs/CONTRACT.md "Merging"):
 * - The unit comes from the file's content: the metadata unit code, else the unit cell matched
 *   against the registry. When the metadata code and the unit cell name two different units, the
 *   metadata code wins (it was written by the template generator, the cell is typed) and the file
 *   gets a warning naming both. A metadata code unknown to the registry falls back to the cell
 *   (warning). No unit → rejected "unknownUnit" / "ambiguousUnit". A summary made by this
 *   collector itself (e.g. last run's output among the inputs) → rejected "ownSummary", unless
 *   the collector is in the registry (merging summaries at the next level).
 * - Several files for one unit: the officer's choice (options.choose), then the report of the
 *   form's year over another year's, then a plausible report date over one that cannot be true
 *   (plausibility.ts), then the later report date (a file without a readable date loses), then the
 *   later modification time, then the file name that sorts last (code points), then a content
 *   fingerprint. This is a total order on distinguishable files, so the winner never depends on
 *   the order files are added.
 * - Another year's report is left out of the totals unless the officer chose that file; a report
 *   date that cannot be true is an error (plausibility.ts).
 * - A narrative longer than a cell holds (32,767 characters) is kept cut, with a visible marker,
 *   and a note names the unit and the indicator (memory stays bounded by units × cell limit).
 * - Errors do not stop the merge: the unit's values are used and its status says "có lỗi (n)";
 *   with excludeUnitsWithErrors such units are left out of the totals and a note says so.
 * - Sums are exact to 3 decimals: every value is added as an integer number of thousandths.
 */
import { unitMatcherOf, type ResolvedForm } from "../form/resolve";
import type { CellPart, Text, Unit } from "../form/schema";
import type { UnitMatcher } from "../form/unit-match";
import type { CellValue } from "../workbook/cell-value";
import { computeValues } from "../validate/engine";
import { countBySeverity, type Issue } from "../validate/issue";
import type { FoundVia, InspectResult } from "../inspect/types";
import { RULE_OTHER_REPORT_SHEETS, RULE_SECOND_TABLE } from "../inspect/inspect";
import {
  conflictNote,
  excludedNote,
  fileWarningNote,
  incompleteRatioNote,
  longTextNote,
  otherFormMessage,
  otherYearChosenNote,
  otherYearNote,
  outlierMessage,
  ownSummaryMessage,
  statusLabel,
  supersededMessage,
} from "./messages";
import { findOutliers } from "./outliers";
import { implausibleDateIssue, latestPlausibleDate, otherYearOf } from "./plausibility";
import { CELL_TEXT_LIMIT, cutText } from "../workbook/cell-text";
import type {
  AddedFile,
  Consolidation,
  FileReason,
  FileVerdict,
  GroupTotals,
  MergeOptions,
  Narrative,
  Outlier,
  Rates,
  Submission,
  SupersedeReason,
  UnitSource,
  UnitStatus,
  UnitValues,
} from "./types";

/** What is kept of the file currently winning for a unit. */
interface Payload {
  numbers: Map<string, number>;
  texts: Map<string, string>;
  /** Narratives cut at the cell limit: indicator code and original length. */
  cut: { code: string; length: number }[];
  computed: Map<string, number | null>;
  issues: Issue[];
  header: NonNullable<UnitStatus["header"]>;
}

interface Candidate {
  kind: "candidate";
  file: string;
  modified: number;
  unit: Unit;
  unitSource: UnitSource;
  reportDate: string | null;
  /** The year the report says when it is not the form's (plausibility.ts). */
  otherYear: number | null;
  /** The report date cannot be true (plausibility.ts). */
  implausibleDate: boolean;
  fingerprint: string;
  errors: number;
  warnings: number;
  metaKind: string | null;
  via: FoundVia;
  /** Present only while this file is the best of its unit. */
  payload?: Payload;
}

interface Rejected {
  kind: "rejected";
  file: string;
  modified: number;
  reason: FileReason;
  message: Text;
  metaKind: string | null;
  via: FoundVia | null;
  unitText: string | null;
  reportDate: string | null;
  fingerprint: string;
  errors: number;
  warnings: number;
}

type Entry = Candidate | Rejected;

const PART_VI: Record<CellPart, string> = { total: "tổng số", female: "nữ", value: "" };
const PART_EN: Record<CellPart, string> = { total: "total", female: "female", value: "" };

export class Merger {
  readonly form: ResolvedForm;
  private readonly options: Required<Pick<MergeOptions, "excludeUnitsWithErrors">> & {
    choose: Readonly<Record<string, string>>;
  };
  /** The latest report date that can be true (plausibility.ts). */
  private readonly latestDate: string;
  private readonly matcher: UnitMatcher;
  private readonly entries: Entry[] = [];
  private readonly best = new Map<string, Candidate>();
  /** Input names of numeric cells in form order, with their indicator. */
  private readonly numericCells: {
    name: string;
    code: string;
    part: CellPart;
    kind: "count" | "amount" | "tf";
    measure: string;
  }[];

  constructor(form: ResolvedForm, options: MergeOptions = {}) {
    this.form = form;
    this.options = {
      excludeUnitsWithErrors: options.excludeUnitsWithErrors ?? false,
      choose: options.choose ?? {},
    };
    this.latestDate = latestPlausibleDate(form.definition.deadline, options.today);
    this.matcher = unitMatcherOf(this.form);
    this.numericCells = [];
    for (const ind of this.form.indicators) {
      if (ind.kind === "count" || ind.kind === "amount" || ind.kind === "tf") {
        for (const c of ind.cells)
          this.numericCells.push({
            name: c.name,
            code: ind.code,
            part: c.part,
            kind: ind.kind,
            measure: ind.unit,
          });
      }
    }
  }

  /** How many files were added so far. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * One file, inspected against this merger's form (`inspectFile(bytes, merger.form)` or the
   * add-in's inspection): kept as a candidate for its unit, or rejected with its reason.
   */
  add(file: string, modified: number, read: InspectResult): AddedFile {
    if (!read.ok) return this.rejectUnread(file, modified, read.reason, read.message);
    const form = this.form;
    const fingerprint = fingerprintValues(read.values);
    const ev = read.evaluation;
    const issues: Issue[] = [...read.issues];
    const rejected = (reason: FileReason, message: Text): AddedFile => {
      const c = countBySeverity(issues);
      this.entries.push({
        kind: "rejected",
        file,
        modified,
        reason,
        message,
        metaKind: read.metaKind,
        via: read.via,
        unitText: ev.header.unitText,
        reportDate: ev.header.reportDate,
        fingerprint,
        errors: c.errors,
        warnings: c.warnings,
      });
      return { verdict: "rejected", unit: null, reason, errors: c.errors, warnings: c.warnings };
    };
    // Another version of the same form is read by name (the inspection warns); another form never.
    if (read.formId.toUpperCase() !== form.id.toUpperCase())
      return rejected("otherForm", otherFormMessage(read.formId, read.formVersion, form.id, form.version));
    const collector = form.definition.collector;
    const metaCode = read.metaUnitCode?.trim() || null;
    const ownSummary =
      read.metaKind === "summary" &&
      metaCode !== null &&
      metaCode.toUpperCase() === collector.code.toUpperCase() &&
      !this.matcher.byUnitCode(metaCode);
    if (ownSummary) return rejected("ownSummary", ownSummaryMessage(collector.name));
    if (read.unit.unit === null) return rejected(read.unit.problem.reason, read.unit.problem.message);
    const unit = read.unit.unit;
    const source: UnitSource = read.unit.source;
    const implausibleDate = ev.header.reportDate !== null && ev.header.reportDate > this.latestDate;
    if (implausibleDate)
      issues.push(implausibleDateIssue(form, ev.header.reportDate as string, this.latestDate));
    const { texts, cut } = cutTexts(form, ev.texts);

    const { errors, warnings } = countBySeverity(issues);
    const cand: Candidate = {
      kind: "candidate",
      file,
      modified,
      unit,
      unitSource: source,
      reportDate: ev.header.reportDate,
      otherYear: otherYearOf(form, ev.header.year),
      implausibleDate,
      fingerprint,
      errors,
      warnings,
      metaKind: read.metaKind,
      via: read.via,
      payload: {
        numbers: ev.numbers,
        texts,
        cut,
        computed: ev.computed,
        issues,
        header: {
          unitText: ev.header.unitText,
          preparer: ev.header.preparer,
          phone: ev.header.phone,
          head: ev.header.head,
          year: ev.header.year,
        },
      },
    };
    this.entries.push(cand);
    const current = this.best.get(unit.code);
    if (!current || this.compare(cand, current) > 0) {
      if (current) current.payload = undefined;
      this.best.set(unit.code, cand);
    } else {
      cand.payload = undefined;
    }
    return { verdict: "candidate", unit: unit.code, reason: null, errors, warnings };
  }

  /** A file the caller could not even read (I/O error): still listed, with its reason. */
  addUnreadable(file: string, modified: number, message: Text): AddedFile {
    return this.rejectUnread(file, modified, "ioError", message);
  }

  /** A file that never became a report: listed with its reason, nothing else known. */
  private rejectUnread(file: string, modified: number, reason: FileReason, message: Text): AddedFile {
    this.entries.push({
      kind: "rejected",
      file,
      modified,
      reason,
      message,
      metaKind: null,
      via: null,
      unitText: null,
      reportDate: null,
      fingerprint: "",
      errors: 0,
      warnings: 0,
    });
    return { verdict: "rejected", unit: null, reason, errors: 0, warnings: 0 };
  }

  /** > 0 when a beats b (see the module comment); 0 only for indistinguishable files. */
  private compare(a: Candidate, b: Candidate): number {
    return this.firstDifference(a, b)?.sign ?? 0;
  }

  private firstDifference(a: Candidate, b: Candidate): { reason: SupersedeReason; sign: number } | null {
    const chosen = this.options.choose[a.unit.code];
    if (chosen !== undefined) {
      const ca = a.file === chosen ? 1 : 0;
      const cb = b.file === chosen ? 1 : 0;
      if (ca !== cb) return { reason: "officerChoice", sign: ca - cb };
    }
    const ya = a.otherYear === null ? 1 : 0;
    const yb = b.otherYear === null ? 1 : 0;
    if (ya !== yb) return { reason: "otherYear", sign: ya - yb };
    const pa = a.implausibleDate ? 0 : 1;
    const pb = b.implausibleDate ? 0 : 1;
    if (pa !== pb) return { reason: "implausibleDate", sign: pa - pb };
    const da = a.reportDate ?? "";
    const db = b.reportDate ?? "";
    if (da !== db) return { reason: "olderReportDate", sign: da > db ? 1 : -1 };
    // Whole seconds: what the status sheet shows, and what file copies keep (sub-second
    // differences between copies say nothing about which report is newer).
    const ma = Math.floor(a.modified / 1000);
    const mb = Math.floor(b.modified / 1000);
    if (ma !== mb) return { reason: "olderFile", sign: ma > mb ? 1 : -1 };
    if (a.file !== b.file) return { reason: "fileNameOrder", sign: a.file > b.file ? 1 : -1 };
    if (a.fingerprint !== b.fingerprint)
      return { reason: "fileNameOrder", sign: a.fingerprint > b.fingerprint ? 1 : -1 };
    return null;
  }

  finish(): Consolidation {
    const form = this.form;
    const def = form.definition;
    const registry = form.units;
    const exclude = this.options.excludeUnitsWithErrors;

    // Verdicts.
    const files: FileVerdict[] = this.entries
      .map((e) => ({ v: this.verdictOf(e), fp: e.fingerprint }))
      .sort((a, b) => compareVerdicts(a.v, b.v) || cmpStr(a.fp, b.fp))
      .map((x) => x.v);

    // Unit statuses.
    const fileCount = new Map<string, number>();
    for (const e of this.entries)
      if (e.kind === "candidate") fileCount.set(e.unit.code, (fileCount.get(e.unit.code) ?? 0) + 1);
    const units: UnitStatus[] = registry.map((u) => {
      const w = this.best.get(u.code);
      if (!w || !w.payload) {
        return {
          code: u.code,
          name: u.name,
          group: u.group,
          status: "missing",
          file: null,
          reportDate: null,
          errors: 0,
          warnings: 0,
          outliers: 0,
          excluded: false,
          exclusion: null,
          otherYear: null,
          files: 0,
          label: statusLabel("missing", null, 0, false),
          values: null,
          issues: [],
          header: null,
        };
      }
      const status = w.reportDate !== null && w.reportDate > def.deadline ? "late" : "submitted";
      const exclusion = this.exclusionOf(w);
      const excluded = exclusion !== null;
      return {
        code: u.code,
        name: u.name,
        group: u.group,
        status,
        file: w.file,
        reportDate: w.reportDate,
        errors: w.errors,
        warnings: w.warnings,
        outliers: 0,
        excluded,
        exclusion,
        otherYear: w.otherYear,
        files: fileCount.get(u.code) ?? 1,
        label: statusLabel(status, w.reportDate, w.errors, excluded, w.otherYear),
        values: valuesRecord(
          form.names,
          w.payload,
          def.computed.map((c) => c.id)
        ),
        issues: [...w.payload.issues],
        header: { ...w.payload.header },
      };
    });

    // Totals.
    const included = units.filter((u) => u.values && !u.excluded);
    const totals = {
      all: this.group(included),
      groups: form.groups.map((g) =>
        this.group(
          included.filter((u) => u.group === g),
          g
        )
      ),
    };

    // Outliers, per registry group, over every accepted unit of that group.
    const outliers: Outlier[] = [];
    for (const group of form.groups) {
      const ofKind = units.filter((u) => u.group === group && u.values);
      for (const cell of this.numericCells) {
        const having = ofKind.filter(
          (u) => u.values && Object.prototype.hasOwnProperty.call(u.values.numbers, cell.name)
        );
        const vals = having.map((u) => (u.values as UnitValues).numbers[cell.name]);
        for (const o of findOutliers(vals)) {
          const u = having[o.index];
          const where = cell.part === "value" ? cell.code : `${cell.code} (${PART_VI[cell.part]})`;
          const whereEn = cell.part === "value" ? cell.code : `${cell.code} (${PART_EN[cell.part]})`;
          const value = vals[o.index];
          const message = outlierMessage({
            unitName: u.name,
            where,
            whereEn,
            value,
            median: o.median,
            z: o.z,
            n: vals.length,
            group,
            measure: cell.measure,
          });
          outliers.push({
            unit: u.code,
            unitName: u.name,
            group,
            indicator: cell.code,
            part: cell.part,
            name: cell.name,
            value,
            median: o.median,
            z: o.z,
            n: vals.length,
            message,
          });
          u.outliers++;
        }
      }
    }
    const unitIndex = new Map(registry.map((u, i) => [u.code, i]));
    const nameIndex = new Map(form.names.map((n, i) => [n, i]));
    outliers.sort(
      (a, b) =>
        (unitIndex.get(a.unit) ?? 0) - (unitIndex.get(b.unit) ?? 0) ||
        (nameIndex.get(a.name) ?? 0) - (nameIndex.get(b.name) ?? 0)
    );

    // Narratives.
    const narratives: Narrative[] = [];
    const textIndicators = form.indicators.filter((i) => i.kind === "text");
    for (const u of units) {
      if (!u.values) continue;
      for (const ind of textIndicators) {
        const name = ind.cells[0].name;
        const text = u.values.texts[name];
        if (text !== undefined)
          narratives.push({
            unit: u.code,
            unitName: u.name,
            group: u.group,
            indicator: ind.code,
            name,
            text,
          });
      }
    }

    // Notes.
    const notes: Text[] = [];
    const excludedUnits = units.filter((u) => u.exclusion === "errors");
    if (excludedUnits.length)
      notes.push(excludedNote(excludedUnits.map((u) => `${u.name} (${u.errors} lỗi)`)));
    notes.push(...this.unitNotes(units));
    for (const u of units) if (u.files > 1 && u.file) notes.push(conflictNote(u.name, u.files, u.file));
    // A ratio of sums is only what it says when every unit in the sum gave both parts.
    const ratioOf = [...new Set(def.computed.map((c) => c.formula.of))];
    for (const code of ratioOf) {
      const ind = form.byCode.get(code);
      if (!ind || ind.cells.length < 2) continue;
      const [total, female] = ind.cells.map((c) => c.name);
      const partial = units.filter(
        (u) =>
          u.values &&
          !u.excluded &&
          (u.values.numbers[total] === undefined) !== (u.values.numbers[female] === undefined)
      );
      if (partial.length)
        notes.push(
          incompleteRatioNote(
            code,
            partial.map((u) => u.name)
          )
        );
    }

    const count = (v: FileVerdict["verdict"]): number => files.filter((f) => f.verdict === v).length;
    return {
      form: { id: form.id, version: form.version, year: def.year, deadline: def.deadline, title: def.title },
      collector: { ...def.collector },
      options: { excludeUnitsWithErrors: exclude },
      registry: registry.map((u) => ({ ...u, aliases: [...u.aliases] })),
      files,
      units,
      rates: {
        all: rates(units),
        groups: form.groups.map((g) => ({ ...rates(units.filter((u) => u.group === g)), group: g })),
      },
      totals,
      narratives,
      outliers,
      notes,
      counts: {
        files: files.length,
        accepted: count("accepted"),
        superseded: count("superseded"),
        rejected: count("rejected"),
      },
    };
  }

  /** Why a unit's winning file is left out of the totals, or null. */
  private exclusionOf(w: Candidate): UnitStatus["exclusion"] {
    if (w.otherYear !== null && this.options.choose[w.unit.code] !== w.file) return "otherYear";
    return this.options.excludeUnitsWithErrors && w.errors > 0 ? "errors" : null;
  }

  /**
   * Notes on the accepted files: another year's report (left out or chosen), narratives cut, and
   * another sheet or table of the file that also looks like the report (only one was read: the
   * officer should know there is another).
   */
  private unitNotes(units: UnitStatus[]): Text[] {
    const notes: Text[] = [];
    for (const u of units) {
      const w = this.best.get(u.code);
      if (!w?.payload || !u.file) continue;
      if (u.exclusion === "otherYear")
        notes.push(otherYearNote(u.name, w.otherYear as number, this.form.definition.year, u.file));
      else if (w.otherYear !== null) notes.push(otherYearChosenNote(u.name, w.otherYear, u.file));
      for (const c of w.payload.cut) notes.push(longTextNote(u.name, c.code, c.length, CELL_TEXT_LIMIT));
      for (const i of w.payload.issues)
        if (i.rule === RULE_SECOND_TABLE || i.rule === RULE_OTHER_REPORT_SHEETS)
          notes.push(fileWarningNote(u.name, u.file, i.message));
    }
    return notes;
  }

  private verdictOf(e: Entry): FileVerdict {
    const base = {
      file: e.file,
      modified: e.modified,
      metaKind: e.metaKind,
      via: e.via,
      reportDate: e.reportDate,
      errors: e.errors,
      warnings: e.warnings,
    };
    if (e.kind === "rejected") {
      return {
        ...base,
        verdict: "rejected",
        unit: null,
        unitName: null,
        unitSource: null,
        reason: e.reason,
        message: e.message,
        supersededBy: null,
      };
    }
    const w = this.best.get(e.unit.code);
    const unitPart = { unit: e.unit.code, unitName: e.unit.name, unitSource: e.unitSource };
    if (!w || w === e) {
      // Another year's report not chosen by the officer: accepted for its unit, not counted.
      const message =
        e.otherYear !== null && this.exclusionOf(e) === "otherYear"
          ? otherYearNote(e.unit.name, e.otherYear, this.form.definition.year, e.file)
          : null;
      return { ...base, ...unitPart, verdict: "accepted", reason: null, message, supersededBy: null };
    }
    const diff = this.firstDifference(w, e);
    const reason: SupersedeReason = e.fingerprint === w.fingerprint || !diff ? "duplicate" : diff.reason;
    return {
      ...base,
      ...unitPart,
      verdict: "superseded",
      reason,
      message: supersededMessage(reason, e.unit.name, w, e),
      supersededBy: w.file,
    };
  }

  private group(members: UnitStatus[], group: string | null = null): GroupTotals {
    const numbers: Record<string, number> = {};
    const reported: Record<string, number> = {};
    const sums = new Map<string, number>();
    for (const cell of this.numericCells) {
      let milli = 0;
      let n = 0;
      for (const u of members) {
        const v = u.values?.numbers[cell.name];
        if (v === undefined) continue;
        milli += Math.round(v * 1000);
        n++;
      }
      const total = milli / 1000;
      numbers[cell.name] = total;
      reported[cell.name] = n;
      sums.set(cell.name, total);
    }
    const computed: Record<string, number | null> = {};
    for (const [id, v] of computeValues(this.form, sums)) computed[id] = v;
    return { group, units: members.map((u) => u.code), numbers, reported, computed };
  }
}

/** Narratives as a cell can hold them (cut with a marker past Excel's limit), and which were cut. */
function cutTexts(
  form: ResolvedForm,
  texts: ReadonlyMap<string, string>
): { texts: Map<string, string>; cut: Payload["cut"] } {
  const out = new Map<string, string>();
  const cut: Payload["cut"] = [];
  for (const [name, text] of texts) {
    const short = cutText(text);
    out.set(name, short ?? text);
    const target = form.byName.get(name);
    if (short !== null && target?.type === "indicator")
      cut.push({ code: target.indicator.code, length: text.length });
  }
  return { texts: out, cut };
}

function valuesRecord(names: readonly string[], p: Payload, computedIds: readonly string[]): UnitValues {
  const numbers: Record<string, number> = {};
  const texts: Record<string, string> = {};
  for (const n of names) {
    const v = p.numbers.get(n);
    if (v !== undefined) numbers[n] = v;
    const s = p.texts.get(n);
    if (s !== undefined) texts[n] = s;
  }
  const computed: Record<string, number | null> = {};
  for (const id of computedIds) computed[id] = p.computed.get(id) ?? null;
  return { numbers, texts, computed };
}

function rates(units: UnitStatus[]): Rates {
  const expected = units.length;
  const onTime = units.filter((u) => u.status === "submitted").length;
  const late = units.filter((u) => u.status === "late").length;
  const received = onTime + late;
  return {
    expected,
    received,
    onTime,
    late,
    missing: expected - received,
    withErrors: units.filter((u) => u.status !== "missing" && u.errors > 0).length,
    excluded: units.filter((u) => u.excluded).length,
    reportingRate: expected ? received / expected : null,
    timelinessRate: expected ? onTime / expected : null,
  };
}

const VERDICT_RANK: Record<FileVerdict["verdict"], number> = { accepted: 0, superseded: 1, rejected: 2 };

function compareVerdicts(a: FileVerdict, b: FileVerdict): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
    cmpStr(a.unit ?? "", b.unit ?? "") ||
    cmpStr(a.reportDate ?? "", b.reportDate ?? "") ||
    a.modified - b.modified ||
    cmpStr(a.reason ?? "", b.reason ?? "") ||
    cmpStr(a.message?.vi ?? "", b.message?.vi ?? "") ||
    a.errors - b.errors ||
    a.warnings - b.warnings
  );
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable 2×32-bit hash of the values (by name, sorted), to tell identical files apart from different ones. */
export function fingerprintValues(values: ReadonlyMap<string, CellValue>): string {
  const names = [...values.keys()].sort();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const n of names) {
    const v = values.get(n) as CellValue;
    if (v.type === "blank" || (v.type === "text" && v.text.trim() === "")) continue;
    feed(n);
    feed("\u0001");
    feed(cellKey(v));
    feed("\u0002");
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

function cellKey(v: CellValue): string {
  switch (v.type) {
    case "number":
      return `n${v.value}`;
    case "text":
      return `s${v.text}`;
    case "boolean":
      return `b${v.value ? 1 : 0}`;
    case "error":
      return `e${v.code}`;
    case "uncomputed":
      return `f${v.formula}`;
    case "date":
      return `d${v.serial}`;
    case "invalid":
      return `x${v.raw}`;
    default:
      return "";
  }
}

export function createMerger(form: ResolvedForm, options: MergeOptions = {}): Merger {
  return new Merger(form, options);
}

/** Merge a whole sequence at once (tests, small inputs). */
export function mergeReports(
  form: ResolvedForm,
  submissions: Iterable<Submission>,
  options: MergeOptions = {}
): Consolidation {
  const m = new Merger(form, options);
  for (const s of submissions) m.add(s.file, s.modified, s.read);
  return m.finish();
}
