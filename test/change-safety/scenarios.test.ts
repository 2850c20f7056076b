import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import {
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportFleet,
  ContinuousExportPolicy,
  ExistingAutomation,
  ReleasedExport,
  ExportDelegation,
  PolicyScope,
  AlertSeverity,
  ContinuousExportProps,
  ContinuousExportFleetProps,
  FleetLayout,
  CrossTenantAccess,
  ShardPlan,
  EventHubDestination,
  Export,
  ExportingPrincipal,
  LogAnalyticsDestination,
  LogicAppDestination,
  SecurityResourceProvider,
} from "../../lib";
import { addShardedFleet } from "../../examples/sharded-fleet";
import { planStack } from "./planner";
import { losses, planApp, synthStacks, withAction } from "./synth";
import { terraformAvailable, terraformPlan } from "./terraform-planner";

/**
 * Edits the examples do not reach, each one a plan a user reached with an earlier version or an
 * obvious request: before and after are synthesized, the planner says what Terraform would do.
 */

const SOURCE_TENANT = "00000000-0000-0000-0000-0000000000aa";
const DEST_TENANT = "00000000-0000-0000-0000-0000000000cc";
const EVENT_HUB =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem/eventhubs/defender";
const workspaceId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-${name.toLowerCase()}`;

function synth(build: (stack: TerraformStack) => void): any {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, "s");
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

/**
 * The JSON as the oldest version wrote it: every resource that `moved` blocks lead to sits at the first
 * address of its chain (`a → b → now`: at `a`).
 */
function beforeMoves(json: any): any {
  const before = JSON.parse(JSON.stringify(json));
  const source = new Map<string, string>((json.moved ?? []).map((m: any) => [m.to, m.from]));
  const renamed = new Map<string, string>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const name of Object.keys(byName as object)) {
      let first = `${type}.${name}`;
      while (source.has(first)) first = source.get(first)!;
      if (first === `${type}.${name}`) continue;
      before.resource[type][first.split(".")[1]] = before.resource[type][name];
      delete before.resource[type][name];
      renamed.set(`${type}.${name}`, first);
    }
  }
  delete before.moved;
  // References (depends_on, interpolations) name the resources where they were.
  let text = JSON.stringify(before);
  for (const [now, first] of renamed) text = text.split(now).join(first);
  return JSON.parse(text);
}

/** Plans with the model, and, where Terraform is on the PATH, checks that Terraform's own planner agrees. */
function plan(before: any, after: any): Map<string, { action: string; movedFrom?: string; because?: string[] }> {
  const modelled = planStack(before, after);
  if (terraformAvailable()) {
    const lines = (p: Map<string, { action: string; movedFrom?: string }>) =>
      [...p].map(([a, x]) => `${a} ${x.action}${x.movedFrom ? ` <- ${x.movedFrom}` : ""}`).sort();
    expect(lines(terraformPlan(before, after))).toEqual(lines(modelled));
  }
  return modelled;
}

function actions(plan: Map<string, { action: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [address, { action }] of plan) (out[action] ??= []).push(address);
  return out;
}

describe("cross-tenant grants are keyed by what they grant", () => {
  const grantTo = (names: string[], fromPositionalIds?: boolean) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: DEST_TENANT, subscriptionId: "00000000-0000-0000-0000-000000000099" });
    const destinations = names.map((n) => LogAnalyticsDestination.fromWorkspaceId(stack, n, workspaceId(n)));
    new CrossTenantAccess(stack, "Grant", {
      destinations,
      principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"),
      exportingTenantId: SOURCE_TENANT,
      fromPositionalIds,
    });
  };

  test("new grants write no moved block", () => {
    expect(synth(grantTo(["Soc", "Audit"])).moved).toBeUndefined();
  });

  test("inserting a destination first leaves the existing grant in place", () => {
    const before = synth(grantTo(["Soc"]));
    const planned = plan(before, synth(grantTo(["Audit", "Soc"])));
    expect(actions(planned)).toEqual({
      kept: Object.keys(before.resource.azurerm_role_assignment).map((n) => `azurerm_role_assignment.${n}`),
      created: [expect.any(String)],
    });
  });

  test("renaming the destination's construct keeps the grant: it is keyed by the scope Azure grants on", () => {
    const renamed = (stack: TerraformStack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: DEST_TENANT, subscriptionId: "00000000-0000-0000-0000-000000000099" });
      new CrossTenantAccess(stack, "Grant", {
        destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "SocRenamed", workspaceId("Soc"))],
        principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"),
        exportingTenantId: SOURCE_TENANT,
      });
    };
    expect(Object.keys(actions(plan(synth(grantTo(["Soc"])), synth(renamed))))).toEqual(["kept"]);
  });

  test("a state written when grants were numbered by position, or keyed by the destination's path, moves to the keyed addresses with fromPositionalIds, nothing replaced", () => {
    expect(synth(grantTo(["Soc", "Audit"])).moved).toBeUndefined();
    const after = synth(grantTo(["Soc", "Audit"], true));
    expect(after.moved.map((m: any) => m.from)).toEqual([
      expect.stringContaining("Grant_Role0_"),
      expect.stringContaining("Grant_Role-Soc_"),
      expect.stringContaining("Grant_Role1_"),
      expect.stringContaining("Grant_Role-Audit_"),
    ]);
    const planned = plan(beforeMoves(after), after);
    expect(actions(planned)).toEqual({ kept: expect.any(Array) });
    expect([...planned.values()].filter((p) => p.movedFrom).length).toBe(2);
  });

  test("Lighthouse: reordering the destinations keeps the definition and its assignments", () => {
    const lighthouse = (names: string[]) => (stack: TerraformStack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: DEST_TENANT, subscriptionId: "00000000-0000-0000-0000-000000000099" });
      const destinations = names.map((n) => LogAnalyticsDestination.fromWorkspaceId(stack, n, workspaceId(n)));
      new CrossTenantAccess(stack, "Grant", {
        destinations,
        principal: ExportingPrincipal.lighthouse({ principalId: "00000000-0000-0000-0000-0000000000dd", displayName: "SOC" }),
        exportingTenantId: SOURCE_TENANT,
      });
    };
    const planned = plan(synth(lighthouse(["Soc", "Audit"])), synth(lighthouse(["Audit", "Soc"])));
    expect(Object.keys(actions(planned))).toEqual(["kept"]);
  });
});

describe("the resource group an export creates", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const withProviders = (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    new AzapiProvider(stack, "azapi", {});
  };
  const exportWith =
    (exports: Export[], extra: Partial<ContinuousExportProps> = {}) =>
    (stack: TerraformStack) => {
      withProviders(stack);
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExport(stack, "Export", {
        subscriptionId: SUB,
        resourceGroupName: "rg-export",
        location: "westeurope",
        createResourceGroup: true,
        exports,
        destinations: [soc],
        ...extra,
      });
    };

  test("adding attack paths (previousWriter as the README says) keeps the group and hands the automation over", () => {
    const planned = plan(
      synth(exportWith([Export.alerts()])),
      synth(exportWith([Export.alerts(), Export.attackPaths()], { previousWriter: AutomationWriter.AZURERM })),
    );
    expect(actions(planned)).toEqual({
      kept: ["azurerm_resource_group.Export_ResourceGroup_84FF5E15"],
      imported: ["azapi_resource.Export_Workspace_051928DA"],
      forgotten: ["azurerm_security_center_automation.Export_Workspace_051928DA"],
    });
  });

  test("dropping the last destination the azurerm writer writes keeps the group", () => {
    const twoKinds = (withWorkspace: boolean) => (stack: TerraformStack) => {
      withProviders(stack);
      const hub = EventHubDestination.fromEventHubId(stack, "Hub", EVENT_HUB, {
        trustedService: { principal: SecurityResourceProvider.byObjectId("00000000-0000-0000-0000-0000000000ee") },
      });
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExport(stack, "Export", {
        subscriptionId: SUB,
        resourceGroupName: "rg-export",
        location: "westeurope",
        createResourceGroup: true,
        exports: [Export.alerts()],
        destinations: withWorkspace ? [hub, soc] : [hub],
      });
    };
    const planned = plan(synth(twoKinds(true)), synth(twoKinds(false)));
    expect(actions(planned).destroyed).toEqual(["azurerm_security_center_automation.Export_Workspace_051928DA"]);
    expect(actions(planned).kept).toContain("azurerm_resource_group.Export_ResourceGroup_84FF5E15");
  });

  test("a group an earlier version wrote through azapi is handed over with removed + import", () => {
    const json = synth(exportWith([Export.attackPaths()], { previousResourceGroupWriter: AutomationWriter.AZAPI }));
    expect(json.removed).toEqual([{ from: "azapi_resource.Export_ResourceGroup_84FF5E15", lifecycle: { destroy: false } }]);
    expect(json.import).toEqual([
      { to: "azurerm_resource_group.Export_ResourceGroup_84FF5E15", id: `/subscriptions/${SUB}/resourceGroups/rg-export` },
    ]);
  });

  test("resourceGroupWriter picks the azapi group explicitly; an unknown value is refused", () => {
    const json = synth(exportWith([Export.alerts()], { resourceGroupWriter: AutomationWriter.AZAPI }));
    expect(Object.keys(json.resource.azapi_resource)).toEqual(["Export_ResourceGroup_84FF5E15"]);
    expect(() => synth(exportWith([Export.alerts()], { resourceGroupWriter: { name: "bicep" } as unknown as AutomationWriter }))).toThrow(/DFE115/);
  });

  test("a new event hub, workspace or Logic App placed in the created group by name waits for the group", () => {
    const json = synth((stack) => {
      withProviders(stack);
      const place = { resourceGroupName: "rg-export", location: "westeurope" };
      const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", ...place });
      const ws = new LogAnalyticsDestination(stack, "Ws", { workspaceName: "law-export", ...place });
      const app = new LogicAppDestination(stack, "Flow", { workflowName: "la-export", ...place });
      const other = new LogAnalyticsDestination(stack, "Other", {
        workspaceName: "law-other",
        resourceGroupName: "rg-other",
        location: "westeurope",
      });
      new ContinuousExport(stack, "Export", {
        subscriptionId: SUB,
        ...place,
        createResourceGroup: true,
        exports: [Export.alerts()],
        destinations: [hub, ws, app, other],
      });
    });
    const group = "azurerm_resource_group.Export_ResourceGroup_84FF5E15";
    expect(Object.values(json.resource.azurerm_eventhub_namespace).map((r: any) => r.depends_on)).toEqual([[group]]);
    const workspaces = Object.entries(json.resource.azurerm_log_analytics_workspace).map(([id, r]: [string, any]) => [
      id.split("_")[0],
      r.depends_on,
    ]);
    expect(workspaces.sort()).toEqual([
      ["Other", undefined],
      ["Ws", [group]],
    ]);
    expect(Object.values(json.resource.azurerm_logic_app_workflow).map((r: any) => r.depends_on)).toEqual([[group]]);
  });
});

describe("adoption changes nothing the user did not state", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`;
  const HUB_ID = `/subscriptions/${SUB}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem-01/eventhubs/defender`;

  /** The state right after the import: every resource the JSON imports, with the settings it has in Azure. */
  function liveState(json: any, live: { [type: string]: object }): any {
    const state = JSON.parse(JSON.stringify(json));
    for (const [type, settings] of Object.entries(live)) {
      for (const body of Object.values(state.resource[type] ?? {}) as any[]) Object.assign(body, settings);
    }
    delete state.import;
    return state;
  }

  const adoptWorkspace = (stated: object) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    new LogAnalyticsDestination(stack, "Soc", {
      workspaceName: "law-soc",
      resourceGroupName: "rg-soc",
      location: "westeurope",
      adopt: { workspaceId: WS_ID, hasSecurityCenterFree: true },
      ...stated,
    });
  };
  const workspaceLive = {
    azurerm_log_analytics_workspace: {
      retention_in_days: 90,
      sku: "CapacityReservation",
      daily_quota_gb: 50,
      tags: { owner: "soc" },
      internet_ingestion_enabled: false,
    },
    azurerm_log_analytics_solution: { tags: { owner: "soc" } },
  };

  test("a workspace adopted as the README shows keeps its retention, tier, cap, tags and network settings", () => {
    const after = synth(adoptWorkspace({}));
    const planned = plan(liveState(after, workspaceLive), after);
    expect(actions(planned)).toEqual({ kept: expect.any(Array) });
  });

  test("what the props state is applied to an adopted workspace, and nothing else", () => {
    const after = synth(adoptWorkspace({ retentionInDays: 180 }));
    const planned = plan(liveState(after, workspaceLive), after);
    expect([...planned.values()].filter((p) => p.action !== "kept")).toEqual([
      expect.objectContaining({ action: "updated", because: ["retention_in_days"] }),
    ]);
  });

  test("an adopted event hub keeps its tier, capacity, partitions, retention, TLS and its rule's other rights", () => {
    const after = synth((stack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
      new EventHubDestination(stack, "Siem", {
        namespaceName: "evhns-siem-01",
        eventHubName: "defender",
        resourceGroupName: "rg-siem",
        location: "westeurope",
        adopt: { eventHubId: HUB_ID, sendRuleName: "siem" },
        sendRuleName: "siem",
      });
    });
    const live = {
      azurerm_eventhub_namespace: { sku: "Premium", capacity: 4, minimum_tls_version: "1.0", tags: { team: "siem" }, auto_inflate_enabled: true },
      azurerm_eventhub: { partition_count: 32, message_retention: 3 },
      azurerm_eventhub_authorization_rule: { listen: true, manage: false },
    };
    const planned = plan(liveState(after, live), after);
    expect(actions(planned)).toEqual({ kept: expect.any(Array) });
    const [rule] = Object.values(after.resource.azurerm_eventhub_authorization_rule) as any[];
    expect([rule.send, rule.lifecycle.ignore_changes]).toEqual([true, ["listen", "manage"]]);
  });
});

