import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { DestinationKind } from "../destinations/destination";
import { ExportConfigError } from "../model/errors";

const namesInUse = new WeakMap<TerraformStack, Map<string, string>>();

/** Where an automation name is claimed. */
export interface AutomationNameClaim {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly kind: DestinationKind;
  readonly name: string;
}

/**
 * Claims an automation name in the stack. Two automations with one name in one resource group are one
 * ARM resource; two portal-visible ones of a kind in one subscription hide each other in the portal.
 */
export function claimAutomationName(scope: IConstruct, claim: AutomationNameClaim): void {
  const stack = TerraformStack.of(scope);
  const inUse = namesInUse.get(stack) ?? new Map<string, string>();
  namesInUse.set(stack, inUse);
  const { kind, name } = claim;
  const sub = claim.subscriptionId.toLowerCase();
  const keys = [`${sub}|rg:${claim.resourceGroupName.toLowerCase()}|${name.toLowerCase()}`];
  if (kind.portalName && name.toLowerCase() === kind.portalName.toLowerCase()) keys.push(`${sub}|portal|${name.toLowerCase()}`);
  for (const key of keys) {
    const other = inUse.get(key);
    if (other) {
      throw new ExportConfigError(
        "DFE032",
        `${scope.node.path}: the automation name "${name}" is already used by ${other} in subscription ${claim.subscriptionId}` +
          `${key.includes("|portal|") ? " (the portal shows one export per destination kind and subscription)" : " and the same resource group"}. ` +
          `Put both exports into one ContinuousExport (\`exports\` and \`destinations\` take lists), or give this one another name with \`names\`.`,
      );
    }
  }
  keys.forEach((key) => inUse.set(key, scope.node.path));
}
