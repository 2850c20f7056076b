import { claimExportRoute } from "../internal/export-routes";
import { BRANDS } from "../model/brand";
import { TerraformIterator, TerraformProvider, TerraformResource, Token } from "cdktf";
import { Local } from "../internal/literal-element";
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
import { FleetLayout, isFleetLayout } from "./fleet-layout";
import type { ExportHealthProps } from "../health/export-health";
import { InstanceBlocks, instanceAddress } from "../internal/instance-blocks";
import { NAME_RULES, checkName } from "../internal/inputs";
import { withKeyedSubscriptions } from "../internal/keyed-subscriptions";
import { checkAdoption } from "../adopt/adoption";
import { isSubscriptionId, subscriptionKey } from "../internal/resource-id";
import { FleetShape, FormerPlace, movesInto, subscriptionAddresses } from "./fleet-moves";
import { isAutomationWriter } from "../writers/writer";
import { warnOnce } from "../internal/warnings";

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

/**
 * One export request applied to many subscriptions: a `ContinuousExport` per subscription, whose
 * construct id is the subscription id, so that adding or removing a subscription never moves another
 * one's Terraform address. Destinations (and the cross-tenant grants on them) are shared, not repeated.
 *
 * Defaults to the azapi writer: with azurerm, every subscription needs a provider configuration of its
 * own, since azurerm creates an automation in its provider's subscription.
 */
export class ContinuousExportFleet extends Construct {
  /** The exports, by subscription id in lower case (PER_SUBSCRIPTION layout; empty in the FOR_EACH layout). */
  public readonly exports: { [subscriptionId: string]: ContinuousExport } = {};
  /**
   * The one export whose automations (and created resource group) have `for_each` over the
   * subscriptions (FOR_EACH layout; undefined in the PER_SUBSCRIPTION layout).
   */
  public readonly forEachExport?: ContinuousExport;
  /** The layout the automations are written in. */
  public readonly layout: FleetLayout;
  /** How many subscriptions the fleet exports. */
  public readonly subscriptionCount: number;

  constructor(scope: Construct, id: string, props: ContinuousExportFleetProps) {
    super(scope, id);
    atPath(this.node.path, () => checkSubscriptions(props.subscriptions, props.shard));
    for (const s of props.subscriptions) claimExportRoute(this, `/subscriptions/${s.subscriptionId}`, false);
    const writer = props.writer ?? AutomationWriter.AZAPI;
    this.layout = atPath(this.node.path, () => layoutOf(props, writer));
    const previousLayout = props.previousLayout;
    this.subscriptionCount = props.subscriptions.length;
    if (props.adoptPolicyExports) {
      warnOnce(
        this,
        `${coded("DFW004", this.node.path)}taking over policy-made exports: remove the policy assignment first ` +
          `(az policy assignment delete, or set its enforcement mode to DoNotEnforce), or its next remediation ` +
          `overwrites them.`,
      );
    }
    const previousWriter = atPath(this.node.path, () => checkPreviousWriter(props.previousWriter, writer));
    const blocks = new InstanceBlocks(this, "HandOvers");
    if (this.layout === FleetLayout.FOR_EACH) {
      this.forEachExport = this.writeForEach(props, writer, blocks, previousWriter);
    } else {
      for (const s of props.subscriptions) {
        // The key Azure compares: a subscription id re-listed in another letter case keeps its address.
        const key = subscriptionKey(s.subscriptionId);
        this.exports[key] = new ContinuousExport(this, key, {
          ...this.sharedRequest(props, writer),
          subscriptionId: key,
          resourceGroupName: s.resourceGroupName ?? props.resourceGroupName,
          provider: s.provider ?? props.provider,
          tenantId: s.tenantId ?? props.tenantId,
          adopt: s.adopt ?? this.fromPolicy(props, key),
          previousWriter,
          previousResourceGroupWriter:
            previousWriter && props.createResourceGroup
              ? previousWriter === AutomationWriter.AZAPI
                ? AutomationWriter.AZAPI
                : AutomationWriter.AZURERM
              : undefined,
        });
      }
      if (props.shard) this.handOverShardMoves(props, props.shard, writer);
      if (previousWriter === AutomationWriter.AZAPI && writer !== AutomationWriter.AZAPI && previousLayout === FleetLayout.FOR_EACH)
        this.forgetForEachInstances(props, writer, blocks);
    }
    this.moveFrom(previousLayout, props, writer, blocks);
  }

