"""Every example stack, with placeholder values: the Python twin of examples/stacks.ts.

The examples synthesize without Azure credentials. Each example exports another subscription
(``subscription_of``): in one app, two exports of one subscription with the portal's automation names
would be one Azure automation owned by two stacks, which the library refuses.
"""

from cdktf import App

from cdktf_defender_export import ShardDeployment

from adopt_policy_export import AdoptPolicyExportStack
from attack_paths_to_workspace import AttackPathsToWorkspaceStack
from cross_tenant_guest import CrossTenantGuestStack
from everything_to_new_workspace import EverythingToNewWorkspaceStack
from high_alerts_to_event_hub import HighAlertsToEventHubStack
from management_group_policy import ManagementGroupPolicyStack
from mssp_lighthouse import Customer, MsspLighthouseStack
from recommendations_to_hub_and_workspace import RecommendationsToHubAndWorkspaceStack
from secure_score_to_workspace import SecureScoreToWorkspaceStack
from sharded_fleet import StateStorage, add_sharded_fleet
from sql_findings_to_workspace import SqlFindingsToWorkspaceStack
from trusted_event_hub import TrustedEventHubStack

TENANT_ID = "00000000-0000-0000-0000-0000000000aa"
LOCATION = "westeurope"
SOC_WORKSPACE_ID = (
    "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc"
)


def subscription_of(n: int) -> str:
    """The placeholder subscription of the n-th example."""
    return f"00000000-0000-0000-0000-{n:012d}"


def add_example_stacks(app: App) -> ShardDeployment:
    """Adds every example stack to ``app``; gives back the sharded fleet's deployment."""
    HighAlertsToEventHubStack(
        app,
        "high-alerts-to-event-hub",
        subscription_id=subscription_of(1),
        location=LOCATION,
        resource_group_name="rg-defender-export",
        namespace_name="evhns-defender-export-01",
    )
    SqlFindingsToWorkspaceStack(
        app,
        "sql-findings-to-workspace",
        subscription_id=subscription_of(2),
        location=LOCATION,
        resource_group_name="rg-security",
        workspace_resource_id=SOC_WORKSPACE_ID,
    )
    RecommendationsToHubAndWorkspaceStack(
        app,
        "recommendations-to-hub-and-workspace",
        subscription_id=subscription_of(3),
        location=LOCATION,
        resource_group_name="rg-defender-export",
        namespace_name="evhns-defender-recs-01",
        workspace_resource_id=SOC_WORKSPACE_ID,
    )
    SecureScoreToWorkspaceStack(
        app,
        "secure-score-to-workspace",
        subscription_id=subscription_of(4),
        location=LOCATION,
        resource_group_name="rg-security",
        workspace_resource_id=SOC_WORKSPACE_ID,
    )
    EverythingToNewWorkspaceStack(
        app,
        "everything-to-new-workspace",
        subscription_id=subscription_of(5),
        location=LOCATION,
        resource_group_name="rg-defender-export",
        workspace_name="law-defender-export",
        health_receivers=["secops@contoso.example"],
    )
    TrustedEventHubStack(
        app,
        "trusted-event-hub",
        subscription_id=subscription_of(6),
        tenant_id=TENANT_ID,
        location=LOCATION,
        resource_group_name="rg-defender-keyless",
        namespace_name="evhns-defender-keyless-01",
        siem_principal_object_id="00000000-0000-0000-0000-0000000000bb",
        siem_ip_ranges=["203.0.113.0/24"],
    )
    AttackPathsToWorkspaceStack(
        app,
        "attack-paths-to-workspace",
        subscription_id=subscription_of(7),
        location=LOCATION,
        resource_group_name="rg-security",
        workspace_resource_id=SOC_WORKSPACE_ID,
    )
    CrossTenantGuestStack(
        app,
        "cross-tenant-guest",
        source_tenant_id=TENANT_ID,
        source_subscription_id=subscription_of(8),
        resource_group_name="rg-security",
        location=LOCATION,
        destination_tenant_id="00000000-0000-0000-0000-0000000000cc",
        destination_subscription_id="00000000-0000-0000-0000-000000000099",
        workspace_resource_id=SOC_WORKSPACE_ID,
        guest_object_id="00000000-0000-0000-0000-0000000000dd",
    )
    MsspLighthouseStack(
        app,
        "mssp-lighthouse",
        mssp_tenant_id="00000000-0000-0000-0000-0000000000cc",
        mssp_subscription_id="00000000-0000-0000-0000-000000000099",
        mssp_exporter_principal_id="00000000-0000-0000-0000-0000000003cc",
        central_resource_group_name="rg-mssp-central",
        location=LOCATION,
        workspace_name="law-mssp-central",
        namespace_name="evhns-mssp-central-01",
        customers=[
            Customer(
                name=f"Customer{n}",
                tenant_id=f"00000000-0000-0000-0000-0000000001c{n}",
                subscription_id=f"00000000-0000-0000-0000-0000000002c{n}",
                resource_group_name="rg-security",
            )
            for n in (1, 2, 3)
        ],
    )
    ManagementGroupPolicyStack(
        app,
        "management-group-policy",
        management_group_name="contoso-landingzones",
        management_subscription_id="00000000-0000-0000-0000-000000000099",
        tenant_id=TENANT_ID,
        location=LOCATION,
        central_resource_group_name="rg-security-central",
        workspace_name="law-security-central",
        export_resource_group_name="rg-defender-export",
        subscription_ids=["00000000-0000-0000-0000-0000000001a1", "00000000-0000-0000-0000-0000000001a2"],
    )
    deployment = add_sharded_fleet(
        app,
        tenant_id=TENANT_ID,
        central_subscription_id="00000000-0000-0000-0000-000000000099",
        subscription_ids=[f"10000000-0000-0000-0000-{i + 1:012d}" for i in range(50)],
        shard_count=5,
        location=LOCATION,
        workspace_name="law-fleet-central",
        export_resource_group_name="rg-defender-export",
        state=StateStorage(resource_group_name="rg-tfstate", storage_account_name="sttfstatedefender", container_name="tfstate"),
    )
    AdoptPolicyExportStack(
        app,
        "adopt-policy-export",
        subscription_id=subscription_of(9),
        policy_resource_group_name="rg-asc-export",
        location=LOCATION,
        workspace_resource_id=SOC_WORKSPACE_ID,
    )
    return deployment
