import { ITerraformIterator, TerraformResource } from "cdktf";

/**
 * Where an export writes: one subscription (the props' `subscriptionId` and `resourceGroupName`), or
 * every subscription of a fleet in the `for_each` layout (the props then hold `each.key` and
 * `each.value`, and every resource iterates over the subscriptions). Internal: only the fleet places an
 * export anywhere but in one subscription, through {@link withPlacement}.
 */
export type Placement = OneSubscription | KeyedFleet;

/** The export writes into the one subscription its props name. */
export interface OneSubscription {
  readonly kind: "subscription";
  /**
   * The resources exist already, in another state (a fleet's subscription that arrives from another
   * shard): every one is imported. @default false
   */
  readonly arriving?: boolean;
}

/**
 * The export writes a fleet in the `for_each` layout: one resource per destination kind (and one created
 * group) iterating over the subscriptions, `each.key` the subscription id and `each.value` its group.
 */
export interface KeyedFleet {
  readonly kind: "for_each";
  /** The iterator every resource of the export gets as `for_each`. */
  readonly iterator: ITerraformIterator;
  /** The resource group of each subscription's automations, by subscription id, as given. */
  readonly resourceGroups: ReadonlyMap<string, string>;
  /**
   * How the created groups iterate, when they do not share the automations' keys: their own iterator, and
   * the subscription and group name of an instance (references to its key and value). @default the automations' iterator
   */
  readonly groups?: { readonly iterator: ITerraformIterator; readonly subscriptionId: string; readonly name: string };
}

/** A placement with the props' subscription and group filled in: every answer the export needs of where it writes. */
export interface Placed {
  /** Whether the props' subscription id is a literal to check (not `each.key`, which the fleet checked). */
  readonly literalSubscription: boolean;
  /** Each subscription written, with the resource group of its automations. */
  readonly resourceGroups: ReadonlyArray<readonly [string, string]>;
  /** The subscription and name of the created group, as written (references to the group's iterator when it has one). */
  readonly group: { readonly subscriptionId: string; readonly name: string };
  /** Whether every resource is imported: it exists in another state. */
  readonly arriving: boolean;
  /** Whether the resources keep the construct's own addresses (a renamed export may move them: `previousId`). */
  readonly movable: boolean;
  /** The subscriptions in words, for reports. @default none: the props' subscription id, in words */
  readonly subscriptionInWords?: string;
  /** Makes a written automation (or the created group) iterate over the subscriptions, when keyed. */
  iterate(resource: TerraformResource, role: "automation" | "group"): void;
}

/** The placement of an export that names its subscription: the default. */
export const ONE_SUBSCRIPTION: OneSubscription = { kind: "subscription" };

/** A placement resolved against the props' (normalized) subscription id and resource group. */
export function placed(placement: Placement, subscriptionId: string, resourceGroupName: string): Placed {
  if (placement.kind === "subscription") {
    return {
      literalSubscription: true,
      resourceGroups: [[subscriptionId, resourceGroupName]],
      group: { subscriptionId, name: resourceGroupName },
      arriving: placement.arriving === true,
      movable: true,
      iterate: () => undefined,
    };
  }
  return {
    literalSubscription: false,
    resourceGroups: [...placement.resourceGroups],
    group: placement.groups ?? { subscriptionId, name: resourceGroupName },
    arriving: false,
    movable: false,
    subscriptionInWords: `each of ${placement.resourceGroups.size} (for_each)`,
    iterate: (resource, role) => {
      resource.forEach = role === "group" ? (placement.groups?.iterator ?? placement.iterator) : placement.iterator;
    },
  };
}

/**
 * The key under which a fleet hands the placement to the export it writes: a symbol, so that it is no
 * part of `ContinuousExportProps` or of the constructor's signature (the shipped types hold the public
 * API only).
 */
const PLACEMENT: unique symbol = Symbol("cdktf-defender-export.placement");

/** The props of an export placed by a fleet: internal, the fleet's one way to place an export. */
export function withPlacement<T extends object>(props: T, placement: Placement): T {
  return { ...props, [PLACEMENT]: placement };
}

/** The placement handed over with the props: the fleet's, else one subscription. */
export function placementOf(props: object): Placement {
  return (props as { [PLACEMENT]?: Placement })[PLACEMENT] ?? ONE_SUBSCRIPTION;
}
