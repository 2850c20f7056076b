/**
 * What Microsoft's built-in continuous-export policies deploy, for any parameters: the deployment templates'
 * rule-set logic transcribed expression for expression (same variable names), so that every parameter
 * combination can be evaluated without Azure.
 *
 * Sources (read 2026-12):
 * - Azure/azure-policy, `built-in-policies/policyDefinitions/Security Center/`
 *   `ASC_ExportToLogAnalyticsWorkspaceAzureSecurityCenterAlertsAndRecommendations_Deploy.json` (ffb6f416…, commit 4ff50e53)
 *   and `ASC_ExportToEventHubAzureSecurityCenterAlertsAndRecommendations_Deploy.json` (cdfcce10…, commit 064b26cf):
 *   variables `ruleSetsForAssessmentsObj`, `customRuleSetsForSubAssessmentsObj`, `ruleSetsForAlertsObj`,
 *   `customRuleSetsForSecureScoreControlsObj`, `customRuleSetsForRegulatoryComplianceObj`, `ruleSetsMap`,
 *   `sourcesWithoutSubAssessments`, `sources`; resource `Microsoft.Security/automations` (name, description,
 *   scopes, actions). Eight data types.
 * - The current definitions add "Security recommendations - snapshot" (AssessmentsSnapshot, the recommendations'
 *   rule sets) and "Security findings - snapshot" (SubAssessmentsSnapshot, the findings' rule sets) to `dataTypeMap`
 *   and `ruleSetsMap`, as mirrored in hmcts/azure-policy `policies/export_eventhub_defender_logs/policy.json`
 *   (commit 00323082); DOMAIN.md §4 lists them as parameters.
 * - The trusted-service definition (af9f6c70…) was not in the searched index: its action is taken from the checked
 *   facts (the event hub's own id, no `listkeys`, `isTrustedServiceEnabled`), its rule sets are assumed to be the
 *   event hub template's (the same parameters). Unconfirmed for the rule sets.
 *
 * The template fails to deploy for an empty `exportedDataTypes`, `recommendationSeverities` or `alertSeverities`
 * (it indexes an empty array: `[0]`, `mod(…, 0)`), so those are no combinations.
 */

/** The parameters of the three definitions (the destination aside). */
export interface PolicyParameters {
  readonly exportedDataTypes: readonly string[];
  readonly recommendationNames: readonly string[];
  readonly recommendationSeverities: readonly string[];
  readonly isSecurityFindingsEnabled: boolean;
  readonly secureScoreControlsNames: readonly string[];
  readonly alertSeverities: readonly string[];
  readonly regulatoryComplianceStandardsNames: readonly string[];
}

/** Which definition. */
export type PolicyKind = "workspace" | "eventHub" | "trustedEventHub";

type Json = { [key: string]: any };

/** `dataTypeMap` of the templates. */
export const DATA_TYPE_MAP: { readonly [portalName: string]: string } = {
  "Security recommendations": "Assessments",
  "Security alerts": "Alerts",
  "Overall secure score": "SecureScores",
  "Secure score controls": "SecureScoreControls",
  "Regulatory compliance": "RegulatoryComplianceAssessment",
  "Overall secure score - snapshot": "SecureScoresSnapshot",
  "Secure score controls - snapshot": "SecureScoreControlsSnapshot",
  "Regulatory compliance - snapshot": "RegulatoryComplianceAssessmentSnapshot",
  "Security recommendations - snapshot": "AssessmentsSnapshot",
  "Security findings - snapshot": "SubAssessmentsSnapshot",
};

const ALERT_SEVERITY_MAP: { readonly [k: string]: string } = { High: "high", Medium: "medium", Low: "low" };

const rule = (propertyJPath: string, expectedValue: string, operator: string) => ({ propertyJPath, propertyType: "string", expectedValue, operator });

/** `copy` with `count` and `copyIndex()`. */
const copy = <T>(count: number, input: (copyIndex: number) => T): T[] => Array.from({ length: count }, (_, i) => input(i));
const ifEmpty = (n: number) => (n === 0 ? 1 : n);