describe("a sharded fleet whose shard count changes", () => {
  const ids = Array.from({ length: 50 }, (_, i) => `10000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}`);
  const fleet = (shardCount: number, previousShardCount?: number) =>
    synthStacks((app) =>
      addShardedFleet(app, {
        tenantId: SOURCE_TENANT,
        centralSubscriptionId: "00000000-0000-0000-0000-000000000099",
        subscriptionIds: ids,
        shardCount,
        previousShardCount,
        location: "westeurope",
        workspaceName: "law-fleet-central",
        exportResourceGroupName: "rg-defender-export",
        state: { resourceGroupName: "rg-tfstate", storageAccountName: "sttfstatedefender", containerName: "tfstate" },
      }),
    );
  /** Where each subscription's automation is, by state. */
  const owners = (plans: Map<string, Map<string, { action: string }>>, action: string) =>
    [...plans]
      .flatMap(([stack, plan]) =>
        [...plan]
          .filter(([a, p]) => p.action === action && a.includes("_Workspace_"))
          .map(([a]) => `${stack}:${/(?:Fleet_([0-9a-f-]{36})_|\["([0-9a-f-]{36})"\]$)/.exec(a)!.slice(1).join("")}`),
      )
      .sort();

  test("raising the count (previousShardCount set) moves state only: nothing destroyed or created, each mover forgotten by its old shard and imported by its new one", () => {
    const [before, after] = [fleet(5), fleet(6, 5)];
    const plans = planApp(before, after);
    for (const stack of ["fleet-shard-00", "fleet-shard-05"]) plan(before.get(stack), after.get(stack)); // Terraform agrees
    expect(losses(plans)).toEqual([]);
    expect(withAction(plans, "created")).toEqual([]);
    const imported = owners(plans, "imported");
    const forgotten = owners(plans, "forgotten");
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.map((o) => o.split(":")[1])).toEqual(forgotten.map((o) => o.split(":")[1]).sort());
    expect(new Set(imported.map((o) => o.split(":")[0]))).toEqual(new Set(["fleet-shard-05"]));
    // Their created resource groups move with them.
    expect(withAction(plans, "imported").filter((a) => a.includes("_ResourceGroup_")).length).toBe(imported.length);
  });

  test("without previousShardCount the same change would delete and re-create them: the harness sees it", () => {
    expect(losses(planApp(fleet(5), fleet(6))).length).toBeGreaterThan(0);
  });

  test("lowering the count keeps the dropped shard as a retiring, empty stack that lets its subscriptions go", () => {
    const after = fleet(5, 6);
    expect(after.has("fleet-shard-05")).toBe(true);
    const plans = planApp(fleet(6), after);
    expect(losses(plans)).toEqual([]);
    expect(withAction(plans, "created")).toEqual([]);
    expect(owners(plans, "forgotten").every((o) => o.startsWith("fleet-shard-05:"))).toBe(true);
    expect(owners(plans, "imported").length).toBe(owners(plans, "forgotten").length);
  });

  test("a fleet given a shard must list exactly the shard's subscriptions", () => {
    const [shard] = ShardPlan.of(ids, { shardCount: 2 });
    const stack = new TerraformStack(Testing.app(), "s");
    new AzapiProvider(stack, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    const base = { exports: [Export.alerts()], destinations: [soc], resourceGroupName: "rg", location: "westeurope", shard };
    expect(() => new ContinuousExportFleet(stack, "Fleet", { ...base, subscriptions: [{ subscriptionId: ids[0] }] })).toThrow(/DFE095/);
  });
});

