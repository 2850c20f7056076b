"""Scenario 4: the secure score of a subscription, overall and per control, to a workspace.

The Python twin of examples/secure-score-to-workspace.ts: it synthesizes the same Terraform.
"""

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from constructs import Construct

from cdktf_defender_export import ContinuousExport, Export, LogAnalyticsDestination


class SecureScoreToWorkspaceStack(TerraformStack):
    """The secure score and its controls, streaming and (unless ``weekly_snapshot`` is False) weekly, to an existing workspace."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        subscription_id: str,
        location: str,
        resource_group_name: str,
        workspace_resource_id: str,
        weekly_snapshot: bool = True,
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        workspace = LogAnalyticsDestination.from_workspace_id(self, "Workspace", workspace_resource_id)

        ContinuousExport(
            self,
            "SecureScore",
            subscription_id=subscription_id,
            resource_group_name=resource_group_name,
            location=location,
            exports=[
                Export.secure_score(streaming=True, snapshot=weekly_snapshot),
                Export.secure_score_controls(streaming=True, snapshot=weekly_snapshot),
            ],
            destinations=[workspace],
        )
