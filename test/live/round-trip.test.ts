import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readLiveAutomations, LiveAutomation } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { meaningOf } from "../../lib/live/meaning";
import { PACKAGE_NAME, importProgram } from "../../lib/live/program";
import { instancesOf } from "../../lib/writers/instances";
import { readAutomation } from "../../lib/writers/writer";
import { exampleAutomationsAsArm, policyDeployed, synthesizeProgram } from "./live-fixtures";

/**
 * The import's guarantee: the program it writes synthesizes, for each live automation, an automation
 * whose sources mean exactly what the live one's mean, in the same place, with the same destinations,
 * and an import block for its id.
 */
function roundTrip(arm: object[]): { live: LiveAutomation[]; problems: string[]; refused: string[] } {
  const live = readLiveAutomations(JSON.stringify(arm), "the test input");
  const program = importProgram(live, lintAutomations(live));
  const json = synthesizeProgram(program.source);
  const written = Object.entries(json.resource?.azapi_resource ?? {}).flatMap(([name, body]) =>
    instancesOf(`azapi_resource.${name}`, body as object, json.locals).flatMap((i) => {
      const view = readAutomation(i.address, i.json);
      return view ? [{ view, json: i.json, address: i.address }] : [];
    }),
  );
  const problems: string[] = [];
  for (const a of live.filter((x) => program.imported.includes(x.id))) {
    const match = written.find(
      (w) =>
        w.view.name === a.name &&
        w.json.parent_id.toLowerCase() === `/subscriptions/${a.subscriptionId}/resourceGroups/${a.resourceGroupName}`.toLowerCase(),
    );
    if (!match) {
      problems.push(`${a.id}: not written`);
      continue;
    }
    const differs = (what: string, mine: unknown, theirs: unknown) => {
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) problems.push(`${a.id}: ${what} ${JSON.stringify(mine)} != ${JSON.stringify(theirs)}`);
    };
    differs("sources", meaningOf(match.view.sources), meaningOf(a.view.sources));
    differs(
      "destinations",
      match.view.actions.map((x) => `${x.actionType} ${x.resourceId.toLowerCase()} ${x.trusted}`).sort(),
      a.view.actions.map((x) => `${x.actionType} ${x.resourceId.toLowerCase()} ${x.trusted}`).sort(),
    );
    differs("scopes", match.view.scopes.map((s) => s.toLowerCase()).sort(), a.view.scopes.map((s) => s.toLowerCase()).sort());
    differs("enabled", match.view.enabled, a.view.enabled);
    differs("location", match.json.location, a.location.toLowerCase().replace(/\s/g, ""));
    const imports = (json.import ?? []).filter((i: { to: string }) => i.to === match.address);
    differs(
      "import ids",
      imports.map((i: { id: string }) => i.id.split("?")[0]),
      [a.id],
    );
  }
  return { live, problems, refused: program.refused.map((r) => `${r.id}: ${r.reasons.join(" ")}`) };
}

