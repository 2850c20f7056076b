import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { CrossTenantAccess, EventHubDestination, ExportingPrincipal, IExportDestination, LogAnalyticsDestination } from "../../lib";

/**
 * Isolation between customers is decided by the Azure resource: every construction the API allows that
 * reaches one workspace (or one resource group through Lighthouse) for two customers is refused, in any
 * stack of the app, whatever the letter case; where a token hides the answer, a coded warning says so.
 */
const CUSTOMER_A = "aaaaaaaa-0000-0000-0000-000000000001";
const CUSTOMER_C = "cccccccc-0000-0000-0000-000000000001";
const SOC_TENANT = "bbbbbbbb-0000-0000-0000-000000000002";
const SOC_SUB = "00000000-0000-0000-0000-000000000099";
const WS = `/subscriptions/${SOC_SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`;
const HUB = `/subscriptions/${SOC_SUB}/resourceGroups/rg-soc/providers/Microsoft.EventHub/namespaces/evhns-soc/eventhubs/defender`;

function socStack(app: App, id = "soc"): { stack: TerraformStack; provider: AzurermProvider } {
  const stack = new TerraformStack(app, id);
  const provider = new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: SOC_TENANT, subscriptionId: SOC_SUB });
  return { stack, provider };
}
const guest = (stack: TerraformStack, id: string, destination: IExportDestination, tenant: string) =>
  new CrossTenantAccess(stack, id, {
    destinations: [destination],
    principal: ExportingPrincipal.guestUser(`00000000-0000-0000-0000-${tenant.slice(0, 8)}0000`),
    exportingTenantId: tenant,
  });
const lighthouse = (stack: TerraformStack, id: string, destination: IExportDestination, tenant: string) =>
  new CrossTenantAccess(stack, id, {
    destinations: [destination],
    principal: ExportingPrincipal.lighthouse({ principalId: `00000000-0000-0000-0000-${tenant.slice(0, 8)}0000`, displayName: `SOC ${id}` }),
    exportingTenantId: tenant,
  });

/** The validation errors of every stack of the app. */
function problems(app: App): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    try {
      Testing.synth(stack, true);
    } catch (e) {
      errors.push(String((e as Error).message));
    }
  }
  const warnings = app.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === "aws:cdk:warning" || m.type === "@cdktf/warn" || /warn/i.test(m.type)).map((m) => String(m.data)),
    );
  return { errors, warnings };
}

