import { DataType } from "./data-type";
import { BRANDS } from "./brand";
import { ExportConfigError, describeValue } from "./errors";
import { Export } from "./export";
import { JPATHS } from "./paths";
import { Rule, RuleSet } from "./rule";

/** One `source` of an automation: an event source and its rule sets (ORed; none = everything). */
export interface AutomationSource {
  /** The event source, e.g. `Alerts`. */
  readonly eventSource: string;
  /** The rule sets; empty means every record of the source. */
  readonly ruleSets: RuleSet[];
  /** The data type the source belongs to. */
  readonly dataType: DataType;
}

/**
 * Turns the user's exports into automation sources:
 * - each export's event sources with its rule sets;
 * - for findings, the parent recommendations' sources (streaming parents for streaming findings,
 *   snapshot parents for snapshot findings), filtered to the same recommendations;
 * - sources that appear twice are merged: their rule sets are ORed, and "everything" wins;
 * - output in a fixed order of event sources and rule sets, duplicates removed: the order of the
 *   exports and of the values in a filter, which means nothing, never changes the output.
 */
export function toAutomationSources(exports: readonly Export[]): AutomationSource[] {
  return expand(exports);
}

function expand(exports: readonly Export[]): AutomationSource[] {
  if (!Array.isArray(exports) || exports.length === 0) {
    throw new ExportConfigError(
      "DFE010",
      "no data selected: `exports` is empty, so nothing would be exported. Add at least one, e.g. Export.alerts().",
    );
  }
  const merged = new Map<string, { dataType: DataType; ruleSets: RuleSet[] | "all" }>();
  const contributions = new Map<string, number>();
  const add = (eventSource: string, dataType: DataType, ruleSets: readonly RuleSet[]) => {
    contributions.set(eventSource, (contributions.get(eventSource) ?? 0) + 1);
    const prior = merged.get(eventSource);
    const next: RuleSet[] | "all" = ruleSets.length === 0 || prior?.ruleSets === "all" ? "all" : [...(prior?.ruleSets ?? []), ...ruleSets];
    merged.set(eventSource, { dataType, ruleSets: next });
  };
  for (const e of exports) {
    if (!(e instanceof Export)) {
      throw new ExportConfigError("DFE009", `\`exports\` takes Export objects (Export.alerts(), Export.findings(), …), got ${describeValue(e)}.`);
    }
    BRANDS.export.check("exports", e);
    e.eventSources.forEach((source) => add(source, e.dataType, e.ruleSets));
    if (e.parentRecommendations) {
      const parentSets = e.parentRecommendations.map((r) => RuleSet.of(Rule.contains(JPATHS.recommendationName, r.assessmentKey)));
      for (const source of e.eventSources) {
        const parent =
          source === DataType.FINDINGS.snapshotSource
            ? (DataType.RECOMMENDATIONS.snapshotSource ?? source)
            : DataType.RECOMMENDATIONS.streamingSource;
        add(parent, DataType.RECOMMENDATIONS, parentSets);
      }
    }
  }
  return [...merged.entries()]
    .sort(([a], [b]) => DataType.orderOf(a) - DataType.orderOf(b))
    .map(([eventSource, { dataType, ruleSets }]) => ({
      eventSource,
      dataType,
      ruleSets: ruleSets === "all" ? [] : canonical(ruleSets, contributions.get(eventSource) ?? 0),
    }));
}

/**
 * The rule sets without duplicates. One export's rule sets keep their order (already canonical); rule
 * sets merged from several exports are sorted, so that the order of the exports does not show.
 */
function canonical(ruleSets: RuleSet[], contributions: number): RuleSet[] {
  const byKey = new Map<string, RuleSet>();
  for (const s of ruleSets) {
    const key = s.toString().toLowerCase();
    if (!byKey.has(key)) byKey.set(key, s);
  }
  const keys = [...byKey.keys()];
  return (contributions > 1 ? keys.sort() : keys).flatMap((k) => byKey.get(k) ?? []);
}
