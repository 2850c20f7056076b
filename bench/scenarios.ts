import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { SecurityCenterAutomation } from "@cdktf/provider-azurerm/lib/security-center-automation";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { App as CdktfApp, TerraformIterator, TerraformLocal } from "cdktf";
import {
  AlertSeverity,
  AutomationWriter,
  AzapiProvider,
  AzapiResource,
  ContinuousExportFleet,
  Export,
  FleetLayout,
  LogAnalyticsDestination,
} from "../lib";

/** The fleet every scenario builds: N subscriptions, alerts (Medium and up) and recommendations to one workspace. */
export const WORKSPACE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc";
export const subscriptionIds = (n: number) => Array.from({ length: n }, (_, i) => `10000000-0000-0000-0000-${i.toString(16).padStart(12, "0")}`);
const DESCRIPTION = "Defender for Cloud continuous export, managed by cdktf-defender-export";
const SOURCES = [
  {
    eventSource: "Alerts",
    ruleSet: ["medium", "high"].map((v) => ({ rule: [{ propertyPath: "Severity", operator: "Equals", expectedValue: v, propertyType: "String" }] })),
  },
  { eventSource: "Assessments" },
];

/** What a scenario reports of its synth. */
export interface Synthesized {
  /** Where the stack's JSON was written. */
  readonly file: string;
}

/** The library's default, as the README writes a fleet: no layout props (azapi writer, for_each layout, no moved blocks). */
export function libraryForEach(n: number, outdir: string): Synthesized {
  return libraryWithAzapi(n, outdir, {});
}

/** The same, while it moves from the per-subscription layout (`previousLayout`): a moved block per subscription. */
export function libraryForEachMoving(n: number, outdir: string): Synthesized {
  return libraryWithAzapi(n, outdir, { previousLayout: FleetLayout.PER_SUBSCRIPTION });
}

/** The library with the azapi writer in the per-subscription layout: one provider, a resource per subscription. */
export function libraryAzapi(n: number, outdir: string): Synthesized {
  return libraryWithAzapi(n, outdir, { layout: FleetLayout.PER_SUBSCRIPTION });
}

function libraryWithAzapi(n: number, outdir: string, layouts: { layout?: FleetLayout; previousLayout?: FleetLayout }): Synthesized {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "fleet");
  new AzapiProvider(stack, "azapi", {});
  fleet(
    stack,
    subscriptionIds(n).map((subscriptionId) => ({ subscriptionId })),
    AutomationWriter.AZAPI,
    layouts,
  );
  app.synth();
  return { file: join(outdir, "stacks", "fleet", "cdk.tf.json") };
}

/** The library with the azurerm writer: a provider per subscription. */
export function libraryAzurerm(n: number, outdir: string): Synthesized {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "fleet");
  const subscriptions = subscriptionIds(n).map((subscriptionId, i) => ({ subscriptionId, provider: subscriptionProvider(stack, i, subscriptionId) }));
  fleet(stack, subscriptions, AutomationWriter.AZURERM);
  app.synth();
  return { file: join(outdir, "stacks", "fleet", "cdk.tf.json") };
}

/** The same Terraform as `libraryAzurerm`, written by hand with the azurerm L1 classes. */
export function handWrittenL1(n: number, outdir: string): Synthesized {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "fleet");
  const fleetScope = new Construct(stack, "Fleet"); // the library's construct paths, hence the same addresses
  subscriptionIds(n).forEach((subscriptionId, i) => {
    const provider = subscriptionProvider(stack, i, subscriptionId);
    new SecurityCenterAutomation(new Construct(fleetScope, subscriptionId), "Workspace", {
      name: "ExportToWorkspace",
      location: "westeurope",
      resourceGroupName: "rg-sec",
      scopes: [`/subscriptions/${subscriptionId}`],
      enabled: true,
      description: DESCRIPTION,
      source: SOURCES,
      action: [{ type: "Workspace", resourceId: WORKSPACE_ID }],
      provider,
    });
  });
  app.synth();
  return { file: join(outdir, "stacks", "fleet", "cdk.tf.json") };
}

/** The same Terraform as `libraryAzapi`, written by hand with the azapi binding and the library's body builder. */
export function handWrittenAzapi(n: number, outdir: string): Synthesized {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "fleet");
  new AzapiProvider(stack, "azapi", {});
  const fleetScope = new Construct(stack, "Fleet");
  for (const subscriptionId of subscriptionIds(n)) {
    new AzapiResource(new Construct(fleetScope, subscriptionId), "Workspace", {
      resourceType: "Microsoft.Security/automations@2023-12-01-preview",
      name: "ExportToWorkspace",
      parentId: `/subscriptions/${subscriptionId}/resourceGroups/rg-sec`,
      location: "westeurope",
      body: azapiBody(subscriptionId),
    });
  }
  app.synth();
  return { file: join(outdir, "stacks", "fleet", "cdk.tf.json") };
}

