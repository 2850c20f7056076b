import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import {
  AlertSeverity,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportPolicy,
  EventHubDestination,
  Export,
  LogAnalyticsDestination,
  LogicAppDestination,
  PolicyScope,
} from "../../lib";
import { DataType } from "../../lib/model/data-type";
import { addExampleStacks } from "../../examples/stacks";
import { asRendered, kqlDiagnostics, nonLiteralAgo } from "./kusto-oracle";

/**
 * Every KQL query the library writes, judged by Microsoft's Kusto language service against the documented
 * schemas: the examples' queries and health's variants (each export table alone, every silence, listed and
 * unlisted subscriptions, Event Hubs and Logic Apps created or existing).
 */
const SUB = "00000000-0000-0000-0000-0000000000f1";
const WS = `/subscriptions/${SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`;

const BY_TYPE = new Map<DataType, () => Export>([
  [DataType.ALERTS, () => Export.alerts()],
  [DataType.RECOMMENDATIONS, () => Export.recommendations()],
  [DataType.FINDINGS, () => Export.findings()],
  [DataType.SECURE_SCORE, () => Export.secureScore()],
  [DataType.SECURE_SCORE_CONTROLS, () => Export.secureScoreControls()],
  [DataType.REGULATORY_COMPLIANCE, () => Export.regulatoryCompliance()],
  [DataType.ATTACK_PATHS, () => Export.attackPaths()],
]);

function queriesOf(stack: TerraformStack): string[] {
  const json = JSON.parse(Testing.synth(stack));
  return Object.values(json.resource?.azurerm_monitor_scheduled_query_rules_alert_v2 ?? {}).flatMap((r: any) => r.criteria.map((c: any) => c.query));
}

function variants(): { name: string; stack: TerraformStack }[] {
  const out: { name: string; stack: TerraformStack }[] = [];
  const stack = (name: string) => {
    const s = new TerraformStack(Testing.app(), "s");
    new AzurermProvider(s, "azurerm", { features: [{}], subscriptionId: SUB });
    new AzapiProvider(s, "azapi", {});
    out.push({ name, stack: s });
    return s;
  };
  for (const type of DataType.ALL) {
    for (const hours of [1, 6, 12, 24]) {
      const s = stack(`${type.workspaceTable}, ${hours} h`);
      new ContinuousExport(s, "Export", {
        subscriptionId: SUB,
        resourceGroupName: "rg",
        location: "westeurope",
        exports: [BY_TYPE.get(type) as () => Export].map((make) => make()),
        destinations: [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS)],
        health: { emailReceivers: ["secops@contoso.example"], silenceAfterHours: hours },
      });
    }
  }
  const mg = stack("policy at a management group");
  new ContinuousExportPolicy(mg, "Policy", {
    scope: PolicyScope.managementGroup("contoso"),
    exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
    destinations: [LogAnalyticsDestination.fromWorkspaceId(mg, "Soc", WS)],
    location: "westeurope",
    resourceGroupName: "rg-export",
    health: { emailReceivers: ["secops@contoso.example"] },
  });
  const hubs = stack("created event hub and logic app");
  const health = { emailReceivers: ["secops@contoso.example"], metricsWorkspaceId: WS };
  new ContinuousExport(hubs, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg",
    location: "westeurope",
    exports: [Export.alerts()],
    destinations: [
      new EventHubDestination(hubs, "Hub", { namespaceName: "evhns-health", resourceGroupName: "rg-siem", location: "westeurope" }),
      new LogicAppDestination(hubs, "Tickets", { workflowName: "tickets", resourceGroupName: "rg-app", location: "westeurope" }),
    ],
    health,
  });
  return out;
}

describe("every query the library writes passes Microsoft's Kusto analyser with literal time spans", () => {
  test.each(variants().map((v) => [v.name, v.stack] as const))("%s", (_name, stack) => {
    const queries = queriesOf(stack);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      // A Terraform reference (a created resource's id) stands where the id will be: a string to the analyser.
      expect({ query, diagnostics: kqlDiagnostics(asRendered(query)), agoVariables: nonLiteralAgo(query) }).toEqual({
        query,
        diagnostics: [],
        agoVariables: [],
      });
    }
  });

  test("the examples' queries", () => {
    const app: App = Testing.app();
    addExampleStacks(app);
    const queries = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack).flatMap(queriesOf);
    expect(queries.length).toBeGreaterThan(0);
    queries.forEach((query) =>
      expect({ query, diagnostics: kqlDiagnostics(asRendered(query)), agoVariables: nonLiteralAgo(query) }).toEqual({
        query,
        diagnostics: [],
        agoVariables: [],
      }),
    );
  });
});
