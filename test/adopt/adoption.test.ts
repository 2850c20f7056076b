import { Testing, TerraformStack } from "cdktf";
import {
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportFleet,
  ContinuousExportProps,
  DestinationKind,
  EventHubDestination,
  ExistingAutomation,
  Export,
  IExportDestination,
  LogAnalyticsDestination,
} from "../../lib";
import { OTHER_SUB, SUB, WORKSPACE_ID, errorOf, onlyResource, stackWithProvider, synthJson } from "../helpers";

const EXISTING = `/subscriptions/${SUB}/resourceGroups/rg-asc-export/providers/Microsoft.Security/automations/exportToWorkspace`;
const existing = (location = "West Europe") => ExistingAutomation.fromId(EXISTING, { location });

function adopt(stack: TerraformStack, extra: Partial<ContinuousExportProps> = {}, destinations?: IExportDestination[]) {
  return new ContinuousExport(stack, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg-asc-export",
    location: "westeurope",
    exports: [Export.recommendations()],
    destinations: destinations ?? [LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID)],
    adopt: { workspace: existing() },
    ...extra,
  });
}

describe("adopting an existing automation", () => {
  test("imports it and keeps its name (as spelled in Azure), group and location: an in-place update", () => {
    const { stack } = stackWithProvider();
    adopt(stack);
    const json = synthJson(stack);
    const [address, automation] = Object.entries(json.resource.azurerm_security_center_automation)[0] as [string, any];
    expect(json.import).toEqual([{ id: EXISTING, to: `azurerm_security_center_automation.${address}` }]);
    expect(automation).toMatchObject({ name: "exportToWorkspace", resource_group_name: "rg-asc-export", location: "westeurope" });
  });

  test("through azapi, the import names the API version and the azapi provider", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", { alias: "a" });
    const azapi = stack.node.findChild("azapi") as AzapiProvider;
    adopt(stack, { writer: AutomationWriter.AZAPI, azapiProvider: azapi });
    const json = synthJson(stack);
    expect(json.import).toEqual([
      { id: `${EXISTING}?api-version=2023-12-01-preview`, to: expect.stringMatching(/^azapi_resource\.Export_Workspace_/), provider: "azapi.a" },
    ]);
  });

  test("with createResourceGroup, the existing group is taken over too", () => {
    const { stack } = stackWithProvider();
    adopt(stack, { createResourceGroup: true });
    expect(synthJson(stack).import.map((i: any) => i.id)).toEqual([`/subscriptions/${SUB}/resourceGroups/rg-asc-export`, EXISTING]);
  });

  test.each<[string, Partial<ContinuousExportProps>, RegExp]>([
    [
      "another name",
      { names: { workspace: "ExportToWorkspace" } },
      /DFE111\] test\/Export: the adopted automation is named "exportToWorkspace", but `names` asks for "ExportToWorkspace": the name forces replacement/,
    ],
    [
      "another resource group",
      { resourceGroupName: "rg-security" },
      /DFE112\] test\/Export: the adopted automation exportToWorkspace has resource group "rg-asc-export", but this export asks for "rg-security": resource group forces replacement/,
    ],
    ["another location", { location: "northeurope" }, /DFE112.*location "West Europe", but this export asks for "northeurope"/],
    ["another subscription", { subscriptionId: OTHER_SUB }, /DFE112.*subscription/],
    ["a kind without destination", { adopt: { eventHub: existing() } }, /DFE113.*no Event Hub destination/],
  ])("a request that would replace it is refused: %s", (_name, extra, message) => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => adopt(stack, extra))).toMatch(message);
  });

  test("bad ids and missing locations are refused", () => {
    expect(errorOf(() => ExistingAutomation.fromId("/subscriptions/x/automations/y", { location: "westeurope" }))).toMatch(
      /DFE110.*az security automation list/,
    );
    expect(errorOf(() => ExistingAutomation.fromId(EXISTING, { location: "" }))).toMatch(/DFE110.*needs its `location`/);
  });

  test("the policy's own names: ExportToWorkspace and exportToEventHub", () => {
    expect(ExistingAutomation.createdByPolicy(SUB, "rg", false, "westeurope").name).toBe("ExportToWorkspace");
    expect(ExistingAutomation.createdByPolicy(SUB, "rg", true, "westeurope").name).toBe("exportToEventHub");
    expect(ExistingAutomation.createdByPolicy(SUB, "rg", DestinationKind.EVENT_HUB, "westeurope").name).toBe("exportToEventHub");
    expect(ExistingAutomation.createdByPolicy(SUB, "rg", DestinationKind.WORKSPACE, "westeurope").id).toBe(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/automations/ExportToWorkspace`,
    );
  });

  test("no policy deploys to a Logic App: createdByPolicy refuses the kind", () => {
    expect(() => ExistingAutomation.createdByPolicy(SUB, "rg", DestinationKind.LOGIC_APP, "westeurope")).toThrow(/DFE240.*Logic App/);
  });
});

describe("a change of writer hands the automation over instead of replacing it", () => {
  const AUTOMATION_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/automations/ExportToWorkspace`;

  test("azurerm to azapi: the old address is forgotten without destroying, the new one imports the same automation", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: [Export.attackPaths()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID)],
      previousWriter: AutomationWriter.AZURERM,
    });
    const json = synthJson(stack);
    const address = Object.keys(json.resource.azapi_resource)[0];
    expect(json.removed).toEqual([{ from: `azurerm_security_center_automation.${address}`, lifecycle: { destroy: false } }]);
    expect(json.import).toEqual([{ id: `${AUTOMATION_ID}?api-version=2023-12-01-preview`, to: `azapi_resource.${address}` }]);
    expect(json.moved).toBeUndefined();
  });

  test("azapi to azurerm works the same way, and several automations each get their block", () => {
    const { stack } = stackWithProvider();
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID);
    const base = {
      subscriptionId: SUB,
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [ws],
      previousWriter: AutomationWriter.AZAPI,
    };
    new ContinuousExport(stack, "A", { ...base, resourceGroupName: "rg" });
    new ContinuousExport(stack, "B", { ...base, resourceGroupName: "rg2", names: { workspace: "b" } });
    const json = synthJson(stack);
    const addresses = Object.keys(json.resource.azurerm_security_center_automation);
    expect(json.removed).toEqual(addresses.map((a) => ({ from: `azapi_resource.${a}`, lifecycle: { destroy: false } })));
    expect(json.import.map((i: any) => i.id)).toEqual([
      AUTOMATION_ID,
      `/subscriptions/${SUB}/resourceGroups/rg2/providers/Microsoft.Security/automations/b`,
    ]);
  });

  test("no blocks when the writer did not change", () => {
    const { stack } = stackWithProvider();
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID)],
      previousWriter: AutomationWriter.AZURERM,
    });
    const json = synthJson(stack);
    expect([json.removed, json.import, json.moved]).toEqual([undefined, undefined, undefined]);
  });

  test("an adopted automation whose writer changes later is handed over: the old address forgotten, one import at the new", () => {
    const { stack } = stackWithProvider();
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID);
    const base = { subscriptionId: SUB, resourceGroupName: "rg-asc-export", location: "westeurope", exports: [Export.alerts()], destinations: [ws] };
    new AzapiProvider(stack, "azapi", {});
    new ContinuousExport(stack, "B", {
      ...base,
      writer: AutomationWriter.AZAPI,
      previousWriter: AutomationWriter.AZURERM,
      adopt: { workspace: existing() },
    });
    const json = synthJson(stack);
    expect(json.removed).toEqual([{ from: "azurerm_security_center_automation.B_Workspace_EE069CCC", lifecycle: { destroy: false } }]);
    expect(json.import).toEqual([expect.objectContaining({ to: "azapi_resource.B_Workspace_EE069CCC" })]);
  });
});

