import { DestinationKind } from "../../destinations/destination";
import { GUID_PATTERN } from "../../model/guid";
import { AutomationView } from "../../writers/automation-view";
import { Hit } from "./rule";

/** A Terraform reference or expression: its value is known only at apply, and is not judged here. */
const isExpression = (value: string) => value.includes("${");

const SCOPE = new RegExp(`^/subscriptions/(${GUID_PATTERN})(/resourceGroups/[^/]+)?$`, "i");

/**
 * DFC017: an automation exports from its `scopes` only, and Azure takes as scopes its own subscription
 * or resource groups in it (`AutomationScope.scopePath`, REST specs `automations.json`; Microsoft's
 * continuous-export docs): no scope, a malformed one or one in another subscription exports nothing.
 */
export function checkScopes(a: AutomationView): Hit[] {
  const add = (message: string): Hit => ({ address: a.address, message });
  if (a.scopes.length === 0)
    return [add("the automation has no scope, so it exports nothing. Give its subscription (/subscriptions/<id>) or resource groups in it.")];
  const findings: Hit[] = [];
  for (const scope of a.scopes) {
    if (isExpression(scope)) continue;
    const match = SCOPE.exec(scope);
    if (!match) {
      findings.push(
        add(
          `the scope ${JSON.stringify(scope)} is neither a subscription (/subscriptions/<id>) nor a resource group in one: nothing is exported from it.`,
        ),
      );
    } else if (a.subscriptionId && match[1].toLowerCase() !== a.subscriptionId) {
      findings.push(
        add(
          `the scope ${scope} is in subscription ${match[1]}, but the automation lives in ${a.subscriptionId}: an automation exports from its own subscription only. ` +
            `Put an automation in that subscription (a fleet does it per subscription).`,
        ),
      );
    }
  }
  return findings;
}

/**
 * DFC018: each action points at a resource of its kind (`Workspace` at a Log Analytics workspace,
 * `EventHub` at the event hub entity, not its namespace, `LogicApp` at a workflow: the REST API's
 * `AutomationAction*` models). An action with no id, or with the id of another type, sends nothing.
 */
export function checkActionTargets(a: AutomationView): Hit[] {
  const findings: Hit[] = [];
  for (const action of a.actions) {
    const kind = DestinationKind.ofActionType(action.actionType);
    if (!kind) continue; // DFC004 reports the action type itself.
    const shape = kind._idShape;
    const id = action.resourceId.trim();
    if (id === "" || /^(undefined|null)$/i.test(id)) {
      findings.push({
        address: a.address,
        message: `the ${kind.actionType} action has no resource id, so it sends nothing (and cannot be adopted). Give the ${kind.displayName}'s id: ${shape.example}.`,
      });
    } else if (!isExpression(id) && !idPattern(shape.types).test(id)) {
      findings.push({
        address: a.address,
        message: `the ${kind.actionType} action points at ${JSON.stringify(id)}, which is not a ${kind.displayName}: nothing arrives. Expected ${shape.example}.`,
      });
    }
  }
  return findings;
}

function idPattern(types: readonly string[]): RegExp {
  const [provider, ...children] = types;
  return new RegExp(
    `^/subscriptions/${GUID_PATTERN}/resourceGroups/[^/]+/providers/${provider.replace(".", "\\.")}/[^/]+${children.map((c) => `/${c}/[^/]+`).join("")}$`,
    "i",
  );
}
