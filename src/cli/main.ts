/** The command line: `bdg-report <command> [options]`. Same core as the add-in. */
import { formCommand } from "./form-command";
import { mergeCommand } from "./merge-command";
import { templateCommand } from "./template-command";
import { validateCommand } from "./validate-command";
import { firstLine } from "./fs-errors";
import type { CliIo, Command } from "./io";
import { terminalLines, terminalSafe } from "./terminal";

// Each command lives in its own module; register it here.
const COMMANDS: Command[] = [formCommand, templateCommand, validateCommand, mergeCommand];

function usage(): string {
  return [
    "bdg-report — thu thập, kiểm tra, tổng hợp báo cáo BĐG / collect, check, consolidate reports",
    "",
    "Cách dùng / usage: bdg-report <lệnh> [tùy chọn]   (bdg-report <lệnh> --help)",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
  ].join("\n");
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`Lệnh không có: "${terminalSafe(name)}" / unknown command\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code && err.code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(
        `Tùy chọn không hợp lệ / bad option: ${terminalSafe(err.message ?? "")}\n\n${cmd.help}\n`
      );
      return 2;
    }
    return unexpected(e, io);
  }
}

/**
 * An error no command expected: one line for the officer (Vietnamese, then English), never a
 * stack trace; the stack only with BDG_DEBUG=1, for whoever maintains the program.
 */
export function unexpected(e: unknown, io: CliIo): number {
  const lines = [
    `Lỗi ngoài dự kiến, lệnh đã dừng / unexpected error, the command stopped: ${firstLine(e)}` +
      (process.env.BDG_DEBUG === "1" ? "" : " (BDG_DEBUG=1: chi tiết / details)"),
  ];
  if (process.env.BDG_DEBUG === "1" && e instanceof Error && e.stack) lines.push(...e.stack.split("\n"));
  io.stderr.write(terminalLines(lines));
  return 2;
}
