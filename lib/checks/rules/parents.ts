import { GUID_PATTERN } from "../../model/guid";
import { holdsForEveryRecord, matchesEveryRecord } from "../../model/paths";
import { ruleInWords, ruleSetsInWords } from "../../model/rule-words";
import { AutomationView } from "../../writers/automation-view";

const ASSESSMENT_IN_ID = new RegExp(`/assessments/(${GUID_PATTERN})/`, "i");

/** Each findings source with its parent source (DFC003, DFC030). */
export const FINDINGS_AND_PARENTS: ReadonlyArray<readonly [findings: string, parents: string]> = [
  ["SubAssessments", "Assessments"],
  ["SubAssessmentsSnapshot", "AssessmentsSnapshot"],
];

/** The findings sources of an automation with their parent sources (undefined: not exported). */
export function findingSourcesOf(a: AutomationView) {
  return FINDINGS_AND_PARENTS.flatMap(([findings, parents]) => {
    const findingSource = a.sources.find((s) => s.eventSource === findings);
    return findingSource ? [{ findings, parents, findingSource, parent: a.sources.find((s) => s.eventSource === parents) }] : [];
  });
}

/** A rule as far as the parent check goes. */
type PlainRule = { propertyJPath: string; operator: string; expectedValue: string };

/**
 * Why parents of these findings may not be exported by the parent source's rule sets, one reason per gap; none
 * when every finding's parent is exported whatever its severity or state (the rule sets of the parent source
 * let every record through, or those naming the finding's recommendation do once that rule is taken out).
 */
export function parentGaps(
  findingSets: ReadonlyArray<ReadonlyArray<PlainRule>>,
  parentSource: string,
  parentSets: ReadonlyArray<ReadonlyArray<PlainRule>>,
): string[] {
  if (matchesEveryRecord(parentSource, parentSets)) return [];
  const plain = parentSets.map((set) => set.filter((r) => !holdsForEveryRecord(parentSource, r)));
  const isKey = (r: PlainRule, key: string) =>
    r.propertyJPath.toLowerCase() === "name" && r.expectedValue.toLowerCase().includes(key) && ["Contains", "Equals"].includes(r.operator);
  const filtered = ruleSetsInWords(parentSource, plain);
  const keys = new Set<string>();
  for (const set of findingSets.length === 0 ? [[]] : findingSets) {
    const key = set.map((r) => ASSESSMENT_IN_ID.exec(r.expectedValue)?.[1]?.toLowerCase()).find((k): k is string => !!k);
    if (!key) return [`the findings of every recommendation are exported, the parents only where ${filtered}`];
    keys.add(key);
  }
  const gaps: string[] = [];
  for (const key of keys) {
    const narrowed = plain.filter((set) => set.some((r) => isKey(r, key)));
    // The parent's rule sets, the recommendation's rule taken out, let every parent through (none left, or one per severity).
    if (
      narrowed.length > 0 &&
      matchesEveryRecord(
        parentSource,
        narrowed.map((set) => set.filter((r) => !isKey(r, key))),
      )
    )
      continue;
    const parent = ruleInWords(parentSource, { propertyJPath: "name", operator: "Contains", expectedValue: key }).replace("recommendation is ", "");
    gaps.push(
      narrowed.length > 0
        ? `the parent ${parent} only where ${ruleSetsInWords(
            parentSource,
            narrowed.map((set) => set.filter((r) => !isKey(r, key))),
          )}`
        : `the parent ${parent} is not among the exported recommendations`,
    );
  }
  return gaps;
}
