import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { instancesOf } from "../lib/writers/instances";
import { addExampleStacks } from "../examples/stacks";
import { compactSources, onlyResource, resourcesOf, withoutMetadata } from "./helpers";

function exampleStacks(): Map<string, TerraformStack> {
  const app = Testing.app();
  addExampleStacks(app);
  return new Map(app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack).map((s) => [s.node.id, s]));
}

const stacks = exampleStacks();

/** The Terraform JSON of every stack as a full app synth writes it (cross-stack references resolved), without cdktf's metadata. */
const appOutput: Map<string, any> = (() => {
  const app = Testing.app();
  addExampleStacks(app);
  app.synth();
  return new Map(
    app.node.children
      .filter((c): c is TerraformStack => c instanceof TerraformStack)
      .map((s) => [s.node.id, withoutMetadata(JSON.parse(readFileSync(join(app.outdir, "stacks", s.node.id, "cdk.tf.json"), "utf8")))]),
  );
})();
const SHARDS = ["fleet-shard-00", "fleet-shard-01", "fleet-shard-02", "fleet-shard-03", "fleet-shard-04"];
/** Shards 1 to 4 repeat shard 0's shape with other subscriptions: their snapshots would be read by nobody. */
const SNAPSHOTTED = [...stacks.keys()].filter((id) => !SHARDS.slice(1).includes(id));
const json = (id: string) => JSON.parse(Testing.synth(stacks.get(id)!, true));
const automationNamed = (id: string, name: string) =>
  Object.values(resourcesOf(json(id), "azurerm_security_center_automation")).find((a: any) => a.name === name) as any;

