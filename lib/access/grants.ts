import { ITerraformDependable } from "cdktf";
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

const grants = new WeakMap<IExportDestination, GrantRecord[]>();

/** Records a grant on a destination. */
export function recordGrant(destination: IExportDestination, grant: GrantRecord): void {
  grants.set(destination, [...(grants.get(destination) ?? []), grant]);
}

/** The grants recorded on a destination. */
export function grantsOf(destination: IExportDestination): readonly GrantRecord[] {
  return grants.get(destination) ?? [];
}
