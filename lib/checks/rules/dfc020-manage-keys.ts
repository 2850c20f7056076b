import { DestinationKind } from "../../destinations/destination";
import { AutomationView, ResourceJson } from "../../writers/automation-view";
import { Hit, PackRule } from "./rule";

/** The attribute of a resource or data source a Terraform reference names, e.g. `azurerm_eventhub_namespace.ns`, `default_primary_connection_string`. */
const REFERENCE = /^\$\{((?:data\.)?[a-z][\w-]*\.[\w-]+)\.([\w-]+)\}$/;
const ROOT_KEY = "RootManageSharedAccessKey";

/**
 * DFC020: the Event Hub action's key has Manage rights: the namespace's `RootManageSharedAccessKey` (its
 * `default_*_connection_string`), or any rule with `manage = true`. Whoever reads the automation's key can
 * then delete or reconfigure every hub of the namespace; export needs Send only (Microsoft's Event Hubs
 * authorization docs: Manage implies Send and Listen).
 */
function checkManageKeys(automations: readonly AutomationView[], keyHolders: ReadonlyMap<string, ResourceJson>): Hit[] {
  const findings: Hit[] = [];
  for (const a of automations) {
    for (const action of a.actions) {
      if (action.actionType !== DestinationKind.EVENT_HUB.actionType || typeof action.secret !== "string") continue;
      const literalRoot = action.secret.includes(`SharedAccessKeyName=${ROOT_KEY}`);
      const ref = REFERENCE.exec(action.secret);
      const holder = ref ? keyHolders.get(ref[1]) : undefined;
      const namespaceDefault = !!ref && /(^|\.)azurerm_eventhub_namespace\./.test(ref[1]) && /^default_/.test(ref[2]);
      const manageRule = !!holder && /_authorization_rule\./.test(ref?.[1] ?? "") && (holder.manage === true || holder.name === ROOT_KEY);
      if (literalRoot || namespaceDefault || manageRule) {
        findings.push({
          address: a.address,
          message:
            `the Event Hub action uses ${literalRoot || namespaceDefault ? `the namespace's ${ROOT_KEY}` : `${ref?.[1]}, a rule with Manage rights`}: ` +
            `anyone who reads the automation can manage the whole namespace. Create a rule on the event hub with Send only and use its connection string.`,
        });
      }
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