describe("examples", () => {
  test("the examples are these stacks", () => {
    expect([...stacks.keys()]).toEqual([
      "high-alerts-to-event-hub",
      "sql-findings-to-workspace",
      "recommendations-to-hub-and-workspace",
      "secure-score-to-workspace",
      "everything-to-new-workspace",
      "trusted-event-hub",
      "attack-paths-to-workspace",
      "cross-tenant-guest",
      "mssp-lighthouse",
      "management-group-policy",
      "fleet-central",
      ...SHARDS,
      "adopt-policy-export",
    ]);
  });

  // Stacks that take part in cross-stack references are snapshotted as the app writes them.
  test.each(SNAPSHOTTED)("example %s synthesizes with validations and matches its reviewed snapshot", (id) => {
    const text = Testing.synth(stacks.get(id)!, true);
    expect(id.startsWith("fleet-") ? appOutput.get(id) : text).toMatchSnapshot();
  });

  test.each(SHARDS.slice(1))("example %s (shaped like shard 0) synthesizes with validations", (id) => {
    expect(() => Testing.synth(stacks.get(id)!, true)).not.toThrow();
  });

  test("synth is deterministic: a second app writes byte-identical JSON", () => {
    const again = exampleStacks();
    for (const [id, stack] of stacks) {
      expect(Testing.synth(again.get(id)!)).toBe(Testing.synth(stack));
    }
  });

  test("1. high-severity alerts to an event hub, with a Listen-only rule for the SIEM", () => {
    const automation = automationNamed("high-alerts-to-event-hub", "ExportToEventHub");
    expect(compactSources(automation)).toEqual([{ source: "Alerts", sets: [["Severity Equals high"]] }]);
    expect(automation.action[0].connection_string).toMatch(
      /^\$\{azurerm_eventhub_authorization_rule\.SiemHub_SendRule_\w+\.primary_connection_string\}$/,
    );
    const rules = Object.values(resourcesOf(json("high-alerts-to-event-hub"), "azurerm_eventhub_authorization_rule")) as any[];
    expect(rules.map((r) => [r.name, r.send, r.listen, r.manage])).toEqual([
      ["defender-export-send", true, false, false],
      ["siem-listen", false, true, false],
    ]);
  });

  test("2. medium-or-higher SQL-on-machines findings, with their parent recommendation", () => {
    expect(compactSources(automationNamed("sql-findings-to-workspace", "ExportToWorkspace"))).toEqual([
      { source: "Assessments", sets: [["name Contains f97aa83c-9b63-4f9a-99f6-b22c4398f936"]] },
      {
        source: "SubAssessments",
        sets: [
          ["id Contains /assessments/f97aa83c-9b63-4f9a-99f6-b22c4398f936/", "properties.status.severity Equals Medium"],
          ["id Contains /assessments/f97aa83c-9b63-4f9a-99f6-b22c4398f936/", "properties.status.severity Equals High"],
        ],
      },
    ]);
  });

  test("3. specific recommendations to an event hub and a workspace: same sources in both automations", () => {
    const hub = automationNamed("recommendations-to-hub-and-workspace", "ExportToEventHub");
    const workspace = automationNamed("recommendations-to-hub-and-workspace", "ExportToWorkspace");
    expect(compactSources(hub)).toEqual([
      {
        source: "Assessments",
        sets: [
          ["name Contains 1195afff-c881-495e-9bc5-1486211ae03f"],
          ["name Contains 82e20e14-edc5-4373-bfc4-f13121257c37"],
          ["name Contains f97aa83c-9b63-4f9a-99f6-b22c4398f936"],
        ],
      },
    ]);
    expect(workspace.source).toEqual(hub.source);
  });

  test("4. overall secure score and controls, streaming and weekly snapshots", () => {
    expect(compactSources(automationNamed("secure-score-to-workspace", "ExportToWorkspace")).map((s) => [s.source, s.sets.length])).toEqual([
      ["SecureScores", 0],
      ["SecureScoresSnapshot", 0],
      ["SecureScoreControls", 0],
      ["SecureScoreControlsSnapshot", 0],
    ]);
  });

  test("5. everything, to a new protected workspace with the SecurityCenterFree solution", () => {
    const out = json("everything-to-new-workspace");
    expect(compactSources(onlyResource(out, "azurerm_security_center_automation")).map((s) => s.source)).toEqual([
      "Alerts",
      "Assessments",
      "AssessmentsSnapshot",
      "SubAssessments",
      "SubAssessmentsSnapshot",
      "SecureScores",
      "SecureScoresSnapshot",
      "SecureScoreControls",
      "SecureScoreControlsSnapshot",
      "RegulatoryComplianceAssessment",
      "RegulatoryComplianceAssessmentSnapshot",
    ]);
    expect(onlyResource(out, "azurerm_log_analytics_workspace")).toMatchObject({ retention_in_days: 90, lifecycle: { prevent_destroy: true } });
    expect(onlyResource(out, "azurerm_log_analytics_solution").solution_name).toBe("SecurityCenterFree");
  });

  test("6. a locked-down event hub receives alerts and recommendations as a trusted service, without any key", () => {
    const out = json("trusted-event-hub");
    const automation = onlyResource(out, "azapi_resource");
    expect(automation.type).toBe("Microsoft.Security/automations@2023-12-01-preview");
    expect(automation.body.properties.actions).toEqual([
      {
        actionType: "EventHub",
        eventHubResourceId: expect.stringMatching(/^\$\{azurerm_eventhub\.LockedHub_EventHub_\w+\.id\}$/),
        isTrustedServiceEnabled: true,
      },
    ]);
    expect(automation.body.properties.sources.map((x: any) => x.eventSource)).toEqual(["Alerts", "Assessments"]);
    expect(resourcesOf(out, "azurerm_security_center_automation")).toEqual({});
    expect(resourcesOf(out, "azurerm_eventhub_authorization_rule")).toEqual({});
    expect(onlyResource(out, "azurerm_eventhub_namespace")).toMatchObject({
      local_authentication_enabled: false,
      network_rulesets: [{ default_action: "Deny", trusted_service_access_enabled: true }],
    });
    const roles = Object.values(resourcesOf(out, "azurerm_role_assignment")) as any[];
    const hubId = automation.body.properties.actions[0].eventHubResourceId;
    expect(roles.map((r) => [r.role_definition_name, r.scope]).sort()).toEqual([
      ["Azure Event Hubs Data Receiver", hubId],
      ["Azure Event Hubs Data Sender", hubId],
    ]);
    expect(Testing.synth(stacks.get("trusted-event-hub")!)).not.toMatch(/connection_string|connectionString/);
  });

  test("7. attack paths of High or Critical risk, streaming and snapshot, through azapi", () => {
    const automation = onlyResource(json("attack-paths-to-workspace"), "azapi_resource");
    expect(automation.body.properties.sources).toEqual(
      ["AttackPaths", "AttackPathsSnapshot"].map((eventSource) => ({
        eventSource,
        ruleSets: ["High", "Critical"].map((expectedValue) => ({
          rules: [{ propertyJPath: "attackPath.riskLevel", propertyType: "String", expectedValue, operator: "Equals" }],
        })),
      })),
    );
  });

  test("8. tenant A exports to a workspace in tenant B through a guest: grant in B, automation in A with B as auxiliary tenant", () => {
    const out = json("cross-tenant-guest");
    expect(onlyResource(out, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Log Analytics Contributor",
      principal_type: "User",
      provider: "azurerm.central",
    });
    const automation = onlyResource(out, "azurerm_security_center_automation");
    expect(automation.provider).toBeUndefined();
    const source = out.provider.azurerm.find((p: any) => !p.alias);
    expect(source.auxiliary_tenant_ids).toEqual([out.provider.azurerm.find((p: any) => p.alias === "central").tenant_id]);
  });

  test("9. an MSSP: each customer delegates its export's resource group to the MSSP, whose own identity exports to the central workspace and hub", () => {
    const out = json("mssp-lighthouse");
    const customers = [1, 2, 3];
    const definitions = Object.values(resourcesOf(out, "azurerm_lighthouse_definition")) as any[];
    expect(definitions.map((d) => [d.provider, d.managing_tenant_id, d.scope])).toEqual(
      customers.map((n) => [
        `azurerm.Customer${n}`,
        "00000000-0000-0000-0000-0000000000cc",
        `/subscriptions/00000000-0000-0000-0000-0000000002c${n}`,
      ]),
    );
    for (const d of definitions) {
      // Security Admin for the MSSP's identity, nothing else.
      expect(d.authorization.map((a: any) => [a.principal_id, a.role_definition_id])).toEqual([
        ["00000000-0000-0000-0000-0000000003cc", "fb1c8493-542b-48eb-b624-b4c8fea62acd"],
      ]);
    }
    const assignments = Object.values(resourcesOf(out, "azurerm_lighthouse_assignment")) as any[];
    expect(assignments.map((a) => [a.provider, a.scope])).toEqual(
      customers.map((n) => [`azurerm.Customer${n}`, `/subscriptions/00000000-0000-0000-0000-0000000002c${n}/resourceGroups/rg-security`]),
    );
    // Nothing is granted in the MSSP's tenant: no role assignment at all.
    expect(resourcesOf(out, "azurerm_role_assignment")).toEqual({});
    const automations = Object.values(resourcesOf(out, "azurerm_security_center_automation")) as any[];
    expect(automations.map((a) => [a.provider, a.name]).sort()).toEqual(
      customers.flatMap((n) => [
        [`azurerm.Customer${n}ViaMssp`, "ExportToEventHub"],
        [`azurerm.Customer${n}ViaMssp`, "ExportToWorkspace"],
      ]),
    );
    for (const a of automations) expect(a.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_lighthouse_assignment\./)]));
    expect(out.provider.azurerm.every((p: any) => p.auxiliary_tenant_ids === undefined)).toBe(true);
    expect(Object.keys(resourcesOf(out, "azurerm_log_analytics_workspace"))).toHaveLength(1);
  });

  test("10. a management group exports through the built-in policy, with its identity's roles and a remediation", () => {
    const out = json("management-group-policy");
    const assignment = onlyResource(out, "azurerm_management_group_policy_assignment");
    expect(assignment.management_group_id).toBe("/providers/Microsoft.Management/managementGroups/contoso-landingzones");
    expect(JSON.parse(assignment.parameters)).toMatchObject({
      exportedDataTypes: { value: ["Security alerts", "Security recommendations", "Overall secure score"] },
      alertSeverities: { value: ["High", "Medium"] },
      workspaceResourceId: { value: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.CentralWorkspace_\w+\.id\}$/) },
    });
    const roles = Object.values(resourcesOf(out, "azurerm_role_assignment")) as any[];
    expect(roles.map((r) => r.role_definition_name).sort()).toEqual(["Contributor", "Log Analytics Contributor"]);
    const remediations = Object.values(resourcesOf(out, "azurerm_subscription_policy_remediation")) as any[];
    expect(remediations.map((r) => [r.subscription_id, r.resource_discovery_mode, r.depends_on.length])).toEqual([
      ["/subscriptions/00000000-0000-0000-0000-0000000001a1", "ReEvaluateCompliance", 2],
      ["/subscriptions/00000000-0000-0000-0000-0000000001a2", "ReEvaluateCompliance", 2],
    ]);
    expect(resourcesOf(out, "azurerm_security_center_automation")).toEqual({});
  });

  test("11. 50 subscriptions in 5 shards, each with its own state, exporting to one central workspace", () => {
    const all = SHARDS.flatMap((id) => {
      const out = appOutput.get(id);
      expect(out.terraform.backend.azurerm.key).toBe(`defender-export/${id.replace("fleet-", "")}.tfstate`);
      expect(Object.keys(out.provider)).toEqual(["azapi"]);
      expect(out.data.terraform_remote_state["cross-stack-reference-input-fleet-central"].config.key).toBe("defender-export/central.tfstate");
      // One for_each resource per shard, an instance per subscription.
      expect(Object.keys(resourcesOf(out, "azapi_resource"))).toHaveLength(2);
      const automations = Object.entries(resourcesOf(out, "azapi_resource"))
        .flatMap(([name, body]) => instancesOf(`azapi_resource.${name}`, body as any, out.locals).map((i) => i.json))
        .filter((r) => r.type.startsWith("Microsoft.Security"));
      for (const a of automations) {
        expect(a.body.properties.actions[0].workspaceResourceId).toMatch(
          /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-fleet-central\.outputs\./,
        );
        expect(a.depends_on.every((d: string) => d.startsWith("azapi_resource."))).toBe(true);
      }
      return automations.map((a) => a.parent_id.split("/")[2]);
    });
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    expect(stacks.get("fleet-shard-00")!.dependencies.map((s) => s.node.id)).toEqual(["fleet-central"]);
    const central = appOutput.get("fleet-central");
    expect(Object.values(central.output)).toEqual([{ sensitive: true, value: "${azurerm_log_analytics_workspace.CentralWorkspace_A146853C.id}" }]);
  });

  test("12. a policy-made ExportToWorkspace is taken over in place and narrowed", () => {
    const out = json("adopt-policy-export");
    const [address, automation] = Object.entries(out.resource.azurerm_security_center_automation)[0] as [string, any];
    expect(out.import).toEqual([
      {
        id: `/subscriptions/${automation.scopes[0].split("/")[2]}/resourceGroups/rg-asc-export/providers/Microsoft.Security/automations/ExportToWorkspace`,
        to: `azurerm_security_center_automation.${address}`,
      },
    ]);
    expect(automation).toMatchObject({ name: "ExportToWorkspace", resource_group_name: "rg-asc-export", location: "westeurope" });
    expect(compactSources(automation)).toEqual([
      { source: "Alerts", sets: [["Severity Equals medium"], ["Severity Equals high"]] },
      { source: "Assessments", sets: [] },
    ]);
  });

  test("no example writes an output (but cdktf's cross-stack ones, marked sensitive), and none holds a secret literal", () => {
    for (const id of stacks.keys()) {
      const text = Testing.synth(stacks.get(id)!);
      for (const [name, output] of Object.entries(JSON.parse(text).output ?? {}) as Array<[string, any]>) {
        expect(name).toMatch(/^cross-stack-output-/);
        expect(output.sensitive).toBe(true);
      }
      expect(text).not.toMatch(/SharedAccessKey=|sig=/);
    }
  });
});
