import { DestinationKind } from "../kinds/destination-kind";
import { BUILT_IN_ROLES } from "../model/roles";
import { AutomationView, ResourceJson } from "../writers/automation-view";
import { instancesOf } from "../writers/instances";
import { readAutomation } from "../writers/writer";
import { DataType } from "../model/data-type";
import { TableFeed, feedsOf } from "../sentinel/readiness";
import { dataInWords } from "./data-words";
import { DestinationFacts, FlowGraphBuilder } from "./builder";
import { FlowGraph } from "./flow-graph";

/** One synthesized stack: its name and its `cdk.tf.json`. */
export interface SynthesizedStack {
  /** The stack's name (its folder under `cdktf.out/stacks`). */
  readonly name: string;
  /** The stack's Terraform JSON. */
  readonly json: ResourceJson;
}

/** The Terraform resource types of the destinations a stack creates, as a regular expression alternation. */
const DESTINATION_TYPE_NAMES = DestinationKind.ALL.map((k) => k.resourceType).join("|");
const CROSS_STACK_REFERENCE = new RegExp(
  `^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-([^.]+)\\.outputs\\.cross-stack-output-(${DESTINATION_TYPE_NAMES})([A-Za-z0-9_-]+?)(?:id|name)\\}$`,
);
const REFERENCE = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.(?:id|name)\}$/;
const DESTINATION_TYPES: { [type: string]: DestinationKind } = Object.fromEntries(DestinationKind.ALL.map((k) => [k.resourceType, k]));
const HEALTH_ALERT_TYPES = ["azurerm_monitor_metric_alert", "azurerm_monitor_scheduled_query_rules_alert_v2"];
const POLICY_ASSIGNMENT_TYPES = ["azurerm_management_group_policy_assignment", "azurerm_subscription_policy_assignment"];
const ROLE_NAMES = new Map<string, string>(Object.values(BUILT_IN_ROLES).map((r) => [r.id, r.name]));

/**
 * The flow graph of synthesized stacks: every automation (also each instance of a fleet's `for_each`
 * resource), every export policy assignment, the destinations they reach (created in a stack, or existing
 * by id), the health alerts on them, and every role assignment and Lighthouse delegation. Tenants come
 * from the providers that write each resource.
 */
export function flowGraphOfStacks(stacks: readonly SynthesizedStack[]): FlowGraph {
  const graph = new FlowGraphBuilder();
  const sorted = [...stacks].sort((a, b) => a.name.localeCompare(b.name));
  // Every destination a stack creates, first: other stacks reach them through cross-stack references.
  const created = new Map<string, DestinationFacts>();
  for (const stack of sorted) {
    for (const facts of createdDestinations(stack)) {
      created.set(facts.key, facts);
      graph.destination(facts);
    }
  }
  for (const stack of sorted) readStack(stack, graph, created);
  return graph.build();
}

/** The destinations a stack creates: workspaces, event hubs and Logic App workflows. */
function createdDestinations(stack: SynthesizedStack): DestinationFacts[] {
  const resources = resourcesOf(stack.json);
  const tenantOf = providerTenants(stack.json);
  return [...resources]
    .filter(([, r]) => DESTINATION_TYPES[r.type])
    .map(([address, r]) => {
      const kind = DESTINATION_TYPES[r.type];
      const parent = kind.parentArgument ? resources.get(REFERENCE.exec(String(r.json[kind.parentArgument] ?? ""))?.[1] ?? "") : undefined;
      const name = kind.parentArgument ? `${String(parent?.json.name ?? "?")}/${String(r.json.name)}` : String(r.json.name);
      return { key: createdKey(stack.name, address), kind, name, created: true, tenantId: tenantOf(r.json) };
    });
}

function createdKey(stack: string, address: string): string {
  return `${stack}/${address}`.toLowerCase();
}

