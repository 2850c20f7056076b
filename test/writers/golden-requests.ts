import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import {
  AlertSeverity,
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  CrossTenantAccess,
  EventHubDestination,
  Export,
  ExportingPrincipal,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Recommendation,
  Severity,
} from "../../lib";

/** The subscription that exports, and the ids of the existing destinations the requests name. */
export const SUB = "00000000-0000-0000-0000-000000000001";
const WORKSPACE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc";
const EVENT_HUB_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem/eventhubs/defender";
const WORKFLOW_ID = "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soar/providers/Microsoft.Logic/workflows/la-tickets";
const TENANT_A = "aaaaaaaa-0000-0000-0000-000000000001";
const TENANT_B = "bbbbbbbb-0000-0000-0000-000000000002";
const GUEST = "11111111-1111-1111-1111-111111111111";

type Writer = "azurerm" | "azapi";

function stackFor(writer: Writer, providerProps: { tenantId?: string; auxiliaryTenantIds?: string[] } = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "golden");
  new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB, ...providerProps });
  if (writer === "azapi") new AzapiProvider(stack, "azapi", providerProps);
  return stack;
}

function exportTo(stack: TerraformStack, writer: Writer, data: Export[], destinations: IExportDestination[]): void {
  new ContinuousExport(stack, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location: "westeurope",
    exports: data,
    destinations,
    writer: writer === "azapi" ? AutomationWriter.AZAPI : AutomationWriter.AZURERM,
  });
}

/**
 * The requests each writer's golden files describe, by file name (test/writers/golden/<name>.json): each
 * returns the stack it writes.
 */
export const GOLDEN_REQUESTS: { [name: string]: () => TerraformStack } = {};

for (const writer of ["azurerm", "azapi"] as const) {
  /** Medium and High alerts to an existing workspace: one rule set per severity. */
  GOLDEN_REQUESTS[`${writer}-workspace`] = () => {
    const stack = stackFor(writer);
    exportTo(
      stack,
      writer,
      [Export.alerts({ severities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM] })],
      [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    );
    return stack;
  };

  /** High alerts to an existing event hub, sent with the connection string of its Send rule. */
  GOLDEN_REQUESTS[`${writer}-event-hub`] = () => {
    const stack = stackFor(writer);
    exportTo(
      stack,
      writer,
      [Export.alerts({ severities: [AlertSeverity.HIGH] })],
      [EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "defender-send" })],
    );
    return stack;
  };

  /** Secure score to an existing Logic App, triggered at a callback URL given as a sensitive variable. */
  GOLDEN_REQUESTS[`${writer}-logic-app`] = () => {
    const stack = stackFor(writer);
    const url = new TerraformVariable(stack, "trigger_url", { type: "string", sensitive: true });
    exportTo(
      stack,
      writer,
      [Export.secureScore()],
      [LogicAppDestination.fromWorkflow(stack, "Tickets", { workflowId: WORKFLOW_ID, triggerUrl: url.stringValue })],
    );
    return stack;
  };

  /** Several sources and rule sets: High and Medium alerts, and one recommendation's High and Medium findings. */
  GOLDEN_REQUESTS[`${writer}-rule-sets`] = () => {
    const stack = stackFor(writer);
    exportTo(
      stack,
      writer,
      [
        Export.alerts({ severities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM] }),
        Export.findings({ recommendations: [Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES], severities: [Severity.HIGH, Severity.MEDIUM] }),
      ],
      [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    );
    return stack;
  };
}

/** Tenant A writes through azapi, with tenant B as auxiliary tenant, to a workspace in tenant B where a guest is granted. */
GOLDEN_REQUESTS["azapi-auxiliary-tenant"] = () => {
  const stack = new TerraformStack(Testing.app(), "golden");
  new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB, tenantId: TENANT_A, auxiliaryTenantIds: [TENANT_B] });
  const central = new AzurermProvider(stack, "central", {
    alias: "central",
    features: [{}],
    subscriptionId: "00000000-0000-0000-0000-000000000099",
    tenantId: TENANT_B,
  });
  new AzapiProvider(stack, "azapi", { tenantId: TENANT_A, auxiliaryTenantIds: [TENANT_B] });
  const workspace = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID, { provider: central });
  new CrossTenantAccess(stack, "Grant", { destinations: [workspace], principal: ExportingPrincipal.guestUser(GUEST), exportingTenantId: TENANT_A });
  exportTo(stack, "azapi", [Export.alerts()], [workspace]);
  return stack;
};
