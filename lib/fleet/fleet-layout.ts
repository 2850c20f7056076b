/**
 * How a fleet writes its automations to Terraform.
 *
 * `FOR_EACH`: one resource per destination kind with `for_each` over the subscriptions (addresses
 * `azapi_resource.<name>["<subscription id>"]`), the request written once. The Terraform JSON grows by
 * one map entry per subscription, and synth time stays near that of writing the JSON by hand.
 *
 * `PER_SUBSCRIPTION`: one resource per subscription and destination kind, each its own construct under
 * the fleet (`<fleet>/<subscription id>/<kind>`), as versions before 0.2 wrote every fleet. The azurerm
 * writer needs it (a provider per subscription, which `for_each` cannot vary).
 */
export class FleetLayout {
  /** One `for_each` resource per destination kind, keyed by subscription id. Needs the azapi writer. */
  public static readonly FOR_EACH = new FleetLayout("for_each");
  /** One resource per subscription and destination kind. */
  public static readonly PER_SUBSCRIPTION = new FleetLayout("per_subscription");

  private constructor(
    /** The layout's name. */
    public readonly name: string,
  ) {}
}

/** Whether a value is one of the `FleetLayout` constants. */
export function isFleetLayout(value: unknown): value is FleetLayout {
  return value === FleetLayout.FOR_EACH || value === FleetLayout.PER_SUBSCRIPTION;
}
