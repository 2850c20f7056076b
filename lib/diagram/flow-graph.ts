import type { TableFeed } from "../sentinel/readiness";

/**
 * What goes where, and who can read it: the picture a security review asks for, as data. Built from
 * synthesized stacks ({@link flowGraphOfStacks}) or from live automations ({@link flowGraphOfLive}), drawn
 * by {@link toDot}, {@link toMermaid} and {@link toSvg}.
 */
export interface FlowGraph {
  /** Every exporting subscription (or group of subscriptions that export the same data to the same places). */
  readonly origins: readonly FlowOrigin[];
  /** Every destination some origin exports to, or some grant reaches. */
  readonly destinations: readonly FlowDestination[];
  /** Which origin sends what to which destination. */
  readonly flows: readonly Flow[];
  /** Who holds a role on a destination or a delegated scope, across tenants or not. */
  readonly grants: readonly FlowGrant[];
}

/** Subscriptions that export the same data to the same destinations: one, or a fleet of them. */
export interface FlowOrigin {
  /** A stable key (the first subscription id, or the fleet resource's address). */
  readonly key: string;
  /** Their tenant. @default not stated by any provider */
  readonly tenantId?: string;
  /** The subscriptions, sorted. */
  readonly subscriptionIds: readonly string[];
  /** What made them: `policy` for a policy assignment at a management group, else `automation`. */
  readonly via: string;
  /** For a policy assignment: its scope, in words. @default none (an automation) */
  readonly scope?: string;
}

/** A destination: a workspace, an event hub or a Logic App. */
export interface FlowDestination {
  /** Its resource id, or the address of the resource that creates it (lower case: one key per Azure resource). */
  readonly key: string;
  /** `Log Analytics workspace`, `Event Hub` or `Logic App`. */
  readonly kind: string;
  /** Its name (for an event hub, `namespace/hub`). */
  readonly name: string;
  /** Created by the stack (`new`), or an existing one. */
  readonly created: boolean;
  /** Its tenant. @default not stated by any provider */
  readonly tenantId?: string;
  /** An event hub that takes the export as a trusted service, with no key. */
  readonly trusted: boolean;
  /** Watched by health alerts. */
  readonly health: boolean;
}

/** One origin's data to one destination. */
export interface Flow {
  /** What each Log Analytics table receives through this flow (for workspaces: what Sentinel content will see). */
  readonly feeds: readonly TableFeed[];
  /** The origin's key. */
  readonly origin: string;
  /** The destination's key. */
  readonly destination: string;
  /** What data, with which filters, in short words, one line per data type. */
  readonly data: readonly string[];
}

/** A role someone holds on a destination (or a scope delegated through Lighthouse). */
export interface FlowGrant {
  /** Who: a principal's object id, or a managing tenant for Lighthouse. */
  readonly principal: string;
  /** The role's name (or its definition id when it is not a built-in role the library knows). */
  readonly role: string;
  /** The destination's key, or the delegated scope. */
  readonly target: string;
  /** The tenant in which the role is held. @default not stated by any provider */
  readonly tenantId?: string;
  /** `Lighthouse` for a delegation, else `role assignment`. */
  readonly via: string;
  /** The principal's own tenant where the input says it (a Lighthouse managing tenant). @default not stated */
  readonly principalTenantId?: string;
}

/**
 * Whether a role reaches across tenants: a Lighthouse principal of another tenant, or a role held in a
 * tenant other than the one whose subscriptions send to the target.
 */
export function isCrossTenant(grant: FlowGrant, graph: FlowGraph): boolean {
  if (grant.tenantId === undefined) return false;
  if (grant.principalTenantId !== undefined && grant.principalTenantId !== grant.tenantId) return true;
  const senders = graph.flows.filter((f) => f.destination === grant.target).map((f) => graph.origins.find((o) => o.key === f.origin)?.tenantId);
  return senders.some((t) => t !== undefined && t !== grant.tenantId);
}

/** Origins with more subscriptions than this are drawn as one node with their count. */
export const LISTED_SUBSCRIPTIONS = 3;
