import { AutomationView } from "../../writers/automation-view";
import { eventHubKeys } from "./event-hub-keys";
import { Hit, PackRule } from "./rule";

/** DFC005: Event Hub actions whose rule, declared in the same stack, lacks Send. */
function checkSendRights(automations: readonly AutomationView[], rules: ReadonlyMap<string, { send?: unknown }>): Hit[] {
  return eventHubKeys(automations).flatMap(({ address, rule }): Hit[] => {
    const holder = rule === undefined ? undefined : rules.get(rule);
    if (!holder || holder.send === true) return [];
    return [
      {
        address,
        message:
          `the Event Hub action uses ${rule}, which lacks Send rights: the export cannot write. Set send = true ` +
          `on that rule (Send only: no Listen, no Manage).`,
      },
    ];
  });
}

/** DFC005, as its body above finds it. */
export const DFC005: PackRule = {
  id: "DFC005",
  level: "error",
  summary: "an Event Hub action whose authorization rule lacks Send",
  explanation: "Without Send the export cannot write to the event hub; set send = true on the rule (Send only).",
  check: (input) => checkSendRights(input.automations, input.keyHolders),
};
