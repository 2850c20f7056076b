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
} from "../../lib";
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

describe("ContinuousExportFleet", () => {
  test("one automation per subscription through one azapi provider, all to the shared workspace", () => {
    const { stack } = fleetStack(subs(3));
    const json = synthJson(stack);
    const automations = Object.values(resourcesOf(json, "azapi_resource")) as any[];
    expect(automations.map((a) => a.parent_id)).toEqual(subs(3).map((s) => `/subscriptions/${s}/resourceGroups/rg-sec`));
    expect(new Set(automations.map((a) => a.body.properties.actions[0].workspaceResourceId))).toEqual(new Set([WORKSPACE_ID]));
    expect(json.provider).toEqual({ azapi: [{}] });
  });

  test("adding a subscription keeps every other Terraform address", () => {
    const before = Object.keys(resourcesOf(synthJson(fleetStack(subs(5)).stack), "azapi_resource"));
    const after = Object.keys(
      resourcesOf(synthJson(fleetStack([...subs(2), "20000000-0000-0000-0000-000000000001", ...subs(3, 3)]).stack), "azapi_resource"),
    );
    expect(after).toHaveLength(6);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  test("with createResourceGroup, the resource groups go through azapi too: still one provider", () => {
    const json = synthJson(fleetStack(subs(2), { createResourceGroup: true }).stack);
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
      /^fleet\/Fleet {2}\(fleet of 4 subscriptions, each with the automations below\)\n {2}exports {2}Security alerts/,
    );
    expect(ExportReport.format(stack).split("\n")).toHaveLength(5);
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
      const { stack } = fleetStack(subs(n));
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