  /** Where this fleet's resources are, for moves between layouts and fleets. */
  private shape(props: ContinuousExportFleetProps, writer: AutomationWriter): FleetShape {
    const groupKeys = groupKeysOf(props);
    const automationTypes =
      writer === AutomationWriter.AUTO ? WRITERS.map((w) => w.automationType) : [writerNamed(writer, AZAPI_WRITER).automationType];
    return {
      scope: this.node.scope as Construct,
      kinds: kindsOf(props.destinations),
      automationTypes,
      groupType: props.createResourceGroup ? groupWriterFor(undefined, writer).resourceGroupType : undefined,
      groupKeyOf: (key) => groupKeys.get(key) ?? key,
    };
  }

  /** The instances of the for_each layout an azapi fleet wrote before it was written per subscription through azurerm: they leave the state, the new resources import them. */
  private forgetForEachInstances(props: ContinuousExportFleetProps, writer: AutomationWriter, blocks: InstanceBlocks): void {
    const shape = { ...this.shape(props, writer), groupType: props.createResourceGroup ? AZAPI_WRITER.resourceGroupType : undefined };
    for (const s of props.subscriptions) {
      const key = subscriptionKey(s.subscriptionId);
      for (const address of subscriptionAddresses(shape, this.node.id, FleetLayout.FOR_EACH, key).values())
        blocks.forgetInstanceOf(address.slice(0, address.lastIndexOf("[")), key);
    }
  }

  /** The request every subscription shares. */
  private sharedRequest(props: ContinuousExportFleetProps, writer: AutomationWriter) {
    return {
      location: props.location,
      createResourceGroup: props.createResourceGroup,
      exports: props.exports,
      destinations: props.destinations,
      writer,
      azapiProvider: props.azapiProvider,
      names: props.names,
      enabled: props.enabled,
      description: props.description,
      tags: props.tags,
      health: props.health,
    };
  }

  /** The automations Microsoft's export policy deployed in a subscription, when the fleet takes them over. */
  private fromPolicy(props: ContinuousExportFleetProps, subscriptionId: string): AdoptedAutomations | undefined {
    const policy = props.adoptPolicyExports;
    if (!policy) return undefined;
    const adopt: { [key: string]: ExistingAutomation } = {};
    for (const kind of kindsOf(props.destinations)) {
      if (!kind.policyAutomationName) continue;
      const group = policy.resourceGroupName ?? props.resourceGroupName;
      adopt[kind.propKey] = ExistingAutomation.fromId(
        `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.Security/automations/${kind.policyAutomationName}`,
        { location: policy.location ?? props.location },
      );
    }
    return adopt;
  }

