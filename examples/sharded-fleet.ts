import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { App, AzurermBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AlertSeverity, AzapiProvider, ContinuousExportFleet, Export, LogAnalyticsDestination, FleetShard, ShardDeployment, ShardPlan } from "../lib";

/** Where the stacks keep their state: one azurerm backend container, one key per stack. */
export interface StateStorage {
  /** The storage account's resource group. */
  readonly resourceGroupName: string;
  /** The storage account. */
  readonly storageAccountName: string;
  /** The blob container. */
  readonly containerName: string;
}

/** Properties of {@link addShardedFleet}. */
export interface ShardedFleetProps {
  /** The tenant of every subscription and of the central workspace. */
  readonly tenantId: string;
  /** The subscription of the central workspace. */
  readonly centralSubscriptionId: string;
  /** The subscriptions that export. */
  readonly subscriptionIds: string[];
  /** How many shard stacks. */
  readonly shardCount: number;
  /** The shard count deployed before, while it changes: the moving subscriptions are handed over between the shards' states. */
  readonly previousShardCount?: number;
  /** The region of everything. */
  readonly location: string;
  /** The central workspace's name. */
  readonly workspaceName: string;
  /** The resource group created in each subscription for its automation. */
  readonly exportResourceGroupName: string;
  /** Where state lives. */
  readonly state: StateStorage;
}

/** The central stack: the shared workspace. */
export class CentralWorkspaceStack extends TerraformStack {
  /** The workspace every shard exports to. */
  public readonly workspace: LogAnalyticsDestination;

  constructor(scope: Construct, id: string, props: ShardedFleetProps) {
    super(scope, id);
    new AzurermBackend(this, { ...props.state, key: "defender-export/central.tfstate" });
    new AzurermProvider(this, "azurerm", { features: [{}], tenantId: props.tenantId, subscriptionId: props.centralSubscriptionId });
    const rg = new ResourceGroup(this, "Central", { name: "rg-defender-central", location: props.location });
    this.workspace = new LogAnalyticsDestination(this, "CentralWorkspace", {
      workspaceName: props.workspaceName,
      resourceGroupName: rg.name,
      location: props.location,
      retentionInDays: 90,
    });
  }
}

/** A sharded fleet: its stacks, and its deployment as a CI engine's job matrix takes it. */
export interface ShardedFleet {
  /** The central stack, then one stack per shard. */
  readonly stacks: TerraformStack[];
  /** The machine-readable plan: the central stack first, then a job per shard. */
  readonly deployment: ShardDeployment;
}

/** Where the main job writes the deployment: next to the synthesized stacks, where the CI workflow reads it. */
export const SHARD_PLAN_FILE = "shard-plan.json";

/** Writes the deployment into the app's output directory (call after `app.synth()`). */
export function writeShardPlan(app: App, deployment: ShardDeployment): string {
  const file = join(app.outdir, SHARD_PLAN_FILE);
  writeFileSync(file, `${JSON.stringify(deployment, null, 2)}\n`);
  return file;
}

/**
 * A large fleet, split over shard stacks: the central stack first, then one job per shard (see
 * sharded-fleet.github-workflow.yml: a GitHub Actions matrix read from the shard plan), or
 * `cdktf deploy '*' --parallelism N` from one machine.
 * Each shard has its own state key and one azapi provider for all of its subscriptions; the central
 * workspace's id reaches the shards as a cdktf cross-stack reference (an output of the central stack,
 * read through its remote state). While the shard count changes, `previousShardCount` makes each shard
 * import the subscriptions that arrive and let go of those that leave; a retiring shard (above a lowered
 * count) is deployed once more, empty, and then dropped.
 */
export function addShardedFleet(app: App, props: ShardedFleetProps): ShardedFleet {
  const central = new CentralWorkspaceStack(app, "fleet-central", props);
  const plan = ShardPlan.of(props.subscriptionIds, { shardCount: props.shardCount, previousShardCount: props.previousShardCount, maxShardSize: 20 });
  const stackOf = (shard: FleetShard) => `fleet-${shard.name}`;
  const backendKeyOf = (shard: FleetShard) => `defender-export/${shard.name}.tfstate`;
  const shards = plan.map((shard) => {
    const stack = new TerraformStack(app, stackOf(shard));
    new AzurermBackend(stack, { ...props.state, key: backendKeyOf(shard) });
    new AzapiProvider(stack, "azapi", { tenantId: props.tenantId });
    new ContinuousExportFleet(stack, "Fleet", {
      subscriptions: shard.subscriptionIds.map((subscriptionId) => ({ subscriptionId })),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW }), Export.recommendations(), Export.secureScore()],
      destinations: [central.workspace],
      resourceGroupName: props.exportResourceGroupName,
      createResourceGroup: true,
      location: props.location,
      tenantId: props.tenantId,
      shard,
    });
    return stack;
  });
  const deployment = ShardPlan.deployment(plan, { naming: { stackOf, backendKeyOf }, first: [central.node.id] });
  return { stacks: [central, ...shards], deployment };
}
