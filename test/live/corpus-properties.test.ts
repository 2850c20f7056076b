import fc from "fast-check";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { diffAutomations } from "../../lib/live/diff";
import { lintAutomations } from "../../lib/live/lint";
import { meaningOf, plainSources } from "../../lib/live/meaning";
import { rebuildExports } from "../../lib/live/rebuild";
import { Export } from "../../lib/model/export";
import { DATA_TYPE_MAP, PolicyParameters, policyAutomation } from "./corpus/policy-templates";

/**
 * Property tests over the corpus' generator: any parameters Microsoft's export policies take (not only the
 * enumerated combinations) give an automation that lints with exactly the expected findings and rebuilds, never
 * refused, into exports of the same meaning; and `diff` sees no drift between an automation and itself read
 * back in any order and case, and drift as soon as one rule set goes.
 */
const SEVERITIES = ["High", "Medium", "Low"];
const KEYS = ["1195afff-c881-495e-9bc5-1486211ae03f", "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27", "0a7f1a8e-1c2b-4c3d-8e9f-0123456789ab"];
const parameters: fc.Arbitrary<PolicyParameters> = fc.record({
  exportedDataTypes: fc.shuffledSubarray(Object.keys(DATA_TYPE_MAP), { minLength: 1 }),
  recommendationNames: fc.shuffledSubarray(KEYS),
  recommendationSeverities: fc.shuffledSubarray(SEVERITIES, { minLength: 1 }),
  isSecurityFindingsEnabled: fc.boolean(),
  secureScoreControlsNames: fc.shuffledSubarray(["ee7e6de7-5d9a-4fc0-9ad2-4d13bb7ec9a2", "1b1e9b3c-3b5f-4d8f-9b8e-2f3e4d5c6b7a"]),
  alertSeverities: fc.shuffledSubarray(SEVERITIES, { minLength: 1 }),
  regulatoryComplianceStandardsNames: fc.shuffledSubarray(["Azure-CIS-1.1.0", "PCI-DSS-3.2.1", "ISO-27001"]),
});
const kind = fc.constantFrom("workspace" as const, "eventHub" as const, "trustedEventHub" as const);
const SUB = "00000000-0000-0000-0000-0000000000d1";

test("any policy parameters: lint finds exactly the parent problems, and the automation rebuilds with the same meaning", () => {
  fc.assert(
    fc.property(parameters, kind, (p, k) => {
      const [a] = readLiveAutomations(JSON.stringify(policyAutomation(k, SUB, p)), "the property");
      const types = new Set(p.exportedDataTypes);
      // The policy's severities (High, Medium, Low) never include Critical: a severity filter never lets every parent
      // through, and each recommendation rule set with High lacks its Critical twin (DFC040).
      const every = false;
      const highSets = p.recommendationSeverities.includes("High") ? Math.max(1, p.recommendationNames.length) : 0;
      const dfc040 = ["Security recommendations", "Security recommendations - snapshot"].flatMap((t) =>
        types.has(t) ? Array(highSets).fill("DFC040") : [],
      );
      const expected = [
        ...dfc040,
        ...(p.isSecurityFindingsEnabled ? [!types.has("Security recommendations") ? "DFC003" : every ? "" : "DFC030"] : []),
        ...(types.has("Security findings - snapshot") ? [!types.has("Security recommendations - snapshot") ? "DFC003" : every ? "" : "DFC030"] : []),
      ]
        .filter((x) => x)
        .sort();
      expect(
        lintAutomations([a])
          .map((f) => f.ruleId)
          .sort(),
      ).toEqual(expected);
      const rebuilt = rebuildExports(a.view.sources);
      expect("exports" in rebuilt).toBe(true);
      if ("exports" in rebuilt) {
        expect(meaningOf(plainSources(Export.sourcesOf(rebuilt.exports.map((e) => e.export))))).toBe(meaningOf(a.view.sources));
      }
    }),
    { numRuns: 300 },
  );
});

test("diff: an automation against itself reordered and re-cased is the same; without one of its rule sets it has drifted", () => {
  fc.assert(
    fc.property(parameters, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
      const arm = policyAutomation("workspace", SUB, p);
      const [live] = readLiveAutomations(JSON.stringify(arm), "live");
      const shuffled = JSON.parse(JSON.stringify(arm));
      shuffled.properties.sources.reverse();
      for (const s of shuffled.properties.sources) {
        if (!Array.isArray(s.ruleSets)) continue;
        s.ruleSets.reverse();
        for (const set of s.ruleSets) {
          set.rules.reverse();
          for (const r of set.rules) r.expectedValue = seed % 2 ? r.expectedValue.toUpperCase() : r.expectedValue.toLowerCase();
        }
      }
      const [code] = readLiveAutomations(JSON.stringify(shuffled), "code");
      expect(diffAutomations([live], [{ address: "stack: x", id: code.id, view: code.view }]).drift).toBe(false);
      // One rule set fewer where a source has several that do not cover a complete list: drift.
      const narrowed = JSON.parse(JSON.stringify(arm));
      const source = narrowed.properties.sources.find(
        (s: { eventSource: string; ruleSets: unknown }) => s.eventSource === "Alerts" && Array.isArray(s.ruleSets) && s.ruleSets.length > 1,
      );
      if (!source) return;
      source.ruleSets.splice(seed % source.ruleSets.length, 1);
      const [less] = readLiveAutomations(JSON.stringify(narrowed), "code");
      const report = diffAutomations([live], [{ address: "stack: x", id: less.id, view: less.view }]);
      expect(report.drift).toBe(true);
      expect(report.entries[0].changes.join("\n")).toMatch(/^Security alerts \(streaming\): live exports /);
    }),
    { numRuns: 200 },
  );
});
