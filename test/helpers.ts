import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { readAutomation } from "../lib/writers/writer";
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

/** The automation sources as plain {source, sets: [["path op value"]]} for compact assertions, read back by the writer that wrote the JSON. */
export function compactSources(automation: any): Array<{ source: string; sets: string[][] }> {
  const view = readAutomation(automation.body ? "azapi_resource.read" : "azurerm_security_center_automation.read", automation);
  if (!view) throw new Error("not an automation");
  return view.sources.map((s) => ({
    source: s.eventSource,
    sets: s.ruleSets.map((set) => set.map((r) => `${r.propertyJPath} ${r.operator} ${r.expectedValue}`)),
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

/** Terraform JSON without cdktf's `//` metadata, for comparing synth outputs. */
export function withoutMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "//")
        .map(([k, v]) => [k, withoutMetadata(v)]),
    );
  return value;
}
