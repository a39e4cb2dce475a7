#!/usr/bin/env node
// Command-line entry: runs the TypeScript sources through tsx (a dependency), so
// `npx bdg-report …` works right after `npm ci` with no build step.
"use strict";
const path = require("node:path");
require("tsx/cjs/api").register();
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Lỗi / error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
