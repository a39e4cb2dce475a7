/** Mock services for the task pane component tests (no Excel, no files). */
import { builtInForm } from "../../src/form";
import type { AddedFile, Consolidation, FileVerdict, UnitStatus } from "../../src/merge/types";
import type {
  CheckIssue,
  CheckResult,
  CheckService,
  MergeInputFile,
  MergeService,
  MergeSession,
  TaskpaneServices,
  TemplateRequest,
  TemplateService,
} from "../../src/taskpane/services";

export interface Mocks {
  services: TaskpaneServices;
  template: jest.Mocked<TemplateService>;
  check: jest.Mocked<CheckService>;
  merge: jest.Mocked<MergeService>;
  /** Files added to the last merge session, in order. */
  added: MergeInputFile[];
}

export const FOUND: Extract<CheckResult, { found: true }> = {
  found: true,
  sheet: "Báo cáo",
  errors: 1,
  warnings: 1,
  issues: [
    {
      id: "1",
      severity: "error",
      message: { vi: "Số nữ lớn hơn tổng số", en: "Female above total" },
      address: "E14",
      target: "'Báo cáo'!E14",
      indicator: "I.2",
    },
    {
      id: "2",
      severity: "warning",
      message: { vi: "Số được nhập dưới dạng chữ", en: "Number typed as text" },
      address: "D20",
      target: "'Báo cáo'!D20",
      indicator: "II.1",
    },
  ],
};

export function verdict(
  file: string,
  v: FileVerdict["verdict"],
  extra: Partial<FileVerdict> = {}
): FileVerdict {
  return {
    file,
    modified: 0,
    verdict: v,
    unit: v === "rejected" ? null : "XA-CAO-XA",
    unitName: v === "rejected" ? null : "Xã Cao Xá",
    unitSource: v === "rejected" ? null : "meta",
    reason: v === "rejected" ? "xls" : null,
    message:
      v === "rejected"
        ? { vi: "Tệp .xls cũ: hãy lưu lại dạng .xlsx", en: "Old .xls file: save as .xlsx" }
        : null,
    supersededBy: null,
    reportDate: null,
    errors: 0,
    warnings: 0,
    metaKind: "template",
    via: "name",
    ...extra,
  };
}

/**
 * A consolidation from file verdicts, as the merge would make it for the pane: one status per
 * registry unit (submitted when a file of it is used, else missing; `units` overrides), rates
 * and counts from those. Totals, narratives and outliers are empty.
 */
export function fakeConsolidation(
  files: FileVerdict[] = [],
  units: Record<string, Partial<UnitStatus>> = {}
): Consolidation {
  const form = builtInForm();
  const statuses: UnitStatus[] = form.units.map((u) => {
    const used = files.find((f) => f.unit === u.code && f.verdict === "accepted");
    const own = files.filter((f) => f.unit === u.code && f.verdict !== "rejected").length;
    const base: UnitStatus = {
      code: u.code,
      name: u.name,
      group: u.group,
      status: used ? "submitted" : "missing",
      file: used?.file ?? null,
      reportDate: used?.reportDate ?? null,
      errors: used?.errors ?? 0,
      warnings: used?.warnings ?? 0,
      outliers: 0,
      excluded: false,
      exclusion: null,
      otherYear: null,
      files: own,
      label: used ? { vi: "Đã nộp đúng hạn", en: "Submitted on time" } : { vi: "Chưa nộp", en: "Missing" },
      values: used ? { numbers: {}, texts: {}, computed: {} } : null,
      issues: [],
      header: null,
    };
    return { ...base, ...units[u.code] };
  });
  const rates = (list: UnitStatus[]) => {
    const late = list.filter((u) => u.status === "late").length;
    const onTime = list.filter((u) => u.status === "submitted").length;
    return {
      expected: list.length,
      received: late + onTime,
      onTime,
      late,
      missing: list.length - late - onTime,
      withErrors: list.filter((u) => u.status !== "missing" && u.errors > 0).length,
      excluded: list.filter((u) => u.excluded).length,
      reportingRate: (late + onTime) / list.length,
      timelinessRate: onTime / list.length,
    };
  };
  const count = (v: FileVerdict["verdict"]) => files.filter((f) => f.verdict === v).length;
  const def = form.definition;
  return {
    form: { id: form.id, version: form.version, year: def.year, deadline: def.deadline, title: def.title },
    collector: { ...def.collector },
    options: { excludeUnitsWithErrors: false },
    registry: form.units,
    files,
    units: statuses,
    rates: {
      all: rates(statuses),
      groups: form.groups.map((g) => ({ ...rates(statuses.filter((u) => u.group === g)), group: g })),
    },
    totals: {
      all: { group: null, units: [], numbers: {}, reported: {}, computed: {} },
      groups: [],
    },
    narratives: [],
    outliers: [],
    notes: [],
    counts: {
      files: files.length,
      accepted: count("accepted"),
      superseded: count("superseded"),
      rejected: count("rejected"),
    },
  };
}

