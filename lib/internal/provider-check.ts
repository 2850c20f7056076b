import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { AzapiProvider } from "./azapi";
import { AzurermProvider } from "./azurerm";

let providersByStack = new Map<TerraformStack, readonly TerraformProvider[]>();

/**
 * The providers of a stack. Walking the whole tree for every export made synth quadratic in the number
 * of exports (the validations of 1,000 exports spent over a second there), so the list is kept for the
 * current synchronous run only: the lookups happen in validations, while no construct is added, and the
 * cache is dropped before any later code can add providers.
 */
export function providersOf(scope: IConstruct): readonly TerraformProvider[] {
  const stack = TerraformStack.of(scope);
  let providers = providersByStack.get(stack);
  if (!providers) {
    if (providersByStack.size === 0) queueMicrotask(() => (providersByStack = new Map()));
    providers = stack.node.findAll().filter((c): c is TerraformProvider => c instanceof TerraformProvider);
    providersByStack.set(stack, providers);
  }
  return providers;
}

/** The azurerm provider a construct writes through: the one given, or the stack's default (no alias). */
export function resolveAzurermProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  return given ?? providersOf(scope).find((c) => c instanceof AzurermProvider && !c.alias);
}

/** The azapi provider a construct writes through: the one given, or the stack's default (no alias). */
export function resolveAzapiProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  return given ?? providersOf(scope).find((c) => c instanceof AzapiProvider && !c.alias);
}

/** The provider's subscription id if it is a literal, else undefined. */
export function literalSubscriptionOf(provider: TerraformProvider): string | undefined {
  return literal(provider instanceof AzurermProvider ? provider.subscriptionId : undefined);
}

/** The tenant an azurerm or azapi provider authenticates to, if it is set as a literal. */
export function literalTenantOf(provider: TerraformProvider | undefined): string | undefined {
  return literal(provider instanceof AzurermProvider || provider instanceof AzapiProvider ? provider.tenantId : undefined);
}

/** The auxiliary tenants of an azurerm or azapi provider (literals only). */
export function auxiliaryTenantsOf(provider: TerraformProvider | undefined): string[] {
  const list = provider instanceof AzurermProvider || provider instanceof AzapiProvider ? provider.auxiliaryTenantIds : undefined;
  return Array.isArray(list) ? list.filter((t) => !Token.isUnresolved(t)) : [];
}

function literal(value: string | undefined): string | undefined {
  return value !== undefined && !Token.isUnresolved(value) ? value : undefined;
}
