import { TerraformElement } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ExportConfigError } from "../model/errors";
import { literalElement } from "./literal-element";

/**
 * A `removed` block with `destroy = false` (Terraform 1.7+): Terraform forgets the address and leaves the
 * resource in Azure. A construct of its own, so that every hand-over the library writes shows in the
 * construct tree next to what caused it.
 */
export class ForgottenAddress extends literalElement(TerraformElement) {
  /**
   * @param scope the construct that hands the resource over
   * @param address the Terraform address to forget, `type.name`
   */
  constructor(
    scope: Construct,
    public readonly address: string,
  ) {
    super(scope, `Forget ${address}`);
  }

  /** @internal */
  public override toTerraform(): { removed: Array<{ from: string; lifecycle: { destroy: boolean } }> } {
    return { removed: [{ from: this.address, lifecycle: { destroy: false } }] };
  }

  /** @internal */
  public override toHclTerraform(): never {
    throw new ExportConfigError(
      "DFE118",
      `${this.node.path}: a hand-over (removed block for ${this.address}) needs cdktf's JSON output; HCL output ` +
        `would drop it and Terraform would delete the resource. Synthesize JSON (the default).`,
    );
  }
}

/** Forgets an address without destroying it, once per scope. */
export function forgetWithoutDestroying(scope: IConstruct, address: string): void {
  if (!scope.node.tryFindChild(`Forget ${address}`)) new ForgottenAddress(scope as Construct, address);
}
