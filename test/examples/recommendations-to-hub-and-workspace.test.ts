import { compactSources } from "../helpers";
import { automationNamed, text } from "./example-app";

test("example recommendations-to-hub-and-workspace synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("recommendations-to-hub-and-workspace")).toMatchSnapshot();
});

test("3. specific recommendations to an event hub and a workspace: same sources in both automations", () => {
  const hub = automationNamed("recommendations-to-hub-and-workspace", "ExportToEventHub");
  const workspace = automationNamed("recommendations-to-hub-and-workspace", "ExportToWorkspace");
  expect(compactSources(hub)).toEqual([
    {
      source: "Assessments",
      sets: [
        ["name Contains 1195afff-c881-495e-9bc5-1486211ae03f"],
        ["name Contains 82e20e14-edc5-4373-bfc4-f13121257c37"],
        ["name Contains f97aa83c-9b63-4f9a-99f6-b22c4398f936"],
      ],
    },
  ]);
  expect(workspace.source).toEqual(hub.source);
});
