"""Scenario 1: every high-severity alert to a new event hub, with a Listen-only rule for the SIEM.

The Python twin of examples/high-alerts-to-event-hub.ts: it synthesizes the same Terraform.
"""

from typing import Optional

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import AlertSeverity, ConsumerAccess, ContinuousExport, EventHubDestination, Export


class HighAlertsToEventHubStack(TerraformStack):
    """Every high-severity alert of ``subscription_id`` to a new event hub that the SIEM reads with a Listen rule."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        subscription_id: str,
        location: str,
        resource_group_name: str,
        namespace_name: str,
        siem_consumer_group: Optional[str] = None,
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        rg = ResourceGroup(self, "ResourceGroup", name=resource_group_name, location=location)

        hub = EventHubDestination(self, "SiemHub", namespace_name=namespace_name, resource_group_name=rg.name, location=location)
        hub.add_consumer("Siem", consumer_group_name=siem_consumer_group or "siem", access=ConsumerAccess.listen_rule())

        ContinuousExport(
            self,
            "HighAlerts",
            subscription_id=subscription_id,
            resource_group_name=rg.name,
            location=location,
            exports=[Export.alerts(severities=[AlertSeverity.HIGH])],
            destinations=[hub],
        )
