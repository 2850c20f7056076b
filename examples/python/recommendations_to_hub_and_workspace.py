"""Scenario 3: specific recommendations, whenever generated, to an event hub and a workspace.

The Python twin of examples/recommendations-to-hub-and-workspace.ts: it synthesizes the same Terraform.
"""

from typing import List, Optional

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import ContinuousExport, EventHubDestination, Export, LogAnalyticsDestination, Recommendation


class RecommendationsToHubAndWorkspaceStack(TerraformStack):
    """Machine and SQL vulnerability recommendations (or ``recommendations``) to a new event hub and an existing workspace."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        subscription_id: str,
        location: str,
        resource_group_name: str,
        namespace_name: str,
        workspace_resource_id: str,
        recommendations: Optional[List[Recommendation]] = None,
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        rg = ResourceGroup(self, "ResourceGroup", name=resource_group_name, location=location)
        hub = EventHubDestination(self, "Hub", namespace_name=namespace_name, resource_group_name=rg.name, location=location)
        workspace = LogAnalyticsDestination.from_workspace_id(self, "Workspace", workspace_resource_id)

        ContinuousExport(
            self,
            "Recommendations",
            subscription_id=subscription_id,
            resource_group_name=rg.name,
            location=location,
            exports=[
                Export.recommendations(
                    recommendations=recommendations
                    or [
                        Recommendation.MACHINES_VULNERABILITIES,
                        Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES,
                        Recommendation.SQL_DATABASES_VULNERABILITIES,
                    ]
                )
            ],
            destinations=[hub, workspace],
        )
