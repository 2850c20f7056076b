import { DataType } from "./data-type";
import { ExportConfigError } from "./errors";
import { Severity } from "./severity";

/**
 * The JPaths the typed filters write, in one place (what Microsoft's export policies write; finding
 * severity from the sub-assessment REST model; attack path risk from public samples only).
 */
export const JPATHS = {
  alertSeverity: "Severity",
  alertPlan: "ProductComponentName",
  alertType: "AlertType",
  alertDisplayName: "AlertDisplayName",
  recommendationName: "name",
  recommendationSeverity: "properties.metadata.severity",
  assessmentState: "properties.status.code",
  findingParent: "id",
  findingSeverity: "properties.status.severity",
  controlName: "name",
  standardId: "id",
  attackPathRiskLevel: "attackPath.riskLevel",
} as const;

/**
 * The JPaths this library knows, per data type, with the data type they belong to. A raw rule on a
 * path that belongs to another data type only (the classic mistake: the recommendation severity
 * path on alerts) is refused: the service would accept it and export nothing.
 */
const KNOWN_PATHS: ReadonlyArray<{ path: string; types: readonly DataType[]; hint: string }> = [
  { path: JPATHS.alertSeverity, types: [DataType.ALERTS], hint: "the alert severity path; filter with AlertSeverity on Export.alerts" },
  { path: JPATHS.alertPlan, types: [DataType.ALERTS], hint: "the Defender plan of an alert" },
  { path: JPATHS.alertType, types: [DataType.ALERTS], hint: "the type of an alert" },
  { path: JPATHS.alertDisplayName, types: [DataType.ALERTS], hint: "the display name of an alert" },
  {
    path: JPATHS.recommendationSeverity,
    types: [DataType.RECOMMENDATIONS],
    hint: "the recommendation severity path; alerts use `Severity`, findings `properties.status.severity`",
  },
  {
    path: JPATHS.findingSeverity,
    types: [DataType.FINDINGS],
    hint: "the finding severity path; recommendations use `properties.metadata.severity`, alerts `Severity`",
  },
  { path: JPATHS.attackPathRiskLevel, types: [DataType.ATTACK_PATHS], hint: "the risk level of an attack path" },
  { path: JPATHS.assessmentState, types: [DataType.RECOMMENDATIONS, DataType.FINDINGS], hint: "the health state of a recommendation or finding" },
];

/** Why `path` does not apply to `dataType` (it belongs only to other data types), or undefined. */
export function pathMismatch(path: string, dataType: DataType): string | undefined {
  const known = KNOWN_PATHS.find((k) => k.path.toLowerCase() === path.toLowerCase());
  if (!known || known.types.includes(dataType)) return undefined;
  return `the JPath "${path}" does not apply to ${dataType.portalName.toLowerCase()}: it is ${known.hint} (${known.types.map((t) => t.portalName.toLowerCase()).join(", ")})`;
}

/** Throws when `path` is known to belong only to data types other than `dataType`. */
export function assertPathApplies(path: string, dataType: DataType): void {
  const mismatch = pathMismatch(path, dataType);
  if (mismatch) {
    throw new ExportConfigError(
      "DFE008",
      `${mismatch}. The service would accept the rule and export nothing. Use the typed filter of this data type instead.`,
    );
  }
}

/** A rule as far as its meaning goes. */
interface PlainRule {
  readonly propertyJPath: string;
  readonly operator: string;
  readonly expectedValue: string;
}

/**
 * Rules that hold for every record of a source, so that they add nothing to a rule set: Microsoft's
 * export policy writes `type Contains Microsoft.Security/assessments` when no recommendation is chosen
 * (every assessment has that type).
 */
const ALWAYS_TRUE: ReadonlyArray<{ readonly dataType: DataType; readonly path: string; readonly operator: string; readonly value: string }> = [
  { dataType: DataType.RECOMMENDATIONS, path: "type", operator: "Contains", value: "microsoft.security/assessments" },
];

