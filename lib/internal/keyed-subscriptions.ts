import { ITerraformIterator } from "cdktf";

/**
 * The subscriptions of a fleet written in the `for_each` layout: one export whose automations (and
 * created resource group) iterate over them, `each.key` the subscription id and `each.value` the
 * resource group of its automations.
 */
export interface KeyedSubscriptions {
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

/**
 * The key under which a fleet hands its keyed subscriptions to the export it writes: a symbol, so that
 * it is no part of `ContinuousExportProps` or of the constructor's signature (the shipped types hold
 * the public API only).
 */
const KEYED_SUBSCRIPTIONS: unique symbol = Symbol("cdktf-defender-export.keyedSubscriptions");

/** The props of the export a fleet writes in the `for_each` layout, carrying its keyed subscriptions. */
export function withKeyedSubscriptions<T extends object>(props: T, keyed: KeyedSubscriptions): T {
  return { ...props, [KEYED_SUBSCRIPTIONS]: keyed };
}

/** The keyed subscriptions a fleet handed over with the props, if any. */
export function keyedSubscriptionsOf(props: object): KeyedSubscriptions | undefined {
  return (props as { [KEYED_SUBSCRIPTIONS]?: KeyedSubscriptions })[KEYED_SUBSCRIPTIONS];
}
