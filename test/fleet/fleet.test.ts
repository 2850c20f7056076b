import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Node } from "constructs";
import {
  AlertSeverity,
  AutomationWriter,
  AzapiProvider,
  ContinuousExportFleet,
  ContinuousExportFleetProps,
  Export,
  LogAnalyticsDestination,
  ExportReport,
  FleetLayout,
  ContinuousExportChecks,
  AzapiResource,
  ExistingAutomation,
} from "../../lib";
import { instancesOf } from "../../lib/writers/instances";
import { WORKSPACE_ID, errorOf, resourcesOf, synthJson } from "../helpers";

const subs = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `10000000-0000-0000-0000-${String(i + from).padStart(12, "0")}`);

function fleetStack(subscriptionIds: string[], extra: Partial<ContinuousExportFleetProps> = {}, app: App = Testing.app()) {
  const stack = new TerraformStack(app, "fleet");
  new AzapiProvider(stack, "azapi", {});
  const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID);
  const fleet = new ContinuousExportFleet(stack, "Fleet", {
    subscriptions: subscriptionIds.map((subscriptionId) => ({ subscriptionId })),
    exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM })],
    destinations: [ws],
    resourceGroupName: "rg-sec",
    location: "westeurope",
    ...extra,
  });
  return { stack, fleet };
}

/** Every instance of the stack's azapi resources, for_each expanded as Terraform would: address → arguments. */
function instances(json: any): Map<string, any> {
  return new Map(
    Object.entries(resourcesOf(json, "azapi_resource")).flatMap(([name, body]) =>
      instancesOf(`azapi_resource.${name}`, body as any, json.locals).map((i): [string, any] => [i.address, i.json]),
    ),
  );
}

const PER_SUBSCRIPTION = { layout: FleetLayout.PER_SUBSCRIPTION };
const FOR_EACH = {};

