import { EventhubAuthorizationRule } from "@cdktf/provider-azurerm/lib/eventhub-authorization-rule";
import { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import { DataAzurermEventhubNamespaceAuthorizationRule } from "@cdktf/provider-azurerm/lib/data-azurerm-eventhub-namespace-authorization-rule";
import { DataAzurermEventhubAuthorizationRule } from "@cdktf/provider-azurerm/lib/data-azurerm-eventhub-authorization-rule";
import { LighthouseAssignment } from "@cdktf/provider-azurerm/lib/lighthouse-assignment";
import { LighthouseDefinition } from "@cdktf/provider-azurerm/lib/lighthouse-definition";
import { LogicAppTriggerHttpRequest } from "@cdktf/provider-azurerm/lib/logic-app-trigger-http-request";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Aspects, Fn, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AzapiProvider, AzapiResource, ContinuousExportChecks } from "../../lib";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { LiveInputError } from "../../lib/live/live-input-error";
import { OTHER_SUB, SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

/**
 * Each defect class of the check pack, judged by the same rules on a stack (an azapi automation, the REST
 * shape) and on live JSON (the same properties as Azure returns them): the bad cases are found, the
 * correct neighbours are not.
 */
type Json = { [key: string]: any };
const HUB_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/eventhubs/eh`;
const FLOW_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Logic/workflows/flow`;
const r = (propertyJPath: string, operator: string, expectedValue: string, propertyType = "String") => ({
  propertyJPath,
  operator,
  expectedValue,
  propertyType,
});
const props = (overrides: Json = {}): Json => ({
  isEnabled: true,
  scopes: [{ scopePath: `/subscriptions/${SUB}` }],
  sources: [{ eventSource: "Alerts" }],
  actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }],
  ...overrides,
});
const source = (eventSource: string, ...sets: Json[][]) => ({ sources: [{ eventSource, ruleSets: sets.map((rules) => ({ rules })) }] });

/** The pack's check ids on a stack holding one azapi automation of these properties. */
function onStack(properties: Json): string[] {
  const { stack } = stackWithProvider();
  new AzapiProvider(stack, "azapi", {});
  new AzapiResource(stack, "Automation", {
    resourceType: "Microsoft.Security/automations@2023-12-01-preview",
    name: "automation",
    location: "westeurope",
    parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
    body: { properties },
  });
  return packIds(stack);
}