function readStack(stack: SynthesizedStack, graph: FlowGraphBuilder, created: ReadonlyMap<string, DestinationFacts>): void {
  const resources = resourcesOf(stack.json);
  const locals = Object.assign({}, ...[stack.json.locals ?? {}].flat()) as ResourceJson;
  const tenantOf = providerTenants(stack.json);
  const at = (address: string) => resources.get(address);
  /**
   * A destination's key and facts, from the id an action or a scope gives: a resource of this stack, one of
   * another stack (a cross-stack reference), an existing resource's id, or (with the action's kind) an id
   * known only at apply.
   */
  const destinationOf = (id: unknown, kind?: DestinationKind): DestinationFacts | undefined => {
    if (typeof id !== "string") return undefined;
    const ref = REFERENCE.exec(id)?.[1];
    if (ref && created.has(createdKey(stack.name, ref))) return created.get(createdKey(stack.name, ref));
    const remote = CROSS_STACK_REFERENCE.exec(id);
    if (remote && created.has(createdKey(remote[1], `${remote[2]}.${remote[3]}`)))
      return created.get(createdKey(remote[1], `${remote[2]}.${remote[3]}`));
    const existingKind = id.includes("${") ? undefined : DestinationKind.ofResourceId(id);
    if (existingKind) return { key: id.toLowerCase(), kind: existingKind, name: existingKind.nameInId(id), created: false };
    return kind
      ? { key: `${stack.name}/${id}`.toLowerCase(), kind, name: `(known at apply: ${id.replace(/^\$\{|\}$/g, "")})`, created: false }
      : undefined;
  };

  /**
   * The destinations an alert or diagnostic setting scoped to `scope` watches: the destination itself, every
   * hub of a namespace, or the destination an expression derives the scope from (a hub's namespace id cut
   * from the hub's id).
   */
  const watchedBy = (scope: unknown): DestinationFacts[] => {
    const direct = destinationOf(scope);
    if (direct) return [direct];
    const text = String(scope);
    const namespace = REFERENCE.exec(text)?.[1];
    const hubs = [...resources]
      .filter(([, r]) => {
        const parent = DESTINATION_TYPES[r.type]?.parentArgument;
        return parent !== undefined && namespace !== undefined && REFERENCE.exec(String(r.json[parent]))?.[1] === namespace;
      })
      .map(([address]) => address);
    const embedded = [...text.matchAll(new RegExp(`\\b((?:${DESTINATION_TYPE_NAMES})\\.[A-Za-z0-9_-]+)\\.id\\b`, "g"))].map((m) => m[1]);
    const created = [...hubs, ...embedded].map((address) => destinationOf(`\${${address}.id}`)).filter((d) => d !== undefined);
    const literal = [...text.matchAll(/"(\/subscriptions\/[^"]+)"/g)].map((m) => destinationOf(m[1])).filter((d) => d !== undefined);
    const existing = namespace || created.length > 0 ? [] : graph.destinationsUnder(text.toLowerCase());
    return [...created, ...literal, ...existing];
  };

  for (const [address, { type, json }] of resources) {
    for (const instance of instancesOf(address, json, locals)) {
      const view = readAutomation(instance.address, instance.json);
      if (view) addAutomation(view);
    }
    if (POLICY_ASSIGNMENT_TYPES.includes(type)) addPolicy(address, json);
  }
  for (const [, { type, json }] of resources) {
    if (type === "azurerm_role_assignment") {
      const destination = destinationOf(json.scope);
      const role = String(
        json.role_definition_name ??
          ROLE_NAMES.get(
            String(json.role_definition_id ?? "")
              .split("/")
              .pop() ?? "",
          ) ??
          json.role_definition_id,
      );
      const principal = principalOf(json.principal_id);
      if (destination) graph.destination({ ...destination, tenantId: tenantOf(json) ?? destination.tenantId });
      graph.grant({
        principal,
        role,
        target: destination?.key ?? String(json.scope),
        tenantId: tenantOf(json),
        via: "role assignment",
      });
    }
    // An Event Hub's or Logic App's health reads its metrics, sent to a workspace by a diagnostic setting.
    if (type === "azurerm_monitor_diagnostic_setting") {
      for (const destination of watchedBy(json.target_resource_id)) graph.destination({ ...destination, health: true });
    }
    // An alert over AzureMetrics watches the destinations whose metrics a diagnostic setting sends, not its workspace.
    if (HEALTH_ALERT_TYPES.includes(type) && !JSON.stringify(json.criteria ?? "").includes("AzureMetrics")) {
      for (const scope of [json.scopes ?? []].flat()) {
        for (const destination of watchedBy(scope))
          graph.destination({ ...destination, health: true, tenantId: tenantOf(json) ?? destination.tenantId });
      }
    }
    if (type === "azurerm_lighthouse_assignment") {
      const definition = at(REFERENCE.exec(String(json.lighthouse_definition_id))?.[1] ?? "")?.json;
      for (const authorization of [definition?.authorization ?? []].flat() as ResourceJson[]) {
        graph.grant({
          principal: `managing tenant ${String(definition?.managing_tenant_id)}: ${principalOf(authorization.principal_id)}`,
          role: ROLE_NAMES.get(String(authorization.role_definition_id).split("/").pop() ?? "") ?? String(authorization.role_definition_id),
          target: String(json.scope),
          tenantId: tenantOf(json),
          via: "Lighthouse",
          principalTenantId: typeof definition?.managing_tenant_id === "string" ? definition.managing_tenant_id : undefined,
        });
      }
    }
  }

  function addAutomation(view: AutomationView): void {
    const resource = at(view.address.replace(/\[.*$/, ""));
    const tenantId = resource ? tenantOf(resource.json) : undefined;
    const subscriptionId = view.subscriptionId ?? subscriptionOfScopes(view.scopes) ?? "?";
    const data = dataInWords(view.sources);
    for (const action of view.actions) {
      const destination = destinationOf(action.resourceId, DestinationKind.ofActionType(action.actionType));
      if (!destination) continue;
      graph.destination({ ...destination, trusted: action.trusted, tenantId: destination.tenantId });
      graph.flow({ subscriptionId, tenantId, via: "automation" }, destination.key, data, feedsOf(view.sources));
    }
  }

  function addPolicy(address: string, json: ResourceJson): void {
    const parameters = parseParameters(json.parameters);
    const scope = String(json.management_group_id ?? json.subscription_id ?? "?");
    const target = parameters.workspaceResourceId ?? parameters.eventHubDetails;
    const destination = destinationOf(target);
    if (!destination) return;
    graph.destination(destination);
    const types = Array.isArray(parameters.exportedDataTypes) ? (parameters.exportedDataTypes as unknown[]).map(String) : [];
    graph.flow(
      { subscriptionId: `${stack.name}/${address}`, tenantId: tenantOf(json), via: "policy", scope: scope.split("/").pop() },
      destination.key,
      types.length > 0 ? types : ["(every data type the policy selects)"],
      policyFeeds(types, parameters),
    );
  }
}

/** `type.name` → the resource's type and arguments. */
function resourcesOf(json: ResourceJson): Map<string, { type: string; json: ResourceJson }> {
  const map = new Map<string, { type: string; json: ResourceJson }>();
  for (const [type, byName] of Object.entries((json.resource ?? {}) as { [type: string]: { [name: string]: ResourceJson } }))
    for (const [name, resource] of Object.entries(byName)) map.set(`${type}.${name}`, { type, json: resource });
  return map;
}

/** The tenant of the provider that writes a resource (its `provider` meta-argument, else the default). */
function providerTenants(json: ResourceJson): (resource: ResourceJson) => string | undefined {
  const tenants = new Map<string, string | undefined>();
  for (const [name, configs] of Object.entries((json.provider ?? {}) as { [name: string]: ResourceJson[] })) {
    for (const config of [configs].flat()) {
      const tenant = typeof config.tenant_id === "string" && !config.tenant_id.includes("${") ? config.tenant_id : undefined;
      tenants.set(config.alias ? `${name}.${String(config.alias)}` : name, tenant);
    }
  }
  return (resource) => {
    const provider = typeof resource.provider === "string" ? resource.provider : undefined;
    return tenants.get(provider ?? "azurerm") ?? (provider ? undefined : tenants.get("azapi"));
  };
}

function subscriptionOfScopes(scopes: readonly string[]): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scopes[0] ?? "")?.[1]?.toLowerCase();
}

