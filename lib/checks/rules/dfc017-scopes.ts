import { checkScopes } from "./placement";
import { PackRule } from "./rule";

/** DFC017: no scope, a malformed scope, or a scope in another subscription than the automation's. */
export const DFC017: PackRule = {
  id: "DFC017",
  level: "error",
  summary: "no scope, a malformed scope, or a scope in another subscription than the automation's",
  explanation: "An automation exports from its own subscription's scopes only: any other scope exports nothing.",
  check: (input) => input.automations.flatMap(checkScopes),
};
