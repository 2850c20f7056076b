import { TerraformStack, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ExportConfigError, coded } from "../model/errors";
import { warnOnce } from "./warnings";

const REGISTRY_ID = "DefenderExportAutomationNames";

/** The automation names the exports of one stack claim: a child of the stack, which the exports of every stack consult. */
class AutomationNameClaims extends Construct {
  /** Claim key → construct path of the export that holds it. */
  public readonly claims = new Map<string, string>();

  /** The registry of a stack, created on its first claim. */
  public static of(stack: TerraformStack): AutomationNameClaims {
    return (stack.node.tryFindChild(REGISTRY_ID) as AutomationNameClaims | undefined) ?? new AutomationNameClaims(stack, REGISTRY_ID);
  }

  /** The registries of every stack of the app (its stacks are the app's children: walking them is cheap, walking the app is not). */
  public static inApp(scope: IConstruct): AutomationNameClaims[] {
    return scope.node.root.node.children
      .filter((c): c is TerraformStack => c instanceof TerraformStack)
      .map((stack) => stack.node.tryFindChild(REGISTRY_ID))
      .filter((c): c is AutomationNameClaims => c instanceof AutomationNameClaims);
  }
}

/** Where an automation name is claimed. */
export interface AutomationNameClaim {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** The name under which the portal shows automations of this destination kind, if any. */
  readonly portalName?: string;
  readonly name: string;
}

/**
 * Claims automation names in the app, across its stacks: two automations with one name in one
 * resource group are one ARM resource, which two constructs (in one state or two) would both own; two
 * portal-visible ones of a kind in one subscription hide each other in the portal. A subscription that
 * is a token cannot be claimed: a warning names the risk. One construct may claim several (a fleet's
 * instances).
 */
export function claimAutomationNames(scope: IConstruct, claims: readonly AutomationNameClaim[]): void {
  const own = AutomationNameClaims.of(TerraformStack.of(scope));
  const registries = AutomationNameClaims.inApp(scope);
  for (const claim of claims) claimIn(scope, claim, registries, own);
}

function claimIn(scope: IConstruct, claim: AutomationNameClaim, registries: readonly AutomationNameClaims[], own: AutomationNameClaims): void {
  if (Token.isUnresolved(claim.subscriptionId) || Token.isUnresolved(claim.resourceGroupName) || Token.isUnresolved(claim.name)) {
    warnOnce(
      scope,
      `${coded("DFW001", scope.node.path)}the automation's subscription, resource group or name is known only ` +
        `at apply, so the library cannot check that no other export in this app (or another state) writes the ` +
        `same automation. Two owners of one automation overwrite each other; give literal values where you can.`,
    );
    return;
  }
  const { portalName, name } = claim;
  const sub = claim.subscriptionId.toLowerCase();
  const keys = [`${sub}|rg:${claim.resourceGroupName.toLowerCase()}|${name.toLowerCase()}`];
  if (portalName && name.toLowerCase() === portalName.toLowerCase()) keys.push(`${sub}|portal|${name.toLowerCase()}`);
  for (const key of keys) {
    const other = registries.map((r) => r.claims.get(key)).find((p) => p !== undefined);
    if (other) {
      throw new ExportConfigError(
        "DFE032",
        `${scope.node.path}: the automation name "${name}" is already used by ${other}${TerraformStack.of(scope).node.path === other.split("/")[0] ? "" : " (another stack: two states would own one automation)"} in subscription ${claim.subscriptionId}` +
          `${key.includes("|portal|") ? " (the portal shows one export per destination kind and subscription)" : " and the same resource group"}. ` +
          `Put both exports into one ContinuousExport (\`exports\` and \`destinations\` take lists), or give this one another name with \`names\`.`,
      );
    }
  }
  keys.forEach((key) => own.claims.set(key, scope.node.path));
}

/**
 * Claims the resource groups an export creates, across the app's stacks (DFE173): two resource
 * definitions of one Azure group (names compare case-insensitively) would both create it, and the second
 * create fails, or two states own one group and a destroy in one deletes the other's automations. One
 * creates it; the other passes `createResourceGroup: false`. Tokens cannot be claimed.
 */
export function claimResourceGroups(scope: IConstruct, groups: ReadonlyArray<readonly [string, string]>): void {
  const own = AutomationNameClaims.of(TerraformStack.of(scope));
  const registries = AutomationNameClaims.inApp(scope);
  for (const [subscriptionId, name] of groups) {
    if (Token.isUnresolved(subscriptionId) || Token.isUnresolved(name)) continue;
    const key = `${subscriptionId.toLowerCase()}|group|${name.toLowerCase()}`;
    const other = registries.map((r) => r.claims.get(key)).find((p) => p !== undefined && p !== scope.node.path);
    if (other) {
      throw new ExportConfigError(
        "DFE173",
        `${scope.node.path} and ${other} both create the resource group "${name}" in subscription ${subscriptionId}` +
          `${TerraformStack.of(scope).node.path === other.split("/")[0] ? "" : " (from two stacks: two states would own one group)"}: ` +
          `it is one Azure resource group, and the second create fails. Let one create it, and give the other \`createResourceGroup: false\` ` +
          `(it then waits for nothing: deploy the creator first, or use another group).`,
      );
    }
    own.claims.set(key, scope.node.path);
  }
}
