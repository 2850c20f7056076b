import { Recommendation } from "./catalogue";
import { DataType } from "./data-type";
import { holdsForEveryRecord } from "./paths";
import { JPATHS } from "./paths";

/** A rule as far as its words go. */
export interface WordedRule {
  readonly propertyJPath: string;
  readonly operator: string;
  readonly expectedValue: string;
}

const OPERATOR_WORDS: { readonly [operator: string]: string } = {
  Equals: "is",
  NotEquals: "is not",
  GreaterThan: "is more than",
  GreaterThanOrEqualTo: "is at least",
  LesserThan: "is less than",
  LesserThanOrEqualTo: "is at most",
  Contains: "contains",
  StartsWith: "starts with",
  EndsWith: "ends with",
};

const ASSESSMENT_IN_ID = /^\/assessments\/([^/]+)\/$/i;

/** A recommendation's name where the catalogue knows it, else its key. */
function recommendationName(key: string): string {
  const known = Object.values(Recommendation).find((r) => r instanceof Recommendation && r.assessmentKey.toLowerCase() === key.toLowerCase());
  return known instanceof Recommendation ? known.displayName : key;
}

/**
 * One rule in words, as the report words filters: the fields the typed filters write by their names
 * (`severity is High`, `recommendation is …`, `Defender plan is …`), a rule that holds for every record of its
 * source (the `type Contains Microsoft.Security/assessments` that Microsoft's policy and the portal write) as
 * `any recommendation`, any other field by its path with the operator in words.
 */
export function ruleInWords(eventSource: string, rule: WordedRule): string {
  const dataType = DataType.ALL.find((t) => t.eventSources.includes(eventSource));
  const path = rule.propertyJPath.toLowerCase();
  const value = rule.expectedValue;
  const op = OPERATOR_WORDS[rule.operator] ?? rule.operator.toLowerCase();
  if (holdsForEveryRecord(eventSource, rule)) return "any recommendation";
  const is = rule.operator === "Equals";
  if (dataType === DataType.ALERTS) {
    if (path === JPATHS.alertSeverity.toLowerCase() && is) return `severity is ${value}`;
    if (path === JPATHS.alertPlan.toLowerCase() && is) return `Defender plan is ${value}`;
    if (path === JPATHS.alertType.toLowerCase() && is) return `alert type is ${value}`;
    if (path === JPATHS.alertDisplayName.toLowerCase()) return `display name ${op} "${value}"`;
  }
  if (dataType === DataType.RECOMMENDATIONS) {
    if (path === JPATHS.recommendationSeverity.toLowerCase() && is) return `severity is ${value}`;
    if (path === JPATHS.recommendationName && (is || rule.operator === "Contains")) return `recommendation is ${recommendationName(value)}`;
    if (path === JPATHS.assessmentState.toLowerCase()) return `state ${op} ${value}`;
  }
  if (dataType === DataType.FINDINGS) {
    const key = ASSESSMENT_IN_ID.exec(value)?.[1];
    if (path === JPATHS.findingParent && rule.operator === "Contains" && key) return `recommendation is ${recommendationName(key)}`;
    if (path === JPATHS.findingSeverity.toLowerCase() && is) return `severity is ${value}`;
  }
  if (dataType === DataType.SECURE_SCORE_CONTROLS && path === JPATHS.controlName && is) return `control is ${value}`;
  if (dataType === DataType.REGULATORY_COMPLIANCE && path === JPATHS.standardId && rule.operator === "Contains") return `standard is ${value}`;
  if (dataType === DataType.ATTACK_PATHS && path === JPATHS.attackPathRiskLevel.toLowerCase() && is) return `risk level is ${value}`;
  return `the field ${rule.propertyJPath} ${op} "${value}"`;
}

/** Rule sets (ORed) of rules (ANDed) in words: `(a and b) or c`; `every record` for none. */
export function ruleSetsInWords(eventSource: string, ruleSets: ReadonlyArray<ReadonlyArray<WordedRule>>): string {
  if (ruleSets.length === 0) return "every record";
  const sets = ruleSets.map((set) => set.map((r) => ruleInWords(eventSource, r)).join(" and ") || "every record");
  return sets.length === 1 ? sets[0] : sets.map((s) => (s.includes(" and ") ? `(${s})` : s)).join(" or ");
}