/** The pack's check ids on the same properties read as Azure returns them. */
function onLive(properties: Json): string[] {
  const arm = {
    id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/automations/automation`,
    type: "Microsoft.Security/automations",
    location: "westeurope",
    properties,
  };
  try {
    return lintAutomations(readLiveAutomations(JSON.stringify(arm), "test")).map((f) => f.ruleId);
  } catch (e) {
    // The command's reader refuses an automation without a field the checks need (DFE151): never read, never adopted.
    if (e instanceof LiveInputError) return [`refused:${/\[(DFE\d+)\]/.exec(e.message)?.[1]}`];
    throw e;
  }
}

function packIds(stack: TerraformStack): string[] {
  Aspects.of(stack).add(new ContinuousExportChecks());
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.map((m) => String(m.data)))
    .filter((m) => m.startsWith("[DFC"))
    .map((m) => m.slice(1, 7))
    .sort();
}
const messagesOf = (stack: TerraformStack) =>
  stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.map((m) => String(m.data)))
    .filter((m) => m.startsWith("[DFC"));

/** Rule classes: each bad case yields exactly its check, on a stack and live; each good neighbour yields none. */
const CLASSES: ReadonlyArray<{ id: string; what: string; bad: Json[]; good: Json[] }> = [
  {
    id: "DFC012",
    what: "a value outside the values of its JPath",
    bad: [
      source("Alerts", [r("Severity", "Equals", "Hight")]),
      source("Alerts", [r("Severity", "Equals", "High ")]),
      source("Alerts", [r("Severity", "NotEquals", "Hgh")]),
      source("Alerts", [r("Severity", "Equals", "Critical")]),
      source("Assessments", [r("properties.metadata.severity", "Equals", "Informational")]),
      source("Assessments", [r("properties.status.code", "Equals", "Unhealty")]),
      source("AssessmentsSnapshot", [r("properties.metadata.severity", "StartsWith", "Hi ")]),
      source("AttackPaths", [r("attackPath.riskLevel", "Contains", "Severe")]),
    ],
    good: [
      source("Alerts", [r("Severity", "Equals", "high")], [r("Severity", "Equals", "Informational")]),
      source("Alerts", [r("Severity", "NotEquals", "low")]),
      source("Assessments", [r("properties.metadata.severity", "Equals", "High")], [r("properties.status.code", "Contains", "health")]),
      source("AttackPaths", [r("attackPath.riskLevel", "Equals", "critical")]),
      source("Alerts", [r("AlertType", "Equals", "Hight")]),
    ],
  },
  {
    id: "DFC013",
    what: "a rule set that excludes every value",
    bad: [
      source("Alerts", [
        r("Severity", "NotEquals", "High"),
        r("Severity", "NotEquals", "Medium"),
        r("Severity", "NotEquals", "Low"),
        r("Severity", "NotEquals", "Informational"),
      ]),
      source("Assessments", [r("properties.status.code", "StartsWith", "Un"), r("properties.status.code", "EndsWith", "e")]),
    ],
    good: [
      source("Alerts", [r("Severity", "NotEquals", "Low"), r("Severity", "NotEquals", "Informational")]),
      source("Assessments", [r("properties.status.code", "StartsWith", "Un"), r("properties.status.code", "EndsWith", "y")]),
    ],
  },
  {
    id: "DFC014",
    what: "a value not of its property type",
    bad: [
      source("Alerts", [r("properties.count", "Equals", "high", "Integer")]),
      source("Alerts", [r("IsIncident", "Equals", "yes", "Boolean")]),
      source("SecureScores", [r("properties.score.current", "GreaterThan", "5,5", "Number")]),
      source("SecureScores", [r("properties.score.max", "Equals", "2.0", "Integer")]),
    ],
    good: [
      source("Alerts", [r("properties.count", "Equals", "-3", "Integer")]),
      source("Alerts", [r("IsIncident", "Equals", "TRUE", "Boolean")]),
      source("SecureScores", [r("properties.score.current", "GreaterThan", "5.5", "Number")]),
    ],
  },
  {
    id: "DFC015",
    what: "a numeric compare on text",
    bad: [
      source("Alerts", [r("Severity", "GreaterThan", "Medium")]),
      source("Alerts", [r("AlertDisplayName", "LesserThan", "5")]),
      source("SecureScores", [r("properties.score.current", "Contains", "5", "Number")]),
      source("Alerts", [r("Severity", "Equals", "3", "Integer")]),
    ],
    good: [
      source("SecureScores", [r("properties.score.current", "GreaterThanOrEqualTo", "5", "Number")]),
      source("Alerts", [r("AlertDisplayName", "Contains", "5")]),
    ],
  },
  {
    id: "DFC016",
    what: "a near-miss JPath",
    bad: [
      source("AttackPaths", [r("riskLevel", "Equals", "High")]),
      source("AttackPaths", [r("properties.riskLevel", "Equals", "High")]),
      source("AttackPathsSnapshot", [r("attackPaths.riskLevel", "Equals", "High")]),
      source("Assessments", [r("properties.severity", "Equals", "High")]),
    ],
    good: [
      source("AttackPaths", [r("attackPath.riskLevel", "Equals", "High")]),
      source("AttackPaths", [r("attackPath.displayName", "Contains", "internet")]),
      source("Assessments", [r("properties.displayName", "Contains", "severity")]),
    ],
  },
  {
    id: "DFC017",
    what: "no scope, a malformed one, or one in another subscription",
    bad: [
      { scopes: [] },
      { scopes: [{ scopePath: `/subscriptions/${OTHER_SUB}` }] },
      { scopes: [{ scopePath: `/subscriptions/${SUB}` }, { scopePath: `/subscriptions/${OTHER_SUB}/resourceGroups/rg` }] },
      { scopes: [{ scopePath: `/subscriptions/${SUB}/resourceGroups` }] },
      { scopes: [{ scopePath: "" }] },
    ],
    good: [
      { scopes: [{ scopePath: `/subscriptions/${SUB.toUpperCase()}` }] },
      { scopes: [{ scopePath: `/subscriptions/${SUB}/resourceGroups/rg-a` }, { scopePath: `/subscriptions/${SUB}/resourceGroups/rg-b` }] },
    ],
  },
  {
    id: "DFC018",
    what: "an action with no id or at the wrong resource type",
    bad: [
      { actions: [{ actionType: "Workspace" }] },
      { actions: [{ actionType: "Workspace", workspaceResourceId: "" }] },
      { actions: [{ actionType: "Workspace", workspaceResourceId: HUB_ID }] },
      { actions: [{ actionType: "EventHub", eventHubResourceId: HUB_ID.replace(/\/eventhubs\/eh$/, "") }] },
      { actions: [{ actionType: "LogicApp", logicAppResourceId: `${FLOW_ID}/triggers/manual` }] },
      { actions: [{ actionType: "LogicApp", logicAppResourceId: WORKSPACE_ID }] },
    ],
    good: [
      { actions: [{ actionType: "EventHub", eventHubResourceId: HUB_ID, isTrustedServiceEnabled: true }] },
      { actions: [{ actionType: "LogicApp", logicAppResourceId: FLOW_ID.toLowerCase() }] },
      { actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }] },
    ],
  },
];

describe.each(CLASSES)("$id: $what", ({ id, bad, good }) => {
  test.each(bad.map((b, i) => [i + 1, b]))("bad case %i is found on a stack and live", (_, overrides) => {
    expect(onStack(props(overrides))).toEqual([id]);
    // Live, an action with no id at all is refused by the reader before any check (DFE151).
    expect(onLive(props(overrides))).toEqual(id === "DFC018" && onLive(props(overrides))[0] === "refused:DFE151" ? ["refused:DFE151"] : [id]);
  });
  test.each(good.map((g, i) => [i + 1, g]))("correct neighbour %i passes on a stack and live", (_, overrides) => {
    // DFC040 (High without its Critical twin) is another class, not this rule's false positive.
    expect(onStack(props(overrides)).filter((x) => x !== "DFC040")).toEqual([]);
    expect(onLive(props(overrides)).filter((x) => x !== "DFC040")).toEqual([]);
  });
});

describe("messages say what was found and the fix", () => {
  test("a misspelt or padded value names the value it was meant to be", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    new AzapiResource(stack, "A", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "a",
      location: "westeurope",
      parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
      body: { properties: props(source("Alerts", [r("Severity", "Equals", "High ")], [r("Severity", "Equals", "Hight")])) },
    });
    packIds(stack);
    const text = messagesOf(stack).join("\n");
    expect(text).toMatch(
      /\[DFC012\] Alerts, rule set 1: "High " is not a value of Severity \(Informational, Low, Medium, High\), so "Severity Equals High " matches nothing\. Write "High"\./,
    );
    expect(text).toMatch(/\[DFC012\] Alerts, rule set 2: "Hight" .* Write "High"\./);
  });

  test('an action with no id is not imported as "undefined": the import is refused with the finding', () => {
    const arm = {
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/automations/ExportToWorkspace`,
      type: "Microsoft.Security/automations",
      location: "westeurope",
      properties: props({ actions: [{ actionType: "Workspace" }] }),
    };
    // The reader refuses it (DFE151, one line naming the field): nothing is imported, "undefined" never written.
    expect(() => readLiveAutomations(JSON.stringify(arm), "test")).toThrow(/workspaceResourceId/);
    expect(() => readLiveAutomations(JSON.stringify(arm), "test")).toThrow(LiveInputError);
  });
});