/** The `sources` the template writes for these parameters. */
export function templateSources(p: PolicyParameters): Json[] {
  const recommendationNamesLength = p.recommendationNames.length;
  const recommendationSeveritiesLength = p.recommendationSeverities.length;
  const alertSeveritiesLength = p.alertSeverities.length;
  const recommendationNamesLengthIfEmpty = ifEmpty(recommendationNamesLength);
  const recommendationSeveritiesLengthIfEmpty = ifEmpty(recommendationSeveritiesLength);
  const alertSeveritiesLengthIfEmpty = ifEmpty(alertSeveritiesLength);
  const totalRuleCombinationsForOneRecommendationName = recommendationSeveritiesLengthIfEmpty;
  const totalRuleCombinationsForOneRecommendationSeverity = 1;
  const div = (a: number, b: number) => Math.floor(a / b);
  const ruleSetsForAssessmentsArr = copy(recommendationNamesLengthIfEmpty * recommendationSeveritiesLengthIfEmpty, (i) => ({
    rules: [
      rule(
        recommendationNamesLength === 0 ? "type" : "name",
        recommendationNamesLength === 0
          ? "Microsoft.Security/assessments"
          : p.recommendationNames[div(i, totalRuleCombinationsForOneRecommendationName) % recommendationNamesLength],
        "Contains",
      ),
      rule(
        "properties.metadata.severity",
        p.recommendationSeverities[div(i, totalRuleCombinationsForOneRecommendationSeverity) % recommendationSeveritiesLength],
        "Equals",
      ),
    ],
  }));
  const ruleSetsForSubAssessmentsObj =
    recommendationNamesLength === 0
      ? null
      : copy(recommendationNamesLengthIfEmpty, (i) => ({ rules: [rule("id", `/assessments/${p.recommendationNames[i]}/`, "Contains")] }));
  const ruleSetsForAlertsArr = copy(alertSeveritiesLengthIfEmpty, (i) => ({
    rules: [rule("Severity", ALERT_SEVERITY_MAP[p.alertSeverities[i % alertSeveritiesLengthIfEmpty]], "Equals")],
  }));
  const ruleSetsForSecureScoreControlsObj =
    p.secureScoreControlsNames.length === 0 ? null : p.secureScoreControlsNames.map((c) => ({ rules: [rule("name", c, "Equals")] }));
  const ruleSetsForSecureRegulatoryComplianceObj =
    p.regulatoryComplianceStandardsNames.length === 0
      ? null
      : p.regulatoryComplianceStandardsNames.map((s) => ({ rules: [rule("id", s, "Contains")] }));
  const ruleSetsMap: { [k: string]: unknown } = {
    "Security recommendations": ruleSetsForAssessmentsArr,
    "Security alerts": ruleSetsForAlertsArr,
    "Overall secure score": null,
    "Secure score controls": ruleSetsForSecureScoreControlsObj,
    "Regulatory compliance": ruleSetsForSecureRegulatoryComplianceObj,
    "Overall secure score - snapshot": null,
    "Secure score controls - snapshot": ruleSetsForSecureScoreControlsObj,
    "Regulatory compliance - snapshot": ruleSetsForSecureRegulatoryComplianceObj,
    "Security recommendations - snapshot": ruleSetsForAssessmentsArr,
    "Security findings - snapshot": ruleSetsForSubAssessmentsObj,
  };
  const sourcesWithoutSubAssessments = copy(ifEmpty(p.exportedDataTypes.length), (i) => ({
    eventSource: DATA_TYPE_MAP[p.exportedDataTypes[i]],
    ruleSets: ruleSetsMap[p.exportedDataTypes[i]],
  }));
  const subAssessmentSource = [{ eventSource: "SubAssessments", ruleSets: ruleSetsForSubAssessmentsObj }];
  return JSON.parse(
    JSON.stringify(p.isSecurityFindingsEnabled ? [...subAssessmentSource, ...sourcesWithoutSubAssessments] : sourcesWithoutSubAssessments),
  );
}

/** The automation a definition deploys in a subscription, as a GET returns it (no connection string). */
export function policyAutomation(
  kind: PolicyKind,
  subscriptionId: string,
  p: PolicyParameters,
  resourceGroupName = "rg-defender-export",
  destinationSubscriptionId = subscriptionId,
): Json {
  const name = kind === "workspace" ? "ExportToWorkspace" : "exportToEventHub";
  const destinations = `/subscriptions/${destinationSubscriptionId}/resourceGroups/rg-destinations/providers`;
  const action =
    kind === "workspace"
      ? { actionType: "Workspace", workspaceResourceId: `${destinations}/Microsoft.OperationalInsights/workspaces/law-soc` }
      : {
          actionType: "EventHub",
          eventHubResourceId: `${destinations}/Microsoft.EventHub/namespaces/evhns-soc/eventhubs/defender`,
          ...(kind === "trustedEventHub" ? { isTrustedServiceEnabled: true } : {}),
        };
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Security/automations/${name}`,
    name,
    type: "Microsoft.Security/automations",
    location: "westeurope",
    tags: {},
    properties: {
      description: `Export Microsoft Defender for Cloud data to ${kind === "workspace" ? "Log Analytics workspace" : "Event Hub"} via policy`,
      isEnabled: true,
      scopes: [{ description: `scope for subscription ${subscriptionId}`, scopePath: `/subscriptions/${subscriptionId}` }],
      sources: templateSources(p),
      actions: [action],
    },
  };
}

const SEVERITY_SUBSETS = [["High"], ["Medium"], ["Low"], ["High", "Medium"], ["High", "Low"], ["Medium", "Low"], ["High", "Medium", "Low"]];
const KEYS = ["1195afff-c881-495e-9bc5-1486211ae03f", "4fb67663-9ab9-475d-b026-8c544cced439"];

/**
 * Every combination of the parameters that shape the sources: each data type alone and all together, findings
 * on and off, no / one / two recommendations, every non-empty subset of recommendation and of alert severities,
 * no or chosen controls and standards. Combinations the template turns into the same automation are kept once.
 */
export function everyPolicyCombination(): PolicyParameters[] {
  const types = Object.keys(DATA_TYPE_MAP);
  const typeChoices = [
    ...types.map((t) => [t]),
    types,
    ["Security recommendations", "Security alerts"],
    ["Security findings - snapshot", "Security recommendations - snapshot"],
  ];
  const out = new Map<string, PolicyParameters>();
  for (const exportedDataTypes of typeChoices)
    for (const isSecurityFindingsEnabled of [false, true])
      for (const recommendationNames of [[], KEYS.slice(0, 1), KEYS])
        for (const recommendationSeverities of SEVERITY_SUBSETS)
          for (const alertSeverities of SEVERITY_SUBSETS)
            for (const secureScoreControlsNames of [[], ["ee7e6de7-5d9a-4fc0-9ad2-4d13bb7ec9a2"]])
              for (const regulatoryComplianceStandardsNames of [[], ["Azure-CIS-1.1.0", "PCI-DSS-3.2.1"]]) {
                const p = {
                  exportedDataTypes,
                  isSecurityFindingsEnabled,
                  recommendationNames,
                  recommendationSeverities,
                  alertSeverities,
                  secureScoreControlsNames,
                  regulatoryComplianceStandardsNames,
                };
                const key = JSON.stringify(templateSources(p));
                if (!out.has(key)) out.set(key, p);
              }
  return [...out.values()];
}
