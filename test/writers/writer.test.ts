import { Testing, TerraformStack } from "cdktf";
import {
  AlertSeverity,
  AttackPathRiskLevel,
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportProps,
  EventHubDestination,
  Export,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Recommendation,
  SecurityResourceProvider,
  Severity,
} from "../../lib";
import { AZAPI_WRITER } from "../../lib/writers/azapi-writer";
import { AZURERM_WRITER } from "../../lib/writers/azurerm-writer";
import { Writer } from "../../lib/writers/writer";
import { SUB, WORKSPACE_ID, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson } from "../helpers";

const SRP_OBJECT_ID = "22222222-2222-2222-2222-222222222222";
const AZURERM = "azurerm_security_center_automation";
const AZAPI = "azapi_resource";

function stack(): TerraformStack {
  const { stack: s } = stackWithProvider();
  new AzapiProvider(s, "azapi", {});
  return s;
}
function exportTo(s: TerraformStack, destinations: IExportDestination[], extra: Partial<ContinuousExportProps> = {}) {
  return new ContinuousExport(s, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location: "westeurope",
    exports: [
      Export.alerts({ severities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM] }),
      Export.findings({ recommendations: [Recommendation.MACHINES_VULNERABILITIES], severities: [Severity.HIGH] }),
    ],
    destinations,
    ...extra,
  });
}
const trustedHub = (s: TerraformStack) =>
  new EventHubDestination(s, "Hub", {
    namespaceName: "evhns-locked-01",
    resourceGroupName: "rg-hub",
    location: "westeurope",
    trustedService: { principal: SecurityResourceProvider.byObjectId(SRP_OBJECT_ID) },
  });

/** The same export, read back by the writer that wrote it, into one plain shape. */
function normalized(writer: Writer) {
  return ([id, json]: [string, any]) => {
    const view = writer.read(`${writer.automationType}.${id}`, json)!;
    return {
      name: view.name,
      location: view.location,
      enabled: view.enabled,
      description: view.description,
      scopes: view.scopes,
      sources: view.sources.map((s) => ({
        eventSource: s.eventSource,
        ruleSets: s.ruleSets.map((set) => set.map((r) => [r.propertyJPath, r.propertyType, r.expectedValue, r.operator])),
      })),
      actions: view.actions.map((x) => ({ type: x.actionType, id: x.resourceId, secret: x.secret })),
    };
  };
}

