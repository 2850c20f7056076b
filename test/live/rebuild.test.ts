import { AlertSeverity, Export, Recommendation, Severity } from "../../lib";
import { rebuildExports } from "../../lib/live/rebuild";
import { plainSources } from "../../lib/live/meaning";
import { toAutomationSources } from "../../lib/model/sources";

/**
 * The program `import` writes says a live automation the library's way: a top range of severities as the
 * minimum, findings with the parents the library adds as one findings export.
 */
const codeOf = (...exports: Export[]) => {
  const rebuilt = rebuildExports(plainSources(toAutomationSources(exports)));
  if ("refused" in rebuilt) throw new Error(rebuilt.refused);
  return rebuilt.exports.map((e) => e.code);
};

describe("rebuilt exports read as a user would write them", () => {
  test("a contiguous top range of severities reads as its minimum; other ranges as the list", () => {
    expect(codeOf(Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }))).toEqual(["Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM })"]);
    expect(codeOf(Export.recommendations({ minimumSeverity: Severity.HIGH }))).toEqual([
      "Export.recommendations({ minimumSeverity: Severity.HIGH })",
    ]);
    expect(codeOf(Export.alerts({ severities: [AlertSeverity.LOW, AlertSeverity.HIGH] }))).toEqual([
      "Export.alerts({ severities: [AlertSeverity.LOW, AlertSeverity.HIGH] })",
    ]);
  });

  test("findings exported with their parents come back as one findings export, the parents not restated", () => {
    const code = codeOf(Export.findings({ recommendations: [Recommendation.SYSTEM_UPDATES] }));
    expect(code).toHaveLength(1);
    expect(code[0]).toMatch(/^Export\.findings\(\{ recommendations: \[Recommendation\.SYSTEM_UPDATES\] \}\)$/);
  });
});