describe("a fleet changing layout", () => {
  const ids = Array.from({ length: 4 }, (_, i) => `10000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}`);
  const fleetWith =
    (props: Partial<ContinuousExportFleetProps>, workspaceOnly = false) =>
    (stack: TerraformStack) => {
      new AzapiProvider(stack, "azapi", {});
      new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000001" });
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      const hub = EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB, { sendRuleName: "export-send" });
      new ContinuousExportFleet(stack, "Fleet", {
        subscriptions: ids.map((subscriptionId) => ({ subscriptionId })),
        exports: [Export.alerts(), Export.recommendations()],
        destinations: workspaceOnly ? [soc] : [soc, hub],
        resourceGroupName: "rg-export",
        location: "westeurope",
        createResourceGroup: true,
        ...props,
      });
    };
  const perSubscription = synth(fleetWith({ layout: FleetLayout.PER_SUBSCRIPTION }));

  test("a fleet written per subscription moves to the for_each layout (previousLayout PER_SUBSCRIPTION) with moved blocks: nothing created, destroyed or replaced", () => {
    const planned = plan(perSubscription, synth(fleetWith({ previousLayout: FleetLayout.PER_SUBSCRIPTION })));
    expect(Object.keys(actions(planned))).toEqual(["kept"]);
    // Every automation and group of every subscription, each moved into its instance.
    expect([...planned.values()].filter((p) => p.movedFrom).length).toBe(ids.length * 3);
    expect([...planned.keys()].every((a) => /\["10000000-0000-0000-0000-00000000000[1-4]"\]$/.test(a))).toBe(true);
  });

  test("back to per subscription (previousLayout FOR_EACH) moves them back", () => {
    const forEach = synth(fleetWith({}));
    const planned = plan(forEach, synth(fleetWith({ layout: FleetLayout.PER_SUBSCRIPTION, previousLayout: FleetLayout.FOR_EACH })));
    expect(Object.keys(actions(planned))).toEqual(["kept"]);
    expect([...planned.values()].filter((p) => p.movedFrom).length).toBe(ids.length * 3);
  });

  test("without the moved blocks (no previousLayout) the change would delete every automation: the harness sees it", () => {
    const planned = planStack(perSubscription, synth(fleetWith({})));
    expect(actions(planned).destroyed).toHaveLength(ids.length * 3);
  });

  /** The fleet with an azurerm provider of each subscription's own (azurerm writes in its provider's subscription). */
  const perSubscriptionProviders =
    (props: Partial<ContinuousExportFleetProps>) =>
    (stack: TerraformStack): void => {
      const subscriptions = ids.map((subscriptionId, i) => ({
        subscriptionId,
        provider: new AzurermProvider(stack, `azurerm${i}`, { features: [{}], subscriptionId, alias: `s${i}` }),
      }));
      fleetWith({ subscriptions, ...props })(stack);
    };
  const azurermPerSubscription = synth(perSubscriptionProviders({ layout: FleetLayout.PER_SUBSCRIPTION, writer: AutomationWriter.AZURERM }));
  const azurermGroups = Object.keys(azurermPerSubscription.resource.azurerm_resource_group ?? {}).map((name) => `azurerm_resource_group.${name}`);
  const toForEach = { previousLayout: FleetLayout.PER_SUBSCRIPTION, previousWriter: AutomationWriter.AZURERM, writer: AutomationWriter.AZAPI };

  test("a fleet written per subscription through azurerm moves to the for_each layout (azapi) and stops creating its groups: its azurerm groups are forgotten, nothing destroyed", () => {
    expect(azurermGroups).toHaveLength(ids.length);
    const planned = plan(azurermPerSubscription, synth(fleetWith({ ...toForEach, createResourceGroup: false })));
    expect(actions(planned).destroyed).toBeUndefined();
    expect(actions(planned).replaced).toBeUndefined();
    expect(actions(planned).forgotten).toEqual(expect.arrayContaining(azurermGroups));
  });

  test("the same move keeping its groups hands them over too: nothing destroyed or replaced", () => {
    const planned = plan(azurermPerSubscription, synth(fleetWith(toForEach)));
    expect(actions(planned).destroyed).toBeUndefined();
    expect(actions(planned).replaced).toBeUndefined();
  });

  test("moving and no longer creating the groups in one change forgets the groups, deleting nothing", () => {
    const planned = plan(perSubscription, synth(fleetWith({ previousLayout: FleetLayout.PER_SUBSCRIPTION, createResourceGroup: false })));
    expect(actions(planned).destroyed).toBeUndefined();
    expect(actions(planned).forgotten).toHaveLength(ids.length);
    expect([...planned.values()].filter((p) => p.movedFrom).length).toBe(ids.length * 2);
  });

  test("taking over the policy-made exports later imports into instances already in the state: no change, Terraform agrees", () => {
    const forEach = synth(fleetWith({ previousLayout: FleetLayout.FOR_EACH }, true));
    const adopted = synth(fleetWith({ previousLayout: FleetLayout.FOR_EACH, adoptPolicyExports: {} }, true));
    expect(adopted.import).toHaveLength(ids.length);
    expect(Object.keys(actions(plan(forEach, adopted)))).toEqual(["kept"]);
  });

  test("a new fleet, or previousLayout set to the current layout, writes no moved block; only another previousLayout does", () => {
    expect(synth(fleetWith({})).moved).toBeUndefined();
    expect(synth(fleetWith({ layout: FleetLayout.PER_SUBSCRIPTION })).moved).toBeUndefined();
    expect(synth(fleetWith({ previousLayout: FleetLayout.FOR_EACH })).moved).toBeUndefined();
    expect(synth(fleetWith({ previousLayout: FleetLayout.PER_SUBSCRIPTION })).moved).toHaveLength(ids.length * 3);
  });
});

