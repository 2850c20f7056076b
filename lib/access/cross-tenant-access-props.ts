import { TerraformProvider, Token } from "cdktf";
import { ICrossTenantDestination, IExportDestination, isCrossTenantDestination } from "../destinations/destination";
import { DestinationRole } from "../destinations/destination-role";
import { producedValue } from "../internal/lazy";
import { BRANDS } from "../model/brand";
import { ExportConfigError, describeValue } from "../model/errors";
import { isGuid } from "../model/guid";
import { ExportingPrincipal } from "./principal";

/** Properties of {@link CrossTenantAccess}. */
export interface CrossTenantAccessProps {
  /** The destinations in the other tenant (all in the same tenant). */
  readonly destinations: IExportDestination[];
  /** The identity that writes the export, as the destination tenant knows it. */
  readonly principal: ExportingPrincipal;
  /** The Entra tenant of the exporting identity (where the exported subscription is). */
  readonly exportingTenantId: string;
  /**
   * The role to grant. @default the least that lets the identity export: Log Analytics Contributor on a
   * workspace, Contributor on an event hub's Send rule
   */
  readonly role?: DestinationRole;
  /** The provider of the destination tenant that writes the grant. @default each destination's provider */
  readonly provider?: TerraformProvider;
  /**
   * The grants were deployed by an earlier build that numbered them by position (`Role0`, `Role1`,
   * `Assignment0`, …) or keyed them by the destination's construct path (`Role-<path>`): write a chain of
   * `moved` blocks from those addresses to the one keyed by the Azure resource, so that the next deploy moves
   * state only. Drop it once every state has applied the move.
   * @default false: new grants, keyed by destination from the start; no moved blocks
   */
  readonly fromPositionalIds?: boolean;
}

/** One destination of the grants: the resource, where the role is assigned, and the role. */
export interface Target {
  readonly destination: ICrossTenantDestination;
  readonly target: ReturnType<ICrossTenantDestination["accessTarget"]>;
  readonly role: DestinationRole;
}

/** Checks the props (coded errors naming the fix) and gives each destination its target and role. */
export function checkProps(props: CrossTenantAccessProps): Target[] {
  const tenant = props === null || typeof props !== "object" ? undefined : producedValue("exportingTenantId", props.exportingTenantId);
  if (typeof tenant !== "string" || (!Token.isUnresolved(tenant) && !isGuid(tenant))) {
    throw new ExportConfigError(
      "DFE061",
      `\`exportingTenantId\` must be the exporting tenant's GUID (not its domain name), got ${describeValue(props?.exportingTenantId)}.`,
    );
  }
  if (!(props.principal instanceof ExportingPrincipal)) {
    throw new ExportConfigError("DFE061", "`principal` must be an ExportingPrincipal: ExportingPrincipal.guestUser, servicePrincipal or lighthouse.");
  }
  if (props.fromPositionalIds !== undefined && typeof props.fromPositionalIds !== "boolean") {
    throw new ExportConfigError(
      "DFE190",
      `\`fromPositionalIds\` must be true or false, got ${describeValue(props.fromPositionalIds)}. Set it to true only for grants an ` +
        "earlier build numbered by position (`Role0`, `Assignment0`); leave it out for new grants.",
    );
  }
  BRANDS.principal.check("principal", props.principal);
  if (!Array.isArray(props.destinations) || props.destinations.length === 0) {
    throw new ExportConfigError("DFE067", "`destinations` is empty: name the destinations in the other tenant.");
  }
  if (props.principal.viaLighthouse && props.role === DestinationRole.OWNER) {
    throw new ExportConfigError(
      "DFE068",
      "Azure Lighthouse cannot delegate Owner. Use the default role (the least that lets the identity export) or Contributor.",
    );
  }
  const targets = props.destinations.map((destination): Target => {
    BRANDS.destination.check("destinations", destination);
    if (!isCrossTenantDestination(destination)) {
      throw new ExportConfigError(
        "DFE069",
        `${destination?.node?.path ?? describeValue(destination)} cannot be in another tenant: Microsoft supports ` +
          `cross-tenant export to Log Analytics workspaces and event hubs only.`,
      );
    }
    const target = destination.accessTarget();
    const role = props.role ?? target.defaultRole;
    if (!target.allowedRoles.includes(role)) {
      throw new ExportConfigError(
        "DFE070",
        `${role?.name ?? describeValue(role)} does not let an identity export to ${destination.node.path} (a ` +
          `${target.kind.displayName}). Use one of: ${target.allowedRoles.map((r) => r.name).join(", ")}.`,
      );
    }
    return { destination, target, role };
  });
  return targets;
}

/** One role assignment per Azure scope: two destinations that are one resource (its id in another case) would be one grant twice. */
export function checkDistinctScopes(targets: readonly Target[]): void {
  const seen = new Map<string, Target>();
  for (const t of targets) {
    if (Token.isUnresolved(t.target.roleScope)) continue;
    const key = t.target.roleScope.toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new ExportConfigError(
        "DFE197",
        `${other.destination.node.path} and ${t.destination.node.path} are one resource (${t.target.roleScope}): Azure ` +
          `compares resource ids without regard to case, so the grant would be made twice. List the destination once.`,
      );
    }
    seen.set(key, t);
  }
}
