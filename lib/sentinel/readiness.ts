import { DataType } from "../model/data-type";
import { PlainSource } from "../live/meaning";
import { SENTINEL_CONTENT, SentinelContent } from "./content";

/** What one Log Analytics table of a workspace receives from the exports that send there. */
export interface TableFeed {
  /** The table, e.g. `SecurityRecommendation`. */
  readonly table: string;
  /** Every row of the data type arrives (some export sends it unfiltered). */
  readonly everything: boolean;
  /** For `SecurityRegulatoryCompliance`: the standards exports select by name (lower case). */
  readonly standards: readonly string[];
}

/** Whether a piece of Sentinel content will see data in a workspace, and why. */
export interface Readiness {
  /** The content. */
  readonly content: SentinelContent;
  /** `data`, `partial` (it sees a filtered part) or `no data`. */
  readonly status: string;
  /** Why, in one sentence. */
  readonly why: string;
}

const STANDARD_RULE = /^id$/i;

/**
 * The tables a workspace fills from an automation's sources. A regulatory compliance source filtered only
 * by `id Contains <standard>` (what `standards` writes, and Microsoft's policy) selects those standards; any
 * other filter makes a table partial.
 */
export function feedsOf(sources: readonly PlainSource[]): TableFeed[] {
  const feeds = new Map<string, { everything: boolean; standards: Set<string> }>();
  for (const source of sources) {
    const type = DataType.ALL.find((t) => t.eventSources.includes(source.eventSource));
    if (!type) continue;
    const feed = feeds.get(type.workspaceTable) ?? { everything: false, standards: new Set<string>() };
    feeds.set(type.workspaceTable, feed);
    if (source.ruleSets.length === 0) feed.everything = true;
    for (const set of source.ruleSets) {
      const standard =
        set.length === 1 && STANDARD_RULE.test(set[0].propertyJPath) && /^contains$/i.test(set[0].operator) ? set[0].expectedValue : undefined;
      if (type === DataType.REGULATORY_COMPLIANCE && standard) feed.standards.add(standard.toLowerCase());
    }
  }
  return [...feeds]
    .map(([table, f]) => ({ table, everything: f.everything, standards: [...f.standards].sort() }))
    .sort((a, b) => a.table.localeCompare(b.table));
}

/** Feeds of several exports to one workspace, added up. */
export function mergeFeeds(feeds: readonly TableFeed[]): TableFeed[] {
  const byTable = new Map<string, TableFeed>();
  for (const f of feeds) {
    const known = byTable.get(f.table);
    byTable.set(f.table, {
      table: f.table,
      everything: f.everything || (known?.everything ?? false),
      standards: [...new Set([...(known?.standards ?? []), ...f.standards])].sort(),
    });
  }
  return [...byTable.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/** For each catalogued piece of Sentinel content, whether a workspace with these feeds gives it data. */
export function readinessOf(feeds: readonly TableFeed[], catalogue: readonly SentinelContent[] = SENTINEL_CONTENT): Readiness[] {
  return catalogue.map((content) => {
    const verdicts = content.reads.map((read) => {
      const feed = feeds.find((f) => f.table === read.table);
      if (!feed) return { status: 2, why: `${read.table} is not exported to this workspace` };
      if (read.complianceStandard === undefined) {
        return feed.everything
          ? { status: 0, why: "" }
          : { status: 1, why: `only filtered ${read.table} rows arrive: its percentages count those only` };
      }
      if (feed.everything) return { status: 0, why: "" };
      if (feed.standards.includes(read.complianceStandard.toLowerCase())) return { status: 0, why: "" };
      return {
        status: 2,
        why: `it keeps ComplianceStandard ${read.complianceStandard}, and ${feed.standards.length > 0 ? `only ${feed.standards.join(", ")} ${feed.standards.length > 1 ? "are" : "is"}` : "no standard is"} exported`,
      };
    });
    const worst = Math.max(...verdicts.map((v) => v.status));
    const why = verdicts.filter((v) => v.status === worst && v.why).map((v) => v.why);
    return {
      content,
      status: ["data", "partial", "no data"][worst],
      why: why.length > 0 ? `${why.join("; ")}.` : "every table it reads is exported here.",
    };
  });
}
