import { TerraformStack, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ExportConfigError } from "../model/errors";

const REGISTRY_ID = "DefenderExportClaims";

/** One claim: what a construct makes or manages that Azure holds once. */
interface Claim {
  readonly path: string;
  /** Whether no other construct may claim the same (a new namespace); shared claims conflict only with exclusive ones. */
  readonly exclusive: boolean;
}

/** The claims of one stack: a child of the stack (no Terraform), which the constructs of every stack consult. */
class AppClaims extends Construct {
  public readonly claims = new Map<string, Claim[]>();

  public static of(stack: TerraformStack): AppClaims {
    return (stack.node.tryFindChild(REGISTRY_ID) as AppClaims | undefined) ?? new AppClaims(stack, REGISTRY_ID);
  }

  public static inApp(scope: IConstruct): AppClaims[] {
    return scope.node.root.node.children
      .filter((c): c is TerraformStack => c instanceof TerraformStack)
      .map((stack) => stack.node.tryFindChild(REGISTRY_ID))
      .filter((c): c is AppClaims => c instanceof AppClaims);
  }
}

/** What to claim, and what to say when another construct of the app holds it. */
export interface AppClaim {
  /** The parts of the key, e.g. `["namespace", name]`; compared case-insensitively, as Azure compares names and ids. A token part: nothing is claimed. */
  readonly key: readonly string[];
  /** Whether the claim excludes every other (true) or only exclusive ones (false). */
  readonly exclusive: boolean;
  /** The error code. */
  readonly code: string;
  /** The message, given the path of the construct that holds the claim already. */
  readonly words: (other: string) => string;
}

/**
 * Claims something Azure holds once (a namespace name, a role assignment, the export route of a
 * subscription) for a construct, across every stack of the app, and refuses a second claim with a coded
 * error naming both constructs: two constructs (in one state or two) would fight over one Azure resource.
 */
export function claimInApp(scope: IConstruct, claim: AppClaim): void {
  if (claim.key.some((part) => typeof part !== "string" || Token.isUnresolved(part))) return;
  const key = claim.key.join("|").toLowerCase();
  for (const registry of AppClaims.inApp(scope)) {
    // A construct's own claim is no conflict: validations may run more than once (every synth).
    const held = (registry.claims.get(key) ?? []).find((c) => c.path !== scope.node.path && (c.exclusive || claim.exclusive));
    if (held) throw new ExportConfigError(claim.code, `${scope.node.path}: ${claim.words(held.path)}`);
  }
  const registry = AppClaims.of(TerraformStack.of(scope));
  if ((registry.claims.get(key) ?? []).some((c) => c.path === scope.node.path)) return;
  registry.claims.set(key, [...(registry.claims.get(key) ?? []), { path: scope.node.path, exclusive: claim.exclusive }]);
}
