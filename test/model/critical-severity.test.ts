import { AlertSeverity, Export, Severity } from "../../lib";
import { JPATHS, matchesEveryRecord } from "../../lib/model/paths";
import { errorOf } from "../helpers";

/** The rule sets of an export as `path op value` lines, one string per rule set. */
const sets = (e: Export) => e.ruleSets.map((set) => set.rules.map((r) => `${r.propertyJPath} ${r.operator.value} ${r.expectedValue}`).join(" AND "));
const equals = (path: string, value: string) => ({ propertyJPath: path, operator: "Equals", expectedValue: value, propertyType: "String" });

describe("recommendations have four severities (Assessments API 2025-05-04): Low, Medium, High, Critical", () => {
  test("Severity knows Critical, above High, and parses it in any case", () => {
    expect(Severity.ALL.map((s) => s.name)).toEqual(["Low", "Medium", "High", "Critical"]);
    expect(Severity.of("critical")).toBe(Severity.CRITICAL);
    expect(Severity.CRITICAL.rank).toBeGreaterThan(Severity.HIGH.rank);
    expect(Severity.atLeast(Severity.HIGH)).toEqual([Severity.HIGH, Severity.CRITICAL]);
  });

  test("minimumSeverity High exports High and Critical recommendations, one rule set each", () => {
    expect(sets(Export.recommendations({ minimumSeverity: Severity.HIGH }))).toEqual([
      "properties.metadata.severity Equals High",
      "properties.metadata.severity Equals Critical",
    ]);
    expect(sets(Export.recommendations({ minimumSeverity: Severity.LOW }))).toHaveLength(4);
    expect(sets(Export.recommendations({ severities: [Severity.CRITICAL] }))).toEqual(["properties.metadata.severity Equals Critical"]);
  });

  test("every severity means High, Medium and Low are not every recommendation; the four are", () => {
    const three = ["High", "Medium", "Low"].map((v) => [equals(JPATHS.recommendationSeverity, v)]);
    expect(matchesEveryRecord("Assessments", three)).toBe(false);
    expect(matchesEveryRecord("Assessments", [...three, [equals(JPATHS.recommendationSeverity, "critical")]])).toBe(true);
  });
});

describe("findings carry Low, Medium and High only (the sub-assessment REST model, 2019-01-01-preview)", () => {
  test("minimumSeverity High is High alone; Low is the three", () => {
    expect(sets(Export.findings({ minimumSeverity: Severity.HIGH }))).toEqual(["properties.status.severity Equals High"]);
    expect(sets(Export.findings({ minimumSeverity: Severity.LOW }))).toHaveLength(3);
  });

  test("Critical on findings is refused with a coded error that names the fix", () => {
    expect(errorOf(() => Export.findings({ severities: [Severity.HIGH, Severity.CRITICAL] }))).toMatch(
      /^\[DFE170\] (Export\.findings\(…\) called at [^:]+:\d+: )?finding export: findings have no Critical severity.*Leave Critical out/,
    );
    expect(errorOf(() => Export.findings({ minimumSeverity: Severity.CRITICAL }))).toMatch(/^\[DFE170\].*nothing would be exported/);
  });

  test("their parents come along unfiltered, so Critical recommendations are among the parents", () => {
    const [parents] = Export.sourcesOf([Export.findings({ minimumSeverity: Severity.HIGH })]).filter((s) => s.eventSource === "Assessments");
    expect(parents.ruleSets).toEqual([]);
  });
});

describe("alerts keep their own scale (Informational to High; the alerts API has no Critical)", () => {
  test("AlertSeverity has no Critical, and minimumSeverity High is High alone", () => {
    expect(AlertSeverity.ALL.map((s) => s.name)).toEqual(["Informational", "Low", "Medium", "High"]);
    expect(errorOf(() => AlertSeverity.of("Critical"))).toMatch(/^\[DFE020\]/);
    expect(sets(Export.alerts({ minimumSeverity: AlertSeverity.HIGH }))).toEqual(["Severity Equals high"]);
  });
});
