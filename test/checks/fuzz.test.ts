import { Aspects, TerraformStack, Testing } from "cdktf";
import fc from "fast-check";
import {
  AlertSeverity,
  AssessmentState,
  AttackPathRiskLevel,
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportChecks,
  DefenderPlan,
  Export,
  LogAnalyticsDestination,
  Operator,
  PropertyType,
  Recommendation,
  Rule,
  RuleSet,
  Severity,
} from "../../lib";
import { ExportConfigError } from "../../lib/model/errors";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

const PATHS = [
  "Severity",
  "properties.metadata.severity",
  "properties.status.severity",
  "properties.status.code",
  "name",
  "id",
  "AlertType",
  "ProductComponentName",
  "attackPath.riskLevel",
  "properties.displayName",
  " spaced",
  "",
];
const OPERATORS = [
  Operator.EQUAL_TO,
  Operator.NOT_EQUALS,
  Operator.CONTAINS,
  Operator.STARTS_WITH,
  Operator.ENDS_WITH,
  Operator.GREATER_THAN,
  Operator.LESSER_THAN_OR_EQUAL_TO,
];
const TYPES = [PropertyType.STRING, PropertyType.INTEGER, PropertyType.NUMBER, PropertyType.BOOLEAN];
const VALUES = ["high", "High", "low", "medium", "5", "2.5", "true", "", "x"];

const rawRule = fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...OPERATORS), fc.constantFrom(...VALUES), fc.constantFrom(...TYPES));
// Mostly well-formed, sometimes not (empty lists, bad paths and values): both paths must hold.
const where = fc.option(fc.array(fc.array(rawRule, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 4 });
const subset = <T>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined, freq: 3 });
const timing = fc.oneof(
  { arbitrary: fc.constant({ streaming: true, snapshot: false }), weight: 3 },
  { arbitrary: fc.record({ streaming: fc.boolean(), snapshot: fc.boolean() }), weight: 1 },
);

/** A random request, as a thunk: building it may throw, and that is part of what is tested. */
const exportRequest = fc.oneof(
  fc.tuple(subset(AlertSeverity.ALL), subset([DefenderPlan.SERVERS, DefenderPlan.STORAGE]), where, timing).map(
    ([severities, plans, w, t]) =>
      () =>
        Export.alerts({ severities, plans, where: toWhere(w), ...t }),
  ),
  fc
    .tuple(
      subset([Recommendation.SYSTEM_UPDATES, Recommendation.MACHINES_VULNERABILITIES]),
      subset(Severity.ALL),
      subset(AssessmentState.ALL),
      where,
      timing,
    )
    .map(
      ([recommendations, severities, states, w, t]) =>
        () =>
          Export.recommendations({ recommendations, severities, states, where: toWhere(w), ...t }),
    ),
  fc.tuple(subset([Recommendation.SYSTEM_UPDATES, Recommendation.SQL_DATABASES_VULNERABILITIES]), subset(Severity.ALL), where, timing).map(
    ([recommendations, severities, w, t]) =>
      () =>
        Export.findings({ recommendations, severities, where: toWhere(w), ...t }),
  ),
  fc.tuple(subset(AttackPathRiskLevel.ALL), timing).map(
    ([riskLevels, t]) =>
      () =>
        Export.attackPaths({ riskLevels, ...t }),
  ),
  timing.map((t) => () => Export.secureScore(t)),
);

function toWhere(w: Array<Array<[string, Operator, string, PropertyType]>> | undefined): RuleSet[] | undefined {
  return w?.map((set) => RuleSet.of(...set.map(([path, op, value, type]) => Rule.raw(path, op, value, type))));
}

describe("random export requests", () => {
  test("either throw a documented error or synthesize Terraform that passes the check pack", () => {
    let synthesized = 0; // about a fifth of the runs, with the generators below
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(exportRequest, { minLength: 0, maxLength: 3 }),
        fc.constantFrom(AutomationWriter.AUTO, AutomationWriter.AZURERM, AutomationWriter.AZAPI),
        (requests, writer) => {
          const { stack } = stackWithProvider();
          new AzapiProvider(stack, "azapi", {});
          try {
            const exports = requests.map((build) => build());
            new ContinuousExport(stack, "Export", {
              subscriptionId: SUB,
              resourceGroupName: "rg",
              location: "westeurope",
              exports,
              destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID)],
              writer,
            });
          } catch (e) {
            expect(e).toBeInstanceOf(ExportConfigError);
            expect((e as ExportConfigError).message).toMatch(/^\[DFE\d{3}\] /);
            refused++;
            return;
          }
          expect(checkPackErrors(stack)).toEqual([]);
          synthesized++;
        },
      ),
      { numRuns: 300 },
    );
    // Both outcomes must be exercised, or the property says little.
    expect(synthesized).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(20);
  });
});

function checkPackErrors(stack: TerraformStack): string[] {
  Aspects.of(stack).add(new ContinuousExportChecks({ warningsAsErrors: true }));
  Testing.synth(stack, true);
  return (
    stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/error").map((m) => String(m.data)))
      // A typed request may list High without Critical on purpose: DFC040 asks whether it meant to.
      .filter((m) => !m.startsWith("[DFC040]"))
  );
}
