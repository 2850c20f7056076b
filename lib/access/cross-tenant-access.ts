import { producedValue } from "../internal/lazy";
import { claimInApp } from "../internal/app-claims";
import { Annotations, DefaultTokenResolver, StringConcat, TerraformProvider, TerraformResource, Token, Tokenization } from "cdktf";
import { Construct } from "constructs";
import { ICrossTenantDestination, IExportDestination, isCrossTenantDestination } from "../destinations/destination";
import {
  AzurermLighthouseAssignment,
  AzurermLighthouseDefinition,
  AzurermRoleAssignment,
  LighthouseAssignment,
  LighthouseDefinition,
  RoleAssignment,
} from "../internal/azurerm";
import { literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { addressAt, idOfAzureResource, idOfPath } from "../internal/addresses";
import { InstanceBlocks } from "../internal/instance-blocks";
import { resourceGroupIdOf, subscriptionScopeOf } from "../internal/resource-id";
import { isGuid } from "../model/guid";
import { BRANDS } from "../model/brand";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { DestinationRole } from "../destinations/destination-role";
import { recordGrant } from "./grants";
import { ExportingPrincipal } from "./principal";
import { Reach, overlapOf, reachOf } from "./reach";

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

/**
 * Grants the identity that writes a continuous export the access it needs on destinations in another
 * Entra tenant, in that tenant, with least privilege:
 *
 * - a guest user or service principal gets a role assignment on each destination itself (the
 *   workspace, or the event hub's Send rule);
 * - a principal delegated through Azure Lighthouse gets one Lighthouse definition (the roles needed,
 *   nothing else) and an assignment on each destination's resource group, the narrowest scope
 *   Lighthouse allows. Lighthouse refuses Owner, and so does this construct.
 *
 * Exports to these destinations then pass the library's two-token check: with Lighthouse the exporting
 * identity reaches the destination with its own token; otherwise its provider must list the destination
 * tenant in `auxiliary_tenant_ids`.
 */
export class CrossTenantAccess extends Construct {
  /** The role assignments (guest user or service principal). */
  public readonly roleAssignments: AzurermRoleAssignment[] = [];
  /** The Lighthouse definition, when the principal is delegated through Lighthouse. */
  public readonly lighthouseDefinition?: AzurermLighthouseDefinition;
  /** The Lighthouse assignments, one per resource group. */
  public readonly lighthouseAssignments: AzurermLighthouseAssignment[] = [];
  /** The destinations this grant reaches, for the isolation check (their reach is read at validation, when every provider exists). */
  private readonly targets: readonly Target[];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CrossTenantAccessProps,
  ) {
    super(scope, id);
    const targets = atPath(this.node.path, () => checkProps(props));
    this.targets = targets;
    const principal = props.principal;
    // Azure holds one role assignment per principal, role and scope (a second is refused: RoleAssignmentExists).
    // Checked at synth, beside the isolation check, so that each problem is reported with the others.
    this.node.addValidation({
      validate: () => {
        try {
          for (const { destination, target, role } of targets) {
            const scope = Token.isUnresolved(target.roleScope) ? destination.node.path : target.roleScope;
            claimInApp(this, {
              key: ["grant", principal.objectId, role.name, scope],
              exclusive: true,
              code: "DFE226",
              words: (other) =>
                `${other === this.node.path ? "this grant lists" : `${other} already grants`} ${principal.objectId} the role ${role.name} on ${destination.node.path}: ` +
                "Azure holds one such role assignment, and the second would fail or fight the first. Grant it once.",
            });
          }
          return [];
        } catch (e) {
          if (e instanceof ExportConfigError) return [e.message];
          throw e;
        }
      },
    });
    if (principal.viaLighthouse) {
      this.lighthouseDefinition = this.delegate(props, targets);
    } else {
      atPath(this.node.path, () => checkDistinctScopes(targets));
      targets.forEach(({ destination, target, role }, position) => {
        // Keyed by the scope Azure grants on, not by the destination's construct: renaming it keeps the grant.
        const assignment = new RoleAssignment(this, `Role-${idOfAzureResource(target.roleScope, destination)}`, {
          scope: target.roleScope,
          roleDefinitionName: role.name,
          principalId: principal.objectId,
          principalType: principal._principalType,
          description: `Continuous export from tenant ${props.exportingTenantId} to ${destination.node.path}`,
          provider: props.provider ?? target.provider,
          // Informational, and every argument of a role assignment forces a new one: renaming the destination's
          // construct must not re-create the grant (access would be lost during the apply).
          lifecycle: { ignoreChanges: ["description"] },
        });
        // Earlier builds numbered grants by position, then keyed them by the destination's path: such states move here.
        if (props.fromPositionalIds === true) this.moveFromEarlierIds(assignment, [`Role${position}`, `Role-${idOfPath(destination)}`]);
        this.roleAssignments.push(assignment);
      });
    }
    const dependables = [...this.roleAssignments, ...this.lighthouseAssignments];
    for (const { destination } of targets) {
      recordGrant(destination, {
        path: this.node.path,
        exportingTenantId: props.exportingTenantId,
        viaLighthouse: principal.viaLighthouse,
        dependables,
      });
    }
    this.node.addValidation({ validate: () => this.validateIsolation(props) });
    this.node.addValidation({ validate: () => this.validateTenants(props) });
    this.node.addValidation({ validate: () => this.validateWritingProviders(props, targets) });
  }

  /**
   * Moves a resource from the construct ids earlier versions gave it, oldest first, as one chain (Terraform
   * takes one source per target, and follows chains; a source not in the state moves nothing).
   */
  private moveFromEarlierIds(resource: TerraformResource, earlierIds: readonly string[]): void {
    const now = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
    const chain = [...new Set(earlierIds.map((id) => addressAt(this, resource.terraformResourceType, id)))].filter((a) => a !== now);
    if (chain.length === 0) return;
    const moves = (this.node.tryFindChild("Moves") as InstanceBlocks | undefined) ?? new InstanceBlocks(this, "Moves");
    chain.forEach((from, i) => moves.move(from, chain[i + 1] ?? now));
  }

  /**
   * No identity of one customer (exporting tenant) may hold a role where another customer's data lives: Log
   * Analytics Contributor reads (and purges) all of a workspace, and a Lighthouse grant covers a whole resource
   * group. Decided by the Azure resource, not the construct: every grant of the app (in any stack) is compared
   * by the normalized ids of what it reaches (`reach.ts`). Proven sharing is an error; sharing that only apply
   * can tell (an id or a name from a token) is a warning.
   */
  private validateIsolation(props: CrossTenantAccessProps): string[] {
    const errors: string[] = [];
    const mine = this._reaches;
    for (const other of this.node.root.node.findAll()) {
      if (!(other instanceof CrossTenantAccess) || other === this) continue;
      const tenants = sameTenant(props.exportingTenantId, other.props.exportingTenantId);
      if (tenants === "same") continue;
      const theirs = other._reaches;
      for (const a of mine) {
        for (const b of theirs) {
          const overlap = overlapOf(a, b, this._viaLighthouse || other._viaLighthouse);
          if (overlap.kind === "apart") continue;
          const who = `${this.customer()} through ${a.destinationPath}, and ${other.customer()} (granted by ${other.node.path}) through ${b.destinationPath}`;
          if (overlap.kind === "shared" && tenants === "different") {
            errors.push(
              `${coded("DFE077", this.node.path)}two customers would hold a role on ${overlap.what}: ${who}. Each could read the other's data. ` +
                "Give each tenant its own destination (in its own resource group), or let the customers delegate " +
                "their subscriptions to you (ExportDelegation) and write their exports with your own identity.",
            );
          } else {
            Annotations.of(this).addWarning(
              `${coded("DFW010", this.node.path)}it cannot be known before apply whether two customers share ${overlap.what}: ${who}` +
                `${tenants === "unknown" ? " (a tenant id is a token)" : ""}. If they do, each could read the other's data: give literal ids and names, or keep their destinations apart.`,
            );
          }
        }
      }
    }
    return [...new Set(errors)];
  }

  /** The customer in words: its tenant and principal. */
  private customer(): string {
    const p = this.props.principal;
    return `tenant ${this.props.exportingTenantId} (principal ${p.objectId}, ${p.viaLighthouse ? "through Lighthouse" : p._mode === "guest" ? "a guest user" : "a service principal"})`;
  }

  /** What this grant reaches, by Azure resource. @internal */
  public get _reaches(): Reach[] {
    return this.targets.map(({ destination, target }) => reachOf(destination, target, this.props.provider));
  }

  /** The exporting tenant, lower case. @internal */
  public get _exportingTenant(): string {
    return String(this.props.exportingTenantId).toLowerCase();
  }

  /** Whether the grant goes through Lighthouse. @internal */
  public get _viaLighthouse(): boolean {
    return this.props.principal.viaLighthouse;
  }

  /** The grant is written in the destination tenant, so through a provider of that tenant. */
  private validateWritingProviders(props: CrossTenantAccessProps, targets: Target[]): string[] {
    return targets.flatMap(({ destination, target }) => {
      const provider = resolveAzurermProvider(this, props.provider ?? target.provider);
      const providerTenant = literalTenantOf(provider);
      const tenant = destination.tenantId;
      if (!provider) {
        return [
          `${coded("DFE076", this.node.path)}no azurerm provider writes the grant for ${destination.node.path}. Pass \`provider\` configured for the destination tenant${tenant ? ` ${tenant}` : ""}.`,
        ];
      }
      if (tenant && providerTenant && tenant.toLowerCase() !== providerTenant.toLowerCase()) {
        return [
          `${coded("DFE076", this.node.path)}the grant for ${destination.node.path} would be written through ${provider.node.path} in tenant ${providerTenant}, but the destination is in tenant ${tenant}. ` +
            `Give the destination (or this grant) the provider configured for tenant ${tenant}.`,
        ];
      }
      return [];
    });
  }

  /** A destination's resource group, as references resolve (destinations in one group and provider share it). */
  private groupKey(target: Target["target"]): string {
    // Azure compares resource group names case-insensitively.
    const name = Token.isUnresolved(target.resourceGroupName) ? resolved(this, target.resourceGroupName) : target.resourceGroupName.toLowerCase();
    return `${JSON.stringify(name)}|${target.provider?.node.path ?? ""}`;
  }

  private delegate(props: CrossTenantAccessProps, targets: Target[]): LighthouseDefinition {
    // Least privilege first, whatever order the destinations are listed in.
    const roles = [...new Set(targets.map((t) => t.role))].sort(
      (a, b) => DestinationRole.FOR_WORKSPACES.indexOf(a) - DestinationRole.FOR_WORKSPACES.indexOf(b),
    );
    const subscriptions = new Set(
      targets
        .map((t) => t.target.resourceId)
        .filter((id) => !Token.isUnresolved(id))
        .map((id) => subscriptionScopeOf(id).toLowerCase()),
    );
    if (subscriptions.size > 1) {
      throw new ExportConfigError(
        "DFE071",
        `${this.node.path}: a Lighthouse definition lives in one subscription, but the destinations are in ${[...subscriptions].join(", ")}. ` +
          `Make one CrossTenantAccess per subscription.`,
      );
    }
    // Written once for all destinations: from the first by construct path, so that listing them in another order changes nothing.
    const first = [...targets].sort((a, b) => compare(a.destination.node.path, b.destination.node.path))[0];
    const provider = props.provider ?? first.target.provider;
    const definition = new LighthouseDefinition(this, "Definition", {
      name: `Defender for Cloud continuous export from ${props.exportingTenantId}`,
      description: `Lets the exporting identity of tenant ${props.exportingTenantId} write continuous export to ${roles.length === 1 ? "this destination" : "these destinations"}.`,
      managingTenantId: props.exportingTenantId,
      scope: subscriptionScopeOf(first.target.resourceId),
      authorization: roles.map((role) => ({
        principalId: props.principal.objectId,
        principalDisplayName: props.principal._displayName,
        roleDefinitionId: role.id,
      })),
      provider,
    });
    // One assignment per resource group (references are compared by what they resolve to), named after
    // the group's first destination by construct path, not by position.
    const groupOf = (target: Target["target"]) => this.groupKey(target);
    const listedPositions = [...new Set(targets.map((t) => groupOf(t.target)))];
    const groups = new Map<string, { scope: string; destination: IExportDestination; position: number }>();
    for (const { destination, target } of [...targets].sort((a, b) => compare(a.destination.node.path, b.destination.node.path))) {
      const key = groupOf(target);
      if (!groups.has(key)) groups.set(key, { scope: resourceGroupIdOf(target.resourceId), destination, position: listedPositions.indexOf(key) });
    }
    for (const { scope, destination, position } of groups.values()) {
      const assignment = new LighthouseAssignment(this, `Assignment-${idOfAzureResource(scope, destination)}`, {
        scope,
        lighthouseDefinitionId: definition.id,
        provider,
      });
      if (props.fromPositionalIds === true) this.moveFromEarlierIds(assignment, [`Assignment${position}`, `Assignment-${idOfPath(destination)}`]);
      this.lighthouseAssignments.push(assignment);
    }
    return definition;
  }

  private validateTenants(props: CrossTenantAccessProps): string[] {
    const tenants = new Set(props.destinations.map((d) => d.tenantId?.toLowerCase()).filter((t) => t !== undefined));
    if (tenants.size > 1) {
      return [
        `${coded("DFE065", this.node.path)}the destinations are in different tenants (${[...tenants].join(", ")}). ` +
          `Make one CrossTenantAccess per destination tenant.`,
      ];
    }
    return props.destinations.flatMap((d) => {
      const tenant = d.tenantId;
      if (!tenant) {
        return [
          `${coded("DFE065", this.node.path)}the tenant of ${d.node.path} is unknown. Give the destination \`tenantId\`, ` +
            `or a provider that sets \`tenantId\`.`,
        ];
      }
      if (!Token.isUnresolved(props.exportingTenantId) && tenant.toLowerCase() === props.exportingTenantId.toLowerCase()) {
        return [
          `${coded("DFE066", this.node.path)}${d.node.path} is in tenant ${tenant}, the exporting tenant itself: ` +
            `it needs no cross-tenant access. Remove it from this grant, or fix its tenant.`,
        ];
      }
      return [];
    });
  }
}

/** One role assignment per Azure scope: two destinations that are one resource (its id in another case) would be one grant twice. */
function checkDistinctScopes(targets: readonly Target[]): void {
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

/** Whether two tenant ids name one tenant: `unknown` when a token hides it. */
function sameTenant(a: string, b: string): "same" | "different" | "unknown" {
  if (a === b) return "same";
  if (Token.isUnresolved(a) || Token.isUnresolved(b)) return "unknown";
  return a.toLowerCase() === b.toLowerCase() ? "same" : "different";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function resolved(scope: Construct, value: string): unknown {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}

interface Target {
  readonly destination: ICrossTenantDestination;
  readonly target: ReturnType<ICrossTenantDestination["accessTarget"]>;
  readonly role: DestinationRole;
}

function checkProps(props: CrossTenantAccessProps): Target[] {
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
