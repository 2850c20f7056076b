import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { AzapiProvider } from "./azapi";
import { AzurermProvider } from "./azurerm";

interface DefaultProviders {
  readonly byType: ReadonlyMap<string, TerraformProvider>;
  /** The stack's number of direct children when indexed: providers are declared there. */
  readonly children: number;
}

let defaultsByStack = new Map<TerraformStack, DefaultProviders>();

/**
 * The default (unaliased) provider of each type in a stack, e.g. `azurerm`, `azapi`, `azuread`.
 * Walking the whole tree for every export made synth quadratic in the number of exports (the
 * validations of 1,000 exports spent over a second there), so the index is kept for the current
 * synchronous run only (the lookups happen in validations, while no construct is added), and a type
 * it lacks is looked for again when the stack has gained children since (a provider added late).
 */
export function defaultProviderOf(scope: IConstruct, terraformResourceType: string): TerraformProvider | undefined {
  const stack = TerraformStack.of(scope);
  let defaults = defaultsByStack.get(stack);
  if (defaults && !defaults.byType.has(terraformResourceType) && stack.node.children.length !== defaults.children) defaults = undefined;
  if (!defaults) {
    if (defaultsByStack.size === 0) queueMicrotask(() => (defaultsByStack = new Map()));
    const byType = new Map<string, TerraformProvider>();
    for (const c of stack.node.findAll()) {
      if (c instanceof TerraformProvider && !c.alias && !byType.has(c.terraformResourceType)) byType.set(c.terraformResourceType, c);
    }
    defaults = { byType, children: stack.node.children.length };
    defaultsByStack.set(stack, defaults);
  }
  return defaults.byType.get(terraformResourceType);
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
