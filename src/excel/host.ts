/**
 * The few host entry points src/excel needs besides a request context, injectable so tests
 * (and the Chromium end-to-end harness) can run the same code against the fake host.
 */

export interface ExcelHost {
  /** `Excel.run`. */
  run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Excel.createWorkbook(base64)` (ExcelApi 1.8). */
  createWorkbook(base64: string): Promise<void>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
}

/** The real host: Office.js globals (call after Office.onReady). */
export function officeHost(): ExcelHost {
  return {
    run: (fn) => Excel.run(fn),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}