describe("adopting destinations and policy-made fleets", () => {
  test("an existing workspace and its SecurityCenterFree solution are imported", () => {
    const { stack } = stackWithProvider();
    new LogAnalyticsDestination(stack, "Soc", {
      workspaceName: "law-soc",
      resourceGroupName: "rg-soc",
      location: "westeurope",
      adopt: { workspaceId: WORKSPACE_ID, hasSecurityCenterFree: true },
    });
    expect(synthJson(stack).import.map((i: any) => i.id)).toEqual([
      WORKSPACE_ID,
      "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationsManagement/solutions/SecurityCenterFree(law-soc)",
    ]);
    expect(
      errorOf(
        () =>
          new LogAnalyticsDestination(stack, "Other", {
            workspaceName: "law-other",
            resourceGroupName: "rg-soc",
            location: "westeurope",
            adopt: { workspaceId: WORKSPACE_ID, hasSecurityCenterFree: false },
          }),
      ),
    ).toMatch(/DFE116\] test\/Other: the adopted resource's workspace name is "law-soc", but the props say "law-other"/);
  });

  test("an existing namespace, event hub and Send rule are imported; the rule keeps its name", () => {
    const { stack } = stackWithProvider();
    const hubId =
      "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem-01/eventhubs/defender";
    new EventHubDestination(stack, "Hub", {
      namespaceName: "evhns-siem-01",
      eventHubName: "defender",
      resourceGroupName: "rg-siem",
      location: "westeurope",
      adopt: { eventHubId: hubId, sendRuleName: "export-send" },
    });
    const json = synthJson(stack);
    expect(json.import.map((i: any) => i.id)).toEqual([hubId.replace("/eventhubs/defender", ""), hubId, `${hubId}/authorizationRules/export-send`]);
    expect(onlyResource(json, "azurerm_eventhub_authorization_rule").name).toBe("export-send");
    const other = stackWithProvider().stack;
    expect(
      errorOf(
        () =>
          new EventHubDestination(other, "Other", {
            namespaceName: "evhns-siem-01",
            resourceGroupName: "rg-siem",
            location: "westeurope",
            adopt: { eventHubId: hubId },
          }),
      ),
    ).toMatch(/DFE116.*event hub name is "defender", but the props say "defender-export"/);
  });

  test("a fleet takes over the policy-made export of every subscription, with a reminder to remove the policy", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const subs = [SUB, OTHER_SUB];
    const fleet = new ContinuousExportFleet(stack, "Fleet", {
      subscriptions: subs.map((subscriptionId) => ({ subscriptionId })),
      exports: [Export.recommendations()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID)],
      resourceGroupName: "rg-asc-export",
      location: "westeurope",
      adoptPolicyExports: {},
    });
    const json = synthJson(stack);
    expect(json.import.map((i: any) => i.id)).toEqual(
      subs.map(
        (s) =>
          `/subscriptions/${s}/resourceGroups/rg-asc-export/providers/Microsoft.Security/automations/ExportToWorkspace?api-version=2023-12-01-preview`,
      ),
    );
    expect(fleet.node.metadata.map((m) => String(m.data))).toEqual([expect.stringMatching(/^\[DFW004\] .*remove the policy assignment first/)]);
    expect(Testing.synth(stack)).toContain('"name": "ExportToWorkspace"');
  });
});
