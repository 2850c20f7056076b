import { IConstruct } from "constructs";
import { DestinationKind } from "../destinations/destination";
import { GROUP_ID, automationIdOf, exportedAddress } from "../export/export-addresses";
import { AZAPI_WRITER } from "../writers/azapi-writer";
import { FleetLayout } from "./fleet-layout";
import { FOR_EACH_ID } from "./fleet-request";

/** What a fleet writes for one subscription, as far as its Terraform addresses go. */
export interface FleetShape {
  /** The construct that holds the fleets (the fleet's parent): sibling fleets are addressed from it. */
  readonly scope: IConstruct;
  /** The destination kinds, each an automation. */
  readonly kinds: readonly DestinationKind[];
  /** The automation resource types the per-subscription layout may write (both for AUTO). */
  readonly automationTypes: readonly string[];
  /** The resource type of the created group, when the fleet creates groups. @default none: no group */
  readonly groupType?: string;
  /** The `for_each` key of a subscription's created group, by subscription key. @default the subscription key */
  readonly groupKeyOf?: (subscriptionKey: string) => string;
}

/** Where a fleet's resources for one subscription are, by `<resource type>|<kind or ResourceGroup>`. */
export function subscriptionAddresses(shape: FleetShape, fleetId: string, layout: FleetLayout, subscriptionKey: string): Map<string, string> {
  const addresses = new Map<string, string>();
  const roles: Array<DestinationKind | "group"> = [...shape.kinds, ...(shape.groupType ? ["group" as const] : [])];
  const slot = (type: string, role: DestinationKind | "group") => `${type}|${role === "group" ? GROUP_ID : automationIdOf(role)}`;
  if (layout === FleetLayout.FOR_EACH) {
    // Only azapi writes the for_each layout.
    for (const role of roles) {
      const type = role === "group" ? AZAPI_WRITER.resourceGroupType : AZAPI_WRITER.automationType;
      if (role === "group" && shape.groupType !== AZAPI_WRITER.resourceGroupType) continue;
      const key = role === "group" ? (shape.groupKeyOf?.(subscriptionKey) ?? subscriptionKey) : subscriptionKey;
      addresses.set(slot(type, role), `${exportedAddress(shape.scope, type, [fleetId, FOR_EACH_ID], role)}[${JSON.stringify(key)}]`);
    }
    return addresses;
  }
  for (const role of roles) {
    const types = role === "group" ? [shape.groupType as string] : shape.automationTypes;
    for (const type of types) addresses.set(slot(type, role), exportedAddress(shape.scope, type, [fleetId, subscriptionKey], role));
  }
  return addresses;
}

/** One place a subscription's resources may have been before: a fleet (this one or another), its layout and the key it used. */
export interface FormerPlace {
  readonly fleetId: string;
  readonly layout: FleetLayout;
  readonly subscriptionKey: string;
}

/**
 * The `moved` blocks that bring a subscription's resources from wherever they were before to where they
 * are now: a chain `first → second → … → now` per resource, since Terraform accepts one source per
 * target ("Ambiguous move statements") but follows chains, and a move whose source is not in the state
 * does nothing. So whichever former place holds the resource, it arrives; the others cost a block each.
 * Only resources of one type move (a changed type is a hand-over: `previousWriter`).
 */
export function movesInto(shape: FleetShape, now: Map<string, string>, former: readonly FormerPlace[]): Array<{ from: string; to: string }> {
  const moves: Array<{ from: string; to: string }> = [];
  const formerAddresses = former.map((p) => subscriptionAddresses(shape, p.fleetId, p.layout, p.subscriptionKey));
  for (const [slot, target] of now) {
    const chain = [...new Set(formerAddresses.map((a) => a.get(slot)).filter((a): a is string => a !== undefined && a !== target))];
    chain.forEach((from, i) => moves.push({ from, to: chain[i + 1] ?? target }));
  }
  return moves;
}
