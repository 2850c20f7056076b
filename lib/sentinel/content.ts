/** A table a piece of Sentinel content reads, and the rows it keeps. */
export interface ContentTableRead {
  /** The Log Analytics table, e.g. `SecurityRegulatoryCompliance`. */
  readonly table: string;
  /** For `SecurityRegulatoryCompliance`: the `ComplianceStandard` it keeps. @default every row */
  readonly complianceStandard?: string;
}

/** A Microsoft Sentinel analytic rule (or workbook) that reads the tables continuous export fills. */
export interface SentinelContent {
  /** The Content hub solution it ships in. */
  readonly solution: string;
  /** Its name as the solution shows it. */
  readonly name: string;
  /** Its template id. */
  readonly id: string;
  /** What it reads. */
  readonly reads: ContentTableRead[];
  /** The data connectors it declares (`requiredDataConnectors`); none for most: nothing warns that no data comes. */
  readonly declaredConnectors: string[];
  /** Where its definition is, in Azure/Azure-Sentinel. */
  readonly source: string;
}

const RECOMMENDATIONS: ContentTableRead = { table: "SecurityRecommendation" };
const compliance = (complianceStandard: string): ContentTableRead => ({ table: "SecurityRegulatoryCompliance", complianceStandard });

/**
 * Microsoft Sentinel content that reads continuous export's tables, from the rule definitions in
 * Azure/Azure-Sentinel (`Solutions/<solution>/Analytic Rules/*.yaml`, read 2026-12-06): each rule's `query`
 * gives the tables and the `ComplianceStandard` it keeps, its `requiredDataConnectors` what it declares.
 * All run weekly over 7 days (`queryFrequency: 7d`, `queryPeriod: 7d`), so a weekly snapshot is enough
 * for them to see every resource. Zero Trust (TIC 3.0) has ten more family rules like its DNS rule (not
 * listed: read one, they read the same table).
 */
export const SENTINEL_CONTENT: readonly SentinelContent[] = [
  {
    solution: "NIST SP 800-53",
    name: "NIST SP 800-53 Posture Changed",
    id: "dd834c97-4638-4bb3-a4e3-807e8b0580dc",
    reads: [RECOMMENDATIONS, compliance("NIST-SP-800-53-R4")],
    declaredConnectors: [],
    source: "Solutions/NISTSP80053/Analytic Rules/NISTSP80053PostureChanged.yaml",
  },
  {
    solution: "Azure Security Benchmark",
    name: "Azure Security Benchmark Posture Changed",
    id: "0610e72f-ceaf-42d1-879e-952a1bd8d07a",
    reads: [RECOMMENDATIONS, compliance("Azure-Security-Benchmark")],
    declaredConnectors: ["MicrosoftDefenderForCloudTenantBased"],
    source: "Solutions/AzureSecurityBenchmark/Analytic Rules/AzureSecurityBenchmarkPostureChanged.yaml",
  },
  {
    solution: "Zero Trust (TIC 3.0)",
    name: "ZeroTrust(TIC3.0) Control Assessment Posture Change",
    id: "4942992d-a4d3-44b0-9cf4-b5a23811d82d",
    reads: [RECOMMENDATIONS],
    declaredConnectors: [],
    source: "Solutions/ZeroTrust(TIC3.0)/Analytic Rules/Zero_Trust_TIC3.0_ControlAssessmentPostureChange.yaml",
  },
  {
    solution: "Zero Trust (TIC 3.0)",
    name: "(Preview) ZeroTrust(TIC3.0) DNS Control Family Monitoring",
    id: "6d737820-2ae6-4328-b62b-9a43e8f6692e",
    reads: [RECOMMENDATIONS],
    declaredConnectors: ["AzureSecurityCenter"],
    source: "Solutions/ZeroTrust(TIC3.0)/Analytic Rules/ZeroTrustDNSFamilyControlsMonitoring.yaml",
  },
  {
    solution: "CMMC 2.0",
    name: "CMMC 2.0 Level 1 (Foundational) Readiness Posture",
    id: "fb127436-e5c4-4e31-85a8-d3507128dd09",
    reads: [compliance("NIST-SP-800-171-R2")],
    declaredConnectors: [],
    source: "Solutions/CybersecurityMaturityModelCertification(CMMC)2.0/Analytic Rules/CMMC2.0Level1FoundationalPosture.yaml",
  },
  {
    solution: "CMMC 2.0",
    name: "CMMC 2.0 Level 2 (Advanced) Readiness Posture",
    id: "7bfe573b-3069-4e81-98fe-9a4cffbcbc24",
    reads: [compliance("NIST-SP-800-171-R2")],
    declaredConnectors: [],
    source: "Solutions/CybersecurityMaturityModelCertification(CMMC)2.0/Analytic Rules/CMMC2.0Level2AdvancedPosture.yaml",
  },
  {
    solution: "Maturity Model for Event Log Management (M-21-31)",
    name: "(Preview)M2131_EventLogManagementPostureChanged_EL0",
    id: "1f8fcca5-47ed-409d-a8fa-d49ef821feaf",
    reads: [RECOMMENDATIONS],
    declaredConnectors: [],
    source: "Solutions/MaturityModelForEventLogManagementM2131/Analytic Rules/M2131EventLogManagementPostureChangedEL0.yaml",
  },
  {
    solution: "Continuous Diagnostics & Mitigation (CDM)",
    name: "CDM_ContinuousDiagnostics&Mitigation_PostureChanged",
    id: "fd950af9-d9db-4879-a60a-7267cc041beb",
    reads: [RECOMMENDATIONS],
    declaredConnectors: [],
    source: "Solutions/ContinuousDiagnostics&Mitigation/Analytic Rules/ContinuousDiagnostics&MitigationPostureChanged.yaml",
  },
];
