import { compactSources, onlyResource } from "../helpers";
import { json, text } from "./example-app";

test("example everything-to-new-workspace synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("everything-to-new-workspace")).toMatchSnapshot();
});

test("5. everything, to a new protected workspace with the SecurityCenterFree solution", () => {
  const out = json("everything-to-new-workspace");
  expect(compactSources(onlyResource(out, "azurerm_security_center_automation")).map((s) => s.source)).toEqual([
    "Alerts",
    "Assessments",
    "AssessmentsSnapshot",
    "SubAssessments",
    "SubAssessmentsSnapshot",
    "SecureScores",
    "SecureScoresSnapshot",
    "SecureScoreControls",
    "SecureScoreControlsSnapshot",
    "RegulatoryComplianceAssessment",
    "RegulatoryComplianceAssessmentSnapshot",
  ]);
  expect(onlyResource(out, "azurerm_log_analytics_workspace")).toMatchObject({ retention_in_days: 90, lifecycle: { prevent_destroy: true } });
  expect(onlyResource(out, "azurerm_log_analytics_solution").solution_name).toBe("SecurityCenterFree");
});
