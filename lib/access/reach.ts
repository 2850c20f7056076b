import { TerraformProvider, Token } from "cdktf";
import { AccessTarget, IExportDestination, isPlacedDestination } from "../destinations/destination";
import { literalSubscriptionOf, resolveAzurermProvider } from "../internal/provider-check";
import { normalizedResourceId } from "../internal/resource-id";

/**
 * What a cross-tenant grant reaches, by Azure resource rather than by construct: the destination resource
 * and its resource group, each as Azure compares ids (case-insensitive, normalized), so that the same
 * workspace reached through two `fromWorkspaceId` constructs, in another letter case or from another stack
 * is one resource. A part that only apply can tell (an id or a group name from a token) is `undefined`.
 */
export interface Reach {
  /** The destination's construct path (for messages). */
  readonly destinationPath: string;
  /** The destination resource: its normalized id, or `construct:<path>` for a resource the library creates (one construct, one resource). */
  readonly resource: string | undefined;
  /**
   * Its resource group: the normalized id `/subscriptions/…/resourcegroups/…`, or `name:<group>` when the
   * subscription is known only at apply; `undefined` when the group's name is a token.
   */
  readonly group: string | undefined;
}

/** The reach of a grant on one destination. */
export function reachOf(destination: IExportDestination, target: AccessTarget, grantProvider: TerraformProvider | undefined): Reach {
  const destinationPath = destination.node.path;
  if (!Token.isUnresolved(target.resourceId)) {
    const id = normalizedResourceId(target.resourceId);
    return { destinationPath, resource: id, group: id.split("/").slice(0, 5).join("/") };
  }
  // A destination the library creates: its id is known at apply, but its group's name (and often its subscription) now.
  const created = isPlacedDestination(destination);
  const name = Token.isUnresolved(target.resourceGroupName) ? undefined : target.resourceGroupName.toLowerCase();
  const provider = resolveAzurermProvider(destination, target.provider ?? grantProvider);
  const subscription = provider && literalSubscriptionOf(provider);
  return {
    destinationPath,
    resource: created ? `construct:${destinationPath}` : undefined,
    group: name === undefined ? undefined : subscription ? `/subscriptions/${subscription.toLowerCase()}/resourcegroups/${name}` : `name:${name}`,
  };
}

/** How two reaches of different customers meet: `shared` (proven), `unknown` (a token hides it) or `apart`. */
export type Overlap = { readonly kind: "shared" | "unknown" | "apart"; readonly what: string };

/**
 * Whether two grants reach one resource: the same destination resource always; the same resource group
 * when either grant is a Lighthouse delegation (Lighthouse grants a whole resource group).
 */
export function overlapOf(mine: Reach, theirs: Reach, wholeGroup: boolean): Overlap {
  if (mine.resource !== undefined && mine.resource === theirs.resource) return { kind: "shared", what: `the resource ${display(mine.resource)}` };
  if (wholeGroup) {
    if (mine.group === undefined || theirs.group === undefined)
      return { kind: "unknown", what: "the resource group (its name is known only at apply)" };
    if (mine.group === theirs.group) return { kind: "shared", what: `the resource group ${display(mine.group)}` };
    if (nameOf(mine.group) === nameOf(theirs.group) && (mine.group.startsWith("name:") || theirs.group.startsWith("name:")))
      return { kind: "unknown", what: `a resource group named ${nameOf(mine.group)} (its subscription is known only at apply)` };
    return { kind: "apart", what: "" };
  }
  if (mine.resource === undefined || theirs.resource === undefined)
    return { kind: "unknown", what: "the destination (its id is known only at apply)" };
  return { kind: "apart", what: "" };
}

function nameOf(group: string): string {
  return group.startsWith("name:") ? group.slice(5) : group.split("/")[4];
}

function display(key: string): string {
  return key.startsWith("construct:") ? key.slice("construct:".length) : key.startsWith("name:") ? key.slice(5) : key;
}
