import { BRANDS } from "./brand";
/**
 * One of the seven kinds of data continuous export sends, with its event sources.
 *
 * Each data type has a streaming source (sent on change) and, except alerts, a weekly snapshot
 * source (the full current state, once a week per subscription).
 */
export class DataType {
  /** Security alerts. No snapshot exists. */
  public static readonly ALERTS = new DataType("Security alerts", "Alerts", undefined, "SecurityAlert");
  /** Security recommendations (assessments). */
  public static readonly RECOMMENDATIONS = new DataType("Security recommendations", "Assessments", "AssessmentsSnapshot", "SecurityRecommendation");
  /** Security findings (sub-assessments): always exported with their parent recommendations. */
  public static readonly FINDINGS = new DataType("Security findings", "SubAssessments", "SubAssessmentsSnapshot", "SecurityNestedRecommendation");
  /** The overall secure score (streaming sends when a control's score changes by 0.01 or more). */
  public static readonly SECURE_SCORE = new DataType("Overall secure score", "SecureScores", "SecureScoresSnapshot", "SecureScores");
  /** The secure score per control. */
  public static readonly SECURE_SCORE_CONTROLS = new DataType(
    "Secure score controls",
    "SecureScoreControls",
    "SecureScoreControlsSnapshot",
    "SecureScoreControls",
  );
  /** Regulatory compliance assessments. */
  public static readonly REGULATORY_COMPLIANCE = new DataType(
    "Regulatory compliance",
    "RegulatoryComplianceAssessment",
    "RegulatoryComplianceAssessmentSnapshot",
    "SecurityRegulatoryCompliance",
  );
  /** Attack paths (preview, needs Defender CSPM); only the 2023-12-01-preview API knows these sources. */
  public static readonly ATTACK_PATHS = new DataType("Attack paths", "AttackPaths", "AttackPathsSnapshot", "SecurityAttackPathData", true);

  /** All data types, in the order the library writes their sources. */
  public static readonly ALL: DataType[] = [
    DataType.ALERTS,
    DataType.RECOMMENDATIONS,
    DataType.FINDINGS,
    DataType.SECURE_SCORE,
    DataType.SECURE_SCORE_CONTROLS,
    DataType.REGULATORY_COMPLIANCE,
    DataType.ATTACK_PATHS,
  ];

  private constructor(
    /** The name the portal and Microsoft's export policy use, e.g. `Security alerts`. */
    public readonly portalName: string,
    /** The streaming event source, e.g. `Alerts`. */
    public readonly streamingSource: string,
    /** The weekly snapshot event source, or undefined where none exists (alerts). */
    public readonly snapshotSource: string | undefined,
    /** The Log Analytics table the data lands in. */
    public readonly workspaceTable: string,
    /** Whether only the 2023-12-01-preview automations API can express this data type. */
    public readonly needsApi2023 = false,
  ) {
    BRANDS.value.mark(this);
  }

  /** Every event source of this data type, streaming first. */
  public get eventSources(): string[] {
    return this.snapshotSource ? [this.streamingSource, this.snapshotSource] : [this.streamingSource];
  }

  /** The position of an event source in the library's output order (unknown sources last). */
  public static orderOf(eventSource: string): number {
    const all = DataType.ALL.flatMap((t) => t.eventSources);
    const i = all.indexOf(eventSource);
    return i < 0 ? all.length : i;
  }
}
