import { compactSources } from "../helpers";
import { json, text } from "./example-app";

test("example adopt-policy-export synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("adopt-policy-export")).toMatchSnapshot();
});

test("12. a policy-made ExportToWorkspace is taken over in place and narrowed", () => {
  const out = json("adopt-policy-export");
  const [address, automation] = Object.entries(out.resource.azurerm_security_center_automation)[0] as [string, any];
  expect(out.import).toEqual([
    {
      id: `/subscriptions/${automation.scopes[0].split("/")[2]}/resourceGroups/rg-asc-export/providers/Microsoft.Security/automations/ExportToWorkspace`,
      to: `azurerm_security_center_automation.${address}`,
    },
  ]);
  expect(automation).toMatchObject({ name: "ExportToWorkspace", resource_group_name: "rg-asc-export", location: "westeurope" });
  expect(compactSources(automation)).toEqual([
    { source: "Alerts", sets: [["Severity Equals medium"], ["Severity Equals high"]] },
    { source: "Assessments", sets: [] },
  ]);
});
