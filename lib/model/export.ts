import { AssessmentState, ComplianceStandard, DefenderPlan, Recommendation, SecureScoreControl } from "./catalogue";
import { DataType } from "./data-type";
import { BRANDS } from "./brand";
import { admits, knownValuesOf, nearestValue } from "./value-sets";
import { checkSafeText } from "./text";
import { ExportConfigError, atFactory, describeValue } from "./errors";
import { Dimension, crossProduct, describeDimensions, dimension } from "./dimension";
import { JPATHS, assertPathApplies } from "./paths";
import { Operator, PropertyType, Rule, RuleSet } from "./rule";
import { AutomationSource, toAutomationSources } from "./sources";
import { AlertSeverity, AttackPathRiskLevel, Severity } from "./severity";

/** When data is sent: on change, as a weekly snapshot, or both. */
export interface ExportTimingOptions {
  /** Send each change as it happens. @default true */
  readonly streaming?: boolean;
  /** Send the full current state once a week. Alerts have no snapshot. @default false */
  readonly snapshot?: boolean;
}

/** Extra conditions, for what the typed filters cannot say. */
export interface RawRuleOptions {
  /**
   * Rule sets the data must also match: at least one of them (they are ORed), together with every
   * typed filter (ANDed). Rules on a JPath of another data type are refused.
   * @default no extra condition
   */
  readonly where?: RuleSet[];
}

/** Which security alerts to export. Filters on different fields combine with AND. */
export interface AlertExportOptions extends ExportTimingOptions, RawRuleOptions {
  /** Only alerts of these severities. Give this or `minimumSeverity`. @default every severity */
  readonly severities?: AlertSeverity[];
  /** Only alerts of this severity or higher. @default every severity */
  readonly minimumSeverity?: AlertSeverity;
  /** Only alerts raised by these Defender plans. @default every plan */
  readonly plans?: DefenderPlan[];
  /** Only alerts of these alert types (`AlertType` equals, e.g. `VM_SuspiciousCommandLine`). @default every type */
  readonly alertTypes?: string[];
  /** Only alerts whose display name contains one of these texts. @default every name */
  readonly displayNameContains?: string[];
}

/** Which security recommendations to export. */
export interface RecommendationExportOptions extends ExportTimingOptions, RawRuleOptions {
  /** Only these recommendations. @default every recommendation */
  readonly recommendations?: Recommendation[];
  /** Only recommendations of these severities (Low, Medium, High, Critical). Give this or `minimumSeverity`. @default every severity */
  readonly severities?: Severity[];
  /** Only recommendations of this severity or higher (`HIGH`: High and Critical). @default every severity */
  readonly minimumSeverity?: Severity;
  /** Only these health states. @default every state */
  readonly states?: AssessmentState[];
}

/** Which security findings (sub-recommendations) to export. Their parents always come along. */
export interface FindingExportOptions extends ExportTimingOptions, RawRuleOptions {
  /** Only findings of these parent recommendations; the parents are exported too. @default every recommendation */
  readonly recommendations?: Recommendation[];
  /** Only findings of these severities (Low, Medium, High: findings have no Critical). Give this or `minimumSeverity`. @default every severity */
  readonly severities?: Severity[];
  /** Only findings of this severity or higher (`HIGH` is the highest a finding has). @default every severity */
  readonly minimumSeverity?: Severity;
  /**
   * Whether the parent recommendations of the findings are added (streaming parents for streaming findings,
   * snapshot parents for snapshot findings, filtered to the same recommendations), as Microsoft asks for
   * exports made through the API. Turn it off only to state an automation exactly as it runs where the parents
   * come from another export of the same request (say, recommendations filtered by severity, as Microsoft's
   * export policy and the portal write them) or not at all: the check pack then says which parents may be
   * missing (DFC003, DFC030). `import` writes it only when the live automation does not export the parents the
   * library would add. @default true
   */
  readonly withParents?: boolean;
}

/** Which secure score controls to export. */
export interface SecureScoreControlExportOptions extends ExportTimingOptions, RawRuleOptions {
  /** Only these controls. @default every control */
  readonly controls?: SecureScoreControl[];
}

/** Which regulatory compliance assessments to export. */
export interface RegulatoryComplianceExportOptions extends ExportTimingOptions, RawRuleOptions {
  /** Only these standards. @default every standard */
  readonly standards?: ComplianceStandard[];
}

/** Options for data types without typed filters (overall secure score). */
export interface PlainExportOptions extends ExportTimingOptions, RawRuleOptions {}

