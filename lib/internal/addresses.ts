import { createHash } from "node:crypto";
import { TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";

/**
 * The Terraform address a resource of `resourceType` would have at construct id path `childIds` below
 * `scope`, as the stack names it: for `moved` and `removed` blocks that name an address no construct
 * holds any more.
 */
export function addressAt(scope: IConstruct, resourceType: string, ...childIds: string[]): string {
  const stack = TerraformStack.of(scope);
  const scopes = [...scope.node.scopes, ...childIds.map((id) => ({ node: { id } }))];
  return `${resourceType}.${stack.getLogicalId({ scopes } as unknown as IConstruct["node"])}`;
}

/** A construct id that names a construct by its path below its stack, e.g. `Soc` or `Team-Soc`. */
export function idOfPath(construct: IConstruct): string {
  const stack = TerraformStack.of(construct);
  const scopes = construct.node.scopes;
  return scopes
    .slice(scopes.indexOf(stack) + 1)
    .map((c) => c.node.id)
    .join("-");
}

/**
 * A construct id for what Azure identifies: a literal resource id compared as Azure compares ids (without
 * regard to case), hashed; so renaming or re-ordering the constructs that lead to it keeps its Terraform
 * address. An id known only at apply (a resource of this stack) falls back to the construct's path.
 */
export function idOfAzureResource(resourceId: string, fallback: IConstruct): string {
  if (typeof resourceId !== "string" || Token.isUnresolved(resourceId)) return idOfPath(fallback);
  return createHash("sha256").update(resourceId.toLowerCase()).digest("hex").slice(0, 12).toUpperCase();
}
