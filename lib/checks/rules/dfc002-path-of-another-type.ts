import { DataType } from "../../model/data-type";
import { pathMismatch } from "../../model/paths";
import { PackRule, eachAutomation } from "./rule";

/** DFC002: a rule on a JPath of another data type. */
export const DFC002: PackRule = {
  id: "DFC002",
  level: "error",
  summary: "a rule on a JPath of another data type (e.g. the recommendation severity path on alerts)",
  explanation: "The service accepts a rule on any path and exports nothing when the records have no such field.",
  check: eachAutomation((a) =>
    a.sources.flatMap((source) => {
      const dataType = DataType.ALL.find((t) => t.eventSources.includes(source.eventSource));
      return source.ruleSets.flatMap((rules) =>
        rules.flatMap((rule) => {
          const mismatch = dataType && pathMismatch(rule.propertyJPath, dataType);
          return mismatch ? [{ message: `${source.eventSource}: ${mismatch}; the service accepts the rule and exports nothing.` }] : [];
        }),
      );
    }),
  ),
};
