import { DestinationKind } from "../../destinations/destination";
import { AutomationView } from "../../writers/automation-view";
import { Hit, PackRule } from "./rule";

/**
 * DFC006: portal-visible exports of one kind, per subscription. Each finding names its own automation and
 * its place among the others (never the others' addresses), so the output grows with the input, not with
 * its square: 10 MB of same-named automations make findings of about the same size.
 */
function checkPortalVisibility(automations: readonly AutomationView[]): Hit[] {
  const groups = groupBy(
    automations.filter((a) => a.subscriptionId && DestinationKind.ALL.some((k) => k.portalName?.toLowerCase() === a.name.toLowerCase())),
    (a) => `${String(a.subscriptionId).toLowerCase()}|${a.name.toLowerCase()}`,
  );
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((a, i) => ({
        address: a.address,
        message:
          `automation ${i + 1} of ${group.length} named ${a.name} (letter case aside) in subscription ${a.subscriptionId}: ` +
          `the portal shows one per kind. Merge them, or name the others differently (they stay API-only).`,
      })),
    );
}

/** Items grouped by key, in order, in linear time. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** DFC006, as its body above finds it. */
export const DFC006: PackRule = {
  id: "DFC006",
  level: "warning",
  summary: "more than one portal-visible export (ExportToWorkspace / ExportToEventHub) of one kind in a subscription",
  explanation: "The portal shows one automation per kind; merge them, or name the others differently (they stay API-only).",
  check: (input) => checkPortalVisibility(input.automations),
};
