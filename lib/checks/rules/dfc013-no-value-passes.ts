import { ruleValueProblems } from "./rule-values";
import { PackRule, eachAutomation } from "./rule";

/** DFC013: a rule set whose rules together let no value of a known JPath through (every value excluded). */
export const DFC013: PackRule = {
  id: "DFC013",
  level: "error",
  summary: "a rule set whose rules together let no value of a known JPath through (every value excluded)",
  explanation: "Rules in a set are ANDed: keep the values you want, each in its own rule set.",
  check: eachAutomation((a) => ruleValueProblems(a).filter((p) => p.kind === "excludesEveryValue")),
};
