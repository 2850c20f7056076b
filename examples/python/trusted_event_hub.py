"""An event hub locked down to trusted Microsoft services (firewall on, no keys) receiving medium-or-higher
alerts and high-severity recommendations; the SIEM reads with Entra ID from its own addresses.

The Python twin of examples/trusted-event-hub.ts: it synthesizes the same Terraform.
"""

from typing import List

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import (
    AlertSeverity,
    AzapiProvider,
    AzureadProvider,
    ConsumerAccess,
    ContinuousExport,
    EventHubDestination,
    Export,
    Severity,
    TrustedServiceOptions,
)


class TrustedEventHubStack(TerraformStack):
    """A keyless event hub behind a firewall, written with the 2023-12-01-preview API."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        subscription_id: str,
        tenant_id: str,
        location: str,
        resource_group_name: str,
        namespace_name: str,
        siem_principal_object_id: str,
        siem_ip_ranges: List[str],
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id, tenant_id=tenant_id)
        AzapiProvider(self, "azapi", tenant_id=tenant_id)
        AzureadProvider(self, "azuread", tenant_id=tenant_id)
        rg = ResourceGroup(self, "ResourceGroup", name=resource_group_name, location=location)

        hub = EventHubDestination(
            self,
            "LockedHub",
            namespace_name=namespace_name,
            resource_group_name=rg.name,
            location=location,
            trusted_service=TrustedServiceOptions(allowed_ip_ranges=siem_ip_ranges),
        )
        hub.add_consumer("Siem", consumer_group_name="siem", access=ConsumerAccess.data_receiver(siem_principal_object_id))

        ContinuousExport(
            self,
            "Keyless",
            subscription_id=subscription_id,
            resource_group_name=rg.name,
            location=location,
            exports=[Export.alerts(minimum_severity=AlertSeverity.MEDIUM), Export.recommendations(minimum_severity=Severity.HIGH)],
            destinations=[hub],
        )
