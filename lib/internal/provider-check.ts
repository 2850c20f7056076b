import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { AzapiProvider } from "./azapi";
import { AzurermProvider } from "./azurerm";

/** The azurerm provider a construct writes through: the one given, or the stack's default (no alias). */
export function resolveAzurermProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  if (given) return given;
  const stack = TerraformStack.of(scope);
  return stack.node
    .findAll()
    .find((c): c is AzurermProvider => c instanceof AzurermProvider && (c.alias === undefined || c.alias === ""));
}

/** The azapi provider a construct writes through: the one given, or the stack's default (no alias). */
export function resolveAzapiProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  if (given) return given;
  return TerraformStack.of(scope)
    .node.findAll()
    .find((c): c is AzapiProvider => c instanceof AzapiProvider && !c.alias);
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