describe("one Azure automation has one owner in the app", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const exportIn = (stack: TerraformStack, id: string, props: Partial<ContinuousExportProps> = {}) => {
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, `${id}Soc`, workspaceId("law-soc"));
    return new ContinuousExport(stack, id, {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [soc],
      ...props,
    });
  };

  test("two stacks that write the same automation are refused, naming both", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, "team-a");
    const b = new TerraformStack(app, "team-b");
    exportIn(a, "Alerts");
    expect(() => exportIn(b, "Alerts")).toThrow(/DFE032.*team-a\/Alerts \(another stack: two states would own one automation\)/);
  });

  test("an azurerm provider whose subscription is not set in code cannot write two subscriptions' exports", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    exportIn(stack, "One");
    exportIn(stack, "Two", { subscriptionId: "00000000-0000-0000-0000-000000000002" });
    expect(() => Testing.synth(stack, true)).toThrow(/DFE030.*s\/Two.*s\/One/s);
  });

  test("a fleet written through azurerm with one provider from the environment is refused the same way", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    new ContinuousExportFleet(stack, "Fleet", {
      subscriptions: [{ subscriptionId: SUB }, { subscriptionId: "00000000-0000-0000-0000-000000000002" }],
      exports: [Export.alerts()],
      destinations: [soc],
      resourceGroupName: "rg-export",
      location: "westeurope",
      writer: AutomationWriter.AZURERM,
    });
    expect(() => Testing.synth(stack, true)).toThrow(/DFE030/);
  });

  test("a subscription known only at apply gets a warning that names the risk", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const subscription = new TerraformVariable(stack, "subscription", { type: "string" });
    exportIn(stack, "Alerts", { subscriptionId: subscription.stringValue });
    const warnings = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/DFW001.*cannot check that no other export/)]);
  });
});

describe("turning createResourceGroup off", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const build = (createResourceGroup: boolean) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      createResourceGroup,
      exports: [Export.alerts()],
      destinations: [soc],
    });
  };

  test("with false, the group created before is forgotten with everything in it, not deleted", () => {
    const planned = plan(synth(build(true)), synth(build(false)));
    expect(actions(planned)).toEqual({
      kept: [expect.stringContaining("azurerm_security_center_automation.")],
      forgotten: [expect.stringContaining("azurerm_resource_group.Export_ResourceGroup_")],
    });
  });
});

describe("hand-over props are checked", () => {
  test("a previous writer that is not an AutomationWriter constant is refused", () => {
    const exportWith = (props: Partial<ContinuousExportProps>) => () => {
      const stack = new TerraformStack(Testing.app(), "s");
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExport(stack, "Export", {
        subscriptionId: "00000000-0000-0000-0000-000000000001",
        resourceGroupName: "rg",
        location: "westeurope",
        exports: [Export.alerts()],
        destinations: [soc],
        ...props,
      });
    };
    expect(exportWith({ previousWriter: "azapi" as unknown as AutomationWriter })).toThrow(/DFE117.*got "azapi"/);
    expect(exportWith({ createResourceGroup: true, previousResourceGroupWriter: {} as AutomationWriter })).toThrow(/DFE117.*got an object\./);
  });

  test("a shard that does not come from ShardPlan.of is refused", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    const shard = { index: 0, name: "shard-00", subscriptionIds: [] } as any;
    expect(
      () =>
        new ContinuousExportFleet(stack, "Fleet", {
          subscriptions: [],
          exports: [Export.alerts()],
          destinations: [soc],
          resourceGroupName: "rg",
          location: "westeurope",
          shard,
        }),
    ).toThrow(/DFE095.*ShardPlan.of/);
  });
});

test("a hand-over refuses HCL output, which would drop its removed block", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000001" });
  const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
  new ContinuousExport(stack, "Export", {
    subscriptionId: "00000000-0000-0000-0000-000000000001",
    resourceGroupName: "rg",
    location: "westeurope",
    createResourceGroup: false,
    exports: [Export.alerts()],
    destinations: [soc],
  });
  expect(() => Testing.synthHcl(stack)).toThrow(/DFE118/);
});

