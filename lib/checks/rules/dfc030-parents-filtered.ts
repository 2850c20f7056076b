import { findingSourcesOf, parentGaps } from "./parents";
import { PackRule, eachAutomation } from "./rule";

/** DFC030: findings whose parent recommendations are exported only under a filter. */
export const DFC030: PackRule = {
  id: "DFC030",
  level: "warning",
  summary:
    "findings whose parent recommendations are exported only under a filter (a severity, other recommendations), so some parents may be missing",
  stillExports: true,
  explanation: "A parent filtered out of its source is missing beside its findings; export the parents without further filters.",
  check: eachAutomation((a) =>
    findingSourcesOf(a).flatMap(({ findings, parents, findingSource, parent }) => {
      const gaps = parent ? parentGaps(findingSource.ruleSets, parents, parent.ruleSets) : [];
      return gaps.length === 0
        ? []
        : [
            {
              message:
                `${findings} whose parents may be missing from ${parents}: ${gaps.join("; ")}. Microsoft asks for the parents with the findings: ` +
                `export ${parents} for the same recommendations without further filters (Export.findings does it for you), or keep it so knowingly.`,
            },
          ];
    }),
  ),
};