describe("one model, two writers", () => {
  test("AUTO writes azurerm when the 2019 API can express the export", () => {
    const s = stack();
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)]);
    const json = synthJson(s);
    expect(Object.keys(resourcesOf(json, AZURERM))).toHaveLength(1);
    expect(resourcesOf(json, AZAPI)).toEqual({});
  });

  test("the azurerm and the azapi writer describe the same export", () => {
    const build = (writer: AutomationWriter) => {
      const s = stack();
      const hub = new EventHubDestination(s, "Hub", { namespaceName: "evhns-test-01", resourceGroupName: "rg-hub", location: "westeurope" });
      const app = new LogicAppDestination(s, "Ticket", { workflowName: "la-ticket", resourceGroupName: "rg", location: "westeurope" });
      exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID), hub, app], {
        writer,
        scopeResourceGroups: ["rg-a"],
        tags: { team: "soc" },
      });
      return synthJson(s);
    };
    const viaAzurerm = Object.entries(resourcesOf(build(AutomationWriter.AZURERM), AZURERM)).map(normalized(AZURERM_WRITER));
    const viaAzapiJson = build(AutomationWriter.AZAPI);
    const viaAzapi = Object.entries(resourcesOf(viaAzapiJson, AZAPI)).map(normalized(AZAPI_WRITER));
    expect(viaAzapi).toHaveLength(3);
    expect(viaAzapi).toEqual(viaAzurerm);
    expect(Object.values(resourcesOf(viaAzapiJson, AZAPI)).map((a: any) => a.tags)).toEqual([{ team: "soc" }, { team: "soc" }, { team: "soc" }]);
  });

  test("the azapi body has the REST API's shape", () => {
    const s = stack();
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)], {
      exports: [Export.alerts({ severities: [AlertSeverity.HIGH] }), Export.secureScore()],
      writer: AutomationWriter.AZAPI,
    });
    const automation = onlyResource(synthJson(s), AZAPI);
    expect(automation).toEqual({
      type: "Microsoft.Security/automations@2023-12-01-preview",
      name: "ExportToWorkspace",
      parent_id: `/subscriptions/${SUB}/resourceGroups/rg-export`,
      location: "westeurope",
      body: {
        properties: {
          description: "Defender for Cloud continuous export, managed by cdktf-defender-export",
          isEnabled: true,
          scopes: [{ description: `scope for /subscriptions/${SUB}`, scopePath: `/subscriptions/${SUB}` }],
          sources: [
            {
              eventSource: "Alerts",
              ruleSets: [{ rules: [{ propertyJPath: "Severity", propertyType: "String", expectedValue: "high", operator: "Equals" }] }],
            },
            { eventSource: "SecureScores" },
          ],
          actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }],
        },
      },
    });
  });

  test("AUTO writes attack paths through azapi, with the risk filter", () => {
    const s = stack();
    const e = exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)], {
      exports: [Export.attackPaths({ minimumRiskLevel: AttackPathRiskLevel.HIGH, snapshot: true })],
    });
    const automation = onlyResource(synthJson(s), AZAPI);
    expect(automation.body.properties.sources.map((x: any) => [x.eventSource, x.ruleSets.map((r: any) => r.rules[0].expectedValue)])).toEqual([
      ["AttackPaths", ["High", "Critical"]],
      ["AttackPathsSnapshot", ["High", "Critical"]],
    ]);
    expect(e.summary.automations[0].writtenAs).toBe("azapi_resource Microsoft.Security/automations@2023-12-01-preview");
  });

  test("AUTO writes only the automation that needs it through azapi: a trusted hub's, not the workspace's", () => {
    const s = stack();
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID), trustedHub(s)]);
    const json = synthJson(s);
    expect(onlyResource(json, AZURERM).name).toBe("ExportToWorkspace");
    const hub = onlyResource(json, AZAPI);
    expect(hub.name).toBe("ExportToEventHub");
    expect(hub.body.properties.actions).toEqual([
      { actionType: "EventHub", eventHubResourceId: "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}", isTrustedServiceEnabled: true },
    ]);
    expect(hub.depends_on).toEqual(["azurerm_role_assignment.Hub_TrustedSender_68B3E412"]);
  });

  test("forcing azurerm onto what it cannot express lists every part and the fix", () => {
    const s = stack();
    const message = errorOf(() => exportTo(s, [trustedHub(s)], { exports: [Export.attackPaths()], writer: AutomationWriter.AZURERM }));
    expect(message).toMatch(
      /DFE037\] test\/Export: azurerm_security_center_automation \(API 2019-01-01-preview\) cannot express Attack paths \(data type\), export as a trusted service \(event hub of this stack\)/,
    );
    expect(message).toMatch(/AutomationWriter.AUTO or AutomationWriter.AZAPI/);
    expect(errorOf(() => exportTo(stack(), [], { writer: "azapi" as unknown as AutomationWriter }))).toMatch(/DFE036|DFE037/);
  });

  test("a writer that is not one of the constants is refused", () => {
    const s = stack();
    expect(
      errorOf(() =>
        exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)], { writer: "azapi" as unknown as AutomationWriter }),
      ),
    ).toMatch(/DFE037.*must be AutomationWriter/);
  });

  test("a stack without an azapi provider gets the line to add", () => {
    const { stack: s } = stackWithProvider();
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)], { writer: AutomationWriter.AZAPI });
    const message = errorOf(() => Testing.synth(s, true));
    expect(message).toMatch(/\[DFE050\] test\/Export: this export writes automations through azapi/);
    expect(message).toContain(`new AzapiProvider(this, "azapi", {}) with AzapiProvider imported from "cdktf-defender-export"`);
  });

  test("with every automation written through azapi, the created resource group is too; the automation waits for it", () => {
    const s = new TerraformStack(Testing.app(), "only-azapi");
    new AzapiProvider(s, "azapi", {});
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)], {
      writer: AutomationWriter.AZAPI,
      createResourceGroup: true,
      tags: { a: "b" },
    });
    const resources = Object.entries(resourcesOf(synthJson(s), AZAPI)) as Array<[string, any]>;
    const [rgId, rg] = resources.find(([, r]) => r.type.startsWith("Microsoft.Resources/resourceGroups"))!;
    expect(rg).toEqual({
      type: "Microsoft.Resources/resourceGroups@2021-04-01",
      name: "rg-export",
      parent_id: `/subscriptions/${SUB}`,
      location: "westeurope",
      body: {},
      tags: { a: "b" },
    });
    const automation = resources.find(([, r]) => r.type.startsWith("Microsoft.Security"))![1];
    expect(automation.depends_on).toEqual([`azapi_resource.${rgId}`]);
    expect(automation.parent_id).toBe(`/subscriptions/${SUB}/resourceGroups/rg-export`);
  });

  test("the azapi writer needs no azurerm provider for the automation; the given azapi provider is used", () => {
    const s = new TerraformStack(Testing.app(), "only-azapi");
    const azapi = new AzapiProvider(s, "tenantA", { alias: "a", tenantId: "33333333-3333-3333-3333-333333333333" });
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)], { writer: AutomationWriter.AZAPI, azapiProvider: azapi });
    const json = synthJson(s);
    expect(onlyResource(json, AZAPI).provider).toBe("azapi.a");
    expect(json.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.9" });
    expect(json.provider.azapi).toEqual([{ alias: "a", tenant_id: "33333333-3333-3333-3333-333333333333" }]);
  });
});
