import { checkActionTargets } from "./placement";
import { PackRule } from "./rule";

/** DFC018: an action with no resource id, or pointing at another resource type than its action type (a namespace for EventHub). */
export const DFC018: PackRule = {
  id: "DFC018",
  level: "error",
  summary: "an action with no resource id, or pointing at another resource type than its action type (a namespace for EventHub)",
  explanation: "Each action points at a resource of its kind; `import` leaves such an automation out with this finding.",
  check: (input) => input.automations.flatMap(checkActionTargets),
};