describe("terraform.required_version follows the blocks the stack uses", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const build = (props: Partial<ContinuousExportProps>, own?: string) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    new AzapiProvider(stack, "azapi", {});
    if (own) stack.addOverride("terraform.required_version", own);
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [soc],
      ...props,
    });
  };
  const existing = ExistingAutomation.fromId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/automations/ExportToWorkspace`, {
    location: "westeurope",
  });

  test("removed blocks need 1.7, import blocks 1.5, neither nothing", () => {
    expect(synth(build({ createResourceGroup: false })).terraform.required_version).toBe(">= 1.7");
    expect(synth(build({ adopt: { workspace: existing } })).terraform.required_version).toBe(">= 1.5");
    expect(synth(build({})).terraform.required_version).toBeUndefined();
  });

  test("a version the app requires itself is kept", () => {
    expect(synth(build({ createResourceGroup: false }, ">= 1.9")).terraform.required_version).toBe(">= 1.9");
  });
});

describe("edits of the security features", () => {
  test("opening a locked namespace to a reader's addresses updates it in place", () => {
    const hub = (allowedIpRanges?: string[]) => (stack: TerraformStack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000001" });
      const principal = SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222");
      new EventHubDestination(stack, "Hub", {
        namespaceName: "evhns-locked-01",
        resourceGroupName: "rg-hub",
        location: "westeurope",
        trustedService: { principal, allowedIpRanges },
      });
    };
    const planned = plan(synth(hub()), synth(hub(["203.0.113.0/24"])));
    expect(actions(planned)).toEqual({ kept: expect.any(Array), updated: [expect.stringContaining("azurerm_eventhub_namespace.")] });
  });

  test("listing one more subscription to remediate creates only its remediation", () => {
    const policyWith = (remediateSubscriptions: string[]) => (stack: TerraformStack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000099" });
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExportPolicy(stack, "Policy", {
        scope: PolicyScope.managementGroup("contoso"),
        exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
        destinations: [soc],
        location: "westeurope",
        resourceGroupName: "rg-export",
        remediateSubscriptions,
      });
    };
    const first = "10000000-0000-0000-0000-000000000001";
    const second = "10000000-0000-0000-0000-000000000002";
    const planned = plan(synth(policyWith([first])), synth(policyWith([second, first])));
    expect(actions(planned).created).toEqual([expect.stringContaining(`Remediation-${second}`)]);
    expect(Object.keys(actions(planned))).toEqual(["kept", "created"]);
  });

  test("onboarding one more customer through ExportDelegation touches no other customer", () => {
    const customers = (n: number) => (stack: TerraformStack) => {
      for (let i = 1; i <= n; i++) {
        const provider = new AzurermProvider(stack, `c${i}`, { alias: `c${i}`, features: [{}], tenantId: `00000000-0000-0000-0000-0000000001c${i}` });
        new ExportDelegation(stack, `Customer${i}`, {
          managingTenantId: "00000000-0000-0000-0000-0000000000cc",
          managingPrincipalId: "00000000-0000-0000-0000-0000000003cc",
          displayName: `Customer ${i}`,
          subscriptionId: `00000000-0000-0000-0000-0000000002c${i}`,
          resourceGroupName: "rg-security",
          provider,
        });
      }
    };
    const planned = plan(synth(customers(1)), synth(customers(2)));
    expect(actions(planned).kept.length).toBe(2);
    expect(actions(planned).created.every((a) => a.includes("Customer2"))).toBe(true);
  });
});

describe("health on shared destinations", () => {
  const SUBS = ["00000000-0000-0000-0000-0000000000e1", "00000000-0000-0000-0000-0000000000e2", "00000000-0000-0000-0000-0000000000e3"];
  interface Exporter {
    readonly id: string;
    readonly sub: number;
    readonly team: string;
    readonly silence?: number;
  }
  const build = (destinationId: string, exporters: readonly Exporter[]) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000099" });
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, destinationId, workspaceId("law-shared"));
    for (const e of exporters) {
      const provider = new AzurermProvider(stack, `p${e.sub}`, { features: [{}], alias: `p${e.sub}`, subscriptionId: SUBS[e.sub] });
      new ContinuousExport(stack, e.id, {
        subscriptionId: SUBS[e.sub],
        resourceGroupName: "rg-sec",
        location: "westeurope",
        exports: [Export.alerts()],
        destinations: [soc],
        provider,
        health: { emailReceivers: [`${e.team}@contoso.example`], alertSet: e.team, silenceAfterHours: e.silence },
      });
    }
  };
  const three: Exporter[] = [
    { id: "CustomerA", sub: 0, team: "a" },
    { id: "CustomerB", sub: 1, team: "b" },
    { id: "CustomerA2", sub: 2, team: "a" },
  ];

  test("reordering the exports and renaming the destination changes nothing; Terraform agrees", () => {
    const before = synth(build("Soc", three));
    const after = synth(build("CentralSoc", [three[2], three[0], three[1]]));
    expect(Object.keys(actions(plan(before, after)))).toEqual(["kept"]);
  });

  test("a shorter silence for one export updates its alert set's rule in place, and no other", () => {
    const before = synth(build("Soc", three));
    const after = synth(build("Soc", [three[0], { ...three[1], silence: 6 }, three[2]]));
    const changed = actions(plan(before, after));
    expect(Object.keys(changed).sort()).toEqual(["kept", "updated"]);
    expect(changed.updated).toHaveLength(1);
    expect(changed.updated[0]).toMatch(/^azurerm_monitor_scheduled_query_rules_alert_v2\.ExportHealth-/);
  });

  test("turning one team's health off destroys only that team's alerts", () => {
    const before = synth(build("Soc", three));
    const after = synth((stack) => {
      build("Soc", [three[0], three[2]])(stack);
      const provider = new AzurermProvider(stack, "p1", { features: [{}], alias: "p1", subscriptionId: SUBS[1] });
      new ContinuousExport(stack, "CustomerB", {
        subscriptionId: SUBS[1],
        resourceGroupName: "rg-sec",
        location: "westeurope",
        exports: [Export.alerts()],
        destinations: [stack.node.findChild("Soc") as LogAnalyticsDestination],
        provider,
      });
    });
    const changed = actions(plan(before, after));
    expect(Object.keys(changed).sort()).toEqual(["destroyed", "kept"]);
    expect(changed.destroyed).toHaveLength(3); // the rule, its action group and its reader role
    const bRule = Object.entries(before.resource.azurerm_monitor_action_group).find(([, v]: [string, any]) =>
      v.email_receiver[0].email_address.startsWith("b@"),
    );
    expect(changed.destroyed.some((a) => a.endsWith(bRule?.[0] as string))).toBe(true);
  });

  test("a state written by 0.1 (health below the destination) moves to the new addresses", () => {
    const json = synth((stack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000099" });
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-shared"));
      new ContinuousExport(stack, "Export", {
        subscriptionId: "00000000-0000-0000-0000-000000000099",
        resourceGroupName: "rg-sec",
        location: "westeurope",
        exports: [Export.alerts()],
        destinations: [soc],
        health: {
          actionGroupId: "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/secops",
        },
      });
    });
    expect(json.moved.map((m: { from: string }) => m.from).sort()).toEqual([
      expect.stringMatching(/^azurerm_monitor_scheduled_query_rules_alert_v2\.Soc_ExportHealth_LogSearchAlert_[0-9A-F]{8}$/),
      expect.stringMatching(/^azurerm_role_assignment\.Soc_ExportHealth_LogAnalyticsReader_[0-9A-F]{8}$/),
    ]);
    // The rule's Azure name changed (0.1's names collided), so Terraform replaces what moved: nothing is destroyed
    // on its own or created beside it. (The model keeps the role the real planner replaces: judge both.)
    for (const planned of [planStack(beforeMoves(json), json), ...(terraformAvailable() ? [terraformPlan(beforeMoves(json), json)] : [])]) {
      const health = [...planned].filter(([address]) => address.includes(".ExportHealth-"));
      expect(health).toHaveLength(2);
      health.forEach(([, p]) => expect(p.movedFrom).toMatch(/\.Soc_ExportHealth_/));
      expect([...planned.values()].filter((p) => p.action === "destroyed" || p.action === "created")).toEqual([]);
    }
  });
});

describe("fleets split, merged, renamed or re-cased keep every automation", () => {
  const ids = Array.from({ length: 4 }, (_, i) => `10000000-0000-0000-0000-00000000000${i + 1}`);
  const fleets =
    (layout: Record<string, string[]>, extra: Partial<ContinuousExportFleetProps> = {}, previous: Record<string, string[]> = {}) =>
    (stack: TerraformStack) => {
      new AzapiProvider(stack, "azapi", {});
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      for (const [id, subscriptions] of Object.entries(layout)) {
        new ContinuousExportFleet(stack, id, {
          subscriptions: subscriptions.map((subscriptionId) => ({ subscriptionId })),
          exports: [Export.alerts()],
          destinations: [soc],
          resourceGroupName: "rg-export",
          location: "westeurope",
          createResourceGroup: true,
          previousLayout: FleetLayout.FOR_EACH,
          previousFleets: previous[id],
          ...extra,
        });
      }
    };
  const unchanged = (planned: Map<string, { action: string; movedFrom?: string }>) => Object.keys(actions(planned));

  test("without previousFleets, a split deletes and re-creates the moved subscriptions: the harness sees it", () => {
    const planned = planStack(synth(fleets({ Fleet: ids })), synth(fleets({ Fleet: ids.slice(0, 2), Other: ids.slice(2) })));
    expect(actions(planned).destroyed).toHaveLength(4);
  });

  test("a split with previousFleets moves the automations and groups, nothing created or destroyed; Terraform agrees", () => {
    const planned = plan(synth(fleets({ Fleet: ids })), synth(fleets({ Fleet: ids.slice(0, 2), Other: ids.slice(2) }, {}, { Other: ["Fleet"] })));
    expect(unchanged(planned)).toEqual(["kept"]);
    expect([...planned.values()].filter((p) => p.movedFrom).length).toBe(4);
  });

  test("two fleets merged into a third, and a renamed fleet, move too", () => {
    const merged = plan(synth(fleets({ A: ids.slice(0, 2), B: ids.slice(2) })), synth(fleets({ All: ids }, {}, { All: ["A", "B"] })));
    expect(unchanged(merged)).toEqual(["kept"]);
    expect([...merged.values()].filter((p) => p.movedFrom).length).toBe(8);
    const renamed = plan(synth(fleets({ Fleet: ids })), synth(fleets({ Renamed: ids }, {}, { Renamed: ["Fleet"] })));
    expect(unchanged(renamed)).toEqual(["kept"]);
  });

  test("a fleet written per subscription before (versions before 0.2) splits in the same change", () => {
    const before = synth(fleets({ Fleet: ids }, { layout: FleetLayout.PER_SUBSCRIPTION, previousLayout: FleetLayout.PER_SUBSCRIPTION }));
    const planned = plan(
      before,
      synth(fleets({ Fleet: ids.slice(0, 2), Other: ids.slice(2) }, { previousLayout: FleetLayout.PER_SUBSCRIPTION }, { Other: ["Fleet"] })),
    );
    expect(unchanged(planned)).toEqual(["kept"]);
  });

  test("subscription ids re-listed in upper case keep their keys, and a per-subscription fleet of 0.1 written in upper case moves to lower-case ids", () => {
    const upper = ids.map((s) => s.toUpperCase().replace(/^1/, "A"));
    const lower = upper.map((s) => s.toLowerCase());
    expect(unchanged(plan(synth(fleets({ Fleet: lower })), synth(fleets({ Fleet: upper }))))).toEqual(["kept"]);
    const perSubscription = { layout: FleetLayout.PER_SUBSCRIPTION, previousLayout: FleetLayout.PER_SUBSCRIPTION };
    // As 0.1 wrote it: the construct ids as written.
    const asWritten = beforeMoves(synth(fleets({ Fleet: upper }, perSubscription)));
    expect(Object.keys(asWritten.resource.azapi_resource).every((n) => n.includes("A0000000"))).toBe(true);
    expect(unchanged(plan(asWritten, synth(fleets({ Fleet: upper }, perSubscription))))).toEqual(["kept"]);
  });

  test("previousFleets naming the fleet itself, a path, or something that is not a fleet is refused", () => {
    expect(() => synth(fleets({ Fleet: ids }, {}, { Fleet: ["Fleet"] }))).toThrow(/DFE195.*this fleet itself/);
    expect(() => synth(fleets({ Fleet: ids }, {}, { Fleet: ["s/Other"] }))).toThrow(/DFE195.*not a path/);
    expect(() => synth(fleets({ Fleet: ids }, {}, { Fleet: ["Soc"] }))).toThrow(/DFE195.*not a fleet/);
    expect(() => synth(fleets({ Fleet: ids }, { previousFleets: "Old" as unknown as string[] }))).toThrow(/DFE195/);
  });
});

describe("a fleet's writer changes", () => {
  const ids = ["10000000-0000-0000-0000-000000000001", "10000000-0000-0000-0000-000000000002"];
  const fleet = (props: Partial<ContinuousExportFleetProps>) => (stack: TerraformStack) => {
    new AzapiProvider(stack, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    new ContinuousExportFleet(stack, "Fleet", {
      subscriptions: ids.map((subscriptionId) => {
        const provider = new AzurermProvider(stack, `p${subscriptionId.slice(-1)}`, {
          features: [{}],
          subscriptionId,
          alias: `p${subscriptionId.slice(-1)}`,
        });
        return props.writer === AutomationWriter.AZURERM ? { subscriptionId, provider } : { subscriptionId };
      }),
      exports: [Export.alerts()],
      destinations: [soc],
      resourceGroupName: "rg-export",
      location: "westeurope",
      previousLayout: FleetLayout.FOR_EACH,
      ...props,
    });
  };
  const azurerm = { writer: AutomationWriter.AZURERM, layout: FleetLayout.PER_SUBSCRIPTION, previousLayout: FleetLayout.PER_SUBSCRIPTION };

  test("from azurerm per subscription to the azapi for_each layout (previousWriter) hands every automation over: forgotten, imported, nothing destroyed", () => {
    const planned = plan(synth(fleet(azurerm)), synth(fleet({ previousWriter: AutomationWriter.AZURERM })));
    expect(actions(planned)).toEqual({ forgotten: expect.any(Array), imported: expect.any(Array) });
    expect(actions(planned).imported).toHaveLength(ids.length);
  });

  test("and back (previousWriter AZAPI) the same", () => {
    const planned = plan(
      synth(fleet({})),
      synth(fleet({ ...azurerm, previousWriter: AutomationWriter.AZAPI, previousLayout: FleetLayout.FOR_EACH })),
    );
    expect(actions(planned)).toEqual({ forgotten: expect.any(Array), imported: expect.any(Array) });
  });

  test("without previousWriter the change deletes every automation: the harness sees it", () => {
    expect(actions(planStack(synth(fleet(azurerm)), synth(fleet({})))).destroyed).toHaveLength(ids.length);
  });

  test("a previous writer that is not AZURERM or AZAPI is refused", () => {
    expect(() => synth(fleet({ previousWriter: AutomationWriter.AUTO }))).toThrow(/DFE117/);
  });
});

describe("a created destination switched to the existing resource", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const exportTo = (destination: (stack: TerraformStack) => any) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [destination(stack)],
    });
  };
  const place = { resourceGroupName: "rg-dest", location: "westeurope" };
  const cases = [
    {
      kind: "workspace",
      created: (s: TerraformStack) => new LogAnalyticsDestination(s, "Dest", { workspaceName: "law-dest", ...place }),
      existing: (s: TerraformStack, createdBefore?: boolean) =>
        LogAnalyticsDestination.fromWorkspaceId(
          s,
          "Dest",
          `/subscriptions/${SUB}/resourceGroups/rg-dest/providers/Microsoft.OperationalInsights/workspaces/law-dest`,
          {
            createdBefore,
          },
        ),
    },
    {
      kind: "event hub",
      created: (s: TerraformStack) =>
        new EventHubDestination(s, "Dest", { namespaceName: "evhns-dest-01", eventHubName: "defender", sendRuleName: "send", ...place }),
      existing: (s: TerraformStack, createdBefore?: boolean) =>
        EventHubDestination.fromEventHubId(
          s,
          "Dest",
          `/subscriptions/${SUB}/resourceGroups/rg-dest/providers/Microsoft.EventHub/namespaces/evhns-dest-01/eventhubs/defender`,
          {
            sendRuleName: "send",
            createdBefore,
          },
        ),
    },
    {
      kind: "Logic App",
      created: (s: TerraformStack) => new LogicAppDestination(s, "Dest", { workflowName: "la-dest", ...place }),
      existing: (s: TerraformStack, createdBefore?: boolean) =>
        LogicAppDestination.fromWorkflow(s, "Dest", {
          workflowId: `/subscriptions/${SUB}/resourceGroups/rg-dest/providers/Microsoft.Logic/workflows/la-dest`,
          triggerUrl: new TerraformVariable(s, "url", { type: "string", sensitive: true }).stringValue,
          createdBefore,
        }),
    },
  ];

  test.each(cases)("$kind: with createdBefore the created resources are forgotten, nothing destroyed; Terraform agrees", ({ created, existing }) => {
    const planned = plan(synth(exportTo(created)), synth(exportTo((s) => existing(s, true))));
    expect(actions(planned).destroyed).toBeUndefined();
    expect(actions(planned).replaced).toBeUndefined();
    expect(actions(planned).forgotten?.length).toBeGreaterThan(1);
  });

  test.each(cases)("$kind: without it the harness sees the destruction", ({ created, existing }) => {
    expect(actions(planStack(synth(exportTo(created)), synth(exportTo((s) => existing(s))))).destroyed?.length).toBeGreaterThan(1);
  });

  test("a trusted event hub keeps its sender role managed (the existing one writes it at the same address)", () => {
    const principal = SecurityResourceProvider.byObjectId("00000000-0000-0000-0000-0000000000ee");
    const created = (s: TerraformStack) =>
      new EventHubDestination(s, "Dest", { namespaceName: "evhns-dest-01", eventHubName: "defender", trustedService: { principal }, ...place });
    const existing = (s: TerraformStack) =>
      EventHubDestination.fromEventHubId(
        s,
        "Dest",
        `/subscriptions/${SUB}/resourceGroups/rg-dest/providers/Microsoft.EventHub/namespaces/evhns-dest-01/eventhubs/defender`,
        {
          trustedService: { principal },
          createdBefore: true,
        },
      );
    const withAzapi = (build: (s: TerraformStack) => any) => (s: TerraformStack) => {
      new AzapiProvider(s, "azapi", {});
      exportTo(build)(s);
    };
    // The state holds what the created hub's id resolved to: the id the existing destination now names.
    const before = synth(withAzapi(created));
    const hubId = `/subscriptions/${SUB}/resourceGroups/rg-dest/providers/Microsoft.EventHub/namespaces/evhns-dest-01/eventhubs/defender`;
    for (const r of Object.values(before.resource.azurerm_role_assignment) as any[]) r.scope = hubId;
    const planned = plan(before, synth(withAzapi(existing)));
    expect(actions(planned).destroyed).toBeUndefined();
    expect(actions(planned).replaced).toBeUndefined();
    expect(actions(planned).kept).toContainEqual(expect.stringContaining("azurerm_role_assignment.Dest_TrustedSender_"));
  });

  test("createdBefore must be a boolean", () => {
    expect(() =>
      synth(
        exportTo((s) => LogAnalyticsDestination.fromWorkspaceId(s, "Dest", workspaceId("law-dest"), { createdBefore: "yes" as unknown as boolean })),
      ),
    ).toThrow(/DFE196.*got "yes"/);
  });
});

describe("a re-cased subscription id changes nothing an export writes", () => {
  test("parent_id, scopes and import ids are written in lower case (azapi replaces on any change of parent_id)", () => {
    const SUB = "0000000A-0000-0000-0000-000000000001";
    const json = synth((stack) => {
      new AzapiProvider(stack, "azapi", {});
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExport(stack, "Export", {
        subscriptionId: SUB,
        resourceGroupName: "rg",
        location: "westeurope",
        exports: [Export.alerts()],
        destinations: [soc],
        writer: AutomationWriter.AZAPI,
      });
    });
    const [automation] = Object.values(json.resource.azapi_resource) as any[];
    expect(automation.parent_id).toBe(`/subscriptions/${SUB.toLowerCase()}/resourceGroups/rg`);
    expect(JSON.stringify(json)).not.toContain(SUB);
  });
});

test("two destinations of one grant that are one Azure resource are refused", () => {
  expect(() =>
    synth((stack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: DEST_TENANT, subscriptionId: "00000000-0000-0000-0000-000000000099" });
      new CrossTenantAccess(stack, "Grant", {
        destinations: [
          LogAnalyticsDestination.fromWorkspaceId(stack, "A", workspaceId("law-soc")),
          LogAnalyticsDestination.fromWorkspaceId(stack, "B", workspaceId("LAW-SOC")),
        ],
        principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"),
        exportingTenantId: SOURCE_TENANT,
      });
    }),
  ).toThrow(/DFE197.*s\/A and s\/B are one resource/);
});

describe("an export moved to another stack", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const automationId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-export/providers/Microsoft.Security/automations/${name}`;
  const exportIn = (stack: TerraformStack, props: Partial<ContinuousExportProps> = {}) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    new AzapiProvider(stack, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
    const hub = EventHubDestination.fromEventHubId(stack, "Hub", EVENT_HUB, { sendRuleName: "send" });
    new ContinuousExport(stack, "Alerts", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      createResourceGroup: true,
      exports: [Export.alerts()],
      destinations: [soc, hub],
      ...props,
    });
  };
  const app = (moved: boolean, released = true) =>
    synthStacks((a) => {
      const old = new TerraformStack(a, "old");
      if (!moved) return exportIn(old);
      new AzurermProvider(old, "azurerm", { features: [{}], subscriptionId: SUB });
      if (released) new ReleasedExport(old, "Alerts");
      const location = { location: "westeurope" };
      exportIn(new TerraformStack(a, "moved-here"), {
        adopt: {
          workspace: ExistingAutomation.fromId(automationId("ExportToWorkspace"), location),
          eventHub: ExistingAutomation.fromId(automationId("ExportToEventHub"), location),
        },
      });
    });

  test("ReleasedExport in the old stack forgets the automations and the group; the new stack imports them: nothing destroyed or created", () => {
    const plans = planApp(app(false), app(true));
    expect(losses(plans)).toEqual([]);
    expect(withAction(plans, "created")).toEqual([]);
    expect(withAction(plans, "forgotten").sort()).toEqual([
      expect.stringMatching(/^old: azurerm_resource_group\.Alerts_ResourceGroup_/),
      expect.stringMatching(/^old: azurerm_security_center_automation\.Alerts_EventHub_/),
      expect.stringMatching(/^old: azurerm_security_center_automation\.Alerts_Workspace_/),
    ]);
    expect(withAction(plans, "imported")).toHaveLength(3);
    if (terraformAvailable()) {
      const before = app(false);
      const after = app(true);
      expect([...terraformPlan(before.get("old"), after.get("old")).values()].map((p) => p.action).sort()).toEqual([
        "forgotten",
        "forgotten",
        "forgotten",
      ]);
    }
  });

  test("without it, the old stack deletes them: the harness sees it", () => {
    expect(losses(planApp(app(false), app(true, false)))).toHaveLength(3);
  });
});