describe("DFC009: literal secrets, also inside the azapi writer's sensitive() wrapper; values read back are not literals", () => {
  const hubAction = (connectionString: string) => ({ actions: [{ actionType: "EventHub", eventHubResourceId: HUB_ID, connectionString }] });
  test('a literal key wrapped in sensitive("…") is found', () => {
    expect(
      onStack(props(hubAction('${sensitive("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=")}'))),
    ).toEqual(["DFC009"]);
    expect(
      onStack(
        props({
          actions: [{ actionType: "LogicApp", logicAppResourceId: FLOW_ID, uri: '${sensitive("https://x.logic.azure.com/y?sp=%2F&sig=abc")}' }],
        }),
      ),
    ).toEqual(["DFC009"]);
  });
  test("a connection string read from a data source, a rule or a trigger, wrapped or not, is no literal", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const read = new DataAzurermEventhubAuthorizationRule(stack, "Read", {
      name: "send",
      namespaceName: "ns",
      eventhubName: "eh",
      resourceGroupName: "rg",
    });
    const trigger = new LogicAppTriggerHttpRequest(stack, "Trigger", { name: "manual", logicAppId: FLOW_ID, schema: "{}" });
    new AzapiResource(stack, "A", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "a",
      location: "westeurope",
      parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
      body: {
        properties: props({
          actions: [
            { actionType: "EventHub", eventHubResourceId: HUB_ID, connectionString: Fn.sensitive(read.primaryConnectionString) },
            { actionType: "LogicApp", logicAppResourceId: FLOW_ID, uri: trigger.callbackUrl },
          ],
        }),
      },
    });
    expect(packIds(stack)).toEqual([]);
  });
  test("a connection string and a trigger URL in Azure's own answer are not literal secrets", () => {
    expect(onLive(props(hubAction("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=")))).toEqual([]);
    expect(
      onLive(props({ actions: [{ actionType: "LogicApp", logicAppResourceId: FLOW_ID, uri: "https://x.logic.azure.com/y?sp=%2F&sig=abc" }] })),
    ).toEqual([]);
  });
});

