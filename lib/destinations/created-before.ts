import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { addressAt } from "../internal/addresses";
import { forgetWithoutDestroying } from "../internal/forgotten-address";
import { ExportConfigError, describeValue } from "../model/errors";
import { DestinationKind, DestinationOptions } from "./destination";

/** Options of a destination that exists already (`fromWorkspaceId`, `fromEventHubId`, `fromWorkflow`). */
export interface ExistingDestinationOptions extends DestinationOptions {
  /**
   * This stack created the destination before (`new LogAnalyticsDestination(…)`, `new EventHubDestination(…)`
   * or `new LogicAppDestination(…)` with the same construct id): what it created leaves the state without
   * being deleted (`removed` with `destroy = false`, Terraform 1.7+), with its data. Without it, switching a
   * created destination to an existing one deletes it: `prevent_destroy` does not protect a resource whose
   * block is gone. Keep it until every state has applied the change. @default false
   */
  readonly createdBefore?: boolean;
}

/**
 * An existing destination that this stack created before under the same construct id: every resource the
 * created one wrote, and this one does not write at the same address, is forgotten, not destroyed.
 */
export function forgetCreatedBefore(destination: Construct, kind: DestinationKind, options: ExistingDestinationOptions): void {
  const createdBefore = options?.createdBefore;
  if (createdBefore === undefined || createdBefore === false) return;
  if (createdBefore !== true) {
    throw new ExportConfigError("DFE196", `${destination.node.path}: \`createdBefore\` must be true or false, got ${describeValue(createdBefore)}.`);
  }
  for (const [type, childId] of kind._createdResources) {
    const child = destination.node.tryFindChild(childId);
    // Still written at that address (a trusted hub's sender role): it stays managed, nothing to forget.
    if (child instanceof TerraformResource && child.terraformResourceType === type) continue;
    forgetWithoutDestroying(destination, addressAt(destination, type, childId));
  }
}
