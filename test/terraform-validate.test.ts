import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { addExampleStacks } from "../examples/stacks";

/**
 * `terraform validate` of every example stack, against the real provider schemas. It needs a terraform
 * binary and the provider registry, which the build machine does not have: run it where you have both,
 * with DFE_TERRAFORM_VALIDATE=1.
 */
const enabled = process.env.DFE_TERRAFORM_VALIDATE === "1";

(enabled ? describe : describe.skip)("terraform validate (DFE_TERRAFORM_VALIDATE=1)", () => {
  test("every example stack is valid Terraform for azurerm, azapi and azuread", () => {
    const app = Testing.app();
    addExampleStacks(app);
    app.synth();
    const stacks = join(app.outdir, "stacks");
    for (const stack of readdirSync(stacks)) {
      const cwd = join(stacks, stack);
      execFileSync("terraform", ["init", "-backend=false", "-input=false"], { cwd, stdio: "pipe" });
      expect([stack, execFileSync("terraform", ["validate", "-no-color"], { cwd, encoding: "utf8" }).trim()]).toEqual([
        stack,
        "Success! The configuration is valid.",
      ]);
    }
  }, 600_000);
});