describe("ContinuousExportFleet, FOR_EACH layout (the default with the azapi writer)", () => {
  test("one for_each resource keyed by subscription id: the request once, each subscription an instance", () => {
    const json = synthJson(fleetStack(subs(3), FOR_EACH).stack);
    const resources = Object.values(resourcesOf(json, "azapi_resource")) as any[];
    expect(resources).toHaveLength(1);
    expect(resources[0].for_each).toMatch(/^\$\{local\.Fleet_ResourceGroupBySubscription_[0-9A-F]{8}\}$/);
    expect(resources[0].parent_id).toBe("/subscriptions/${each.key}/resourceGroups/${each.value}");
    expect(Object.values(json.locals)).toEqual([Object.fromEntries(subs(3).map((s) => [s, "rg-sec"]))]);
    const expanded = instances(json);
    expect([...expanded.keys()].map((a) => a.replace(/^.*\[/, "["))).toEqual(subs(3).map((s) => `["${s}"]`));
    expect([...expanded.values()].map((a) => [a.parent_id, a.body.properties.scopes[0].scopePath])).toEqual(
      subs(3).map((s) => [`/subscriptions/${s}/resourceGroups/rg-sec`, `/subscriptions/${s}`]),
    );
    expect(json.moved).toBeUndefined();
    expect(json.provider).toEqual({ azapi: [{}] });
  });

  test("adding a subscription adds one key; the resource's address stays", () => {
    const before = synthJson(fleetStack(subs(5), FOR_EACH).stack);
    const after = synthJson(fleetStack([...subs(2), "20000000-0000-0000-0000-000000000001", ...subs(3, 3)], FOR_EACH).stack);
    expect(Object.keys(resourcesOf(after, "azapi_resource"))).toEqual(Object.keys(resourcesOf(before, "azapi_resource")));
    expect([...instances(after).keys()]).toEqual(expect.arrayContaining([...instances(before).keys()]));
    expect(instances(after).size).toBe(6);
  });

  test("a subscription's own resource group is its each.value; nothing else varies", () => {
    const stackAndFleet = fleetStack(subs(2), FOR_EACH);
    const json = synthJson(
      fleetStack(
        [],
        { ...FOR_EACH, subscriptions: [{ subscriptionId: subs(1)[0] }, { subscriptionId: subs(2)[1], resourceGroupName: "rg-own" }] },
        Testing.app(),
      ).stack,
    );
    expect([...instances(json).values()].map((a) => a.parent_id)).toEqual([
      `/subscriptions/${subs(1)[0]}/resourceGroups/rg-sec`,
      `/subscriptions/${subs(2)[1]}/resourceGroups/rg-own`,
    ]);
    expect(stackAndFleet.fleet.forEachExport).toBeDefined();
    expect(stackAndFleet.fleet.exports).toEqual({});
  });

  test("what one azapi provider cannot vary per subscription is refused, with the fix", () => {
    const one = (extra: object) => () => fleetStack([], { subscriptions: [{ subscriptionId: subs(1)[0], ...extra }] });
    expect(errorOf(one({ tenantId: "30000000-0000-0000-0000-000000000001" }))).toMatch(/DFE097.*one tenant.*fleet per tenant/);
    // The id is a key of the for_each map: nothing but a GUID reaches it.
    expect(errorOf(() => fleetStack(["${var.x}"]))).toMatch(/DFE035.*"\$\{var.x\}" is not a subscription id/);
    expect(errorOf(one({ resourceGroupName: "bad/name" }))).toMatch(/DFE120/);
    const stack = new TerraformStack(Testing.app(), "s");
    const provider = new AzurermProvider(stack, "azurerm", { features: [{}] });
    expect(errorOf(one({ provider }))).toMatch(/DFE097.*azapiProvider/);
    expect(errorOf(() => fleetStack(subs(1), { writer: AutomationWriter.AZURERM, layout: FleetLayout.FOR_EACH }))).toMatch(/DFE096.*azapi/);
    expect(errorOf(() => fleetStack(subs(1), { layout: "for_each" as any }))).toMatch(/DFE096.*got "for_each"/);
  });

  test("adopted automations are imported into their instance; one with another name than the fleet's is refused", () => {
    const [a, b] = subs(2);
    const adoptNamed = (name: string) => ({
      workspace: ExistingAutomation.fromId(`/subscriptions/${b}/resourceGroups/rg-own/providers/Microsoft.Security/automations/${name}`, {
        location: "westeurope",
      }),
    });
    const json = synthJson(
      fleetStack([], {
        ...FOR_EACH,
        subscriptions: [{ subscriptionId: a }, { subscriptionId: b, resourceGroupName: "rg-own", adopt: adoptNamed("ExportToWorkspace") }],
      }).stack,
    );
    const [address] = Object.keys(resourcesOf(json, "azapi_resource"));
    expect(json.import).toEqual([
      {
        to: `azapi_resource.${address}["${b}"]`,
        id: `/subscriptions/${b}/resourceGroups/rg-own/providers/Microsoft.Security/automations/ExportToWorkspace?api-version=2023-12-01-preview`,
      },
    ]);
    expect(json.terraform.required_version).toBe(">= 1.5");
    expect(
      errorOf(() =>
        fleetStack([], { ...FOR_EACH, subscriptions: [{ subscriptionId: b, resourceGroupName: "rg-own", adopt: adoptNamed("Legacy") }] }),
      ),
    ).toMatch(/DFE098.*"Legacy".*names: \{ workspace: "Legacy" \}/);
    expect(errorOf(() => fleetStack([], { ...FOR_EACH, subscriptions: [{ subscriptionId: b, adopt: adoptNamed("ExportToWorkspace") }] }))).toMatch(
      /DFE112.*resource group "rg-own"/,
    );
  });

  test("each instance claims its automation name: a second export of one fleet subscription is refused", () => {
    const { stack } = fleetStack(subs(2), FOR_EACH);
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Other", WORKSPACE_ID.replace("law-soc", "law-other"));
    const second = { exports: [Export.secureScore()], destinations: [ws], resourceGroupName: "rg-other", location: "westeurope", ...FOR_EACH };
    expect(errorOf(() => new ContinuousExportFleet(stack, "Second", { ...second, subscriptions: [{ subscriptionId: subs(2)[1] }] }))).toMatch(
      new RegExp(
        `DFE032.*fleet/Second/Subscriptions.*"ExportToWorkspace" is already used by fleet/Fleet/Subscriptions in subscription ${subs(2)[1]}`,
      ),
    );
  });

  test("the check pack reads every instance: a hand-written portal export beside one subscription's is named", () => {
    const { stack } = fleetStack(subs(2), FOR_EACH);
    new AzapiResource(stack, "HandWritten", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "ExportToWorkspace",
      parentId: `/subscriptions/${subs(2)[1]}/resourceGroups/rg-other`,
      location: "westeurope",
      body: {
        properties: {
          isEnabled: true,
          scopes: [{ scopePath: `/subscriptions/${subs(2)[1]}` }],
          sources: [{ eventSource: "SecureScores" }],
          actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }],
        },
      },
    });
    ContinuousExportChecks.addTo(stack);
    Testing.synth(stack);
    const warnings = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => `${c.node.path}: ${m.data}`));
    expect(warnings.filter((w) => w.includes("DFC006"))).toEqual([
      expect.stringMatching(/^fleet\/Fleet\/Subscriptions\/Workspace: \[DFC006\]/),
      expect.stringMatching(/^fleet\/HandWritten: \[DFC006\]/),
    ]);
  });
});

