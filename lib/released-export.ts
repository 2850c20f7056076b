import { Construct } from "constructs";
import { DestinationKind } from "./destinations/destination";
import { addressAt } from "./internal/addresses";
import { forgetWithoutDestroying } from "./internal/forgotten-address";
import { WRITERS } from "./writers/writer";

/**
 * What stays of a `ContinuousExport` that moved to another stack (another Terraform state): put it where
 * the export was, with the export's construct id, for one deploy. Every automation and the resource group
 * the export wrote leave this stack's state without being deleted (`removed` with `destroy = false`,
 * Terraform 1.7+); the export in its new stack takes them over with `adopt` (import blocks), so Azure sees
 * no change and the export no gap. Without it, deleting the export from this stack deletes its automations.
 *
 * ```ts
 * // old stack, where new ContinuousExport(this, "Alerts", …) was:
 * new ReleasedExport(this, "Alerts");
 * // new stack:
 * new ContinuousExport(this, "Alerts", { …, adopt: { workspace: ExistingAutomation.fromId(automationId, { location }) } });
 * ```
 *
 * Deploy both (in either order), then delete the `ReleasedExport` once the old stack has applied it.
 */
export class ReleasedExport extends Construct {
  /** The addresses this stack forgets. */
  public readonly forgotten: string[];

  /**
   * @param id the construct id the export had in this scope
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Whatever the writer and the destination kinds were: a removed block for an address not in the state does nothing.
    this.forgotten = [
      ...WRITERS.flatMap((w) => DestinationKind.ALL.map((kind) => addressAt(this, w.automationType, kind.actionType))),
      ...[...new Set(WRITERS.map((w) => w.resourceGroupType))].map((type) => addressAt(this, type, "ResourceGroup")),
    ];
    for (const address of this.forgotten) forgetWithoutDestroying(this, address);
  }
}
