import { DestinationKind } from "../destinations/destination";
import { ROLE_GRANTING_ROLES } from "../model/roles";
import { AutomationView, ResourceJson } from "../writers/automation-view";
import type { Finding } from "./rules";

type Role = { scope?: unknown; role_definition_name?: unknown; role_definition_id?: unknown };

/**
 * DFC019: a role that can grant roles (Owner, User Access Administrator, Role Based Access Control
 * Administrator) at any scope: its holder can give itself, or anyone, every access there, the exported
 * data included. Exports need a data role on the destination only (Microsoft's continuous-export docs).
 */
export function checkRoleGranting(assignments: ReadonlyMap<string, Role>): Finding[] {
  return [...assignments]
    .map(([address, r]) => ({
      address,
      r,
      role: ROLE_GRANTING_ROLES.find(
        (role) =>
          String(r.role_definition_name ?? "").toLowerCase() === role.name.toLowerCase() ||
          String(r.role_definition_id ?? "")
            .toLowerCase()
            .endsWith(role.id),
      ),
    }))
    .filter((x) => x.role !== undefined)
    .map(({ address, r, role }) => ({
      ruleId: "DFC019",
      address,
      message:
        `${address} grants ${role?.name} on ${String(r.scope)}: its holder can grant itself any role there and read or redirect the exported data. ` +
        `Grant the export's data role on the destination itself (Log Analytics Contributor, Azure Event Hubs Data Sender).`,
    }));
}

/** The attribute of a resource or data source a Terraform reference names, e.g. `azurerm_eventhub_namespace.ns`, `default_primary_connection_string`. */
const REFERENCE = /^\$\{((?:data\.)?[a-z][\w-]*\.[\w-]+)\.([\w-]+)\}$/;
const ROOT_KEY = "RootManageSharedAccessKey";

/**
 * DFC020: the Event Hub action's key has Manage rights: the namespace's `RootManageSharedAccessKey` (its
 * `default_*_connection_string`), or any rule with `manage = true`. Whoever reads the automation's key can
 * then delete or reconfigure every hub of the namespace; export needs Send only (Microsoft's Event Hubs
 * authorization docs: Manage implies Send and Listen).
 */
export function checkManageKeys(automations: readonly AutomationView[], keyHolders: ReadonlyMap<string, ResourceJson>): Finding[] {
  const findings: Finding[] = [];
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
          ruleId: "DFC020",
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

/** Resource types whose whole value, or whose `body` / `action` block, holds a secret (an automation's `output` is what Azure returns: never its secrets). */
const SECRET_BEARING =
  /\$\{((?:data\.)?(azapi_resource|azurerm_security_center_automation|azurerm_eventhub_namespace|azurerm_eventhub_authorization_rule|azurerm_eventhub_namespace_authorization_rule|azurerm_logic_app_trigger_http_request|azurerm_logic_app_workflow)\.[\w-]+)(\.(body|action)\b[^}]*)?\}/;

/**
 * DFC021: an output of a whole resource, or of an automation's whole `body` / `action`, not
 * marked sensitive: it carries the connection string or trigger URL inside, where DFC007 (which looks for
 * secret attribute names) cannot see it.
 */
export function checkWholeValueOutputs(outputs: ReadonlyMap<string, { value?: unknown; sensitive?: unknown }>): Finding[] {
  return [...outputs]
    .filter(([, o]) => o.sensitive !== true)
    .map(([address, o]) => ({ address, match: SECRET_BEARING.exec(JSON.stringify(o.value ?? "")) }))
    .filter((x) => x.match !== null)
    .map(({ address, match }) => ({
      ruleId: "DFC021",
      address,
      message:
        `output ${address} carries ${match?.[3] ? `the whole ${match[3].slice(1).split(/\W/)[0]} of` : "the whole of"} ${match?.[1]}, secrets included, and is not sensitive. ` +
        `Output the attribute you need (its id, say), or mark the output sensitive.`,
    }));
}
