import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { EventhubAuthorizationRule } from "@cdktf/provider-azurerm/lib/eventhub-authorization-rule";
import { LighthouseAssignment } from "@cdktf/provider-azurerm/lib/lighthouse-assignment";
import { LighthouseDefinition } from "@cdktf/provider-azurerm/lib/lighthouse-definition";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { SecurityCenterAutomation } from "@cdktf/provider-azurerm/lib/security-center-automation";
import { Aspects, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { AzapiProvider, AzapiResource, ContinuousExportChecks } from "../../lib";
import { addExampleStacks } from "../../examples/stacks";
import { SUB, WORKSPACE_ID, errorOf, stackWithProvider } from "../helpers";

/** The check pack's annotations in a stack, as [rule id, level, resource path]. */
function findings(stack: TerraformStack, props = {}): Array<[string, string, string]> {
  Aspects.of(stack).add(new ContinuousExportChecks(props));
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((c: IConstruct) =>
      c.node.metadata
        .filter((m) => m.type === "@cdktf/error" || m.type === "@cdktf/warn")
        .map((m) => [String(m.data).slice(1, 7), m.type === "@cdktf/error" ? "error" : "warning", c.node.path] as [string, string, string]),
    )
    .filter(([id]) => id.startsWith("DFC"));
}
const messages = (stack: TerraformStack) =>
  stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.map((m) => String(m.data)))
    .filter((m) => m.startsWith("[DFC"));

const rule = (propertyPath: string, expectedValue: string, operator = "Equals", propertyType = "String") => ({
  propertyPath,
  expectedValue,
  operator,
  propertyType,
});
function handWritten(stack: TerraformStack, id: string, overrides: Record<string, unknown> = {}) {
  return new SecurityCenterAutomation(stack, id, {
    name: "ExportToWorkspace",
    location: "westeurope",
    resourceGroupName: "rg",
    scopes: [`/subscriptions/${SUB}`],
    source: [{ eventSource: "Alerts" }],
    action: [{ type: "Workspace", resourceId: WORKSPACE_ID }],
    ...overrides,
  });
}

describe("ContinuousExportChecks on the library's own output", () => {
  test("every example passes the check pack", () => {
    const app = Testing.app();
    addExampleStacks(app);
    for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
      expect([stack.node.id, findings(stack)]).toEqual([stack.node.id, []]);
    }
  });
});

