"""Attack paths of High or Critical risk, on change and weekly, to a workspace (API 2023-12-01-preview through azapi).

The Python twin of examples/attack-paths-to-workspace.ts: it synthesizes the same Terraform.
"""

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from constructs import Construct

from cdktf_defender_export import AttackPathRiskLevel, AzapiProvider, ContinuousExport, Export, LogAnalyticsDestination


class AttackPathsToWorkspaceStack(TerraformStack):
    """High-risk attack paths of a subscription (Defender CSPM) to an existing workspace."""

    def __init__(self, scope: Construct, id: str, *, subscription_id: str, location: str, resource_group_name: str, workspace_resource_id: str) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        AzapiProvider(self, "azapi")
        workspace = LogAnalyticsDestination.from_workspace_id(self, "Workspace", workspace_resource_id)

        ContinuousExport(
            self,
            "AttackPaths",
            subscription_id=subscription_id,
            resource_group_name=resource_group_name,
            location=location,
            exports=[Export.attack_paths(minimum_risk_level=AttackPathRiskLevel.HIGH, snapshot=True)],
            destinations=[workspace],
        )
