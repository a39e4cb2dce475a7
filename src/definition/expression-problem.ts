/**
 * What is wrong with a compare rule's expression, in the officer's words: the expression, the
 * character where the problem is (1-based, as a person counts) and what stands there —
 *   biểu thức "II.3.T + <= II.2.T", ký tự 10 (tại "<= II.2.T"): thiếu chỉ tiêu hoặc số.
 * Used by read.ts for the schema's finding on a rule's expression.
 */
import { ExpressionError, parseComparison } from "../form/rule-expr";
import { partsOfKind, type IndicatorKind, type Text } from "../form/schema";

const SHOWN = 14;

/** The text from `at` on, shortened: what the officer looks for in the cell. */
function fragment(text: string, at: number): string {
  const rest = text.slice(at).trim();
  return rest.length > SHOWN ? `${rest.slice(0, SHOWN - 1)}…` : rest;
}

/**
 * The problem of `expression` given the indicators as read (code → kind), or null when it
 * parses (then the schema's own message stands).
 */
export function expressionProblem(
  expression: string,
  kinds: ReadonlyMap<string, IndicatorKind>
): Text | null {
  try {
    parseComparison(expression, (code) => {
      const kind = kinds.get(code);
      return kind === undefined ? null : kind === "text" ? [] : partsOfKind(kind);
    });
    return null;
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    const piece = fragment(expression, e.at);
    const whereVi = piece ? `tại "${piece}"` : "ở cuối biểu thức";
    const whereEn = piece ? `at "${piece}"` : "at the end";
    return {
      vi: `biểu thức "${expression}", ký tự ${e.at + 1} (${whereVi}): ${e.vi}`,
      en: `expression "${expression}", character ${e.at + 1} (${whereEn}): ${e.en}`,
    };
  }
}
