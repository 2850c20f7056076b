import { ITerraformDependable, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/**
 * The dependables `scope` can name in `depends_on`: those in its own stack. Terraform cannot depend on a
 * resource of another state, so for those the stack depends on the other stack instead (cdktf deploys
 * that one first).
 */
export function localDependencies(scope: IConstruct, dependables: readonly ITerraformDependable[]): ITerraformDependable[] {
  const stack = TerraformStack.of(scope);
  return dependables.filter((d) => {
    const other = TerraformStack.of(d as unknown as IConstruct);
    if (other === stack) return true;
    if (!stack.dependencies.includes(other)) stack.addDependency(other);
    return false;
  });
}
