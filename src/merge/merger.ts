/**
 * The merge engine: returned reports in, one consolidation out. Pure (no fs, no xlsx library).
 *
 * A session: `add(file, modified, read)` evaluates one report and keeps a small record of it;
 * `prefer(unit, file)` / `clearPreference(unit)` change the officer's choice at any time and the
 * unit's winner at once (no file is read again, nothing is rebuilt); `verdicts()` says what
 * becomes of every file so far; `finish()` builds the consolidation. Neither changes the files
 * added, so a caller may add more files, change its choices and finish again.
 *
 * Memory: every file with a unit (a candidate) keeps a compact payload — its numbers (one
 * Float64Array), narratives, computed values, issues and header, what `finish` needs — not the
 * reader's result with its maps of cells (about 32 KB). Measured (tests/merge/session.test.ts,
 * reports read from files): about 2.5 KB for a clean BDG-2019 report; issues cost about 0.3 KB
 * each (a blank template sent back, 61 warnings: about 18 KB); at most the four narratives at the
 * cell limit (32,767 characters each) more. Any candidate may become
 * the officer's choice, and a unit's first file cannot know whether a second one will come:
 * keeping payloads "only for units with several candidates" would keep exactly the same ones (a
 * unit's single candidate is its winner, whose payload is needed anyway). So memory grows with
 * the units and with the superseded candidates (copies, resent reports), by a few KB each, never
 * with rejected files (about 1 KB of record each, as before).
 *
 * Decisions (docs/CONTRACT.md "Merging"):
 * - The unit comes from the file's content: the metadata unit code, else the unit cell matched
 *   against the registry. When the metadata code and the unit cell name two different units, the
 *   metadata code wins (it was written by the template generator, the cell is typed) and the file
 *   gets a warning naming both. A metadata code unknown to the registry falls back to the cell
 *   (warning). No unit → rejected "unknownUnit" / "ambiguousUnit". A summary made by this
 *   collector itself (e.g. last run's output among the inputs) → rejected "ownSummary", unless
 *   the collector is in the registry (merging summaries at the next level).
 * - Several files for one unit: the officer's choice (options.choose, prefer), then the report of the
 *   form's year over another year's, then a plausible report date over one that cannot be true
 *   (plausibility.ts), then the later report date (a file without a readable date loses), then the
 *   later modification time, then the file name that sorts last (code points), then a content
 *   fingerprint. This is a total order on distinguishable files, so the winner never depends on
 *   the order files are added.
 * - Another year's report is left out of the totals unless the officer chose that file; a report
 *   date that cannot be true is an error (plausibility.ts).
 * - A narrative longer than a cell holds (32,767 characters) is kept cut, with a visible marker,
 *   and a note names the unit and the indicator (memory stays bounded by candidates × cell limit).
 * - Errors do not stop the merge: the unit's values are used and its status says "có lỗi (n)";
 *   with excludeUnitsWithErrors such units are left out of the totals and a note says so.
 * - Sums are exact to 3 decimals: every value is added as an integer number of thousandths.
 */
import { unitMatcherOf, type ResolvedForm } from "../form/resolve";
import type { Text, Unit } from "../form/schema";
import type { UnitMatcher } from "../form/unit-match";
import { countBySeverity, type Issue } from "../validate/issue";
import type { FoundVia, InspectResult } from "../inspect/types";
import { RULE_OTHER_REPORT_SHEETS, RULE_SECOND_TABLE } from "../inspect/inspect";
import {
  conflictNote,
  excludedNote,
  fileWarningNote,
  longTextNote,
  otherFormMessage,
  otherYearChosenNote,
  otherYearNote,
  ownSummaryMessage,
  statusLabel,
  supersededMessage,
} from "./messages";
import {
  incompleteRatioNotes,
  narrativesOf,
  numericCellsOf,
  outliersOf,
  ratesOf,
  totalsOf,
  type NumericCell,
} from "./consolidate";
import { fingerprintValues } from "./fingerprint";
import { implausibleDateIssue, latestPlausibleDate, otherYearOf } from "./plausibility";
import { CELL_TEXT_LIMIT, cutText } from "../workbook/cell-text";
import type {
  AddedFile,
  Consolidation,
  FileReason,
  FileVerdict,
  MergeOptions,
  Submission,
  SupersedeReason,
  UnitSource,
  UnitStatus,
  UnitValues,
} from "./types";

