import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import {
  AlertSeverity,
  ContinuousExportPolicy,
  ContinuousExportPolicyProps,
  DefenderPlan,
  EventHubDestination,
  Export,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  PolicyScope,
  SecurityResourceProvider,
} from "../../lib";
import { SUB, WORKSPACE_ID, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson } from "../helpers";

const MG = "/providers/Microsoft.Management/managementGroups/contoso";

function policy(stack: TerraformStack, destinations: IExportDestination[], extra: Partial<ContinuousExportPolicyProps> = {}) {
  return new ContinuousExportPolicy(stack, "Policy", {
    scope: PolicyScope.managementGroup("contoso"),
    exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations(), Export.secureScore()],
    destinations,
    location: "westeurope",
    resourceGroupName: "rg-defender-export",
    ...extra,
  });
}
const parametersOf = (assignment: any) => JSON.parse(assignment.parameters);

describe("ContinuousExportPolicy", () => {
  test("assigns the workspace definition at the management group with a system-assigned identity and every parameter", () => {
    const { stack } = stackWithProvider();
    policy(stack, [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)]);
    const assignment = onlyResource(synthJson(stack), "azurerm_management_group_policy_assignment");
    expect(assignment).toMatchObject({
      name: "defender-export",
      management_group_id: MG,
      policy_definition_id: "/providers/Microsoft.Authorization/policyDefinitions/ffb6f416-7bd2-4488-8828-56585fef2be9",
      location: "westeurope",
      identity: { type: "SystemAssigned" },
    });
    expect(parametersOf(assignment)).toEqual({
      resourceGroupName: { value: "rg-defender-export" },
      resourceGroupLocation: { value: "westeurope" },
      createResourceGroup: { value: true },
      exportedDataTypes: { value: ["Security alerts", "Security recommendations", "Overall secure score"] },
      recommendationNames: { value: [] },
      recommendationSeverities: { value: ["High", "Medium", "Low"] },
      isSecurityFindingsEnabled: { value: false },
      secureScoreControlsNames: { value: [] },
      alertSeverities: { value: ["High", "Medium"] },
      regulatoryComplianceStandardsNames: { value: [] },
      workspaceResourceId: { value: WORKSPACE_ID },
    });
  });

  test("the identity gets Contributor at the assigned scope and Log Analytics Contributor on the workspace; each listed subscription's remediation re-evaluates and waits for both", () => {
    const { stack } = stackWithProvider();
    const today = ["10000000-0000-0000-0000-000000000001", "10000000-0000-0000-0000-000000000002"];
    policy(stack, [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)], { remediateSubscriptions: today });
    const json = synthJson(stack);
    const roles = Object.entries(resourcesOf(json, "azurerm_role_assignment")).map(([id, r]: [string, any]) => [
      id.split("_")[1],
      r.role_definition_name,
      r.scope,
      r.principal_id,
    ]);
    const principal = "${azurerm_management_group_policy_assignment.Policy_Assignment_5D2D72BF.identity[0].principal_id}";
    expect(roles.sort()).toEqual([
      ["DestinationAccess", "Log Analytics Contributor", WORKSPACE_ID, principal],
      ["ScopeContributor", "Contributor", MG, principal],
    ]);
    expect(resourcesOf(json, "azurerm_management_group_policy_remediation")).toEqual({});
    const remediations = Object.values(resourcesOf(json, "azurerm_subscription_policy_remediation")) as any[];
    expect(remediations.map((r) => [r.subscription_id, r.resource_discovery_mode, r.policy_assignment_id])).toEqual(
      today.map((s) => [
        `/subscriptions/${s}`,
        "ReEvaluateCompliance",
        "${azurerm_management_group_policy_assignment.Policy_Assignment_5D2D72BF.id}",
      ]),
    );
    for (const r of remediations) {
      expect(r.depends_on.sort()).toEqual(
        ["azurerm_role_assignment.Policy_DestinationAccess_335C62E0", "azurerm_role_assignment.Policy_ScopeContributor_AAB067D1"].sort(),
      );
    }
  });

  test("at a management group without listed subscriptions: no remediation that would find nothing, a warning and the second step instead", () => {
    const { stack } = stackWithProvider();
    const created = policy(stack, [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)]);
    const json = synthJson(stack);
    expect([resourcesOf(json, "azurerm_management_group_policy_remediation"), resourcesOf(json, "azurerm_subscription_policy_remediation")]).toEqual([
      {},
      {},
    ]);
    expect(created.secondStep).toMatch(/az policy remediation create --name initial --management-group contoso --policy-assignment defender-export/);
    expect(created.node.metadata.map((m) => String(m.data))).toEqual([
      // Every recommendation includes Critical ones, which the built-in policy cannot select.
      expect.stringMatching(/^\[DFW025\] test\/Policy: the policy route does not export Critical recommendations/),
      expect.stringMatching(/^\[DFW005\] test\/Policy: .*remediateSubscriptions/),
    ]);
  });

  test("remediateSubscriptions takes distinct subscription GUIDs, at a management group only", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(errorOf(() => policy(stack, [soc], { remediateSubscriptions: ["sub-1"] }))).toMatch(/DFE084/);
    const other = stackWithProvider().stack;
    const otherSoc = LogAnalyticsDestination.fromWorkspaceId(other, "Soc", WORKSPACE_ID);
    const atSubscription = { scope: PolicyScope.subscription(SUB), remediateSubscriptions: [SUB] };
    expect(errorOf(() => policy(other, [otherSoc], atSubscription))).toMatch(/DFE084.*for a management group/);
  });

  test("at a subscription: subscription assignment, and a remediation that re-evaluates compliance first", () => {
    const { stack } = stackWithProvider();
    policy(stack, [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)], {
      scope: PolicyScope.subscription(SUB),
      createResourceGroup: false,
      remediationName: "round-2",
    });
    const json = synthJson(stack);
    const assignment = onlyResource(json, "azurerm_subscription_policy_assignment");
    expect(assignment.subscription_id).toBe(`/subscriptions/${SUB}`);
    expect(parametersOf(assignment).createResourceGroup).toEqual({ value: false });
    expect(onlyResource(json, "azurerm_subscription_policy_remediation")).toMatchObject({
      name: "round-2",
      subscription_id: `/subscriptions/${SUB}`,
      resource_discovery_mode: "ReEvaluateCompliance",
    });
  });

  test("an event hub: the Send-rule definition, with the rule's id and Contributor on the rule", () => {
    const { stack } = stackWithProvider();
    policy(stack, [new EventHubDestination(stack, "Hub", { namespaceName: "evhns-test-01", resourceGroupName: "rg", location: "westeurope" })]);
    const json = synthJson(stack);
    const assignment = onlyResource(json, "azurerm_management_group_policy_assignment");
    expect(assignment.policy_definition_id).toMatch(/cdfcce10-4578-4ecd-9703-530938e4abcb$/);
    expect(parametersOf(assignment).eventHubDetails).toEqual({ value: "${azurerm_eventhub_authorization_rule.Hub_SendRule_09EBDABB.id}" });
    const access = Object.values(resourcesOf(json, "azurerm_role_assignment")).find(
      (r: any) => r.role_definition_name === "Contributor" && r.scope !== MG,
    ) as any;
    expect(access.scope).toBe("${azurerm_eventhub_authorization_rule.Hub_SendRule_09EBDABB.id}");
  });

  test("a trusted-service event hub: the trusted definition, with the event hub's id", () => {
    const { stack } = stackWithProvider();
    const hub = new EventHubDestination(stack, "Hub", {
      namespaceName: "evhns-test-01",
      resourceGroupName: "rg",
      location: "westeurope",
      trustedService: { principal: SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222") },
    });
    policy(stack, [hub]);
    const assignment = onlyResource(synthJson(stack), "azurerm_management_group_policy_assignment");
    expect(assignment.policy_definition_id).toMatch(/af9f6c70-eb74-4189-8d15-e4f11a7ebfd4$/);
    expect(parametersOf(assignment).eventHubDetails).toEqual({ value: "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}" });
  });

  test("the report shows the policy route", () => {
    const { stack } = stackWithProvider();
    const p = policy(stack, [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)]);
    expect(p.summary).toMatchObject({
      scope: MG,
      automationName: "ExportToWorkspace",
      exportedDataTypes: ["Security alerts", "Security recommendations", "Overall secure score"],
    });
  });
});