describe("ContinuousExportFleet, PER_SUBSCRIPTION layout", () => {
  test("one automation per subscription through one azapi provider, all to the shared workspace", () => {
    const { stack } = fleetStack(subs(3), PER_SUBSCRIPTION);
    const json = synthJson(stack);
    const automations = Object.values(resourcesOf(json, "azapi_resource")) as any[];
    expect(automations.map((a) => a.parent_id)).toEqual(subs(3).map((s) => `/subscriptions/${s}/resourceGroups/rg-sec`));
    expect(new Set(automations.map((a) => a.body.properties.actions[0].workspaceResourceId))).toEqual(new Set([WORKSPACE_ID]));
    expect(json.provider).toEqual({ azapi: [{}] });
  });

  test("adding a subscription keeps every other Terraform address", () => {
    const before = Object.keys(resourcesOf(synthJson(fleetStack(subs(5), PER_SUBSCRIPTION).stack), "azapi_resource"));
    const after = Object.keys(
      resourcesOf(
        synthJson(fleetStack([...subs(2), "20000000-0000-0000-0000-000000000001", ...subs(3, 3)], PER_SUBSCRIPTION).stack),
        "azapi_resource",
      ),
    );
    expect(after).toHaveLength(6);
    expect(after).toEqual(expect.arrayContaining(before));
  });
});

