import {
  SecurityCenterAutomation,
  SecurityCenterAutomationSourceRuleSet,
  SecurityCenterAutomationSourceRuleSetRule,
} from "@cdktf/provider-azurerm/lib/security-center-automation";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { ContinuousExport, ContinuousExportChecks, Export, LogAnalyticsDestination, Severity } from "../../lib";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { explainAutomation } from "../../lib/live/explain";
import { rebuildExports } from "../../lib/live/rebuild";
import { policyDeployed } from "../live/live-fixtures";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

/** The DFC040 annotations of a stack, as [level, message]. */
function dfc040(stack: TerraformStack): Array<[string, string]> {
  Aspects.of(stack).add(new ContinuousExportChecks());
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.map((m) => [m.type === "@cdktf/warn" ? "warning" : m.type, String(m.data)] as [string, string]))
    .filter(([, message]) => message.startsWith("[DFC040]"));
}

const severity = (expectedValue: string, extra: SecurityCenterAutomationSourceRuleSetRule[] = []): SecurityCenterAutomationSourceRuleSet => ({
  rule: [...extra, { propertyPath: "properties.metadata.severity", operator: "Equals", expectedValue, propertyType: "String" }],
});
const byName: SecurityCenterAutomationSourceRuleSetRule = {
  propertyPath: "name",
  operator: "Contains",
  expectedValue: "4fb67663-9ab9-475d-b026-8c544cced439",
  propertyType: "String",
};

function handWritten(stack: TerraformStack, ruleSet: SecurityCenterAutomationSourceRuleSet[]) {
  new SecurityCenterAutomation(stack, "HandWritten", {
    name: "ExportToWorkspace",
    location: "westeurope",
    resourceGroupName: "rg",
    scopes: [`/subscriptions/${SUB}`],
    source: [{ eventSource: "Assessments", ruleSet }],
    action: [{ type: "Workspace", resourceId: WORKSPACE_ID }],
  });
}

describe("DFC040: a rule set that selects High recommendations but not Critical", () => {
  test("a synthesized rule set of High alone is a warning that names the fix", () => {
    const { stack } = stackWithProvider();
    handWritten(stack, [severity("High"), severity("Medium")]);
    expect(dfc040(stack)).toEqual([
      ["warning", expect.stringMatching(/Assessments, rule set 1: selects High recommendations but not Critical.*minimumSeverity: Severity\.HIGH/)],
    ]);
  });

  test("the correct case: High with its Critical twin (any case, other rules alike) is not flagged", () => {
    const { stack } = stackWithProvider();
    handWritten(stack, [severity("high", [byName]), severity("CRITICAL", [byName]), severity("Medium")]);
    expect(dfc040(stack)).toEqual([]);
  });

  test("a Critical twin with other rules does not count: the High rule set of that recommendation is flagged", () => {
    const { stack } = stackWithProvider();
    handWritten(stack, [severity("High", [byName]), severity("Critical")]);
    expect(dfc040(stack)).toHaveLength(1);
  });

  test("the library's own minimum severity of High writes both", () => {
    const { stack } = stackWithProvider();
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.recommendations({ minimumSeverity: Severity.HIGH })],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    });
    expect(dfc040(stack)).toEqual([]);
  });

  test("a live automation that Microsoft's policy deployed for High recommendations is flagged too", () => {
    const live = readLiveAutomations(
      JSON.stringify([policyDeployed(SUB, { exportedDataTypes: ["Security recommendations"], recommendationSeverities: ["High"] })]),
      "the test input",
    );
    expect(lintAutomations(live).filter((f) => f.ruleId === "DFC040")).toEqual([
      expect.objectContaining({ level: "warning", message: expect.stringMatching(/selects High recommendations but not Critical/) }),
    ]);
  });
});

describe("import and explain know Critical", () => {
  const rule = (expectedValue: string) => ({
    propertyJPath: "properties.metadata.severity",
    operator: "Equals",
    expectedValue,
    propertyType: "String",
  });

  test("live High and Critical rule sets rebuild as a minimum of High, and are explained so", () => {
    const rebuilt = rebuildExports([{ eventSource: "Assessments", ruleSets: [[rule("high")], [rule("Critical")]] }]);
    expect("exports" in rebuilt && rebuilt.exports.map((e) => e.code)).toEqual(["Export.recommendations({ minimumSeverity: Severity.HIGH })"]);
    const [live] = readLiveAutomations(
      JSON.stringify([policyDeployed(SUB, { exportedDataTypes: ["Security recommendations"], recommendationSeverities: ["High"] })]),
      "the test input",
    );
    const critical = { ...live, view: { ...live.view, sources: [{ eventSource: "Assessments", ruleSets: [[rule("High")], [rule("critical")]] }] } };
    expect(explainAutomation(critical, []).join("\n")).toMatch(
      /exports {2}Security recommendations \(streaming\) where severity is High or Critical/,
    );
  });

  test("High, Medium and Low are not every recommendation: they rebuild as the three, not as everything", () => {
    const rebuilt = rebuildExports([{ eventSource: "Assessments", ruleSets: [[rule("High")], [rule("Medium")], [rule("Low")]] }]);
    expect("exports" in rebuilt && rebuilt.exports.map((e) => e.code)).toEqual([
      "Export.recommendations({ severities: [Severity.LOW, Severity.MEDIUM, Severity.HIGH] })",
    ]);
  });
});
