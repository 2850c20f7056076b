import { AlertSeverity, Export, Recommendation, Rule, RuleSet, Severity } from "../../lib";
import { errorOf } from "../helpers";

const compact = (exports: Export[]) =>
  Export.sourcesOf(exports).map((s) => ({
    source: s.eventSource,
    sets: s.ruleSets.map((set) => set.rules.map((r) => `${r.propertyJPath} ${r.operator.value} ${r.expectedValue}`)),
  }));

describe("Export.sourcesOf", () => {
  test("findings bring their parent recommendations, filtered to the same recommendations", () => {
    expect(compact([Export.findings({ recommendations: [Recommendation.MACHINES_VULNERABILITIES], severities: [Severity.HIGH] })])).toEqual([
      { source: "Assessments", sets: [["name Contains 1195afff-c881-495e-9bc5-1486211ae03f"]] },
      {
        source: "SubAssessments",
        sets: [["id Contains /assessments/1195afff-c881-495e-9bc5-1486211ae03f/", "properties.status.severity Equals High"]],
      },
    ]);
  });

  test("snapshot findings bring snapshot parents; unfiltered findings bring every recommendation", () => {
    expect(compact([Export.findings({ streaming: false, snapshot: true })])).toEqual([
      { source: "AssessmentsSnapshot", sets: [] },
      { source: "SubAssessmentsSnapshot", sets: [] },
    ]);
  });

  test("a recommendation export and the parents merge: their rule sets are ORed", () => {
    const result = compact([
      Export.recommendations({ severities: [Severity.HIGH] }),
      Export.findings({ recommendations: [Recommendation.SYSTEM_UPDATES] }),
    ]);
    expect(result[0]).toEqual({
      source: "Assessments",
      sets: [["name Contains 4ab6e3c5-74dd-8b35-9ab9-f61b30875b27"], ["properties.metadata.severity Equals High"]],
    });
  });

  test("an unfiltered export of a source wins over filtered ones of the same source", () => {
    expect(compact([Export.alerts({ severities: [AlertSeverity.HIGH] }), Export.alerts()])).toEqual([{ source: "Alerts", sets: [] }]);
    expect(compact([Export.alerts(), Export.alerts({ severities: [AlertSeverity.HIGH] })])).toEqual([{ source: "Alerts", sets: [] }]);
  });

  test("merged rule sets come in a fixed order whatever the order of the exports", () => {
    const a = Export.alerts({ severities: [AlertSeverity.HIGH] });
    const b = Export.alerts({ severities: [AlertSeverity.LOW] });
    expect(compact([a, b])).toEqual(compact([b, a]));
  });

  test("duplicate rule sets are written once", () => {
    const high = () => Export.alerts({ severities: [AlertSeverity.HIGH] });
    expect(compact([high(), high()])).toEqual([{ source: "Alerts", sets: [["Severity Equals high"]] }]);
  });

  test("sources come in a fixed order whatever the order of the exports", () => {
    const a = compact([Export.secureScore(), Export.alerts(), Export.recommendations({ snapshot: true })]).map((s) => s.source);
    const b = compact([Export.recommendations({ snapshot: true }), Export.secureScore(), Export.alerts()]).map((s) => s.source);
    expect(a).toEqual(["Alerts", "Assessments", "AssessmentsSnapshot", "SecureScores"]);
    expect(b).toEqual(a);
  });

  test("an empty selection and non-Export values are refused", () => {
    expect(errorOf(() => Export.sourcesOf([]))).toMatch(/DFE010.*nothing would be exported/);
    expect(errorOf(() => Export.sourcesOf([{ dataType: "alerts" } as unknown as Export]))).toMatch(/DFE009.*Export objects/);
  });

  test("raw rule sets are ORed alternatives ANDed with the typed filters", () => {
    const e = Export.alerts({
      severities: [AlertSeverity.HIGH],
      where: [RuleSet.of(Rule.contains("AlertDisplayName", "SQL")), RuleSet.of(Rule.contains("AlertDisplayName", "Storage"))],
    });
    expect(compact([e])[0].sets).toEqual([
      ["Severity Equals high", "AlertDisplayName Contains SQL"],
      ["Severity Equals high", "AlertDisplayName Contains Storage"],
    ]);
  });
});
