/**
 * Thrown inside the reader (and the .xls/.ods readers) when a file is refused: the reason, a
 * technical detail for logs, and what the officer's message needs. reader.ts turns it into a
 * ReportRejected with the message of messages.ts.
 */
import type { rejectMessage } from "../inspect/messages";
import type { RejectReason } from "../inspect/types";

export class ReportReject extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
    readonly ctx: Parameters<typeof rejectMessage>[1] = {}
  ) {
    super(detail);
    this.name = "ReportReject";
  }
}
