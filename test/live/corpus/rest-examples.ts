/**
 * The automations of the REST API's own examples for `Microsoft.Security/automations`, the 200 response bodies
 * transcribed (Azure/azure-rest-api-specs, `specification/security/resource-manager/Microsoft.Security/preview/
 * 2023-12-01-preview/examples/Automations/`, read 2026-12). The 201 bodies of the PUT examples name the type
 * `Microsoft.Security/SecurityAutomations`, which ARM does not return for a GET: they are left out.
 */

type Json = { [key: string]: any };

const SUB = "a5caac9c-5c04-49af-b3d0-e204f40345d5";
const ID = `/subscriptions/${SUB}/resourceGroups/exampleResourceGroup/providers/Microsoft.Security/automations/exampleAutomation`;
const SCOPE = {
  description:
    "A description that helps to identify this scope - for example: security assessments that relate to the resource group myResourceGroup within the subscription a5caac9c-5c04-49af-b3d0-e204f40345d5",
  scopePath: `/subscriptions/${SUB}/resourceGroups/myResourceGroup`,
};
const LOGIC_APP = {
  logicAppResourceId: "/subscriptions/e54a4a18-5b94-4f90-9471-bd3decad8a2e/resourceGroups/sample/providers/Microsoft.Logic/workflows/MyTest1",
  actionType: "LogicApp",
};
const CUSTOM_ASSESSMENT = {
  eventSource: "Assessments",
  ruleSets: [
    { rules: [{ propertyJPath: "$.Entity.AssessmentType", propertyType: "String", expectedValue: "customAssessment", operator: "Equals" }] },
  ],
};

const automation = (id: string, description: string, isEnabled: boolean, sources: Json[], etag = "etag value"): Json => ({
  id,
  name: "exampleAutomation",
  type: "Microsoft.Security/automations",
  etag,
  location: "Central US",
  tags: {},
  properties: { description, isEnabled, scopes: [SCOPE], sources, actions: [LOGIC_APP] },
});

/** One example: its file, and the automation its response holds. */
export interface RestExample {
  readonly file: string;
  readonly automation: Json;
  /** Why `import` leaves it out, when it does (a pattern of the reason). */
  readonly leftOut?: RegExp;
}

/** The examples, each with its file. */
export const REST_EXAMPLES: readonly RestExample[] = [
  {
    file: "GetAutomationResourceGroup_example.json",
    automation: automation(
      ID,
      "An example of a security automation that triggers one LogicApp resource (myTest1) on any security assessment of type customAssessment",
      true,
      [CUSTOM_ASSESSMENT],
    ),
  },
  {
    // The list example's automation lives in subscription e4272367… while its scope names a5caac9c…: a scope outside
    // its own subscription, which the service documents as unsupported ("the subscription itself or a resource group
    // under that subscription").
    file: "GetAutomationsResourceGroup_example.json",
    automation: automation(
      ID.replace(SUB, "e4272367-5645-4c4e-9c67-3b74b59a6982"),
      "An example of a security automation that triggers one LogicApp resource (myTest1) on any security assessment of type customAssessment",
      true,
      [CUSTOM_ASSESSMENT],
    ),
    leftOut: /\[DFC017\] the scope .* is in subscription .*, but the automation lives in/,
  },
  {
    file: "PutAutomationHighSeverityAssessments_example.json",
    automation: automation(
      ID,
      "An example of a security automation that triggers one LogicApp resource (myTest1) on any high severity security assessment",
      true,
      [
        {
          eventSource: "Assessments",
          ruleSets: [
            { rules: [{ propertyJPath: "properties.metadata.severity", propertyType: "String", expectedValue: "High", operator: "Equals" }] },
          ],
        },
      ],
      "new etag value",
    ),
  },
  {
    file: "PutDisableAutomation_example.json",
    automation: automation(
      ID,
      "An example of a security automation that triggers one LogicApp resource (myTest1) on any security assessment of type customAssessment",
      false,
      [CUSTOM_ASSESSMENT],
      "new etag value",
    ),
  },
  {
    file: "PatchAutomation_example.json",
    automation: automation(
      ID,
      "An example of a security automation that triggers one LogicApp resource (myTest1) on any security assessment",
      true,
      [{ eventSource: "Assessments", ruleSets: [] }],
      "new etag value",
    ),
  },
];