describe("ContinuousExportChecks on hand-written automations", () => {
  test("the classic public-module mistakes are errors", () => {
    const { stack } = stackWithProvider();
    handWritten(stack, "Bad", {
      source: [
        { eventSource: "Alerts", ruleSet: [{ rule: [rule("Severity", "high"), rule("Severity", "medium")] }] },
        { eventSource: "Assessments", ruleSet: [{ rule: [rule("Severity", "High")] }] },
        { eventSource: "SubAssessments" },
        { eventSource: "alerts", ruleSet: [{ rule: [rule("properties.metadata.severity", "High", "Equals", "string")] }] },
      ],
      action: [{ type: "loganalytics", resourceId: WORKSPACE_ID }],
    });
    const found = findings(stack);
    const text = messages(stack).join("\n");
    expect(found.map(([id, level]) => `${id} ${level}`).sort()).toEqual(
      ["DFC001 error", "DFC002 error", "DFC030 warning", "DFC004 error", "DFC004 error", "DFC004 error"].sort(),
    );
    expect(text).toMatch(
      /\[DFC001\] Alerts, rule set 1: the rules "Severity Equals high" AND "Severity Equals medium" are ANDed in one rule set and can never all hold/,
    );
    expect(text).toMatch(/\[DFC002\] Assessments: the JPath "Severity" does not apply to security recommendations/);
    expect(text).toMatch(
      /\[DFC030\] SubAssessments whose parents may be missing from Assessments: the findings of every recommendation are exported, the parents only where the field Severity is "High"/,
    );
    expect(text).toMatch(/event source "alerts" is rejected\. Write "Alerts"/);
    expect(text).toMatch(/property type "string" is rejected by azurerm \(the REST API accepts it\)\. Write "String"\./);
    expect(text).toMatch(/action type "loganalytics" is rejected by azurerm 5\.x and the REST API\. Write "Workspace"/);
  });

  test("findings without any parent are an error; parents exported only under a filter are a warning that says which; with their parents they pass", () => {
    const { stack } = stackWithProvider();
    const key = "1195afff-c881-495e-9bc5-1486211ae03f";
    const findingsOf = { eventSource: "SubAssessments", ruleSet: [{ rule: [rule("id", `/assessments/${key}/`, "Contains")] }] };
    handWritten(stack, "NoParents", { name: "none", source: [findingsOf] });
    handWritten(stack, "Orphans", {
      source: [{ eventSource: "Assessments", ruleSet: [{ rule: [rule("name", "other-key-0000-0000-0000-000000000000", "Contains")] }] }, findingsOf],
    });
    // What Microsoft's export policy writes for chosen recommendations at High and Medium, with findings.
    handWritten(stack, "PolicyShape", {
      name: "policy",
      source: [
        {
          eventSource: "Assessments",
          ruleSet: ["High", "Medium"].map((s) => ({
            rule: [rule("name", key, "Contains"), rule("properties.metadata.severity", s)],
          })),
        },
        findingsOf,
      ],
    });
    handWritten(stack, "Fine", {
      name: "other",
      source: [{ eventSource: "Assessments", ruleSet: [{ rule: [rule("name", key, "Contains")] }] }, findingsOf],
    });
    expect(findings(stack)).toEqual([
      ["DFC003", "error", "test/NoParents"],
      ["DFC030", "warning", "test/Orphans"],
      // The policy's High rule set without its Critical twin (recommendations have had Critical since March 2025).
      ["DFC040", "warning", "test/PolicyShape"],
      ["DFC030", "warning", "test/PolicyShape"],
    ]);
    const text = messages(stack).join("\n");
    expect(text).toMatch(/\[DFC003\] SubAssessments without Assessments: no parent recommendation is exported/);
    expect(text).toMatch(/the parent Machines should have vulnerability findings resolved is not among the exported recommendations/);
    expect(text).toMatch(/the parent Machines should have vulnerability findings resolved only where severity is High or severity is Medium/);
  });

  test("attack paths are fine through azapi, not in lower case", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const body = (eventSource: string) => ({
      properties: {
        isEnabled: true,
        scopes: [{ scopePath: `/subscriptions/${SUB}` }],
        sources: [{ eventSource }],
        actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }],
      },
    });
    new AzapiResource(stack, "Good", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "a",
      parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
      body: body("AttackPaths"),
    });
    new AzapiResource(stack, "Bad", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "b",
      parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
      body: body("attackPaths"),
    });
    expect(findings(stack)).toEqual([["DFC004", "error", "test/Bad"]]);
  });

  test("attack paths on the azurerm resource are rejected", () => {
    const { stack } = stackWithProvider();
    handWritten(stack, "Old", { source: [{ eventSource: "AttackPaths" }] });
    expect(findings(stack)).toEqual([["DFC004", "error", "test/Old"]]);
    expect(messages(stack).join()).toMatch(/event source "AttackPaths" is rejected by azurerm \(API 2019-01-01-preview\)/);
  });

  test("an Event Hub action whose rule lacks Send is an error", () => {
    const { stack } = stackWithProvider();
    const listen = new EventhubAuthorizationRule(stack, "Listen", {
      name: "r",
      namespaceName: "ns",
      eventhubName: "eh",
      resourceGroupName: "rg",
      listen: true,
    });
    handWritten(stack, "Hub", {
      name: "ExportToEventHub",
      action: [
        {
          type: "EventHub",
          resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/eventhubs/eh`,
          connectionString: listen.primaryConnectionString,
        },
      ],
    });
    expect(findings(stack)).toEqual([["DFC005", "error", "test/Hub"]]);
  });

  test("two portal-visible exports of one kind in a subscription are warnings; warningsAsErrors makes them errors", () => {
    const make = () => {
      const { stack } = stackWithProvider();
      handWritten(stack, "One");
      handWritten(stack, "Two", { resourceGroupName: "rg2" });
      return stack;
    };
    expect(findings(make())).toEqual([
      ["DFC006", "warning", "test/One"],
      ["DFC006", "warning", "test/Two"],
    ]);
    expect(findings(make(), { warningsAsErrors: true }).map(([, level]) => level)).toEqual(["error", "error"]);
  });

  test("a secret in an output that is not sensitive is an error", () => {
    const { stack } = stackWithProvider();
    const rule_ = new EventhubAuthorizationRule(stack, "Send", {
      name: "r",
      namespaceName: "ns",
      eventhubName: "eh",
      resourceGroupName: "rg",
      send: true,
    });
    new TerraformOutput(stack, "leak", { value: rule_.primaryConnectionString });
    new TerraformOutput(stack, "fine", { value: rule_.primaryConnectionString, sensitive: true });
    expect(findings(stack)).toEqual([["DFC007", "error", "test/leak"]]);
  });

  test("literal secrets in automations and outputs are errors; references to sensitive attributes are fine", () => {
    const { stack } = stackWithProvider();
    const hubId = "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/eventhubs/eh";
    handWritten(stack, "Keyed", {
      name: "keyed",
      action: [
        {
          type: "EventHub",
          resourceId: hubId,
          connectionString: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=SECRETKEY=",
        },
      ],
    });
    handWritten(stack, "Signed", {
      name: "signed",
      action: [
        {
          type: "LogicApp",
          resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Logic/workflows/la`,
          triggerUrl: "https://prod.logic.azure.com/x?sp=%2F&sig=SECRET",
        },
      ],
    });
    new TerraformOutput(stack, "pasted", { value: "Endpoint=sb://ns/;SharedAccessKey=SECRETKEY=" });
    expect(findings(stack).sort()).toEqual([
      ["DFC007", "error", "test/pasted"],
      ["DFC009", "error", "test/Keyed"],
      ["DFC009", "error", "test/Signed"],
    ]);
    expect(messages(stack).filter((m) => m.includes("SECRET"))).toEqual([]);
  });

  test("Owner or Contributor on a whole subscription is a warning, but for a policy's own identity", () => {
    const { stack } = stackWithProvider();
    new RoleAssignment(stack, "Broad", { scope: `/subscriptions/${SUB}`, roleDefinitionName: "Contributor", principalId: "p" });
    new RoleAssignment(stack, "Policy", {
      scope: `/subscriptions/${SUB}`,
      roleDefinitionName: "Contributor",
      principalId: "${azurerm_subscription_policy_assignment.a.identity[0].principal_id}",
    });
    new RoleAssignment(stack, "OnTheWorkspace", { scope: WORKSPACE_ID, roleDefinitionName: "Contributor", principalId: "p" });
    expect(findings(stack)).toEqual([["DFC010", "warning", "test/Broad"]]);
  });

  test("one scope delegated through Lighthouse to two managing tenants is an error", () => {
    const { stack } = stackWithProvider();
    const scope = `/subscriptions/${SUB}/resourceGroups/rg-central`;
    for (const [id, tenant] of [
      ["A", "aaaaaaaa-0000-0000-0000-000000000001"],
      ["B", "bbbbbbbb-0000-0000-0000-000000000001"],
    ]) {
      const definition = new LighthouseDefinition(stack, `${id}Definition`, {
        name: id,
        managingTenantId: tenant,
        scope: `/subscriptions/${SUB}`,
        authorization: [{ principalId: "p", roleDefinitionId: "92aaf0da-9dab-42b6-94a3-d43ce8d16293" }],
      });
      new LighthouseAssignment(stack, `${id}Assignment`, { scope, lighthouseDefinitionId: definition.id });
    }
    expect(findings(stack).sort()).toEqual([
      ["DFC011", "error", "test/AAssignment"],
      ["DFC011", "error", "test/BAssignment"],
    ]);
  });

  test("an export role on a whole subscription is a warning; on the workspace it is fine", () => {
    const { stack } = stackWithProvider();
    new RoleAssignment(stack, "Broad", { scope: `/subscriptions/${SUB}`, roleDefinitionName: "Log Analytics Contributor", principalId: "p" });
    new RoleAssignment(stack, "Narrow", { scope: WORKSPACE_ID, roleDefinitionName: "Log Analytics Contributor", principalId: "p" });
    new RoleAssignment(stack, "ById", {
      scope: `/subscriptions/${SUB}/resourceGroups/rg`,
      roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/2b629674-e913-4c01-ae53-ef4638d8f975",
      principalId: "p",
    });
    expect(findings(stack)).toEqual([
      ["DFC008", "warning", "test/Broad"],
      ["DFC008", "warning", "test/ById"],
    ]);
  });
});

