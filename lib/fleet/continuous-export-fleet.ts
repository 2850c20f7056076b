import { Annotations, TerraformProvider, Token } from "cdktf";
import { AdoptedAutomations, ExistingAutomation } from "../adopt/existing-automation";
import { DestinationKind } from "../destinations/destination";
import { Construct } from "constructs";
import { AutomationNames, ContinuousExport } from "../continuous-export";
import { forgetWithoutDestroying } from "../internal/forgotten-address";
import { addressAt } from "../internal/addresses";
import { FleetShard } from "./shard-plan";
import { IExportDestination } from "../destinations/destination";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { Export } from "../model/export";
import { AutomationWriter, WRITERS, groupWriterFor, writerNamed } from "../writers/writer";
import { AZAPI_WRITER } from "../writers/azapi-writer";

/** One subscription of a fleet. */
export interface FleetSubscription {
  /** The subscription's id. */
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
}

/**
 * One export request applied to many subscriptions: a `ContinuousExport` per subscription, whose
 * construct id is the subscription id, so that adding or removing a subscription never moves another
 * one's Terraform address. Destinations (and the cross-tenant grants on them) are shared, not repeated.
 *
 * Defaults to the azapi writer: with azurerm, every subscription needs a provider configuration of its
 * own, since azurerm creates an automation in its provider's subscription.
 */
export class ContinuousExportFleet extends Construct {
  /** The exports, by subscription id. */
  public readonly exports: { [subscriptionId: string]: ContinuousExport } = {};

  constructor(scope: Construct, id: string, props: ContinuousExportFleetProps) {
    super(scope, id);
    atPath(this.node.path, () => checkSubscriptions(props.subscriptions, props.shard));
    const writer = props.writer ?? AutomationWriter.AZAPI;
    const policy = props.adoptPolicyExports;
    if (policy) {
      Annotations.of(this).addWarning(
        `${coded("DFW004", this.node.path)}taking over policy-made exports: remove the policy assignment first ` +
          `(az policy assignment delete, or set its enforcement mode to DoNotEnforce), or its next remediation ` +
          `overwrites them.`,
      );
    }
    const fromPolicy = (subscriptionId: string): AdoptedAutomations | undefined => {
      if (!policy) return undefined;
      const adopt: { [key: string]: ExistingAutomation } = {};
      for (const kind of kindsOf(props.destinations)) {
        if (!kind.policyAutomationName) continue;
        const group = policy.resourceGroupName ?? props.resourceGroupName;
        adopt[kind.propKey] = ExistingAutomation.fromId(
          `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.Security/automations/${kind.policyAutomationName}`,
          {
            location: policy.location ?? props.location,
          },
        );
      }
      return adopt;
    };
    for (const s of props.subscriptions) {
      this.exports[s.subscriptionId] = new ContinuousExport(this, s.subscriptionId, {
        subscriptionId: s.subscriptionId,
        resourceGroupName: s.resourceGroupName ?? props.resourceGroupName,
        location: props.location,
        createResourceGroup: props.createResourceGroup,
        exports: props.exports,
        destinations: props.destinations,
        writer,
        azapiProvider: props.azapiProvider,
        provider: s.provider ?? props.provider,
        tenantId: s.tenantId ?? props.tenantId,
        names: props.names,
        enabled: props.enabled,
        tags: props.tags,
        adopt: s.adopt ?? fromPolicy(s.subscriptionId),
      });
    }
    if (props.shard) this.handOverShardMoves(props, props.shard, writer);
  }

  /** Arriving subscriptions are imported; leaving ones leave this state without being deleted. */
  private handOverShardMoves(props: ContinuousExportFleetProps, shard: FleetShard, writer: AutomationWriter): void {
    const arriving = new Set(shard.arriving.map((s) => s.toLowerCase()));
    for (const [subscriptionId, exported] of Object.entries(this.exports)) {
      if (arriving.has(subscriptionId.toLowerCase())) exported._importExisting();
    }
    // The writer AUTO picks depends on the request; a removed block for an address not in the state is a no-op.
    const automationTypes =
      writer === AutomationWriter.AUTO ? WRITERS.map((w) => w.automationType) : [writerNamed(writer, AZAPI_WRITER).automationType];
    const groupType = groupWriterFor(undefined, writer).resourceGroupType;
    const kinds = kindsOf(props.destinations);
    for (const subscriptionId of shard.leaving) {
      for (const kind of kinds)
        automationTypes.forEach((type) => forgetWithoutDestroying(this, addressAt(this, type, subscriptionId, kind.actionType)));
      if (props.createResourceGroup) forgetWithoutDestroying(this, addressAt(this, groupType, subscriptionId, "ResourceGroup"));
    }
  }
}

/** The kinds of the destinations, in the order the library writes automations. */
function kindsOf(destinations: readonly IExportDestination[]): DestinationKind[] {
  return DestinationKind.ALL.filter((k) => destinations.some((d) => d.kind === k));
}

function checkSubscriptions(subscriptions: readonly FleetSubscription[], shard: FleetShard | undefined): void {
  if (!Array.isArray(subscriptions) || (subscriptions.length === 0 && !shard)) {
    throw new ExportConfigError("DFE090", "`subscriptions` is empty: a fleet needs at least one subscription.");
  }
  if (shard && (!Array.isArray(shard.subscriptionIds) || !Array.isArray(shard.arriving) || !Array.isArray(shard.leaving))) {
    throw new ExportConfigError("DFE095", "`shard` must be one of the shards `ShardPlan.of` returns.");
  }
  if (shard) {
    const listed = subscriptions.map((s) => String(s?.subscriptionId).toLowerCase()).sort();
    const planned = shard.subscriptionIds.map((s) => s.toLowerCase()).sort();
    if (listed.join() !== planned.join()) {
      throw new ExportConfigError(
        "DFE095",
        `the fleet's subscriptions are not those of ${shard.name}: a shard hands over exactly the subscriptions ` +
          `its plan says. Pass \`subscriptions: shard.subscriptionIds.map((subscriptionId) => ({ subscriptionId ` +
          `}))\`.`,
      );
    }
  }
  const seen = new Set<string>();
  for (const s of subscriptions) {
    if (s === null || typeof s !== "object" || typeof s.subscriptionId !== "string") {
      throw new ExportConfigError("DFE091", `each fleet subscription is { subscriptionId }, got ${describeValue(s)}.`);
    }
    if (Token.isUnresolved(s.subscriptionId)) {
      throw new ExportConfigError(
        "DFE091",
        "fleet subscriptions need literal ids: the id is the construct id, so that each subscription keeps its Terraform address.",
      );
    }
    const key = s.subscriptionId.toLowerCase();
    if (seen.has(key)) {
      throw new ExportConfigError("DFE092", `subscription ${s.subscriptionId} is listed twice. List each subscription once.`);
    }
    seen.add(key);
  }
}
