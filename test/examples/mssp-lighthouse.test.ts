import { resourcesOf } from "../helpers";
import { json, text } from "./example-app";

test("example mssp-lighthouse synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("mssp-lighthouse")).toMatchSnapshot();
});

test("9. an MSSP: each customer delegates its export's resource group to the MSSP, whose own identity exports to the central workspace and hub", () => {
  const out = json("mssp-lighthouse");
  const customers = [1, 2, 3];
  const definitions = Object.values(resourcesOf(out, "azurerm_lighthouse_definition")) as any[];
  expect(definitions.map((d) => [d.provider, d.managing_tenant_id, d.scope])).toEqual(
    customers.map((n) => [`azurerm.Customer${n}`, "00000000-0000-0000-0000-0000000000cc", `/subscriptions/00000000-0000-0000-0000-0000000002c${n}`]),
  );
  for (const d of definitions) {
    // Security Admin for the MSSP's identity, nothing else.
    expect(d.authorization.map((a: any) => [a.principal_id, a.role_definition_id])).toEqual([
      ["00000000-0000-0000-0000-0000000003cc", "fb1c8493-542b-48eb-b624-b4c8fea62acd"],
    ]);
  }
  const assignments = Object.values(resourcesOf(out, "azurerm_lighthouse_assignment")) as any[];
  expect(assignments.map((a) => [a.provider, a.scope])).toEqual(
    customers.map((n) => [`azurerm.Customer${n}`, `/subscriptions/00000000-0000-0000-0000-0000000002c${n}/resourceGroups/rg-security`]),
  );
  // Nothing is granted in the MSSP's tenant: no role assignment at all.
  expect(resourcesOf(out, "azurerm_role_assignment")).toEqual({});
  const automations = Object.values(resourcesOf(out, "azurerm_security_center_automation")) as any[];
  expect(automations.map((a) => [a.provider, a.name]).sort()).toEqual(
    customers.flatMap((n) => [
      [`azurerm.Customer${n}ViaMssp`, "ExportToEventHub"],
      [`azurerm.Customer${n}ViaMssp`, "ExportToWorkspace"],
    ]),
  );
  for (const a of automations) expect(a.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_lighthouse_assignment\./)]));
  expect(out.provider.azurerm.every((p: any) => p.auxiliary_tenant_ids === undefined)).toBe(true);
  expect(Object.keys(resourcesOf(out, "azurerm_log_analytics_workspace"))).toHaveLength(1);
});
