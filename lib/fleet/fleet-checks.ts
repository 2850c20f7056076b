import { Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { checkAdoption } from "../adopt/adoption";
import { AdoptedAutomations } from "../adopt/existing-automation";
import { DestinationKind } from "../destinations/destination";
import { BRANDS } from "../model/brand";
import { ExportConfigError, describeValue } from "../model/errors";
import { isSubscriptionId } from "../internal/resource-id";
import { AutomationWriter, isAutomationWriter } from "../writers/writer";
import { FleetLayout, isFleetLayout } from "./fleet-layout";
import { ContinuousExportFleetProps, FleetSubscription } from "./fleet-props";
import { FleetShard } from "./shard-plan";

// The checks of a fleet's props, each a pure function of them.

/** The fleet's subscriptions: literal, distinct subscription ids; with a shard, exactly the shard's. */
export function checkSubscriptions(subscriptions: readonly FleetSubscription[], shard: FleetShard | undefined): void {
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
export function layoutOf(props: ContinuousExportFleetProps, writer: AutomationWriter): FleetLayout {
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
export function checkForEachSubscription(s: FleetSubscription, props: ContinuousExportFleetProps): void {
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
 * @param nameOf the name every subscription's automation of a kind has
 */
export function checkForEachAdoption(
  nameOf: (kind: DestinationKind) => string,
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
    const shared = nameOf(kind);
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
export function checkPreviousWriter(previous: AutomationWriter | undefined, writer: AutomationWriter): AutomationWriter | undefined {
  if (previous === undefined) return undefined;
  if (!isAutomationWriter(previous) || previous === AutomationWriter.AUTO) {
    throw new ExportConfigError(
      "DFE117",
      `\`previousWriter\` must be AutomationWriter.AZURERM or AutomationWriter.AZAPI (the one the fleet was deployed with), got ${describeValue(previous)}.`,
    );
  }
  return previous === writer ? undefined : previous;
}

/** The fleets named in `previousFleets`: construct ids beside this fleet, not its own; `isFleet` tells a fleet among its siblings. */
export function checkPreviousFleets(previous: readonly string[] | undefined, fleet: Construct, isFleet: (sibling: IConstruct) => boolean): string[] {
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
    if (sibling !== undefined && !isFleet(sibling)) {
      throw new ExportConfigError(
        "DFE195",
        `\`previousFleets\` names ${JSON.stringify(id)}, which is ${sibling.node.path}, not a fleet. Give the id the fleet had.`,
      );
    }
    seen.add(id);
  }
  return [...previous];
}