const ATTACK_PATH_RISK_LEVEL_PATH = JPATHS.attackPathRiskLevel;

/** Which attack paths to export. */
export interface AttackPathExportOptions extends ExportTimingOptions, RawRuleOptions {
  /** Only attack paths of these risk levels. Give this or `minimumRiskLevel`. @default every risk level */
  readonly riskLevels?: AttackPathRiskLevel[];
  /** Only attack paths of this risk level or higher. @default every risk level */
  readonly minimumRiskLevel?: AttackPathRiskLevel;
  /**
   * The JPath of the risk level. Microsoft has not documented it; override it if the service shows
   * another. @default "attackPath.riskLevel"
   */
  readonly riskLevelPath?: string;
}

/** The most rule sets one export may make: the automation's request body and the service's evaluation stay small. */
const MAX_RULE_SETS = 1000;

const TIMING = ["streaming", "snapshot", "where"];

/** One filtered field of an export, with its accepted values by name. */
export interface ExportFilter {
  /** The field: `severity`, `plan`, `recommendation`, `control`, `standard`, `state`, `where`, … */
  readonly field: string;
  /** The accepted values by name (severity names, assessment keys, …). */
  readonly values: string[];
}

/**
 * One data type to export, with its filters. Build with the static factories; give one or more to
 * `ContinuousExport`'s `exports`.
 *
 * Several accepted values of one field become separate rule sets (ORed); filters on different fields
 * combine with AND (the cross product of their values). Never two `Equals` on one path in one rule set.
 */
export class Export {
  /** The JPath of an attack path's risk level, as seen in public samples (not documented by Microsoft). */
  public static readonly ATTACK_PATH_RISK_LEVEL_PATH = ATTACK_PATH_RISK_LEVEL_PATH;

  /**
   * The automation sources these exports make: parents of findings added, sources merged, in a fixed
   * order. What `ContinuousExport` writes, without a stack.
   */
  public static sourcesOf(exports: Export[]): AutomationSource[] {
    return toAutomationSources(exports);
  }

  /** Security alerts. */
  public static alerts(options: AlertExportOptions = {}): Export {
    assertOptions(options, DataType.ALERTS, ["severities", "minimumSeverity", "plans", "alertTypes", "displayNameContains"]);
    const severities = pickSeverities(options.severities, options.minimumSeverity, AlertSeverity, "alert");
    return new Export(DataType.ALERTS, options, [
      dimension(
        "severity",
        JPATHS.alertSeverity,
        severities,
        (s) => Rule.equalTo(JPATHS.alertSeverity, s.ruleValue),
        (s) => s.name,
        AlertSeverity,
      ),
      dimension(
        "Defender plan",
        JPATHS.alertPlan,
        options.plans,
        (p) => Rule.equalTo(JPATHS.alertPlan, p.productComponentName),
        (p) => p.productComponentName,
        DefenderPlan,
      ),
      dimension(
        "alert type",
        JPATHS.alertType,
        texts(options.alertTypes, "alertTypes"),
        (t) => Rule.equalTo(JPATHS.alertType, t),
        (t) => t,
      ),
      dimension(
        "display name contains",
        JPATHS.alertDisplayName,
        texts(options.displayNameContains, "displayNameContains"),
        (t) => Rule.contains(JPATHS.alertDisplayName, t),
        (t) => `"${t}"`,
      ),
    ]);
  }

  /** Security recommendations (assessments). */
  public static recommendations(options: RecommendationExportOptions = {}): Export {
    assertOptions(options, DataType.RECOMMENDATIONS, ["recommendations", "severities", "minimumSeverity", "states"]);
    const severities = pickSeverities(options.severities, options.minimumSeverity, Severity, "recommendation");
    return new Export(DataType.RECOMMENDATIONS, options, [
      dimension(
        "recommendation",
        JPATHS.recommendationName,
        options.recommendations,
        (r) => Rule.contains(JPATHS.recommendationName, r.assessmentKey),
        (r) => r.displayName,
        Recommendation,
        (r) => r.assessmentKey,
      ),
      dimension(
        "severity",
        JPATHS.recommendationSeverity,
        severities,
        (s) => Rule.equalTo(JPATHS.recommendationSeverity, s.ruleValue),
        (s) => s.name,
        Severity,
      ),
      dimension(
        "state",
        JPATHS.assessmentState,
        options.states,
        (s) => Rule.equalTo(JPATHS.assessmentState, s.code),
        (s) => s.code,
        AssessmentState,
      ),
    ]);
  }

