import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../lib/cli/run";

/**
 * `lint` on a tenant's automations, in this (fresh) process: N automations as `az graph query` returns
 * them (a quarter of them with the classic defects), written to a file, then linted as the command does.
 * Prints one JSON line: wall time of the command in this process (reading, parsing, checking, printing),
 * peak memory, and the wall time of the whole command as a user runs it (a new node process: start,
 * loading the library, the same work).
 * `node lint-tenant.js <automations>`, or `node lint-tenant.js 100MB` for as many automations as make
 * 100 MB of input (about 1.3 KB each). `node lint-tenant.js 100MB one-subscription` puts them all in one
 * subscription, each in its own resource group (the shape where DFC006 relates every automation to
 * every other): the output must still grow linearly with the input.
 */
const oneSubscription = process.argv[3] === "one-subscription";
const size = /^(\d+)MB$/.exec(process.argv[2] ?? "");
const count = size ? Math.ceil((Number(size[1]) * 1e6) / JSON.stringify(row(0)).length) : Number(process.argv[2] ?? 10000);
const dir = mkdtempSync(join(tmpdir(), "dfe-lint-bench-"));
try {
  const rows = Array.from({ length: count }, (_, i) => row(i));
  const file = join(dir, "tenant.json");
  writeFileSync(file, JSON.stringify({ count, data: rows }));
  const inputMB = statSync(file).size / 1e6;
  let printed = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const code = runCli(["lint", file, "--format", "json"], { stdin: () => "", out: (t) => (printed += t.length), err: () => undefined });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  const wholeStart = process.hrtime.bigint();
  const whole = spawnSync(process.execPath, [join(__dirname, "..", "lib", "cli", "main.js"), "lint", file, "--format", "json"], {
    encoding: "utf8",
    maxBuffer: 1e9,
  });
  const commandMs = Number(process.hrtime.bigint() - wholeStart) / 1e6;
  if (whole.status !== code) throw new Error(`the command exited ${whole.status}, in process ${code}: ${whole.stderr}`);
  console.log(
    JSON.stringify({
      scenario: oneSubscription ? "lint, one subscription" : "lint",
      count,
      inputMB,
      ms,
      cpuMs,
      rssMB,
      commandMs,
      exitCode: code,
      printedMB: printed / 1e6,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The i-th automation, as a Resource Graph row; every fourth with the classic defects. */
function row(i: number): object {
  const sub = `20000000-0000-0000-0000-${(oneSubscription ? 0 : i).toString(16).padStart(12, "0")}`;
  const broken = i % 4 === 0;
  const severity = (v: string) => ({ propertyJPath: "Severity", propertyType: "String", expectedValue: v, operator: "Equals" });
  return {
    id: `/subscriptions/${sub}/resourceGroups/rg-sec${oneSubscription ? `-${i}` : ""}/providers/Microsoft.Security/automations/ExportToWorkspace`,
    name: "ExportToWorkspace",
    type: "microsoft.security/automations",
    location: "westeurope",
    subscriptionId: sub,
    resourceGroup: "rg-sec",
    properties: {
      isEnabled: true,
      scopes: [{ description: `scope for /subscriptions/${sub}`, scopePath: `/subscriptions/${sub}` }],
      sources: [
        {
          eventSource: "Alerts",
          ruleSets: broken ? [{ rules: [severity("High"), severity("Medium")] }] : [{ rules: [severity("High")] }, { rules: [severity("Medium")] }],
        },
        {
          eventSource: "Assessments",
          ruleSets: [
            { rules: [{ propertyJPath: "properties.metadata.severity", propertyType: "String", expectedValue: "High", operator: "Equals" }] },
          ],
        },
        { eventSource: "SecureScores" },
      ],
      actions: [
        {
          actionType: "Workspace",
          workspaceResourceId:
            "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
        },
      ],
    },
  };
}
