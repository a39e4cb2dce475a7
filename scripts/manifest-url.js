/**
 * Rewrites the development URLs of manifest.xml for a deployment.
 * Used by webpack.config.js (production build -> dist/manifest.xml) and by tests/manifest.test.ts.
 */
"use strict";

const DEV_BASE_URL = "https://localhost:3000/";
const DEFAULT_PROD_BASE_URL = "https://example.invalid/bdg-report/";

/** The production base URL: $ADDIN_BASE_URL or the placeholder, always https and ending in "/". */
function productionBaseUrl(env = process.env) {
  let base = (env.ADDIN_BASE_URL || "").trim() || DEFAULT_PROD_BASE_URL;
  const url = new URL(base); // throws on a malformed value
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL must be an https:// URL (Office requires it), got: ${base}`);
  }
  if (!base.endsWith("/")) base += "/";
  return base;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces every "https://localhost:3000/..." URL by baseUrl + "...", and the bare origin
 * (as used in <AppDomain>) by the origin of baseUrl.
 */
function transformManifest(xml, baseUrl = productionBaseUrl()) {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  const origin = new URL(base).origin;
  const devOrigin = DEV_BASE_URL.replace(/\/$/, "");
  return String(xml)
    .replace(new RegExp(escapeRegExp(DEV_BASE_URL), "g"), base)
    .replace(new RegExp(escapeRegExp(devOrigin) + "(?![\\w/:.-])", "g"), origin);
}

module.exports = { DEV_BASE_URL, DEFAULT_PROD_BASE_URL, productionBaseUrl, transformManifest };