  /**
   * The FOR_EACH layout: one export whose resources iterate over a local map of subscription id to
   * resource group; adopted automations and arriving subscriptions are imported into their instance,
   * leaving ones forgotten.
   */
  private writeForEach(
    props: ContinuousExportFleetProps,
    writer: AutomationWriter,
    blocks: InstanceBlocks,
    previousWriter: AutomationWriter | undefined,
  ): ContinuousExport {
    const groups = new Map<string, string>();
    for (const s of props.subscriptions) {
      atPath(this.node.path, () => checkForEachSubscription(s, props));
      groups.set(
        subscriptionKey(s.subscriptionId),
        atPath(this.node.path, () =>
          checkName(`subscriptions[${s.subscriptionId}].resourceGroupName`, s.resourceGroupName ?? props.resourceGroupName, NAME_RULES.resourceGroup),
        ),
      );
    }
    const map = new Local(this, "ResourceGroupBySubscription", Object.fromEntries(groups));
    const iterator = TerraformIterator.fromMap(map.asAnyMap);
    // A subscription with a group of its own has its created group under another key: giving it one then
    // creates the new group and forgets the old one (a moved block out of a key still declared is refused).
    const groupKeys = groupKeysOf(props);
    const ownGroups = [...groupKeys].filter(([key, groupKey]) => key !== groupKey);
    let groupIteration: { iterator: TerraformIterator; subscriptionId: string; name: string } | undefined;
    if (props.createResourceGroup && ownGroups.length > 0) {
      const byKey = new Local(
        this,
        "ResourceGroupByKey",
        Object.fromEntries([...groupKeys].map(([key, groupKey]) => [groupKey, { subscriptionId: key, name: groups.get(key) as string }])),
      );
      const groupIterator = TerraformIterator.fromMap(byKey.asAnyMap);
      groupIteration = { iterator: groupIterator, subscriptionId: groupIterator.getString("subscriptionId"), name: groupIterator.getString("name") };
    }
    const exported = new ContinuousExport(
      this,
      "Subscriptions",
      withKeyedSubscriptions(
        {
          ...this.sharedRequest(props, writer),
          subscriptionId: iterator.key,
          resourceGroupName: Token.asString(iterator.value),
          provider: props.provider,
          tenantId: props.tenantId,
        },
        { iterator, resourceGroups: groups, groups: groupIteration },
      ),
    );
    if (exported.resourceGroup)
      for (const [key] of ownGroups)
        blocks.forgetInstanceOf(`${exported.resourceGroup.terraformResourceType}.${exported.resourceGroup.friendlyUniqueId}`, key);
    const kinds = kindsOf(props.destinations);
    // One import block per instance: an adopted subscription may also arrive from a shard or another writer.
    const imported = new Set<string>();
    const importOnce = (to: string, id: string) => {
      if (!imported.has(to)) blocks.importInto(to, AZAPI_WRITER.importId(id), props.azapiProvider);
      imported.add(to);
    };
    const importInto = (written: string, group: string, only?: readonly DestinationKind[]) => {
      const subscriptionId = subscriptionKey(written);
      for (const kind of only ?? kinds) {
        const automation = exported.automations[kind.actionType];
        const name = exported._automationName(kind.actionType);
        const id = `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.Security/automations/${name}`;
        importOnce(instanceAddress(automation, subscriptionId), id);
      }
      if (exported.resourceGroup && only === undefined) {
        const id = `/subscriptions/${subscriptionId}/resourceGroups/${group}`;
        importOnce(instanceAddress(exported.resourceGroup, groupKeys.get(subscriptionId) ?? subscriptionId), id);
      }
    };
    const groupOf = (s: FleetSubscription) => s.resourceGroupName ?? props.resourceGroupName;
    for (const s of props.subscriptions) {
      const { subscriptionId } = s;
      const group = groupOf(s);
      const adopt = s.adopt ?? this.fromPolicy(props, subscriptionId);
      if (!adopt) continue;
      const adopted = atPath(this.node.path, () => checkForEachAdoption(exported, subscriptionId, group, adopt, props, kinds));
      importInto(subscriptionId, group, adopted);
    }
    // Written per subscription through azurerm before: those resources leave the state, these import them.
    if (previousWriter === AutomationWriter.AZURERM) {
      const before = this.shape(props, AutomationWriter.AZURERM);
      for (const s of props.subscriptions) {
        for (const written of new Set([s.subscriptionId, subscriptionKey(s.subscriptionId)]))
          subscriptionAddresses(before, this.node.id, FleetLayout.PER_SUBSCRIPTION, written).forEach((address) => blocks.forgetResource(address));
        importInto(s.subscriptionId, groupOf(s));
      }
    }
    if (props.shard) {
      const arriving = new Set(props.shard.arriving.map((s) => s.toLowerCase()));
      for (const s of props.subscriptions) if (arriving.has(s.subscriptionId.toLowerCase())) importInto(s.subscriptionId, groupOf(s));
      for (const subscriptionId of props.shard.leaving) {
        for (const resource of ContinuousExportFleet.forEachResources(exported)) blocks.forget(resource, subscriptionKey(subscriptionId));
        // From a per-subscription layout, the leaving subscription still has its own addresses.
        if (props.previousLayout === FleetLayout.PER_SUBSCRIPTION)
          for (const address of this.perSubscriptionAddresses(props, subscriptionId)) blocks.forgetResource(address);
      }
    }
    return exported;
  }

  /** The FOR_EACH layout's resources: the automations, then the created resource group. */
  private static forEachResources(exported: ContinuousExport): TerraformResource[] {
    return [...Object.values(exported.automations), ...(exported.resourceGroup ? [exported.resourceGroup] : [])];
  }

  /** What a subscription's resources are called in the PER_SUBSCRIPTION layout, by kind (and `ResourceGroup`). */
  private perSubscriptionAddresses(props: ContinuousExportFleetProps, subscriptionId: string): string[] {
    return [
      ...kindsOf(props.destinations).map((kind) => addressAt(this, AZAPI_WRITER.automationType, subscriptionId, kind.actionType)),
      ...(props.createResourceGroup ? [addressAt(this, AZAPI_WRITER.resourceGroupType, subscriptionId, "ResourceGroup")] : []),
    ];
  }

