import { onlyResource } from "../helpers";
import { json, text } from "./example-app";

test("example attack-paths-to-workspace synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("attack-paths-to-workspace")).toMatchSnapshot();
});

test("7. attack paths of High or Critical risk, streaming and snapshot, through azapi", () => {
  const automation = onlyResource(json("attack-paths-to-workspace"), "azapi_resource");
  expect(automation.type).toBe("Microsoft.Security/automations@2023-12-01-preview");
  expect(automation.body.properties.actions).toEqual([
    {
      actionType: "Workspace",
      workspaceResourceId:
        "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
    },
  ]);
  expect(automation.body.properties.sources).toEqual(
    ["AttackPaths", "AttackPathsSnapshot"].map((eventSource) => ({
      eventSource,
      ruleSets: ["High", "Critical"].map((expectedValue) => ({
        rules: [{ propertyJPath: "attackPath.riskLevel", propertyType: "String", expectedValue, operator: "Equals" }],
      })),
    })),
  );
});