describe("import round trip", () => {
  test("every automation the examples synthesize, read back as ARM returns it, is imported and means the same", () => {
    const arm = exampleAutomationsAsArm();
    expect(arm.length).toBeGreaterThan(60);
    // One portal-visible export of a kind per subscription: the examples' fleets repeat one request, so take the first instance of each automation.
    const { problems, refused } = roundTrip(arm);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });

  test.each([
    [
      "the portal's default (every data type, findings on)",
      {
        exportedDataTypes: ["Security recommendations", "Security alerts", "Overall secure score", "Secure score controls", "Regulatory compliance"],
        isSecurityFindingsEnabled: true,
      },
    ],
    [
      "high alerts and chosen recommendations",
      {
        exportedDataTypes: ["Security recommendations", "Security alerts"],
        alertSeverities: ["High"],
        recommendationNames: ["1195afff-c881-495e-9bc5-1486211ae03f", "4fb67663-9ab9-475d-b026-8c544cced439"],
        recommendationSeverities: ["High", "Medium"],
      },
    ],
    [
      "snapshots of controls and standards",
      {
        exportedDataTypes: ["Secure score controls", "Secure score controls - snapshot", "Regulatory compliance - snapshot"],
        secureScoreControlsNames: ["ee7e6de7-5d9a-4fc0-9ad2-4d13bb7ec9a2"],
        regulatoryComplianceStandardsNames: ["Azure-CIS-1.1.0"],
      },
    ],
  ])("what Microsoft's built-in workspace policy deploys: %s", (_name, params) => {
    const { problems, refused } = roundTrip([policyDeployed("00000000-0000-0000-0000-0000000000b1", params)]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe("REST-shaped samples (the REST API's response shapes, own values)", () => {
  const SUB = "00000000-0000-0000-0000-0000000000c1";
  const base = (name: string, properties: object, location = "Central US") => ({
    id: `/subscriptions/${SUB}/resourceGroups/exampleResourceGroup/providers/Microsoft.Security/automations/${name}`,
    name,
    type: "Microsoft.Security/automations",
    etag: "etag value",
    location,
    tags: {},
    properties,
  });
  const logicApp = [
    { actionType: "LogicApp", logicAppResourceId: `/subscriptions/${SUB}/resourceGroups/sample/providers/Microsoft.Logic/workflows/MyTest1` },
  ];
  const rgScope = [{ description: "the resource group myResourceGroup", scopePath: `/subscriptions/${SUB}/resourceGroups/myResourceGroup` }];
  const samples = [
    base("highSeverityAssessments", {
      description: "Triggers a Logic App on every high severity assessment",
      isEnabled: true,
      scopes: rgScope,
      sources: [
        {
          eventSource: "Assessments",
          ruleSets: [
            { rules: [{ propertyJPath: "properties.metadata.severity", propertyType: "String", expectedValue: "High", operator: "Equals" }] },
          ],
        },
      ],
      actions: logicApp,
    }),
    base("allAssessments", { isEnabled: true, scopes: rgScope, sources: [{ eventSource: "Assessments" }], actions: logicApp }),
    base("disabledAutomation", { isEnabled: false, scopes: rgScope, sources: [{ eventSource: "Assessments", ruleSets: [] }], actions: logicApp }),
    base("customAssessments", {
      isEnabled: true,
      scopes: rgScope,
      sources: [
        {
          eventSource: "Assessments",
          ruleSets: [
            { rules: [{ propertyJPath: "$.Entity.AssessmentType", propertyType: "String", expectedValue: "customAssessment", operator: "Equals" }] },
          ],
        },
      ],
      actions: logicApp,
    }),
  ];

  test("a REST list round-trips: resource-group scopes, no rule sets, disabled, raw JPaths, display-name locations", () => {
    const { live, problems, refused } = roundTrip(samples);
    expect(live).toHaveLength(4);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("an automation scoped to another subscription is left out, with the reason", () => {
    const elsewhere = base("elsewhere", {
      isEnabled: true,
      scopes: [{ scopePath: "/subscriptions/00000000-0000-0000-0000-0000000000c2/resourceGroups/other" }],
      sources: [{ eventSource: "Alerts" }],
      actions: logicApp,
    });
    const { refused } = roundTrip([elsewhere, samples[0]]);
    expect(refused).toEqual([expect.stringMatching(/elsewhere: \[DFC017\] the scope \S+ is in subscription \S+, but the automation lives in/)]);
  });
});

describe("the imported program type-checks", () => {
  test("as strict TypeScript against the package's types (the examples' automations, the policy's, and raw rules)", () => {
    const arm = [
      ...exampleAutomationsAsArm().filter((a) => !/\/10000000-0000-0000-0000-0000000000[1-9][0-9]\//.test(a.id)),
      policyDeployed("00000000-0000-0000-0000-0000000000b1", {
        exportedDataTypes: ["Security recommendations", "Security alerts"],
        recommendationNames: ["1195afff-c881-495e-9bc5-1486211ae03f"],
      }),
      {
        id: "/subscriptions/00000000-0000-0000-0000-0000000000b2/resourceGroups/rg/providers/Microsoft.Security/automations/custom",
        name: "custom",
        location: "Central US",
        properties: {
          isEnabled: false,
          scopes: [{ scopePath: "/subscriptions/00000000-0000-0000-0000-0000000000b2/resourceGroups/myResourceGroup" }],
          sources: [
            {
              eventSource: "Assessments",
              ruleSets: [
                {
                  rules: [
                    { propertyJPath: "$.Entity.AssessmentType", propertyType: "String", expectedValue: "customAssessment", operator: "Equals" },
                  ],
                },
              ],
            },
          ],
          actions: [
            {
              actionType: "LogicApp",
              logicAppResourceId:
                "/subscriptions/00000000-0000-0000-0000-0000000000b2/resourceGroups/sample/providers/Microsoft.Logic/workflows/MyTest1",
            },
          ],
        },
      },
    ];
    const live = readLiveAutomations(JSON.stringify(arm), "the test input");
    const program = importProgram(live, lintAutomations(live));
    expect(program.refused).toEqual([]);
    expect(program.source).toContain("// Raw rules (`where`)");
    expect(typeErrors(program.source)).toEqual([]);
  });
});

/** The compiler's errors for a program importing the package by name (resolved to this library's source). */
function typeErrors(source: string): string[] {
  const root = join(__dirname, "..", "..");
  const dir = mkdtempSync(join(root, ".imported-check-"));
  try {
    writeFileSync(join(dir, "program.ts"), source);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "commonjs",
          moduleResolution: "node",
          target: "es2022",
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
          baseUrl: ".",
          paths: { [PACKAGE_NAME]: [join(root, "lib", "index.ts")] },
        },
        files: ["program.ts"],
      }),
    );
    try {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8", stdio: "pipe" });
      return [];
    } catch (e) {
      return String((e as { stdout?: string }).stdout)
        .split("\n")
        .filter((l) => l.trim() !== "");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
