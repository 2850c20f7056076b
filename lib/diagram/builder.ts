import { DestinationKind } from "../kinds/destination-kind";
import { TableFeed, mergeFeeds } from "../sentinel/readiness";
import { Flow, FlowDestination, FlowGrant, FlowGraph, FlowOrigin } from "./flow-graph";

/** Where a flow starts: one subscription (or a policy assignment), before subscriptions are grouped. */
export interface OriginFacts {
  /** The subscription, or for a policy assignment a key naming it. */
  readonly subscriptionId: string;
  /** Its tenant. @default not stated */
  readonly tenantId?: string;
  /** `automation` or `policy`. */
  readonly via: string;
  /** For a policy assignment: its scope, in words. @default none */
  readonly scope?: string;
}

/** What is known of a destination from one sighting: the action, a grant, an alert. */
export interface DestinationFacts {
  readonly key: string;
  readonly kind: DestinationKind;
  readonly name: string;
  readonly created: boolean;
  /** Its tenant. @default not stated (another sighting may state it) */
  readonly tenantId?: string;
  /** Takes the export as a trusted service. @default false (another sighting may say so) */
  readonly trusted?: boolean;
  /** Watched by health alerts. @default false (another sighting may say so) */
  readonly health?: boolean;
}

/**
 * Collects sightings into a {@link FlowGraph}: a destination seen several times is one node whose facts
 * add up (known tenant, trusted, watched); subscriptions that send the same data to the same destinations
 * from the same tenant become one origin, so a fleet of thousands is one node with its count.
 */
export class FlowGraphBuilder {
  private readonly destinations = new Map<string, DestinationFacts>();
  private readonly sent = new Map<string, { origin: OriginFacts; flows: Map<string, { data: Set<string>; feeds: TableFeed[] }> }>();
  private readonly grants = new Map<string, FlowGrant>();

  /** Records a destination, adding to what is known of it. */
  public destination(facts: DestinationFacts): void {
    const known = this.destinations.get(facts.key);
    this.destinations.set(facts.key, {
      ...facts,
      created: facts.created || (known?.created ?? false),
      tenantId: known?.tenantId ?? facts.tenantId,
      trusted: facts.trusted || known?.trusted,
      health: facts.health || known?.health,
    });
  }

  /** Records that an origin sends data (one line per data type, and what each table receives) to a destination. */
  public flow(origin: OriginFacts, destination: string, data: readonly string[], feeds: readonly TableFeed[] = []): void {
    const key = `${origin.via} ${origin.subscriptionId.toLowerCase()}`;
    const entry = this.sent.get(key) ?? { origin, flows: new Map<string, { data: Set<string>; feeds: TableFeed[] }>() };
    this.sent.set(key, entry);
    const flow = entry.flows.get(destination) ?? { data: new Set<string>(), feeds: [] };
    entry.flows.set(destination, { data: new Set([...flow.data, ...data]), feeds: mergeFeeds([...flow.feeds, ...feeds]) });
  }

  /** Records a role held on a destination or a scope. */
  public grant(grant: FlowGrant): void {
    this.grants.set(JSON.stringify([grant.principal, grant.role, grant.target, grant.via]), grant);
  }

  /** Destinations already seen whose key starts with `prefix` (the event hubs of a namespace id). */
  public destinationsUnder(prefix: string): DestinationFacts[] {
    return [...this.destinations.values()].filter((d) => d.key.startsWith(`${prefix}/`));
  }

  /** The graph, sorted so that the same input always draws the same picture. */
  public build(): FlowGraph {
    const groups = new Map<string, { origin: OriginFacts; subscriptions: string[]; flows: Flow[] }>();
    for (const { origin, flows } of this.sent.values()) {
      const sorted = [...flows]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([destination, flow]) => ({ destination, data: [...flow.data].sort(), feeds: flow.feeds }));
      const signature = JSON.stringify([origin.via, origin.tenantId ?? "", origin.via === "policy" ? origin.subscriptionId : "", sorted]);
      const group = groups.get(signature) ?? { origin, subscriptions: [], flows: sorted.map((f) => ({ origin: "", ...f })) };
      groups.set(signature, group);
      group.subscriptions.push(origin.subscriptionId.toLowerCase());
    }
    const origins: FlowOrigin[] = [];
    const flows: Flow[] = [];
    for (const group of [...groups.values()].sort((a, b) => [...a.subscriptions].sort()[0].localeCompare([...b.subscriptions].sort()[0]))) {
      const subscriptionIds = [...new Set(group.subscriptions)].sort();
      const key = `${group.origin.via}:${subscriptionIds[0]}`;
      origins.push({ key, tenantId: group.origin.tenantId, subscriptionIds, via: group.origin.via, scope: group.origin.scope });
      flows.push(...group.flows.map((f) => ({ ...f, origin: key })));
    }
    const destinations: FlowDestination[] = [...this.destinations.values()]
      .map((d) => ({ ...d, kind: d.kind.displayName, trusted: d.trusted ?? false, health: d.health ?? false }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const grants = [...this.grants.values()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return { origins, destinations, flows, grants };
  }
}