  /**
   * Security findings (sub-assessments). Their parent recommendations are always exported with them,
   * to the same destinations, as Microsoft requires for exports made through the API.
   */
  public static findings(options: FindingExportOptions = {}): Export {
    assertOptions(options, DataType.FINDINGS, ["recommendations", "severities", "minimumSeverity", "withParents"]);
    if (options.withParents !== undefined && typeof options.withParents !== "boolean") {
      throw new ExportConfigError(
        "DFE160",
        `Security findings: \`withParents\` is true (the default: the parent recommendations come along) or false, got ${describeValue(options.withParents)}.`,
      );
    }
    const severities = pickSeverities(options.severities, options.minimumSeverity, Severity, "finding", Severity.FINDING_SCALE);
    return new Export(
      DataType.FINDINGS,
      options,
      [
        dimension(
          "recommendation",
          JPATHS.findingParent,
          options.recommendations,
          (r) => Rule.contains(JPATHS.findingParent, `/assessments/${r.assessmentKey}/`),
          (r) => r.displayName,
          Recommendation,
          (r) => r.assessmentKey,
        ),
        dimension(
          "severity",
          JPATHS.findingSeverity,
          severities,
          (s) => Rule.equalTo(JPATHS.findingSeverity, s.ruleValue),
          (s) => s.name,
          Severity,
        ),
      ],
      options.withParents === false ? undefined : (options.recommendations ?? []),
    );
  }

  /** The overall secure score. */
  public static secureScore(options: PlainExportOptions = {}): Export {
    assertOptions(options, DataType.SECURE_SCORE, []);
    return new Export(DataType.SECURE_SCORE, options, []);
  }

  /** The secure score of each control. */
  public static secureScoreControls(options: SecureScoreControlExportOptions = {}): Export {
    assertOptions(options, DataType.SECURE_SCORE_CONTROLS, ["controls"]);
    return new Export(DataType.SECURE_SCORE_CONTROLS, options, [
      dimension(
        "control",
        JPATHS.controlName,
        options.controls,
        (c) => Rule.equalTo(JPATHS.controlName, c.controlName),
        (c) => c.controlName,
        SecureScoreControl,
      ),
    ]);
  }

  /** Regulatory compliance assessments. */
  public static regulatoryCompliance(options: RegulatoryComplianceExportOptions = {}): Export {
    assertOptions(options, DataType.REGULATORY_COMPLIANCE, ["standards"]);
    return new Export(DataType.REGULATORY_COMPLIANCE, options, [
      dimension(
        "standard",
        JPATHS.standardId,
        options.standards,
        (s) => Rule.contains(JPATHS.standardId, s.standardName),
        (s) => s.standardName,
        ComplianceStandard,
      ),
    ]);
  }

  /**
   * Attack paths (preview; needs Defender CSPM). Only the 2023-12-01-preview automations API knows
   * them, so `ContinuousExport` writes them through azapi.
   */
  public static attackPaths(options: AttackPathExportOptions = {}): Export {
    assertOptions(options, DataType.ATTACK_PATHS, ["riskLevels", "minimumRiskLevel", "riskLevelPath"]);
    const levels = pickSeverities(options.riskLevels, options.minimumRiskLevel, AttackPathRiskLevel, "attack path");
    const path = options.riskLevelPath ?? ATTACK_PATH_RISK_LEVEL_PATH;
    if (typeof path !== "string" || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(path)) {
      throw new ExportConfigError(
        "DFE003",
        `Attack paths: \`riskLevelPath\` must be a JPath such as "attackPath.riskLevel", got ${describeValue(path)}.`,
      );
    }
    return new Export(DataType.ATTACK_PATHS, options, [
      dimension(
        "risk level",
        path,
        levels,
        (l) => Rule.equalTo(path, l.ruleValue),
        (l) => l.name,
        AttackPathRiskLevel,
      ),
    ]);
  }

  /** Every data type, streaming and weekly snapshots, as the portal's "export all data types" does. */
  public static everything(): Export[] {
    const both = { streaming: true, snapshot: true };
    return [
      Export.alerts(),
      Export.recommendations(both),
      Export.findings(both),
      Export.secureScore(both),
      Export.secureScoreControls(both),
      Export.regulatoryCompliance(both),
    ];
  }

