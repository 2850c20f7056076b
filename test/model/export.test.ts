import {
  AlertSeverity,
  AssessmentState,
  AttackPathRiskLevel,
  ComplianceStandard,
  DataType,
  DefenderPlan,
  Export,
  Recommendation,
  Rule,
  RuleSet,
  SecureScoreControl,
  Severity,
} from "../../lib";
import { errorOf } from "../helpers";

const sets = (e: Export) => e.ruleSets.map((s) => s.rules.map((r) => `${r.propertyJPath} ${r.operator.value} ${r.expectedValue}`));

describe("Export.alerts", () => {
  test("several severities become one rule set each (ORed), on the alert path `Severity`, lowest first whatever the order given", () => {
    const expected = [["Severity Equals medium"], ["Severity Equals high"]];
    expect(sets(Export.alerts({ severities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM] }))).toEqual(expected);
    expect(sets(Export.alerts({ severities: [AlertSeverity.MEDIUM, AlertSeverity.HIGH] }))).toEqual(expected);
  });

  test("minimumSeverity includes every higher severity; Informational is a severity like the others", () => {
    expect(sets(Export.alerts({ minimumSeverity: AlertSeverity.LOW }))).toEqual([
      ["Severity Equals low"],
      ["Severity Equals medium"],
      ["Severity Equals high"],
    ]);
    expect(sets(Export.alerts({ severities: [AlertSeverity.INFORMATIONAL] }))).toEqual([["Severity Equals informational"]]);
  });

  test("filters on different fields are ANDed: the cross product of their values", () => {
    const e = Export.alerts({ severities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM], plans: [DefenderPlan.SERVERS, DefenderPlan.STORAGE] });
    expect(sets(e)).toEqual([
      ["Severity Equals medium", "ProductComponentName Equals Storage"],
      ["Severity Equals medium", "ProductComponentName Equals VirtualMachines"],
      ["Severity Equals high", "ProductComponentName Equals Storage"],
      ["Severity Equals high", "ProductComponentName Equals VirtualMachines"],
    ]);
    expect(e.describe()).toBe("Security alerts (streaming) where severity is Medium or High and Defender plan is Storage or VirtualMachines");
  });

  test("alert type and display name filters", () => {
    expect(sets(Export.alerts({ alertTypes: ["VM_SuspiciousCommandLine"], displayNameContains: ["SQL"] }))).toEqual([
      ["AlertType Equals VM_SuspiciousCommandLine", "AlertDisplayName Contains SQL"],
    ]);
  });

  test("no filter exports every alert (no rule sets), streaming only", () => {
    const e = Export.alerts();
    expect(e.ruleSets).toEqual([]);
    expect(e.eventSources).toEqual(["Alerts"]);
  });

  test("alerts have no snapshot", () => {
    expect(errorOf(() => Export.alerts({ snapshot: true }))).toMatch(/DFE012.*no weekly snapshot/);
  });

  test("the recommendation severity path in a raw rule on alerts is refused, naming the right path", () => {
    const message = errorOf(() => Export.alerts({ where: [RuleSet.of(Rule.equalTo("properties.metadata.severity", "High"))] }));
    expect(message).toMatch(/DFE008/);
    expect(message).toMatch(/alerts use `Severity`/);
  });

  test("a raw rule that contradicts a typed filter is refused", () => {
    expect(errorOf(() => Export.alerts({ severities: [AlertSeverity.HIGH], where: [RuleSet.of(Rule.equalTo("Severity", "low"))] }))).toMatch(
      /DFE006/,
    );
  });

  test("severities and minimumSeverity together are refused", () => {
    expect(errorOf(() => Export.alerts({ severities: [AlertSeverity.HIGH], minimumSeverity: AlertSeverity.LOW }))).toMatch(/DFE014/);
  });

  test("values outside the enums are refused", () => {
    expect(errorOf(() => Export.alerts({ severities: ["High" as unknown as AlertSeverity] }))).toMatch(/DFE020.*AlertSeverity/);
    expect(errorOf(() => Export.alerts({ minimumSeverity: Severity.HIGH as unknown as AlertSeverity }))).toMatch(/DFE020/);
    expect(errorOf(() => AlertSeverity.of("critical"))).toMatch(/DFE020.*Informational, Low, Medium, High/);
    expect(AlertSeverity.of("INFORMATIONAL")).toBe(AlertSeverity.INFORMATIONAL);
  });
});

