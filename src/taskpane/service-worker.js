/* global self, caches, fetch, Response */
/*
 * The browser mode's service worker, emitted as sw.js next to taskpane.html by
 * scripts/service-worker-plugin.js, which writes the build's file list and version in place of
 * the two placeholders below. Registered by the browser mode only (src/taskpane/browser/offline.ts):
 * the add-in inside Excel is never controlled by it.
 *
 * - install: every file of the page (taskpane.html and all its chunks, the lazy ones too: the
 *   xlsx writer, the .xls/.ods readers, the browser mode) into a cache named after the build;
 *   once this one is active, caches older than the previous build's are deleted.
 * - the page (taskpane.html, with any ?tab=): the network first, so that a new build is seen at
 *   once; this build's copy when the network fails or is slower than PAGE_TIMEOUT_MS.
 * - the chunks: the caches first (their names carry a content hash), then the network.
 * - office.js (Microsoft's CDN): never cached, fetched as usual; when it cannot be fetched in
 *   OFFICE_TIMEOUT_MS (offline, blocked), an empty script instead, so that the page's start is
 *   not held by a request that hangs — the browser mode needs no office.js.
 * Nothing else is touched: any other request goes to the network untouched.
 */
"use strict";

var PRECACHE = self.__BDG_PRECACHE__;
var VERSION = "__BDG_VERSION__";
var CACHE = "bdg-report-" + VERSION;
var OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
var PAGE_TIMEOUT_MS = 4000;
var OFFICE_TIMEOUT_MS = 4000;

/** fetch, rejected after `ms` (the request itself is left to finish or fail on its own). */
function fetchWithin(request, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () {
      reject(new Error("timeout"));
    }, ms);
    fetch(request).then(
      function (response) {
        clearTimeout(timer);
        resolve(response);
      },
      function (error) {
        clearTimeout(timer);
        reject(error);
      }
    );
  });
}

/**
 * The page from the network; the copy of this build when the network fails or is slow. The copy
 * is never replaced by what the network brings: it must name the chunks this worker holds.
 */
function networkFirst(request) {
  return fetchWithin(request, PAGE_TIMEOUT_MS).catch(function (error) {
    return caches.match(request, { ignoreSearch: true }).then(function (cached) {
      if (cached) return cached;
      throw error;
    });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (cached) {
    if (cached) return cached;
    return fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) {
          return cache.put(request, copy);
        });
      }
      return response;
    });
  });
}

function officeJs(request) {
  return fetchWithin(request, OFFICE_TIMEOUT_MS).catch(function () {
    return new Response("/* office.js could not be fetched: the page starts its browser mode */\n", {
      status: 200,
      headers: { "content-type": "text/javascript; charset=utf-8" },
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(PRECACHE);
      })
      .then(function () {
        return self.skipWaiting();
      })
  );
});

/*
 * The previous build's files are kept as well (not older ones): a page of that build still open in
 * another tab fetches its lazy chunks from there, after a new build has taken over.
 */
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        var older = keys.filter(function (k) {
          return k.indexOf("bdg-report-") === 0 && k !== CACHE;
        });
        return Promise.all(
          older.slice(0, -1).map(function (k) {
            return caches.delete(k);
          })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin === OFFICE_JS_ORIGIN) {
    event.respondWith(officeJs(request));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" || /\.html$/.test(url.pathname)) {
    event.respondWith(networkFirst(request));
    return;
  }
  if (PRECACHE.indexOf(url.pathname.slice(url.pathname.lastIndexOf("/") + 1)) >= 0) {
    event.respondWith(cacheFirst(request));
  }
});
