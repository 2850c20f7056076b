import { findingSourcesOf } from "./parents";
import { PackRule, eachAutomation } from "./rule";

/** DFC003: findings exported while their parent recommendations are not exported at all. */
export const DFC003: PackRule = {
  id: "DFC003",
  level: "error",
  summary: "findings exported while their parent recommendations are not exported at all",
  stillExports: true,
  explanation: "Microsoft requires the parent recommendations with the findings; Export.findings adds them.",
  check: eachAutomation((a) =>
    findingSourcesOf(a)
      .filter((f) => !f.parent)
      .map(({ findings, parents }) => ({
        message:
          `${findings} without ${parents}: no parent recommendation is exported, and Microsoft requires the parents with the findings. ` +
          `Export ${parents} for the same recommendations (Export.findings does it for you).`,
      })),
  ),
};