describe("Export.recommendations", () => {
  test("recommendation × severity × state, as Microsoft's policy writes recommendation filters", () => {
    const e = Export.recommendations({
      recommendations: [Recommendation.SYSTEM_UPDATES],
      severities: [Severity.HIGH],
      states: [AssessmentState.UNHEALTHY, AssessmentState.HEALTHY],
    });
    expect(sets(e)).toEqual([
      ["name Contains 4ab6e3c5-74dd-8b35-9ab9-f61b30875b27", "properties.metadata.severity Equals High", "properties.status.code Equals Healthy"],
      ["name Contains 4ab6e3c5-74dd-8b35-9ab9-f61b30875b27", "properties.metadata.severity Equals High", "properties.status.code Equals Unhealthy"],
    ]);
  });

  test("streaming and snapshot sources", () => {
    expect(Export.recommendations({ snapshot: true }).eventSources).toEqual(["Assessments", "AssessmentsSnapshot"]);
    expect(Export.recommendations({ streaming: false, snapshot: true }).eventSources).toEqual(["AssessmentsSnapshot"]);
    expect(errorOf(() => Export.recommendations({ streaming: false }))).toMatch(/DFE011/);
  });

  test("Informational is not a recommendation severity", () => {
    expect(errorOf(() => Severity.of("Informational"))).toMatch(/DFE020/);
  });

  test("a recommendation needs an assessment key", () => {
    expect(errorOf(() => Recommendation.of("SQL vulnerabilities"))).toMatch(/DFE021.*GUID/);
    expect(Recommendation.of("F97AA83C-9B63-4F9A-99F6-B22C4398F936").assessmentKey).toBe("F97AA83C-9B63-4F9A-99F6-B22C4398F936");
  });

  test("the alert severity path in a raw rule on recommendations is refused", () => {
    expect(errorOf(() => Export.recommendations({ where: [RuleSet.of(Rule.equalTo("Severity", "high"))] }))).toMatch(/DFE008.*alert severity path/);
  });
});

describe("Export.findings", () => {
  test("filters findings by parent (id contains the assessment path) and by finding severity", () => {
    const e = Export.findings({ recommendations: [Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES], minimumSeverity: Severity.MEDIUM });
    expect(sets(e)).toEqual([
      ["id Contains /assessments/f97aa83c-9b63-4f9a-99f6-b22c4398f936/", "properties.status.severity Equals Medium"],
      ["id Contains /assessments/f97aa83c-9b63-4f9a-99f6-b22c4398f936/", "properties.status.severity Equals High"],
    ]);
    expect(e.parentRecommendations).toEqual([Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES]);
  });

  test("findings without a recommendation filter have every recommendation as parent", () => {
    expect(Export.findings().parentRecommendations).toEqual([]);
    expect(Export.alerts().parentRecommendations).toBeUndefined();
  });

  test("the recommendation severity path on findings is refused", () => {
    expect(errorOf(() => Export.findings({ where: [RuleSet.of(Rule.equalTo("properties.metadata.severity", "High"))] }))).toMatch(
      /DFE008.*findings `properties.status.severity`/,
    );
  });
});

