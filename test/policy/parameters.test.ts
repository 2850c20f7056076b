import {
  AlertSeverity,
  AssessmentState,
  BuiltInExportPolicy,
  ComplianceStandard,
  DefenderPlan,
  Export,
  Recommendation,
  Rule,
  RuleSet,
  SecureScoreControl,
  Severity,
} from "../../lib";

const params = (...exports: Export[]) => BuiltInExportPolicy.parametersFor(exports);

describe("BuiltInExportPolicy.parametersFor", () => {
  test("alerts Medium and up, recommendations and secure score", () => {
    const { parameters, unsupported } = params(
      Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }),
      Export.recommendations(),
      Export.secureScore(),
    );
    expect(unsupported).toEqual([]);
    expect(parameters).toEqual({
      exportedDataTypes: ["Security alerts", "Security recommendations", "Overall secure score"],
      recommendationNames: [],
      recommendationSeverities: ["High", "Medium", "Low"],
      isSecurityFindingsEnabled: false,
      secureScoreControlsNames: [],
      alertSeverities: ["High", "Medium"],
      regulatoryComplianceStandardsNames: [],
    });
  });

  test("specific recommendations of High severity, with snapshots", () => {
    const { parameters, unsupported } = params(
      Export.recommendations({ recommendations: [Recommendation.SYSTEM_UPDATES], severities: [Severity.HIGH], snapshot: true }),
    );
    expect(unsupported).toEqual([]);
    expect(parameters).toMatchObject({
      exportedDataTypes: ["Security recommendations", "Security recommendations - snapshot"],
      recommendationNames: ["4ab6e3c5-74dd-8b35-9ab9-f61b30875b27"],
      recommendationSeverities: ["High"],
    });
  });

  test("findings switch on isSecurityFindingsEnabled and bring their parents; snapshots bring both snapshots", () => {
    const { parameters, unsupported } = params(Export.findings({ recommendations: [Recommendation.MACHINES_VULNERABILITIES], snapshot: true }));
    expect(unsupported).toEqual([]);
    expect(parameters).toMatchObject({
      exportedDataTypes: ["Security recommendations", "Security findings - snapshot", "Security recommendations - snapshot"],
      recommendationNames: ["1195afff-c881-495e-9bc5-1486211ae03f"],
      recommendationSeverities: ["High", "Medium", "Low"],
      isSecurityFindingsEnabled: true,
    });
  });

  test("controls, standards and alert severities of several exports are united, as the exports are ORed", () => {
    const { parameters, unsupported } = params(
      Export.secureScoreControls({ controls: [SecureScoreControl.of("b"), SecureScoreControl.of("a")], snapshot: true }),
      Export.regulatoryCompliance({ standards: [ComplianceStandard.AZURE_CIS_1_1_0] }),
      Export.alerts({ severities: [AlertSeverity.HIGH] }),
      Export.alerts({ severities: [AlertSeverity.LOW] }),
    );
    expect(unsupported).toEqual([]);
    expect(parameters).toMatchObject({
      exportedDataTypes: ["Secure score controls", "Secure score controls - snapshot", "Regulatory compliance", "Security alerts"],
      secureScoreControlsNames: ["a", "b"],
      regulatoryComplianceStandardsNames: ["Azure-CIS-1.1.0"],
      alertSeverities: ["High", "Low"],
    });
  });

  test("lists every part the policy cannot express, never widening or narrowing silently", () => {
    const { unsupported } = params(
      Export.alerts(),
      Export.alerts({ severities: [AlertSeverity.HIGH], plans: [DefenderPlan.SERVERS] }),
      Export.recommendations({ states: [AssessmentState.UNHEALTHY], where: [RuleSet.of(Rule.contains("properties.displayName", "MFA"))] }),
      Export.findings({ recommendations: [Recommendation.SYSTEM_UPDATES], severities: [Severity.HIGH] }),
      Export.attackPaths(),
    );
    expect(unsupported).toEqual([
      expect.stringMatching(/^Informational alerts/),
      "Security alerts filtered by Defender plan (VirtualMachines)",
      "Security recommendations filtered by state (Unhealthy)",
      expect.stringMatching(/^Security recommendations filtered by raw rules \(`where`\)/),
      "Security findings filtered by severity (High)",
      "Attack paths (the built-in policies write API 2019-01-01-preview)",
      expect.stringMatching(/^recommendations \(or the parents of findings\) filtered by different recommendation lists/),
    ]);
  });

  test("Informational alerts, even when listed explicitly, are refused", () => {
    expect(params(Export.alerts({ severities: [AlertSeverity.INFORMATIONAL, AlertSeverity.HIGH] })).unsupported).toEqual([
      expect.stringMatching(/^Informational alerts/),
    ]);
  });

  test("recommendations filtered by severity together with findings are refused: the parents would be narrowed", () => {
    const { unsupported } = params(
      Export.recommendations({ recommendations: [Recommendation.SYSTEM_UPDATES], severities: [Severity.HIGH] }),
      Export.findings({ recommendations: [Recommendation.SYSTEM_UPDATES] }),
    );
    expect(unsupported).toEqual([expect.stringMatching(/filtered by severity together with findings/)]);
  });
});
