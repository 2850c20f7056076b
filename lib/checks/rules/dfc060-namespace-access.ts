import { AutomationView } from "../../writers/automation-view";
import { eventHubKeys } from "./event-hub-keys";
import { Hit, PackRule } from "./rule";

const NAMESPACE_REFERENCE = /^\$\{(azurerm_eventhub_namespace\.[^.}]+)\.(?:name|id)\}$/;

/**
 * DFC060: an Event Hub action that sends with a connection string (not as a trusted service) to a
 * namespace, declared in the same stack, that refuses it:
 * - `local_authentication_enabled = false`: the namespace accepts no SAS key, so no connection string (Event Hubs
 *   `disableLocalAuth`: "disables SAS authentication for the Event Hubs namespace", Microsoft.EventHub REST API;
 *   Microsoft's built-in policy "Configure Azure Event Hub namespaces to disable local authentication" sets it
 *   with a Modify effect, Azure/azure-policy `built-in-policies/policyDefinitions/Event Hub/DisableLocalAuth_Modify.json`).
 * - `public_network_access_enabled = false`, or network rules that deny by default: Defender for Cloud sends
 *   from outside the network, and only the trusted-service mode passes a namespace's firewall
 *   (Microsoft Learn, "Continuously export to an Event Hub behind a firewall", 2025).
 * Scanners such as Checkov recommend both settings and cannot know that an export depends on them; the
 * export then deploys and delivers nothing.
 */
function checkNamespaceAccess(
  automations: readonly AutomationView[],
  rules: ReadonlyMap<string, { namespace_name?: unknown }>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): Hit[] {
  const findings: Hit[] = [];
  for (const { address: at, action, rule } of eventHubKeys(automations)) {
    if (action.trusted) continue;
    const namespaceName = rule === undefined ? undefined : rules.get(rule)?.namespace_name;
    const address = typeof namespaceName === "string" ? NAMESPACE_REFERENCE.exec(namespaceName)?.[1] : undefined;
    const namespace = address === undefined ? undefined : namespaces.get(address);
    if (!address || !namespace) continue;
    const refusal = refusalOf(namespace);
    if (refusal) {
      findings.push({
        address: at,
        message:
          `the Event Hub action sends with a connection string to ${address}, whose ${refusal}: the export deploys and ` +
          `delivers nothing. Export as a trusted service instead (\`trustedService\` on the EventHubDestination: no key, ` +
          `through the firewall), or keep local authentication and public access on that namespace.`,
      });
    }
  }
  return findings;
}

/** Which argument of an `azurerm_eventhub_namespace` keeps a connection-string sender out, if any. */
function refusalOf(namespace: Readonly<Record<string, unknown>>): string | undefined {
  if (namespace.local_authentication_enabled === false) return "local (SAS key) authentication is disabled";
  if (namespace.public_network_access_enabled === false) return "public network access is disabled";
  const rulesets = Array.isArray(namespace.network_rulesets) ? (namespace.network_rulesets as Array<Record<string, unknown>>) : [];
  if (rulesets.some((r) => r.default_action === "Deny" || r.public_network_access_enabled === false)) return "network rules deny access by default";
  return undefined;
}

/** DFC060, as its body above finds it. */
export const DFC060: PackRule = {
  id: "DFC060",
  level: "error",
  summary: "an Event Hub export with a connection string to a namespace without local authentication or closed to the public network",
  explanation:
    "The namespace refuses the key or the sender, so the export deploys and delivers nothing; export as a trusted service or open the namespace.",
  check: (input) => checkNamespaceAccess(input.automations, input.keyHolders, input.namespaces),
};
