import { DestinationKind } from "../../destinations/destination";
import { GUID_PATTERN } from "../../model/guid";
import { AutomationView } from "../../writers/automation-view";
import { isExpression } from "./placement";
import { Hit, PackRule } from "./rule";

/**
 * DFC018: each action points at a resource of its kind (`Workspace` at a Log Analytics workspace,
 * `EventHub` at the event hub entity, not its namespace, `LogicApp` at a workflow: the REST API's
 * `AutomationAction*` models). An action with no id, or with the id of another type, sends nothing.
 */
function checkActionTargets(a: AutomationView): Hit[] {
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

/** DFC018: an action with no resource id, or pointing at another resource type than its action type (a namespace for EventHub). */
export const DFC018: PackRule = {
  id: "DFC018",
  level: "error",
  summary: "an action with no resource id, or pointing at another resource type than its action type (a namespace for EventHub)",
  explanation: "Each action points at a resource of its kind; `import` leaves such an automation out with this finding.",
  check: (input) => input.automations.flatMap(checkActionTargets),
};
