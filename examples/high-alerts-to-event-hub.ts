import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AlertSeverity, ConsumerAccess, ContinuousExport, EventHubDestination, Export } from "../lib";

/** Properties of {@link HighAlertsToEventHubStack}. */
export interface HighAlertsToEventHubProps {
  /** The subscription whose alerts are exported. */
  readonly subscriptionId: string;
  /** The region of everything created. */
  readonly location: string;
  /** A new resource group for the event hub and the automation. */
  readonly resourceGroupName: string;
  /** The Event Hubs namespace (globally unique). */
  readonly namespaceName: string;
  /** The consumer group the SIEM reads with. @default "siem" */
  readonly siemConsumerGroup?: string;
}

/** Scenario 1: every high-severity alert to a new event hub, with a Listen-only rule for the SIEM. */
export class HighAlertsToEventHubStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: HighAlertsToEventHubProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    const rg = new ResourceGroup(this, "ResourceGroup", { name: props.resourceGroupName, location: props.location });

    const hub = new EventHubDestination(this, "SiemHub", {
      namespaceName: props.namespaceName,
      resourceGroupName: rg.name,
      location: props.location,
    });
    hub.addConsumer("Siem", { consumerGroupName: props.siemConsumerGroup ?? "siem", access: ConsumerAccess.listenRule() });

    new ContinuousExport(this, "HighAlerts", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: rg.name,
      location: props.location,
      exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })],
      destinations: [hub],
    });
  }
}
