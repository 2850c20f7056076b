import { IConstruct } from "constructs";
import { ContinuousExport } from "../continuous-export";
import { DestinationKind } from "../destinations/destination";
import { plainSources } from "../live/meaning";
import { TableFeed, feedsOf, mergeFeeds, readinessOf } from "./readiness";

/**
 * The report's Sentinel readiness: for each workspace the exports under `scope` send to, which catalogued
 * Microsoft Sentinel rules will have data there, which see only part of it, and which none, with why.
 */
export function sentinelReadinessLines(scope: IConstruct): string[] {
  const feeds = new Map<string, TableFeed[]>();
  for (const c of scope.node.findAll()) {
    if (!(c instanceof ContinuousExport)) continue;
    const sent = feedsOf(plainSources(c.sources));
    for (const automation of c.summary.automations.filter((a) => a.kind === DestinationKind.WORKSPACE.displayName)) {
      for (const workspace of automation.destinations) feeds.set(workspace, [...(feeds.get(workspace) ?? []), ...sent]);
    }
  }
  return [...feeds].flatMap(([workspace, fed]) => {
    const readiness = readinessOf(mergeFeeds(fed));
    const named = (status: string) => readiness.filter((r) => r.status === status);
    const none = named("no data");
    return [
      `Sentinel readiness of ${workspace}:`,
      `  data for ${named("data").length} of ${readiness.length} catalogued rules${
        named("data").length > 0
          ? `: ${named("data")
              .map((r) => r.content.name)
              .join(", ")}`
          : ""
      }`,
      ...named("partial").map((r) => `  partial  ${r.content.name}: ${r.why}`),
      ...[...new Set(none.map((r) => r.why))].map(
        (why) =>
          `  no data  ${none
            .filter((r) => r.why === why)
            .map((r) => r.content.name)
            .join(", ")}: ${why}`,
      ),
    ];
  });
}
