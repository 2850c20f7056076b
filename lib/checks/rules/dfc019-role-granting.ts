import { ROLE_GRANTING_ROLES } from "../../model/roles";
import { Hit, PackRule } from "./rule";

type Role = { scope?: unknown; role_definition_name?: unknown; role_definition_id?: unknown };

/**
 * DFC019: a role that can grant roles (Owner, User Access Administrator, Role Based Access Control
 * Administrator) at any scope: its holder can give itself, or anyone, every access there, the exported
 * data included. Exports need a data role on the destination only (Microsoft's continuous-export docs).
 */
function checkRoleGranting(assignments: ReadonlyMap<string, Role>): Hit[] {
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
      address,
      message:
        `${address} grants ${role?.name} on ${String(r.scope)}: its holder can grant itself any role there and read or redirect the exported data. ` +
        `Grant the export's data role on the destination itself (Log Analytics Contributor, Azure Event Hubs Data Sender).`,
    }));
}

/** DFC019, as its body above finds it. */
export const DFC019: PackRule = {
  id: "DFC019",
  level: "error",
  summary: "Owner, User Access Administrator or Role Based Access Control Administrator granted at any scope",
  explanation:
    "A role that grants roles lets its holder give itself any access, the exported data included; exports need a data role on the destination only.",
  check: (input) => checkRoleGranting(input.roles),
};
