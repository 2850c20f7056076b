import { AssessmentState, ComplianceStandard, DefenderPlan, Recommendation, SecureScoreControl } from "./catalogue";
import { DataType } from "./data-type";
import { ExportConfigError, describeValue } from "./errors";
import { ExportDeclaration, FilterOptions, filter } from "./filter";
import { isGuid } from "./guid";
import { JPATHS } from "./paths";
import { Operator } from "./rule";
import { AlertSeverity, AttackPathRiskLevel, Severity } from "./severity";

/** The constant of a class whose property matches, case aside (`DefenderPlan.SERVERS` for `virtualmachines`). */
function constantOf<T>(type: object, instance: (v: unknown) => v is T, matches: (v: T) => boolean): T | undefined {
  return Object.values(type).find((v): v is T => instance(v) && matches(v));
}

const ranked =
  <T extends { ruleValue: string }>(scale: readonly T[]) =>
  (value: string): T | undefined =>
    scale.find((s) => s.ruleValue.toLowerCase() === value.toLowerCase());

const isRecommendation = (v: unknown): v is Recommendation => v instanceof Recommendation;

function recommendationOf(key: string | undefined): Recommendation | undefined {
  if (!key || !isGuid(key)) return undefined;
  return constantOf(Recommendation, isRecommendation, (r) => r.assessmentKey.toLowerCase() === key.toLowerCase()) ?? Recommendation.of(key);
}

const anyText = (value: string): string => value;

const NOT_IN_POLICY = "the built-in policies have no parameter for it";

const ALERTS: ExportDeclaration = {
  factory: "alerts",
  dataType: DataType.ALERTS,
  noun: "alert",
  filters: [
    filter<AlertSeverity>({
      field: "severity",
      option: "severities",
      minimum: { option: "minimumSeverity", scale: AlertSeverity.ALL },
      path: JPATHS.alertSeverity,
      operator: Operator.EQUAL_TO,
      ruleValue: (s) => s.ruleValue,
      text: (s) => s.name,
      values: { type: AlertSeverity },
      recognize: ranked(AlertSeverity.ALL),
      policy: { parameter: "alertSeverities" },
      examples: AlertSeverity.ALL,
    }),
    filter<DefenderPlan>({
      field: "Defender plan",
      option: "plans",
      path: JPATHS.alertPlan,
      operator: Operator.EQUAL_TO,
      ruleValue: (p) => p.productComponentName,
      text: (p) => p.productComponentName,
      values: { type: DefenderPlan, make: { method: "custom", argument: (p) => p.productComponentName } },
      recognize: (v) =>
        constantOf(
          DefenderPlan,
          (p): p is DefenderPlan => p instanceof DefenderPlan,
          (p) => p.productComponentName.toLowerCase() === v.toLowerCase(),
        ) ?? DefenderPlan.custom(v),
      policy: { unmappable: NOT_IN_POLICY },
      examples: [DefenderPlan.SERVERS, DefenderPlan.STORAGE, DefenderPlan.custom("Cosmos")],
    }),
    filter<string>({
      field: "alert type",
      option: "alertTypes",
      path: JPATHS.alertType,
      operator: Operator.EQUAL_TO,
      ruleValue: anyText,
      text: anyText,
      values: "text",
      recognize: anyText,
      policy: { unmappable: NOT_IN_POLICY },
      examples: ["VM_A", "VM_B"],
    }),
    filter<string>({
      field: "display name contains",
      option: "displayNameContains",
      path: JPATHS.alertDisplayName,
      operator: Operator.CONTAINS,
      ruleValue: anyText,
      text: (t) => `"${t}"`,
      values: "text",
      recognize: anyText,
      policy: { unmappable: NOT_IN_POLICY },
      examples: ["crypto"],
    }),
  ],
};

const recommendationFilter = (path: string, ruleValue: (key: string) => string, recognize: (v: string) => Recommendation | undefined) =>
  filter<Recommendation>({
    field: "recommendation",
    option: "recommendations",
    path,
    operator: Operator.CONTAINS,
    ruleValue: (r) => ruleValue(r.assessmentKey),
    text: (r) => r.displayName,
    name: (r) => r.assessmentKey,
    values: { type: Recommendation, make: { method: "of", argument: (r) => r.assessmentKey } },
    recognize,
    policy: { parameter: "recommendationNames" },
    examples: [Recommendation.MACHINES_VULNERABILITIES, Recommendation.SYSTEM_UPDATES, Recommendation.of("4fb67663-9ab9-475d-b026-8c544cced439")],
  });

const severityFilter = (path: string, scale: readonly Severity[], policy: ExportDeclaration["filters"][number]["policy"], narrower?: boolean) =>
  filter<Severity>({
    field: "severity",
    option: "severities",
    minimum: { option: "minimumSeverity", scale, narrower },
    path,
    operator: Operator.EQUAL_TO,
    ruleValue: (s) => s.ruleValue,
    text: (s) => s.name,
    values: { type: Severity },
    recognize: ranked(scale),
    policy,
    examples: scale,
  });

const RECOMMENDATIONS: ExportDeclaration = {
  factory: "recommendations",
  dataType: DataType.RECOMMENDATIONS,
  noun: "recommendation",
  filters: [
    recommendationFilter(JPATHS.recommendationName, (key) => key, recommendationOf),
    severityFilter(JPATHS.recommendationSeverity, Severity.ALL, { parameter: "recommendationSeverities" }),
    filter<AssessmentState>({
      field: "state",
      option: "states",
      path: JPATHS.assessmentState,
      operator: Operator.EQUAL_TO,
      ruleValue: (s) => s.code,
      text: (s) => s.code,
      values: { type: AssessmentState },
      recognize: (v) => AssessmentState.ALL.find((s) => s.code.toLowerCase() === v.toLowerCase()),
      policy: { unmappable: NOT_IN_POLICY },
      examples: AssessmentState.ALL,
    }),
  ],
};

