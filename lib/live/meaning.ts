import { completeValues, holdsForEveryRecord, matchesEveryRecord } from "../model/paths";
import { RuleView } from "../writers/automation-view";

/** Sources in their plainest form: event source → rule sets (ORed) of rules (ANDed). */
export interface PlainSource {
  readonly eventSource: string;
  readonly ruleSets: ReadonlyArray<ReadonlyArray<RuleView>>;
}

/**
 * What sources mean, as a comparable text: per event source, its rule sets as a set of sets of rules,
 * or `everything`. Order means nothing (rule sets are ORed, rules ANDed); absent, null and empty rule
 * sets all mean every record, as do rule sets that let every record through (one per value of a complete
 * list, see `matchesEveryRecord`); rules that hold for every record are left out; a source listed twice
 * is the OR of both. JPaths, values and property
 * types compare case-insensitively, as the service does; event sources and operators exactly (the
 * API rejects another case).
 */
export function meaningOf(sources: readonly PlainSource[]): string {
  const bySource = new Map<string, Set<string> | "everything">();
  for (const source of sources) {
    const prior = bySource.get(source.eventSource);
    if (prior === "everything") continue;
    const sets = (source.ruleSets ?? []).map((set) => set.filter((r) => !holdsForEveryRecord(source.eventSource, r)));
    if (matchesEveryRecord(source.eventSource, sets)) {
      bySource.set(source.eventSource, "everything");
      continue;
    }
    const keys = prior ?? new Set<string>();
    for (const set of sets) keys.add([...new Set(set.map(ruleKey))].sort().join(" AND "));
    const simplified = simplify(source.eventSource, keys);
    bySource.set(source.eventSource, simplified === "everything" ? "everything" : simplified);
  }
  return [...bySource.keys()]
    .sort()
    .map((source) => {
      const sets = bySource.get(source);
      return `${source}: ${sets === "everything" || sets === undefined ? "everything" : [...sets].sort().join(" OR ")}`;
    })
    .join("\n");
}

/**
 * Rule sets (ORed) in a normal form, by two laws of logic and one fact: rule sets that differ only by one value
 * each of a complete list (`severity Equals High`, `Medium`, `Low`: every assessment has one) are the rule set
 * without that rule; a rule set that holds every rule of another adds nothing to it (A OR (A AND B) is A).
 * "everything" when a rule set is left empty.
 */
function simplify(eventSource: string, keys: Set<string>): Set<string> | "everything" {
  let sets = [...keys].map((k) => (k === "" ? [] : k.split(" AND ")));
  for (const { path, values } of completeValues(eventSource)) {
    const valueOf = (rule: string) => {
      const m = /^(\S+) Equals "(.*)" \(string\)$/.exec(rule);
      return m && m[1] === path.toLowerCase() ? m[2] : undefined;
    };
    const byRest = new Map<string, Set<string>>();
    for (const set of sets) {
      const value = set.map(valueOf).find((v) => v !== undefined);
      if (value === undefined) continue;
      const rest = set.filter((r) => valueOf(r) === undefined).join(" AND ");
      byRest.set(rest, (byRest.get(rest) ?? new Set()).add(value));
    }
    for (const [rest, seen] of byRest) {
      if (values.every((v) => seen.has(v))) sets.push(rest === "" ? [] : rest.split(" AND "));
    }
  }
  if (sets.some((s) => s.length === 0)) return "everything";
  sets = sets.filter((set, i) => !sets.some((other, j) => j !== i && other.length < set.length && other.every((r) => set.includes(r))));
  return new Set(sets.map((s) => s.join(" AND ")));
}

function ruleKey(rule: RuleView): string {
  return `${rule.propertyJPath.toLowerCase()} ${rule.operator} ${JSON.stringify(rule.expectedValue.toLowerCase())} (${rule.propertyType.toLowerCase()})`;
}

/** Sources as the model writes them, in their plainest form. */
export function plainSources(
  sources: ReadonlyArray<{ eventSource: string; ruleSets: ReadonlyArray<{ rules: ReadonlyArray<PlainModelRule> }> }>,
): PlainSource[] {
  return sources.map((s) => ({
    eventSource: s.eventSource,
    ruleSets: s.ruleSets.map((set) =>
      set.rules.map((r) => ({
        propertyJPath: r.propertyJPath,
        operator: r.operator.value,
        expectedValue: r.expectedValue,
        propertyType: r.propertyType.value,
      })),
    ),
  }));
}

/** A rule of the model, as far as its meaning goes. */
interface PlainModelRule {
  readonly propertyJPath: string;
  readonly operator: { readonly value: string };
  readonly expectedValue: string;
  readonly propertyType: { readonly value: string };
}
