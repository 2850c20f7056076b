import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, Testing, TerraformStack } from "cdktf";
import {
  AzapiProvider,
  AutomationWriter,
  ContinuousExport,
  ContinuousExportProps,
  CrossTenantAccess,
  CrossTenantAccessProps,
  DestinationRole,
  EventHubDestination,
  Export,
  ExportDelegation,
  ExportingPrincipal,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  SecurityResourceProvider,
} from "../../lib";
import { SUB, WORKSPACE_ID, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson } from "../helpers";

const TENANT_A = "aaaaaaaa-0000-0000-0000-000000000001";
const TENANT_B = "bbbbbbbb-0000-0000-0000-000000000002";
const SUB_A = "00000000-0000-0000-0000-00000000000a";
const SUB_B = "00000000-0000-0000-0000-000000000099";
const GUEST = "11111111-1111-1111-1111-111111111111";

interface World {
  app: App;
  stack: TerraformStack;
  source: AzurermProvider;
  central: AzurermProvider;
}

/** Tenant A exports; tenant B holds the destinations. */
function world(sourceOptions: { auxiliaryTenantIds?: string[]; tenantId?: string } = { auxiliaryTenantIds: [TENANT_B] }): World {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  const source = new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB_A, tenantId: TENANT_A, ...sourceOptions });
  const central = new AzurermProvider(stack, "central", { alias: "central", features: [{}], subscriptionId: SUB_B, tenantId: TENANT_B });
  return { app, stack, source, central };
}
const centralWorkspace = (w: World) => LogAnalyticsDestination.fromWorkspaceId(w.stack, "Central", WORKSPACE_ID, { provider: w.central });
const centralHub = (w: World) =>
  new EventHubDestination(w.stack, "Hub", {
    namespaceName: "evhns-central-01",
    resourceGroupName: "rg-soc",
    location: "westeurope",
    provider: w.central,
  });
const grant = (w: World, destinations: IExportDestination[], extra: Partial<CrossTenantAccessProps> = {}) =>
  new CrossTenantAccess(w.stack, "Grant", { destinations, principal: ExportingPrincipal.guestUser(GUEST), exportingTenantId: TENANT_A, ...extra });
const exportTo = (w: World, destinations: IExportDestination[], extra: Partial<ContinuousExportProps> = {}) =>
  new ContinuousExport(w.stack, "Export", {
    subscriptionId: SUB_A,
    resourceGroupName: "rg-a",
    location: "westeurope",
    exports: [Export.alerts()],
    destinations,
    ...extra,
  });

describe("cross-tenant export through a guest user", () => {
  test("the role assignment is written in tenant B, on the workspace itself, with Log Analytics Contributor; the automation in tenant A", () => {
    const w = world();
    const ws = centralWorkspace(w);
    grant(w, [ws]);
    const e = exportTo(w, [ws]);
    const json = synthJson(w.stack);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      scope: WORKSPACE_ID,
      role_definition_name: "Log Analytics Contributor",
      principal_id: GUEST,
      principal_type: "User",
      provider: "azurerm.central",
    });
    expect(onlyResource(json, "azurerm_security_center_automation").provider).toBeUndefined();
    expect(e.summary.automations[0].destinations).toEqual([`Log Analytics workspace law-soc (existing, in rg-soc), in tenant ${TENANT_B}`]);
  });

  test.each([DestinationRole.SENTINEL_CONTRIBUTOR, DestinationRole.MONITORING_CONTRIBUTOR, DestinationRole.CONTRIBUTOR, DestinationRole.OWNER])(
    "the workspace role can be %s",
    (role) => {
      const w = world();
      grant(w, [centralWorkspace(w)], { role });
      expect(onlyResource(synthJson(w.stack), "azurerm_role_assignment").role_definition_name).toBe(role.name);
    },
  );

  test("a service principal on an event hub gets Contributor on the Send rule only", () => {
    const w = world();
    const hub = centralHub(w);
    grant(w, [hub], { principal: ExportingPrincipal.servicePrincipal(GUEST) });
    exportTo(w, [hub]);
    expect(onlyResource(synthJson(w.stack), "azurerm_role_assignment")).toMatchObject({
      scope: "${azurerm_eventhub_authorization_rule.Hub_SendRule_09EBDABB.id}",
      role_definition_name: "Contributor",
      principal_type: "ServicePrincipal",
      provider: "azurerm.central",
    });
  });

  test("the built-in role ids are Microsoft's", () => {
    expect(
      [
        DestinationRole.OWNER,
        DestinationRole.CONTRIBUTOR,
        DestinationRole.LOG_ANALYTICS_CONTRIBUTOR,
        DestinationRole.SENTINEL_CONTRIBUTOR,
        DestinationRole.MONITORING_CONTRIBUTOR,
      ].map((r) => r.id),
    ).toEqual([
      "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
      "b24988ac-6180-42a0-ab88-20f7382dd24c",
      "92aaf0da-9dab-42b6-94a3-d43ce8d16293",
      "ab8e14d6-4a74-4a29-9ba8-549422addade",
      "749f88d5-cbae-40b8-bcfc-e573ddc772fa",
    ]);
  });
});

