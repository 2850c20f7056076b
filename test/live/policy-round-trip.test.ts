import { readLiveAutomations } from "../../lib/live/arm-input";
import { meaningOf } from "../../lib/live/meaning";
import { rebuildExports } from "../../lib/live/rebuild";
import { toPolicyParameters } from "../../lib/policy/parameters";
import { everyPolicyCombination, policyAutomation, templateSources } from "./corpus/policy-templates";

/**
 * Policy → library → policy: what a built-in export policy deploys, imported as exports, translated back into the
 * policy's parameters by the policy route, and evaluated by the policy template again, means the same. The
 * template (transcribed from Microsoft's definitions) is the judge of both directions.
 */
test("every parameter combination survives import and translation back to the policy's parameters", () => {
  const problems: string[] = [];
  for (const [i, p] of everyPolicyCombination().entries()) {
    if (i % 3 !== 0) continue; // a third of them: the same code paths, a third of the time
    const [a] = readLiveAutomations(JSON.stringify(policyAutomation("workspace", "00000000-0000-0000-0000-0000000000e9", p)), "the corpus");
    const rebuilt = rebuildExports(a.view.sources);
    if (!("exports" in rebuilt)) {
      problems.push(`refused ${JSON.stringify(p)}`);
      continue;
    }
    const { parameters, unsupported } = toPolicyParameters(rebuilt.exports.map((e) => e.export));
    if (unsupported.length > 0) {
      problems.push(`${JSON.stringify(p)}: ${unsupported.join("; ")}`);
      continue;
    }
    const again = templateSources(parameters).map((s) => ({
      eventSource: s.eventSource,
      ruleSets: (s.ruleSets ?? []).map((set: { rules: object[] }) => set.rules),
    }));
    if (meaningOf(again) !== meaningOf(a.view.sources)) problems.push(`${JSON.stringify(p)} → ${JSON.stringify(parameters)}`);
  }
  expect(problems.slice(0, 5)).toEqual([]);
});
