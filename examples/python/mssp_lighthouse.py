"""An MSSP exports its customers' data to its own central workspace and event hub through Azure Lighthouse:
each customer's onboarding (a delegation written in the customer's tenant), then two exports per customer
written by the MSSP's identity into the delegated subscription.

The Python twin of examples/mssp-lighthouse.ts: it synthesizes the same Terraform.
"""

from dataclasses import dataclass
from typing import List

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import (
    AlertSeverity,
    ContinuousExport,
    EventHubDestination,
    Export,
    ExportDelegation,
    LogAnalyticsDestination,
)


@dataclass(frozen=True)
class Customer:
    """A customer of the MSSP: the subscription it delegates, in its own tenant."""

    name: str
    tenant_id: str
    subscription_id: str
    resource_group_name: str


class MsspLighthouseStack(TerraformStack):
    """The MSSP's central destinations and, per customer, a delegation and two exports."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        mssp_tenant_id: str,
        mssp_subscription_id: str,
        mssp_exporter_principal_id: str,
        central_resource_group_name: str,
        location: str,
        workspace_name: str,
        namespace_name: str,
        customers: List[Customer],
    ) -> None:
        super().__init__(scope, id)
        mssp = AzurermProvider(self, "azurerm", features=[{}], tenant_id=mssp_tenant_id, subscription_id=mssp_subscription_id)
        rg = ResourceGroup(self, "Central", name=central_resource_group_name, location=location, provider=mssp)
        workspace = LogAnalyticsDestination(
            self, "CentralWorkspace", workspace_name=workspace_name, resource_group_name=rg.name, location=location, retention_in_days=90
        )
        hub = EventHubDestination(self, "CentralHub", namespace_name=namespace_name, resource_group_name=rg.name, location=location)

        for customer in customers:
            # Written in the customer's tenant: the customer's onboarding.
            customer_tenant = AzurermProvider(
                self,
                f"{customer.name}Provider",
                alias=customer.name,
                features=[{}],
                tenant_id=customer.tenant_id,
                subscription_id=customer.subscription_id,
            )
            delegation = ExportDelegation(
                self,
                f"{customer.name}Delegation",
                managing_tenant_id=mssp_tenant_id,
                managing_principal_id=mssp_exporter_principal_id,
                display_name=f"Defender for Cloud export by the MSSP ({customer.name})",
                subscription_id=customer.subscription_id,
                resource_group_name=customer.resource_group_name,
                provider=customer_tenant,
            )
            # Written by the MSSP's identity, in the MSSP's tenant, into the delegated subscription.
            via_mssp = AzurermProvider(
                self,
                f"{customer.name}ViaMssp",
                alias=f"{customer.name}ViaMssp",
                features=[{}],
                tenant_id=mssp_tenant_id,
                subscription_id=customer.subscription_id,
            )
            common = dict(
                subscription_id=customer.subscription_id,
                resource_group_name=customer.resource_group_name,
                location=location,
                provider=via_mssp,
            )
            to_workspace = ContinuousExport(
                self,
                f"{customer.name}Export",
                **common,
                exports=[Export.alerts(minimum_severity=AlertSeverity.MEDIUM), Export.recommendations(), Export.secure_score()],
                destinations=[workspace],
            )
            to_siem = ContinuousExport(
                self,
                f"{customer.name}SiemFeed",
                **common,
                exports=[Export.alerts(severities=[AlertSeverity.HIGH])],
                destinations=[hub],
            )
            delegation.precedes(to_workspace, to_siem)
