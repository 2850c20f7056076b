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
  SecurityResourceProvider,
  IExportDestination,
} from "../../lib";
import { silenceQuery } from "../../lib/health/health-queries";
import { errorOf, resourcesOf, synthJson } from "../helpers";
import { asRendered, kqlDiagnostics, nonLiteralAgo } from "./kusto-oracle";

const SUB = "00000000-0000-0000-0000-0000000000f1";
const SUB2 = "00000000-0000-0000-0000-0000000000f2";
const SUB3 = "00000000-0000-0000-0000-0000000000f3";
const WS = `/subscriptions/${SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`;
const OTHER_WS = "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-x";
const HUB = `/subscriptions/${SUB}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem/eventhubs/defender`;
const WORKFLOW = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Logic/workflows/tickets`;
const ACTION_GROUP = `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/secops`;
const QUERY_RULE = "azurerm_monitor_scheduled_query_rules_alert_v2";

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "s");
  new AzurermProvider(s, "azurerm", { features: [{}], subscriptionId: SUB });
  return s;
}
function providerFor(s: TerraformStack, subscriptionId: string): AzurermProvider | undefined {
  if (subscriptionId === SUB) return undefined;
  const alias = `sub-${subscriptionId.slice(-4)}`;
  return (s.node.tryFindChild(alias) as AzurermProvider | undefined) ?? new AzurermProvider(s, alias, { features: [{}], alias, subscriptionId });
}
function exportTo(
  s: TerraformStack,
  destination: IExportDestination,
  health: ExportHealthProps,
  exports = [Export.alerts()],
  id = "Export",
  subscriptionId = SUB,
) {
  return new ContinuousExport(s, id, {
    subscriptionId,
    resourceGroupName: "rg-sec",
    location: "westeurope",
    exports,
    destinations: [destination],
    health,
    provider: providerFor(s, subscriptionId),
  });
}
const all = (json: any, type: string) => Object.values(resourcesOf(json, type)) as any[];
const only = (json: any, type: string) => {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("the KQL judge: Microsoft's Kusto language service over the documented schemas", () => {
  test("refuses unknown tables, columns Microsoft does not document (SecurityAlert has no _SubscriptionId) and unknown functions", () => {
    expect(kqlDiagnostics("SecurityAlert | project TimeGenerated, ResourceId")).toEqual([]);
    expect(kqlDiagnostics("SecurityAlert | project _SubscriptionId").join()).toMatch(/_SubscriptionId/);
    expect(kqlDiagnostics("SecurityRecommendation | project _SubscriptionId").join()).toMatch(/_SubscriptionId/);
    expect(kqlDiagnostics("SecurityAlerts | count").join()).toMatch(/SecurityAlerts/);
    expect(kqlDiagnostics("SecureScores | where TimeGenerated > agoo(1h)").join()).toMatch(/agoo/);
  });
  test("judges the text Terraform renders: an interpolation inside a string becomes a resource id", () => {
    const query = 'AzureMetrics | where _ResourceId =~ "${join("/", slice(split("/", azurerm_eventhub.h.id), 0, 9))}"';
    expect(kqlDiagnostics(query)).not.toEqual([]);
    expect(asRendered(query)).toBe(
      'AzureMetrics | where _ResourceId =~ "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Example/things/known-at-apply"',
    );
    expect(kqlDiagnostics(asRendered(query))).toEqual([]);
  });
  test("finds a time span that is not a literal", () => {
    expect(nonLiteralAgo("let silence = 24h; T | where TimeGenerated < ago(silence)")).toEqual(["silence"]);
    expect(nonLiteralAgo("T | where TimeGenerated < ago(24h) and X > ago(1.5d)")).toEqual([]);
  });
});

describe("health on a workspace: a stateful log search alert per watched subscription", () => {
  test("lists the export's subscriptions, derives each row's subscription from documented columns, and reads as its own identity by role name", () => {
    const s = stack();
    exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS), { actionGroupId: ACTION_GROUP }, [
      Export.alerts({ minimumSeverity: AlertSeverity.HIGH }),
      Export.recommendations(),
      Export.secureScore(),
    ]);
    const json = synthJson(s);
    const rule = only(json, QUERY_RULE);
    expect(rule).toMatchObject({
      scopes: [WS],
      resource_group_name: "rg-soc",
      location: "westeurope",
      evaluation_frequency: "PT1H",
      window_duration: "P2D",
      severity: 2,
      auto_mitigation_enabled: true,
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
    const query: string = rule.criteria[0].query;
    expect(query).toBe(silenceQuery(["SecurityAlert", "SecurityRecommendation", "SecureScores"], 24, [SUB]));
    expect(query).toContain(`datatable(SubscriptionId: string) ["${SUB}"]`);
    expect(query).toMatch(
      /\(SecurityAlert \| project TimeGenerated, SubscriptionId = tolower\(extract\("\(\?i\)\/subscriptions\/\(\[\^\/\]\+\)", 1, tostring\(ResourceId\)\)\)\)/,
    );
    expect(query).toContain('extract("(?i)/subscriptions/([^/]+)", 1, tostring(AssessedResourceId))');
    expect(query).toContain("ago(24h)");
    // A watched subscription that never sent a row (no LastRow after the outer join) is silent too.
    expect(query).toContain(`| join kind=leftouter (rows | summarize LastRow = max(TimeGenerated) by SubscriptionId) on SubscriptionId`);
    expect(query).toContain("| where isnull(LastRow) or LastRow < ago(24h)");
    expect(nonLiteralAgo(query)).toEqual([]);
    expect(kqlDiagnostics(query)).toEqual([]);
    expect(all(json, "azurerm_role_assignment")).toEqual([
      {
        scope: WS,
        role_definition_name: "Log Analytics Reader",
        principal_id: expect.stringMatching(/^\$\{azurerm_monitor_scheduled_query_rules_alert_v2\..*\.identity\[0\]\.principal_id\}$/),
        principal_type: "ServicePrincipal",
      },
    ]);
  });

  test("shorter silences evaluate more often over a shorter look-back", () => {
    const s = stack();
    exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS), { actionGroupId: ACTION_GROUP, silenceAfterHours: 1, severity: 1 });
    const rule = only(synthJson(s), QUERY_RULE);
    expect(rule).toMatchObject({ evaluation_frequency: "PT15M", window_duration: "PT2H", severity: 1 });
    expect(rule.criteria[0].query).toContain("ago(1h)");
  });

  test("exports with the same receivers share one alert set: their subscriptions and tables together, the shortest silence, the most severe severity", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS);
    exportTo(s, soc, { emailReceivers: ["secops@contoso.example"], silenceAfterHours: 24, severity: 3 }, [Export.alerts()], "A");
    exportTo(s, soc, { emailReceivers: ["SecOps@contoso.example"], silenceAfterHours: 6, severity: 1 }, [Export.regulatoryCompliance()], "B", SUB2);
    const json = synthJson(s);
    const rule = only(json, QUERY_RULE);
    expect(rule.criteria[0].query).toContain(`["${SUB}", "${SUB2}"]`);
    expect(rule.criteria[0].query).toContain("SecurityRegulatoryCompliance | project");
    expect(rule).toMatchObject({ window_duration: "P1D", severity: 1 });
    expect(only(json, "azurerm_monitor_action_group").email_receiver).toHaveLength(1);
  });

  test("exports in different alert sets each tell their own receivers about their own subscriptions only", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS);
    exportTo(s, soc, { emailReceivers: ["a@contoso.example"], alertSet: "customer-a" }, [Export.alerts()], "A");
    exportTo(s, soc, { emailReceivers: ["b@fabrikam.example"], alertSet: "customer-b" }, [Export.alerts()], "B", SUB2);
    const json = synthJson(s);
    const rules = all(json, QUERY_RULE);
    expect(rules).toHaveLength(2);
    const groups = Object.entries(resourcesOf(json, "azurerm_monitor_action_group"));
    for (const rule of rules) {
      const [key] = groups.find(([k]) => rule.action.action_groups[0].includes(k)) as [string, any];
      const receiver = (resourcesOf(json, "azurerm_monitor_action_group")[key] as any).email_receiver[0].email_address;
      expect(rule.criteria[0].query).toContain(receiver.startsWith("a@") ? SUB : SUB2);
      expect(rule.criteria[0].query).not.toContain(receiver.startsWith("a@") ? SUB2 : SUB);
    }
  });

  test("different receivers in one alert set, or a set that cannot tell its subscriptions apart on a shared destination, are refused", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS);
    exportTo(s, soc, { emailReceivers: ["a@contoso.example"] }, [Export.alerts()], "A");
    expect(errorOf(() => exportTo(s, soc, { emailReceivers: ["b@fabrikam.example"] }, [Export.alerts()], "B", SUB2))).toMatch(
      /DFE135.*s\/B.*alert set "default".*s\/A.*action group or receivers.*`health.alertSet`/,
    );
    expect(errorOf(() => exportTo(s, soc, { emailReceivers: ["a@contoso.example"], location: "northeurope" }, [Export.alerts()], "C", SUB3))).toMatch(
      /DFE135.*location/,
    );
    expect(
      errorOf(
        () =>
          new ContinuousExportPolicy(s, "Policy", {
            scope: PolicyScope.managementGroup("contoso"),
            exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
            destinations: [soc],
            location: "westeurope",
            resourceGroupName: "rg-export",
            health: { emailReceivers: ["mg@contoso.example"], alertSet: "group" },
          }),
      ),
    ).toMatch(/DFE136.*several health alert sets/);
  });
});

describe("health on an event hub and a Logic App: a log search alert over their metrics in a workspace", () => {
  test("an event hub needs a metrics workspace: Microsoft does not document a zero when nothing arrives", () => {
    const s = stack();
    const hub = EventHubDestination.fromEventHubId(s, "Siem", HUB, { sendRuleName: "export-send" });
    expect(errorOf(() => exportTo(s, hub, { actionGroupId: ACTION_GROUP }))).toMatch(/DFE134.*metricsWorkspaceId/);
  });

  test("an event hub: its namespace's metrics go to the workspace, and the alert fires on no incoming message, zeros or no rows alike", () => {
    const s = stack();
    exportTo(s, EventHubDestination.fromEventHubId(s, "Siem", HUB, { sendRuleName: "export-send" }), {
      actionGroupId: ACTION_GROUP,
      silenceAfterHours: 6,
      metricsWorkspaceId: WS,
    });
    const json = synthJson(s);
    const namespace = HUB.replace("/eventhubs/defender", "");
    expect(only(json, "azurerm_monitor_diagnostic_setting")).toMatchObject({
      target_resource_id: namespace,
      log_analytics_workspace_id: WS,
      enabled_metric: [{ category: "AllMetrics" }],
    });
    const rule = only(json, QUERY_RULE);
    expect(rule).toMatchObject({
      scopes: [WS],
      resource_group_name: "rg-siem",
      window_duration: "PT6H",
      evaluation_frequency: "PT1H",
      auto_mitigation_enabled: true,
    });
    expect(rule.criteria[0].dimension).toBeUndefined();
    expect(rule.criteria[0].query).toContain(`_ResourceId =~ "${namespace}" and MetricName == "IncomingMessages"`);
    expect(rule.criteria[0].query).toContain("datatable(Total: real) [0.0]");
    expect(kqlDiagnostics(rule.criteria[0].query)).toEqual([]);
    expect(only(json, "azurerm_role_assignment")).toMatchObject({ scope: WS, role_definition_name: "Log Analytics Reader" });
  });

  test("a trusted-service event hub is watched the same way (a refused sender shows as silence)", () => {
    const s = stack();
    new AzapiProvider(s, "azapi", {});
    exportTo(
      s,
      EventHubDestination.fromEventHubId(s, "Siem", HUB, {
        trustedService: { principal: SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222") },
      }),
      { actionGroupId: ACTION_GROUP, metricsWorkspaceId: WS },
    );
    expect(only(synthJson(s), QUERY_RULE).criteria[0].query).toContain("IncomingMessages");
  });

  test("a Logic App: no run within the silence, and any failed run within an hour", () => {
    const s = stack();
    const triggerUrl = new TerraformVariable(s, "trigger_url", { type: "string", sensitive: true }).stringValue;
    exportTo(s, LogicAppDestination.fromWorkflow(s, "Tickets", { workflowId: WORKFLOW, triggerUrl }), {
      actionGroupId: ACTION_GROUP,
      silenceAfterHours: 12,
      metricsWorkspaceId: WS,
    });
    const json = synthJson(s);
    const rules = all(json, QUERY_RULE);
    const metricOf = (query: string) => /MetricName == "(\w+)"/.exec(query)?.[1];
    const firesOn = (query: string) => query.split("\n").pop();
    expect(rules.map((r) => [metricOf(r.criteria[0].query), r.window_duration, firesOn(r.criteria[0].query)]).sort()).toEqual([
      ["RunsFailed", "PT1H", "| where Total > 0"],
      ["RunsStarted", "PT12H", "| where Total == 0"],
    ]);
    rules.forEach((r) => expect(kqlDiagnostics(r.criteria[0].query)).toEqual([]));
    expect(only(json, "azurerm_monitor_diagnostic_setting").target_resource_id).toBe(WORKFLOW);
    expect(all(json, "azurerm_role_assignment")).toHaveLength(2);
  });
});

describe("where health is written: the destination's subscription and tenant", () => {
  test("a destination in another subscription without a provider for it is refused; with one, everything goes through it", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", OTHER_WS);
    exportTo(s, soc, { actionGroupId: ACTION_GROUP });
    expect(errorOf(() => synthJson(s))).toMatch(/DFE137.*s\/Soc.*subscription 00000000-0000-0000-0000-000000000099.*provider/);

    const t = stack();
    const socProvider = new AzurermProvider(t, "soc", { features: [{}], alias: "soc", subscriptionId: "00000000-0000-0000-0000-000000000099" });
    exportTo(t, LogAnalyticsDestination.fromWorkspaceId(t, "Soc", OTHER_WS, { provider: socProvider }), { emailReceivers: ["a@contoso.example"] });
    const json = synthJson(t);
    for (const type of [QUERY_RULE, "azurerm_role_assignment", "azurerm_monitor_action_group"]) expect(only(json, type).provider).toBe("azurerm.soc");
  });

  test("a provider in another tenant than the destination's is refused", () => {
    const s = stack();
    const other = new AzurermProvider(s, "other", {
      features: [{}],
      alias: "other",
      subscriptionId: SUB,
      tenantId: "33333333-3333-3333-3333-333333333333",
    });
    exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS, { tenantId: "44444444-4444-4444-4444-444444444444" }), {
      actionGroupId: ACTION_GROUP,
      provider: other,
    });
    expect(errorOf(() => synthJson(s))).toMatch(/DFE137.*tenant 33333333.*tenant 44444444/);
  });
});

describe("names and addresses: stable under renames and reordering, never colliding", () => {
  const addresses = (ids: string[], destinationId: string, set?: string) => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, destinationId, WS);
    ids.forEach((id, i) => exportTo(s, soc, { actionGroupId: ACTION_GROUP, alertSet: set }, [Export.alerts()], id, i === 0 ? SUB : SUB2));
    const json = synthJson(s);
    return {
      keys: Object.keys(json.resource)
        .flatMap((t) => Object.keys(json.resource[t]).map((k) => `${t}.${k}`))
        .filter((a) => /ExportHealth/.test(a))
        .sort(),
      names: all(json, QUERY_RULE).map((r) => r.name),
    };
  };
  test("renaming the destination or the exports, or reordering them, keeps every address and name", () => {
    const before = addresses(["A", "B"], "Soc");
    expect(addresses(["B", "A"], "Soc")).toEqual(before);
    expect(addresses(["Renamed", "B"], "SocRenamed")).toEqual(before);
  });
  test("ids that an underscore-to-hyphen mapping merged (Soc_1, Soc-1) or sets that differ in case only get names of their own or one set", () => {
    const s = stack();
    const a = LogAnalyticsDestination.fromWorkspaceId(s, "Soc_1", WS);
    const b = LogAnalyticsDestination.fromWorkspaceId(s, "Soc-1", WS.replace("law-soc", "law-other"));
    exportTo(s, a, { actionGroupId: ACTION_GROUP }, [Export.alerts()], "A");
    exportTo(s, b, { actionGroupId: ACTION_GROUP }, [Export.alerts()], "B", SUB2);
    const names = all(synthJson(s), QUERY_RULE).map((r) => r.name);
    expect(new Set(names).size).toBe(2);
    names.forEach((n) => expect(n).toMatch(/^dfe-health-[0-9a-f]{16}-silence$/));
  });
});

describe("any props object", () => {
  class HealthSettings {
    get actionGroupId() {
      return ACTION_GROUP;
    }
    get silenceAfterHours() {
      return 6;
    }
  }
  test("a class instance with getters, a frozen object and a proxy read alike", () => {
    for (const props of [
      new HealthSettings(),
      Object.freeze({ actionGroupId: ACTION_GROUP, silenceAfterHours: 6 }),
      new Proxy({ actionGroupId: ACTION_GROUP, silenceAfterHours: 6 }, {}),
    ]) {
      const s = stack();
      const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS);
      new ContinuousExportPolicy(s, "Policy", {
        scope: PolicyScope.subscription(SUB),
        exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
        destinations: [soc],
        location: "westeurope",
        resourceGroupName: "rg-export",
        health: props as ExportHealthProps,
      });
      expect(only(synthJson(s), QUERY_RULE)).toMatchObject({ window_duration: "P1D", action: { action_groups: [ACTION_GROUP] } });
    }
  });
  test("a getter that throws is a coded error, not a crash", () => {
    const s = stack();
    const props = Object.defineProperty({}, "actionGroupId", {
      get() {
        throw new Error("boom");
      },
    });
    expect(errorOf(() => exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS), props as ExportHealthProps))).toMatch(
      /DFE130.*reading `health.actionGroupId` failed \(boom\)/,
    );
  });
});

describe("fleets and the policy route", () => {
  test("a fleet's shared workspace gets one alert set listing the fleet's subscriptions", () => {
    const s = stack();
    new AzapiProvider(s, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS);
    const subscriptions = Array.from({ length: 30 }, (_, i) => ({ subscriptionId: `10000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}` }));
    new ContinuousExportFleet(s, "Fleet", {
      subscriptions,
      exports: [Export.alerts()],
      destinations: [soc],
      resourceGroupName: "rg",
      location: "westeurope",
      health: { actionGroupId: ACTION_GROUP },
    });
    const query = only(synthJson(s), QUERY_RULE).criteria[0].query;
    subscriptions.forEach((sub) => expect(query).toContain(`"${sub.subscriptionId}"`));
    expect(kqlDiagnostics(query)).toEqual([]);
    expect(ExportReport.format(s)).toContain("watched subscription (30)");
  });

  test("the policy route at a management group watches every subscription seen, and says when nothing arrived at all", () => {
    const s = stack();
    const soc = LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS);
    const policy = new ContinuousExportPolicy(s, "Policy", {
      scope: PolicyScope.managementGroup("contoso"),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
      destinations: [soc],
      location: "westeurope",
      resourceGroupName: "rg-export",
      health: { emailReceivers: ["secops@contoso.example"] },
    });
    const query = only(synthJson(s), QUERY_RULE).criteria[0].query;
    expect(query).toContain('"(every subscription)"');
    expect(kqlDiagnostics(query)).toEqual([]);
    expect(nonLiteralAgo(query)).toEqual([]);
    expect(policy.summary.health).toMatch(/^a log search alert .* subscription seen in the look-back/);
    expect(ExportReport.format(s)).toMatch(/\n {6}health: a log search alert/);
  });
});

describe("what health refuses", () => {
  const attempt =
    (health: unknown, exports = [Export.alerts()]) =>
    () => {
      const s = stack();
      exportTo(s, LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WS), health as ExportHealthProps, exports);
    };
  test("no place to send the alerts, or two; an address that is not one", () => {
    expect(errorOf(attempt({}))).toMatch(/DFE130.*`actionGroupId`.*or `emailReceivers`/);
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, emailReceivers: ["a@b.example"] }))).toMatch(/DFE130/);
    expect(errorOf(attempt({ emailReceivers: ["not an address"] }))).toMatch(/DFE130.*"not an address".*is not an e-mail address/);
    expect(errorOf(attempt({ actionGroupId: "secops" }))).toMatch(/DFE130.*"secops" is not an action group id/);
    expect(errorOf(attempt(42))).toMatch(/DFE130.*must be an object/);
  });
  test("a silence Azure Monitor cannot evaluate, a severity outside 0–4", () => {
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, silenceAfterHours: 72 }))).toMatch(/DFE131.*1, 6, 12, 24 hours.*48 h/);
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, severity: 5 }))).toMatch(/DFE131.*0 to 4/);
  });
  test("an alert set or a metrics workspace of the wrong shape", () => {
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, alertSet: "team a" }))).toMatch(/DFE138.*alertSet.*"team a"/);
    expect(errorOf(attempt({ actionGroupId: ACTION_GROUP, metricsWorkspaceId: "law-soc" }))).toMatch(/DFE138.*metricsWorkspaceId.*"law-soc"/);
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
