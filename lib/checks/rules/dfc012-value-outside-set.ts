import { ruleValueProblems } from "./rule-values";
import { PackRule, eachAutomation } from "./rule";

/** DFC012: a rule value outside the values its JPath takes (misspelt, padded, of another scale: "Hight", "High "). */
export const DFC012: PackRule = {
  id: "DFC012",
  level: "error",
  summary: 'a rule value outside the values its JPath takes (misspelt, padded, of another scale: "Hight", "High ")',
  explanation: "The service compares text as it is: a value no record holds matches nothing (or, with NotEquals, excludes nothing).",
  check: eachAutomation((a) => ruleValueProblems(a).filter((p) => p.kind === "outsideValues")),
};
