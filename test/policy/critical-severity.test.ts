import { Testing } from "cdktf";
import { ContinuousExportPolicy, Export, ExportReport, LogAnalyticsDestination, PolicyScope, Severity } from "../../lib";
import { toPolicyParameters } from "../../lib/policy/parameters";
import { SUB, WORKSPACE_ID, errorOf, stackWithProvider } from "../helpers";

/** Microsoft's built-in export policies select High, Medium and Low only; recommendations also have Critical. */
describe("the policy route and Critical recommendations", () => {
  test.each([
    ["every recommendation", [Export.recommendations()], ["High", "Medium", "Low"]],
    ["a minimum of High (High and Critical)", [Export.recommendations({ minimumSeverity: Severity.HIGH })], ["High"]],
    ["findings, whose parents come unfiltered", [Export.findings()], ["High", "Medium", "Low"]],
  ])("%s: the policy exports what it can and says that Critical is left out", (_name, exports, severities) => {
    const { parameters, unsupported, narrowed } = toPolicyParameters(exports);
    expect(unsupported).toEqual([]);
    expect(parameters.recommendationSeverities).toEqual(severities);
    expect(narrowed).toEqual([expect.stringMatching(/^Critical recommendations.*High, Medium and Low only/)]);
  });

  test("a request the policy expresses exactly says nothing", () => {
    expect(toPolicyParameters([Export.recommendations({ severities: [Severity.HIGH, Severity.MEDIUM] })]).narrowed).toEqual([]);
    expect(toPolicyParameters([Export.secureScore()]).narrowed).toEqual([]);
  });

  test("Critical alone cannot be expressed at all: refused (DFE080), never widened to High, Medium and Low", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(
      errorOf(
        () =>
          new ContinuousExportPolicy(stack, "Policy", {
            scope: PolicyScope.subscription(SUB),
            exports: [Export.recommendations({ severities: [Severity.CRITICAL] })],
            destinations: [soc],
            location: "westeurope",
            resourceGroupName: "rg-export",
          }),
      ),
    ).toMatch(/DFE080.*Critical severity only/s);
  });

  test("the construct warns with DFW025 naming the fix, and the report says what is not exported", () => {
    const { app, stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    const policy = new ContinuousExportPolicy(stack, "Policy", {
      scope: PolicyScope.subscription(SUB),
      exports: [Export.recommendations({ minimumSeverity: Severity.HIGH })],
      destinations: [soc],
      location: "westeurope",
      resourceGroupName: "rg-export",
      remediate: false,
    });
    Testing.synth(stack);
    const warnings = policy.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([
      expect.stringMatching(/^\[DFW025\] test\/Policy: the policy route does not export Critical recommendations.*Severity\.CRITICAL/),
    ]);
    expect(policy.parameters.recommendationSeverities).toEqual(["High"]);
    expect(ExportReport.format(app)).toMatch(/not exported: Critical recommendations.*\(DFW025\)/);
  });
});
