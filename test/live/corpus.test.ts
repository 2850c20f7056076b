import { readLiveAutomations } from "../../lib/live/arm-input";
import { explainAutomation } from "../../lib/live/explain";
import { lintAutomations } from "../../lib/live/lint";
import { meaningOf, plainSources } from "../../lib/live/meaning";
import { importProgram } from "../../lib/live/program";
import { rebuildExports } from "../../lib/live/rebuild";
import { Export } from "../../lib/model/export";
import { PolicyKind, PolicyParameters, everyPolicyCombination, policyAutomation } from "./corpus/policy-templates";
import { PORTAL_CHOICES, portalAutomation } from "./corpus/portal";
import { REST_EXAMPLES } from "./corpus/rest-examples";
import { cdktfInitCompilerOptions, roundTrip, typeErrors } from "./live-fixtures";

/**
 * The corpus of real shapes: every parameter combination of Microsoft's built-in export policies, the REST API's
 * examples, and what the portal writes for its choices (each source in its fixture). For every one: lint reports
 * only real defects, explain says it in words, import adopts it and means exactly the same.
 */
const sub = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
const COMBINATIONS = everyPolicyCombination();
const KINDS: PolicyKind[] = ["workspace", "eventHub", "trustedEventHub"];
/** The fleet's automations, compiled with the corpus' program (one compile run for both). */
const FLEET_FOR_COMPILE: object[] = [];

/** The findings lint must report for what a policy deploys, worked out from its parameters alone. */
function expectedFindings(p: PolicyParameters): string[] {
  const types = new Set(p.exportedDataTypes);
  // The policy selects High, Medium and Low only: since March 2025 recommendations also have Critical, so a
  // severity filter never lets every parent through, and each rule set with High lacks its Critical twin (DFC040).
  const everySeverity = ["Critical", "High", "Medium", "Low"].every((s) => p.recommendationSeverities.includes(s));
  const out: string[] = [];
  for (const source of ["Security recommendations", "Security recommendations - snapshot"]) {
    if (types.has(source) && p.recommendationSeverities.includes("High")) {
      for (let i = 0; i < Math.max(1, p.recommendationNames.length); i++) out.push("DFC040 warning");
    }
  }
  const pairs: Array<[boolean, string]> = [
    [p.isSecurityFindingsEnabled, "Security recommendations"],
    [types.has("Security findings - snapshot"), "Security recommendations - snapshot"],
  ];
  for (const [findings, parent] of pairs) {
    if (!findings) continue;
    if (!types.has(parent)) out.push("DFC003 error");
    else if (!everySeverity) out.push("DFC030 warning");
  }
  return out.sort();
}

