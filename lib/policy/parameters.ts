import { DataType } from "../model/data-type";
import { Export } from "../model/export";
import { PolicyParameter } from "../model/filter";
import { declarationOf } from "../model/filters";

/**
 * The parameters of Microsoft's built-in "Deploy export to … for Microsoft Defender for Cloud data"
 * policies, as derived from the same exports `ContinuousExport` takes.
 */
export interface PolicyExportParameters {
  /** Portal names of the exported data types, e.g. `Security alerts`, `Security recommendations - snapshot`. */
  readonly exportedDataTypes: string[];
  /** Assessment keys of the exported recommendations (and the findings' parents); empty: every recommendation. */
  readonly recommendationNames: string[];
  /** Recommendation severities (High, Medium, Low: the policy cannot select Critical). */
  readonly recommendationSeverities: string[];
  /** Whether streaming findings (sub-assessments) are exported with their recommendations. */
  readonly isSecurityFindingsEnabled: boolean;
  /** Secure score control names; empty: every control. */
  readonly secureScoreControlsNames: string[];
  /** Alert severities (High, Medium, Low: the policy cannot select Informational). */
  readonly alertSeverities: string[];
  /** Regulatory compliance standard names; empty: every standard. */
  readonly regulatoryComplianceStandardsNames: string[];
}

/** The parameters, or the parts of the request the policy cannot express. */
export interface PolicyTranslation {
  /** The parameters (meaningful only when nothing is unsupported). */
  readonly parameters: PolicyExportParameters;
  /** Each part of the request the built-in policy cannot express, in words. */
  readonly unsupported: string[];
  /**
   * What the policy exports less of than the request asks, in words: Critical recommendations, which
   * Microsoft's built-in policies cannot select (their `recommendationSeverities` allow High, Medium, Low).
   */
  readonly narrowed: string[];
}

/**
 * The severities Microsoft's built-in export policies can select: their `recommendationSeverities` and
 * `alertSeverities` parameters allow High, Medium and Low only (built-in definitions ffb6f416, cdfcce10,
 * af9f6c70 in Azure/azure-policy, checked 2026-12), though recommendations also have Critical since
 * March 2025 (Assessments API 2025-05-04).
 */
export const POLICY_SEVERITIES: readonly string[] = ["High", "Medium", "Low"];

const ALL_SEVERITIES = [...POLICY_SEVERITIES];
/** A name of the policy's `exportedDataTypes` parameter: the data type's portal name, with " - snapshot" for its snapshot. */
const streamingName = (type: DataType) => type.portalName;
const snapshotName = (type: DataType) => `${type.portalName} - snapshot`;
/** The policy parameter each typed filter of a data type maps to (its declaration says so, or why it cannot). */
function parametersOf(type: DataType): Array<[field: string, parameter: PolicyParameter]> {
  return declarationOf(type).filters.flatMap((f) => ("parameter" in f.policy ? [[f.field, f.policy.parameter] as [string, PolicyParameter]] : []));
}

/** "every value" or a sorted list. */
type Selection = "all" | string[];

/**
 * Translates exports into the built-in policy's parameters. Exact or not at all: anything the
 * parameters cannot say the same way (Informational alerts, plan or name filters, states, raw rules,
 * finding severities, attack paths, recommendations filtered differently across exports) is listed as
 * unsupported, never widened or narrowed silently.
 */
