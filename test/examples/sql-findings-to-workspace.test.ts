import { compactSources } from "../helpers";
import { automationNamed, text } from "./example-app";

test("example sql-findings-to-workspace synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("sql-findings-to-workspace")).toMatchSnapshot();
});

test("2. medium-or-higher SQL-on-machines findings, with their parent recommendation", () => {
  expect(automationNamed("sql-findings-to-workspace", "ExportToWorkspace").action).toEqual([
    {
      type: "Workspace",
      resource_id:
        "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
    },
  ]);
  expect(compactSources(automationNamed("sql-findings-to-workspace", "ExportToWorkspace"))).toEqual([
    { source: "Assessments", sets: [["name Contains f97aa83c-9b63-4f9a-99f6-b22c4398f936"]] },
    {
      source: "SubAssessments",
      sets: [
        ["id Contains /assessments/f97aa83c-9b63-4f9a-99f6-b22c4398f936/", "properties.status.severity Equals Medium"],
        ["id Contains /assessments/f97aa83c-9b63-4f9a-99f6-b22c4398f936/", "properties.status.severity Equals High"],
      ],
    },
  ]);
});
