"""Every subscription under a management group exports alerts (Medium and up), recommendations and the secure
score to a central workspace, through Microsoft's built-in policy, with a remediation task for the
subscriptions that exist today.

The Python twin of examples/management-group-policy.ts: it synthesizes the same Terraform.
"""

from typing import List

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import AlertSeverity, ContinuousExportPolicy, Export, LogAnalyticsDestination, PolicyScope


class ManagementGroupPolicyStack(TerraformStack):
    """The policy route: a management group's subscriptions, present and future, export to a central workspace."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        management_group_name: str,
        management_subscription_id: str,
        tenant_id: str,
        location: str,
        central_resource_group_name: str,
        workspace_name: str,
        export_resource_group_name: str,
        subscription_ids: List[str],
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], tenant_id=tenant_id, subscription_id=management_subscription_id)
        rg = ResourceGroup(self, "Central", name=central_resource_group_name, location=location)
        workspace = LogAnalyticsDestination(
            self, "CentralWorkspace", workspace_name=workspace_name, resource_group_name=rg.name, location=location, retention_in_days=90
        )

        ContinuousExportPolicy(
            self,
            "LandingZones",
            scope=PolicyScope.management_group(management_group_name),
            exports=[Export.alerts(minimum_severity=AlertSeverity.MEDIUM), Export.recommendations(), Export.secure_score()],
            destinations=[workspace],
            location=location,
            resource_group_name=export_resource_group_name,
            remediate_subscriptions=subscription_ids,
        )
