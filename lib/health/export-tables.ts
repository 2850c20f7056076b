/**
 * The Log Analytics tables the health alerts read, as Microsoft's Azure Monitor Logs table reference
 * documents them: their columns and types, and which columns name the subscription a row came from.
 * The health queries derive each row's subscription from these columns only, and the tests parse every
 * query the library writes against exactly these schemas with Microsoft's Kusto language service.
 *
 * Source (checked 2026-12): MicrosoftDocs/azure-reference-other, `azure-monitor-ref/tables/includes/<table>-include.md`
 * (learn.microsoft.com/azure/azure-monitor/reference/tables/<table>), at the commits named per table.
 */
export interface DocumentedTable {
  /** The table's name. */
  readonly name: string;
  /** Where its schema is documented, and at which commit of the reference it was read. */
  readonly source: string;
  /** Its columns and their Kusto types, as documented. */
  readonly columns: { readonly [column: string]: "string" | "datetime" | "bool" | "int" | "long" | "real" | "dynamic" };
  /**
   * The columns that hold the row's subscription, best first: a subscription GUID column, or a resource
   * id column (`/subscriptions/<id>/…`) the GUID is read from.
   */
  readonly subscriptionFrom: readonly { readonly column: string; readonly holds: "subscription id" | "resource id" }[];
}

const REF = "MicrosoftDocs/azure-reference-other azure-monitor-ref/tables/includes";