describe("the two-token rule", () => {
  test("without the destination tenant in auxiliary_tenant_ids, synth fails with the setting to add", () => {
    const w = world({});
    const ws = centralWorkspace(w);
    grant(w, [ws]);
    exportTo(w, [ws]);
    const message = errorOf(() => Testing.synth(w.stack, true));
    expect(message).toMatch(
      /\[DFE073\] test\/Export: test\/Central is in tenant bbbbbbbb-0000-0000-0000-000000000002, so the write must carry a token of that tenant too/,
    );
    expect(message).toContain(`(test/azurerm): auxiliaryTenantIds: ["${TENANT_B}"]`);
  });

  test("the check applies to the azapi provider when azapi writes the automation", () => {
    const w = world();
    new AzapiProvider(w.stack, "azapi", { tenantId: TENANT_A });
    const ws = centralWorkspace(w);
    grant(w, [ws]);
    exportTo(w, [ws], { writer: AutomationWriter.AZAPI });
    expect(errorOf(() => Testing.synth(w.stack, true))).toMatch(/DFE073.*\(test\/azapi\): auxiliaryTenantIds/);
  });

  test("more than three auxiliary tenants, or the provider's own tenant among them, are refused", () => {
    const many = world({
      auxiliaryTenantIds: [
        TENANT_B,
        "c1000000-0000-0000-0000-000000000000",
        "c2000000-0000-0000-0000-000000000000",
        "c3000000-0000-0000-0000-000000000000",
      ],
    });
    exportTo(many, [centralWorkspace(many)]);
    expect(errorOf(() => Testing.synth(many.stack, true))).toMatch(
      /\[DFE074\] test\/Export: test\/azurerm lists 4 auxiliary tenants; Azure Resource Manager takes at most 3/,
    );
    const own = world({ auxiliaryTenantIds: [TENANT_B, TENANT_A] });
    exportTo(own, [centralWorkspace(own)]);
    expect(errorOf(() => Testing.synth(own.stack, true))).toMatch(/\[DFE075\] test\/Export: test\/azurerm lists its own tenant/);
  });

  test("without any grant for the destination, the export warns", () => {
    const w = world();
    exportTo(w, [centralWorkspace(w)]);
    synthJson(w.stack);
    const warnings = w.stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/^\[DFW002\] .*no CrossTenantAccess in this app grants tenant aaaaaaaa/)]);
  });

  test("the export's tenant must be known when a destination is in another tenant", () => {
    const w = world({ tenantId: undefined });
    exportTo(w, [centralWorkspace(w)]);
    expect(errorOf(() => Testing.synth(w.stack, true))).toMatch(/\[DFE072\] test\/Export: test\/Central is in tenant bbbb.*Set `tenantId`/);
  });

  test("a destination in the export's own tenant needs nothing", () => {
    const w = world({ tenantId: TENANT_A });
    exportTo(w, [LogAnalyticsDestination.fromWorkspaceId(w.stack, "Local", WORKSPACE_ID)]);
    expect(() => synthJson(w.stack)).not.toThrow();
  });
});