describe("two customers on one Azure resource", () => {
  test("the same workspace through two fromWorkspaceId constructs", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    guest(stack, "A", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA", WS), CUSTOMER_A);
    guest(stack, "C", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS), CUSTOMER_C);
    const { errors } = problems(app);
    expect(errors.join("\n")).toMatch(
      new RegExp(
        `DFE077\\] soc/A: two customers would hold a role on the resource ${WS.toLowerCase()}: tenant ${CUSTOMER_A} \\(principal [-0-9a-f]+, a guest user\\) through soc/WsA, and tenant ${CUSTOMER_C} .* \\(granted by soc/C\\) through soc/WsC`,
      ),
    );
  });

  test("the same workspace id in another letter case, with a trailing slash", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    guest(stack, "A", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA", WS), CUSTOMER_A);
    guest(
      stack,
      "C",
      LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", `${WS.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/")}`),
      CUSTOMER_C,
    );
    expect(problems(app).errors.join("\n")).toMatch(/DFE077/);
  });

  test("the same workspace granted from two stacks of the app (each stack refuses)", () => {
    const app = Testing.app();
    const one = socStack(app, "soc-a");
    const two = socStack(app, "soc-c");
    guest(one.stack, "A", LogAnalyticsDestination.fromWorkspaceId(one.stack, "Ws", WS), CUSTOMER_A);
    guest(two.stack, "C", LogAnalyticsDestination.fromWorkspaceId(two.stack, "Ws", WS), CUSTOMER_C);
    const { errors } = problems(app);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/DFE077\] soc-a\/A: .*granted by soc-c\/C/);
    expect(errors[1]).toMatch(/DFE077\] soc-c\/C: .*granted by soc-a\/A/);
  });

  test("the same event hub through two fromEventHubId constructs", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    guest(stack, "A", EventHubDestination.fromEventHubId(stack, "HubA", HUB, { sendRuleName: "send-a" }), CUSTOMER_A);
    guest(stack, "C", EventHubDestination.fromEventHubId(stack, "HubC", HUB.replace("defender", "DEFENDER"), { sendRuleName: "send-c" }), CUSTOMER_C);
    expect(problems(app).errors.join("\n")).toMatch(/DFE077.*the resource \/subscriptions\/.*\/eventhubs\/defender/);
  });

  test("a guest grant on a workspace in a resource group another customer holds through Lighthouse (group name re-cased)", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    lighthouse(stack, "A", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA", WS), CUSTOMER_A);
    guest(
      stack,
      "C",
      LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS.replace("rg-soc", "RG-SOC").replace("law-soc", "law-other")),
      CUSTOMER_C,
    );
    const { errors } = problems(app);
    expect(errors.join("\n")).toMatch(new RegExp(`DFE077.*the resource group /subscriptions/${SOC_SUB}/resourcegroups/rg-soc: .*through Lighthouse`));
  });

  test("two Lighthouse delegations of one resource group, one destination created by the library", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    const created = new LogAnalyticsDestination(stack, "Created", {
      workspaceName: "law-created",
      resourceGroupName: "RG-Soc",
      location: "westeurope",
    });
    lighthouse(stack, "A", created, CUSTOMER_A);
    lighthouse(stack, "C", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS.replace("law-soc", "law-c")), CUSTOMER_C);
    expect(problems(app).errors.join("\n")).toMatch(/DFE077\] soc\/A: .*resource group \/subscriptions\/.*\/resourcegroups\/rg-soc/);
  });

  test("one created workspace granted to two customers", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    const created = new LogAnalyticsDestination(stack, "Created", {
      workspaceName: "law-created",
      resourceGroupName: "rg-created",
      location: "westeurope",
    });
    guest(stack, "A", created, CUSTOMER_A);
    guest(stack, "C", created, CUSTOMER_C);
    expect(problems(app).errors.join("\n")).toMatch(/DFE077.*the resource soc\/Created/);
  });
});

describe("apart, or unknowable", () => {
  test("different workspaces, and different resource groups under Lighthouse, are fine", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    guest(stack, "A", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA", WS), CUSTOMER_A);
    guest(stack, "C", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS.replace("law-soc", "law-c")), CUSTOMER_C);
    lighthouse(stack, "A2", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA2", WS.replace("rg-soc", "rg-a")), CUSTOMER_A);
    lighthouse(stack, "C2", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC2", WS.replace("rg-soc", "rg-c")), CUSTOMER_C);
    const { errors, warnings } = problems(app);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.includes("DFW010"))).toEqual([]);
  });

  test("a resource group named by a TerraformVariable next to a Lighthouse grant: a coded warning naming both customers", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    const group = new TerraformVariable(stack, "group", { type: "string" }).stringValue;
    const created = new LogAnalyticsDestination(stack, "Created", { workspaceName: "law-created", resourceGroupName: group, location: "westeurope" });
    lighthouse(stack, "A", created, CUSTOMER_A);
    guest(stack, "C", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS), CUSTOMER_C);
    const { errors, warnings } = problems(app);
    expect(errors).toEqual([]);
    expect(warnings.join("\n")).toMatch(
      new RegExp(`DFW010\\] soc/A: .*resource group .*tenant ${CUSTOMER_A} .*through soc/Created.*tenant ${CUSTOMER_C} .*granted by soc/C`),
    );
  });

  test("a group whose subscription is known only at apply, named like a Lighthouse-delegated group: a coded warning", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    const other = new TerraformStack(app, "other");
    new AzurermProvider(other, "azurerm", { features: [{}], tenantId: SOC_TENANT });
    const created = new LogAnalyticsDestination(other, "Created", {
      workspaceName: "law-created",
      resourceGroupName: "RG-Soc",
      location: "westeurope",
    });
    guest(other, "A", created, CUSTOMER_A);
    lighthouse(stack, "C", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS), CUSTOMER_C);
    const { errors, warnings } = problems(app);
    expect(errors).toEqual([]);
    expect(warnings.join("\n")).toMatch(/DFW010\] other\/A: .*a resource group named rg-soc \(its subscription is known only at apply\)/);
  });

  test("Lighthouse grants on differently named groups, subscriptions known only at apply: apart, no warning", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "soc");
    new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: SOC_TENANT });
    const workspace = (id: string, group: string) =>
      new LogAnalyticsDestination(stack, id, { workspaceName: `law-${group}`, resourceGroupName: group, location: "westeurope" });
    lighthouse(stack, "A", workspace("WsA", "rg-a"), CUSTOMER_A);
    lighthouse(stack, "C", workspace("WsC", "rg-c"), CUSTOMER_C);
    const { errors, warnings } = problems(app);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.includes("DFW010"))).toEqual([]);
  });

  test("a workspace id from a token, granted to another customer than a literal one: a coded warning", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    const id = new TerraformVariable(stack, "ws", { type: "string" }).stringValue;
    guest(stack, "A", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA", id, { tenantId: SOC_TENANT }), CUSTOMER_A);
    guest(stack, "C", LogAnalyticsDestination.fromWorkspaceId(stack, "WsC", WS), CUSTOMER_C);
    const { errors, warnings } = problems(app);
    expect(errors).toEqual([]);
    expect(warnings.join("\n")).toMatch(/DFW010\] soc\/A: .*the destination \(its id is known only at apply\)/);
  });

  test("a customer tenant id from a token on a shared workspace: a coded warning, not silence", () => {
    const app = Testing.app();
    const { stack } = socStack(app);
    const tenant = new TerraformVariable(stack, "tenant", { type: "string" }).stringValue;
    guest(stack, "A", LogAnalyticsDestination.fromWorkspaceId(stack, "WsA", WS), CUSTOMER_A);
    new CrossTenantAccess(stack, "T", {
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "WsT", WS)],
      principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000ee"),
      exportingTenantId: tenant,
    });
    const { errors, warnings } = problems(app);
    expect(errors).toEqual([]);
    expect(warnings.join("\n")).toMatch(/DFW010.*a tenant id is a token/);
  });
});
