import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { IExportDestination } from "../destinations/destination";

/** What a cross-tenant grant tells the exports that send to its destination. */
export interface GrantRecord {
  /** The construct path of the grant. */
  readonly path: string;
  /** The tenant of the exporting identity. */
  readonly exportingTenantId: string;
  /** Whether the access is delegated through Azure Lighthouse (then no auxiliary token is needed). */
  readonly viaLighthouse: boolean;
  /** The resources that make the access real; exports wait for them. */
  readonly dependables: readonly ITerraformDependable[];
}

/** A grant's record on the destination it grants access to: a child of the destination, so that exports find their grants by walking their destinations. */
class DestinationGrant extends Construct {
  constructor(
    destination: IExportDestination,
    public readonly record: GrantRecord,
  ) {
    super(destination as unknown as Construct, `Grant ${record.path}`);
  }
}

/** Records a grant on a destination (once per grant). */
export function recordGrant(destination: IExportDestination, grant: GrantRecord): void {
  if (!destination.node.tryFindChild(`Grant ${grant.path}`.replace(/\//g, "--"))) new DestinationGrant(destination, grant);
}

/** The grants recorded on a destination. */
export function grantsOf(destination: IExportDestination): readonly GrantRecord[] {
  return destination.node.children.filter((c): c is DestinationGrant => c instanceof DestinationGrant).map((c) => c.record);
}