/** Who a role assignment's principal is, in words: a managed identity the stack creates, Defender for Cloud, or an object id. */
function principalOf(id: unknown): string {
  const text = String(id);
  const identity = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.identity/.exec(text);
  if (identity) return `the managed identity of ${IDENTITY_OWNERS[identity[1]] ?? identity[1]} ${identity[2]}`;
  if (/^\$\{data\.azuread_service_principal\.[A-Za-z0-9_-]+\.object_id\}$/.test(text))
    return "Defender for Cloud (Windows Azure Security Resource Provider)";
  return text.includes("${") ? `(known at apply: ${text.replace(/^\$\{|\}$/g, "")})` : `principal ${text}`;
}

const IDENTITY_OWNERS: { [type: string]: string } = {
  azurerm_management_group_policy_assignment: "the policy assignment",
  azurerm_subscription_policy_assignment: "the policy assignment",
  azurerm_monitor_scheduled_query_rules_alert_v2: "the health alert",
};

/**
 * What Microsoft's export policy sends, from its parameters: the tables of `exportedDataTypes` (portal names,
 * with "- snapshot" variants), recommendations whole only when no name or severity narrows them, compliance
 * whole or for `regulatoryComplianceStandardsNames`.
 */
function policyFeeds(types: readonly string[], parameters: { [name: string]: unknown }): TableFeed[] {
  const listed = (name: string) => (Array.isArray(parameters[name]) ? (parameters[name] as unknown[]).map(String) : []);
  const tables = new Set(
    types.map((t) => DataType.ALL.find((d) => t.replace(/ - snapshot$/, "") === d.portalName)?.workspaceTable).filter((t) => t !== undefined),
  );
  return [...tables].sort().map((table) => {
    if (table === DataType.REGULATORY_COMPLIANCE.workspaceTable) {
      const standards = listed("regulatoryComplianceStandardsNames").map((s) => s.toLowerCase());
      return { table, everything: standards.length === 0, standards };
    }
    if (table === DataType.RECOMMENDATIONS.workspaceTable) {
      const severities = listed("recommendationSeverities");
      return { table, everything: listed("recommendationNames").length === 0 && (severities.length === 0 || severities.length >= 3), standards: [] };
    }
    return { table, everything: true, standards: [] };
  });
}

function parseParameters(value: unknown): { [name: string]: unknown } {
  try {
    const parsed = JSON.parse(String(value)) as { [name: string]: { value?: unknown } };
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v?.value]));
  } catch {
    return {};
  }
}