/** The verdicts the mock session gives: .xls rejected, every other file used for the next registry unit. */
export function mockVerdicts(added: readonly MergeInputFile[]): FileVerdict[] {
  const units = builtInForm().units;
  let next = 0;
  return added.map((x) => {
    if (x.name.endsWith(".xls")) return verdict(x.name, "rejected");
    const u = units[next++ % units.length];
    return verdict(x.name, "accepted", { unit: u.code, unitName: u.name });
  });
}

/** A session over fixed verdicts (and unit statuses), recording what it is given. */
export function sessionOf(
  files: () => FileVerdict[],
  units: () => Record<string, Partial<UnitStatus>> = () => ({})
): jest.Mocked<MergeSession> & { added: MergeInputFile[] } {
  const added: MergeInputFile[] = [];
  return {
    added,
    add: jest.fn(async (f: MergeInputFile): Promise<AddedFile> => {
      added.push(f);
      return { verdict: "candidate", unit: null, reason: null, errors: 0, warnings: 0 };
    }),
    prefer: jest.fn(async (_unit: string, _file: string) => files()),
    finish: jest.fn((_o: { excludeUnitsWithErrors: boolean }) => fakeConsolidation(files(), units())),
  };
}

export function mockServices(): Mocks {
  const form = builtInForm();
  const added: MergeInputFile[] = [];
  const template: jest.Mocked<TemplateService> = {
    units: form.units,
    createWorkbook: jest.fn(async (_r: TemplateRequest) => undefined),
    insertIntoCurrent: jest.fn(async (_r: TemplateRequest) => ({ sheets: ["Báo cáo"] })),
  };
  const check: jest.Mocked<CheckService> = {
    run: jest.fn(async (): Promise<CheckResult> => FOUND),
    select: jest.fn(async (_i: CheckIssue) => undefined),
    clearMarks: jest.fn(async () => undefined),
    watch: jest.fn(
      async (_onResult: (r: CheckResult) => void, _onError: (e: unknown) => void) => async () => undefined
    ),
  };
  const merge: jest.Mocked<MergeService> = {
    chartIndicators: [
      { code: "V.1", label: { vi: "Số đại biểu HĐND", en: "People's Council deputies" } },
      { code: "V.3", label: { vi: "Số cán bộ", en: "Officials" } },
    ],
    deadline: form.definition.deadline,
    begin: jest.fn((): MergeSession => {
      added.length = 0;
      return {
        add: jest.fn(async (f: MergeInputFile): Promise<AddedFile> => {
          added.push(f);
          const rejected = f.name.endsWith(".xls");
          return {
            verdict: rejected ? "rejected" : "candidate",
            unit: null,
            reason: null,
            errors: 0,
            warnings: 0,
          };
        }),
        prefer: jest.fn(async (_unit: string, _file: string) => mockVerdicts(added)),
        finish: jest.fn(() => fakeConsolidation(mockVerdicts(added))),
      };
    }),
    write: jest.fn(async (_c: Consolidation, _o: { chartIndicator: string | null }) => ({
      sheets: ["Tổng hợp", "Tình hình nộp báo cáo", "Ý kiến, kiến nghị"],
    })),
  };
  return { services: { template, check, merge }, template, check, merge, added };
}