const FINDINGS: ExportDeclaration = {
  factory: "findings",
  dataType: DataType.FINDINGS,
  noun: "finding",
  filters: [
    recommendationFilter(
      JPATHS.findingParent,
      (key) => `/assessments/${key}/`,
      (v) => recommendationOf(/^\/assessments\/([^/]+)\/$/i.exec(v)?.[1]),
    ),
    severityFilter(JPATHS.findingSeverity, Severity.FINDING_SCALE, { unmappable: "the policy's severities select recommendations only" }, true),
  ],
  otherOptions: ["withParents"],
  parentsOf: (options: FilterOptions) => {
    if (options.withParents !== undefined && typeof options.withParents !== "boolean") {
      throw new ExportConfigError(
        "DFE160",
        `Security findings: \`withParents\` is true (the default: the parent recommendations come along) or false, got ${describeValue(options.withParents)}.`,
      );
    }
    return options.withParents === false ? undefined : ((options.recommendations as Recommendation[] | undefined) ?? []);
  },
  rebuiltWith: [["withParents", false]],
};

const SECURE_SCORE: ExportDeclaration = { factory: "secureScore", dataType: DataType.SECURE_SCORE, noun: "secure score", filters: [] };

const SECURE_SCORE_CONTROLS: ExportDeclaration = {
  factory: "secureScoreControls",
  dataType: DataType.SECURE_SCORE_CONTROLS,
  noun: "secure score control",
  filters: [
    filter<SecureScoreControl>({
      field: "control",
      option: "controls",
      path: JPATHS.controlName,
      operator: Operator.EQUAL_TO,
      ruleValue: (c) => c.controlName,
      text: (c) => c.controlName,
      values: { type: SecureScoreControl, make: { method: "of", argument: (c) => c.controlName } },
      recognize: (v) => SecureScoreControl.of(v),
      policy: { parameter: "secureScoreControlsNames" },
      examples: [SecureScoreControl.of("ctl-a"), SecureScoreControl.of("ctl-b")],
    }),
  ],
};

const REGULATORY_COMPLIANCE: ExportDeclaration = {
  factory: "regulatoryCompliance",
  dataType: DataType.REGULATORY_COMPLIANCE,
  noun: "regulatory compliance assessment",
  filters: [
    filter<ComplianceStandard>({
      field: "standard",
      option: "standards",
      path: JPATHS.standardId,
      operator: Operator.CONTAINS,
      ruleValue: (s) => s.standardName,
      text: (s) => s.standardName,
      values: { type: ComplianceStandard, make: { method: "of", argument: (s) => s.standardName } },
      recognize: (v) =>
        constantOf(
          ComplianceStandard,
          (c): c is ComplianceStandard => c instanceof ComplianceStandard,
          (c) => c.standardName === v,
        ) ?? ComplianceStandard.of(v),
      policy: { parameter: "regulatoryComplianceStandardsNames" },
      examples: [ComplianceStandard.AZURE_CIS_1_1_0, ComplianceStandard.of("PCI-DSS-4")],
    }),
  ],
};

/** The JPath of an attack path's risk level, as seen in public samples (not documented by Microsoft). */
export const ATTACK_PATH_RISK_LEVEL_PATH = JPATHS.attackPathRiskLevel;

const ATTACK_PATHS: ExportDeclaration = {
  factory: "attackPaths",
  dataType: DataType.ATTACK_PATHS,
  noun: "attack path",
  filters: [
    filter<AttackPathRiskLevel>({
      field: "risk level",
      option: "riskLevels",
      minimum: { option: "minimumRiskLevel", scale: AttackPathRiskLevel.ALL },
      path: ATTACK_PATH_RISK_LEVEL_PATH,
      pathOption: {
        option: "riskLevelPath",
        pathFrom: (options) => {
          const path = options.riskLevelPath ?? ATTACK_PATH_RISK_LEVEL_PATH;
          if (typeof path !== "string" || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(path)) {
            throw new ExportConfigError(
              "DFE003",
              `Attack paths: \`riskLevelPath\` must be a JPath such as "attackPath.riskLevel", got ${describeValue(path)}.`,
            );
          }
          return path;
        },
      },
      operator: Operator.EQUAL_TO,
      ruleValue: (l) => l.ruleValue,
      text: (l) => l.name,
      values: { type: AttackPathRiskLevel },
      recognize: ranked(AttackPathRiskLevel.ALL),
      policy: { unmappable: "attack paths need the 2023-12-01-preview API; the built-in policies write 2019-01-01-preview" },
      examples: AttackPathRiskLevel.ALL,
    }),
  ],
};

/**
 * Every factory of `Export` with its typed filters, in the order the importer tries them. The one
 * declaration of each filter: the factories, the importer's rebuild and the policy mapping read it.
 */
export const EXPORT_DECLARATIONS: readonly ExportDeclaration[] = [
  ALERTS,
  RECOMMENDATIONS,
  FINDINGS,
  SECURE_SCORE,
  SECURE_SCORE_CONTROLS,
  REGULATORY_COMPLIANCE,
  ATTACK_PATHS,
];

/** The declaration of a data type's factory. */
export function declarationOf(dataType: DataType): ExportDeclaration {
  const found = EXPORT_DECLARATIONS.find((d) => d.dataType === dataType);
  if (!found) throw new Error(`unreachable: no factory exports ${dataType.portalName}`);
  return found;
}
