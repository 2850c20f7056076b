import { onlyResource } from "../helpers";
import { json, text } from "./example-app";

test("example cross-tenant-guest synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("cross-tenant-guest")).toMatchSnapshot();
});

test("8. tenant A exports to a workspace in tenant B through a guest: grant in B, automation in A with B as auxiliary tenant", () => {
  const out = json("cross-tenant-guest");
  expect(onlyResource(out, "azurerm_role_assignment")).toMatchObject({
    role_definition_name: "Log Analytics Contributor",
    principal_type: "User",
    provider: "azurerm.central",
  });
  const automation = onlyResource(out, "azurerm_security_center_automation");
  expect(automation.provider).toBeUndefined();
  expect(automation.action).toEqual([
    {
      type: "Workspace",
      resource_id:
        "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
    },
  ]);
  const source = out.provider.azurerm.find((p: any) => !p.alias);
  expect(source.auxiliary_tenant_ids).toEqual([out.provider.azurerm.find((p: any) => p.alias === "central").tenant_id]);
});