describe("a renamed export", () => {
  const SUB = "00000000-0000-0000-0000-000000000001";
  const named =
    (id: string, extra: Partial<ContinuousExportProps> = {}) =>
    (stack: TerraformStack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
      const flow = LogicAppDestination.fromWorkflow(stack, "Flow", {
        workflowId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Logic/workflows/la`,
        triggerUrl: new TerraformVariable(stack, "url", { type: "string", sensitive: true }).stringValue,
      });
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExport(stack, id, {
        subscriptionId: SUB,
        resourceGroupName: "rg-export",
        location: "westeurope",
        createResourceGroup: true,
        exports: [Export.alerts()],
        destinations: [soc, flow],
        ...extra,
      });
    };

  test("with previousId its automations (the Logic App one keeps its name) and group move; Terraform agrees", () => {
    const planned = plan(synth(named("Alerts")), synth(named("HighAlerts", { previousId: "Alerts" })));
    expect(Object.keys(actions(planned))).toEqual(["kept"]);
    expect([...planned.values()].filter((p) => p.movedFrom).length).toBe(3);
  });

  test("without it they are deleted and created again: the harness sees it", () => {
    expect(actions(planStack(synth(named("Alerts")), synth(named("HighAlerts")))).destroyed).toHaveLength(3);
  });

  test("previousId must be the construct id it had, not a path or its id now", () => {
    expect(() => synth(named("Alerts", { previousId: "s/Old" }))).toThrow(/DFE198.*got "s\/Old"/);
    expect(() => synth(named("Alerts", { previousId: "Alerts" }))).toThrow(/DFE198/);
  });
});

describe("one fleet subscription given its own resource group", () => {
  const ids = ["10000000-0000-0000-0000-000000000001", "10000000-0000-0000-0000-000000000002"];
  const fleet =
    (own: string | undefined, extra: Partial<ContinuousExportFleetProps> = {}) =>
    (stack: TerraformStack) => {
      new AzapiProvider(stack, "azapi", {});
      const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", workspaceId("law-soc"));
      new ContinuousExportFleet(stack, "Fleet", {
        subscriptions: ids.map((subscriptionId, i) => ({ subscriptionId, resourceGroupName: i === 0 ? own : undefined })),
        exports: [Export.alerts()],
        destinations: [soc],
        resourceGroupName: "rg-export",
        location: "westeurope",
        createResourceGroup: true,
        previousLayout: FleetLayout.FOR_EACH,
        ...extra,
      });
    };

  test("creates its new group and forgets the old one (it stays in Azure); only its automation is replaced, moving group; Terraform agrees", () => {
    const planned = plan(synth(fleet(undefined)), synth(fleet("rg-own")));
    const byAction = actions(planned);
    expect(byAction.destroyed).toBeUndefined();
    expect(byAction.replaced).toEqual([expect.stringMatching(new RegExp(`Fleet_Subscriptions_Workspace_[0-9A-F]+\\["${ids[0]}"\\]$`))]);
    expect(byAction.created).toEqual([expect.stringMatching(new RegExp(`ResourceGroup_[0-9A-F]+\\["${ids[0]}/rg-own"\\]$`))]);
    expect(byAction.forgotten).toEqual([expect.stringMatching(new RegExp(`ResourceGroup_[0-9A-F]+_leaving\\["${ids[0]}"\\]$`))]);
  });

  test("a fleet written per subscription before 0.2 moves that subscription's group to its own key", () => {
    const perSubscription = synth(fleet("rg-own", { layout: FleetLayout.PER_SUBSCRIPTION, previousLayout: FleetLayout.PER_SUBSCRIPTION }));
    const planned = plan(perSubscription, synth(fleet("rg-own", { previousLayout: FleetLayout.PER_SUBSCRIPTION })));
    expect(Object.keys(actions(planned))).toEqual(["kept"]);
  });
});