export function toPolicyParameters(exports: readonly Export[]): PolicyTranslation {
  const unsupported: string[] = [];
  const types = new Set<string>();
  const selections: Record<PolicyParameter, Selection[]> = {
    alertSeverities: [],
    recommendationNames: [],
    recommendationSeverities: [],
    secureScoreControlsNames: [],
    regulatoryComplianceStandardsNames: [],
  };
  let findingsStreaming = false;
  let hasFindings = false;

  for (const e of exports) {
    const type = e.dataType;
    if (type.needsApi2023) {
      unsupported.push(`${type.portalName} (the built-in policies write API 2019-01-01-preview)`);
      continue;
    }
    const mapped = parametersOf(type);
    for (const f of e.filters.filter((f) => !mapped.some(([field]) => field === f.field))) {
      unsupported.push(`${type.portalName} filtered by ${f.field === "where" ? "raw rules (`where`)" : f.field} (${f.values.join(", ")})`);
    }
    const values = (field: string): Selection => [...(e.filters.find((f) => f.field === field)?.values ?? ["*"])].sort();
    const selection = (field: string): Selection => (e.filters.some((f) => f.field === field) ? values(field) : "all");
    const streaming = e.eventSources.includes(type.streamingSource);
    const snapshot = type.snapshotSource !== undefined && e.eventSources.includes(type.snapshotSource);

    if (type === DataType.FINDINGS) {
      // `withParents: false`: the policy's findings without parents, which it writes unless recommendations are chosen too.
      const withParents = e.parentRecommendations !== undefined;
      hasFindings ||= withParents;
      findingsStreaming ||= streaming;
      if (streaming && withParents) types.add(streamingName(DataType.RECOMMENDATIONS));
      if (snapshot) types.add(snapshotName(DataType.FINDINGS));
      if (snapshot && withParents) types.add(snapshotName(DataType.RECOMMENDATIONS));
    } else {
      if (streaming) types.add(streamingName(type));
      if (snapshot) types.add(snapshotName(type));
    }
    for (const [field, parameter] of mapped) {
      const chosen = selection(field);
      if (parameter !== "alertSeverities") {
        selections[parameter].push(chosen);
        continue;
      }
      if (chosen === "all" || chosen.includes("Informational")) {
        unsupported.push(
          "Informational alerts (the policy selects High, Medium and Low only: give `severities` or `minimumSeverity` of Low or higher)",
        );
      }
      selections.alertSeverities.push(chosen === "all" ? ALL_SEVERITIES : chosen.filter((s) => s !== "Informational"));
    }
  }
  const { recommendationNames, recommendationSeverities, alertSeverities } = selections;
  const controls = selections.secureScoreControlsNames;
  const standards = selections.regulatoryComplianceStandardsNames;

  const names = single(recommendationNames);
  if (names === undefined) {
    unsupported.push(
      "recommendations (or the parents of findings) filtered by different recommendation lists: the policy takes one list for all of them",
    );
  }
  if (hasFindings) recommendationSeverities.push("all");
  const requested = single(recommendationSeverities);
  const narrowed: string[] = [];
  // The policy cannot select Critical: "every severity" becomes High, Medium and Low; a list loses Critical.
  const wantsCritical = requested === "all" ? recommendationSeverities.length > 0 : requested?.includes("Critical") === true;
  const severities = requested === undefined || requested === "all" ? requested : requested.filter((s) => s !== "Critical");
  if (severities !== undefined && severities !== "all" && severities.length === 0) {
    unsupported.push("recommendations of Critical severity only (the policy selects High, Medium and Low only)");
  } else if (wantsCritical) {
    narrowed.push(
      `Critical recommendations${hasFindings ? " (also as parents of findings)" : ""}: Microsoft's built-in policy selects High, Medium and Low only`,
    );
  }
  if (severities === undefined) {
    unsupported.push(
      `recommendations filtered by severity${hasFindings ? " together with findings, whose parents must come unfiltered" : " differently across exports"}: ` +
        `the policy takes one severity list for all recommendations`,
    );
  }

  return {
    parameters: {
      exportedDataTypes: [...types],
      recommendationNames: names === undefined || names === "all" ? [] : names,
      recommendationSeverities: severities === undefined || severities === "all" || severities.length === 0 ? ALL_SEVERITIES : severities,
      isSecurityFindingsEnabled: findingsStreaming,
      secureScoreControlsNames: union(controls),
      alertSeverities: alertSeverities.length === 0 ? ALL_SEVERITIES : sortSeverities(union(alertSeverities, ALL_SEVERITIES)),
      regulatoryComplianceStandardsNames: union(standards),
    },
    unsupported,
    narrowed,
  };
}

/** The one selection all exports agree on; undefined when they differ; "all" when there is none. */
function single(selections: Selection[]): Selection | undefined {
  const distinct = new Set(selections.map((s) => JSON.stringify(s)));
  if (distinct.size > 1) return undefined;
  return selections[0] ?? "all";
}

/** The union of single-field selections (exact, since they are ORed); empty means every value. */
function union(selections: Selection[], all: string[] = []): string[] {
  if (selections.length === 0 || selections.includes("all")) return all;
  return [...new Set(selections.flatMap((s) => s as string[]))].sort();
}

function sortSeverities(values: string[]): string[] {
  return ALL_SEVERITIES.filter((s) => values.includes(s));
}
