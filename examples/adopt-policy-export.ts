import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AlertSeverity, ContinuousExport, ExistingAutomation, Export, LogAnalyticsDestination } from "../lib";

/** Properties of {@link AdoptPolicyExportStack}. */
export interface AdoptPolicyExportProps {
  /** The subscription whose landing-zone policy created the export. */
  readonly subscriptionId: string;
  /** The resource group the policy deployed `ExportToWorkspace` into. */
  readonly policyResourceGroupName: string;
  /** The region the policy deployed it in. */
  readonly location: string;
  /** The workspace the export sends to (the policy's `workspaceResourceId`). */
  readonly workspaceResourceId: string;
}

/**
 * A subscription whose landing-zone policy created `ExportToWorkspace`: the export is taken over
 * (imported, same name, group and location, so the first plan updates it in place) and narrowed to
 * High and Medium alerts plus recommendations. Remove the policy assignment before deploying.
 */
export class AdoptPolicyExportStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: AdoptPolicyExportProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    const workspace = LogAnalyticsDestination.fromWorkspaceId(this, "Workspace", props.workspaceResourceId);

    new ContinuousExport(this, "Adopted", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: props.policyResourceGroupName,
      location: props.location,
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations()],
      destinations: [workspace],
      adopt: { workspace: ExistingAutomation.createdByPolicy(props.subscriptionId, props.policyResourceGroupName, false, props.location) },
    });
  }
}