describe("DFC019: roles that grant roles", () => {
  test("Owner, User Access Administrator and RBAC Administrator are found at any scope, by name or id; data roles are not", () => {
    const { stack } = stackWithProvider();
    new RoleAssignment(stack, "OwnerOnHub", { scope: HUB_ID, roleDefinitionName: "Owner", principalId: "p" });
    new RoleAssignment(stack, "UaaOnSub", { scope: `/subscriptions/${SUB}`, roleDefinitionName: "User Access Administrator", principalId: "p" });
    new RoleAssignment(stack, "RbacById", {
      scope: WORKSPACE_ID,
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/F58310D9-A9F6-439A-9E8D-F62E7B41A168`,
      principalId: "p",
    });
    new RoleAssignment(stack, "Sender", { scope: HUB_ID, roleDefinitionName: "Azure Event Hubs Data Sender", principalId: "p" });
    new RoleAssignment(stack, "LaContributor", { scope: WORKSPACE_ID, roleDefinitionName: "Log Analytics Contributor", principalId: "p" });
    expect(packIds(stack)).toEqual(["DFC019", "DFC019", "DFC019"]);
    expect(messagesOf(stack).join("\n")).toMatch(/grants Owner on \/subscriptions\/.*eventhubs\/eh: its holder can grant itself any role there/);
  });
});

describe("DFC011: overlapping Lighthouse scopes", () => {
  const delegate = (stack: TerraformStack, id: string, tenant: string, scope: string) => {
    const definition = new LighthouseDefinition(stack, `${id}Definition`, {
      name: id,
      managingTenantId: tenant,
      scope: `/subscriptions/${SUB}`,
      authorization: [{ principalId: "p", roleDefinitionId: "92aaf0da-9dab-42b6-94a3-d43ce8d16293" }],
    });
    new LighthouseAssignment(stack, `${id}Assignment`, { scope, lighthouseDefinitionId: definition.id });
  };
  test("a subscription to one tenant and a group in it to another is found; disjoint groups and one tenant twice are not", () => {
    const { stack } = stackWithProvider();
    delegate(stack, "A", "aaaaaaaa-0000-0000-0000-000000000001", `/subscriptions/${SUB}`);
    delegate(stack, "B", "bbbbbbbb-0000-0000-0000-000000000001", `/subscriptions/${SUB.toUpperCase()}/resourceGroups/rg-central/`);
    expect(packIds(stack)).toEqual(["DFC011", "DFC011"]);

    const { stack: fine } = stackWithProvider();
    delegate(fine, "A", "aaaaaaaa-0000-0000-0000-000000000001", `/subscriptions/${SUB}/resourceGroups/rg-a`);
    delegate(fine, "B", "bbbbbbbb-0000-0000-0000-000000000001", `/subscriptions/${SUB}/resourceGroups/rg-ab`);
    delegate(fine, "C", "aaaaaaaa-0000-0000-0000-000000000001", `/subscriptions/${SUB}`);
    expect(packIds(fine)).toEqual(["DFC011", "DFC011"]); // C (tenant a) overlaps B (tenant b); A and B are disjoint
    expect(messagesOf(fine).join("\n")).toMatch(/rg-ab is delegated to managing tenant bbbbbbbb/);
  });
});

describe("DFC020: an export keyed with Manage rights", () => {
  const hubAutomation = (stack: TerraformStack, id: string, connectionString: string) =>
    new AzapiResource(stack, id, {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: id,
      location: "westeurope",
      parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
      body: {
        properties: props({ actions: [{ actionType: "EventHub", eventHubResourceId: HUB_ID, connectionString: Fn.sensitive(connectionString) }] }),
      },
    });
  test("the namespace's root key (default string, data source, manage rule) is found; a Send-only rule is not", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const ns = new EventhubNamespace(stack, "Ns", { name: "ns", location: "westeurope", resourceGroupName: "rg", sku: "Standard" });
    const root = new DataAzurermEventhubNamespaceAuthorizationRule(stack, "Root", {
      name: "RootManageSharedAccessKey",
      namespaceName: "ns",
      resourceGroupName: "rg",
    });
    const manage = new EventhubAuthorizationRule(stack, "Manage", {
      name: "m",
      namespaceName: "ns",
      eventhubName: "eh",
      resourceGroupName: "rg",
      send: true,
      listen: true,
      manage: true,
    });
    const send = new EventhubAuthorizationRule(stack, "Send", {
      name: "s",
      namespaceName: "ns",
      eventhubName: "eh",
      resourceGroupName: "rg",
      send: true,
    });
    hubAutomation(stack, "ByDefault", ns.defaultPrimaryConnectionString);
    hubAutomation(stack, "ByData", root.primaryConnectionString);
    hubAutomation(stack, "ByManage", manage.primaryConnectionString);
    hubAutomation(stack, "BySend", send.primaryConnectionString);
    expect(packIds(stack)).toEqual(["DFC020", "DFC020", "DFC020"]);
    expect(messagesOf(stack).join("\n")).toMatch(/ByDefault|the namespace's RootManageSharedAccessKey/);
  });
  test("live: a root key in Azure's answer is found, a Send key is not", () => {
    const key = (name: string) =>
      props({
        actions: [
          {
            actionType: "EventHub",
            eventHubResourceId: HUB_ID,
            connectionString: `Endpoint=sb://ns/;SharedAccessKeyName=${name};SharedAccessKey=k=`,
          },
        ],
      });
    expect(onLive(key("RootManageSharedAccessKey"))).toEqual(["DFC020"]);
    expect(onLive(key("send"))).toEqual([]);
  });
});

describe("DFC021: outputs of whole secret-bearing values", () => {
  test("an azapi body, an automation's action or a whole rule is found unless sensitive; ids are fine", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const automation = new AzapiResource(stack, "A", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "a",
      location: "westeurope",
      parentId: `/subscriptions/${SUB}/resourceGroups/rg`,
      body: { properties: props() },
    });
    const rule = new EventhubAuthorizationRule(stack, "Send", {
      name: "s",
      namespaceName: "ns",
      eventhubName: "eh",
      resourceGroupName: "rg",
      send: true,
    });
    new TerraformOutput(stack, "body", { value: automation.getAnyMapAttribute("body") });
    new TerraformOutput(stack, "wholeRule", { value: "${azurerm_eventhub_authorization_rule.Send}" });
    new TerraformOutput(stack, "sensitiveBody", { value: automation.getAnyMapAttribute("body"), sensitive: true });
    new TerraformOutput(stack, "id", { value: automation.id });
    new TerraformOutput(stack, "ruleId", { value: rule.id });
    expect(packIds(stack)).toEqual(["DFC021", "DFC021"]);
  });
});
