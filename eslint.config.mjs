// ESLint 9 flat config, picked up by `office-addin-lint check|fix` (npm run lint / lint:fix), which
// runs `eslint -c eslint.config.mjs <files>`; <files> comes from "config.lint_files" in package.json.
// Formatting is enforced through prettier/prettier (settings in .prettierrc.json).
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
  }
);