describe("cross-tenant export through Azure Lighthouse", () => {
  const lighthouse = ExportingPrincipal.lighthouse({ principalId: GUEST, displayName: "Defender export of tenant A" });

  test("one definition with exactly the needed roles for the managing tenant, one assignment on the resource group", () => {
    const w = world({});
    const ws = new LogAnalyticsDestination(w.stack, "Ws", {
      workspaceName: "law-central",
      resourceGroupName: "rg-central",
      location: "westeurope",
      provider: w.central,
    });
    const hub = new EventHubDestination(w.stack, "Hub", {
      namespaceName: "evhns-central-01",
      resourceGroupName: "rg-central",
      location: "westeurope",
      provider: w.central,
    });
    grant(w, [ws, hub], { principal: lighthouse });
    exportTo(w, [ws, hub]);
    const json = synthJson(w.stack);
    const definition = onlyResource(json, "azurerm_lighthouse_definition");
    expect(definition).toMatchObject({
      managing_tenant_id: TENANT_A,
      provider: "azurerm.central",
      authorization: [
        { principal_id: GUEST, principal_display_name: "Defender export of tenant A", role_definition_id: "92aaf0da-9dab-42b6-94a3-d43ce8d16293" },
        { principal_id: GUEST, principal_display_name: "Defender export of tenant A", role_definition_id: "b24988ac-6180-42a0-ab88-20f7382dd24c" },
      ],
    });
    // From the first destination by construct path (Hub before Ws): the order they are listed in changes nothing.
    expect(definition.scope).toMatch(/slice\(split\("\/", azurerm_eventhub\.Hub_EventHub_\w+\.id\), 0, 3\)/);
    const assignment = onlyResource(json, "azurerm_lighthouse_assignment");
    expect(assignment.scope).toMatch(/slice\(split\("\/", azurerm_eventhub\.Hub_EventHub_\w+\.id\), 0, 5\)/);
    expect(assignment.provider).toBe("azurerm.central");
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual({});
  });

  test("literal ids give literal scopes", () => {
    const w = world({});
    grant(w, [centralWorkspace(w)], { principal: lighthouse });
    const json = synthJson(w.stack);
    expect(onlyResource(json, "azurerm_lighthouse_definition").scope).toBe(`/subscriptions/${SUB_B}`);
    expect(onlyResource(json, "azurerm_lighthouse_assignment").scope).toBe(`/subscriptions/${SUB_B}/resourceGroups/rg-soc`);
  });

  test("makes auxiliary tenants unnecessary", () => {
    const w = world({});
    const ws = centralWorkspace(w);
    grant(w, [ws], { principal: lighthouse });
    exportTo(w, [ws]);
    expect(() => synthJson(w.stack)).not.toThrow();
  });

  test("Owner is refused, as Lighthouse refuses it", () => {
    const w = world();
    expect(errorOf(() => grant(w, [centralWorkspace(w)], { principal: lighthouse, role: DestinationRole.OWNER }))).toMatch(
      /\[DFE068\] test\/Grant: Azure Lighthouse cannot delegate Owner/,
    );
  });

  test("destinations in two subscriptions need two grants", () => {
    const w = world();
    const other = LogAnalyticsDestination.fromWorkspaceId(w.stack, "Other", WORKSPACE_ID.replace("000000000099", "000000000098"), {
      provider: w.central,
    });
    expect(errorOf(() => grant(w, [centralWorkspace(w), other], { principal: lighthouse }))).toMatch(/DFE071/);
  });

  test("a Lighthouse principal needs a display name and an object id", () => {
    expect(errorOf(() => ExportingPrincipal.lighthouse({ principalId: GUEST, displayName: " " }))).toMatch(/DFE061.*displayName/);
    expect(errorOf(() => ExportingPrincipal.guestUser("someone@contoso.com"))).toMatch(/DFE061.*not an object id/);
  });
});

