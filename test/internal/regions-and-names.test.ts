import { TerraformStack } from "cdktf";
import { ContinuousExport, ContinuousExportPolicy, EventHubDestination, Export, LogAnalyticsDestination, PolicyScope } from "../../lib";
import { AZURE_REGIONS, normalizeRegion, regionProblem } from "../../lib/internal/regions";
import { OTHER_SUB, SUB, WORKSPACE_ID, errorOf, stackWithProvider } from "../helpers";

const exportIn = (stack: TerraformStack, id: string, location: string, extra: object = {}) =>
  new ContinuousExport(stack, id, {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location,
    exports: [Export.alerts()],
    destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, `${id}Soc`, WORKSPACE_ID)],
    ...extra,
  });

describe("regions are checked against Azure's list (az account list-locations, 2026-12), in any form azurerm accepts", () => {
  test.each(["westeurope", "West Europe", "WESTEUROPE", "westEurope", "West US 2", "usgovvirginia", "China North 3"])(
    "%s is a region",
    (location) => {
      expect(regionProblem(location)).toBeUndefined();
      const { stack } = stackWithProvider();
      expect(() => exportIn(stack, "A", location)).not.toThrow();
    },
  );

  test("a misspelt region is refused with the nearest one", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => exportIn(stack, "A", "westeruope"))).toMatch(
      /^\[DFE172\] test\/A: `location` "westeruope" is not an Azure region: did you mean "westeurope"\?/,
    );
    expect(regionProblem("eastus 3")).toMatch(/did you mean "eastus2"?|did you mean "eastus"/);
    expect(regionProblem("uk south")).toBeUndefined();
    expect(regionProblem("Moon Base")).toMatch(/is not an Azure region\. Give a region name/);
  });

  test("every place the library takes a region checks it: destinations and the policy route too", () => {
    const { stack } = stackWithProvider();
    expect(
      errorOf(() => new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", resourceGroupName: "rg", location: "northeruope" })),
    ).toMatch(/DFE172.*did you mean "northeurope"/);
    expect(
      errorOf(
        () =>
          new ContinuousExportPolicy(stack, "Policy", {
            scope: PolicyScope.subscription(SUB),
            exports: [Export.secureScore()],
            destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
            location: "swedencentrl",
            resourceGroupName: "rg-export",
          }),
      ),
    ).toMatch(/DFE172.*did you mean "swedencentral"/);
  });

  test("the list is programmatic names, each once, already normalized", () => {
    expect(new Set(AZURE_REGIONS).size).toBe(AZURE_REGIONS.length);
    expect(AZURE_REGIONS.every((r) => normalizeRegion(r) === r)).toBe(true);
  });
});

describe("name limits are Microsoft's naming rules", () => {
  test("an Event Hubs authorization rule name: 1 to 50 characters (azurerm takes 60)", () => {
    const { stack } = stackWithProvider();
    const place = { namespaceName: "evhns-export-01", resourceGroupName: "rg", location: "westeurope" };
    expect(() => new EventHubDestination(stack, "Ok", { ...place, sendRuleName: "a".repeat(50) })).not.toThrow();
    expect(errorOf(() => new EventHubDestination(stack, "TooLong", { ...place, sendRuleName: "a".repeat(51) }))).toMatch(
      /^\[DFE120\] test\/TooLong: `sendRuleName` .* 1 to 50 letters/,
    );
    const existing = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/evhns-export-01/eventhubs/defender`;
    expect(errorOf(() => EventHubDestination.fromEventHubId(stack, "Existing", existing, { sendRuleName: "r".repeat(51) }))).toMatch(
      /DFE120.*sendRuleName/,
    );
  });
});

describe("two exports that would both create one resource group", () => {
  test("in one stack (names compare case-insensitively): refused, naming both", () => {
    const { stack } = stackWithProvider();
    exportIn(stack, "First", "westeurope", { createResourceGroup: true, names: { workspace: "first" } });
    expect(
      errorOf(() =>
        exportIn(stack, "Second", "westeurope", { resourceGroupName: "RG-Export", createResourceGroup: true, names: { workspace: "second" } }),
      ),
    ).toMatch(/^\[DFE173\] test\/Second and test\/First both create the resource group "RG-Export" in subscription .*createResourceGroup: false/);
  });

  test("in two stacks of the app for one subscription: refused too; other subscriptions are other groups", () => {
    const { app, stack } = stackWithProvider();
    exportIn(stack, "First", "westeurope", { createResourceGroup: true });
    const other = new TerraformStack(app, "other");
    expect(errorOf(() => exportIn(other, "Second", "westeurope", { createResourceGroup: true, names: { workspace: "second" } }))).toMatch(
      /DFE173.*from two stacks/,
    );
    expect(() => exportIn(other, "Third", "westeurope", { createResourceGroup: true, subscriptionId: OTHER_SUB })).not.toThrow();
  });

  test("one creating it and the other not is the way to share a group", () => {
    const { stack } = stackWithProvider();
    exportIn(stack, "First", "westeurope", { createResourceGroup: true, names: { workspace: "first" } });
    expect(() => exportIn(stack, "Second", "westeurope", { names: { workspace: "second" } })).not.toThrow();
  });
});
