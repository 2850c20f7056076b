import { Fn, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DestinationKind, ExportActionConfig } from "../destinations/destination";
import { AzapiResource } from "../internal/azapi";
import { resolveAzapiProvider } from "../internal/provider-check";
import { AutomationSpec } from "./automation-spec";
import { AutomationView, ResourceJson, subscriptionOf } from "./automation-view";
import type { GroupSpec, Writer } from "./writer";

/** The resource type and API version the azapi writer uses. */
export const AUTOMATION_TYPE_2023_12 = "Microsoft.Security/automations@2023-12-01-preview";
/** The API version created resource groups are written and read with. */
const RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups@2021-04-01";

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

/**
 * A REST action: the kind's wire names, with the secret or, as a trusted service, none. The secret is
 * wrapped in Terraform's `sensitive()`: azapi's `body` is not sensitive, and some secrets (a Logic App's
 * callback URL in azurerm 4.x) are not marked by their provider, so plans would show them.
 */
function actionBody(action: ExportActionConfig): { [key: string]: unknown } {
  const { kind } = action;
  const secret = action.connectionString ?? action.triggerUrl;
  return {
    actionType: kind.actionType,
    [kind.resourceIdProperty]: action.resourceId,
    ...(action.trustedService ? { isTrustedServiceEnabled: true } : kind.secretProperty ? { [kind.secretProperty]: Fn.sensitive(secret) } : {}),
  };
}

/** A secret as written, without the `sensitive()` the writer wraps it in: `${sensitive(x.y)}` reads back as `${x.y}`. */
function withoutSensitive(secret: unknown): string | undefined {
  if (typeof secret !== "string") return undefined;
  const wrapped = /^\$\{sensitive\((.*)\)\}$/.exec(secret);
  return wrapped ? `\${${wrapped[1]}}` : secret;
}

/**
 * `azapi_resource` of `Microsoft.Security/automations@2023-12-01-preview`, addressed by `parent_id`, so
 * one azapi provider can write into any subscription its identity may write to. Secrets in the body are
 * references to sensitive attributes, so Terraform hides the body in plans.
 */
export const AZAPI_WRITER: Writer = {
  name: "azapi",
  writtenAs: `azapi_resource ${AUTOMATION_TYPE_2023_12}`,
  automationType: "azapi_resource",
  resourceGroupType: "azapi_resource",
  cannotExpress: () => [],

  write(scope: Construct, id: string, spec: AutomationSpec, provider: TerraformProvider | undefined): AzapiResource {
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
  },

  read(address: string, r: ResourceJson): AutomationView | undefined {
    if (!address.startsWith("azapi_resource.") || !String(r.type).startsWith("Microsoft.Security/automations@")) return undefined;
    const p = r.body?.properties ?? {};
    return {
      address,
      writer: AZAPI_WRITER,
      name: String(r.name),
      subscriptionId: subscriptionOf(r.parent_id),
      location: r.location,
      enabled: p.isEnabled !== false,
      description: p.description,
      scopes: (p.scopes ?? []).map((x: ResourceJson) => String(x.scopePath)),
      sources: (p.sources ?? []).map((s: ResourceJson) => ({
        eventSource: String(s.eventSource),
        ruleSets: (s.ruleSets ?? []).map((set: ResourceJson) =>
          (set.rules ?? []).map((x: ResourceJson) => ({
            propertyJPath: String(x.propertyJPath),
            operator: String(x.operator),
            expectedValue: String(x.expectedValue),
            propertyType: String(x.propertyType),
          })),
        ),
      })),
      actions: (p.actions ?? []).map((a: ResourceJson) => {
        const kind = DestinationKind.ofActionType(a.actionType);
        return {
          actionType: String(a.actionType ?? ""),
          resourceId: String(
            (kind ? a[kind.resourceIdProperty] : undefined) ?? a.workspaceResourceId ?? a.eventHubResourceId ?? a.logicAppResourceId ?? "",
          ),
          secret: kind?.secretProperty ? withoutSensitive(a[kind.secretProperty]) : undefined,
          trusted: a.isTrustedServiceEnabled === true,
        };
      }),
    };
  },

  // Through azapi too, so that one azapi provider serves any number of subscriptions.
  writeResourceGroup(scope: Construct, id: string, group: GroupSpec, provider: TerraformProvider | undefined): AzapiResource {
    return new AzapiResource(scope, id, {
      type: RESOURCE_GROUP_TYPE,
      name: group.name,
      parentId: `/subscriptions/${group.subscriptionId}`,
      location: group.location,
      body: {},
      tags: group.tags,
      provider,
    });
  },

  // parent_id is built from the literal name: the automation waits for the group explicitly.
  placedIn: (spec: AutomationSpec, group) => ({ ...spec, dependsOn: [...spec.dependsOn, group] }),

  // azapi reads an imported resource with the API version the id names.
  importId: (resourceId: string) =>
    `${resourceId}?api-version=${/\/providers\/Microsoft\.Security\/automations\//i.test(resourceId) ? AUTOMATION_TYPE_2023_12.split("@")[1] : RESOURCE_GROUP_TYPE.split("@")[1]}`,

  providerOf(scope, given) {
    return resolveAzapiProvider(scope, given.azapiProvider);
  },

  givenProvider: (given) => given.azapiProvider,
};
