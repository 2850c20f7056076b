import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AlertSeverity, ContinuousExport, CrossTenantAccess, EventHubDestination, Export, ExportingPrincipal, LogAnalyticsDestination } from "../lib";

/** One customer of the MSSP. */
export interface MsspCustomer {
  /** A short name, used in construct ids (letters and digits; keep it stable: it is part of the Terraform addresses). */
  readonly name: string;
  /** The customer's tenant. */
  readonly tenantId: string;
  /** The customer's subscription to export. */
  readonly subscriptionId: string;
  /** An existing resource group in it for the automations. */
  readonly resourceGroupName: string;
  /** The object id, in the customer's tenant, of the identity that deploys the customer's export. */
  readonly exporterPrincipalId: string;
}

/** Properties of {@link MsspLighthouseStack}. */
export interface MsspLighthouseProps {
  /** The MSSP's tenant, where the central workspace and event hub live. */
  readonly msspTenantId: string;
  /** The MSSP's subscription for them. */
  readonly msspSubscriptionId: string;
  /** A new resource group for them (the scope Lighthouse delegates). */
  readonly centralResourceGroupName: string;
  /** The region of everything created. */
  readonly location: string;
  /** The central workspace's name. */
  readonly workspaceName: string;
  /** The central Event Hubs namespace (globally unique). */
  readonly namespaceName: string;
  /** The customers. */
  readonly customers: MsspCustomer[];
}

/**
 * An MSSP collects the data of several customer tenants in one central workspace (everything
 * medium-or-higher) and event hub (high-severity alerts, for its SIEM). The MSSP's tenant delegates the
 * central resource group to each customer's exporting identity through Azure Lighthouse, with only the
 * roles an export needs, so no customer provider needs an auxiliary tenant.
 */
export class MsspLighthouseStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: MsspLighthouseProps) {
    super(scope, id);
    const mssp = new AzurermProvider(this, "azurerm", { features: [{}], tenantId: props.msspTenantId, subscriptionId: props.msspSubscriptionId });
    const rg = new ResourceGroup(this, "Central", { name: props.centralResourceGroupName, location: props.location, provider: mssp });
    const workspace = new LogAnalyticsDestination(this, "CentralWorkspace", {
      workspaceName: props.workspaceName,
      resourceGroupName: rg.name,
      location: props.location,
      retentionInDays: 90,
    });
    const hub = new EventHubDestination(this, "CentralHub", {
      namespaceName: props.namespaceName,
      resourceGroupName: rg.name,
      location: props.location,
    });

    for (const customer of props.customers) {
      const provider = new AzurermProvider(this, `${customer.name}Provider`, {
        alias: customer.name,
        features: [{}],
        tenantId: customer.tenantId,
        subscriptionId: customer.subscriptionId,
      });
      new CrossTenantAccess(this, `${customer.name}Delegation`, {
        destinations: [workspace, hub],
        principal: ExportingPrincipal.lighthouse({
          principalId: customer.exporterPrincipalId,
          displayName: `Defender for Cloud export of ${customer.name}`,
        }),
        exportingTenantId: customer.tenantId,
      });
      new ContinuousExport(this, `${customer.name}Export`, {
        subscriptionId: customer.subscriptionId,
        resourceGroupName: customer.resourceGroupName,
        location: props.location,
        exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations(), Export.secureScore()],
        destinations: [workspace],
        provider,
      });
      new ContinuousExport(this, `${customer.name}SiemFeed`, {
        subscriptionId: customer.subscriptionId,
        resourceGroupName: customer.resourceGroupName,
        location: props.location,
        exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })],
        destinations: [hub],
        provider,
      });
    }
  }
}
