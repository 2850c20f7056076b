import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExport, CrossTenantAccess, Export, ExportingPrincipal, LogAnalyticsDestination, Severity } from "../lib";

/** Properties of {@link CrossTenantGuestStack}. */
export interface CrossTenantGuestProps {
  /** Tenant A: the exported subscription's tenant. */
  readonly sourceTenantId: string;
  /** The exported subscription, in tenant A. */
  readonly sourceSubscriptionId: string;
  /** An existing resource group in the exported subscription for the automation. */
  readonly resourceGroupName: string;
  /** The automation's region. */
  readonly location: string;
  /** Tenant B: the central workspace's tenant. */
  readonly destinationTenantId: string;
  /** The subscription of the central workspace, in tenant B. */
  readonly destinationSubscriptionId: string;
  /** The central workspace's resource id, in tenant B. */
  readonly workspaceResourceId: string;
  /** The object id, in tenant B, of the guest account of the user of tenant A who deploys this stack. */
  readonly guestObjectId: string;
}

/**
 * One subscription of tenant A exports alerts and recommendations to a workspace in tenant B. The
 * deploying user of tenant A is a B2B guest in tenant B and gets Log Analytics Contributor on the
 * workspace; the provider of tenant A sends a token of tenant B too (auxiliary tenant).
 */
export class CrossTenantGuestStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: CrossTenantGuestProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", {
      features: [{}],
      tenantId: props.sourceTenantId,
      subscriptionId: props.sourceSubscriptionId,
      auxiliaryTenantIds: [props.destinationTenantId],
    });
    const central = new AzurermProvider(this, "central", {
      alias: "central",
      features: [{}],
      tenantId: props.destinationTenantId,
      subscriptionId: props.destinationSubscriptionId,
    });
    const workspace = LogAnalyticsDestination.fromWorkspaceId(this, "CentralWorkspace", props.workspaceResourceId, { provider: central });

    new CrossTenantAccess(this, "GuestAccess", {
      destinations: [workspace],
      principal: ExportingPrincipal.guestUser(props.guestObjectId),
      exportingTenantId: props.sourceTenantId,
    });

    new ContinuousExport(this, "ToCentral", {
      subscriptionId: props.sourceSubscriptionId,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      exports: [Export.alerts(), Export.recommendations({ minimumSeverity: Severity.MEDIUM })],
      destinations: [workspace],
    });
  }
}
