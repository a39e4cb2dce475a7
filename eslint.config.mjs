// ESLint 9 flat config, picked up by `office-addin-lint check|fix` (npm run lint / lint:fix), which
// runs `eslint -c eslint.config.mjs <files>`; <files> comes from "config.lint_files" in package.json.
// Formatting is enforced through prettier/prettier (settings in .prettierrc.json).
import { builtinModules } from "node:module";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import reactPlugin from "eslint-plugin-react";
import prettierPlugin from "eslint-plugin-prettier";

const nodeGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  process: "readonly",
  console: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  Buffer: "readonly",
  URL: "readonly",
  URLSearchParams: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
};

// ---- Layers (docs/ARCHITECTURE.md) ----------------------------------------------------------
// Which src/ folder may import which, enforced with ESLint's own no-restricted-imports (static
// imports and re-exports, type-only ones included) and no-restricted-syntax (dynamic import()),
// matched on the import's text: "../excel/host", "node:fs", "react". A rule given by two blocks
// keeps the later block's options only, so each folder gets exactly one block below.
const CORE = ["form", "validate", "layout", "merge", "workbook", "inspect", "definition"];
const ADAPTER = "xlsx";
const EDGES = ["excel", "taskpane", "cli", "commands"];

const DOC = 'See docs/ARCHITECTURE.md, "Layers".';
/** An import of src/<folder> from inside src/ ("../excel/host", "../../src/excel/host"). */
const folderImport = (folders) => `^(\\.\\./)+(src/)?(${folders.join("|")})(/.*)?$`;
const NODE = `^(node:.*|(${builtinModules.filter((m) => !m.startsWith("_")).join("|")})(/.*)?)$`;
const UI = "^(react|react-dom|@fluentui/.*)(/.*)?$";
const OFFICE = "^(office-js|@microsoft/office-js|@types/office-js)(/.*)?$";
const FILE_LIBS = "^(exceljs|fflate|@e965/xlsx)(/.*)?$";
const TEST_CODE = "^(\\.\\./)+(tests|scripts)(/.*)?$";

/** The rules of one layer: `deny` lists [regex, message] pairs; `globals` lists forbidden globals. */
function layer(folder, { deny, globals = [], dynamicImports = true }) {
  const where = `src/${folder}`;
  const patterns = deny.map(([regex, message]) => ({ regex, message: `${where}: ${message} ${DOC}` }));
  // esquery regex literals cannot hold "/": \x2F is the same character to RegExp.
  const selector = (regex) => `ImportExpression[source.value=/${regex.replace(/\//g, "\\x2F")}/]`;
  const syntax = dynamicImports
    ? patterns.map((p) => ({ selector: selector(p.regex), message: p.message }))
    : [{ selector: "ImportExpression", message: `${where}: the pure core loads nothing lazily. ${DOC}` }];
  return {
    files: [`${where}/**/*.{ts,tsx,js,mjs,cjs}`],
    rules: {
      "no-restricted-imports": ["error", { patterns }],
      "no-restricted-syntax": ["error", ...syntax],
      "no-restricted-globals": [
        "error",
        ...globals.map((name) => ({ name, message: `${where} does not use the global ${name}. ${DOC}` })),
      ],
    },
  };
}

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension"];
const NODE_GLOBALS = ["process", "Buffer", "require", "__dirname", "__filename"];
const deny = {
  edges: (folders) => [
    folderImport(folders),
    `imports no edge (${folders.map((f) => `src/${f}`).join(", ")}).`,
  ],
  adapter: [
    folderImport([ADAPTER]),
    "imports no file adapter (src/xlsx): files reach the core as a WorkbookSnapshot.",
  ],
  node: [NODE, "imports no Node built-in (it runs in the task pane too)."],
  ui: [UI, "imports no React or Fluent UI (src/taskpane only)."],
  office: [OFFICE, "imports no Office.js (src/excel only)."],
  fileLibs: [FILE_LIBS, "imports no file-format library (src/xlsx only)."],
  tests: [TEST_CODE, "imports nothing from tests/ or scripts/ (production code only)."],
};

const layerRules = [
  // The pure core: no edge, no adapter, no platform.
  ...CORE.map((folder) =>
    layer(folder, {
      deny: [deny.edges(EDGES), deny.adapter, deny.node, deny.ui, deny.office, deny.fileLibs, deny.tests],
      globals: [...OFFICE_GLOBALS, ...NODE_GLOBALS, "window", "document"],
      dynamicImports: false,
    })
  ),
  // File formats: the core and its own libraries; runs in the browser too.
  layer(ADAPTER, {
    deny: [deny.edges(EDGES), deny.node, deny.ui, deny.office, deny.tests],
    globals: [...OFFICE_GLOBALS, ...NODE_GLOBALS],
  }),
  // Edges: taskpane may use excel (its host layer) and xlsx, cli may use xlsx; nothing else.
  layer("excel", {
    deny: [deny.edges(["taskpane", "cli", "commands"]), deny.adapter, deny.node, deny.ui, deny.tests],
  }),
  layer("taskpane", { deny: [deny.edges(["cli", "commands"]), deny.node, deny.tests] }),
  layer("cli", {
    deny: [deny.edges(["excel", "taskpane", "commands"]), deny.ui, deny.office, deny.tests],
    globals: OFFICE_GLOBALS,
  }),
  layer("commands", {
    deny: [deny.edges(["taskpane", "cli"]), deny.adapter, deny.node, deny.ui, deny.tests],
  }),
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "coverage/**",
      "demo/out/**",
      "test-artifacts/**",
      ".tmp/**",
      "bin/**",
      "docs/**",
      "tests/fixtures/**",
    ],
  },

  // Office add-in rules (office-addins/*, prettier, eslint:recommended) + React.
  ...officeAddins.configs.react,
  reactPlugin.configs.flat["jsx-runtime"],

  // TypeScript: typescript-eslint's recommended set on .ts and .tsx.
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ["**/*.{ts,tsx,mts,cts}"] })),
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },

  // Formatting (prettier, .prettierrc.json) on every file; office-addins' recommended block covers
  // js/ts only, so .tsx/.jsx are added here. A warning, not an error, so that unformatted code does
  // not fail `npm run lint`; `npm run lint:fix` reformats.
  {
    files: ["**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx}"],
    plugins: { prettier: prettierPlugin },
    rules: { "prettier/prettier": ["warn", { endOfLine: "auto" }] },
  },

  // office-addins' Excel API rules, which its recommended block does not apply to .tsx/.jsx.
  {
    files: ["**/*.{tsx,jsx}"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(
      Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) =>
        name.startsWith("office-addins/")
      )
    ),
  },

  // Plain JavaScript in this repo (scripts/, configs) is CommonJS for Node.
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: nodeGlobals },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // The task pane's first script, inlined into taskpane.html: it must parse in Internet Explorer 11.
  {
    files: ["src/taskpane/old-webview.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: { window: "readonly", module: "readonly" },
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: nodeGlobals },
  },

  // Project rules, everywhere.
  {
    settings: { react: { version: "detect" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
      // typescript-eslint 8.8.1 (pinned by eslint-plugin-office-addins) crashes on this rule with
      // ESLint >= 9.x defaults unless its options are given in full.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
      // Props are typed by TypeScript.
      "react/prop-types": "off",
    },
  },

  // Layers, last so that no other block overrides them.
  ...layerRules
);
