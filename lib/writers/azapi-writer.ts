import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DestinationKind, ExportActionConfig } from "../destinations/destination";
import { AzapiResource } from "../internal/azapi";
import { AutomationSpec } from "./automation-spec";

/** The resource type and API version the azapi writer uses. */
export const AUTOMATION_TYPE_2023_12 = "Microsoft.Security/automations@2023-12-01-preview";

/**
 * The request body of `Microsoft.Security/automations@2023-12-01-preview`, with the REST API's
 * property names. Scope descriptions are those the azurerm provider writes (`scope for <id>`).
 */
export function automationBody(spec: AutomationSpec): { [key: string]: unknown } {
  return {
    properties: {
      description: spec.description,
      isEnabled: spec.enabled,
      scopes: spec.scopes.map((scopePath) => ({ description: `scope for ${scopePath}`, scopePath })),
      sources: spec.sources.map((s) => ({
        eventSource: s.eventSource,
        ...(s.ruleSets.length === 0
          ? {}
          : {
              ruleSets: s.ruleSets.map((set) => ({
                rules: set.rules.map((r) => ({
                  propertyJPath: r.propertyJPath,
                  propertyType: r.propertyType.value,
                  expectedValue: r.expectedValue,
                  operator: r.operator.value,
                })),
              })),
            }),
      })),
      actions: spec.actions.map(actionBody),
    },
  };
}

function actionBody(action: ExportActionConfig): { [key: string]: unknown } {
  switch (action.kind) {
    case DestinationKind.WORKSPACE:
      return { actionType: "Workspace", workspaceResourceId: action.resourceId };
    case DestinationKind.EVENT_HUB:
      return action.trustedService
        ? { actionType: "EventHub", eventHubResourceId: action.resourceId, isTrustedServiceEnabled: true }
        : { actionType: "EventHub", eventHubResourceId: action.resourceId, connectionString: action.connectionString };
    default:
      return { actionType: "LogicApp", logicAppResourceId: action.resourceId, uri: action.triggerUrl };
  }
}

/**
 * Writes the automation as `azapi_resource` (API 2023-12-01-preview), addressed by `parent_id`, so one
 * azapi provider can write into any subscription its identity may write to. Secrets in the body are
 * references to sensitive attributes, so Terraform hides the body in plans.
 */
export function writeWithAzapi(scope: Construct, id: string, spec: AutomationSpec, provider: TerraformProvider | undefined): AzapiResource {
  return new AzapiResource(scope, id, {
    type: AUTOMATION_TYPE_2023_12,
    name: spec.name,
    parentId: `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroupName}`,
    location: spec.location,
    body: automationBody(spec),
    tags: spec.tags,
    dependsOn: spec.dependsOn.length > 0 ? [...spec.dependsOn] : undefined,
    provider,
  });
}

/** A resource group written through azapi (`parent_id` = the subscription), for exports written entirely through azapi. */
export function writeResourceGroupWithAzapi(
  scope: Construct,
  id: string,
  subscriptionId: string,
  name: string,
  location: string,
  tags: { [key: string]: string } | undefined,
  provider: TerraformProvider | undefined,
): AzapiResource {
  return new AzapiResource(scope, id, {
    type: "Microsoft.Resources/resourceGroups@2021-04-01",
    name,
    parentId: `/subscriptions/${subscriptionId}`,
    location,
    body: {},
    tags,
    provider,
  });
}
