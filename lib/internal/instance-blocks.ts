import { TerraformElement, TerraformProvider, TerraformResource } from "cdktf";
import { ExportConfigError } from "../model/errors";

/** A `moved` block. */
interface MovedBlock {
  readonly from: string;
  readonly to: string;
}

/** An `import` block. */
interface ImportBlock {
  readonly to: string;
  readonly id: string;
  readonly provider?: string;
}

/** The address of one instance of a `for_each` resource, `type.name["key"]`. */
export function instanceAddress(resource: TerraformResource, key: string): string {
  return `${resourceAddress(resource)}[${JSON.stringify(key)}]`;
}

/** The address of a resource, `type.name`. */
export function resourceAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * The `moved`, `import` and `removed` blocks of a fleet's hand-overs, one element for all of them: a fleet
 * of 10,000 subscriptions writes 10,000 moved blocks when its layout changes, and a construct each would
 * cost what the layout saves. Terraform's `removed` block cannot name one instance of a `for_each`
 * resource, so an instance that leaves the state is first moved to a resource address no configuration
 * declares ({@link InstanceBlocks.forget}), which one `removed` block then forgets.
 */
export class InstanceBlocks extends TerraformElement {
  private readonly moved: MovedBlock[] = [];
  private readonly imports: ImportBlock[] = [];
  private readonly forgotten = new Set<string>();

  /** Whether the blocks include a `removed` block (Terraform 1.7) or an `import` block (1.5). */
  public get needs(): { removed: boolean; imports: boolean } {
    return { removed: this.forgotten.size > 0, imports: this.imports.length > 0 };
  }

  /** Moves the state at `from` to `to`; a no-op for Terraform when nothing is at `from`. */
  public move(from: string, to: string): void {
    this.moved.push({ from, to });
  }

  /** Imports an existing resource into one instance. */
  public importInto(to: string, id: string, provider: TerraformProvider | undefined): void {
    this.imports.push({ to, id, ...(provider ? { provider: provider.fqn } : {}) });
  }

  /** Lets one instance of `resource` leave the state without being destroyed. */
  public forget(resource: TerraformResource, key: string): void {
    this.forgetInstanceOf(resourceAddress(resource), key);
  }

  /** Lets one instance of the `for_each` resource at `address` (`type.name`) leave the state without being destroyed. */
  public forgetInstanceOf(address: string, key: string): void {
    const parked = `${address}_leaving`;
    this.moved.push({ from: `${address}[${JSON.stringify(key)}]`, to: `${parked}[${JSON.stringify(key)}]` });
    this.forgotten.add(parked);
  }

  /** Lets a resource (every instance of it) leave the state without being destroyed. */
  public forgetResource(address: string): void {
    this.forgotten.add(address);
  }

  /** @internal */
  public override toTerraform(): { [block: string]: unknown[] } {
    return {
      ...(this.moved.length > 0 ? { moved: this.moved } : {}),
      ...(this.imports.length > 0 ? { import: this.imports } : {}),
      ...(this.forgotten.size > 0 ? { removed: [...this.forgotten].map((from) => ({ from, lifecycle: { destroy: false } })) } : {}),
    };
  }

  /** @internal */
  public override toHclTerraform(): never {
    throw new ExportConfigError(
      "DFE118",
      `${this.node.path}: a fleet's hand-over (moved, import and removed blocks) needs cdktf's JSON output; HCL ` +
        `output would drop it and Terraform would delete what it hands over. Synthesize JSON (the default).`,
    );
  }
}
