import { readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { importProgram } from "../../lib/live/program";
import { cdktfInitCompilerOptions, exampleAutomationsAsArm, policyDeployed, roundTrip, typeErrors } from "./live-fixtures";

describe("import round trip", () => {
  test("every automation the examples synthesize, read back as ARM returns it, is imported and means the same", () => {
    const arm = exampleAutomationsAsArm();
    expect(arm.length).toBeGreaterThan(60);
    // One portal-visible export of a kind per subscription: the examples' fleets repeat one request, so take the first instance of each automation.
    const { problems, refused } = roundTrip(arm);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("what Microsoft's built-in workspace policy deploys with findings on is adopted, never refused, though its parents (High, Medium, Low) leave out Critical", () => {
    const { refused, problems } = roundTrip([
      policyDeployed("00000000-0000-0000-0000-0000000000b1", {
        exportedDataTypes: ["Security recommendations", "Security alerts", "Overall secure score", "Secure score controls", "Regulatory compliance"],
        isSecurityFindingsEnabled: true,
      }),
    ]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  });

  test.each([
    [
      "the portal's default without findings (every data type)",
      {
        exportedDataTypes: ["Security recommendations", "Security alerts", "Overall secure score", "Secure score controls", "Regulatory compliance"],
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
    expect(typeErrors(program.source, cdktfInitCompilerOptions())).toEqual([]);
  });
});
