import { AzapiProvider } from "../../lib/internal/azapi";
import { Testing, TerraformIterator, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AutomationWriter, ContinuousExport, ContinuousExportProps, Export, LogAnalyticsDestination, LogicAppDestination } from "../../lib";
import { ONE_SUBSCRIPTION, placementOf, withPlacement } from "../../lib/export/placement";
import { planExport } from "../../lib/export/plan";
import { AZAPI_WRITER } from "../../lib/writers/azapi-writer";
import { AZURERM_WRITER } from "../../lib/writers/azurerm-writer";
import { OTHER_SUB, SUB, WORKSPACE_ID, stackWithProvider, synthJson } from "../helpers";

function request(stack: TerraformStack, extra: Partial<ContinuousExportProps> = {}): ContinuousExportProps {
  return {
    subscriptionId: SUB.toUpperCase(),
    resourceGroupName: "rg-export",
    location: "westeurope",
    exports: [Export.alerts()],
    destinations: [
      LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID),
      LogicAppDestination.fromWorkflow(stack, "Flow", {
        workflowId: "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg/providers/Microsoft.Logic/workflows/flow",
        triggerUrl: new TerraformVariable(stack, "triggerUrl", { type: "string", sensitive: true }).stringValue,
      }),
    ],
    ...extra,
  };
}

describe("the plan of an export", () => {
  test("says what is written, named and where, and writes nothing: no resource, no claimed name", () => {
    const { stack } = stackWithProvider();
    const props = request(stack, { createResourceGroup: true, writer: AutomationWriter.AZAPI });
    const plan = planExport(new Construct(stack, "Alerts"), props, ONE_SUBSCRIPTION);
    expect(plan.props.subscriptionId).toBe(SUB);
    expect(plan.scopes).toEqual([`/subscriptions/${SUB}`]);
    expect(plan.automations.map((a) => [a.kind.actionType, a.name, a.destinations.map((d) => d.node.id)])).toEqual([
      ["Workspace", "ExportToWorkspace", ["Soc"]],
      ["LogicApp", "Alerts", ["Flow"]],
    ]);
    expect(plan.writers.group).toBe(AZAPI_WRITER);
    expect(plan.placed.resourceGroups).toEqual([[SUB, "rg-export"]]);
    const json = synthJson(stack);
    expect(json.resource ?? {}).toEqual({});
    // Nothing was claimed: an export of the same names in the same group is the first owner.
    expect(() => new ContinuousExport(stack, "Export", props)).not.toThrow();
  });

  test("the created group's writer follows the props alone, and is none when the group is not managed", () => {
    const plan = (extra: Partial<ContinuousExportProps>, id: string) => {
      const { stack } = stackWithProvider();
      return planExport(new Construct(stack, id), request(stack, extra), ONE_SUBSCRIPTION);
    };
    expect(plan({ createResourceGroup: true }, "A").writers.group).toBe(AZURERM_WRITER);
    expect(plan({ createResourceGroup: false, writer: AutomationWriter.AZAPI }, "B").writers.group).toBe(AZAPI_WRITER);
    expect(plan({}, "C").writers.group).toBeUndefined();
  });

  test("a keyed fleet placement spans its subscriptions and leaves the subscription id unchecked (each.key)", () => {
    const { stack } = stackWithProvider();
    const iterator = TerraformIterator.fromList(["x"]);
    const resourceGroups = new Map([
      [SUB, "rg-a"],
      [OTHER_SUB, "rg-b"],
    ]);
    const props = withPlacement(request(stack, { subscriptionId: "${each.key}" }), { kind: "for_each", iterator, resourceGroups });
    const plan = planExport(new Construct(stack, "Subscriptions"), props, placementOf(props));
    expect(plan.placed.literalSubscription).toBe(false);
    expect(plan.placed.resourceGroups).toEqual([...resourceGroups]);
    expect(plan.placed.subscriptionInWords).toBe("each of 2 (for_each)");
    expect(plan.placed.movable).toBe(false);
  });

  test("props without a placement are placed in their one subscription", () => {
    const { stack } = stackWithProvider();
    const props = request(stack);
    expect(placementOf(props)).toBe(ONE_SUBSCRIPTION);
    expect(Object.keys(withPlacement(props, { kind: "subscription", arriving: true }))).toEqual(Object.keys(props));
  });
});

describe("the writers check their own providers", () => {
  test("azapi: no azapi provider is DFE050; one in the stack is fine", () => {
    const { stack } = stackWithProvider();
    const scope = new Construct(stack, "Export");
    expect(AZAPI_WRITER.checkProvider({ scope, subscriptionId: SUB, given: {} })).toEqual([expect.stringMatching(/^\[DFE050\] test\/Export: /)]);
    new AzapiProvider(stack, "azapi", {});
    expect(AZAPI_WRITER.checkProvider({ scope, subscriptionId: SUB, given: {} })).toEqual([]);
  });

  test("azurerm: no provider is DFE033, another subscription's is DFE034", () => {
    const app = Testing.app();
    const bare = new TerraformStack(app, "bare");
    expect(AZURERM_WRITER.checkProvider({ scope: new Construct(bare, "Export"), subscriptionId: SUB, given: {} })).toEqual([
      expect.stringMatching(/^\[DFE033\] bare\/Export: no azurerm provider/),
    ]);
    const { stack } = stackWithProvider(OTHER_SUB);
    expect(AZURERM_WRITER.checkProvider({ scope: new Construct(stack, "Export"), subscriptionId: SUB, given: {} })).toEqual([
      expect.stringMatching(/^\[DFE034\] test\/Export: the provider test\/azurerm writes to subscription/),
    ]);
    expect(AZURERM_WRITER.checkProvider({ scope: new Construct(stack, "Other"), subscriptionId: OTHER_SUB, given: {} })).toEqual([]);
  });
});