describe("ContinuousExportFleet", () => {
  test("with createResourceGroup, the resource groups go through azapi too: still one provider", () => {
    const json = synthJson(fleetStack(subs(2), { createResourceGroup: true }).stack);
    expect([...instances(json).values()].map((r) => r.type).sort()).toEqual([
      "Microsoft.Resources/resourceGroups@2021-04-01",
      "Microsoft.Resources/resourceGroups@2021-04-01",
      "Microsoft.Security/automations@2023-12-01-preview",
      "Microsoft.Security/automations@2023-12-01-preview",
    ]);
    expect(Object.keys(json.provider)).toEqual(["azapi"]);
  });

  test("a subscription that names the shared group in another letter case keeps its group's for_each key: nothing moves", () => {
    const [a, b] = subs(2);
    const keys = (json: any) => [...instances(json).keys()].map((address) => address.replace(/^.*\[/, "[")).sort();
    const plain = synthJson(fleetStack([a, b], { createResourceGroup: true }).stack);
    const recased = synthJson(
      fleetStack([], { createResourceGroup: true, subscriptions: [{ subscriptionId: a }, { subscriptionId: b, resourceGroupName: "RG-Sec" }] }).stack,
    );
    expect(keys(recased)).toEqual(keys(plain));
    expect(recased.removed).toBeUndefined();
  });

  test("with createResourceGroup, the per-subscription layout writes its groups through azapi too", () => {
    const json = synthJson(fleetStack(subs(2), { ...PER_SUBSCRIPTION, createResourceGroup: true }).stack);
    const types = (Object.values(resourcesOf(json, "azapi_resource")) as any[]).map((r) => r.type).sort();
    expect(types).toEqual([
      "Microsoft.Resources/resourceGroups@2021-04-01",
      "Microsoft.Resources/resourceGroups@2021-04-01",
      "Microsoft.Security/automations@2023-12-01-preview",
      "Microsoft.Security/automations@2023-12-01-preview",
    ]);
    expect(Object.keys(json.provider)).toEqual(["azapi"]);
  });

  test("the azurerm writer takes a provider per subscription", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "fleet");
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID);
    const subscriptions = subs(2).map((subscriptionId, i) => ({
      subscriptionId,
      provider: new AzurermProvider(stack, `p${i}`, { alias: `s${i}`, features: [{}], subscriptionId }),
    }));
    new ContinuousExportFleet(stack, "Fleet", {
      subscriptions,
      exports: [Export.secureScore()],
      destinations: [ws],
      resourceGroupName: "rg",
      location: "westeurope",
      writer: AutomationWriter.AZURERM,
    });
    const automations = Object.values(resourcesOf(synthJson(stack), "azurerm_security_center_automation")) as any[];
    expect(automations.map((a) => [a.provider, a.scopes[0]])).toEqual(subs(2).map((s, i) => [`azurerm.s${i}`, `/subscriptions/${s}`]));
  });

  test("the report shows a fleet once", () => {
    const { stack } = fleetStack(subs(4));
    expect(ExportReport.format(stack)).toMatch(
      /^fleet\/Fleet {2}\(fleet of 4 subscriptions, one for_each resource per automation, each with the automations below\)\n {2}exports {2}Security alerts/,
    );
    expect(ExportReport.format(stack).split("\n")).toHaveLength(5);
    expect(ExportReport.format(fleetStack(subs(2), PER_SUBSCRIPTION).stack)).toMatch(/^fleet\/Fleet {2}\(fleet of 2 subscriptions, each with/);
  });

  test("bad subscription lists are refused", () => {
    expect(errorOf(() => fleetStack([]))).toMatch(/DFE090/);
    expect(errorOf(() => fleetStack([...subs(1), subs(1)[0].toUpperCase()]))).toMatch(/DFE092.*listed twice/);
    const app = Testing.app();
    const stack = new TerraformStack(app, "t");
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID);
    const sub = new TerraformVariable(stack, "sub", { type: "string" });
    expect(
      errorOf(
        () =>
          new ContinuousExportFleet(stack, "F", {
            subscriptions: [{ subscriptionId: sub.stringValue }],
            exports: [Export.secureScore()],
            destinations: [ws],
            resourceGroupName: "rg",
            location: "westeurope",
          }),
      ),
    ).toMatch(/DFE091/);
  });
});

describe("synth cost does not grow quadratically", () => {
  // Not a timing test: it counts whole-tree walks, which made synth quadratic before (one per export).
  test("the construct tree is walked as often for 200 subscriptions as for 20", () => {
    const walks = (n: number) => {
      const { stack } = fleetStack(subs(n), PER_SUBSCRIPTION);
      const spy = jest.spyOn(Node.prototype, "findAll");
      try {
        Testing.synth(stack, true);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(walks(200)).toBe(walks(20));
  });
});

describe("a fleet that stops creating its groups while changing layout and writer", () => {
  function fleetJson(props: Partial<ContinuousExportFleetProps>): any {
    const stack = new TerraformStack(Testing.app(), "fleet");
    new AzapiProvider(stack, "azapi", {});
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID);
    new ContinuousExportFleet(stack, "Fleet", {
      subscriptions: subs(2).map((subscriptionId) => ({ subscriptionId })),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM })],
      destinations: [ws],
      resourceGroupName: "rg-export",
      location: "westeurope",
      ...props,
    });
    return JSON.parse(Testing.synth(stack));
  }

  test("every group the per-subscription azurerm layout created leaves the state without being destroyed", () => {
    const before = fleetJson({ layout: FleetLayout.PER_SUBSCRIPTION, writer: AutomationWriter.AZURERM, createResourceGroup: true });
    const groups = Object.keys(before.resource.azurerm_resource_group ?? {}).map((name) => `azurerm_resource_group.${name}`);
    expect(groups).toHaveLength(2);
    const after = fleetJson({
      layout: FleetLayout.FOR_EACH,
      previousLayout: FleetLayout.PER_SUBSCRIPTION,
      writer: AutomationWriter.AZAPI,
      previousWriter: AutomationWriter.AZURERM,
      createResourceGroup: false,
    });
    const removed = (after.removed ?? []) as Array<{ from: string; lifecycle: { destroy: boolean } }>;
    for (const group of groups) expect(removed).toContainEqual({ from: group, lifecycle: { destroy: false } });
    expect(after.resource.azurerm_resource_group).toBeUndefined();
  });
});
