import { TerraformProvider } from "cdktf";
import { AdoptedAutomations } from "../adopt/existing-automation";
import { IExportDestination } from "../destinations/destination";
import { AutomationNames } from "../export/props";
import type { ExportHealthProps } from "../health/export-health";
import { Export } from "../model/export";
import { AutomationWriter } from "../writers/writer";
import { FleetLayout } from "./fleet-layout";
import { FleetShard } from "./shard-plan";

/** One subscription of a fleet. */
export interface FleetSubscription {
  /** The subscription's id, in any letter case (Azure's comparison): it is keyed and written in lower case. */
  readonly subscriptionId: string;
  /** The azurerm provider configured for this subscription (needed with the azurerm writer). @default the fleet's `provider` */
  readonly provider?: TerraformProvider;
  /** The resource group for its automations. @default the fleet's `resourceGroupName` */
  readonly resourceGroupName?: string;
  /** The subscription's tenant. @default the fleet's `tenantId` */
  readonly tenantId?: string;
  /** Existing automations of this subscription to take over. @default the fleet's `adoptPolicyExports`, if set */
  readonly adopt?: AdoptedAutomations;
}

/** Where Microsoft's built-in export policy deployed its automations, to take them over fleet-wide. */
export interface PolicyCreatedExports {
  /** The resource group the policy deployed into (its `resourceGroupName` parameter). @default the fleet's `resourceGroupName` */
  readonly resourceGroupName?: string;
  /** The region the policy deployed into (its `resourceGroupLocation` parameter). @default the fleet's `location` */
  readonly location?: string;
}

/** Properties of {@link ContinuousExportFleet}. */
export interface ContinuousExportFleetProps {
  /** The subscriptions; each gets its own automations, all sharing the destinations. */
  readonly subscriptions: FleetSubscription[];
  /** What to export, in every subscription. */
  readonly exports: Export[];
  /** Where to send it; created once, shared by every subscription. */
  readonly destinations: IExportDestination[];
  /** The resource group for the automations in each subscription. */
  readonly resourceGroupName: string;
  /** The region of the automations. */
  readonly location: string;
  /**
   * Create the resource group in each subscription. To stop managing groups created before, set `false`
   * (not just delete the line): they leave the state without being deleted. @default false
   */
  readonly createResourceGroup?: boolean;
  /**
   * How the automations are written. @default AutomationWriter.AZAPI: one azapi provider per tenant
   * serves every subscription (parent_id addresses it); azurerm needs a provider per subscription (see
   * docs/performance.md for the numbers)
   */
  readonly writer?: AutomationWriter;
  /** The azapi provider. @default the stack's default azapi provider */
  readonly azapiProvider?: TerraformProvider;
  /** The azurerm provider for subscriptions that name none. @default the stack's default azurerm provider */
  readonly provider?: TerraformProvider;
  /** The tenant of the subscriptions, to tell destinations in other tenants apart. @default the writing provider's */
  readonly tenantId?: string;
  /** Automation names. @default the portal-visible names */
  readonly names?: AutomationNames;
  /** Whether the exports run. @default true */
  readonly enabled?: boolean;
  /** The automations' description. @default a generated one */
  readonly description?: string;
  /** Tags for the automations (and created resource groups). @default none */
  readonly tags?: { [key: string]: string };
  /**
   * Take over, in every subscription, the automation Microsoft's built-in export policy deployed there
   * (`ExportToWorkspace` / `exportToEventHub`). Remove the policy assignment (or set its enforcement to
   * DoNotEnforce) first, or its remediation will overwrite what Terraform manages. @default none
   */
  readonly adoptPolicyExports?: PolicyCreatedExports;
  /**
   * The shard of a sharded fleet this stack deploys (from `ShardPlan.of`). With it, the fleet hands the
   * subscriptions that move between shards over between the states: their automations (and created
   * resource groups) are imported here when they arrive, and forgotten without being deleted
   * (`removed`, Terraform 1.7+) when they leave, so a changed shard count touches nothing in Azure.
   * `subscriptions` must then be the shard's subscriptions, and may be empty (a retiring shard).
   * @default not sharded
   */
  readonly shard?: FleetShard;
  /**
   * How the automations are written: one `for_each` resource per destination kind keyed by subscription
   * id (FOR_EACH), or a resource per subscription (PER_SUBSCRIPTION). In FOR_EACH, a subscription's
   * `resourceGroupName` and `adopt` may differ from the fleet's; its `provider` and `tenantId` may not
   * (one azapi provider writes the fleet: make a fleet per tenant).
   * @default FleetLayout.FOR_EACH with the azapi writer (the default), else FleetLayout.PER_SUBSCRIPTION
   */
  readonly layout?: FleetLayout;
  /**
   * The layout the fleet was deployed with before, when it differs from `layout`: the fleet then writes
   * a `moved` block per subscription and resource, so the automations change address without being
   * touched in Azure (a fleet deployed per subscription, by an earlier build or with
   * `layout: FleetLayout.PER_SUBSCRIPTION`, moving to FOR_EACH, or back). Once every state has applied
   * the move, drop it (or set it to the current layout): each block costs about 217 bytes of cdk.tf.json,
   * one per subscription and destination kind (docs/performance.md, `npm run bench`).
   * @default none: a new fleet, or one that has always had `layout`; no moved blocks
   */
  readonly previousLayout?: FleetLayout;
  /**
   * Health alerts on the shared destinations (see `ContinuousExport`'s `health`): one set per
   * destination, whose log search alert names each silent subscription of the fleet. @default none
   */
  readonly health?: ExportHealthProps;
  /**
   * Construct ids of fleets beside this one (same scope) that exported some of these subscriptions
   * before: a fleet split in two, two merged into one, or a fleet renamed. Each subscription's
   * automations (and created group) move here with `moved` blocks instead of being deleted by the old
   * fleet and re-created by this one. Keep the list until every state has applied the move. @default none
   */
  readonly previousFleets?: string[];
  /**
   * The writer the automations were deployed with before, when it changes (e.g. from azurerm per
   * subscription to the azapi for_each layout): the old resources leave the state without being
   * deleted (`removed`) and the new ones import the same automations and groups, instead of a delete and
   * re-create, which would leave a gap. @default the writer has not changed
   */
  readonly previousWriter?: AutomationWriter;
}
