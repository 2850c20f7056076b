import { Annotations, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { DestinationKind } from "../destinations/destination";
import { ExportConfigError } from "../model/errors";

const namesInUse = new WeakMap<IConstruct, Map<string, string>>();

/** Where an automation name is claimed. */
export interface AutomationNameClaim {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly kind: DestinationKind;
  readonly name: string;
}

/**
 * Claims an automation name in the app, across its stacks: two automations with one name in one
 * resource group are one ARM resource, which two constructs (in one state or two) would both own; two
 * portal-visible ones of a kind in one subscription hide each other in the portal. A subscription that
 * is a token cannot be claimed: a warning names the risk.
 */
export function claimAutomationName(scope: IConstruct, claim: AutomationNameClaim): void {
  if (Token.isUnresolved(claim.subscriptionId) || Token.isUnresolved(claim.resourceGroupName) || Token.isUnresolved(claim.name)) {
    Annotations.of(scope).addWarning(
      `[DFW001] ${scope.node.path}: the automation's subscription, resource group or name is known only at apply, so the library cannot check that no other export in this app (or another state) writes the same automation. Two owners of one automation overwrite each other; give literal values where you can.`,
    );
    return;
  }
  const root = scope.node.root;
  const inUse = namesInUse.get(root) ?? new Map<string, string>();
  namesInUse.set(root, inUse);
  const { kind, name } = claim;
  const sub = claim.subscriptionId.toLowerCase();
  const keys = [`${sub}|rg:${claim.resourceGroupName.toLowerCase()}|${name.toLowerCase()}`];
  if (kind.portalName && name.toLowerCase() === kind.portalName.toLowerCase()) keys.push(`${sub}|portal|${name.toLowerCase()}`);
  for (const key of keys) {
    const other = inUse.get(key);
    if (other) {
      throw new ExportConfigError(
        "DFE032",
        `${scope.node.path}: the automation name "${name}" is already used by ${other}${TerraformStack.of(scope).node.path === other.split("/")[0] ? "" : " (another stack: two states would own one automation)"} in subscription ${claim.subscriptionId}` +
          `${key.includes("|portal|") ? " (the portal shows one export per destination kind and subscription)" : " and the same resource group"}. ` +
          `Put both exports into one ContinuousExport (\`exports\` and \`destinations\` take lists), or give this one another name with \`names\`.`,
      );
    }
  }
  keys.forEach((key) => inUse.set(key, scope.node.path));
}
