import { SecurityCenterAutomation } from "@cdktf/provider-azurerm/lib/security-center-automation";
import { Aspects, Testing } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExportChecks } from "../../lib";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

/** Two automations that export the same data to the same workspace: DFC006 (a duplicate export) on each. */
function twoDuplicates(parentOfFirst: Construct) {
  const automation = (scope: Construct, id: string, resourceGroupName: string) =>
    new SecurityCenterAutomation(scope, id, {
      name: "ExportToWorkspace",
      location: "westeurope",
      resourceGroupName,
      scopes: [`/subscriptions/${SUB}`],
      source: [{ eventSource: "Alerts" }],
      action: [{ type: "Workspace", resourceId: WORKSPACE_ID }],
    });
  return [automation(parentOfFirst, "One", "rg1"), automation(parentOfFirst.node.scope!, "Two", "rg2")];
}

const dfcWarnings = (scope: Construct) =>
  scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn" && String(m.data).startsWith("[DFC")).map(() => c.node.path));

describe("suppressions are inherited", () => {
  test("a suppression on a parent construct silences the check for the resources below it, and only there", () => {
    const { stack } = stackWithProvider();
    const team = new Construct(stack, "Team");
    twoDuplicates(team);
    ContinuousExportChecks.suppress(team, "DFC006", "the team's export is a deliberate second copy");
    Aspects.of(stack).add(new ContinuousExportChecks());
    Testing.synth(stack);
    expect(dfcWarnings(stack)).toEqual(["test/Two"]);
  });

  test("a suppression on the stack silences the check everywhere in it", () => {
    const { stack } = stackWithProvider();
    twoDuplicates(new Construct(stack, "Team"));
    ContinuousExportChecks.suppress(stack, "DFC006", "duplicates are reviewed elsewhere");
    Aspects.of(stack).add(new ContinuousExportChecks());
    Testing.synth(stack);
    expect(dfcWarnings(stack)).toEqual([]);
  });

  test("without the suppression both duplicates are reported (the check fires here at all)", () => {
    const { stack } = stackWithProvider();
    twoDuplicates(new Construct(stack, "Team"));
    Aspects.of(stack).add(new ContinuousExportChecks());
    Testing.synth(stack);
    expect(dfcWarnings(stack)).toEqual(["test/Team/One", "test/Two"]);
  });
});
