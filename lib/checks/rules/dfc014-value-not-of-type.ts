import { ruleValueProblems } from "./rule-values";
import { PackRule, eachAutomation } from "./rule";

/** DFC014: a rule value that is not of its property type (Integer "high", Boolean "yes"). */
export const DFC014: PackRule = {
  id: "DFC014",
  level: "error",
  summary: 'a rule value that is not of its property type (Integer "high", Boolean "yes")',
  explanation: "The service reads the value as its property type; a value that is not of it matches nothing.",
  check: eachAutomation((a) => ruleValueProblems(a).filter((p) => p.kind === "valueNotOfType")),
};
