import { onlyResource, resourcesOf } from "../helpers";
import { json, text } from "./example-app";

test("example management-group-policy synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("management-group-policy")).toMatchSnapshot();
});

test("10. a management group exports through the built-in policy, with its identity's roles and a remediation", () => {
  const out = json("management-group-policy");
  const assignment = onlyResource(out, "azurerm_management_group_policy_assignment");
  expect(assignment.management_group_id).toBe("/providers/Microsoft.Management/managementGroups/contoso-landingzones");
  expect(JSON.parse(assignment.parameters)).toMatchObject({
    exportedDataTypes: { value: ["Security alerts", "Security recommendations", "Overall secure score"] },
    alertSeverities: { value: ["High", "Medium"] },
    workspaceResourceId: { value: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.CentralWorkspace_\w+\.id\}$/) },
  });
  const roles = Object.values(resourcesOf(out, "azurerm_role_assignment")) as any[];
  expect(roles.map((r) => r.role_definition_name).sort()).toEqual(["Contributor", "Log Analytics Contributor"]);
  const remediations = Object.values(resourcesOf(out, "azurerm_subscription_policy_remediation")) as any[];
  expect(remediations.map((r) => [r.subscription_id, r.resource_discovery_mode, r.depends_on.length])).toEqual([
    ["/subscriptions/00000000-0000-0000-0000-0000000001a1", "ReEvaluateCompliance", 2],
    ["/subscriptions/00000000-0000-0000-0000-0000000001a2", "ReEvaluateCompliance", 2],
  ]);
  expect(resourcesOf(out, "azurerm_security_center_automation")).toEqual({});
});
