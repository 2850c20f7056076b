import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { addExampleStacks } from "../../examples/stacks";
import { resourcesOf, withoutMetadata } from "../helpers";

/** The example stacks of one app, by id. */
export function exampleStacks(): Map<string, TerraformStack> {
  const app = Testing.app();
  addExampleStacks(app);
  return new Map(app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack).map((s) => [s.node.id, s]));
}

/** The example stacks this test file reads. */
export const stacks = exampleStacks();

/** One example's Terraform JSON as text, synthesized with validations. */
export const text = (id: string) => Testing.synth(stacks.get(id)!, true);

/** One example's Terraform JSON, synthesized with validations. */
export const json = (id: string) => JSON.parse(text(id));

/** The automation of an example named `name` (azurerm writer). */
export const automationNamed = (id: string, name: string) =>
  Object.values(resourcesOf(json(id), "azurerm_security_center_automation")).find((a: any) => a.name === name) as any;

/** The sharded fleet's stacks: the central one and five shards. */
export const SHARDS = ["fleet-shard-00", "fleet-shard-01", "fleet-shard-02", "fleet-shard-03", "fleet-shard-04"];

/**
 * The Terraform JSON of every stack as a full app synth writes it (cross-stack references resolved), without
 * cdktf's metadata: the form of the stacks that take part in cross-stack references.
 */
export function appOutput(): Map<string, any> {
  const app = Testing.app();
  addExampleStacks(app);
  app.synth();
  return new Map(
    app.node.children
      .filter((c): c is TerraformStack => c instanceof TerraformStack)
      .map((s) => [s.node.id, withoutMetadata(JSON.parse(readFileSync(join(app.outdir, "stacks", s.node.id, "cdk.tf.json"), "utf8")))]),
  );
}
