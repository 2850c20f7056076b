"""Scenario 2: medium-or-higher findings of the vulnerability assessment of SQL Server on machines to an
existing workspace; the parent recommendation comes along, as Microsoft requires.

The Python twin of examples/sql-findings-to-workspace.ts: it synthesizes the same Terraform.
"""

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from constructs import Construct

from cdktf_defender_export import ContinuousExport, Export, LogAnalyticsDestination, Recommendation, Severity


class SqlFindingsToWorkspaceStack(TerraformStack):
    """SQL vulnerability findings of Medium or higher to an existing workspace."""

    def __init__(self, scope: Construct, id: str, *, subscription_id: str, location: str, resource_group_name: str, workspace_resource_id: str) -> None:
        super().__init__(scope, id)
        AzurermProvider(self, "azurerm", features=[{}], subscription_id=subscription_id)
        soc = LogAnalyticsDestination.from_workspace_id(self, "Soc", workspace_resource_id)

        ContinuousExport(
            self,
            "SqlFindings",
            subscription_id=subscription_id,
            resource_group_name=resource_group_name,
            location=location,
            exports=[
                Export.findings(
                    recommendations=[Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES],
                    minimum_severity=Severity.MEDIUM,
                )
            ],
            destinations=[soc],
        )
