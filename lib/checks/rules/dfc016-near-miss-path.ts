import { ruleValueProblems } from "./rule-values";
import { PackRule, eachAutomation } from "./rule";

/** DFC016: a JPath that is a near miss of a known one of its data type (e.g. `riskLevel` for `attackPath.riskLevel`). */
export const DFC016: PackRule = {
  id: "DFC016",
  level: "error",
  summary: "a JPath that is a near miss of a known one of its data type (e.g. `riskLevel` for `attackPath.riskLevel`)",
  explanation: "The service does not check paths: a path no record has matches nothing.",
  check: eachAutomation((a) => ruleValueProblems(a).filter((p) => p.kind === "nearPath")),
};
