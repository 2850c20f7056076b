/**
 * Two projects: `unit` (the model, checks, writers, constructs, live parsing: `npm run test:unit`, well under a
 * minute) and `integration` (`npm run test:integration`): the files that pack the repository, spawn terraform,
 * the cdktf CLI, Node or a shell, type-check programs with the compiler, run Kusto, or synthesize all the
 * examples. `npm test` runs both.
 */
const INTEGRATION = [
  // Packing the repository.
  "package.test.ts",
  "readme-literal.test.ts",
  "cdktn.test.ts",
  // terraform, the cdktf CLI, jq, Node or a shell in a child process.
  "terraform-validate.test.ts",
  "cli.test.ts",
  "sharded-workflow.test.ts",
  "internal/no-text-is-code.test.ts",
  "cli/hostile-input.test.ts",
  "live/hostile-program.test.ts",
  "writers/azapi-writer.test.ts",
  "change-safety/",
  // The TypeScript compiler on generated programs, or hundreds of generated programs synthesized.
  "live/injection.test.ts",
  "live/code-literal.test.ts",
  "live/round-trip.test.ts",
  "live/corpus.test.ts",
  "cli/live-commands.test.ts",
  // Kusto's language service.
  "health/",
  // Every example synthesized.
  "examples.test.ts",
  "examples/",
  "addresses.test.ts",
  "warnings.test.ts",
  "checkov/scanner.test.ts",
  "diagram/diagram.test.ts",
  "checks/checks.test.ts",
  // jsii, jsii-pacmak and Python programs in a virtual environment.
  "python.test.ts",
];

const literally = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  testTimeout: 60000,
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: [
        "/node_modules/",
        ...INTEGRATION.map((p) => `^${literally(__dirname)}/test/${literally(p)}${p.endsWith("/") ? "" : "$"}`),
      ],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: INTEGRATION.map((p) => `<rootDir>/test/${p}${p.endsWith("/") ? "**/*.test.ts" : ""}`),
    },
  ],
};
// For test/jest-config.test.ts; not enumerable, so that jest does not read it as an option.
Object.defineProperty(module.exports, "INTEGRATION", { value: INTEGRATION, enumerable: false });
