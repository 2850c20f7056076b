import { EXPORT_ACCESS_ROLES } from "../../model/roles";
import { Hit, PackRule } from "./rule";

const EXPORT_ROLES = EXPORT_ACCESS_ROLES.map((r) => r.name);
const EXPORT_ROLE_IDS = EXPORT_ACCESS_ROLES.map((r) => r.id);
const BROAD_SCOPE = /^(\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?$/i;

/** DFC008: export roles granted on a subscription, resource group or management group. */
function checkRoleScopes(assignments: ReadonlyMap<string, { scope?: unknown; role_definition_name?: unknown; role_definition_id?: unknown }>): Hit[] {
  return [...assignments]
    .filter(([, r]) => {
      const role = String(r.role_definition_name ?? "");
      const byId = EXPORT_ROLE_IDS.some((id) =>
        String(r.role_definition_id ?? "")
          .toLowerCase()
          .endsWith(id),
      );
      return (EXPORT_ROLES.includes(role) || byId) && BROAD_SCOPE.test(String(r.scope ?? ""));
    })
    .map(([address, r]) => ({
      address,
      message:
        `${address} grants ${r.role_definition_name ?? r.role_definition_id} on ${r.scope}, broader than the ` +
        `destination: scope it to the workspace or event hub itself.`,
    }));
}

/** DFC008, as its body above finds it. */
export const DFC008: PackRule = {
  id: "DFC008",
  level: "warning",
  summary: "a role assignment for export access broader than the destination resource",
  explanation: "An export role on a subscription, resource group or management group reaches every destination there; scope it to the destination.",
  check: (input) => checkRoleScopes(input.roles),
};
