import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AttackPathRiskLevel, AzapiProvider, ContinuousExport, Export, LogAnalyticsDestination } from "../lib";

/** Properties of {@link AttackPathsToWorkspaceStack}. */
export interface AttackPathsToWorkspaceProps {
  /** The subscription whose attack paths are exported (needs Defender CSPM). */
  readonly subscriptionId: string;
  /** The region of the automation. */
  readonly location: string;
  /** An existing resource group for the automation. */
  readonly resourceGroupName: string;
  /** The resource id of the existing workspace. */
  readonly workspaceResourceId: string;
}

/** Attack paths of High or Critical risk, on change and weekly, to a workspace (API 2023-12-01-preview through azapi). */
export class AttackPathsToWorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: AttackPathsToWorkspaceProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    new AzapiProvider(this, "azapi", {});
    const workspace = LogAnalyticsDestination.fromWorkspaceId(this, "Workspace", props.workspaceResourceId);

    new ContinuousExport(this, "AttackPaths", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      exports: [Export.attackPaths({ minimumRiskLevel: AttackPathRiskLevel.HIGH, snapshot: true })],
      destinations: [workspace],
    });
  }
}