export { fingerprintValues } from "./fingerprint";

/** What is kept of every candidate file: what `finish` needs (see the module comment). */
interface Payload {
  /** The valid numbers by position in the form's numeric cells (`numericCellsOf`); NaN: none. */
  numbers: Float64Array;
  /** Narratives as a cell can hold them, by defined name. */
  texts: Map<string, string>;
  /** Narratives cut at the cell limit: indicator code and original length. */
  cut: { code: string; length: number }[];
  /** Computed values by position in the form's `computed` list. */
  computed: (number | null)[];
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
  payload: Payload;
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

export class Merger {
  readonly form: ResolvedForm;
  private readonly excludeUnitsWithErrors: boolean;
  /** The officer's choices: unit code → file. */
  private readonly choose: Map<string, string>;
  /** The latest report date that can be true (plausibility.ts). */
  private readonly latestDate: string;
  private readonly matcher: UnitMatcher;
  private readonly entries: Entry[] = [];
  /** Every candidate of a unit, in the order added. */
  private readonly candidates = new Map<string, Candidate[]>();
  /** The winner of each unit with candidates. */
  private readonly best = new Map<string, Candidate>();
  /** Input names of numeric cells in form order, with their indicator. */
  private readonly numericCells: NumericCell[];
  /** Position of each numeric cell's name in `numericCells`. */
  private readonly numericIndex: Map<string, number>;

  constructor(form: ResolvedForm, options: MergeOptions = {}) {
    this.form = form;
    this.excludeUnitsWithErrors = options.excludeUnitsWithErrors ?? false;
    this.choose = new Map(Object.entries(options.choose ?? {}));
    this.latestDate = latestPlausibleDate(form.definition.deadline, options.today);
    this.matcher = unitMatcherOf(this.form);
    this.numericCells = numericCellsOf(form);
    this.numericIndex = new Map(this.numericCells.map((c, i) => [c.name, i]));
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
    const cand = this.candidateOf(file, modified, read);
    if (cand.kind === "rejected") {
      this.entries.push(cand);
      const { reason, errors, warnings } = cand;
      return { verdict: "rejected", unit: null, reason, errors, warnings };
    }
    this.entries.push(cand);
    const code = cand.unit.code;
    const ofUnit = this.candidates.get(code);
    if (ofUnit) ofUnit.push(cand);
    else this.candidates.set(code, [cand]);
    const current = this.best.get(code);
    if (!current || this.compare(cand, current) > 0) this.best.set(code, cand);
    return { verdict: "candidate", unit: code, reason: null, errors: cand.errors, warnings: cand.warnings };
  }

  /** A file the caller could not even read (I/O error): still listed, with its reason. */
  addUnreadable(file: string, modified: number, message: Text): AddedFile {
    return this.rejectUnread(file, modified, "ioError", message);
  }

  /**
   * The officer's choice: `file` wins for `unit` whatever its date, from now on (a file of that
   * name added later wins too). True when the file is already one of the unit's candidates, so
   * that it wins at once; false when it is not (yet).
   */
  prefer(unit: string, file: string): boolean {
    this.choose.set(unit, file);
    this.pickBest(unit);
    return this.best.get(unit)?.file === file;
  }

  /** No choice for `unit` any more: its winner is the best by the rules again. */
  clearPreference(unit: string): void {
    if (this.choose.delete(unit)) this.pickBest(unit);
  }

  /** The officer's choices so far: unit code → file. */
  preferences(): Record<string, string> {
    return Object.fromEntries(this.choose);
  }

