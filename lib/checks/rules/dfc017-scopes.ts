import { GUID_PATTERN } from "../../model/guid";
import { AutomationView } from "../../writers/automation-view";
import { isExpression } from "./placement";
import { Hit, PackRule } from "./rule";

const SCOPE = new RegExp(`^/subscriptions/(${GUID_PATTERN})(/resourceGroups/[^/]+)?$`, "i");

/**
 * DFC017: an automation exports from its `scopes` only, and Azure takes as scopes its own subscription
 * or resource groups in it (`AutomationScope.scopePath`, REST specs `automations.json`; Microsoft's
 * continuous-export docs): no scope, a malformed one or one in another subscription exports nothing.
 */
function checkScopes(a: AutomationView): Hit[] {
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

/** DFC017: no scope, a malformed scope, or a scope in another subscription than the automation's. */
export const DFC017: PackRule = {
  id: "DFC017",
  level: "error",
  summary: "no scope, a malformed scope, or a scope in another subscription than the automation's",
  explanation: "An automation exports from its own subscription's scopes only: any other scope exports nothing.",
  check: (input) => input.automations.flatMap(checkScopes),
};