describe("ContinuousExportPolicy refusals", () => {
  test("what the policy cannot express is listed, part by part, with the way out", () => {
    const { stack } = stackWithProvider();
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    const app = new LogicAppDestination(stack, "La", { workflowName: "la", resourceGroupName: "rg", location: "westeurope" });
    const message = errorOf(() => policy(stack, [ws, app], { exports: [Export.alerts({ plans: [DefenderPlan.SERVERS] }), Export.attackPaths()] }));
    expect(message).toContain("[DFE080] test/Policy: the built-in continuous export policies cannot express:");
    expect(message).toContain("  - Security alerts filtered by Defender plan (VirtualMachines)");
    expect(message).toContain("  - Informational alerts");
    expect(message).toContain("  - Attack paths (the built-in policies write API 2019-01-01-preview)");
    expect(message).toContain("  - 2 destinations (a policy assignment takes one; make one assignment per destination)");
    expect(message).toContain("use ContinuousExport");
  });

  test("a Logic App is refused", () => {
    const { stack } = stackWithProvider();
    const app = new LogicAppDestination(stack, "La", { workflowName: "la", resourceGroupName: "rg", location: "westeurope" });
    expect(errorOf(() => policy(stack, [app]))).toContain("  - a Logic App destination (workflow automation: no built-in export policy sends there)");
  });

  test("a destination in another tenant is refused, pointing to the cross-tenant route", () => {
    const { stack } = stackWithProvider();
    new AzurermProvider(stack, "b", { alias: "b", features: [{}], tenantId: "bbbbbbbb-0000-0000-0000-000000000002" });
    (stack.node.findChild("azurerm") as AzurermProvider).tenantId = "aaaaaaaa-0000-0000-0000-000000000001";
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Other", WORKSPACE_ID, { provider: stack.node.findChild("b") as AzurermProvider });
    policy(stack, [ws]);
    expect(errorOf(() => Testing.synth(stack, true))).toMatch(
      /\[DFE081\] test\/Policy: test\/Other is in tenant bbbbbbbb.*Microsoft does not support policy-based export to another tenant.*CrossTenantAccess/,
    );
  });

  test("assignment names and scopes are checked", () => {
    const { stack } = stackWithProvider();
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(errorOf(() => policy(stack, [ws], { assignmentName: "defender-continuous-export-all" }))).toMatch(/DFE082.*1 to 24 characters/);
    expect(errorOf(() => PolicyScope.subscription("prod"))).toMatch(/DFE083/);
    expect(errorOf(() => PolicyScope.managementGroup("/subscriptions/x"))).toMatch(/DFE083/);
    expect(PolicyScope.managementGroup(MG).id).toBe(MG);
  });

  test("the model's own checks apply first", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => policy(stack, [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)], { exports: [] }))).toMatch(/DFE010/);
  });
});