  /**
   * Every file's current verdict, as `finish().files` gives it (sorted by file name, then
   * verdict): no totals, outliers or statuses computed.
   */
  verdicts(): FileVerdict[] {
    return this.entries
      .map((e) => ({ v: this.verdictOf(e), fp: e.fingerprint }))
      .sort((a, b) => compareVerdicts(a.v, b.v) || cmpStr(a.fp, b.fp))
      .map((x) => x.v);
  }

  /**
   * The consolidation of the files added so far, with the current choices. `options` overrides,
   * for this consolidation only, whether units with errors are left out of the totals.
   */
  finish(options: Pick<MergeOptions, "excludeUnitsWithErrors"> = {}): Consolidation {
    const exclude = options.excludeUnitsWithErrors ?? this.excludeUnitsWithErrors;
    const form = this.form;
    const def = form.definition;
    const files = this.verdicts();
    const units = this.unitStatuses(exclude);
    const totals = totalsOf(form, this.numericCells, units);
    const outliers = outliersOf(form, this.numericCells, units);
    const count = (v: FileVerdict["verdict"]): number => files.filter((f) => f.verdict === v).length;
    return {
      form: { id: form.id, version: form.version, year: def.year, deadline: def.deadline, title: def.title },
      collector: { ...def.collector },
      options: { excludeUnitsWithErrors: exclude },
      registry: form.units.map((u) => ({ ...u, aliases: [...u.aliases] })),
      files,
      units,
      rates: ratesOf(form, units),
      totals,
      narratives: narrativesOf(form, units),
      outliers,
      notes: this.notes(units),
      counts: {
        files: files.length,
        accepted: count("accepted"),
        superseded: count("superseded"),
        rejected: count("rejected"),
      },
    };
  }

  /** A readable report of this form, kept as a candidate of its unit; or why it is rejected. */
  private candidateOf(file: string, modified: number, read: InspectResult & { ok: true }): Entry {
    const form = this.form;
    const ev = read.evaluation;
    const fingerprint = fingerprintValues(read.values);
    const issues: Issue[] = [...read.issues];
    const { metaKind, via } = read;
    const rejected = (reason: FileReason, message: Text): Rejected => {
      const { errors, warnings } = countBySeverity(issues);
      const { unitText, reportDate } = ev.header;
      const known = { metaKind, via, unitText, reportDate, fingerprint, errors, warnings };
      return { kind: "rejected", file, modified, reason, message, ...known };
    };
    // Another version of the same form is read by name (the inspection warns); another form never.
    if (read.formId.toUpperCase() !== form.id.toUpperCase())
      return rejected("otherForm", otherFormMessage(read.formId, read.formVersion, form.id, form.version));
    if (this.isOwnSummary(read))
      return rejected("ownSummary", ownSummaryMessage(form.definition.collector.name));
    if (read.unit.unit === null) return rejected(read.unit.problem.reason, read.unit.problem.message);
    const reportDate = ev.header.reportDate;
    const implausibleDate = reportDate !== null && reportDate > this.latestDate;
    if (implausibleDate) issues.push(implausibleDateIssue(form, reportDate, this.latestDate));
    const { texts, cut } = cutTexts(form, ev.texts);
    const { unitText, preparer, phone, head, year } = ev.header;
    return {
      kind: "candidate",
      file,
      modified,
      unit: read.unit.unit,
      unitSource: read.unit.source,
      reportDate,
      otherYear: otherYearOf(form, year),
      implausibleDate,
      fingerprint,
      ...countBySeverity(issues),
      metaKind,
      via,
      payload: {
        numbers: this.numbersOf(ev.numbers),
        texts,
        cut,
        computed: form.definition.computed.map((c) => ev.computed.get(c.id) ?? null),
        issues,
        header: { unitText, preparer, phone, head, year },
      },
    };
  }

