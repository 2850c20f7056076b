import { AssessmentState } from "./catalogue";
import { DataType } from "./data-type";
import { JPATHS } from "./paths";
import { AlertSeverity, AttackPathRiskLevel, Severity } from "./severity";

/**
 * The closed value sets of the JPaths this library knows: every record carries one of these values at
 * that path, so a rule value outside the set (`"Hight"`, `"High "`) matches nothing. Read from the
 * model's own constants at call time, so a value added there (a new severity) is known here at once.
 * Sources: alert `Severity` (Informational, Low, Medium, High) and assessment/sub-assessment severity and
 * status code from the Microsoft.Security REST specs (`alerts.json`, `assessmentMetadata.json`,
 * `subAssessments.json`, checked 2026-12); attack path risk levels from the portal's filter (public samples).
 */
const VALUE_SETS: ReadonlyArray<{ readonly path: string; readonly dataTypes: readonly DataType[]; readonly values: () => string[] }> = [
  { path: JPATHS.alertSeverity, dataTypes: [DataType.ALERTS], values: () => AlertSeverity.ALL.map((s) => s.name) },
  { path: JPATHS.recommendationSeverity, dataTypes: [DataType.RECOMMENDATIONS], values: () => Severity.ALL.map((s) => s.name) },
  { path: JPATHS.findingSeverity, dataTypes: [DataType.FINDINGS], values: () => Severity.ALL.map((s) => s.name) },
  {
    path: JPATHS.assessmentState,
    dataTypes: [DataType.RECOMMENDATIONS, DataType.FINDINGS],
    values: () => AssessmentState.ALL.map((s) => s.code),
  },
  { path: JPATHS.attackPathRiskLevel, dataTypes: [DataType.ATTACK_PATHS], values: () => AttackPathRiskLevel.ALL.map((s) => s.name) },
];

/** The data type an event source (streaming or snapshot) belongs to. */
export function dataTypeOfSource(eventSource: string): DataType | undefined {
  return DataType.ALL.find((t) => t.eventSources.includes(eventSource));
}

/** The values a JPath of a data type takes (compared case-insensitively, as the service compares text), or undefined when open. */
export function knownValuesOf(path: string, dataType: DataType | undefined): string[] | undefined {
  if (!dataType) return undefined;
  return VALUE_SETS.find((v) => v.path === path && v.dataTypes.includes(dataType))?.values();
}

/** The JPaths with a closed value set for a data type: what a near-miss JPath is compared with. */
export function knownPathsOf(dataType: DataType): string[] {
  return VALUE_SETS.filter((v) => v.dataTypes.includes(dataType)).map((v) => v.path);
}

/** A rule as it stands in an automation. */
export interface ValueRule {
  readonly propertyJPath: string;
  readonly operator: string;
  readonly expectedValue: string;
}

/**
 * Whether a known text value passes a rule, as the service compares text (case-insensitively, the value
 * exactly as written: `"High "` is not `"High"`). Numeric operators pass no text.
 */
export function admits(rule: ValueRule, value: string): boolean {
  const [v, e] = [value.toLowerCase(), rule.expectedValue.toLowerCase()];
  switch (rule.operator) {
    case "Equals":
      return v === e;
    case "NotEquals":
      return v !== e;
    case "Contains":
      return v.includes(e);
    case "StartsWith":
      return v.startsWith(e);
    case "EndsWith":
      return v.endsWith(e);
    default:
      return false;
  }
}

/**
 * The known value a mistyped one was meant to be: the same letters with spaces or case changed, or at
 * most two edits away. Undefined when none is near.
 */
export function nearestValue(value: string, known: readonly string[]): string | undefined {
  const plain = value.trim().toLowerCase();
  return (
    known.find((k) => k.toLowerCase() === plain) ??
    known
      .map((k) => ({ k, d: editDistance(k.toLowerCase(), plain) }))
      .filter((x) => x.d <= 2)
      .sort((a, b) => a.d - b.d)[0]?.k
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length];
}
