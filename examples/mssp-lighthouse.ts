import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AlertSeverity, ContinuousExport, EventHubDestination, Export, ExportDelegation, LogAnalyticsDestination } from "../lib";

/** One customer of the MSSP. */
export interface MsspCustomer {
  /** A short name, used in construct ids (letters and digits; keep it stable: it is part of the Terraform addresses). */
  readonly name: string;
  /** The customer's tenant. */
  readonly tenantId: string;
  /** The customer's subscription to export. */
  readonly subscriptionId: string;
  /** An existing resource group in it for the automations: the only scope the customer delegates. */
  readonly resourceGroupName: string;
}

/** Properties of {@link MsspLighthouseStack}. */
export interface MsspLighthouseProps {
  /** The MSSP's tenant, where the central workspace and event hub live. */
  readonly msspTenantId: string;
  /** The MSSP's subscription for them. */
  readonly msspSubscriptionId: string;
  /** The object id, in the MSSP's tenant, of the identity that deploys every customer's export. */
  readonly msspExporterPrincipalId: string;
  /** A new resource group for the central destinations. */
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
 * medium-or-higher) and event hub (high-severity alerts, for its SIEM), the usual, safe way: each
 * customer delegates the resource group of its export to the MSSP through Azure Lighthouse (Security
 * Admin there, nothing else), and the MSSP's own identity writes the customer's export, through a
 * provider of the MSSP's tenant pointed at the customer's subscription, to the MSSP's destinations. No
 * customer identity gets any role in the MSSP's tenant, so no customer can read another's data.
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
      // Written in the customer's tenant: the customer's onboarding.
      const customerTenant = new AzurermProvider(this, `${customer.name}Provider`, {
        alias: customer.name,
        features: [{}],
        tenantId: customer.tenantId,
        subscriptionId: customer.subscriptionId,
      });
      const delegation = new ExportDelegation(this, `${customer.name}Delegation`, {
        managingTenantId: props.msspTenantId,
        managingPrincipalId: props.msspExporterPrincipalId,
        displayName: `Defender for Cloud export by the MSSP (${customer.name})`,
        subscriptionId: customer.subscriptionId,
        resourceGroupName: customer.resourceGroupName,
        provider: customerTenant,
      });
      // Written by the MSSP's identity, in the MSSP's tenant, into the delegated subscription.
      const viaMssp = new AzurermProvider(this, `${customer.name}ViaMssp`, {
        alias: `${customer.name}ViaMssp`,
        features: [{}],
        tenantId: props.msspTenantId,
        subscriptionId: customer.subscriptionId,
      });
      const common = {
        subscriptionId: customer.subscriptionId,
        resourceGroupName: customer.resourceGroupName,
        location: props.location,
        provider: viaMssp,
      };
      const toWorkspace = new ContinuousExport(this, `${customer.name}Export`, {
        ...common,
        exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations(), Export.secureScore()],
        destinations: [workspace],
      });
      const toSiem = new ContinuousExport(this, `${customer.name}SiemFeed`, {
        ...common,
        exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })],
        destinations: [hub],
      });
      delegation.precedes(toWorkspace, toSiem);
    }
  }
}
