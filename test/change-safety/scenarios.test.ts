import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { CrossTenantAccess, ExportingPrincipal, LogAnalyticsDestination } from "../../lib";
import { planStack } from "./planner";

/**
 * Edits the examples do not reach, each one a plan a user reached with an earlier version or an
 * obvious request: before and after are synthesized, the planner says what Terraform would do.
 */

const SOURCE_TENANT = "00000000-0000-0000-0000-0000000000aa";
const DEST_TENANT = "00000000-0000-0000-0000-0000000000cc";
const workspaceId = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/${name}`;

function synth(build: (stack: TerraformStack) => void): any {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, "s");
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

/** The JSON as an earlier version wrote it: every resource a `moved` block names sits at its `from` address. */
function beforeMoves(json: any): any {
  const before = JSON.parse(JSON.stringify(json));
  for (const { from, to } of json.moved ?? []) {
    const [type, name] = to.split(".");
    before.resource[type][from.split(".")[1]] = before.resource[type][name];
    delete before.resource[type][name];
  }
  delete before.moved;
  return before;
}

function actions(plan: Map<string, { action: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [address, { action }] of plan) (out[action] ??= []).push(address);
  return out;
}

describe("cross-tenant grants are keyed by what they grant", () => {
  const grantTo = (names: string[]) => (stack: TerraformStack) => {
    new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: DEST_TENANT, subscriptionId: "00000000-0000-0000-0000-000000000099" });
    const destinations = names.map((n) => LogAnalyticsDestination.fromWorkspaceId(stack, n, workspaceId(n)));
    new CrossTenantAccess(stack, "Grant", { destinations, principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"), exportingTenantId: SOURCE_TENANT });
  };

  test("inserting a destination first leaves the existing grant in place", () => {
    const plan = planStack(synth(grantTo(["Soc"])), synth(grantTo(["Audit", "Soc"])));
    expect(actions(plan)).toEqual({ kept: [expect.stringContaining("Role-Soc")], created: [expect.stringContaining("Role-Audit")] });
  });

  test("a state written when grants were numbered by position moves to the keyed addresses, nothing replaced", () => {
    const after = synth(grantTo(["Soc", "Audit"]));
    expect(after.moved.map((m: any) => m.from)).toEqual([expect.stringContaining("Grant_Role0_"), expect.stringContaining("Grant_Role1_")]);
    const plan = planStack(beforeMoves(after), after);
    expect(actions(plan)).toEqual({ kept: expect.any(Array) });
    expect([...plan.values()].filter((p) => p.movedFrom).length).toBe(2);
  });

  test("Lighthouse: reordering the destinations keeps the definition and its assignments", () => {
    const lighthouse = (names: string[]) => (stack: TerraformStack) => {
      new AzurermProvider(stack, "azurerm", { features: [{}], tenantId: DEST_TENANT, subscriptionId: "00000000-0000-0000-0000-000000000099" });
      const destinations = names.map((n) => LogAnalyticsDestination.fromWorkspaceId(stack, n, workspaceId(n)));
      new CrossTenantAccess(stack, "Grant", { destinations, principal: ExportingPrincipal.lighthouse({ principalId: "00000000-0000-0000-0000-0000000000dd", displayName: "SOC" }), exportingTenantId: SOURCE_TENANT });
    };
    const plan = planStack(synth(lighthouse(["Soc", "Audit"])), synth(lighthouse(["Audit", "Soc"])));
    expect(Object.keys(actions(plan))).toEqual(["kept"]);
  });
});