/** Microsoft's documented schema of each table continuous export fills, by table name. */
export const EXPORT_TABLES: { readonly [table: string]: DocumentedTable } = {
  SecurityAlert: {
    name: "SecurityAlert",
    source: `${REF}/securityalert-include.md @ 0f8cea78 (no _SubscriptionId column)`,
    columns: {
      AlertLink: "string", AlertName: "string", AlertSeverity: "string", AlertType: "string", _BilledSize: "real",
      CompromisedEntity: "string", ConfidenceLevel: "string", ConfidenceScore: "real", Description: "string",
      DisplayName: "string", EndTime: "datetime", Entities: "string", ExtendedLinks: "string", ExtendedProperties: "string",
      _IsBillable: "string", IsIncident: "bool", ProcessingEndTime: "datetime", ProductComponentName: "string",
      ProductName: "string", ProviderName: "string", RemediationSteps: "string", ResourceId: "string",
      SourceComputerId: "string", StartTime: "datetime", Status: "string", SubTechniques: "string", SystemAlertId: "string",
      Tactics: "string", Techniques: "string", TimeGenerated: "datetime", Type: "string", VendorName: "string",
      VendorOriginalId: "string", WorkspaceResourceGroup: "string", WorkspaceSubscriptionId: "string",
    },
    // WorkspaceSubscriptionId is the workspace's subscription, not the exporting one.
    subscriptionFrom: [{ column: "ResourceId", holds: "resource id" }],
  },
  SecurityRecommendation: {
    name: "SecurityRecommendation",
    source: `${REF}/securityrecommendation-include.md @ 31d27605 (no _SubscriptionId column)`,
    columns: {
      AssessedResourceId: "string", _BilledSize: "real", Description: "string", DeviceId: "string", DiscoveredTimeUTC: "datetime",
      Environment: "string", FirstEvaluationDate: "datetime", _IsBillable: "string", IsSnapshot: "bool", PolicyDefinitionId: "string",
      Properties: "dynamic", ProviderName: "string", RecommendationAdditionalData: "dynamic", RecommendationDisplayName: "string",
      RecommendationId: "string", RecommendationName: "string", RecommendationSeverity: "string", RecommendationState: "string",
      ResolvedTimeUTC: "datetime", ResourceRegion: "string", StatusChangeDate: "datetime", TimeGenerated: "datetime", Type: "string",
    },
    subscriptionFrom: [{ column: "AssessedResourceId", holds: "resource id" }],
  },
  SecurityNestedRecommendation: {
    name: "SecurityNestedRecommendation",
    source: `${REF}/securitynestedrecommendation-include.md @ 431071fd`,
    columns: {
      AdditionalData: "dynamic", AssessedResourceId: "string", _BilledSize: "real", Category: "string", Cause: "string",
      Description: "string", Id: "string", Impact: "string", _IsBillable: "string", IsSnapshot: "bool", NestedRecommendationId: "string",
      ParentRecommendationId: "string", RecommendationLink: "string", RecommendationName: "string", RecommendationSeverity: "string",
      RecommendationState: "string", RecommendationSubscriptionId: "string", RemediationDescription: "string",
      RemidiationDescription: "string", ResourceDetails: "dynamic", ResourceGroup: "string", _ResourceId: "string",
      ResourceProviderType: "string", SourceSystem: "string", SubAssessmentTimeGeneration: "datetime", _SubscriptionId: "string",
      TenantId: "string", TimeGenerated: "datetime", Type: "string", VulnerabilityId: "string",
    },
    subscriptionFrom: [
      { column: "RecommendationSubscriptionId", holds: "subscription id" },
      { column: "_SubscriptionId", holds: "subscription id" },
      { column: "AssessedResourceId", holds: "resource id" },
    ],
  },
  SecureScores: {
    name: "SecureScores",
    source: `${REF}/securescores-include.md @ 04e8b5c9`,
    columns: {
      AssessedResourceId: "string", _BilledSize: "real", CurrentScore: "real", DisplayName: "string", Environment: "string",
      _IsBillable: "string", IsSnapshot: "bool", MaxScore: "int", PercentageScore: "real", Properties: "dynamic", _ResourceId: "string",
      ResourceProviderType: "string", SecureScoresSubscriptionId: "string", SourceSystem: "string", _SubscriptionId: "string",
      TenantId: "string", TimeGenerated: "datetime", Type: "string", Weight: "long",
    },
    subscriptionFrom: [
      { column: "SecureScoresSubscriptionId", holds: "subscription id" },
      { column: "_SubscriptionId", holds: "subscription id" },
    ],
  },
  SecureScoreControls: {
    name: "SecureScoreControls",
    source: `${REF}/securescorecontrols-include.md @ 915c4fbf`,
    columns: {
      AssessedResourceId: "string", _BilledSize: "real", ControlId: "string", ControlName: "string", ControlType: "string",
      CurrentScore: "real", Description: "string", Environment: "string", HealthyResources: "int", _IsBillable: "string",
      IsSnapshot: "bool", MaxScore: "int", NotApplicableResources: "int", PercentageScore: "real", Properties: "dynamic",
      RecommendationResourceIds: "dynamic", _ResourceId: "string", ResourceProviderType: "string", SecureScoresSubscriptionId: "string",
      SourceSystem: "string", _SubscriptionId: "string", TenantId: "string", TimeGenerated: "datetime", Type: "string",
      UnhealthyResources: "int", Weight: "long",
    },
    subscriptionFrom: [
      { column: "SecureScoresSubscriptionId", holds: "subscription id" },
      { column: "_SubscriptionId", holds: "subscription id" },
    ],
  },
  SecurityRegulatoryCompliance: {
    name: "SecurityRegulatoryCompliance",
    source: `${REF}/securityregulatorycompliance-include.md @ 31d27605`,
    columns: {
      AssessedResourceId: "string", _BilledSize: "real", ComplianceControl: "string", ComplianceStandard: "string",
      FailedResources: "int", _IsBillable: "string", IsSnapshot: "bool", PassedResources: "int", Properties: "dynamic",
      RecommendationId: "string", RecommendationLink: "string", RecommendationName: "string",
      RegulatoryComplianceSubscriptionId: "string", _ResourceId: "string", ResourceProviderType: "string", SkippedResources: "int",
      SourceSystem: "string", State: "string", _SubscriptionId: "string", TenantId: "string", TimeGenerated: "datetime", Type: "string",
    },
    subscriptionFrom: [
      { column: "RegulatoryComplianceSubscriptionId", holds: "subscription id" },
      { column: "_SubscriptionId", holds: "subscription id" },
      { column: "AssessedResourceId", holds: "resource id" },
    ],
  },
  SecurityAttackPathData: {
    name: "SecurityAttackPathData",
    source: `${REF}/securityattackpathdata-include.md @ 915c4fbf`,
    columns: {
      AdditionalRemediationSteps: "string", Assessments: "dynamic", AttackPathId: "string", AttackStory: "string", _BilledSize: "real",
      Description: "string", DisplayName: "string", EntrypointId: "string", _IsBillable: "string", Mitre: "string", Path: "dynamic",
      PotentialImpact: "string", _ResourceId: "string", RiskFactors: "dynamic", RiskLevel: "string", SourceSystem: "string",
      _SubscriptionId: "string", TargetId: "string", TenantId: "string", TimeGenerated: "datetime", Type: "string",
    },
    subscriptionFrom: [
      { column: "_SubscriptionId", holds: "subscription id" },
      { column: "_ResourceId", holds: "resource id" },
    ],
  },
};

/**
 * `AzureMetrics`, where a diagnostic setting sends a resource's platform metrics. Microsoft: exported
 * metrics carry no dimensions (Event Hubs monitoring data reference, learn.microsoft.com/azure/event-hubs/monitor-event-hubs-reference).
 */
export const AZURE_METRICS: DocumentedTable = {
  name: "AzureMetrics",
  source: `${REF}/azuremetrics-include.md @ 0f8cea78`,
  columns: {
    Average: "real", _BilledSize: "real", Count: "real", _IsBillable: "string", Maximum: "real", MetricName: "string",
    Minimum: "real", Resource: "string", ResourceGroup: "string", ResourceId: "string", _ResourceId: "string",
    ResourceProvider: "string", SourceSystem: "string", SubscriptionId: "string", _SubscriptionId: "string",
    TimeGenerated: "datetime", TimeGrain: "string", Total: "real", Type: "string", UnitName: "string",
  },
  subscriptionFrom: [{ column: "SubscriptionId", holds: "subscription id" }],
};
