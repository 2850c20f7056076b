/**
 * The arguments whose change makes Terraform replace a resource (destroy, then create), per resource
 * type the library writes. From the providers' schemas: azurerm 4.x (`ForceNew: true` in
 * `internal/services/<service>/<type>_resource.go`), azapi 2.x (`name`, `parent_id`, `location` and the
 * resource type part of `type` require replacement; a new API version alone does not). `"*"` means every
 * argument (role assignments and Lighthouse assignments are immutable).
 */
export const FORCE_NEW: { readonly [resourceType: string]: readonly string[] } = {
  azapi_resource: ["name", "parent_id", "location", "type"],
  azurerm_security_center_automation: ["name", "location", "resource_group_name"],
  azurerm_resource_group: ["name", "location"],
  azurerm_log_analytics_workspace: ["name", "location", "resource_group_name"],
  azurerm_log_analytics_solution: ["solution_name", "workspace_name", "workspace_resource_id", "location", "resource_group_name", "plan"],
  azurerm_eventhub_namespace: ["name", "location", "resource_group_name"],
  azurerm_eventhub: ["name", "namespace_id", "namespace_name", "resource_group_name"],
  azurerm_eventhub_authorization_rule: ["name", "namespace_name", "eventhub_name", "resource_group_name"],
  azurerm_eventhub_consumer_group: ["name", "namespace_name", "eventhub_name", "resource_group_name"],
  azurerm_role_assignment: ["*"],
  azurerm_logic_app_workflow: ["name", "location", "resource_group_name"],
  azurerm_logic_app_trigger_http_request: ["name", "logic_app_id"],
  azurerm_lighthouse_definition: ["lighthouse_definition_id", "managing_tenant_id", "scope"],
  azurerm_lighthouse_assignment: ["*"],
  azurerm_management_group_policy_assignment: ["name", "management_group_id", "policy_definition_id"],
  azurerm_subscription_policy_assignment: ["name", "subscription_id", "policy_definition_id"],
  azurerm_management_group_policy_remediation: ["name", "management_group_id", "policy_assignment_id"],
  azurerm_subscription_policy_remediation: ["name", "subscription_id", "policy_assignment_id"],
  // Health alerts: the provider's docs mark these "Changing this forces a new resource to be created".
  azurerm_monitor_scheduled_query_rules_alert_v2: ["name", "resource_group_name", "location", "scopes"],
  azurerm_monitor_metric_alert: ["name", "resource_group_name"],
  azurerm_monitor_action_group: ["name", "resource_group_name"],
};

/**
 * How the providers compare a region: both normalize it (lower case, no spaces) before comparing, so
 * `West Europe` and `westeurope` plan no change. azurerm: `location` has a StateFunc and DiffSuppressFunc
 * that normalize (hashicorp/go-azure-helpers resourcemanager/location, used by commonschema.Location);
 * azapi: `location` keeps the state when `location.Normalize` of both is equal, and replaces only when it
 * differs (Azure/terraform-provider-azapi internal/services/azapi_resource.go, internal/azure/location).
 * Checked 2026-12.
 */
export function providerValue(attribute: string, value: unknown): unknown {
  return attribute === "location" && typeof value === "string" && !value.includes("${") ? value.toLowerCase().replace(/ /g, "") : value;
}

/** Arguments that are Terraform meta-arguments, not resource attributes: they never replace or update. */
export const META_ARGUMENTS = new Set(["depends_on", "lifecycle", "provider", "count", "for_each", "//", "connection", "provisioner"]);

/** Whether changing `attribute` of a `resourceType` replaces the resource. Unknown types: every argument, to be safe. */
export function forcesNew(resourceType: string, attribute: string): boolean {
  const list = FORCE_NEW[resourceType] ?? ["*"];
  return list.includes("*") || list.includes(attribute);
}
