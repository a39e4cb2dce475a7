/*
 * Emits the browser mode's service worker, sw.js, next to taskpane.html (webpack.config.js).
 * Its source is src/taskpane/service-worker.js, with the placeholders replaced by
 *   - the files to keep for offline use: every emitted file the page may load (taskpane.html and
 *     the .js chunks, initial and lazy), not source maps, the manifest, the ribbon's commands page
 *     or the icons (Office's, not the page's);
 *   - a version: a hash of those files' names and contents, so that a new build installs a new
 *     worker, which replaces the old cache.
 * Runs after webpack has given the chunks their final (content-hashed) names.
 */
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const { Compilation, sources } = require("webpack");

const NAME = "BdgServiceWorkerPlugin";

/** The files of the page to keep offline, from the names of a build's assets. */
function precacheList(assetNames) {
  return assetNames
    .filter((n) => !n.includes("/"))
    .filter((n) => n === "taskpane.html" || (/\.js$/.test(n) && !/^commands[.]/.test(n) && n !== "sw.js"))
    .sort();
}

class ServiceWorkerPlugin {
  constructor({ template, filename = "sw.js" }) {
    this.template = template;
    this.filename = filename;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          compilation.fileDependencies.add(this.template);
          const files = precacheList(compilation.getAssets().map((a) => a.name));
          const hash = crypto.createHash("sha256");
          for (const f of files) hash.update(f).update(compilation.getAsset(f).source.buffer());
          const version = hash.digest("hex").slice(0, 16);
          const source = fs
            .readFileSync(this.template, "utf8")
            .replace("self.__BDG_PRECACHE__", JSON.stringify(files))
            .replace("__BDG_VERSION__", version);
          compilation.emitAsset(this.filename, new sources.RawSource(source));
        }
      );
    });
  }
}

module.exports = { ServiceWorkerPlugin, precacheList };