describe("misfits", () => {
  test("a destination in the exporting tenant itself is refused as cross-tenant", () => {
    const w = world();
    const local = LogAnalyticsDestination.fromWorkspaceId(w.stack, "Local", WORKSPACE_ID, { provider: w.source });
    grant(w, [local]);
    expect(errorOf(() => Testing.synth(w.stack, true))).toMatch(
      /\[DFE066\] test\/Grant: test\/Local is in tenant aaaaaaaa.*the exporting tenant itself/,
    );
  });

  test("a destination whose tenant is unknown cannot be granted", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "test");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID);
    new CrossTenantAccess(stack, "Grant", { destinations: [ws], principal: ExportingPrincipal.guestUser(GUEST), exportingTenantId: TENANT_A });
    expect(errorOf(() => Testing.synth(stack, true))).toMatch(/\[DFE065\] test\/Grant: the tenant of test\/Ws is unknown/);
  });

  test("a grant written through the exporting tenant's provider is refused (missing destination provider)", () => {
    const w = world();
    const ws = LogAnalyticsDestination.fromWorkspaceId(w.stack, "Ws", WORKSPACE_ID, { tenantId: TENANT_B });
    grant(w, [ws]);
    expect(errorOf(() => Testing.synth(w.stack, true))).toMatch(
      /\[DFE076\] test\/Grant: the grant for test\/Ws would be written through test\/azurerm in tenant aaaaaaaa.*but the destination is in tenant bbbbbbbb/,
    );
  });

  test("a tenantId that contradicts the destination's provider is refused", () => {
    const w = world();
    LogAnalyticsDestination.fromWorkspaceId(w.stack, "Ws", WORKSPACE_ID, { provider: w.central, tenantId: TENANT_A });
    expect(errorOf(() => Testing.synth(w.stack, true))).toMatch(/\[DFE062\] test\/Ws: tenantId aaaaaaaa.* differs from the tenant of its provider/);
  });

  test("Logic Apps cannot be in another tenant; trusted-service hubs are not supported across tenants", () => {
    const w = world();
    const app = new LogicAppDestination(w.stack, "La", { workflowName: "la", resourceGroupName: "rg", location: "westeurope", provider: w.central });
    expect(errorOf(() => grant(w, [app]))).toMatch(/DFE069.*workspaces and event hubs only/);
    const trusted = new EventHubDestination(w.stack, "Locked", {
      namespaceName: "evhns-locked-01",
      resourceGroupName: "rg",
      location: "westeurope",
      provider: w.central,
      trustedService: { principal: SecurityResourceProvider.byObjectId(GUEST) },
    });
    expect(
      errorOf(
        () =>
          new CrossTenantAccess(w.stack, "G2", {
            destinations: [trusted],
            principal: ExportingPrincipal.guestUser(GUEST),
            exportingTenantId: TENANT_A,
          }),
      ),
    ).toMatch(/DFE063/);
  });

  test("new grants write no moved block; fromPositionalIds: true moves each from its numbered address; anything but a boolean is refused", () => {
    const fresh = world();
    grant(fresh, [centralWorkspace(fresh)]);
    expect(synthJson(fresh.stack).moved).toBeUndefined();
    const upgraded = world();
    grant(upgraded, [centralWorkspace(upgraded)], { fromPositionalIds: true });
    expect(synthJson(upgraded.stack).moved).toEqual([
      { from: expect.stringMatching(/^azurerm_role_assignment\.Grant_Role0_/), to: expect.stringContaining("Grant_Role-Central_") },
      {
        from: expect.stringMatching(/^azurerm_role_assignment\.Grant_Role-Central_/),
        to: expect.stringMatching(/^azurerm_role_assignment\.Grant_Role-[0-9A-F]{12}_/),
      },
    ]);
    const w = world();
    expect(errorOf(() => grant(w, [centralWorkspace(w)], { fromPositionalIds: "yes" as unknown as boolean }))).toMatch(
      /^\[DFE190\] test\/Grant: `fromPositionalIds` must be true or false, got "yes"/,
    );
  });

  test("a workspace role on an event hub, an empty list, and destinations in two tenants are refused", () => {
    const w = world();
    expect(errorOf(() => grant(w, [centralHub(w)], { role: DestinationRole.LOG_ANALYTICS_CONTRIBUTOR }))).toMatch(
      /DFE070.*Log Analytics Contributor does not let an identity export to test\/Hub.*Contributor, Owner/,
    );
    expect(
      errorOf(
        () =>
          new CrossTenantAccess(w.stack, "Empty", { destinations: [], principal: ExportingPrincipal.guestUser(GUEST), exportingTenantId: TENANT_A }),
      ),
    ).toMatch(/DFE067/);
    const w2 = world();
    const third = new AzurermProvider(w2.stack, "third", {
      alias: "third",
      features: [{}],
      subscriptionId: SUB_B,
      tenantId: "cccccccc-0000-0000-0000-000000000003",
    });
    grant(w2, [
      centralWorkspace(w2),
      LogAnalyticsDestination.fromWorkspaceId(w2.stack, "Third", WORKSPACE_ID.replace("law-", "law-third-"), { provider: third }),
    ]);
    expect(errorOf(() => Testing.synth(w2.stack, true))).toMatch(/\[DFE065\] test\/Grant: the destinations are in different tenants/);
  });
});

describe("ordering", () => {
  test("the automation waits for the grant, whether the grant is declared before or after the export", () => {
    for (const grantFirst of [true, false]) {
      const w = world();
      const ws = centralWorkspace(w);
      if (grantFirst) grant(w, [ws]);
      exportTo(w, [ws]);
      if (!grantFirst) grant(w, [ws]);
      const json = synthJson(w.stack);
      const role = Object.keys(resourcesOf(json, "azurerm_role_assignment"))[0];
      expect(onlyResource(json, "azurerm_security_center_automation").depends_on).toEqual([`azurerm_role_assignment.${role}`]);
      expect(synthJson(w.stack)).toEqual(json); // a second synth adds nothing twice
    }
  });
});

