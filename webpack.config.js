/* Webpack config for the BDG report Excel add-in (Yo Office React style). */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_BASE_URL, productionBaseUrl, transformManifest } = require("./scripts/manifest-url");
const { ServiceWorkerPlugin } = require("./scripts/service-worker-plugin");

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * HTTPS options for the dev server from office-addin-dev-certs (creates and installs a localhost
 * certificate on first use). Returns null (plain http) when DEV_SERVER_HTTP=1 or when the
 * certificates cannot be made, e.g. on a Linux box where installing the CA needs sudo.
 */
async function getHttpsOptions() {
  if (process.env.DEV_SERVER_HTTP === "1") return null;
  try {
    const devCerts = require("office-addin-dev-certs");
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (err) {
    console.warn(
      `[webpack] Could not get dev certificates (${err && err.message ? err.message : err}); ` +
        "serving plain http. Office needs https: fix the certificates (npx office-addin-dev-certs install)."
    );
    return null;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const building = Boolean(env && env.WEBPACK_BUILD); // `webpack` (build/watch) vs `webpack serve`
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl();
  const httpsOptions = building ? null : await getHttpsOptions();

  /** @type {import("webpack").Configuration} */
  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // type errors are reported by `npm run typecheck`
              // ES modules for webpack so Fluent UI tree-shakes (tsconfig.json says commonjs for jest).
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
        {
          // A file's text as a string (taskpane.html inlines src/taskpane/old-webview.js this way).
          resourceQuery: /^\?source$/,
          type: "asset/source",
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    // office.js comes from Microsoft's CDN (<script> in the HTML), never from the bundle.
    externals: { "office-js": "Office" },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React + Fluent UI in one vendor chunk, used by the task pane only.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: 10,
          },
          // The xlsx writer's library, fetched only when a template file is made (dynamic import in
          // src/xlsx/write-workbook.ts); kept out of the initial JavaScript (budget: 300 KB gzip).
          // The browser mode (src/taskpane/browser/, the tasks on files outside Excel) and the form
          // definition reader and writer are lazy chunks too, named where they are imported.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 20,
          },
        },
      },
    },
    performance: {
      // Fluent UI makes the vendor chunk large; it is served once and cached.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // Excel 2016/2019 shows the pane in Internet Explorer 11 or Edge Legacy, which cannot parse
        // the bundle. So the template writes the bundle's tags itself, inert (type="text/x-bdg-bundle",
        // data-src), and its inlined ES5 check (src/taskpane/old-webview.js) either turns them into
        // real scripts or, in those webviews, shows a message and never loads them (no SyntaxError).
        // Inlined, not a separate file: no extra request or stale cache before the message, and it
        // always matches the page. type="module" alone would not do: Edge Legacy runs modules.
        inject: false,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      // The browser mode's offline worker (sw.js): built files only, never by the dev server,
      // whose bundles live in memory and change on every edit.
      ...(building
        ? [new ServiceWorkerPlugin({ template: path.resolve(__dirname, "src/taskpane/service-worker.js") })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : transformManifest(content.toString(), baseUrl);
            },
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "http" },
      port: DEV_SERVER_PORT,
    },
  };
  return config;
};
