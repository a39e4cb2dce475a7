/*
 * The end-to-end build: webpack.config.js with the task pane's entry replaced by
 * tests/e2e/pane-entry.ts (the recording fake as the Excel host). Built by ./pane-harness.ts into
 * .tmp/e2e-dist/; never by `npm run build`, so dist/ holds no test code.
 */
"use strict";

const path = require("path");
const base = require("../../webpack.config.js");

module.exports = async (env, options) => {
  const config = await base(env, options);
  config.entry = { ...config.entry, taskpane: path.resolve(__dirname, "pane-entry.ts") };
  return config;
};
