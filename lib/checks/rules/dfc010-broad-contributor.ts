import { BUILT_IN_ROLES } from "../../model/roles";
import { Hit, PackRule } from "./rule";

// Owner grants roles too: DFC019 reports it, at any scope.
const BROAD_ROLES = [BUILT_IN_ROLES.contributor];
const SUBSCRIPTION_OR_GROUP = /^(\/subscriptions\/[^/]+|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?$/i;

/** DFC010: Contributor on a whole subscription or management group, except for a policy assignment's identity (DeployIfNotExists needs it). */
function checkBroadRoles(
  assignments: ReadonlyMap<string, { scope?: unknown; role_definition_name?: unknown; role_definition_id?: unknown; principal_id?: unknown }>,
): Hit[] {
  return [...assignments]
    .filter(([, r]) => {
      const named = BROAD_ROLES.some(
        (role) =>
          role.name === r.role_definition_name ||
          String(r.role_definition_id ?? "")
            .toLowerCase()
            .endsWith(role.id),
      );
      const policyIdentity = /_policy_assignment\.[^.]+\.identity/.test(String(r.principal_id ?? ""));
      return named && !policyIdentity && SUBSCRIPTION_OR_GROUP.test(String(r.scope ?? ""));
    })
    .map(([address, r]) => ({
      address,
      message: `${address} grants ${r.role_definition_name ?? r.role_definition_id} on ${r.scope}: every resource and its data there. Grant the least role on the destination itself.`,
    }));
}

/** DFC010, as its body above finds it. */
export const DFC010: PackRule = {
  id: "DFC010",
  level: "warning",
  summary: "Contributor on a subscription or management group (but a policy assignment's own identity)",
  explanation: "Contributor there reaches every resource and its data; grant the least role on the destination itself.",
  check: (input) => checkBroadRoles(input.roles),
};
