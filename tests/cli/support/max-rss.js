// Preloaded (`node -r`) into a CLI child process by tests/cli/support/run-cli.ts: reports the
// child's peak resident memory on stderr as it exits, so a test can bound it. On Linux the peak of
// this process's own memory (VmHWM of /proc/self/status): `resourceUsage().maxRSS` also counts the
// parent's memory at the fork (Linux keeps the larger across execve), so it can only be an upper
// bound, used where /proc is missing.
"use strict";
process.on("exit", () => {
  const fs = require("node:fs");
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) kb = Number(m[1]);
  } catch {
    // no /proc: keep maxRSS
  }
  fs.writeSync(2, `\nBDG_TEST_MAX_RSS_KB=${kb}\n`);
});