describe("other data types", () => {
  test("secure score controls by name, compliance standards by id", () => {
    expect(sets(Export.secureScoreControls({ controls: [SecureScoreControl.of("ctrl-1")] }))).toEqual([["name Equals ctrl-1"]]);
    expect(sets(Export.regulatoryCompliance({ standards: [ComplianceStandard.AZURE_CIS_1_1_0] }))).toEqual([["id Contains Azure-CIS-1.1.0"]]);
  });

  test("attack paths have both sources and need the 2023-12 API", () => {
    const e = Export.attackPaths({ snapshot: true });
    expect(e.eventSources).toEqual(["AttackPaths", "AttackPathsSnapshot"]);
    expect(e.dataType.needsApi2023).toBe(true);
  });

  test("every data type has a streaming source; all but alerts have a snapshot", () => {
    expect(DataType.ALL.map((t) => t.eventSources.length)).toEqual([1, 2, 2, 2, 2, 2, 2]);
  });

  test("everything() covers every data type the 2019 API knows, with snapshots where they exist", () => {
    const sources = Export.everything().flatMap((e) => e.eventSources);
    expect(sources).toEqual(DataType.ALL.filter((t) => !t.needsApi2023).flatMap((t) => t.eventSources));
  });

  test("a filter of another data type is refused, naming the allowed ones", () => {
    const message = errorOf(() => Export.secureScore({ severities: [Severity.HIGH] } as object));
    expect(message).toMatch(/DFE009.*Overall secure score cannot be filtered by `severities`/);
    expect(message).toMatch(/`streaming`, `snapshot`, `where`/);
  });

  test("an empty filter list is refused (it would match nothing)", () => {
    expect(errorOf(() => Export.alerts({ severities: [] }))).toMatch(/DFE013.*empty list/);
    expect(errorOf(() => Export.alerts({ where: [] }))).toMatch(/DFE013/);
  });

  test("names in the catalogue are checked", () => {
    expect(errorOf(() => ComplianceStandard.of("CIS 1.1"))).toMatch(/DFE022/);
    expect(errorOf(() => DefenderPlan.custom(""))).toMatch(/DFE022/);
    expect(errorOf(() => Export.alerts({ alertTypes: [""] }))).toMatch(/DFE022/);
  });
});

describe("Export.attackPaths", () => {
  test("risk levels on attackPath.riskLevel; minimumRiskLevel includes every higher level", () => {
    expect(sets(Export.attackPaths({ minimumRiskLevel: AttackPathRiskLevel.HIGH }))).toEqual([
      ["attackPath.riskLevel Equals High"],
      ["attackPath.riskLevel Equals Critical"],
    ]);
  });

  test("the undocumented JPath can be overridden", () => {
    expect(sets(Export.attackPaths({ riskLevels: [AttackPathRiskLevel.CRITICAL], riskLevelPath: "properties.riskLevel" }))).toEqual([
      ["properties.riskLevel Equals Critical"],
    ]);
  });

  test("the attack path path on alerts, and unknown risk levels, are refused", () => {
    expect(errorOf(() => Export.alerts({ where: [RuleSet.of(Rule.equalTo("attackPath.riskLevel", "High"))] }))).toMatch(
      /DFE008.*risk level of an attack path/,
    );
    expect(errorOf(() => AttackPathRiskLevel.of("Severe"))).toMatch(/DFE020.*Low, Medium, High, Critical/);
    expect(errorOf(() => Export.attackPaths({ riskLevels: [AttackPathRiskLevel.LOW], minimumRiskLevel: AttackPathRiskLevel.LOW }))).toMatch(/DFE014/);
  });
});

describe("findings without their parents (withParents: false)", () => {
  test("adds no parent source, says so, and takes only true or false (DFE160)", () => {
    const key = Recommendation.MACHINES_VULNERABILITIES;
    const sources = Export.sourcesOf([Export.findings({ recommendations: [key], withParents: false })]);
    expect(sources.map((s) => s.eventSource)).toEqual(["SubAssessments"]);
    expect(Export.sourcesOf([Export.findings({ recommendations: [key] })]).map((s) => s.eventSource)).toEqual(["Assessments", "SubAssessments"]);
    expect(Export.findings({ withParents: false }).describe()).toBe("Security findings (streaming, parents not added)");
    expect(() => Export.findings({ withParents: "no" as unknown as boolean })).toThrow(/DFE160.*`withParents` is true/);
  });
});
