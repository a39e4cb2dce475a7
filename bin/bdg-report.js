#!/usr/bin/env node
// Command-line entry: runs the TypeScript sources through tsx (a dependency), so
// `npx bdg-report …` works right after `npm ci` with no build step.
// src/cli/main.ts turns a command's unexpected error into one line for the officer; what is left
// here (the sources cannot be loaded, a closed output pipe) gets one line too, and the stack only
// with BDG_DEBUG=1.
"use strict";
const path = require("node:path");

function oneLine(err) {
  const text = err && err.message ? err.message : String(err);
  // eslint-disable-next-line no-control-regex
  return text.split("\n", 1)[0].replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
}

function fatal(err) {
  process.stderr.write(`Lỗi ngoài dự kiến, lệnh đã dừng / unexpected error, the command stopped: ${oneLine(err)}\n`);
  if (process.env.BDG_DEBUG === "1" && err && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
}

// `bdg-report validate … | head`: the reader went away; stop quietly.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
  else fatal(err);
});
// Nowhere left to say anything: no second error about the first.
process.stderr.on("error", () => process.exit(2));

try {
  require("tsx/cjs/api").register();
  const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    fatal,
  );
} catch (err) {
  fatal(err);
}