  /** Valid numbers by position in `numericCells`, NaN where the file has none. */
  private numbersOf(numbers: ReadonlyMap<string, number>): Float64Array {
    const cells = this.numericCells;
    const out = new Float64Array(cells.length);
    for (let i = 0; i < cells.length; i++) out[i] = numbers.get(cells[i].name) ?? NaN;
    return out;
  }

  /** A summary made by this collector itself (last run's output among the inputs), unless it is a registry unit. */
  private isOwnSummary(read: InspectResult & { ok: true }): boolean {
    const metaCode = read.metaUnitCode?.trim() || null;
    return (
      read.metaKind === "summary" &&
      metaCode !== null &&
      metaCode.toUpperCase() === this.form.definition.collector.code.toUpperCase() &&
      !this.matcher.byUnitCode(metaCode)
    );
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

  /**
   * The unit's winner again, over its candidates in the order added: the same one `add` keeps
   * (a later candidate replaces the current one only when it is better).
   */
  private pickBest(unit: string): void {
    const ofUnit = this.candidates.get(unit);
    if (!ofUnit) return;
    let best = ofUnit[0];
    for (const c of ofUnit) if (this.compare(c, best) > 0) best = c;
    this.best.set(unit, best);
  }

  /** > 0 when a beats b (see the module comment); 0 only for indistinguishable files. */
  private compare(a: Candidate, b: Candidate): number {
    return this.firstDifference(a, b)?.sign ?? 0;
  }

  private firstDifference(a: Candidate, b: Candidate): { reason: SupersedeReason; sign: number } | null {
    const chosen = this.choose.get(a.unit.code);
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

  /** One status per registry unit, in registry order. */
  private unitStatuses(exclude: boolean): UnitStatus[] {
    return this.form.units.map((u) => {
      const w = this.best.get(u.code);
      if (!w) return missingStatus(u);
      const status =
        w.reportDate !== null && w.reportDate > this.form.definition.deadline ? "late" : "submitted";
      const exclusion = this.exclusionOf(w, exclude);
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
        files: this.candidates.get(u.code)?.length ?? 1,
        label: statusLabel(status, w.reportDate, w.errors, excluded, w.otherYear),
        values: this.valuesOf(w.payload),
        issues: [...w.payload.issues],
        header: { ...w.payload.header },
      };
    });
  }

  /** A payload's values as plain records, in form order. */
  private valuesOf(p: Payload): UnitValues {
    const numbers: Record<string, number> = {};
    const texts: Record<string, string> = {};
    for (const n of this.form.names) {
      const i = this.numericIndex.get(n);
      if (i !== undefined && !Number.isNaN(p.numbers[i])) numbers[n] = p.numbers[i];
      const s = p.texts.get(n);
      if (s !== undefined) texts[n] = s;
    }
    const computed: Record<string, number | null> = {};
    this.form.definition.computed.forEach((c, i) => (computed[c.id] = p.computed[i]));
    return { numbers, texts, computed };
  }

  /** Why a unit's winning file is left out of the totals, or null. */
  private exclusionOf(w: Candidate, exclude = this.excludeUnitsWithErrors): UnitStatus["exclusion"] {
    if (w.otherYear !== null && this.choose.get(w.unit.code) !== w.file) return "otherYear";
    return exclude && w.errors > 0 ? "errors" : null;
  }

  /** The merge's notes: units left out for errors, the accepted files' notes, conflicts, partial ratios. */
  private notes(units: UnitStatus[]): Text[] {
    const notes: Text[] = [];
    const excludedUnits = units.filter((u) => u.exclusion === "errors");
    if (excludedUnits.length)
      notes.push(excludedNote(excludedUnits.map((u) => `${u.name} (${u.errors} lỗi)`)));
    notes.push(...this.unitNotes(units));
    for (const u of units) if (u.files > 1 && u.file) notes.push(conflictNote(u.name, u.files, u.file));
    notes.push(...incompleteRatioNotes(this.form, units));
    return notes;
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
      if (!w || !u.file) continue;
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
}

/** The status of a unit no file was accepted for. */
function missingStatus(u: Unit): UnitStatus {
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
