import fc from "fast-check";
import { AlertSeverity, AssessmentState, DefenderPlan, Export, Recommendation, Severity } from "../../lib";

const RECOMMENDATIONS = [
  Recommendation.MACHINES_VULNERABILITIES,
  Recommendation.SQL_DATABASES_VULNERABILITIES,
  Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES,
  Recommendation.SYSTEM_UPDATES,
];
const PLANS = [DefenderPlan.SERVERS, DefenderPlan.STORAGE, DefenderPlan.DATABASES];
const subset = <T>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });
const timing = fc.constantFrom({ streaming: true, snapshot: false }, { streaming: false, snapshot: true }, { streaming: true, snapshot: true });

const alerts = fc.record({ severities: subset(AlertSeverity.ALL), plans: subset(PLANS) }).map((o) => Export.alerts(o));
const recommendations = fc
  .tuple(fc.record({ recommendations: subset(RECOMMENDATIONS), severities: subset(Severity.ALL), states: subset(AssessmentState.ALL) }), timing)
  .map(([o, t]) => Export.recommendations({ ...o, ...t }));
const findings = fc
  .tuple(fc.record({ recommendations: subset(RECOMMENDATIONS), severities: subset(Severity.FINDING_SCALE) }), timing)
  .map(([o, t]) => Export.findings({ ...o, ...t }));
const selection = fc.array(fc.oneof(alerts, recommendations, findings, fc.constant(Export.secureScore())), { minLength: 1, maxLength: 5 });

describe("random selections", () => {
  test("never produce two Equals rules on one path in one rule set", () => {
    fc.assert(
      fc.property(selection, (exports) => {
        for (const source of Export.sourcesOf(exports)) {
          for (const set of source.ruleSets) {
            const equalsPaths = set.rules.filter((r) => r.operator.value === "Equals").map((r) => r.propertyJPath.toLowerCase());
            expect(new Set(equalsPaths).size).toBe(equalsPaths.length);
          }
        }
      }),
    );
  });

  test("always carry the parents of their findings, streaming and snapshot alike", () => {
    fc.assert(
      fc.property(selection, (exports) => {
        const sources = new Map(Export.sourcesOf(exports).map((s) => [s.eventSource, s.ruleSets.map(String)]));
        for (const e of exports.filter((x) => x.parentRecommendations)) {
          for (const findingSource of e.eventSources) {
            const parent = sources.get(findingSource === "SubAssessments" ? "Assessments" : "AssessmentsSnapshot");
            expect(parent).toBeDefined();
            if (parent!.length === 0) continue; // every recommendation is exported
            expect(e.parentRecommendations!.length).toBeGreaterThan(0);
            for (const r of e.parentRecommendations!) {
              expect(parent).toContain(`name Contains "${r.assessmentKey}" (String)`);
            }
          }
        }
      }),
    );
  });

  test("write one rule set per combination of accepted values", () => {
    fc.assert(
      fc.property(fc.record({ severities: subset(AlertSeverity.ALL), plans: subset(PLANS) }), (o) => {
        const expected = (o.severities?.length ?? 1) * (o.plans?.length ?? 1);
        const e = Export.alerts(o);
        expect(e.ruleSets.length).toBe(o.severities || o.plans ? expected : 0);
      }),
    );
  });

  test("give the same sources whatever the order of the exports", () => {
    fc.assert(
      fc.property(selection, (exports) => {
        const text = (list: Export[]) => Export.sourcesOf(list).map((s) => `${s.eventSource}:${s.ruleSets.map(String).sort().join("|")}`);
        expect(text([...exports].reverse())).toEqual(text(exports));
      }),
    );
  });
});
