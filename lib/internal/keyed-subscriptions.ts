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
