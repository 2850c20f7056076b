import { codeLiteral, codeTextMap } from "./code-literal";
import { DestinationKind } from "../destinations/destination";
import { normalizedLocation } from "../adopt/existing-automation";
import { LiveAutomation } from "./arm-input";
import { RebuiltExport } from "./rebuild";

/** An automation the import adopts, with its kind and rebuilt exports. */
export interface AcceptedAutomation {
  readonly automation: LiveAutomation;
  readonly kind: DestinationKind;
  readonly exports: RebuiltExport[];
}

/**
 * Automations that differ only by subscription (and resource group): the same name, region, state, description,
 * tags, destinations and exports, each scoped to its whole subscription. What one request applied to many
 * subscriptions looks like (Microsoft's export policy across a tenant, a fleet written before): the import writes
 * them as one `ContinuousExportFleet` in the for_each layout, adopting each subscription's automation. Groups of
 * one stay `ContinuousExport`s.
 */
export function foldFleets(accepted: readonly AcceptedAutomation[]): { fleets: AcceptedAutomation[][]; singles: AcceptedAutomation[] } {
  const groups = new Map<string, AcceptedAutomation[]>();
  const singles: AcceptedAutomation[] = [];
  for (const x of accepted) {
    const a = x.automation;
    const wholeSubscription = a.view.scopes.length === 1 && a.view.scopes[0].toLowerCase() === `/subscriptions/${a.subscriptionId}`;
    if (!wholeSubscription) {
      singles.push(x);
      continue;
    }
    const key = JSON.stringify([
      a.name,
      normalizedLocation(a.location),
      a.view.enabled,
      a.view.description ?? "",
      Object.entries(a.tags).sort(),
      x.kind.actionType,
      a.view.actions.map((y) => `${y.actionType}|${y.resourceId.toLowerCase()}|${y.trusted}`).sort(),
      x.exports.map((e) => e.code),
    ]);
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const fleets: AcceptedAutomation[][] = [];
  for (const group of groups.values()) {
    const subscriptions = new Set(group.map((x) => x.automation.subscriptionId));
    if (group.length > 1 && subscriptions.size === group.length) fleets.push(group);
    else singles.push(...group);
  }
  // Keep the input's order for the singles.
  const order = new Map(accepted.map((x, i) => [x, i]));
  singles.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { fleets, singles };
}

/** The TypeScript of one fleet: its subscriptions, each adopting its automation, and the shared request. */
export function fleetCode(id: string, group: readonly AcceptedAutomation[], destinations: readonly string[]): string {
  const [first] = group;
  const a = first.automation;
  const location = codeLiteral(normalizedLocation(a.location));
  const subscriptions = group.map(({ automation: m }) => {
    const group_ = m.resourceGroupName === a.resourceGroupName ? "" : `, resourceGroupName: ${codeLiteral(m.resourceGroupName)}`;
    return `        { subscriptionId: ${codeLiteral(m.subscriptionId)}${group_}, adopt: { ${first.kind.propKey}: ExistingAutomation.fromId(${codeLiteral(m.id)}, { location: ${location} }) } },`;
  });
  const props = [
    `subscriptions: [\n${subscriptions.join("\n")}\n      ]`,
    `resourceGroupName: ${codeLiteral(a.resourceGroupName)}`,
    `location: ${location}`,
    `exports: [${first.exports.map((e) => e.code).join(", ")}]`,
    `destinations: [${destinations.join(", ")}]`,
    `names: { ${first.kind.propKey}: ${codeLiteral(a.name)} }`,
    ...(a.view.description !== undefined && a.view.description !== "" ? [`description: ${codeLiteral(a.view.description)}`] : []),
    ...(a.view.enabled ? [] : ["enabled: false"]),
    ...(Object.keys(a.tags).length > 0 ? [`tags: ${codeTextMap(Object.entries(a.tags))}`] : []),
    "layout: FleetLayout.FOR_EACH",
    // A new state never held the per-subscription layout: no moved blocks.
    "previousLayout: FleetLayout.FOR_EACH",
  ];
  return `    new ContinuousExportFleet(this, ${codeLiteral(id)}, {\n${props.map((p) => `      ${p},`).join("\n")}\n    });`;
}
