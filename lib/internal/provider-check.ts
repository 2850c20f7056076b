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
  const sub = provider instanceof AzurermProvider ? provider.subscriptionId : undefined;
  return sub !== undefined && !Token.isUnresolved(sub) ? sub : undefined;
}
