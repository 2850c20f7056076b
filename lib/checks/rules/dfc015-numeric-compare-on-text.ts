import { ruleValueProblems } from "./rule-values";
import { PackRule, eachAutomation } from "./rule";

/** DFC015: a numeric compare on text (or a text test on a number, or a numeric type on a text JPath). */
export const DFC015: PackRule = {
  id: "DFC015",
  level: "error",
  summary: "a numeric compare on text (or a text test on a number, or a numeric type on a text JPath)",
  explanation: "A numeric compare on text matches nothing; a text test on a number is refused.",
  check: eachAutomation((a) => ruleValueProblems(a).filter((p) => p.kind === "typeMismatch")),
};
