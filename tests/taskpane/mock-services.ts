/** Mock services for the task pane component tests (no Excel, no files). */
import { builtInForm } from "../../src/form";
import type { Consolidation, FileVerdict } from "../../src/merge/types";
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

/** A consolidation good enough for the pane (it only reads rates). */
export function fakeConsolidation(): Consolidation {
  const rates = {
    expected: 42,
    received: 2,
    onTime: 2,
    late: 0,
    missing: 40,
    withErrors: 0,
    excluded: 0,
    reportingRate: 2 / 42,
    timelinessRate: 2 / 42,
  };
  return { rates: { all: rates, commune: rates, body: rates } } as unknown as Consolidation;
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
    begin: jest.fn((): MergeSession => {
      added.length = 0;
      return {
        add: jest.fn(async (f: MergeInputFile) => {
          added.push(f);
          return added.map((x) =>
            x.name.endsWith(".xls") ? verdict(x.name, "rejected") : verdict(x.name, "accepted")
          );
        }),
        prefer: jest.fn(async (_unit: string, _file: string) =>
          added.map((x) =>
            x.name.endsWith(".xls") ? verdict(x.name, "rejected") : verdict(x.name, "accepted")
          )
        ),
        finish: jest.fn(() => fakeConsolidation()),
      };
    }),
    write: jest.fn(async (_c: Consolidation, _o: { chartIndicator: string | null }) => ({
      sheets: ["Tổng hợp", "Tình hình nộp báo cáo", "Ý kiến, kiến nghị"],
    })),
  };
  return { services: { template, check, merge }, template, check, merge, added };
}
