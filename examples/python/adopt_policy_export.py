"""A subscription whose landing-zone policy created ``ExportToWorkspace``: the export is taken over (imported,
same name, group and location) and narrowed to High and Medium alerts plus recommendations.

The Python twin of examples/adopt-policy-export.ts: it synthesizes the same Terraform.
"""

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from constructs import Construct

from cdktf_defender_export import AdoptedAutomations, AlertSeverity, ContinuousExport, ExistingAutomation, Export, LogAnalyticsDestination


class AdoptPolicyExportStack(TerraformStack):
    """Takes over the export a policy deployed, without a gap."""

    def __init__(self, scope: Construct, id: str, *, subscription_id: str, policy_resource_group_name: str, location: str, workspace_resource_id: str) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        workspace = LogAnalyticsDestination.from_workspace_id(self, "Workspace", workspace_resource_id)

        ContinuousExport(
            self,
            "Adopted",
            subscription_id=subscription_id,
            resource_group_name=policy_resource_group_name,
            location=location,
            exports=[Export.alerts(minimum_severity=AlertSeverity.MEDIUM), Export.recommendations()],
            destinations=[workspace],
            adopt=AdoptedAutomations(
                workspace=ExistingAutomation.created_by_policy(subscription_id, policy_resource_group_name, False, location)
            ),
        )
