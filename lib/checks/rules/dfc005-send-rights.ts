import { DestinationKind } from "../../destinations/destination";
import { AutomationView } from "../../writers/automation-view";
import { Hit, PackRule } from "./rule";

/** DFC005: Event Hub actions whose rule, declared in the same stack, lacks Send. */
function checkSendRights(automations: readonly AutomationView[], rules: ReadonlyMap<string, { send?: unknown }>): Hit[] {
  const findings: Hit[] = [];
  for (const a of automations) {
    for (const action of a.actions) {
      if (action.actionType !== DestinationKind.EVENT_HUB.actionType || typeof action.secret !== "string") continue;
      const ref =
        /^\$\{((?:azurerm_eventhub_authorization_rule|azurerm_eventhub_namespace_authorization_rule)\.[^.}]+)\.(primary|secondary)_connection_string\}$/.exec(
          action.secret,
        );
      const rule = ref && rules.get(ref[1]);
      if (ref && rule && rule.send !== true) {
        findings.push({
          address: a.address,
          message:
            `the Event Hub action uses ${ref[1]}, which lacks Send rights: the export cannot write. Set send = true ` +
            `on that rule (Send only: no Listen, no Manage).`,
        });
      }
    }
  }
  return findings;
}

/** DFC005, as its body above finds it. */
export const DFC005: PackRule = {
  id: "DFC005",
  level: "error",
  summary: "an Event Hub action whose authorization rule lacks Send",
  explanation: "Without Send the export cannot write to the event hub; set send = true on the rule (Send only).",
  check: (input) => checkSendRights(input.automations, input.keyHolders),
};
