import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { SecurityCenterAutomation } from "@cdktf/provider-azurerm/lib/security-center-automation";
import { Testing, TerraformStack } from "cdktf";
import {
  AlertSeverity,
  AutomationWriter,
  ContinuousExport,
  ContinuousExportProps,
  EventHubDestination,
  Export,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Recommendation,
  Severity,
  ExportReport,
} from "../lib";
import { OTHER_SUB, SUB, WORKSPACE_ID, compactSources, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson } from "./helpers";

const AUTOMATION = "azurerm_security_center_automation";

function exportTo(
  stack: TerraformStack,
  destinations: (s: TerraformStack) => IExportDestination[],
  extra: Partial<ContinuousExportProps> = {},
  id = "Export",
) {
  return new ContinuousExport(stack, id, {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location: "westeurope",
    exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })],
    destinations: destinations(stack),
    ...extra,
  });
}
const workspace = (s: TerraformStack) => [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)];
const hub = (s: TerraformStack) =>
  new EventHubDestination(s, "Hub", { namespaceName: "evhns-test-01", resourceGroupName: "rg-hub", location: "westeurope" });

describe("ContinuousExport", () => {
  test("writes one portal-visible automation for a workspace, scoped to the subscription", () => {
    const { stack } = stackWithProvider();
    exportTo(stack, workspace);
    const json = synthJson(stack);
    const automation = onlyResource(json, AUTOMATION);
    expect(automation).toMatchObject({
      name: "ExportToWorkspace",
      location: "westeurope",
      resource_group_name: "rg-export",
      scopes: [`/subscriptions/${SUB}`],
      enabled: true,
      action: [{ type: "Workspace", resource_id: WORKSPACE_ID }],
    });
    expect(compactSources(automation)).toEqual([{ source: "Alerts", sets: [["Severity Equals high"]] }]);
    expect(automation.source[0].rule_set[0].rule[0].property_type).toBe("String");
  });

  test("writes one automation per destination kind, each with all sources and one action per destination", () => {
    const { stack } = stackWithProvider();
    const second = LogAnalyticsDestination.fromWorkspaceId(stack, "Second", WORKSPACE_ID.replace("law-soc", "law-two"));
    exportTo(stack, (s) => [...workspace(s), hub(s), second]);
    const byName = Object.fromEntries(Object.values(resourcesOf(synthJson(stack), AUTOMATION)).map((a: any) => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual(["ExportToEventHub", "ExportToWorkspace"]);
    const automations = [byName.ExportToWorkspace, byName.ExportToEventHub];
    // in the order of the destinations' construct paths (test/Second, test/Soc), not of the list
    expect(automations[0].action.map((a: any) => a.resource_id)).toEqual([WORKSPACE_ID.replace("law-soc", "law-two"), WORKSPACE_ID]);
    expect(automations[1].action).toEqual([
      {
        type: "EventHub",
        resource_id: "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}",
        connection_string: "${azurerm_eventhub_authorization_rule.Hub_SendRule_09EBDABB.primary_connection_string}",
      },
    ]);
    expect(automations[0].source).toEqual(automations[1].source);
  });

  test("construct ids of automations are their destination kinds, so adding a kind leaves the others in place", () => {
    const before = stackWithProvider().stack;
    exportTo(before, workspace);
    const after = stackWithProvider().stack;
    exportTo(after, (s) => [...workspace(s), hub(s)]);
    const addressesBefore = Object.keys(resourcesOf(synthJson(before), AUTOMATION));
    const addressesAfter = Object.keys(resourcesOf(synthJson(after), AUTOMATION));
    expect(addressesBefore).toEqual(["Export_Workspace_051928DA"]);
    expect(addressesAfter).toEqual(expect.arrayContaining(addressesBefore));
    expect(resourcesOf(synthJson(after), AUTOMATION)[addressesBefore[0]].name).toBe("ExportToWorkspace");
  });

  test("Logic App automations are named after the construct unless named", () => {
    const { stack } = stackWithProvider();
    const app = new LogicAppDestination(stack, "Ticket", { workflowName: "la-ticket", resourceGroupName: "rg", location: "westeurope" });
    exportTo(stack, () => [app], {}, "High Alerts");
    const automation = onlyResource(synthJson(stack), AUTOMATION);
    expect(automation.name).toBe("High-Alerts");
    expect(automation.action[0]).toMatchObject({ type: "LogicApp", trigger_url: expect.stringMatching(/callback_url/) });
  });

  test("names, scopes, description, tags, enabled", () => {
    const { stack } = stackWithProvider();
    exportTo(stack, workspace, {
      names: { workspace: "soc-export" },
      scopeResourceGroups: ["rg-app1", "rg-app2"],
      description: "SOC feed",
      tags: { owner: "soc" },
      enabled: false,
    });
    expect(onlyResource(synthJson(stack), AUTOMATION)).toMatchObject({
      name: "soc-export",
      scopes: [`/subscriptions/${SUB}/resourceGroups/rg-app1`, `/subscriptions/${SUB}/resourceGroups/rg-app2`],
      description: "SOC feed",
      tags: { owner: "soc" },
      enabled: false,
    });
  });

  test("creates the resource group on request and writes the automation into it", () => {
    const { stack } = stackWithProvider();
    exportTo(stack, workspace, { createResourceGroup: true, tags: { a: "b" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_resource_group")).toMatchObject({ name: "rg-export", location: "westeurope", tags: { a: "b" } });
    expect(onlyResource(json, AUTOMATION).resource_group_name).toBe("${azurerm_resource_group.Export_ResourceGroup_84FF5E15.name}");
  });

  test("a new workspace: the automation waits for its SecurityCenterFree solution", () => {
    const { stack } = stackWithProvider();
    const ws = new LogAnalyticsDestination(stack, "Ws", { workspaceName: "law-test", resourceGroupName: "rg", location: "westeurope" });
    exportTo(stack, () => [ws]);
    expect(onlyResource(synthJson(stack), AUTOMATION).depends_on).toEqual(["azurerm_log_analytics_solution.Ws_SecurityCenterFree_0FCD031B"]);
  });

  test("a destination shared by two exports is created once", () => {
    const { stack } = stackWithProvider();
    const shared = hub(stack);
    exportTo(stack, () => [shared], {}, "Alerts");
    exportTo(stack, () => [shared], { exports: [Export.secureScore()], names: { eventHub: "score-to-hub" } }, "Score");
    const json = synthJson(stack);
    expect(Object.keys(resourcesOf(json, "azurerm_eventhub"))).toHaveLength(1);
    expect(Object.keys(resourcesOf(json, "azurerm_eventhub_authorization_rule"))).toHaveLength(1);
    const automations = Object.values(resourcesOf(json, AUTOMATION)) as any[];
    expect(automations.map((a) => a.action[0].resource_id)).toEqual([
      "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}",
      "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}",
    ]);
  });

  test("the findings' parents travel in the same automation, to the same destinations", () => {
    const { stack } = stackWithProvider();
    exportTo(stack, (s) => [...workspace(s), hub(s)], {
      exports: [Export.findings({ recommendations: [Recommendation.SQL_DATABASES_VULNERABILITIES], severities: [Severity.HIGH] })],
    });
    for (const automation of Object.values(resourcesOf(synthJson(stack), AUTOMATION))) {
      expect(compactSources(automation).map((s) => s.source)).toEqual(["Assessments", "SubAssessments"]);
    }
  });

  test("the summary says what goes where and carries no secret", () => {
    const { stack } = stackWithProvider();
    const e = exportTo(stack, (s) => [...workspace(s), hub(s)], { exports: [Export.findings({ recommendations: [Recommendation.SYSTEM_UPDATES] })] });
    expect(e.summary).toEqual({
      path: "test/Export",
      subscriptionId: SUB,
      exports: [
        "Security findings (streaming) where recommendation is System updates should be installed on your machines",
        "Security recommendations (parents of the findings: System updates should be installed on your machines)",
      ],
      automations: [
        {
          name: "ExportToWorkspace",
          kind: "Log Analytics workspace",
          writtenAs: "azurerm_security_center_automation (API 2019-01-01-preview)",
          destinations: ["Log Analytics workspace law-soc (existing, in rg-soc)"],
          sources: ["Assessments (1 rule set)", "SubAssessments (1 rule set)"],
        },
        {
          name: "ExportToEventHub",
          kind: "Event Hub",
          writtenAs: "azurerm_security_center_automation (API 2019-01-01-preview)",
          destinations: ["Event Hub evhns-test-01/defender-export (new, Standard, in rg-hub)"],
          sources: ["Assessments (1 rule set)", "SubAssessments (1 rule set)"],
        },
      ],
    });
    const report = ExportReport.format(stack);
    expect(report).toContain("ExportToEventHub  → Event Hub evhns-test-01/defender-export");
    expect(report).not.toMatch(/connection|\$\{|TfToken/i);
  });

  test("writes through the given provider", () => {
    const { stack } = stackWithProvider();
    const other = new AzurermProvider(stack, "other", { features: [{}], alias: "other", subscriptionId: OTHER_SUB });
    exportTo(stack, workspace, { subscriptionId: OTHER_SUB, provider: other });
    expect(onlyResource(synthJson(stack), AUTOMATION).provider).toBe("azurerm.other");
  });
});

describe("ContinuousExport errors", () => {
  test("no provider in the stack: the error shows the provider line to add", () => {
    const stack = new TerraformStack(Testing.app(), "bare");
    exportTo(stack, workspace);
    const message = errorOf(() => Testing.synth(stack, true));
    expect(message).toMatch(/DFE033\] bare\/Export: no azurerm provider/);
    expect(message).toContain(`new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: "${SUB}" })`);
  });

  test("a provider for another subscription is refused", () => {
    const { stack } = stackWithProvider(OTHER_SUB);
    exportTo(stack, workspace);
    expect(errorOf(() => Testing.synth(stack, true))).toContain(
      `[DFE034] test/Export: the provider test/azurerm writes to subscription ${OTHER_SUB}, but this export is for subscription ${SUB}`,
    );
  });

  test("two portal-visible exports of one kind in one subscription are refused, with the fix", () => {
    const { stack } = stackWithProvider();
    exportTo(stack, workspace, {}, "First");
    const message = errorOf(() =>
      exportTo(stack, (s) => [LogAnalyticsDestination.fromWorkspaceId(s, "Other", WORKSPACE_ID)], { resourceGroupName: "rg-other" }, "Second"),
    );
    expect(message).toMatch(/DFE032\] test\/Second: the automation name "ExportToWorkspace" is already used by test\/First/);
    expect(message).toMatch(/one ContinuousExport|`names`/);
  });

  test("two automations with one name in one resource group are refused", () => {
    const { stack } = stackWithProvider();
    exportTo(stack, workspace, { names: { workspace: "x" } }, "First");
    expect(
      errorOf(() =>
        exportTo(stack, (s) => [LogAnalyticsDestination.fromWorkspaceId(s, "Other", WORKSPACE_ID)], { names: { workspace: "X" } }, "Second"),
      ),
    ).toMatch(/DFE032.*same resource group/);
  });

  test.each<[string, Partial<ContinuousExportProps>, RegExp]>([
    ["empty exports", { exports: [] }, /DFE010\] test\/Export: no data selected/],
    ["no destination", { destinations: [] }, /DFE036\] test\/Export: no destination/],
    [
      "attack paths forced onto the azurerm writer",
      { exports: [Export.attackPaths()], writer: AutomationWriter.AZURERM },
      /DFE037\] test\/Export: .*cannot express Attack paths \(data type\)/,
    ],
    ["a subscription that is not a GUID", { subscriptionId: "my-sub" }, /DFE035.*not a subscription id/],
    ["a resource group scope that is an id", { scopeResourceGroups: ["/subscriptions/x/resourceGroups/y"] }, /DFE038/],
    ["an empty scope list", { scopeResourceGroups: [] }, /DFE038.*empty/],
    ["an invalid automation name", { names: { workspace: "export to workspace" } }, /DFE031.*not a valid automation name/],
  ])("%s", (_name, props, message) => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => exportTo(stack, workspace, props))).toMatch(message);
  });

  test("a destination listed twice, or something that is not a destination, is refused", () => {
    const { stack } = stackWithProvider();
    const ws = workspace(stack)[0];
    expect(errorOf(() => exportTo(stack, () => [ws, ws]))).toMatch(/DFE039.*test\/Soc is listed twice/);
    const other = stackWithProvider().stack;
    expect(errorOf(() => exportTo(other, () => [{ kind: "Workspace" } as unknown as IExportDestination]))).toMatch(
      /DFE224\] test\/Export: `destinations` takes an export destination made by this library/,
    );
  });

  test("the construct is the L1 resource underneath, for escape hatches", () => {
    const { stack } = stackWithProvider();
    const e = exportTo(stack, workspace);
    expect(e.automations.Workspace).toBeInstanceOf(SecurityCenterAutomation);
  });
});

describe("provider lookups", () => {
  test("a provider declared after a first lookup in the same run is still found", () => {
    const stack = new TerraformStack(Testing.app(), "late");
    const e = exportTo(stack, workspace);
    expect(e.summary.automations).toHaveLength(1); // looks providers up before any exists
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