describe("Microsoft's built-in export policies, every parameter combination", () => {
  test(`the corpus covers the parameters (${COMBINATIONS.length} distinct automations per definition)`, () => {
    expect(COMBINATIONS.length).toBeGreaterThan(1000);
    const sources = new Set(
      COMBINATIONS.flatMap((p) => policyAutomation("workspace", sub(1), p).properties.sources.map((s: { eventSource: string }) => s.eventSource)),
    );
    expect([...sources].sort()).toEqual(
      [
        "Alerts",
        "Assessments",
        "AssessmentsSnapshot",
        "RegulatoryComplianceAssessment",
        "RegulatoryComplianceAssessmentSnapshot",
        "SecureScoreControls",
        "SecureScoreControlsSnapshot",
        "SecureScores",
        "SecureScoresSnapshot",
        "SubAssessments",
        "SubAssessmentsSnapshot",
      ].sort(),
    );
  });

  test("lint reports only real defects: findings with no parent at all (error), parents under a severity filter (warning), nothing else", () => {
    const arm = COMBINATIONS.map((p, i) => policyAutomation("workspace", sub(i), p));
    const live = readLiveAutomations(JSON.stringify(arm), "the corpus");
    const findings = lintAutomations(live);
    const problems: string[] = [];
    COMBINATIONS.forEach((p, i) => {
      const mine = findings
        .filter((f) => f.automationId === live[i].id)
        .map((f) => `${f.ruleId} ${f.level}`)
        .sort();
      if (JSON.stringify(mine) !== JSON.stringify(expectedFindings(p))) problems.push(`${JSON.stringify(p)}: ${mine.join(", ")}`);
    });
    expect(problems).toEqual([]);
  });

  test("every combination rebuilds as exports that mean exactly the same, typed where the filters say it, never refused", () => {
    const problems: string[] = [];
    let untyped = 0;
    for (const [i, p] of COMBINATIONS.entries()) {
      const [a] = readLiveAutomations(JSON.stringify(policyAutomation("workspace", sub(i), p)), "the corpus");
      const rebuilt = rebuildExports(a.view.sources);
      if ("refused" in rebuilt) {
        problems.push(`${JSON.stringify(p)}: ${rebuilt.refused}`);
        continue;
      }
      untyped += rebuilt.exports.filter((e) => !e.typed).length;
      const written = meaningOf(plainSources(Export.sourcesOf(rebuilt.exports.map((e) => e.export))));
      if (written !== meaningOf(a.view.sources)) problems.push(`${JSON.stringify(p)}: ${written}`);
      // Parents are left out exactly when the live automation does not export the parents the library adds.
      const withParents = rebuilt.exports.filter((e) => e.export.parentRecommendations === undefined && e.code.startsWith("Export.findings"));
      const libraryParents = rebuildsWithLibraryParents(p);
      if (withParents.length > 0 === libraryParents) problems.push(`${JSON.stringify(p)}: withParents false ${withParents.length}`);
    }
    expect(problems).toEqual([]);
    // The policy's rule sets are all sayable with typed filters.
    expect(untyped).toBe(0);
  });

  test.each(KINDS)("import of a sample of the %s definition's automations synthesizes, adopts each and means the same", (kind) => {
    const step = kind === "workspace" ? 24 : 60;
    const arm = COMBINATIONS.filter((_, i) => i % step === 0).map((p, i) => policyAutomation(kind, sub(i + 1), p));
    const { live, problems, refused } = roundTrip(arm);
    expect(live.length).toBeGreaterThan(25);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** Whether the library's own findings parents (the same recommendations, unfiltered) are what the policy exports. */
function rebuildsWithLibraryParents(p: PolicyParameters): boolean {
  const types = new Set(p.exportedDataTypes);
  const everySeverity = ["Critical", "High", "Medium", "Low"].every((s) => p.recommendationSeverities.includes(s));
  const streamingOk = !p.isSecurityFindingsEnabled || (types.has("Security recommendations") && everySeverity);
  const snapshotOk = !types.has("Security findings - snapshot") || (types.has("Security recommendations - snapshot") && everySeverity);
  return streamingOk && snapshotOk;
}

describe("the REST API's examples", () => {
  test.each(REST_EXAMPLES.map((e) => [e.file, e]))("%s: no finding, and import adopts it (or says why not)", (_file, example) => {
    const { live, problems, refused } = roundTrip([example.automation]);
    // A rule set selecting High recommendations without Critical is worth a warning (DFC040). One example scopes a
    // resource group of another subscription than the automation's, which Azure refuses (DFC017): a real defect.
    const findings = lintAutomations(live);
    expect(findings.filter((f) => f.ruleId !== "DFC040" && f.ruleId !== "DFC017")).toEqual([]);
    expect(findings.filter((f) => f.ruleId === "DFC017").length > 0).toBe(example.file === "GetAutomationsResourceGroup_example.json");
    expect(problems).toEqual([]);
    if (example.leftOut) expect(refused).toEqual([expect.stringMatching(example.leftOut)]);
    else expect(refused).toEqual([]);
  });
});

describe("what the portal writes", () => {
  test.each(PORTAL_CHOICES.map((c) => [c.choice, c]))("%s: lint, explain and import", (_choice, choice) => {
    const { live, problems, refused } = roundTrip([portalAutomation(choice, sub(7))]);
    const findings = lintAutomations(live);
    expect(findings.filter((f) => f.level === "error")).toEqual([]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    const words = explainAutomation(live[0], findings).join("\n");
    expect(words).not.toMatch(/Contains|Equals|propertyJPath|Microsoft\.Security\/assessments/);
  });

  test("the portal's recommendations at High with findings: a warning that names the missing parents, never an error", () => {
    const [choice] = PORTAL_CHOICES;
    const live = readLiveAutomations(JSON.stringify(portalAutomation(choice, sub(8))), "the portal");
    const findings = lintAutomations(live);
    // Also DFC040: High without its Critical twin. Warnings both, never an error.
    expect(findings.map((f) => `${f.ruleId} ${f.level}`)).toEqual(["DFC030 warning", "DFC040 warning"]);
    expect(findings[0].message).toMatch(/the findings of every recommendation are exported, the parents only where severity is High\./);
    const program = importProgram(live, findings);
    expect(program.refused).toEqual([]);
    expect(program.source).toContain("Export.findings({ withParents: false })");
    expect(program.source).toContain("Export.recommendations({ severities: [Severity.HIGH] })");
  });
});

describe("a tenant's policy-made fleet", () => {
  const params: PolicyParameters = {
    exportedDataTypes: ["Security recommendations", "Security alerts"],
    recommendationNames: [],
    recommendationSeverities: ["High", "Medium"],
    isSecurityFindingsEnabled: true,
    secureScoreControlsNames: [],
    alertSeverities: ["High", "Medium", "Low"],
    regulatoryComplianceStandardsNames: [],
  };
  // One assignment: one workspace (in a central subscription) for every subscription.
  const central = sub(999);
  const fleet = [1, 2, 3, 4].map((n) => policyAutomation("workspace", sub(500 + n), params, n === 4 ? "rg-other" : "rg-defender-export", central));
  // The same request but one subscription's filters were edited in the portal: not part of the fleet.
  const edited = policyAutomation("workspace", sub(599), { ...params, alertSeverities: ["High"] }, "rg-defender-export", central);
  // Two automations of one subscription never fold.
  const arm = [...fleet, edited];

  test("folds the automations that differ only by subscription into one ContinuousExportFleet (for_each), adopting each", () => {
    const live = readLiveAutomations(JSON.stringify(arm), "the tenant");
    const program = importProgram(live, lintAutomations(live));
    expect(program.source.match(/new ContinuousExportFleet\(/g)).toHaveLength(1);
    expect(program.source.match(/new ContinuousExport\(/g)).toHaveLength(1);
    expect(program.source).toContain("layout: FleetLayout.FOR_EACH");
    expect(program.source).toContain('resourceGroupName: "rg-other"');
    const { problems, refused } = roundTrip(arm);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    // Compiled with the corpus' programs below.
    FLEET_FOR_COMPILE.push(...arm);
  });
});

describe("the corpus' programs compile", () => {
  test("under strict tsc and under the tsconfig `cdktf init` writes (portal, REST, policy samples, a folded fleet)", () => {
    const arm = [
      ...FLEET_FOR_COMPILE,
      ...PORTAL_CHOICES.map((c, i) => portalAutomation(c, sub(100 + i))),
      ...REST_EXAMPLES.map((e) => e.automation).slice(0, 1),
      ...KINDS.flatMap((kind, k) => COMBINATIONS.filter((_, i) => i % 97 === 0).map((p, i) => policyAutomation(kind, sub(1000 * (k + 1) + i), p))),
    ];
    const live = readLiveAutomations(JSON.stringify(arm), "the corpus");
    const program = importProgram(live, lintAutomations(live));
    expect(program.refused).toEqual([]);
    expect(typeErrors(program.source)).toEqual([]);
    expect(typeErrors(program.source, cdktfInitCompilerOptions())).toEqual([]);
  });

  test("a program that adopts nothing compiles under `cdktf init`'s tsconfig too (no unused imports)", () => {
    const [elsewhere] = REST_EXAMPLES.filter((e) => e.leftOut);
    const live = readLiveAutomations(JSON.stringify([elsewhere.automation]), "the corpus");
    const program = importProgram(live, lintAutomations(live));
    expect(program.imported).toEqual([]);
    expect(typeErrors(program.source, cdktfInitCompilerOptions())).toEqual([]);
  });
});
