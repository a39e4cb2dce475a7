// Preloaded (`node -r`) into a CLI child process by tests/cli/support/run-cli.ts: reports the
// child's peak resident memory on stderr as it exits, so a test can bound it.
"use strict";
process.on("exit", () => {
  require("node:fs").writeSync(2, `\nBDG_TEST_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
