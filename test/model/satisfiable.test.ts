import {
  AlertSeverity,
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  DefenderPlan,
  Export,
  LogAnalyticsDestination,
  Operator,
  PropertyType,
  Rule,
  RuleSet,
} from "../../lib";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { SUB, WORKSPACE_ID, errorOf, stackWithProvider, synthJson } from "../helpers";
import { Testing, TerraformStack } from "cdktf";

describe("rule sets that can never match are refused", () => {
  test("an Equals that a text test in the same rule set fails", () => {
    expect(
      errorOf(() => RuleSet.of(Rule.equalTo("Severity", "high"), Rule.raw("Severity", Operator.STARTS_WITH, "med", PropertyType.STRING))),
    ).toMatch(/DFE006.*"Severity Equals high" AND "Severity StartsWith med" contradict/);
    expect(() => RuleSet.of(Rule.equalTo("AlertDisplayName", "Suspicious login"), Rule.contains("AlertDisplayName", "LOGIN"))).not.toThrow();
  });

  test("a numeric range with no number in it", () => {
    const gt = (n: string) => Rule.raw("properties.score", Operator.GREATER_THAN, n, PropertyType.NUMBER);
    const lt = (n: string) => Rule.raw("properties.score", Operator.LESSER_THAN, n, PropertyType.NUMBER);
    expect(errorOf(() => RuleSet.of(gt("10"), lt("5")))).toMatch(/DFE006.*leave no number/);
    expect(errorOf(() => RuleSet.of(gt("5"), lt("5")))).toMatch(/DFE006/);
    const inclusive = (op: Operator) => Rule.raw("properties.score", op, "5", PropertyType.NUMBER);
    expect(() => RuleSet.of(inclusive(Operator.GREATER_THAN_OR_EQUAL_TO), inclusive(Operator.LESSER_THAN_OR_EQUAL_TO))).not.toThrow();
  });
});

test("filters whose combinations would make more than 1,000 rule sets are refused", () => {
  const types = Array.from({ length: 60 }, (_, i) => `AlertType${i}`);
  const names = Array.from({ length: 20 }, (_, i) => `name ${i}`);
  expect(errorOf(() => Export.alerts({ alertTypes: types, displayNameContains: names }))).toMatch(
    /^\[DFE015\] Export\.alerts\(…\) called at test\/model\/satisfiable\.test\.ts:\d+: Security alerts: the filters make 1200 rule sets/,
  );
  expect(Export.alerts({ alertTypes: types.slice(0, 10), plans: [DefenderPlan.SERVERS], minimumSeverity: AlertSeverity.LOW }).ruleSets.length).toBe(
    30,
  );
});

test("an attack path risk path that is not a JPath is refused", () => {
  expect(errorOf(() => Export.attackPaths({ riskLevelPath: '${file("x")}' }))).toMatch(/DFE003.*riskLevelPath.*JPath/);
  expect(Export.attackPaths({ riskLevelPath: "properties.riskLevel" }).ruleSets).toEqual([]);
});

test("one workspace given twice (another object, its id in another case) is refused", () => {
  const { stack } = stackWithProvider();
  const a = LogAnalyticsDestination.fromWorkspaceId(stack, "A", WORKSPACE_ID);
  const b = LogAnalyticsDestination.fromWorkspaceId(stack, "B", WORKSPACE_ID.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/"));
  expect(
    errorOf(
      () =>
        new ContinuousExport(stack, "E", {
          subscriptionId: SUB,
          resourceGroupName: "rg",
          location: "westeurope",
          exports: [Export.alerts()],
          destinations: [a, b],
        }),
    ),
  ).toMatch(/DFE039.*test\/A and test\/B are the same Log Analytics workspace/);
});

test("an azapi-written export takes its tenant from the subscription's azurerm provider when the azapi provider names none", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB, tenantId: "00000000-0000-0000-0000-0000000000aa" });
  new AzapiProvider(stack, "azapi", {});
  const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID, { tenantId: "00000000-0000-0000-0000-0000000000aa" });
  new ContinuousExport(stack, "E", {
    subscriptionId: SUB,
    resourceGroupName: "rg",
    location: "westeurope",
    exports: [Export.attackPaths()],
    destinations: [ws],
    writer: AutomationWriter.AZAPI,
  });
  expect(() => synthJson(stack)).not.toThrow();
});