describe("suppression", () => {
  test("silences one check for a construct and what is below it, and needs a reason", () => {
    const { stack } = stackWithProvider();
    const one = handWritten(stack, "One");
    handWritten(stack, "Two", { resourceGroupName: "rg2" });
    ContinuousExportChecks.suppress(one, "DFC006", "the second export is API-only on purpose");
    expect(findings(stack)).toEqual([["DFC006", "warning", "test/Two"]]);
    expect(one.node.metadata.find((m) => m.type === "cdktf-defender-export:suppress")?.data).toEqual({
      id: "DFC006",
      reason: "the second export is API-only on purpose",
    });
    expect(errorOf(() => ContinuousExportChecks.suppress(one, "DFC999", "because of reasons"))).toMatch(/DFE100.*not a check/);
    expect(errorOf(() => ContinuousExportChecks.suppress(one, "DFC001", ""))).toMatch(/DFE101.*needs a reason/);
  });

  test("error findings fail a real synth", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "bad");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    handWritten(stack, "Bad", { source: [{ eventSource: "Alerts", ruleSet: [{ rule: [rule("Severity", "high"), rule("Severity", "low")] }] }] });
    ContinuousExportChecks.addTo(app);
    expect(errorOf(() => app.synth())).toMatch(/DFC001/);
  });
});
