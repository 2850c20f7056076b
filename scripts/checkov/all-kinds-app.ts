import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { App, TerraformStack } from "cdktf";
import {
  AlertSeverity,
  AzapiProvider,
  AzureadProvider,
  ConsumerAccess,
  ContinuousExport,
  ContinuousExportFleet,
  CrossTenantAccess,
  EventHubDestination,
  Export,
  ExportingPrincipal,
  LogAnalyticsDestination,
  LogicAppDestination,
  Severity,
} from "../../lib";

// An app that creates one of everything the library can create, for the scanners to judge: a workspace,
// an event hub read through a Listen rule, a locked event hub for trusted-service export, a Logic App,
// health alerts on each with a new action group, a cross-tenant grant, and a fleet in the for_each
// layout with created resource groups. Placeholder ids: it synthesizes without Azure credentials.
const tenantId = "00000000-0000-0000-0000-0000000000aa";
const otherTenantId = "00000000-0000-0000-0000-0000000000bb";
const subscriptionId = "00000000-0000-0000-0000-000000000101";
const location = "westeurope";
const health = { emailReceivers: ["secops@contoso.example"], silenceAfterHours: 24 };

const app = new App({ outdir: process.argv[2] ?? "cdktf.out.all-kinds" });
const stack = new TerraformStack(app, "all-kinds");
new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId, tenantId, auxiliaryTenantIds: [otherTenantId] });
const central = new AzurermProvider(stack, "central", {
  alias: "central",
  features: [{}],
  tenantId: otherTenantId,
  subscriptionId: "00000000-0000-0000-0000-000000000102",
});
new AzapiProvider(stack, "azapi", { tenantId, auxiliaryTenantIds: [otherTenantId] });
new AzureadProvider(stack, "azuread", { tenantId });
/** The azurerm provider of another subscription of the tenant (an automation lives in the subscription it exports). */
function providerFor(alias: string, id: string): AzurermProvider {
  return new AzurermProvider(stack, alias, { alias, features: [{}], subscriptionId: id, tenantId, auxiliaryTenantIds: [otherTenantId] });
}
const rg = new ResourceGroup(stack, "ResourceGroup", { name: "rg-all-kinds", location });

const workspace = new LogAnalyticsDestination(stack, "Workspace", { workspaceName: "law-all-kinds", resourceGroupName: rg.name, location });
const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-all-kinds-01", resourceGroupName: rg.name, location });
hub.addConsumer("Siem", { consumerGroupName: "siem", access: ConsumerAccess.listenRule() });
const lockedHub = new EventHubDestination(stack, "LockedHub", {
  namespaceName: "evhns-all-kinds-02",
  resourceGroupName: rg.name,
  location,
  trustedService: { allowedIpRanges: ["203.0.113.0/24"] },
});
lockedHub.addConsumer("Siem", { consumerGroupName: "siem", access: ConsumerAccess.dataReceiver("00000000-0000-0000-0000-0000000000c1") });
const logicApp = new LogicAppDestination(stack, "Tickets", { workflowName: "logic-all-kinds", resourceGroupName: rg.name, location });

new ContinuousExport(stack, "ToWorkspace", {
  subscriptionId,
  resourceGroupName: rg.name,
  location,
  exports: Export.everything(),
  destinations: [workspace],
  health,
});
new ContinuousExport(stack, "ToHubs", {
  subscriptionId,
  resourceGroupName: rg.name,
  location,
  exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations({ minimumSeverity: Severity.HIGH })],
  destinations: [hub, logicApp],
  // An Event Hub's and a Logic App's health reads their platform metrics in a workspace.
  health: { ...health, metricsWorkspaceId: workspace.workspace.id },
});
new ContinuousExport(stack, "Keyless", {
  subscriptionId: "00000000-0000-0000-0000-000000000103",
  resourceGroupName: "rg-keyless-export",
  createResourceGroup: true,
  location,
  exports: [Export.alerts({ minimumSeverity: AlertSeverity.HIGH })],
  destinations: [lockedHub],
  health: { ...health, metricsWorkspaceId: workspace.workspace.id },
  provider: providerFor("keyless", "00000000-0000-0000-0000-000000000103"),
});

const centralWorkspace = LogAnalyticsDestination.fromWorkspaceId(
  stack,
  "CentralWorkspace",
  "/subscriptions/00000000-0000-0000-0000-000000000102/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
  { provider: central },
);
new CrossTenantAccess(stack, "GuestAccess", {
  destinations: [centralWorkspace],
  principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000c2"),
  exportingTenantId: tenantId,
});
new ContinuousExport(stack, "ToCentral", {
  subscriptionId: "00000000-0000-0000-0000-000000000104",
  resourceGroupName: "rg-export-central",
  location,
  exports: [Export.alerts()],
  destinations: [centralWorkspace],
  provider: providerFor("tocentral", "00000000-0000-0000-0000-000000000104"),
});

new ContinuousExportFleet(stack, "Fleet", {
  subscriptions: ["00000000-0000-0000-0000-000000000201", "00000000-0000-0000-0000-000000000202"].map((id) => ({ subscriptionId: id })),
  exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW }), Export.recommendations()],
  destinations: [workspace],
  resourceGroupName: "rg-fleet-export",
  createResourceGroup: true,
  location,
  tenantId,
  health,
});

app.synth();