  /** The event sources this export reads (streaming first). */
  public readonly eventSources: string[];
  /** The rule sets (ORed); empty means every record of the data type. */
  public readonly ruleSets: RuleSet[];
  /** The filters in words, for summaries, e.g. `severity is High or Medium`. */
  public readonly filterText: string;
  /** Each filtered field with its accepted values by name (`severity` → `High`, `recommendation` → assessment keys, `where` → rule sets). */
  public readonly filters: ExportFilter[];
  /**
   * For findings: the parent recommendations exported alongside (empty: every recommendation).
   * Undefined for other data types, and for findings exported with `withParents: false`.
   */
  public readonly parentRecommendations?: Recommendation[];

  private constructor(
    /** The data type. */
    public readonly dataType: DataType,
    options: ExportTimingOptions & RawRuleOptions,
    dimensions: Array<Dimension | undefined>,
    parents?: Recommendation[],
  ) {
    BRANDS.export.mark(this);
    const streaming = options.streaming ?? true;
    const snapshot = options.snapshot ?? false;
    if (!streaming && !snapshot) {
      throw new ExportConfigError(
        "DFE011",
        `${dataType.portalName}: streaming and snapshot are both off, so nothing would be exported. Turn one of them on.`,
      );
    }
    if (snapshot && !dataType.snapshotSource) {
      throw new ExportConfigError(
        "DFE012",
        `${dataType.portalName} have no weekly snapshot (only a streaming source, ${dataType.streamingSource}). Remove \`snapshot: true\`.`,
      );
    }
    this.eventSources = [...(streaming ? [dataType.streamingSource] : []), ...(snapshot && dataType.snapshotSource ? [dataType.snapshotSource] : [])];
    const all = [...dimensions, whereDimension(options.where, dataType)].filter((d): d is Dimension => d !== undefined);
    const size = all.reduce((n, d) => n * Math.max(1, d.values.length), 1);
    if (size > MAX_RULE_SETS) {
      throw new ExportConfigError(
        "DFE015",
        `${dataType.portalName}: the filters make ${size} rule sets (one per combination of ${all.map((d) => `${d.values.length} ${d.field}`).join(" × ")}), more than ${MAX_RULE_SETS}. ` +
          "Drop a filter (export more and filter where the data lands), or split the request into several exports.",
      );
    }
    this.ruleSets = crossProduct(all);
    this.filterText = describeDimensions(all);
    this.filters = all.map((d) => ({ field: d.field, values: [...d.values] }));
    this.parentRecommendations = parents;
  }

  /** One line in words: data type, timing and filters. */
  public describe(): string {
    const timing = this.eventSources.map((s) => (s === this.dataType.streamingSource ? "streaming" : "weekly snapshot")).join(" + ");
    const parents = this.dataType === DataType.FINDINGS && this.parentRecommendations === undefined ? ", parents not added" : "";
    return `${this.dataType.portalName} (${timing}${parents})${this.filterText ? ` where ${this.filterText}` : ""}`;
  }
}

// Each factory names itself and the caller's line in its errors (it runs before any construct exists).
for (const factory of [
  "alerts",
  "recommendations",
  "findings",
  "secureScore",
  "secureScoreControls",
  "regulatoryCompliance",
  "attackPaths",
] as const) {
  const make = Export[factory] as (options?: object) => Export;
  (Export as unknown as { [name: string]: (options?: object) => Export })[factory] = (options?: object) =>
    atFactory(`Export.${factory}`, () => make(options));
}

function whereDimension(where: RuleSet[] | undefined, dataType: DataType): Dimension | undefined {
  if (where === undefined) return undefined;
  if (!Array.isArray(where) || where.length === 0) {
    throw new ExportConfigError(
      "DFE013",
      `${dataType.portalName}: \`where\` is an empty list, which would match nothing. Leave it out, or give at least one RuleSet.`,
    );
  }
  for (const set of where) {
    if (!(set instanceof RuleSet) || !BRANDS.value.has(set)) {
      throw new ExportConfigError(
        "DFE003",
        `${dataType.portalName}: \`where\` takes RuleSet objects (RuleSet.of(Rule.raw(…))), got ${describeValue(set)}.`,
      );
    }
    set.rules.forEach((r) => {
      assertPathApplies(r.propertyJPath, dataType);
      assertValueKnown(r, dataType);
    });
  }
  const text = where.map((s) => s.toString());
  return { field: "where", paths: [], alternatives: where.map((s) => [...s.rules]), text: `(${text.join(" OR ")})`, values: text };
}

/**
 * Refuses a raw rule on a JPath with a closed set of values (severity, state, risk level) that no value
 * passes, or whose `NotEquals` excludes none: the service would accept it and export nothing (or all).
 * The check pack finds the same in automations the library did not write (DFC012, DFC015).
 */
