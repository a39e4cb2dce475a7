/**
 * One file's reading stopped on an error nobody expected (a defect of the program: the reader
 * itself turns every problem of a file into a refusal). The file gets its own verdict, "readFailed",
 * and the command goes on with the other files: a crash of one file's reading never loses the
 * other files' verdicts. With BDG_DEBUG=1 the stack is printed for whoever maintains the program.
 */
import type { Refusal } from "../inspect/types";
import { rejectMessage } from "../inspect/messages";
import type { CliIo } from "./io";
import { firstLine } from "./fs-errors";
import { terminalLines } from "./terminal";

export function readFailed(file: string, e: unknown, stderr: CliIo["stderr"]): Refusal {
  if (process.env.BDG_DEBUG === "1") {
    const stack = e instanceof Error && e.stack ? e.stack.split("\n") : [String(e)];
    stderr.write(terminalLines([`Lỗi khi đọc / error reading "${file}":`, ...stack]));
  }
  return { ok: false, reason: "readFailed", message: rejectMessage("readFailed"), detail: firstLine(e) };
}
