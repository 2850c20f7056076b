export { ExportErrors } from "./export-errors";
export { Operator, PropertyType, Rule, RuleSet } from "./rule";
export { AlertSeverity, AttackPathRiskLevel, Severity } from "./severity";
export { DataType } from "./data-type";
export { AssessmentState, ComplianceStandard, DefenderPlan, Recommendation, SecureScoreControl } from "./catalogue";
export * from "./export";
export { AutomationSource } from "./sources";
