/**
 * The result of merging returned reports (the "consolidation"): everything the summary
 * workbook, the status sheet, the JSON report and the task pane need. Plain data, JSON-friendly
 * (records, arrays, no Maps), sorted deterministically.
 */
import type { Text, Unit } from "../form/schema";
import type { FoundVia, InspectResult, RejectReason } from "../inspect/types";
import type { Issue } from "../validate/issue";

/** One returned file, as given to the merge. */
export interface Submission {
  /** Path or name as the caller knows it (also the last tiebreak between two files). */
  file: string;
  /** Last modification time, ms since the epoch. */
  modified: number;
  read: InspectResult;
}

export interface MergeOptions {
  /** Leave units whose accepted file has errors out of the totals (they stay in the status). */
  excludeUnitsWithErrors?: boolean;
  /**
   * The officer's choice when a unit sent several files: unit code → file. When the named file
   * is among that unit's files it wins, whatever its date.
   */
  choose?: Readonly<Record<string, string>>;
  /**
   * The date of the merge (ISO, e.g. "2019-12-05"): a report dated later than the next day cannot be
   * true (src/merge/plausibility.ts). Without it, only "more than a year after the deadline" is.
   */
  today?: string;
}

export type Verdict = "accepted" | "superseded" | "rejected";

/** Why a file was rejected by the merge itself (the reader's reasons are RejectReason). */
export type MergeRejectReason =
  /** Readable report, but its unit is not in the registry / the unit cell is blank or unknown. */
  | "unknownUnit"
  /** The unit cell matches several units (e.g. "Cao Thượng": town or commune). */
  | "ambiguousUnit"
  /** A summary made by this very collector (e.g. last run's output left among the inputs). */
  | "ownSummary"
  /** The file could not be opened (vanished, no permission): reported by the caller. */
  | "ioError";

/** Why a file lost to another file of the same unit. */
export type SupersedeReason =
  /** The officer chose the other file (MergeOptions.choose). */
  | "officerChoice"
  /** This file is another year's report; the other one is not (src/merge/plausibility.ts). */
  | "otherYear"
  /** This file's report date cannot be true; the other one's can. */
  | "implausibleDate"
  /** The other file has a later report date. */
  | "olderReportDate"
  /** Same report date; the other file was modified later. */
  | "olderFile"
  /** Same report date and modification time; the other file's name sorts later. */
  | "fileNameOrder"
  /** The same content as the accepted file (a copy, or the same file given twice). */
  | "duplicate";

export type FileReason = RejectReason | MergeRejectReason | SupersedeReason;

/** How a file's unit was identified. */
export type UnitSource = "meta" | "cell";

export interface FileVerdict {
  file: string;
  modified: number;
  verdict: Verdict;
  /** Unit code, or null when the unit could not be identified (rejected). */
  unit: string | null;
  unitName: string | null;
  unitSource: UnitSource | null;
  /** Null for an accepted file. */
  reason: FileReason | null;
  /** Vietnamese first; null for an accepted file without notes. */
  message: Text | null;
  /** For a superseded file: the file that won. */
  supersededBy: string | null;
  /** ISO date from the header, when readable. */
  reportDate: string | null;
  errors: number;
  warnings: number;
  /** "template" | "summary" | null (metadata sheet). */
  metaKind: string | null;
  /** How the reader located the values. */
  via: FoundVia | null;
}

export type UnitStatusCode = "submitted" | "late" | "missing";

export interface UnitValues {
  /** Valid numbers by defined name. */
  numbers: Record<string, number>;
  /** Narratives by defined name. */
  texts: Record<string, string>;
  /** Computed values by id (e.g. "V.1.pctf"). */
  computed: Record<string, number | null>;
}

export interface UnitStatus {
  code: string;
  name: string;
  /** The registry group it belongs to. */
  group: string;
  status: UnitStatusCode;
  /** The accepted file, or null when missing. */
  file: string | null;
  reportDate: string | null;
  errors: number;
  warnings: number;
  /** Outlier warnings raised for this unit at merge time. */
  outliers: number;
  /** Left out of the totals: see `exclusion`. */
  excluded: boolean;
  /**
   * Why the unit is left out of the totals: "errors" (excludeUnitsWithErrors and the file has
   * errors), "otherYear" (the file is another year's report and the officer did not choose it).
   */
  exclusion: "errors" | "otherYear" | null;
  /** The year the accepted file says when it is not the form's year (counted only when chosen). */
  otherYear: number | null;
  /** How many files were received for this unit (accepted + superseded). */
  files: number;
  /** Status text for people, e.g. "Nộp muộn, có lỗi (2)". */
  label: Text;
  /** The accepted file's values; null when missing. */
  values: UnitValues | null;
  /** The accepted file's issues (reader + rules + merge notes); empty when missing. */
  issues: Issue[];
  /** Header of the accepted file. */
  header: {
    unitText: string | null;
    preparer: string | null;
    phone: string | null;
    head: string | null;
    year: number | null;
  } | null;
}

export interface Rates {
  expected: number;
  /** Units with an accepted file (on time or late). */
  received: number;
  onTime: number;
  late: number;
  missing: number;
  withErrors: number;
  excluded: number;
  /** received / expected; null when nothing is expected. */
  reportingRate: number | null;
  /** onTime / expected (on-time reporting rate); null when nothing is expected. */
  timelinessRate: number | null;
}

export interface GroupTotals {
  /** The registry group, or null for all units together. */
  group: string | null;
  /** Units whose values are in this group's sums. */
  units: string[];
  /** Sum by defined name for every numeric input name of the form (0 when nobody reported it). */
  numbers: Record<string, number>;
  /** How many of the group's units reported a value for the name. */
  reported: Record<string, number>;
  /** Computed values from the summed parts (ratio of sums). */
  computed: Record<string, number | null>;
}

export interface Narrative {
  unit: string;
  unitName: string;
  group: string;
  indicator: string;
  name: string;
  text: string;
}

export interface Outlier {
  unit: string;
  unitName: string;
  /** The registry group its value was compared within. */
  group: string;
  indicator: string;
  part: "total" | "female" | "value";
  name: string;
  value: number;
  median: number;
  /** Modified z-score. */
  z: number;
  /** How many values of the group were compared. */
  n: number;
  message: Text;
}

export interface Consolidation {
  form: { id: string; version: string; year: number; deadline: string; title: Text };
  collector: { code: string; name: string };
  options: { excludeUnitsWithErrors: boolean };
  /** The registry used (form's or override), in registry order. */
  registry: Unit[];
  /** One entry per file given, sorted by file name (then verdict). */
  files: FileVerdict[];
  /** One entry per registry unit, in registry order. */
  units: UnitStatus[];
  /** Rates of all units, then of each registry group in registry order. */
  rates: { all: Rates; groups: (Rates & { group: string })[] };
  /** Sums of all units, then of each registry group in registry order (same order as rates). */
  totals: { all: GroupTotals; groups: GroupTotals[] };
  /** Text indicators per unit, in registry order then form order. */
  narratives: Narrative[];
  outliers: Outlier[];
  /** Merge-level notes for people (e.g. units left out of the totals). */
  notes: Text[];
  counts: { files: number; accepted: number; superseded: number; rejected: number };
}

/** What `Merger.add` tells the caller right away (for a progress line). */
export interface AddedFile {
  verdict: "candidate" | "rejected";
  unit: string | null;
  reason: FileReason | null;
  errors: number;
  warnings: number;
}