function assertValueKnown(rule: Rule, dataType: DataType): void {
  const known = knownValuesOf(rule.propertyJPath, dataType);
  if (!known) return;
  const plain = { propertyJPath: rule.propertyJPath, operator: rule.operator.value, expectedValue: rule.expectedValue };
  const none = rule.propertyType !== PropertyType.STRING || !known.some((k) => admits(plain, k));
  const all = rule.operator === Operator.NOT_EQUALS && known.every((k) => admits(plain, k));
  if (none || all) {
    const near = nearestValue(rule.expectedValue, known);
    throw new ExportConfigError(
      "DFE228",
      `${dataType.portalName}: the rule ${rule} ${all ? "excludes nothing" : "matches nothing"}: ${rule.propertyJPath} is text, one of ${known.join(", ")}.` +
        `${near ? ` Write "${near}".` : ""} Or use the typed filter.`,
    );
  }
}

function pickSeverities<T>(
  list: T[] | undefined,
  minimum: T | undefined,
  kind: { atLeast(m: T): T[]; readonly prototype: T; readonly name: string },
  what: string,
  scale?: readonly T[],
): T[] | undefined {
  if (list !== undefined && minimum !== undefined) {
    throw new ExportConfigError("DFE014", `${what} export: give the list of accepted severities or the minimum, not both.`);
  }
  if (minimum !== undefined && (!Object.prototype.isPrototypeOf.call(kind.prototype, minimum as object) || !BRANDS.value.has(minimum))) {
    throw new ExportConfigError(
      "DFE020",
      `${what} export: \`minimumSeverity\` must be one of the ${kind.name} constants, got ${describeValue(minimum)}.`,
    );
  }
  const picked = minimum === undefined ? list : kind.atLeast(minimum);
  if (scale === undefined || picked === undefined || !Array.isArray(picked)) return picked;
  // A data type whose records carry fewer severities than the class knows (findings: no Critical).
  const outside = picked.filter((s) => Object.prototype.isPrototypeOf.call(kind.prototype, s as object) && !scale.includes(s));
  const named = (values: readonly T[]) => values.map((s) => (s as { name?: string }).name).join(", ");
  if (minimum !== undefined && outside.length === picked.length) {
    throw new ExportConfigError(
      "DFE170",
      `${what} export: no ${what} has severity ${named(outside)} or higher: ${what}s carry ${named(scale)} (the sub-assessment REST model, ` +
        `API 2019-01-01-preview), so nothing would be exported. Use \`minimumSeverity: Severity.HIGH\`, or export recommendations of that severity.`,
    );
  }
  if (minimum !== undefined) return picked.filter((s) => !outside.includes(s));
  if (outside.length > 0) {
    throw new ExportConfigError(
      "DFE170",
      `${what} export: ${what}s have no ${named(outside)} severity: they carry ${named(scale)} (the sub-assessment REST model, API 2019-01-01-preview). ` +
        `Leave ${named(outside)} out of \`severities\`; Critical is a recommendation severity (Export.recommendations).`,
    );
  }
  return picked;
}

function texts(values: string[] | undefined, field: string): string[] | undefined {
  // A list known only at apply cannot become one rule set per value.
  if (values !== undefined && (!Array.isArray(values) || values.some((v) => typeof v === "string" && v.startsWith("#{TfToken[")))) {
    throw new ExportConfigError("DFE022", `\`${field}\` takes a list of texts, got ${describeValue(values)}.`);
  }
  values?.forEach((v) => {
    if (typeof v !== "string" || v.trim() === "") {
      throw new ExportConfigError("DFE022", `\`${field}\` takes non-empty texts, got ${describeValue(v)}.`);
    }
    checkSafeText(field, v);
  });
  return values;
}

function assertOptions(options: object, dataType: DataType, filters: string[]): void {
  if (options === null || typeof options !== "object") {
    throw new ExportConfigError("DFE009", `${dataType.portalName}: the options must be an object, got ${describeValue(options)}.`);
  }
  const allowed = [...TIMING, ...filters];
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k) && (options as Record<string, unknown>)[k] !== undefined);
  if (unknown.length > 0) {
    throw new ExportConfigError(
      "DFE009",
      `${dataType.portalName} cannot be filtered by ${unknown.map((k) => `\`${k}\``).join(", ")}. Filters of this data type: ${allowed.map((k) => `\`${k}\``).join(", ")}.`,
    );
  }
}
