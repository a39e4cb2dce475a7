/**
 * The date of a merge: today in Vietnam (UTC+7), ISO `yyyy-mm-dd`, whatever the computer's time
 * zone. It dates the summary and bounds the report dates a merge believes (a report dated after
 * the next day cannot be true: src/merge/merger.ts).
 */
export function todayInVietnam(now: number = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
