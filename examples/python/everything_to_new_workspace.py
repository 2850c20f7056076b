"""Scenario 5: every data type, streaming and weekly snapshots, to a new workspace; with
``health_receivers``, a heartbeat that mails them when the workspace receives nothing for a day.

The Python twin of examples/everything-to-new-workspace.ts: it synthesizes the same Terraform.
"""

from typing import List, Optional

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import ContinuousExport, Export, ExportHealthProps, LogAnalyticsDestination


class EverythingToNewWorkspaceStack(TerraformStack):
    """Everything Defender for Cloud exports, to a new workspace, with health alerts for ``health_receivers``."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        subscription_id: str,
        location: str,
        resource_group_name: str,
        workspace_name: str,
        retention_in_days: int = 90,
        health_receivers: Optional[List[str]] = None,
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        rg = ResourceGroup(self, "ResourceGroup", name=resource_group_name, location=location)
        workspace = LogAnalyticsDestination(
            self,
            "Workspace",
            workspace_name=workspace_name,
            resource_group_name=rg.name,
            location=location,
            retention_in_days=retention_in_days,
        )

        ContinuousExport(
            self,
            "Everything",
            subscription_id=subscription_id,
            resource_group_name=rg.name,
            location=location,
            exports=Export.everything(),
            destinations=[workspace],
            health=ExportHealthProps(email_receivers=health_receivers, silence_after_hours=24) if health_receivers else None,
        )
