import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * The drift workflow (examples/export-drift.github-workflow.yml): it runs on a schedule, reads the automations
 * with `az graph query` in a shape the command reads, synthesizes, and runs `diff` on what it read and what was
 * synthesized, keeping the exit code so that drift fails the job.
 */
const workflow = parse(readFileSync(join(__dirname, "..", "examples", "export-drift.github-workflow.yml"), "utf8"));
const steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> = workflow.jobs.drift.steps;
const run = (pattern: RegExp) => steps.find((s) => pattern.test(s.run ?? ""))?.run ?? "";

describe("the drift workflow example", () => {
  test("runs on a schedule (and by hand), with an OIDC login only", () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^(\S+\s){4}\S+$/);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.permissions).toEqual({ "id-token": "write", contents: "read" });
    expect(JSON.stringify(workflow)).not.toMatch(/client-secret|password/i);
  });

  test("reads the automations with az graph query, synthesizes, then diffs the file it wrote against cdktf.out", () => {
    const query = run(/az graph query/);
    const file = /-o json > (\S+)/.exec(query)?.[1];
    expect(query).toMatch(/securityresources \| where type == 'microsoft\.security\/automations'/);
    const names = steps.map((s) => s.run ?? s.uses ?? "");
    const synth = names.findIndex((n) => /cdktf synth/.test(n));
    const diff = names.findIndex((n) => /cdktf-defender-export diff/.test(n));
    expect(synth).toBeGreaterThan(names.findIndex((n) => /az graph query/.test(n)));
    expect(diff).toBeGreaterThan(synth);
    expect(run(/cdktf-defender-export diff/)).toMatch(
      new RegExp(`cdktf-defender-export diff ${file?.replace(".", "\\.")} cdktf\\.out --format json`),
    );
    // The exit code of diff (1 on drift) is the step's.
    expect(run(/cdktf-defender-export diff/)).toMatch(/\|\| status=\$\?.*exit \$\{status:-0\}/);
  });
});
