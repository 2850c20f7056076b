import { AutomationView, ResourceJson } from "../../writers/automation-view";
import { eventHubKeys } from "./event-hub-keys";
import { Hit, PackRule } from "./rule";

const ROOT_KEY = "RootManageSharedAccessKey";

/**
 * DFC020: the Event Hub action's key has Manage rights: the namespace's `RootManageSharedAccessKey` (its
 * `default_*_connection_string`), or any rule with `manage = true`. Whoever reads the automation's key can
 * then delete or reconfigure every hub of the namespace; export needs Send only (Microsoft's Event Hubs
 * authorization docs: Manage implies Send and Listen).
 */
function checkManageKeys(automations: readonly AutomationView[], keyHolders: ReadonlyMap<string, ResourceJson>): Hit[] {
  const findings: Hit[] = [];
  for (const { address, secret, reference: ref } of eventHubKeys(automations)) {
    const literalRoot = secret.includes(`SharedAccessKeyName=${ROOT_KEY}`);
    const holder = ref ? keyHolders.get(ref.holder) : undefined;
    const namespaceDefault = !!ref && /(^|\.)azurerm_eventhub_namespace\./.test(ref.holder) && /^default_/.test(ref.attribute);
    const manageRule = !!holder && /_authorization_rule\./.test(ref?.holder ?? "") && (holder.manage === true || holder.name === ROOT_KEY);
    if (literalRoot || namespaceDefault || manageRule) {
      findings.push({
        address,
        message:
          `the Event Hub action uses ${literalRoot || namespaceDefault ? `the namespace's ${ROOT_KEY}` : `${ref?.holder}, a rule with Manage rights`}: ` +
          `anyone who reads the automation can manage the whole namespace. Create a rule on the event hub with Send only and use its connection string.`,
      });
    }
  }
  return findings;
}

/** DFC020, as its body above finds it. */
export const DFC020: PackRule = {
  id: "DFC020",
  level: "error",
  summary: "an Event Hub action keyed with the namespace's RootManageSharedAccessKey or another rule with Manage rights",
  explanation: "Whoever reads the automation's key can then manage the whole namespace; export needs Send only.",
  check: (input) => checkManageKeys(input.automations, input.keyHolders),
};
