import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDiagram } from "../../lib/cli/diagram-command";
import { FlowGraphBuilder } from "../../lib/diagram/builder";
import { flowGraphOfLive } from "../../lib/diagram/from-live";
import { flowGraphOfStacks } from "../../lib/diagram/from-stacks";
import { exampleStacks } from "./example-stacks";
import { Testing } from "cdktf";
import { ContinuousExport, EventHubDestination, Export, LogAnalyticsDestination, LogicAppDestination } from "../../lib";
import { SUB, stackWithProvider } from "../helpers";
import { toDot, toMermaid, toSvg } from "../../lib/diagram/render";
import { DestinationKind } from "../../lib/destinations/destination";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { exampleAutomationsAsArm } from "../live/live-fixtures";

const stacks = exampleStacks();
const examples = flowGraphOfStacks(stacks);
const only = (name: string) => stacks.filter((s) => s.name === name);
/** SVG text as a reader sees it (Graphviz writes `-` as `&#45;`). */
const svgText = (svg: string) => svg.replace(/&#45;/g, "-");

describe("the diagram of synthesized stacks", () => {
  test("the cross-tenant example: its subscription in tenant A, the workspace in tenant B, its data, and the guest's role in red", () => {
    const graph = flowGraphOfStacks(only("cross-tenant-guest"));
    expect(graph.origins).toEqual([
      {
        key: "automation:00000000-0000-0000-0000-000000000008",
        tenantId: "00000000-0000-0000-0000-0000000000aa",
        subscriptionIds: ["00000000-0000-0000-0000-000000000008"],
        via: "automation",
        scope: undefined,
      },
    ]);
    const [workspace] = graph.destinations;
    expect(workspace).toMatchObject({
      kind: "Log Analytics workspace",
      name: "law-soc",
      created: false,
      tenantId: "00000000-0000-0000-0000-0000000000cc",
    });
    expect(graph.flows).toEqual([
      {
        origin: graph.origins[0].key,
        destination: workspace.key,
        data: ["Security alerts (streaming)", "Security recommendations (streaming) where severity is Medium or High"],
        feeds: [
          { table: "SecurityAlert", everything: true, standards: [] },
          { table: "SecurityRecommendation", everything: false, standards: [] },
        ],
      },
    ]);
    expect(graph.grants).toEqual([
      {
        principal: "principal 00000000-0000-0000-0000-0000000000dd",
        role: "Log Analytics Contributor",
        target: workspace.key,
        tenantId: "00000000-0000-0000-0000-0000000000cc",
        via: "role assignment",
      },
    ]);
    const dot = toDot(graph);
    expect(dot).toMatch(/label="Log Analytics Contributor \(role assignment\)", style=dashed, color=red/);
    expect(dot).toContain('label="tenant 00000000-0000-0000-0000-0000000000cc"');
  });

  test("new or existing, trusted, health: each destination says what it is", () => {
    const byName = new Map(examples.destinations.map((d) => [d.name, d]));
    expect(byName.get("evhns-defender-keyless-01/defender-export")).toMatchObject({ kind: "Event Hub", created: true, trusted: true });
    expect(byName.get("law-defender-export")).toMatchObject({ created: true, health: true, trusted: false });
    expect(byName.get("law-soc")).toMatchObject({ created: false });
    // Defender for Cloud's own identity sends to the trusted hub: a role, drawn.
    expect(examples.grants.some((g) => g.principal.startsWith("Defender for Cloud") && g.role === "Azure Event Hubs Data Sender")).toBe(true);
  });

  test("a sharded fleet is one node with its count, across its shard stacks and the cross-stack reference to the central workspace", () => {
    const fleet = examples.origins.filter((o) => o.subscriptionIds.length === 50);
    expect(fleet).toHaveLength(1);
    const flow = examples.flows.find((f) => f.origin === fleet[0].key);
    expect(examples.destinations.find((d) => d.key === flow?.destination)).toMatchObject({ name: "law-fleet-central", created: true });
    expect(toDot(examples)).toContain("50 subscriptions");
  });

  test("the policy route: the management group, its data types, its identity's roles", () => {
    const policy = examples.origins.find((o) => o.via === "policy");
    expect(policy?.scope).toBe("contoso-landingzones");
    const flow = examples.flows.find((f) => f.origin === policy?.key);
    expect(flow?.data).toEqual(["Overall secure score", "Security alerts", "Security recommendations"]);
    expect(
      examples.grants
        .filter((g) => g.principal.startsWith("the managed identity of the policy assignment"))
        .map((g) => g.role)
        .sort(),
    ).toEqual(["Contributor", "Log Analytics Contributor"]);
  });

  test("the same stacks in any order draw the same picture, byte for byte, in every format", async () => {
    const reversed = flowGraphOfStacks([...stacks].reverse());
    expect(toDot(reversed)).toBe(toDot(examples));
    expect(toMermaid(reversed)).toBe(toMermaid(examples));
    const [a, b] = await Promise.all([toSvg(examples), toSvg(reversed)]);
    expect(a).toBe(b);
    expect(a).toContain("<svg");
    expect(svgText(a)).toContain("law-fleet-central");
  });
});

describe("the picture at fleet scale and with hostile names", () => {
  test("10,000 subscriptions sending the same data are one node; the drawing stays small", async () => {
    const builder = new FlowGraphBuilder();
    builder.destination({ key: "w", kind: DestinationKind.WORKSPACE, name: "law", created: true });
    for (let i = 0; i < 10_000; i++) {
      builder.flow({ subscriptionId: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`, via: "automation" }, "w", [
        "Security alerts (streaming)",
      ]);
    }
    const graph = builder.build();
    expect(graph.origins).toHaveLength(1);
    expect(graph.origins[0].subscriptionIds).toHaveLength(10_000);
    const dot = toDot(graph);
    expect(dot).toContain("10,000 subscriptions");
    expect(dot.length).toBeLessThan(2_000);
    expect((await toSvg(graph)).length).toBeLessThan(10_000);
  });

  test("names are data in DOT and Mermaid: quotes, backslashes, braces and line breaks never add a node or an edge", async () => {
    const hostile = 'law"];\n evil -> x [label="\\\\ }{ #quot; <b>\u2028|';
    const builder = new FlowGraphBuilder();
    builder.destination({ key: "w", kind: DestinationKind.WORKSPACE, name: hostile, created: false });
    builder.flow({ subscriptionId: "s", via: "automation" }, "w", [hostile]);
    const graph = builder.build();
    const dot = toDot(graph);
    expect(dot.split("\n").filter((l) => /^\s+n\d+ -> n\d+ \[/.test(l))).toHaveLength(1);
    expect(dot.split("\n").filter((l) => /^\s+n\d+ \[/.test(l))).toHaveLength(2);
    const svg = await toSvg(graph);
    expect(svg.match(/class="node"/g)).toHaveLength(2);
    expect(svg.match(/class="edge"/g)).toHaveLength(1);
    const mermaid = toMermaid(graph);
    expect(mermaid.split("\n").filter((l) => l.includes("-->"))).toHaveLength(1);
    expect(mermaid).not.toMatch(/evil -> x \[label="/);
  });
});

describe("the diagram of live automations", () => {
  test("what the examples deploy, read back as ARM JSON: every subscription sends to its destinations, all existing", () => {
    const live = readLiveAutomations(JSON.stringify(exampleAutomationsAsArm()), "examples");
    const graph = flowGraphOfLive(live);
    expect(graph.destinations.every((d) => !d.created)).toBe(true);
    const subscriptions = new Set(live.filter((a) => a.view.enabled).map((a) => a.subscriptionId));
    expect(new Set(graph.origins.flatMap((o) => o.subscriptionIds))).toEqual(subscriptions);
    expect(graph.flows.length).toBeGreaterThan(0);
  });
});

describe("npx cdktf-defender-export diagram", () => {
  const io = () => {
    const written = { out: "", err: "" };
    return { written, io: { stdin: () => "", out: (t: string) => void (written.out += t), err: (t: string) => void (written.err += t) } };
  };

  test("reads cdktf.out, writes SVG, DOT or Mermaid; refuses to write over its input; says bad input in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "diagram-"));
    try {
      const stackDir = join(dir, "cdktf.out", "stacks", "cross-tenant-guest");
      mkdirSync(stackDir, { recursive: true });
      writeFileSync(join(stackDir, "cdk.tf.json"), JSON.stringify(stacks.find((s) => s.name === "cross-tenant-guest")?.json));
      let run = io();
      expect(await runDiagram([join(dir, "cdktf.out"), "--out", join(dir, "flows.svg")], run.io)).toBe(0);
      expect(svgText(readFileSync(join(dir, "flows.svg"), "utf8"))).toContain("law-soc");
      run = io();
      expect(await runDiagram([join(dir, "cdktf.out"), "--format", "mermaid"], run.io)).toBe(0);
      expect(run.written.out.startsWith("flowchart LR")).toBe(true);
      run = io();
      expect(await runDiagram([join(stackDir, "cdk.tf.json"), "--out", join(stackDir, "cdk.tf.json")], run.io)).toBe(2);
      expect(run.written.err).toContain("is the input");
      run = io();
      writeFileSync(join(dir, "bad.json"), "[1, 2]");
      expect(await runDiagram([join(dir, "bad.json")], run.io)).toBe(2);
      expect(run.written.err.trim().split("\n")[0]).toMatch(/^cdktf-defender-export diagram: /);
      run = io();
      expect(await runDiagram([join(dir, "cdktf.out"), "--format", "png"], run.io)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("health on event hubs and Logic Apps", () => {
  test("a diagnostic setting that sends a destination's metrics to a workspace marks that destination as watched", () => {
    const { stack } = stackWithProvider();
    const workspace = new LogAnalyticsDestination(stack, "Workspace", {
      workspaceName: "law-metrics",
      resourceGroupName: "rg",
      location: "westeurope",
    });
    const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-watched-01", resourceGroupName: "rg", location: "westeurope" });
    const tickets = new LogicAppDestination(stack, "Tickets", { workflowName: "logic-watched", resourceGroupName: "rg", location: "westeurope" });
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [hub, tickets],
      health: { emailReceivers: ["soc@contoso.example"], metricsWorkspaceId: workspace.workspace.id },
    });
    const graph = flowGraphOfStacks([{ name: "test", json: JSON.parse(Testing.synth(stack)) }]);
    const health = Object.fromEntries(graph.destinations.map((d) => [d.name, d.health]));
    expect(health).toEqual({ "evhns-watched-01/defender-export": true, "law-metrics": false, "logic-watched": true });
  });
});
