"""One subscription of tenant A exports alerts and recommendations to a workspace in tenant B. The deploying
user of tenant A is a B2B guest in tenant B and gets Log Analytics Contributor on the workspace; the provider
of tenant A sends a token of tenant B too (auxiliary tenant).

The Python twin of examples/cross-tenant-guest.ts: it synthesizes the same Terraform.
"""

from cdktf import TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from constructs import Construct

from cdktf_defender_export import (
    ContinuousExport,
    CrossTenantAccess,
    Export,
    ExportingPrincipal,
    LogAnalyticsDestination,
    Severity,
)


class CrossTenantGuestStack(TerraformStack):
    """Tenant A's subscription exports to tenant B's workspace as a B2B guest."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        source_tenant_id: str,
        source_subscription_id: str,
        resource_group_name: str,
        location: str,
        destination_tenant_id: str,
        destination_subscription_id: str,
        workspace_resource_id: str,
        guest_object_id: str,
    ) -> None:
        super().__init__(scope, id)
        AzurermProvider(
            self,
            "azurerm",
            features=[{}],
            tenant_id=source_tenant_id,
            subscription_id=source_subscription_id,
            auxiliary_tenant_ids=[destination_tenant_id],
        )
        central = AzurermProvider(
            self, "central", alias="central", features=[{}], tenant_id=destination_tenant_id, subscription_id=destination_subscription_id
        )
        workspace = LogAnalyticsDestination.from_workspace_id(self, "CentralWorkspace", workspace_resource_id, provider=central)

        CrossTenantAccess(
            self,
            "GuestAccess",
            destinations=[workspace],
            principal=ExportingPrincipal.guest_user(guest_object_id),
            exporting_tenant_id=source_tenant_id,
        )

        ContinuousExport(
            self,
            "ToCentral",
            subscription_id=source_subscription_id,
            resource_group_name=resource_group_name,
            location=location,
            exports=[Export.alerts(), Export.recommendations(minimum_severity=Severity.MEDIUM)],
            destinations=[workspace],
        )