/**
 * Values of which every record has exactly one, so that one rule set per value (each `Equals`) means
 * every record: an assessment's `properties.metadata.severity` is required and one of the recommendation
 * severities (`SecurityAssessmentMetadataProperties` in the Assessments API 2025-05-04: Low, Medium, High,
 * Critical; checked 2026-12), so High, Medium and Low alone (what Microsoft's policy writes) are not every
 * record. Alert severities are not listed: Microsoft's policy writes High, Medium and Low, and alerts also
 * have Informational; a finding's `status.severity` is optional in its REST model.
 */
const EVERY_VALUE: ReadonlyArray<{ readonly dataType: DataType; readonly path: string; readonly values: readonly string[] }> = [
  { dataType: DataType.RECOMMENDATIONS, path: JPATHS.recommendationSeverity, values: Severity.ALL.map((s) => s.ruleValue.toLowerCase()) },
];

const typeOf = (eventSource: string) => DataType.ALL.find((t) => t.streamingSource === eventSource || t.snapshotSource === eventSource);

/** Whether a rule holds for every record of an event source (see {@link ALWAYS_TRUE}). */
export function holdsForEveryRecord(eventSource: string, rule: PlainRule): boolean {
  const dataType = typeOf(eventSource);
  return ALWAYS_TRUE.some(
    (t) =>
      t.dataType === dataType &&
      t.path === rule.propertyJPath.toLowerCase() &&
      t.operator === rule.operator &&
      t.value === rule.expectedValue.toLowerCase(),
  );
}

/**
 * The values of a complete list (see {@link EVERY_VALUE}) that rule sets filtering on that path alone leave
 * out, e.g. `Critical` for recommendations filtered High, Medium and Low; empty when the rule sets filter on
 * anything else too.
 */
export function valuesLeftOut(eventSource: string, ruleSets: ReadonlyArray<ReadonlyArray<PlainRule>>): string[] {
  const dataType = typeOf(eventSource);
  const sets = ruleSets.map((set) => set.filter((r) => !holdsForEveryRecord(eventSource, r)));
  for (const complete of EVERY_VALUE.filter((c) => c.dataType === dataType)) {
    const single = sets.every(
      (set) => set.length === 1 && set[0].propertyJPath.toLowerCase() === complete.path.toLowerCase() && set[0].operator === "Equals",
    );
    if (!single || sets.length === 0) continue;
    const covered = new Set(sets.map((set) => set[0].expectedValue.toLowerCase()));
    return complete.values.filter((v) => !covered.has(v)).map((v) => v.charAt(0).toUpperCase() + v.slice(1));
  }
  return [];
}

/** Whether rule sets (ORed) let every record of an event source through: none, or one per value of a complete list. */
export function matchesEveryRecord(eventSource: string, ruleSets: ReadonlyArray<ReadonlyArray<PlainRule>>): boolean {
  if (ruleSets.length === 0) return true;
  const dataType = typeOf(eventSource);
  const sets = ruleSets.map((set) => set.filter((r) => !holdsForEveryRecord(eventSource, r)));
  if (sets.some((set) => set.length === 0)) return true;
  return EVERY_VALUE.some((complete) => {
    if (complete.dataType !== dataType) return false;
    const covered = new Set(
      sets
        .filter((set) => set.length === 1 && set[0].propertyJPath.toLowerCase() === complete.path.toLowerCase() && set[0].operator === "Equals")
        .map((set) => set[0].expectedValue.toLowerCase()),
    );
    return complete.values.every((v) => covered.has(v));
  });
}

/** The paths of an event source of which every record has exactly one of the listed values (see {@link EVERY_VALUE}). */
export function completeValues(eventSource: string): ReadonlyArray<{ readonly path: string; readonly values: readonly string[] }> {
  const dataType = typeOf(eventSource);
  return EVERY_VALUE.filter((v) => v.dataType === dataType);
}
