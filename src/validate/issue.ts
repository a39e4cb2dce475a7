import type { Severity, Text } from "../form/schema";

/** One problem found in a report. `cell` is the defined name of the cell it is about. */
export interface Issue {
  severity: Severity;
  /** The form's rule id (e.g. "tf.female-le-total"). */
  rule: string;
  /** Indicator code, or null for header fields. */
  indicator: string | null;
  /** Header field key, when the issue is about one. */
  field?: string;
  /** Defined name of the cell; null when the issue is about no single cell. */
  cell: string | null;
  message: Text;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
