import { App } from "cdktf";
import { ShardDeployment } from "../lib";
import { AdoptPolicyExportStack } from "./adopt-policy-export";
import { AttackPathsToWorkspaceStack } from "./attack-paths-to-workspace";
import { CrossTenantGuestStack } from "./cross-tenant-guest";
import { EverythingToNewWorkspaceStack } from "./everything-to-new-workspace";
import { HighAlertsToEventHubStack } from "./high-alerts-to-event-hub";
import { ManagementGroupPolicyStack } from "./management-group-policy";
import { MsspLighthouseStack } from "./mssp-lighthouse";
import { RecommendationsToHubAndWorkspaceStack } from "./recommendations-to-hub-and-workspace";
import { SecureScoreToWorkspaceStack } from "./secure-score-to-workspace";
import { addShardedFleet } from "./sharded-fleet";
import { SqlFindingsToWorkspaceStack } from "./sql-findings-to-workspace";
import { TrustedEventHubStack } from "./trusted-event-hub";

/**
 * Placeholder values: the examples synthesize without Azure credentials. Each example exports another
 * subscription (`subscriptionOf`): in one app, two exports of one subscription with the portal's
 * automation names would be one Azure automation owned by two stacks, which the library refuses.
 */
export const PLACEHOLDERS = {
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  tenantId: "00000000-0000-0000-0000-0000000000aa",
  location: "westeurope",
  socWorkspaceId:
    "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
};

/** The placeholder subscription of the n-th example (the first is `PLACEHOLDERS.subscriptionId`). */
export function subscriptionOf(n: number): string {
  return `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
}

/** What the examples give back besides their stacks. */
export interface ExampleStacks {
  /** The sharded fleet's deployment: the main job writes it as cdktf.out/shard-plan.json. */
  readonly shardDeployment: ShardDeployment;
}

/** Adds every example stack to `app`, with placeholder values. */
export function addExampleStacks(app: App): ExampleStacks {
  const { tenantId, location, socWorkspaceId } = PLACEHOLDERS;
  new HighAlertsToEventHubStack(app, "high-alerts-to-event-hub", {
    subscriptionId: subscriptionOf(1),
    location,
    resourceGroupName: "rg-defender-export",
    namespaceName: "evhns-defender-export-01",
  });
  new SqlFindingsToWorkspaceStack(app, "sql-findings-to-workspace", {
    subscriptionId: subscriptionOf(2),
    location,
    resourceGroupName: "rg-security",
    workspaceResourceId: socWorkspaceId,
  });
  new RecommendationsToHubAndWorkspaceStack(app, "recommendations-to-hub-and-workspace", {
    subscriptionId: subscriptionOf(3),
    location,
    resourceGroupName: "rg-defender-export",
    namespaceName: "evhns-defender-recs-01",
    workspaceResourceId: socWorkspaceId,
  });
  new SecureScoreToWorkspaceStack(app, "secure-score-to-workspace", {
    subscriptionId: subscriptionOf(4),
    location,
    resourceGroupName: "rg-security",
    workspaceResourceId: socWorkspaceId,
  });
  new EverythingToNewWorkspaceStack(app, "everything-to-new-workspace", {
    subscriptionId: subscriptionOf(5),
    location,
    resourceGroupName: "rg-defender-export",
    workspaceName: "law-defender-export",
    healthReceivers: ["secops@contoso.example"],
  });
  new TrustedEventHubStack(app, "trusted-event-hub", {
    subscriptionId: subscriptionOf(6),
    tenantId,
    location,
    resourceGroupName: "rg-defender-keyless",
    namespaceName: "evhns-defender-keyless-01",
    siemPrincipalObjectId: "00000000-0000-0000-0000-0000000000bb",
    siemIpRanges: ["203.0.113.0/24"],
  });
  new AttackPathsToWorkspaceStack(app, "attack-paths-to-workspace", {
    subscriptionId: subscriptionOf(7),
    location,
    resourceGroupName: "rg-security",
    workspaceResourceId: socWorkspaceId,
  });
  new CrossTenantGuestStack(app, "cross-tenant-guest", {
    sourceTenantId: tenantId,
    sourceSubscriptionId: subscriptionOf(8),
    resourceGroupName: "rg-security",
    location,
    destinationTenantId: "00000000-0000-0000-0000-0000000000cc",
    destinationSubscriptionId: "00000000-0000-0000-0000-000000000099",
    workspaceResourceId: socWorkspaceId,
    guestObjectId: "00000000-0000-0000-0000-0000000000dd",
  });
  new MsspLighthouseStack(app, "mssp-lighthouse", {
    msspTenantId: "00000000-0000-0000-0000-0000000000cc",
    msspSubscriptionId: "00000000-0000-0000-0000-000000000099",
    msspExporterPrincipalId: "00000000-0000-0000-0000-0000000003cc",
    centralResourceGroupName: "rg-mssp-central",
    location,
    workspaceName: "law-mssp-central",
    namespaceName: "evhns-mssp-central-01",
    customers: [1, 2, 3].map((n) => ({
      name: `Customer${n}`,
      tenantId: `00000000-0000-0000-0000-0000000001c${n}`,
      subscriptionId: `00000000-0000-0000-0000-0000000002c${n}`,
      resourceGroupName: "rg-security",
    })),
  });
  new ManagementGroupPolicyStack(app, "management-group-policy", {
    managementGroupName: "contoso-landingzones",
    managementSubscriptionId: "00000000-0000-0000-0000-000000000099",
    tenantId,
    location,
    centralResourceGroupName: "rg-security-central",
    workspaceName: "law-security-central",
    exportResourceGroupName: "rg-defender-export",
    subscriptionIds: ["00000000-0000-0000-0000-0000000001a1", "00000000-0000-0000-0000-0000000001a2"],
  });
  const sharded = addShardedFleet(app, {
    tenantId,
    centralSubscriptionId: "00000000-0000-0000-0000-000000000099",
    subscriptionIds: Array.from({ length: 50 }, (_, i) => `10000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}`),
    shardCount: 5,
    location,
    workspaceName: "law-fleet-central",
    exportResourceGroupName: "rg-defender-export",
    state: { resourceGroupName: "rg-tfstate", storageAccountName: "sttfstatedefender", containerName: "tfstate" },
  });
  new AdoptPolicyExportStack(app, "adopt-policy-export", {
    subscriptionId: subscriptionOf(9),
    policyResourceGroupName: "rg-asc-export",
    location,
    workspaceResourceId: socWorkspaceId,
  });
  return { shardDeployment: sharded.deployment };
}
