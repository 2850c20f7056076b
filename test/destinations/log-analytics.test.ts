import { LogAnalyticsDestination, WorkspaceSku } from "../../lib";
import { WORKSPACE_ID, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson, resolved } from "../helpers";

describe("LogAnalyticsDestination", () => {
  test("creates a workspace with the SecurityCenterFree solution, protected from destroy", () => {
    const { stack } = stackWithProvider();
    const d = new LogAnalyticsDestination(stack, "Soc", {
      workspaceName: "law-soc",
      resourceGroupName: "rg",
      location: "westeurope",
      retentionInDays: 90,
      tags: { a: "b" },
    });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_log_analytics_workspace")).toMatchObject({
      name: "law-soc",
      sku: "PerGB2018",
      retention_in_days: 90,
      tags: { a: "b" },
      lifecycle: { prevent_destroy: true },
    });
    expect(onlyResource(json, "azurerm_log_analytics_solution")).toMatchObject({
      solution_name: "SecurityCenterFree",
      plan: { publisher: "Microsoft", product: "OMSGallery/SecurityCenterFree" },
      workspace_resource_id: "${azurerm_log_analytics_workspace.Soc_Workspace_17A2648E.id}",
    });
    expect(d.bind(stack).dependsOn).toEqual([d.solution]);
    expect(resolved(stack, d.bind(stack).resourceId)).toBe("${azurerm_log_analytics_workspace.Soc_Workspace_17A2648E.id}");
  });

  test("defaults: PerGB2018 and 30 days; prevent_destroy can be turned off", () => {
    const { stack } = stackWithProvider();
    new LogAnalyticsDestination(stack, "Soc", {
      workspaceName: "law-soc",
      resourceGroupName: "rg",
      location: "westeurope",
      preventDestroy: false,
      sku: WorkspaceSku.CAPACITY_RESERVATION,
    });
    const ws = onlyResource(synthJson(stack), "azurerm_log_analytics_workspace");
    expect(ws).toMatchObject({ retention_in_days: 30, sku: "CapacityReservation" });
    expect(ws.lifecycle).toBeUndefined();
  });

  test("an existing workspace creates nothing", () => {
    const { stack } = stackWithProvider();
    const d = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(d.bind(stack)).toEqual({ kind: d.kind, resourceId: WORKSPACE_ID });
    expect(d.description).toBe("Log Analytics workspace law-soc (existing, in rg-soc)");
    expect(resourcesOf(synthJson(stack), "azurerm_log_analytics_workspace")).toEqual({});
  });

  test("bad input is refused with the construct path", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => LogAnalyticsDestination.fromWorkspaceId(stack, "Bad", "/subscriptions/x/workspaces/y"))).toMatch(
      /DFE040\] test\/Bad: .* is not a Log Analytics workspace resource id/,
    );
    expect(errorOf(() => new LogAnalyticsDestination(stack, "Name", { workspaceName: "a b", resourceGroupName: "rg", location: "x" }))).toMatch(
      /DFE041\] test\/Name/,
    );
    expect(
      errorOf(
        () => new LogAnalyticsDestination(stack, "Days", { workspaceName: "law-x", resourceGroupName: "rg", location: "x", retentionInDays: 7 }),
      ),
    ).toMatch(/DFE042.*30 to 730/);
  });
});
