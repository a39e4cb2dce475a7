/*
 * The task pane's own first script, inlined at the end of taskpane.html (webpack.config.js); only
 * office.js, in <head> as Microsoft recommends, runs before it. ES5 on purpose: it must parse and
 * run in Internet Explorer 11 (eslint.config.mjs checks it with ecmaVersion 5).
 *
 * Excel 2016/2019 volume-licensed (and Office on old Windows) shows add-ins in Internet Explorer
 * (Trident) or Edge Legacy (EdgeHTML), where React 19 cannot run. Microsoft recommends a message
 * there, detected from the user agent ("Support older Microsoft webviews and Office versions").
 * The message names this page's address: opened in a modern browser, the same page offers the
 * tasks on files (its browser mode, src/taskpane/browser/).
 *
 * The bundle's script tags in taskpane.html are inert (type="text/x-bdg-bundle", address in
 * data-src): no browser fetches or parses them by itself. In an old webview this script shows the
 * message and leaves them inert, so IE11 never sees modern syntax (no SyntaxError, no download).
 * Anywhere else it turns them into real scripts, in order. (type="module" would not do: Edge Legacy
 * runs modules but not the bundle's ES2020 syntax.)
 */
(function () {
  "use strict";

  var BUNDLE_TYPE = "text/x-bdg-bundle";

  /** Internet Explorer (Trident, "MSIE" before 11) or Edge Legacy ("Edge/"; Chromium Edge says "Edg/"). */
  function isOldWebview(userAgent) {
    return /Trident\/|MSIE |Edge\//.test(userAgent || "");
  }

  /** The page's address without ?tab= or #: where a modern browser opens the same tools on files. */
  function pageAddress(href) {
    return String(href || "").split(/[?#]/)[0];
  }

  /** The loading text in #root gives way to the old-webview message, which names the page's address. */
  function showOldWebviewMessage(doc, href) {
    var root = doc.getElementById("root");
    var message = doc.getElementById("old-webview");
    var address = pageAddress(href);
    var slots = doc.querySelectorAll ? doc.querySelectorAll("[data-bdg-address]") : [];
    var i;
    while (root && root.firstChild) root.removeChild(root.firstChild);
    if (address) for (i = 0; i < slots.length; i++) slots[i].textContent = address;
    if (message) message.style.display = "block";
  }

  /** Real script elements for the inert bundle tags, run in document order; returns their addresses. */
  function startBundle(doc) {
    var message = doc.getElementById("old-webview");
    if (message && message.parentNode) message.parentNode.removeChild(message);
    var tags = doc.getElementsByTagName("script");
    var sources = [];
    var i;
    for (i = 0; i < tags.length; i++) {
      if (tags[i].getAttribute("type") === BUNDLE_TYPE) sources.push(tags[i].getAttribute("data-src"));
    }
    for (i = 0; i < sources.length; i++) {
      var script = doc.createElement("script");
      script.src = sources[i];
      script.async = false;
      doc.body.appendChild(script);
    }
    return sources;
  }

  function run(win) {
    if (!isOldWebview(win.navigator.userAgent)) return startBundle(win.document);
    showOldWebviewMessage(win.document, win.location && win.location.href);
    // Microsoft: even with nothing to start, assign Office.initialize (or call Office.onReady), or
    // some Office versions never finish loading the pane.
    if (win.Office) win.Office.initialize = function () {};
    return [];
  }

  if (typeof module === "object" && module && module.exports) {
    module.exports = {
      isOldWebview: isOldWebview,
      pageAddress: pageAddress,
      run: run,
      BUNDLE_TYPE: BUNDLE_TYPE,
    };
  } else {
    run(window);
  }
})();