describe("isolation across exporting tenants", () => {
  const TENANT_B = "00000000-0000-0000-0000-0000000000cc";
  const central = (stack: TerraformStack) => {
    const provider = new AzurermProvider(stack, "central", {
      alias: "central",
      features: [{}],
      tenantId: TENANT_B,
      subscriptionId: "00000000-0000-0000-0000-000000000099",
    });
    return { provider, ws: LogAnalyticsDestination.fromWorkspaceId(stack, "Ws", WORKSPACE_ID, { provider }) };
  };

  test("one destination granted to the identities of two exporting tenants is refused", () => {
    const { stack } = stackWithProvider();
    const { ws } = central(stack);
    for (const [id, tenant] of [
      ["A", "aaaaaaaa-0000-0000-0000-000000000001"],
      ["C", "cccccccc-0000-0000-0000-000000000001"],
    ]) {
      new CrossTenantAccess(stack, id, {
        destinations: [ws],
        principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"),
        exportingTenantId: tenant,
      });
    }
    expect(() => Testing.synth(stack, true)).toThrow(
      /DFE077.*tenant aaaaaaaa-0000-0000-0000-000000000001 .*test\/Ws.*tenant cccccccc-0000-0000-0000-000000000001 .*granted by test\/(A|C)/,
    );
  });

  test("a Lighthouse grant covers the whole resource group: another tenant's destination in it is refused too", () => {
    const { stack } = stackWithProvider();
    const { provider, ws } = central(stack);
    const other = LogAnalyticsDestination.fromWorkspaceId(stack, "Other", WORKSPACE_ID.replace("law-soc", "law-other"), { provider });
    new CrossTenantAccess(stack, "A", {
      destinations: [ws],
      principal: ExportingPrincipal.lighthouse({ principalId: "00000000-0000-0000-0000-0000000000dd", displayName: "A" }),
      exportingTenantId: "aaaaaaaa-0000-0000-0000-000000000001",
    });
    new CrossTenantAccess(stack, "C", {
      destinations: [other],
      principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000ee"),
      exportingTenantId: "cccccccc-0000-0000-0000-000000000001",
    });
    expect(() => Testing.synth(stack, true)).toThrow(/DFE077/);
  });

  test("one guest granted one role on one destination twice is refused: Azure holds one such role assignment", () => {
    const { stack } = stackWithProvider();
    const { ws } = central(stack);
    for (const id of ["A", "A2"]) {
      new CrossTenantAccess(stack, id, {
        destinations: [ws],
        principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"),
        exportingTenantId: "aaaaaaaa-0000-0000-0000-000000000001",
      });
    }
    expect(() => Testing.synth(stack, true)).toThrow(/\[DFE226\] test\/A2: test\/A already grants 00000000-0000-0000-0000-0000000000dd the role/);
  });
});

describe("ExportDelegation", () => {
  const props = {
    managingTenantId: "00000000-0000-0000-0000-0000000000cc",
    managingPrincipalId: "00000000-0000-0000-0000-0000000003cc",
    displayName: "SOC",
    subscriptionId: SUB,
    resourceGroupName: "rg-security",
  };

  test("writes Security Admin on the resource group only, in the customer's tenant", () => {
    const { stack } = stackWithProvider();
    new ExportDelegation(stack, "Delegation", props);
    const json = synthJson(stack);
    const definition = onlyResource(json, "azurerm_lighthouse_definition");
    expect([definition.scope, definition.managing_tenant_id, definition.authorization]).toEqual([
      `/subscriptions/${SUB}`,
      props.managingTenantId,
      [{ principal_id: props.managingPrincipalId, principal_display_name: "SOC", role_definition_id: "fb1c8493-542b-48eb-b624-b4c8fea62acd" }],
    ]);
    expect(onlyResource(json, "azurerm_lighthouse_assignment").scope).toBe(`/subscriptions/${SUB}/resourceGroups/rg-security`);
  });

  test("malformed ids and a provider of the managing tenant are refused", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => new ExportDelegation(stack, "A", { ...props, managingPrincipalId: "soc-team" }))).toMatch(/DFE078.*managingPrincipalId/);
    const managing = new AzurermProvider(stack, "mssp", { alias: "mssp", features: [{}], tenantId: props.managingTenantId });
    new ExportDelegation(stack, "B", { ...props, provider: managing });
    expect(() => Testing.synth(stack, true)).toThrow(/DFE078.*a provider of the managing tenant/);
  });
});
