"""A large fleet, split over shard stacks: the central stack first, then one stack per shard, each with its own
state key and one azapi provider for all of its subscriptions; the central workspace's id reaches the shards
as a cross-stack reference.

The Python twin of examples/sharded-fleet.ts: it synthesizes the same Terraform and the same shard plan.
"""

from dataclasses import dataclass
from typing import List, Optional

import jsii
from cdktf import App, AzurermBackend, TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup
from constructs import Construct

from cdktf_defender_export import (
    AlertSeverity,
    AzapiProvider,
    ContinuousExportFleet,
    Export,
    FleetShard,
    FleetSubscription,
    IShardNaming,
    LogAnalyticsDestination,
    ShardDeployment,
    ShardPlan,
)


@dataclass(frozen=True)
class StateStorage:
    """Where the stacks keep their state: one azurerm backend container, one key per stack."""

    resource_group_name: str
    storage_account_name: str
    container_name: str


class CentralWorkspaceStack(TerraformStack):
    """The central stack: the workspace every shard exports to."""

    def __init__(self, scope: Construct, id: str, *, tenant_id: str, central_subscription_id: str, location: str, workspace_name: str, state: StateStorage) -> None:
        super().__init__(scope, id)
        AzurermBackend(
            self,
            resource_group_name=state.resource_group_name,
            storage_account_name=state.storage_account_name,
            container_name=state.container_name,
            key="defender-export/central.tfstate",
        )
        AzurermProvider(self, "azurerm", features=[{}], tenant_id=tenant_id, subscription_id=central_subscription_id)
        rg = ResourceGroup(self, "Central", name="rg-defender-central", location=location)
        self.workspace = LogAnalyticsDestination(
            self, "CentralWorkspace", workspace_name=workspace_name, resource_group_name=rg.name, location=location, retention_in_days=90
        )


@jsii.implements(IShardNaming)
class ShardNaming:
    """The stack and state key of each shard (TypeScript passes two arrow functions; Python, a class)."""

    def stack_of(self, shard: FleetShard) -> str:
        return f"fleet-{shard.name}"

    def backend_key_of(self, shard: FleetShard) -> str:
        return f"defender-export/{shard.name}.tfstate"


def add_sharded_fleet(
    app: App,
    *,
    tenant_id: str,
    central_subscription_id: str,
    subscription_ids: List[str],
    shard_count: int,
    location: str,
    workspace_name: str,
    export_resource_group_name: str,
    state: StateStorage,
    previous_shard_count: Optional[int] = None,
) -> ShardDeployment:
    """Adds the central stack and one stack per shard to ``app``; gives back the deployment plan."""
    central = CentralWorkspaceStack(
        app,
        "fleet-central",
        tenant_id=tenant_id,
        central_subscription_id=central_subscription_id,
        location=location,
        workspace_name=workspace_name,
        state=state,
    )
    plan = ShardPlan.of(subscription_ids, shard_count=shard_count, previous_shard_count=previous_shard_count, max_shard_size=20)
    naming = ShardNaming()
    for shard in plan:
        stack = TerraformStack(app, naming.stack_of(shard))
        AzurermBackend(
            stack,
            resource_group_name=state.resource_group_name,
            storage_account_name=state.storage_account_name,
            container_name=state.container_name,
            key=naming.backend_key_of(shard),
        )
        AzapiProvider(stack, "azapi", tenant_id=tenant_id)
        ContinuousExportFleet(
            stack,
            "Fleet",
            subscriptions=[FleetSubscription(subscription_id=s) for s in shard.subscription_ids],
            exports=[Export.alerts(minimum_severity=AlertSeverity.LOW), Export.recommendations(), Export.secure_score()],
            destinations=[central.workspace],
            resource_group_name=export_resource_group_name,
            create_resource_group=True,
            location=location,
            tenant_id=tenant_id,
            shard=shard,
        )
    return ShardPlan.deployment(plan, naming=naming, first=[central.node.id])