  /**
   * Moves every subscription's resources to where they are now from where they were: the previous
   * layout of this fleet, or the fleets it was split from or merged with (`previousFleets`).
   */
  private moveFrom(previous: FleetLayout | undefined, props: ContinuousExportFleetProps, writer: AutomationWriter, blocks: InstanceBlocks): void {
    if (previous !== undefined && !isFleetLayout(previous)) {
      throw new ExportConfigError(
        "DFE096",
        `${this.node.path}: \`previousLayout\` must be FleetLayout.FOR_EACH or PER_SUBSCRIPTION, got ${describeValue(previous)}.`,
      );
    }
    const previousFleets = atPath(this.node.path, () => checkPreviousFleets(props.previousFleets, this));
    const shape = this.shape(props, writer);
    for (const s of props.subscriptions) {
      const key = subscriptionKey(s.subscriptionId);
      const former: FormerPlace[] = [
        // Another fleet held it in either layout (its own moves from one to the other no longer name it).
        ...previousFleets.flatMap((fleetId) =>
          [FleetLayout.PER_SUBSCRIPTION, FleetLayout.FOR_EACH].map((layout) => ({ fleetId, layout, subscriptionKey: key })),
        ),
        // The layout it was deployed with (a build that named a subscription's constructs by its id as written).
        ...(previous === undefined
          ? []
          : [{ fleetId: this.node.id, layout: previous, subscriptionKey: previous === FleetLayout.FOR_EACH ? key : s.subscriptionId }]),
      ];
      for (const { from, to } of movesInto(shape, subscriptionAddresses(shape, this.node.id, this.layout, key), former)) blocks.move(from, to);
    }
    // Groups created before stay in Azure when the fleet stops creating them in the same change: deleting
    // one would delete the automations in it. (A removed block for an address not in the state is a no-op.)
    if (previous !== undefined && previous !== this.layout && props.createResourceGroup === false) {
      const groups =
        previous === FleetLayout.PER_SUBSCRIPTION
          ? props.subscriptions.map((s) => addressAt(this, AZAPI_WRITER.resourceGroupType, s.subscriptionId, "ResourceGroup"))
          : [addressAt(this, AZAPI_WRITER.resourceGroupType, "Subscriptions", "ResourceGroup")];
      groups.forEach((address) => blocks.forgetResource(address));
    }
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
    for (const leaving of shard.leaving) {
      const subscriptionId = subscriptionKey(leaving);
      for (const kind of kinds)
        automationTypes.forEach((type) => forgetWithoutDestroying(this, addressAt(this, type, subscriptionId, kind.actionType)));
      if (props.createResourceGroup) forgetWithoutDestroying(this, addressAt(this, groupType, subscriptionId, "ResourceGroup"));
    }
  }
}

/**
 * The `for_each` key of each subscription's created group (FOR_EACH layout): the subscription key, or
 * `<subscription>/<group in lower case>` for a subscription with a group of its own, as Azure identifies a group.
 */
function groupKeysOf(props: ContinuousExportFleetProps): Map<string, string> {
  const shared = String(props.resourceGroupName).toLowerCase();
  return new Map(
    props.subscriptions.map((s) => {
      const key = subscriptionKey(s.subscriptionId);
      const own = s.resourceGroupName;
      return [key, own === undefined || String(own).toLowerCase() === shared ? key : `${key}/${String(own).toLowerCase()}`];
    }),
  );
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
  if (shard) BRANDS.shard.check("shard", shard);
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
    if (!isSubscriptionId(s.subscriptionId)) {
      throw new ExportConfigError("DFE035", `${describeValue(s.subscriptionId)} is not a subscription id: give the subscription's GUID.`);
    }
    const key = s.subscriptionId.toLowerCase();
    if (seen.has(key)) {
      throw new ExportConfigError("DFE092", `subscription ${s.subscriptionId} is listed twice. List each subscription once.`);
    }
    seen.add(key);
  }
}

/** The layout asked for, or the writer's default; FOR_EACH needs the azapi writer. */
function layoutOf(props: ContinuousExportFleetProps, writer: AutomationWriter): FleetLayout {
  if (props.layout !== undefined && !isFleetLayout(props.layout)) {
    throw new ExportConfigError("DFE096", `\`layout\` must be FleetLayout.FOR_EACH or PER_SUBSCRIPTION, got ${describeValue(props.layout)}.`);
  }
  const layout = props.layout ?? (writer === AutomationWriter.AZAPI ? FleetLayout.FOR_EACH : FleetLayout.PER_SUBSCRIPTION);
  if (layout === FleetLayout.FOR_EACH && writer !== AutomationWriter.AZAPI) {
    throw new ExportConfigError(
      "DFE096",
      "the FOR_EACH layout writes through azapi (one provider, `parent_id` per subscription); azurerm needs a " +
        "provider per subscription, which `for_each` cannot vary. Use writer: AutomationWriter.AZAPI, or layout: FleetLayout.PER_SUBSCRIPTION.",
    );
  }
  return layout;
}

