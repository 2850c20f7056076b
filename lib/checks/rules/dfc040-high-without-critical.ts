import { DataType } from "../../model/data-type";
import { JPATHS } from "../../model/paths";
import { Operator } from "../../model/rule";
import { Severity } from "../../model/severity";
import { AutomationView } from "../../writers/automation-view";
import { Hit, PackRule } from "./rule";

/** The recommendation severities above High, which a rule set selecting High usually means to include too. */
const ABOVE_HIGH = Severity.ALL.filter((s) => s.rank > Severity.HIGH.rank).map((s) => s.ruleValue);

/**
 * DFC040: a recommendations rule set with `properties.metadata.severity Equals High` and no twin rule set
 * (the same rules, Critical for High) in the same source. Such a rule set was written when High was the top
 * severity; since March 2025 recommendations also have Critical (Assessments API 2025-05-04), and the
 * most important ones are not exported.
 */
function checkCriticalSeverity(a: AutomationView): Hit[] {
  const key = (rules: ReadonlyArray<{ propertyJPath: string; operator: string; expectedValue: string }>) =>
    rules
      .map((r) => `${r.propertyJPath.toLowerCase()} ${r.operator} ${r.expectedValue.toLowerCase()}`)
      .sort()
      .join(" AND ");
  const isSeverity = (r: { propertyJPath: string; operator: string }) =>
    r.propertyJPath.toLowerCase() === JPATHS.recommendationSeverity.toLowerCase() && r.operator === Operator.EQUAL_TO.value;
  const findings: Hit[] = [];
  for (const source of a.sources.filter((s) => DataType.RECOMMENDATIONS.eventSources.includes(s.eventSource))) {
    const present = new Set(source.ruleSets.map(key));
    source.ruleSets.forEach((rules, i) => {
      const high = rules.findIndex((r) => isSeverity(r) && r.expectedValue.toLowerCase() === Severity.HIGH.ruleValue.toLowerCase());
      if (high < 0) return;
      const missing = ABOVE_HIGH.filter((value) => !present.has(key(rules.map((r, j) => (j === high ? { ...r, expectedValue: value } : r)))));
      if (missing.length === 0) return;
      findings.push({
        address: a.address,
        message:
          `${source.eventSource}, rule set ${i + 1}: selects High recommendations but not ${missing.join(", ")}, the severity above it since March 2025 ` +
          `(Assessments API 2025-05-04): the most important recommendations are not exported. Add a rule set with ${missing.join(", ")} for High ` +
          `(Export.recommendations({ minimumSeverity: Severity.HIGH }) writes both).`,
      });
    });
  }
  return findings;
}

/** DFC040, as its body above finds it. */
export const DFC040: PackRule = {
  id: "DFC040",
  level: "warning",
  summary: "a recommendations rule set that selects High but not Critical (recommendations have had a Critical severity since March 2025)",
  explanation: "A rule set written when High was the top severity leaves out the most important recommendations.",
  check: (input) => input.automations.flatMap(checkCriticalSeverity),
};
