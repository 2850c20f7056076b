import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExport, EventHubDestination, Export, LogAnalyticsDestination, Recommendation } from "../lib";

/** Properties of {@link RecommendationsToHubAndWorkspaceStack}. */
export interface RecommendationsToHubAndWorkspaceProps {
  /** The subscription whose recommendations are exported. */
  readonly subscriptionId: string;
  /** The region of everything created. */
  readonly location: string;
  /** A new resource group for the event hub and the automations. */
  readonly resourceGroupName: string;
  /** The Event Hubs namespace (globally unique). */
  readonly namespaceName: string;
  /** The resource id of the existing workspace. */
  readonly workspaceResourceId: string;
  /** The recommendations to export. @default machine and SQL vulnerability recommendations */
  readonly recommendations?: Recommendation[];
}

/** Scenario 3: specific recommendations, whenever generated, to an event hub and a workspace. */
export class RecommendationsToHubAndWorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: RecommendationsToHubAndWorkspaceProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    const rg = new ResourceGroup(this, "ResourceGroup", { name: props.resourceGroupName, location: props.location });
    const hub = new EventHubDestination(this, "Hub", { namespaceName: props.namespaceName, resourceGroupName: rg.name, location: props.location });
    const workspace = LogAnalyticsDestination.fromWorkspaceId(this, "Workspace", props.workspaceResourceId);

    new ContinuousExport(this, "Recommendations", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: rg.name,
      location: props.location,
      exports: [
        Export.recommendations({
          recommendations: props.recommendations ?? [
            Recommendation.MACHINES_VULNERABILITIES,
            Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES,
            Recommendation.SQL_DATABASES_VULNERABILITIES,
          ],
        }),
      ],
      destinations: [hub, workspace],
    });
  }
}
