import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, DefaultTokenResolver, StringConcat, Testing, TerraformStack, Tokenization } from "cdktf";

export const SUB = "00000000-0000-0000-0000-000000000001";
export const OTHER_SUB = "00000000-0000-0000-0000-000000000002";
export const WORKSPACE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc";
export const EVENT_HUB_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem/eventhubs/defender";

/** A stack with a default azurerm provider for subscription SUB. */
export function stackWithProvider(subscriptionId = SUB): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId });
  return { app, stack };
}

/** The stack's Terraform JSON, with validations run. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, by logical id. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The only resource of a type; fails if there is not exactly one. */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** The automation sources as plain {eventSource, ruleSets: [[path op value]]} for compact assertions. */
export function compactSources(automation: any): Array<{ source: string; sets: string[][] }> {
  return automation.source.map((s: any) => ({
    source: s.event_source,
    sets: (s.rule_set ?? []).map((set: any) => set.rule.map((r: any) => `${r.property_path} ${r.operator} ${r.expected_value}`)),
  }));
}

/** Calls fn and returns the thrown error's message; fails when nothing is thrown. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, but none was thrown");
}

/** A value with its tokens resolved to Terraform expressions, as synth writes them. */
export function resolved(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) });
}
