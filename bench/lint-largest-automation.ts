import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../lib/cli/run";
import { LIVE_LIMITS } from "../lib/live/limits";

/**
 * `lint`, `explain` and `import` on the largest automation the command reads (`LIVE_LIMITS.rulesPerAutomation`
 * rules), in the shapes that cost the checks most: every rule in one rule set on one path with contradicting
 * bounds, every rule an Equals on one path, and one rule set per rule. Prints one JSON line per shape and command:
 * milliseconds in this process, input bytes, output characters. `node lint-largest-automation.js`.
 */
const sub = "00000000-0000-0000-0000-00000000a11e";
const n = LIVE_LIMITS.rulesPerAutomation;
const rule = (propertyJPath: string, operator: string, expectedValue: string) => ({
  propertyJPath,
  operator,
  expectedValue,
  propertyType: "Integer",
});
const automation = (ruleSets: object[]) => ({
  id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Security/automations/Largest`,
  location: "westeurope",
  properties: {
    isEnabled: true,
    scopes: [{ scopePath: `/subscriptions/${sub}` }],
    sources: [{ eventSource: "Assessments", ruleSets }],
    actions: [
      {
        actionType: "Workspace",
        workspaceResourceId: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w`,
      },
    ],
  },
});
const shapes: { [name: string]: object } = {
  "one rule set, bounds on one path": automation([
    { rules: Array.from({ length: n }, (_, i) => rule("properties.x", i % 2 ? "GreaterThan" : "LesserThan", String(i % 2 ? 5000 + i : 5000 - i))) },
  ]),
  "one rule set, Equals on one path": automation([{ rules: Array.from({ length: n }, (_, i) => rule("properties.x", "Equals", `v${i}`)) }]),
  "a rule set per rule": automation(
    Array.from({ length: n }, (_, i) => ({ rules: [rule("name", "Equals", `4fb67663-9ab9-475d-b026-${String(i).padStart(12, "0")}`)] })),
  ),
};
const dir = mkdtempSync(join(tmpdir(), "dfe-largest-"));
try {
  for (const [shape, a] of Object.entries(shapes)) {
    const file = join(dir, "input.json");
    writeFileSync(file, JSON.stringify([a]));
    for (const command of ["lint", "explain", "import"]) {
      let printed = 0;
      const start = process.hrtime.bigint();
      const args = command === "import" ? [command, file, "--out", join(dir, "program.ts")] : [command, file];
      const exitCode = runCli(args, { stdin: () => "", out: (t) => (printed += t.length), err: (t) => (printed += t.length) });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(JSON.stringify({ scenario: "largest automation", shape, command, ms, inputBytes: statSync(file).size, printed, exitCode }));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
