import { Hit, PackRule } from "./rule";

/** DFC011: Lighthouse assignments of one scope whose definitions name different managing tenants. */
function checkSharedDelegations(
  assignments: ReadonlyMap<string, { scope?: unknown; lighthouse_definition_id?: unknown }>,
  definitions: ReadonlyMap<string, { managing_tenant_id?: unknown }>,
): Hit[] {
  const tenantOf = (definitionRef: unknown) => {
    const address = /^\$\{(azurerm_lighthouse_definition\.[^.}]+)\.(id|lighthouse_definition_id)\}$/.exec(String(definitionRef ?? ""))?.[1];
    return address ? String(definitions.get(address)?.managing_tenant_id ?? "").toLowerCase() : undefined;
  };
  // Azure compares ids case-insensitively; a group's id begins with its subscription's.
  const delegated = [...assignments]
    .map(([address, a]) => ({
      address,
      tenant: tenantOf(a.lighthouse_definition_id),
      scope: String(a.scope ?? "")
        .toLowerCase()
        .replace(/\/+$/, ""),
    }))
    .filter((d): d is { address: string; tenant: string; scope: string } => !!d.tenant && d.scope !== "");
  const overlaps = (x: string, y: string) => x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
  return delegated.flatMap((d) => {
    const others = delegated.filter((o) => o !== d && o.tenant !== d.tenant && overlaps(o.scope, d.scope));
    if (others.length === 0) return [];
    return [
      {
        address: d.address,
        message:
          `${d.scope} is delegated to managing tenant ${d.tenant}, and the same or an overlapping scope to ${[...new Set(others.map((o) => o.tenant))].join(", ")} ` +
          `(this assignment and ${others.length} other${others.length === 1 ? "" : "s"}): each could read the others' data. Delegate disjoint scopes, one tenant each.`,
      },
    ];
  });
}

/** DFC011, as its body above finds it. */
export const DFC011: PackRule = {
  id: "DFC011",
  level: "error",
  summary:
    "one scope, or overlapping scopes (a subscription and a group in it), delegated through Lighthouse to several managing tenants: each could read the others' data",
  explanation: "Delegate disjoint scopes, one managing tenant each.",
  check: (input) => checkSharedDelegations(input.delegations, input.definitions),
};
