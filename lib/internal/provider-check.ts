import { TerraformProvider, Token } from "cdktf";
import { IConstruct } from "constructs";
import { AzapiProvider } from "./azapi";
import { AzurermProvider } from "./azurerm";
import { StackIndex } from "./stack-index";

/** The default (unaliased) provider of a type in a stack, e.g. `azurerm`, `azapi`, `azuread`. */
export function defaultProviderOf(scope: IConstruct, terraformResourceType: string): TerraformProvider | undefined {
  return StackIndex.of(scope).defaultProvider(terraformResourceType);
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
