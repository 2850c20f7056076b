import { Aspects, IAspect, TerraformElement, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import { ForgottenAddress } from "./forgotten-address";
import { InstanceBlocks } from "./instance-blocks";
import { IConstruct } from "constructs";

/** A construct that finishes its work when the stack is complete: an aspect calls it before validation. */
export interface ICompletesAtSynth extends IConstruct {
  /** Called once per synth, after every construct of the app exists and before validation. */
  _completeAtSynth(index: StackIndex): void;
}

function completesAtSynth(node: IConstruct): node is ICompletesAtSynth {
  return typeof (node as Partial<ICompletesAtSynth>)._completeAtSynth === "function";
}

/**
 * What the library's constructs of one stack look up at synth, held by an aspect on the stack (so it is
 * in the tree: `Aspects.of(stack).all`), rebuilt on every synth: the stack's default providers by type,
 * and which exports an azurerm provider without a subscription in code writes. Synth adds no construct,
 * so an index built when the aspect visits the stack stays true; before synth lookups walk the tree.
 * Without it, every export of a fleet would walk the whole stack for its providers.
 */
export class StackIndex implements IAspect {
  /** The stack's index, added to the stack the first time one of the library's constructs asks. */
  public static of(scope: IConstruct): StackIndex {
    const stack = TerraformStack.of(scope);
    const existing = Aspects.of(stack).all.find((a): a is StackIndex => a instanceof StackIndex);
    if (existing) return existing;
    const index = new StackIndex(stack);
    Aspects.of(stack).add(index);
    return index;
  }

  private defaults?: ReadonlyMap<string, TerraformProvider>;
  private readonly subscriptionsByProvider = new Map<TerraformProvider, Map<string, string>>();

  private constructor(private readonly stack: TerraformStack) {}

  /** @inheritdoc */
  public visit(node: IConstruct): void {
    if (node === this.stack) {
      this.defaults = defaultsIn(this.stack);
      this.subscriptionsByProvider.clear();
      requireTerraformVersion(this.stack);
    } else if (completesAtSynth(node)) {
      node._completeAtSynth(this);
    }
  }

  /** The default (unaliased) provider of a type, e.g. `azurerm`, `azapi`, `azuread`. */
  public defaultProvider(terraformResourceType: string): TerraformProvider | undefined {
    return (this.defaults ?? defaultsIn(this.stack)).get(terraformResourceType);
  }

  /**
   * Records that `provider` writes an export of `subscriptionId` (at synth); returns an export of
   * another subscription it writes, if any.
   */
  public recordSubscriptionWrittenBy(
    provider: TerraformProvider,
    subscriptionId: string,
    path: string,
  ): { path: string; subscriptionId: string } | undefined {
    const claims = this.subscriptionsByProvider.get(provider) ?? new Map<string, string>();
    this.subscriptionsByProvider.set(provider, claims);
    const key = String(subscriptionId).toLowerCase();
    if (!claims.has(key)) claims.set(key, path);
    const other = [...claims].find(([sub, claimedBy]) => sub !== key && claimedBy !== path);
    return other && { path: other[1], subscriptionId: other[0] };
  }
}

/**
 * `terraform.required_version` for what the stack uses: write-only arguments need Terraform 1.11,
 * `removed` blocks 1.7, `import` blocks 1.5; an older Terraform would fail on them, or worse, plan without them. A version the app
 * sets itself (`stack.addOverride("terraform.required_version", …)`) is kept.
 */
function requireTerraformVersion(stack: TerraformStack): void {
  const overrides = (stack as unknown as { rawOverrides?: { terraform?: { required_version?: string } } }).rawOverrides;
  const own = overrides?.terraform?.required_version;
  if (own && !Object.values(REQUIRED).includes(own)) return;
  const elements = stack.node.findAll().filter((c): c is TerraformElement => c instanceof TerraformElement);
  const blocks = elements.filter((e): e is InstanceBlocks => e instanceof InstanceBlocks).map((e) => e.needs);
  const forgets = elements.some((e) => e instanceof ForgottenAddress) || blocks.some((b) => b.removed);
  const imports =
    forgets || blocks.some((b) => b.imports) || elements.some((e) => e instanceof TerraformResource && e.toMetadata().imports !== undefined);
  // Write-only arguments (azapi's `sensitive_body`) need Terraform 1.11; an older one would fail on them.
  const writeOnly = elements.some((e) => (e as { usesWriteOnlyArguments?: boolean }).usesWriteOnlyArguments === true);
  const needed = writeOnly ? REQUIRED.writeOnly : forgets ? REQUIRED.removed : imports ? REQUIRED.import : undefined;
  if (needed) stack.addOverride("terraform.required_version", needed);
}

/** The Terraform versions that know write-only arguments, `removed` and `import` blocks. */
const REQUIRED = { writeOnly: ">= 1.11", removed: ">= 1.7", import: ">= 1.5" };

function defaultsIn(stack: TerraformStack): ReadonlyMap<string, TerraformProvider> {
  const byType = new Map<string, TerraformProvider>();
  for (const c of stack.node.findAll()) {
    if (c instanceof TerraformProvider && !c.alias && !byType.has(c.terraformResourceType)) byType.set(c.terraformResourceType, c);
  }
  return byType;
}
