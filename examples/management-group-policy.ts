import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AlertSeverity, ContinuousExportPolicy, Export, LogAnalyticsDestination, PolicyScope } from "../lib";

/** Properties of {@link ManagementGroupPolicyStack}. */
export interface ManagementGroupPolicyProps {
  /** The management group whose subscriptions (present and future) export. */
  readonly managementGroupName: string;
  /** The subscription of the central workspace (a management subscription). */
  readonly managementSubscriptionId: string;
  /** The tenant. */
  readonly tenantId: string;
  /** The region of the workspace, the assignment's identity and the per-subscription automations. */
  readonly location: string;
  /** A new resource group for the central workspace. */
  readonly centralResourceGroupName: string;
  /** The central workspace's name. */
  readonly workspaceName: string;
  /** The resource group the policy deploys the automation into, in every subscription. */
  readonly exportResourceGroupName: string;
  /** The subscriptions under the management group today: remediated in the first apply (new ones get the export from the policy). */
  readonly subscriptionIds: string[];
}

/**
 * Every subscription under a management group exports alerts (Medium and up), recommendations and the
 * secure score to a central workspace, through Microsoft's built-in policy, with a remediation task for
 * the subscriptions that exist today.
 */
export class ManagementGroupPolicyStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: ManagementGroupPolicyProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], tenantId: props.tenantId, subscriptionId: props.managementSubscriptionId });
    const rg = new ResourceGroup(this, "Central", { name: props.centralResourceGroupName, location: props.location });
    const workspace = new LogAnalyticsDestination(this, "CentralWorkspace", {
      workspaceName: props.workspaceName,
      resourceGroupName: rg.name,
      location: props.location,
      retentionInDays: 90,
    });

    new ContinuousExportPolicy(this, "LandingZones", {
      scope: PolicyScope.managementGroup(props.managementGroupName),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations(), Export.secureScore()],
      destinations: [workspace],
      location: props.location,
      resourceGroupName: props.exportResourceGroupName,
      remediateSubscriptions: props.subscriptionIds,
    });
  }
}
