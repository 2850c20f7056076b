import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { parse } from "yaml";
import { addExampleStacks } from "../examples/stacks";
import { SHARD_PLAN_FILE, writeShardPlan } from "../examples/sharded-fleet";
import { ShardPlan } from "../lib";

/**
 * The sharded example's CI workflow (examples/sharded-fleet.github-workflow.yml) against the shard plan
 * the main job writes: the matrix it reads is one job per shard stack the app synthesizes, the stacks
 * the shards depend on deploy first, and each state has one writer at a time.
 */
const workflow = parse(readFileSync(join(__dirname, "..", "examples", "sharded-fleet.github-workflow.yml"), "utf8"));
const outdir = mkdtempSync(join(tmpdir(), "dfe-shard-plan-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const app = new App({ outdir });
const { shardDeployment } = addExampleStacks(app);
const planFile = writeShardPlan(app, shardDeployment);
const stacks = new Map(app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack).map((s) => [s.node.id, s]));
const shardStacks = [...stacks.keys()].filter((id) => /^fleet-shard-\d+$/.test(id));
const steps = (job: string): Array<{ run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, unknown> }> =>
  workflow.jobs[job].steps;

/** The plan job's jq programs, run as the workflow runs them (jq is on GitHub's runners). */
function planOutputs(): { first: string[]; shards: Array<{ shard: string; stack: string }> } {
  const script = steps("plan").find((s) => s.run?.includes(SHARD_PLAN_FILE))!.run!;
  const programs = [...script.matchAll(/jq -c '([^']+)' cdktf\.out\/([\w.-]+)/g)];
  expect(programs.map((m) => m[2])).toEqual([SHARD_PLAN_FILE, SHARD_PLAN_FILE]);
  const jq = (program: string) => JSON.parse(execFileSync("jq", ["-c", program, planFile], { encoding: "utf8" }));
  return { first: jq(programs[0][1]), shards: jq(programs[1][1]) };
}

const withJq = (() => {
  try {
    execFileSync("jq", ["--version"], { stdio: "ignore" });
    return test;
  } catch {
    return test.skip;
  }
})();

describe("the sharded fleet's deployment plan and CI workflow", () => {
  test("the plan names every shard stack once, with its state key and size, and the central stack first", () => {
    expect(shardDeployment.first).toEqual(["fleet-central"]);
    expect(shardDeployment.shards.map((s) => s.stack)).toEqual(shardStacks);
    expect(shardDeployment.shards.reduce((sum, s) => sum + s.subscriptionCount, 0)).toBe(50);
    for (const job of shardDeployment.shards) {
      const json = JSON.parse(Testing.synth(stacks.get(job.stack)!));
      expect(json.terraform.backend.azurerm.key).toBe(job.backendKey);
      expect(Object.keys(Object.values(json.locals)[0] as object)).toHaveLength(job.subscriptionCount);
      expect(stacks.get(job.stack)!.dependencies.map((d) => d.node.id)).toEqual(shardDeployment.first);
    }
    expect(JSON.parse(readFileSync(planFile, "utf8"))).toEqual(shardDeployment);
  });

  withJq("the workflow's matrix is the plan's shards, and its first job deploys the plan's first stacks", () => {
    const { first, shards } = planOutputs();
    expect(first).toEqual(shardDeployment.first);
    expect(shards).toEqual(shardDeployment.shards.map(({ shard, stack }) => ({ shard, stack })));
    expect(workflow.jobs.plan.outputs).toEqual({ first: "${{ steps.plan.outputs.first }}", shards: "${{ steps.plan.outputs.shards }}" });
  });

  test("the plan job synthesizes once and hands the output to every deploy job", () => {
    expect(
      steps("plan")
        .map((s) => s.run)
        .filter(Boolean),
    ).toEqual(expect.arrayContaining(["npm ci", "npx cdktf synth"]));
    for (const job of ["central", "shard"]) {
      expect(steps(job).find((s) => s.uses?.startsWith("actions/download-artifact"))?.with).toEqual({ name: "cdktf-out", path: "cdktf.out" });
      expect(
        steps(job)
          .filter((s) => s.run?.includes("cdktf deploy"))
          .every((s) => s.run!.includes("--skip-synth")),
      ).toBe(true);
    }
  });

  test("the shards deploy after the central stack, one job per shard, one run per state at a time", () => {
    const shard = workflow.jobs.shard;
    expect(shard.needs).toEqual(["plan", "central"]);
    expect(shard.strategy.matrix).toEqual({ include: "${{ fromJSON(needs.plan.outputs.shards) }}" });
    expect(shard.concurrency).toEqual({ group: "tfstate-${{ matrix.stack }}", "cancel-in-progress": false });
    const deploy = steps("shard").find((s) => s.run?.includes("cdktf deploy"))!;
    expect(deploy.env).toEqual({ STACK: "${{ matrix.stack }}" });
    expect(deploy.run).toBe('npx cdktf deploy "$STACK" --skip-synth --auto-approve --ignore-missing-stack-dependencies');
    const central = workflow.jobs.central;
    expect(central.needs).toBe("plan");
    expect(central.concurrency).toEqual({ group: "tfstate-central", "cancel-in-progress": false });
    expect(steps("central").find((s) => s.run?.includes("cdktf deploy"))!.env).toEqual({ FIRST: "${{ needs.plan.outputs.first }}" });
  });

  test("a GitHub matrix holds at most 256 jobs: the example's plan is well below", () => {
    expect(shardDeployment.shards.length).toBeLessThanOrEqual(256);
  });

  test("two shards given one stack or state key are refused", () => {
    const shards = ShardPlan.of(["10000000-0000-0000-0000-000000000001", "10000000-0000-0000-0000-000000000002"], { shardCount: 2 });
    expect(() => ShardPlan.deployment(shards, { naming: { stackOf: () => "fleet", backendKeyOf: (s) => s.name } })).toThrow(/DFE092.*stack "fleet"/);
    expect(() => ShardPlan.deployment(shards, { naming: { stackOf: (s) => s.name, backendKeyOf: () => "k" } })).toThrow(/DFE092.*backendKey "k"/);
  });
});
