#!/usr/bin/env node
/**
 * `npm start`, `npm run start:web`, `npm stop`: runs office-addin-debugging on manifest.xml.
 *
 *   node scripts/start.js start|stop [web] [more options…]
 *     → office-addin-debugging <start|stop> manifest.xml [web] [more options…]
 *
 * office-addin-debugging is an optional dependency: on Linux without libsecret, keytar (which it
 * pulls in) cannot be compiled and npm leaves the whole package out, so that `npm ci` still
 * succeeds. Then this script says what to install, instead of a stack trace.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const { join } = require("node:path");

const MANIFEST = "manifest.xml";

const MISSING_TOOLS_MESSAGE = [
  "Chưa có công cụ chạy thử add-in (office-addin-debugging). Đây là gói tùy chọn: npm bỏ qua nó khi",
  "không biên dịch được keytar (máy Linux thiếu libsecret). Cài thêm rồi chạy lại:",
  "    sudo apt-get install -y libsecret-1-dev pkg-config",
  "    npm install",
  'Hoặc không cần công cụ này: chạy "npm run dev-server", rồi trong Excel trên web chọn',
  "Home → Add-ins → More add-ins → Upload My Add-in và tải lên manifest.xml.",
  "",
  "The add-in debugging tools (office-addin-debugging) are not installed. They are an optional",
  "dependency, which npm leaves out when keytar cannot be compiled (Linux without libsecret).",
  "Install, then run again:",
  "    sudo apt-get install -y libsecret-1-dev pkg-config",
  "    npm install",
  'Or without them: run "npm run dev-server", then in Excel on the web choose',
  "Home → Add-ins → More add-ins → Upload My Add-in and upload manifest.xml.",
].join("\n");

/** office-addin-debugging's command-line script, or null when the package is not installed. */
function debuggingCli(resolve = require.resolve) {
  try {
    return join(resolve("office-addin-debugging/package.json"), "..", "cli.js");
  } catch (_e) {
    return null;
  }
}

/** The arguments for office-addin-debugging: `start web --document URL` → `start manifest.xml web --document URL`. */
function cliArgs(argv) {
  const [command, ...rest] = argv;
  return [command, MANIFEST, ...rest];
}

function main(argv) {
  const [command] = argv;
  if (command !== "start" && command !== "stop") {
    process.stderr.write("usage: node scripts/start.js start|stop [web] [options…]\n");
    return 2;
  }
  const cli = debuggingCli();
  if (!cli) {
    process.stderr.write(`${MISSING_TOOLS_MESSAGE}\n`);
    return 1;
  }
  const run = spawnSync(process.execPath, [cli, ...cliArgs(argv)], { stdio: "inherit" });
  if (run.error) {
    process.stderr.write(`office-addin-debugging: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { MISSING_TOOLS_MESSAGE, debuggingCli, cliArgs, main };
