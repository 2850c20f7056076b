import { ContinuousExport, Export, LogAnalyticsDestination, SentinelSolution, Severity } from "../../lib";
import { DataType } from "../../lib/model/data-type";
import { plainSources } from "../../lib/live/meaning";
import { SENTINEL_CONTENT } from "../../lib/sentinel/content";
import { feedsOf, readinessOf } from "../../lib/sentinel/readiness";
import { ExportReport } from "../../lib/report/report";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

const readiness = (exports: Export[]) => readinessOf(feedsOf(plainSources(Export.sourcesOf(exports))));
const statusOf = (exports: Export[], solution: SentinelSolution) =>
  readiness(exports)
    .filter((r) => r.content.solution === solution.solutionName)
    .map((r) => r.status);

describe("the Sentinel catalogue", () => {
  test("every entry names its solution, a template id, its source in Azure/Azure-Sentinel and only tables export fills", () => {
    const tables = DataType.ALL.map((t) => t.workspaceTable);
    for (const c of SENTINEL_CONTENT) {
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(c.source).toMatch(/^Solutions\/.+\/Analytic Rules\/.+\.yaml$/);
      expect(c.reads.length).toBeGreaterThan(0);
      for (const read of c.reads) expect(tables).toContain(read.table);
    }
    expect(new Set(SENTINEL_CONTENT.map((c) => c.solution))).toEqual(new Set(SentinelSolution.ALL.map((s) => s.solutionName)));
  });
});

describe("SentinelSolution presets", () => {
  test.each(SentinelSolution.ALL.map((s) => [s.solutionName, s]))(
    "%s: its exports give every one of its rules data, through the rule sets they write",
    (_, solution) => {
      const s = solution as SentinelSolution;
      expect(s.content().length).toBeGreaterThan(0);
      expect(statusOf(s.exports(), s)).toEqual(s.content().map(() => "data"));
    },
  );

  test("one solution's exports do not feed another's standard, and the reason says which standard is missing", () => {
    const r = readiness(SentinelSolution.NIST_SP_800_53.exports()).filter((x) => x.content.solution === "CMMC 2.0");
    expect(r.map((x) => x.status)).toEqual(["no data", "no data"]);
    expect(r[0].why).toContain("NIST-SP-800-171-R2");
    expect(r[0].why).toContain("nist-sp-800-53-r4");
  });

  test("filtered recommendations make the recommendation rules partial; unfiltered compliance serves every standard", () => {
    expect(readiness([Export.recommendations({ snapshot: true }), Export.regulatoryCompliance()]).every((r) => r.status === "data")).toBe(true);
    const filtered = readiness([Export.recommendations({ minimumSeverity: Severity.HIGH })]);
    const recommendationsOnly = filtered.filter((r) => r.content.reads.every((x) => x.table === "SecurityRecommendation"));
    expect(recommendationsOnly.map((r) => r.status)).toEqual(recommendationsOnly.map(() => "partial"));
    expect(filtered.filter((r) => r.content.reads.some((x) => x.complianceStandard)).every((r) => r.status === "no data")).toBe(true);
  });
});

describe("the report's Sentinel readiness", () => {
  test("says per workspace which rules have data and why the others do not", () => {
    const { stack } = stackWithProvider();
    const workspace = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    new ContinuousExport(stack, "Cmmc", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: SentinelSolution.CMMC_2_0.exports(),
      destinations: [workspace],
    });
    const text = ExportReport.sentinelReadiness(stack);
    expect(text).toMatch(/^Sentinel readiness of Log Analytics workspace /);
    expect(text).toContain(
      "data for 2 of 8 catalogued rules: CMMC 2.0 Level 1 (Foundational) Readiness Posture, CMMC 2.0 Level 2 (Advanced) Readiness Posture",
    );
    expect(text).toContain("SecurityRecommendation is not exported to this workspace");
  });
});