/** In the FOR_EACH layout, one azapi provider writes every subscription: no per-subscription provider or tenant. */
function checkForEachSubscription(s: FleetSubscription, props: ContinuousExportFleetProps): void {
  if (s.provider !== undefined) {
    throw new ExportConfigError(
      "DFE097",
      `subscription ${s.subscriptionId} names a \`provider\`: in the FOR_EACH layout one azapi provider writes every ` +
        `subscription (\`azapiProvider\`). Drop it, or use layout: FleetLayout.PER_SUBSCRIPTION.`,
    );
  }
  if (s.tenantId !== undefined && (props.tenantId === undefined || s.tenantId.toLowerCase() !== props.tenantId.toLowerCase())) {
    throw new ExportConfigError(
      "DFE097",
      `subscription ${s.subscriptionId} is in tenant ${s.tenantId}, but a FOR_EACH fleet spans one tenant (its ` +
        `azapi provider's, \`tenantId\`: ${props.tenantId ?? "not given"}). Make a fleet per tenant, each with its own azapi provider.`,
    );
  }
}

/**
 * An adopted automation in the FOR_EACH layout keeps the name and location every instance shares (and
 * its subscription, group and location, as every adoption). Returns the adopted kinds.
 */
function checkForEachAdoption(
  exported: ContinuousExport,
  subscriptionId: string,
  resourceGroupName: string,
  adopt: AdoptedAutomations,
  props: ContinuousExportFleetProps,
  kinds: readonly DestinationKind[],
): DestinationKind[] {
  checkAdoption({ subscriptionId, resourceGroupName, location: props.location, adopt }, kinds);
  const adopted: DestinationKind[] = [];
  for (const kind of kinds) {
    const existing = adopt[kind.propKey];
    if (!existing) continue;
    adopted.push(kind);
    const shared = exported._automationName(kind.actionType);
    if (existing.name !== shared) {
      throw new ExportConfigError(
        "DFE098",
        `subscription ${subscriptionId} adopts the automation "${existing.name}", but every subscription of a ` +
          `FOR_EACH fleet names its ${kind.displayName} automation "${shared}" (a new name would replace it). Give ` +
          `\`names: { ${kind.propKey}: "${existing.name}" }\` if all are named so, or use layout: FleetLayout.PER_SUBSCRIPTION.`,
      );
    }
  }
  return adopted;
}

/** The previous writer, when it differs from the fleet's: a hand-over. */
function checkPreviousWriter(previous: AutomationWriter | undefined, writer: AutomationWriter): AutomationWriter | undefined {
  if (previous === undefined) return undefined;
  if (!isAutomationWriter(previous) || previous === AutomationWriter.AUTO) {
    throw new ExportConfigError(
      "DFE117",
      `\`previousWriter\` must be AutomationWriter.AZURERM or AutomationWriter.AZAPI (the one the fleet was deployed with), got ${describeValue(previous)}.`,
    );
  }
  return previous === writer ? undefined : previous;
}

/** The fleets named in `previousFleets`: construct ids beside this fleet, not its own. */
function checkPreviousFleets(previous: readonly string[] | undefined, fleet: Construct): string[] {
  if (previous === undefined) return [];
  if (!Array.isArray(previous)) {
    throw new ExportConfigError("DFE195", `\`previousFleets\` must be a list of construct ids, got ${describeValue(previous)}.`);
  }
  const seen = new Set<string>();
  for (const id of previous) {
    if (typeof id !== "string" || Token.isUnresolved(id) || id.length === 0 || id.includes("/")) {
      throw new ExportConfigError(
        "DFE195",
        `\`previousFleets\` takes the construct ids of fleets beside this one (the id, not a path), got ${describeValue(id)}.`,
      );
    }
    if (id === fleet.node.id || seen.has(id)) {
      throw new ExportConfigError(
        "DFE195",
        `\`previousFleets\` names ${JSON.stringify(id)} ${id === fleet.node.id ? "(this fleet itself: its own earlier addresses move without it)" : "twice"}. ` +
          `List each other fleet once.`,
      );
    }
    const sibling = fleet.node.scope?.node.tryFindChild(id);
    if (sibling !== undefined && !(sibling instanceof ContinuousExportFleet)) {
      throw new ExportConfigError(
        "DFE195",
        `\`previousFleets\` names ${JSON.stringify(id)}, which is ${sibling.node.path}, not a fleet. Give the id the fleet had.`,
      );
    }
    seen.add(id);
  }
  return [...previous];
}
