import { compactSources } from "../helpers";
import { automationNamed, text } from "./example-app";

test("example secure-score-to-workspace synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("secure-score-to-workspace")).toMatchSnapshot();
});

test("4. overall secure score and controls, streaming and weekly snapshots", () => {
  expect(automationNamed("secure-score-to-workspace", "ExportToWorkspace").action).toEqual([
    {
      type: "Workspace",
      resource_id:
        "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc",
    },
  ]);
  expect(compactSources(automationNamed("secure-score-to-workspace", "ExportToWorkspace")).map((s) => [s.source, s.sets.length])).toEqual([
    ["SecureScores", 0],
    ["SecureScoresSnapshot", 0],
    ["SecureScoreControls", 0],
    ["SecureScoreControlsSnapshot", 0],
  ]);
});
