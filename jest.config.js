/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  // Node by default; React component tests opt in with a `/** @jest-environment jsdom */` docblock.
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  moduleFileExtensions: ["ts", "tsx", "js", "jsx", "json", "node"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
