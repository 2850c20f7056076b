import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { AzapiProvider } from "./azapi";
import { AzurermProvider } from "./azurerm";

let defaultsByStack = new Map<TerraformStack, ReadonlyMap<string, TerraformProvider>>();
let frozen = false;

/**
 * Marks the start of synth's checks (aspects, validations): from here to the end of the current
 * synchronous run no construct is added, so provider lookups may be indexed once per stack. Walking the
 * whole tree for every export made synth quadratic in the number of exports (1,000 exports spent over a
 * second in their validations); lookups outside synth (a summary read early) are not indexed, so a
 * provider declared later is always found.
 */
export function freezeProviderLookups(): void {
  if (frozen) return;
  frozen = true;
  queueMicrotask(() => {
    frozen = false;
    defaultsByStack = new Map();
  });
}

/** The default (unaliased) provider of a type in a stack, e.g. `azurerm`, `azapi`, `azuread`. */
export function defaultProviderOf(scope: IConstruct, terraformResourceType: string): TerraformProvider | undefined {
  const stack = TerraformStack.of(scope);
  let defaults = frozen ? defaultsByStack.get(stack) : undefined;
  if (!defaults) {
    const byType = new Map<string, TerraformProvider>();
    for (const c of stack.node.findAll()) {
      if (c instanceof TerraformProvider && !c.alias && !byType.has(c.terraformResourceType)) byType.set(c.terraformResourceType, c);
    }
    defaults = byType;
    if (frozen) defaultsByStack.set(stack, defaults);
  }
  return defaults.get(terraformResourceType);
}

/** The azurerm provider a construct writes through: the one given, or the stack's default (no alias). */
export function resolveAzurermProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  return given ?? defaultProviderOf(scope, "azurerm");
}

/** The azapi provider a construct writes through: the one given, or the stack's default (no alias). */
export function resolveAzapiProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  return given ?? defaultProviderOf(scope, "azapi");
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
