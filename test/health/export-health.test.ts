import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import {
  AlertSeverity,
  ContinuousExport,
  ContinuousExportFleet,
  ContinuousExportPolicy,
  EventHubDestination,
  Export,
  ExportHealthProps,
  ExportReport,
  LogAnalyticsDestination,
  LogicAppDestination,
  PolicyScope,
  AzapiProvider,
  AutomationWriter,
  SecurityResourceProvider,
  IExportDestination,
} from "../../lib";
import { silenceQuery } from "../../lib/health/export-health";
import { WORKSPACE_ID, errorOf, resourcesOf, synthJson } from "../helpers";

const SUB = "00000000-0000-0000-0000-0000000000f1";
const HUB = `/subscriptions/${SUB}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem/eventhubs/defender`;
const WORKFLOW = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Logic/workflows/tickets`;
const ACTION_GROUP = `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/secops`;

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "s");
  new AzurermProvider(s, "azurerm", { features: [{}], subscriptionId: SUB });
  return s;
}
function exportTo(s: TerraformStack, destination: IExportDestination, health: ExportHealthProps, exports = [Export.alerts()], id = "Export") {
  return new ContinuousExport(s, id, {
    subscriptionId: SUB,
    resourceGroupName: "rg-sec",
    location: "westeurope",
    exports,
    destinations: [destination],
    health,
  });
}
const only = (json: any, type: string) => {
  const all = Object.values(resourcesOf(json, type)) as any[];
  expect(all).toHaveLength(1);
  return all[0];
};

describe("health on a workspace: a log search alert", () => {
  test("looks back twice the silence and names each silent subscription, reading the workspace as its own identity with Log Analytics Reader only", () => {
    const s = stack();
    exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID), { actionGroupId: ACTION_GROUP }, [
      Export.alerts({ minimumSeverity: AlertSeverity.HIGH }),
      Export.secureScore(),
    ]);
    const json = synthJson(s);
    const rule = only(json, "azurerm_monitor_scheduled_query_rules_alert_v2");
    expect(rule).toMatchObject({
      scopes: [WORKSPACE_ID],
      resource_group_name: "rg-soc",
      location: "westeurope",
      evaluation_frequency: "PT1H",
      window_duration: "P2D",
      severity: 2,
      auto_mitigation_enabled: false,
      identity: { type: "SystemAssigned" },
      action: { action_groups: [ACTION_GROUP] },
      criteria: [
        {
          time_aggregation_method: "Count",
          operator: "GreaterThan",
          threshold: 0,
          dimension: [{ name: "SubscriptionId", operator: "Include", values: ["*"] }],
        },
      ],
    });
    expect(rule.criteria[0].query).toBe(silenceQuery(["SecurityAlert", "SecureScores"], 24));
    expect(rule.criteria[0].query).toContain(
      "union isfuzzy=true (datatable(TimeGenerated: datetime, _SubscriptionId: string) []), SecurityAlert, SecureScores;",
    );
    const roles = Object.values(resourcesOf(json, "azurerm_role_assignment")) as any[];
    expect(roles).toEqual([
      {
        scope: WORKSPACE_ID,
        role_definition_id: "/providers/Microsoft.Authorization/roleDefinitions/73c42c96-874c-492b-b04d-ab87d138a893",
        principal_id: expect.stringMatching(/^\$\{azurerm_monitor_scheduled_query_rules_alert_v2\..*\.identity\[0\]\.principal_id\}$/),
        principal_type: "ServicePrincipal",
      },
    ]);
    expect(resourcesOf(json, "azurerm_monitor_action_group")).toEqual({});
  });

  test("shorter silences evaluate more often over a shorter look-back", () => {
    const s = stack();
    exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID), { actionGroupId: ACTION_GROUP, silenceAfterHours: 1, severity: 1 });
    expect(only(synthJson(s), "azurerm_monitor_scheduled_query_rules_alert_v2")).toMatchObject({
      evaluation_frequency: "PT15M",
      window_duration: "PT2H",
      severity: 1,
    });
  });

  test("exports sharing a destination share one alert, which watches every table they fill; e-mail receivers get a new action group", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID);
    const health = { emailReceivers: ["secops@contoso.example", "soc@contoso.example"] };
    exportTo(s, soc, health, [Export.alerts()], "A");
    new AzapiProvider(s, "azapi", {});
    new ContinuousExport(s, "B", {
      subscriptionId: "00000000-0000-0000-0000-0000000000f2",
      resourceGroupName: "rg-sec",
      location: "westeurope",
      exports: [Export.recommendations()],
      destinations: [soc],
      health,
      writer: AutomationWriter.AZAPI,
    });
    const json = synthJson(s);
    expect(only(json, "azurerm_monitor_scheduled_query_rules_alert_v2").criteria[0].query).toContain("SecurityAlert, SecurityRecommendation;");
    expect(only(json, "azurerm_monitor_action_group")).toMatchObject({
      short_name: "dfe-health",
      resource_group_name: "rg-soc",
      email_receiver: [
        { name: "receiver-1", email_address: "secops@contoso.example", use_common_alert_schema: true },
        { name: "receiver-2", email_address: "soc@contoso.example", use_common_alert_schema: true },
      ],
    });
  });
});

describe("health on an event hub and a Logic App: metric alerts", () => {
  test("an event hub: no incoming message on the hub within the silence", () => {
    const s = stack();
    exportTo(s, EventHubDestination.fromEventHubId(s, "Siem", HUB, { sendRuleName: "export-send" }), {
      actionGroupId: ACTION_GROUP,
      silenceAfterHours: 6,
    });
    const alert = only(synthJson(s), "azurerm_monitor_metric_alert");
    expect(alert).toMatchObject({
      scopes: [HUB.replace("/eventhubs/defender", "")],
      resource_group_name: "rg-siem",
      frequency: "PT1H",
      window_size: "PT6H",
      auto_mitigate: false,
      criteria: [
        {
          metric_namespace: "Microsoft.EventHub/namespaces",
          metric_name: "IncomingMessages",
          aggregation: "Total",
          operator: "LessThanOrEqual",
          threshold: 0,
          dimension: [{ name: "EntityName", operator: "Include", values: ["defender"] }],
        },
      ],
      action: [{ action_group_id: ACTION_GROUP }],
    });
  });

  test("a trusted-service event hub also alerts on user errors (a locked namespace refuses, it does not fall silent)", () => {
    const s = stack();
    new AzapiProvider(s, "azapi", {});
    exportTo(
      s,
      EventHubDestination.fromEventHubId(s, "Siem", HUB, {
        trustedService: { principal: SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222") },
      }),
      { actionGroupId: ACTION_GROUP },
    );
    const alerts = Object.values(resourcesOf(synthJson(s), "azurerm_monitor_metric_alert")) as any[];
    expect(alerts.map((a) => a.criteria[0].metric_name).sort()).toEqual(["IncomingMessages", "UserErrors"]);
  });

  test("a Logic App: no run within the silence, and any failed run", () => {
    const s = stack();
    const triggerUrl = new TerraformVariable(s, "trigger_url", { type: "string", sensitive: true }).stringValue;
    exportTo(s, LogicAppDestination.fromWorkflow(s, "Tickets", { workflowId: WORKFLOW, triggerUrl }), {
      actionGroupId: ACTION_GROUP,
      silenceAfterHours: 12,
    });
    const alerts = Object.values(resourcesOf(synthJson(s), "azurerm_monitor_metric_alert")) as any[];
    expect(alerts.map((a) => [a.criteria[0].metric_name, a.criteria[0].operator, a.window_size, a.scopes[0]]).sort()).toEqual([
      ["RunsFailed", "GreaterThan", "PT1H", WORKFLOW],
      ["RunsStarted", "LessThanOrEqual", "PT12H", WORKFLOW],
    ]);
  });
});

describe("fleets and the policy route", () => {
  test("a fleet's shared workspace gets one alert, which names silent subscriptions without listing them", () => {
    const s = stack();
    new AzapiProvider(s, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID);
    const subscriptions = Array.from({ length: 30 }, (_, i) => ({ subscriptionId: `10000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}` }));
    new ContinuousExportFleet(s, "Fleet", {
      subscriptions,
      exports: [Export.alerts()],
      destinations: [soc],
      resourceGroupName: "rg",
      location: "westeurope",
      health: { actionGroupId: ACTION_GROUP },
    });
    const rule = only(synthJson(s), "azurerm_monitor_scheduled_query_rules_alert_v2");
    expect(rule.criteria[0].query).not.toContain("10000000-");
    expect(ExportReport.format(s)).toContain("      health: Log Analytics workspace law-soc (existing, in rg-soc): a log search alert");
  });

  test("the policy route watches its destination too", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID);
    const policy = new ContinuousExportPolicy(s, "Policy", {
      scope: PolicyScope.managementGroup("contoso"),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
      destinations: [soc],
      location: "westeurope",
      resourceGroupName: "rg-export",
      health: { emailReceivers: ["secops@contoso.example"] },
    });
    expect(only(synthJson(s), "azurerm_monitor_scheduled_query_rules_alert_v2").scopes).toEqual([WORKSPACE_ID]);
    expect(policy.summary.health).toMatch(/^a log search alert/);
    expect(ExportReport.format(s)).toMatch(/\n {6}health: a log search alert/);
  });
});

describe("what health refuses", () => {
  const attempt =
    (health: unknown, exports = [Export.alerts()]) =>
    () => {
      const s = stack();
      exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID), health as ExportHealthProps, exports);
    };
  test("no place to send the alerts, or two; an address that is not one", () => {
    expect(errorOf(attempt({}))).toMatch(/DFE130.*`actionGroupId`.*or `emailReceivers`/);
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, emailReceivers: ["a@b.example"] }))).toMatch(/DFE130/);
    expect(errorOf(attempt({ emailReceivers: ["not an address"] }))).toMatch(/DFE130.*"not an address".*is not an e-mail address/);
    expect(errorOf(attempt({ actionGroupId: "secops" }))).toMatch(/DFE130.*"secops" is not an action group id/);
  });
  test("a silence Azure Monitor cannot evaluate, a severity outside 0–4", () => {
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, silenceAfterHours: 72 }))).toMatch(/DFE131.*1, 6, 12, 24 hours.*24 h.*48 h/);
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, severity: 5 }))).toMatch(/DFE131.*0 to 4/);
  });
  test("weekly snapshots only: quiet for 7 days, beyond any alert's look-back", () => {
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP }, [Export.secureScore({ streaming: false, snapshot: true })]))).toMatch(
      /DFE132.*only weekly snapshots/,
    );
  });
  test("a destination whose group is known only at apply needs one named", () => {
    const s = stack();
    const id = new TerraformVariable(s, "workspace_id", { type: "string" }).stringValue;
    expect(errorOf(() => exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", id), { actionGroupId: ACTION_GROUP }))).toMatch(
      /DFE133.*health\.resourceGroupName/,
    );
  });
});
