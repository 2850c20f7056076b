import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExport, Export, LogAnalyticsDestination } from "../lib";

/** Properties of {@link SecureScoreToWorkspaceStack}. */
export interface SecureScoreToWorkspaceProps {
  /** The subscription whose secure score is exported. */
  readonly subscriptionId: string;
  /** The region of the automation. */
  readonly location: string;
  /** An existing resource group for the automation. */
  readonly resourceGroupName: string;
  /** The resource id of the existing workspace. */
  readonly workspaceResourceId: string;
  /** Also send the weekly snapshot, for trend reports. @default true */
  readonly weeklySnapshot?: boolean;
}

/** Scenario 4: the secure score of a subscription, overall and per control, to a workspace. */
export class SecureScoreToWorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: SecureScoreToWorkspaceProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    const workspace = LogAnalyticsDestination.fromWorkspaceId(this, "Workspace", props.workspaceResourceId);
    const timing = { streaming: true, snapshot: props.weeklySnapshot ?? true };

    new ContinuousExport(this, "SecureScore", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      exports: [Export.secureScore(timing), Export.secureScoreControls(timing)],
      destinations: [workspace],
    });
  }
}
