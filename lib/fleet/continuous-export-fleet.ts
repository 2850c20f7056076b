import { Construct } from "constructs";
import { ContinuousExport } from "../continuous-export";
import { exportedAddress } from "../export/export-addresses";
import { withPlacement } from "../export/placement";
import { claimExportRoute } from "../internal/export-routes";
import { forgetWithoutDestroying } from "../internal/forgotten-address";
import { InstanceBlocks } from "../internal/instance-blocks";
import { subscriptionKey } from "../internal/resource-id";
import { warnOnce } from "../internal/warnings";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { AZAPI_WRITER } from "../writers/azapi-writer";
import { WRITERS } from "../writers/all-writers";
import { AutomationWriter } from "../writers/writer";
import { checkPreviousFleets, checkPreviousWriter, checkSubscriptions, layoutOf } from "./fleet-checks";
import { FleetLayout, isFleetLayout } from "./fleet-layout";
import { FleetShape, FormerPlace, movesInto, subscriptionAddresses } from "./fleet-moves";
import { ContinuousExportFleetProps } from "./fleet-props";
import { FOR_EACH_ID, fleetShape, policyAdoptions, sharedRequest } from "./fleet-request";
import { writeForEachExport } from "./for-each-export";
import { FleetShard } from "./shard-plan";

export { ContinuousExportFleetProps, FleetSubscription, PolicyCreatedExports } from "./fleet-props";

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
      this.forEachExport = writeForEachExport(this, props, writer, blocks, previousWriter);
    } else {
      // Subscriptions arriving from another shard exist already, in its state: their exports import everything.
      const arriving = new Set((props.shard?.arriving ?? []).map((s) => s.toLowerCase()));
      for (const s of props.subscriptions) {
        // The key Azure compares: a subscription id re-listed in another letter case keeps its address.
        const key = subscriptionKey(s.subscriptionId);
        const request = {
          ...sharedRequest(props, writer),
          subscriptionId: key,
          resourceGroupName: s.resourceGroupName ?? props.resourceGroupName,
          provider: s.provider ?? props.provider,
          tenantId: s.tenantId ?? props.tenantId,
          adopt: s.adopt ?? policyAdoptions(props, key),
          previousWriter,
          // checkPreviousWriter leaves a named writer (never AUTO): the group was written by it too.
          previousResourceGroupWriter: previousWriter && props.createResourceGroup ? previousWriter : undefined,
        };
        this.exports[key] = new ContinuousExport(
          this,
          key,
          arriving.has(key) ? withPlacement(request, { kind: "subscription", arriving: true }) : request,
        );
      }
      if (props.shard) this.forgetLeaving(props.shard, fleetShape(this.node.scope as Construct, props, writer));
      if (previousWriter === AutomationWriter.AZAPI && writer !== AutomationWriter.AZAPI && previousLayout === FleetLayout.FOR_EACH)
        this.forgetForEachInstances(props, writer, blocks);
    }
    this.moveFrom(previousLayout, props, writer, blocks);
  }

  /** The instances of the for_each layout an azapi fleet wrote before it was written per subscription through azurerm: they leave the state, the new resources import them. */
  private forgetForEachInstances(props: ContinuousExportFleetProps, writer: AutomationWriter, blocks: InstanceBlocks): void {
    const shape = {
      ...fleetShape(this.node.scope as Construct, props, writer),
      groupType: props.createResourceGroup ? AZAPI_WRITER.resourceGroupType : undefined,
    };
    for (const s of props.subscriptions) {
      const key = subscriptionKey(s.subscriptionId);
      for (const address of subscriptionAddresses(shape, this.node.id, FleetLayout.FOR_EACH, key).values())
        blocks.forgetInstanceOf(address.slice(0, address.lastIndexOf("[")), key);
    }
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
    const previousFleets = atPath(this.node.path, () =>
      checkPreviousFleets(props.previousFleets, this, (sibling) => sibling instanceof ContinuousExportFleet),
    );
    const shape = fleetShape(this.node.scope as Construct, props, writer);
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
      const exportIds = previous === FleetLayout.PER_SUBSCRIPTION ? props.subscriptions.map((s) => s.subscriptionId) : [FOR_EACH_ID];
      // Under every writer's group type: a per-subscription layout may have written its groups through azurerm.
      for (const exportId of exportIds)
        for (const writer of WRITERS) blocks.forgetResource(exportedAddress(this, writer.resourceGroupType, [exportId], "group"));
    }
  }

  /**
   * Subscriptions leaving for another shard leave this state without being deleted: every automation type
   * the writer may have written them as (AUTO picks by the request; a removed block for an address not in
   * the state is a no-op).
   */
  private forgetLeaving(shard: FleetShard, shape: FleetShape): void {
    for (const leaving of shard.leaving) {
      const subscriptionId = subscriptionKey(leaving);
      for (const kind of shape.kinds)
        shape.automationTypes.forEach((type) => forgetWithoutDestroying(this, exportedAddress(this, type, [subscriptionId], kind)));
      if (shape.groupType) forgetWithoutDestroying(this, exportedAddress(this, shape.groupType, [subscriptionId], "group"));
    }
  }
}
