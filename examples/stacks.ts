import { App } from "cdktf";
import { AttackPathsToWorkspaceStack } from "./attack-paths-to-workspace";
import { EverythingToNewWorkspaceStack } from "./everything-to-new-workspace";
import { HighAlertsToEventHubStack } from "./high-alerts-to-event-hub";
import { RecommendationsToHubAndWorkspaceStack } from "./recommendations-to-hub-and-workspace";
import { SecureScoreToWorkspaceStack } from "./secure-score-to-workspace";
import { SqlFindingsToWorkspaceStack } from "./sql-findings-to-workspace";
import { TrustedEventHubStack } from "./trusted-event-hub";

/** Placeholder values: the examples synthesize without Azure credentials. */
export const PLACEHOLDERS = {
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  tenantId: "00000000-0000-0000-0000-0000000000aa",
  location: "westeurope",
  socWorkspaceId: "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
};

/** Adds every example stack to `app`, with placeholder values. */
export function addExampleStacks(app: App): void {
  const { subscriptionId, tenantId, location, socWorkspaceId } = PLACEHOLDERS;
  new HighAlertsToEventHubStack(app, "high-alerts-to-event-hub", { subscriptionId, location, resourceGroupName: "rg-defender-export", namespaceName: "evhns-defender-export-01" });
  new SqlFindingsToWorkspaceStack(app, "sql-findings-to-workspace", { subscriptionId, location, resourceGroupName: "rg-security", workspaceResourceId: socWorkspaceId });
  new RecommendationsToHubAndWorkspaceStack(app, "recommendations-to-hub-and-workspace", { subscriptionId, location, resourceGroupName: "rg-defender-export", namespaceName: "evhns-defender-recs-01", workspaceResourceId: socWorkspaceId });
  new SecureScoreToWorkspaceStack(app, "secure-score-to-workspace", { subscriptionId, location, resourceGroupName: "rg-security", workspaceResourceId: socWorkspaceId });
  new EverythingToNewWorkspaceStack(app, "everything-to-new-workspace", { subscriptionId, location, resourceGroupName: "rg-defender-export", workspaceName: "law-defender-export" });
  new TrustedEventHubStack(app, "trusted-event-hub", { subscriptionId, tenantId, location, resourceGroupName: "rg-defender-keyless", namespaceName: "evhns-defender-keyless-01", siemPrincipalObjectId: "00000000-0000-0000-0000-0000000000bb" });
  new AttackPathsToWorkspaceStack(app, "attack-paths-to-workspace", { subscriptionId, location, resourceGroupName: "rg-security", workspaceResourceId: socWorkspaceId });
}