/** The same Terraform as `libraryForEach`, written by hand: one azapi resource with for_each over a local. */
export function handWrittenForEach(n: number, outdir: string): Synthesized {
  const app: CdktfApp = new App({ outdir });
  const stack = new TerraformStack(app, "fleet");
  new AzapiProvider(stack, "azapi", {});
  const fleetScope = new Construct(stack, "Fleet");
  const local = new TerraformLocal(fleetScope, "ResourceGroupBySubscription", Object.fromEntries(subscriptionIds(n).map((s) => [s, "rg-sec"])));
  const each = TerraformIterator.fromMap(local.asAnyMap);
  const automation = new AzapiResource(new Construct(fleetScope, "Subscriptions"), "Workspace", {
    resourceType: "Microsoft.Security/automations@2023-12-01-preview",
    name: "ExportToWorkspace",
    parentId: `/subscriptions/${each.key}/resourceGroups/${each.value}`,
    location: "westeurope",
    body: azapiBody(each.key),
  });
  automation.forEach = each;
  app.synth();
  return { file: join(outdir, "stacks", "fleet", "cdk.tf.json") };
}

/** The floor: the same JSON as `libraryAzurerm` (without cdktf's metadata), built as plain objects and stringified. */
export function floor(n: number, outdir: string): Synthesized {
  const providers: object[] = [];
  const automations: Record<string, object> = {};
  subscriptionIds(n).forEach((subscriptionId, i) => {
    providers.push({ alias: `s${i}`, features: [{}], subscription_id: subscriptionId });
    automations[`Fleet_${subscriptionId}_Workspace`] = {
      action: [{ resource_id: WORKSPACE_ID, type: "Workspace" }],
      description: DESCRIPTION,
      enabled: true,
      location: "westeurope",
      name: "ExportToWorkspace",
      provider: `azurerm.s${i}`,
      resource_group_name: "rg-sec",
      scopes: [`/subscriptions/${subscriptionId}`],
      source: SOURCES.map((s) => ({
        event_source: s.eventSource,
        ...(s.ruleSet
          ? {
              rule_set: s.ruleSet.map((set) => ({
                rule: set.rule.map((r) => ({
                  expected_value: r.expectedValue,
                  operator: r.operator,
                  property_path: r.propertyPath,
                  property_type: r.propertyType,
                })),
              })),
            }
          : {}),
      })),
    };
  });
  const json = {
    provider: { azurerm: providers },
    resource: { azurerm_security_center_automation: automations },
    terraform: { required_providers: { azurerm: { source: "azurerm", version: "4.55.0" } } },
  };
  const dir = join(outdir, "stacks", "fleet");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "cdk.tf.json");
  writeFileSync(file, JSON.stringify(json, null, 2));
  return { file };
}

/** The automation body the library writes, for one subscription (or `${each.key}`). */
function azapiBody(subscriptionId: string): { [key: string]: unknown } {
  return {
    properties: {
      description: DESCRIPTION,
      isEnabled: true,
      scopes: [{ description: `scope for /subscriptions/${subscriptionId}`, scopePath: `/subscriptions/${subscriptionId}` }],
      sources: SOURCES.map((s) => ({
        eventSource: s.eventSource,
        ...(s.ruleSet
          ? {
              ruleSets: s.ruleSet.map((set) => ({
                rules: set.rule.map((r) => ({
                  propertyJPath: r.propertyPath,
                  propertyType: r.propertyType,
                  expectedValue: r.expectedValue,
                  operator: r.operator,
                })),
              })),
            }
          : {}),
      })),
      actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }],
    },
  };
}

function fleet(
  stack: TerraformStack,
  subscriptions: Array<{ subscriptionId: string; provider?: AzurermProvider }>,
  writer: AutomationWriter,
  layouts: { layout?: FleetLayout; previousLayout?: FleetLayout } = {},
): void {
  new ContinuousExportFleet(stack, "Fleet", {
    subscriptions,
    exports: [Export.alerts({ minimumSeverity: AlertSeverity.MEDIUM }), Export.recommendations()],
    destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID)],
    resourceGroupName: "rg-sec",
    location: "westeurope",
    writer,
    ...layouts,
  });
}

function subscriptionProvider(stack: TerraformStack, i: number, subscriptionId: string): AzurermProvider {
  return new AzurermProvider(stack, `p${i}`, { alias: `s${i}`, features: [{}], subscriptionId });
}
