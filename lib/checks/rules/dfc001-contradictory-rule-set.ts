import { contradictionIn } from "../../model/rule";
import { PackRule, eachAutomation } from "./rule";

/** DFC001: rules ANDed in one rule set that can never all hold. */
export const DFC001: PackRule = {
  id: "DFC001",
  level: "error",
  summary: "rules ANDed in one rule set that can never all hold (e.g. Severity Equals high AND Severity Equals medium)",
  explanation: "Rules in a rule set are ANDed, rule sets are ORed: put each accepted value in its own rule set.",
  check: eachAutomation((a) =>
    a.sources.flatMap((source) =>
      source.ruleSets.flatMap((rules, i) => {
        const contradiction = contradictionIn(rules);
        return contradiction
          ? [
              {
                message:
                  `${source.eventSource}, rule set ${i + 1}: ${contradiction}, so nothing is exported. Put each accepted ` +
                  `value in its own rule set (rule sets are ORed).`,
              },
            ]
          : [];
      }),
    ),
  ),
};
