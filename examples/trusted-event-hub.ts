import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AlertSeverity, AzapiProvider, AzureadProvider, ConsumerAccess, ContinuousExport, EventHubDestination, Export, Severity } from "../lib";

/** Properties of {@link TrustedEventHubStack}. */
export interface TrustedEventHubProps {
  /** The subscription whose data is exported. */
  readonly subscriptionId: string;
  /** The Entra tenant of the subscription and the event hub. */
  readonly tenantId: string;
  /** The region of everything created. */
  readonly location: string;
  /** A new resource group for the event hub and the automation. */
  readonly resourceGroupName: string;
  /** The Event Hubs namespace (globally unique). */
  readonly namespaceName: string;
  /** The object id of the SIEM's service principal, which reads with the Data Receiver role. */
  readonly siemPrincipalObjectId: string;
  /** The public addresses the SIEM reads from (the locked namespace denies all others). */
  readonly siemIpRanges: string[];
}

/**
 * An event hub locked down to trusted Microsoft services (firewall on, no keys) receiving
 * medium-or-higher alerts and high-severity recommendations. Defender for Cloud sends with its own
 * identity; the SIEM reads with Entra ID, from its own addresses (the only ones the firewall lets in). The automation is written with the 2023-12-01-preview API.
 */
export class TrustedEventHubStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: TrustedEventHubProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId, tenantId: props.tenantId });
    new AzapiProvider(this, "azapi", { tenantId: props.tenantId });
    new AzureadProvider(this, "azuread", { tenantId: props.tenantId });
    const rg = new ResourceGroup(this, "ResourceGroup", { name: props.resourceGroupName, location: props.location });

    const hub = new EventHubDestination(this, "LockedHub", {
      namespaceName: props.namespaceName,
      resourceGroupName: rg.name,
      location: props.location,
      trustedService: { allowedIpRanges: props.siemIpRanges },
    });
    hub.addConsumer("Siem", { consumerGroupName: "siem", access: ConsumerAccess.dataReceiver(props.siemPrincipalObjectId) });

    new ContinuousExport(this, "Keyless", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: rg.name,
      location: props.location,
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations({ minimumSeverity: Severity.HIGH })],
      destinations: [hub],
    });
  }
}
