import { TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { ResourceGroup, SecurityCenterAutomation } from "../internal/azurerm";
import { literalSubscriptionOf, resolveAzurermProvider } from "../internal/provider-check";
import { DataType } from "../model/data-type";
import { coded } from "../model/errors";
import { AutomationSpec } from "./automation-spec";
import { AutomationView, ResourceJson, subscriptionOf } from "./automation-view";
import type { GroupSpec, Writer } from "./writer";

/** What the 2019-01-01-preview API (all azurerm has) cannot say: the 2023-12 sources and export as a trusted service. */
function cannotExpress(spec: AutomationSpec): string[] {
  const dataTypes = [...new Set(spec.sources.filter((s) => s.dataType.needsApi2023).map((s) => s.dataType.portalName))];
  const trusted = spec.actions
    .filter((a) => a.needsApi2023)
    .map((a) => `export as a trusted service (event hub ${a.resourceId.includes("${") ? "of this stack" : a.resourceId})`);
  return [...dataTypes.map((t) => `${t} (data type)`), ...trusted];
}

/** `azurerm_security_center_automation` (API 2019-01-01-preview), created in its provider's subscription. */
export const AZURERM_WRITER: Writer = {
  name: "azurerm",
  writtenAs: "azurerm_security_center_automation (API 2019-01-01-preview)",
  api: "API 2019-01-01-preview",
  eventSources: DataType.ALL.filter((t) => !t.needsApi2023).flatMap((t) => t.eventSources),
  // azurerm's schema takes `String` only; the REST API and Microsoft's own policies send `string`.
  exactPropertyTypes: true,
  automationType: "azurerm_security_center_automation",
  resourceGroupType: "azurerm_resource_group",
  cannotExpress,

  write(scope: Construct, id: string, spec: AutomationSpec, provider: TerraformProvider | undefined): SecurityCenterAutomation {
    return new SecurityCenterAutomation(scope, id, {
      name: spec.name,
      location: spec.location,
      resourceGroupName: spec.resourceGroupName,
      scopes: [...spec.scopes],
      enabled: spec.enabled,
      description: spec.description,
      tags: spec.tags,
      source: spec.sources.map((s) => ({
        eventSource: s.eventSource,
        ruleSet:
          s.ruleSets.length === 0
            ? undefined
            : s.ruleSets.map((set) => ({
                rule: set.rules.map((r) => ({
                  propertyPath: r.propertyJPath,
                  operator: r.operator.value,
                  expectedValue: r.expectedValue,
                  propertyType: r.propertyType.value,
                })),
              })),
      })),
      action: spec.actions.map((a) => ({
        type: a.kind.actionType,
        resourceId: a.resourceId,
        connectionString: a.connectionString,
        triggerUrl: a.triggerUrl,
      })),
      dependsOn: spec.dependsOn.length > 0 ? [...spec.dependsOn] : undefined,
      provider,
    });
  },

  read(address: string, r: ResourceJson): AutomationView | undefined {
    if (!address.startsWith("azurerm_security_center_automation.")) return undefined;
    return {
      address,
      writer: AZURERM_WRITER,
      name: String(r.name),
      subscriptionId: subscriptionOf(r.scopes?.[0]),
      location: r.location,
      enabled: r.enabled !== false,
      description: r.description,
      scopes: (r.scopes ?? []).map(String),
      sources: (r.source ?? []).map((s: ResourceJson) => ({
        eventSource: String(s.event_source),
        ruleSets: (s.rule_set ?? []).map((set: ResourceJson) =>
          (set.rule ?? []).map((x: ResourceJson) => ({
            propertyJPath: String(x.property_path),
            operator: String(x.operator),
            expectedValue: String(x.expected_value),
            propertyType: String(x.property_type),
          })),
        ),
      })),
      actions: (r.action ?? []).map((a: ResourceJson) => ({
        actionType: String(a.type ?? ""),
        resourceId: String(a.resource_id ?? ""),
        secret: a.connection_string ?? a.trigger_url,
        trusted: false,
      })),
    };
  },

  writeResourceGroup(scope: Construct, id: string, group: GroupSpec, provider: TerraformProvider | undefined): ResourceGroup {
    return new ResourceGroup(scope, id, { name: group.name, location: group.location, tags: group.tags, provider });
  },

  // The automation names the group by reference: Terraform waits for it, and no depends_on is needed.
  placedIn(spec: AutomationSpec, group): AutomationSpec {
    return { ...spec, resourceGroupName: (group as ResourceGroup).name };
  },

  importId: (resourceId: string) => resourceId,

  providerOf(scope, given) {
    return resolveAzurermProvider(scope, given.provider);
  },

  givenProvider: (given) => given.provider,

  recordAtSynth({ scope, subscriptionId, given }, index) {
    const provider = AZURERM_WRITER.providerOf(scope, given);
    if (!provider || literalSubscriptionOf(provider)) return [];
    const other = index.recordSubscriptionWrittenBy(provider, subscriptionId, scope.node.path);
    if (!other) return [];
    return [
      `${coded("DFE030", scope.node.path)}${provider.node.path} writes this export (subscription ${subscriptionId}) and ${other.path} (subscription ${other.subscriptionId}), but its subscription is not set in code: ` +
        `azurerm creates every automation in its provider's one subscription (from ARM_SUBSCRIPTION_ID), so both ` +
        `would be written there. Give each subscription a provider with its \`subscriptionId\`, or use the azapi ` +
        `writer.`,
    ];
  },

  checkProvider({ scope, subscriptionId, given }) {
    const provider = AZURERM_WRITER.providerOf(scope, given);
    if (!provider) {
      return [
        `${coded("DFE033", scope.node.path)}no azurerm provider writes this export. The library never creates providers: add one to the stack, e.g. ` +
          `new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: "${subscriptionId}" }), or pass \`provider\`.`,
      ];
    }
    const providerSub = literalSubscriptionOf(provider);
    if (providerSub && !Token.isUnresolved(subscriptionId) && providerSub.toLowerCase() !== subscriptionId.toLowerCase()) {
      return [
        `${coded("DFE034", scope.node.path)}the provider ${provider.node.path} writes to subscription ${providerSub}, but this export is for subscription ${subscriptionId}. ` +
          `azurerm creates the automation in its provider's subscription, and an automation can only scope its ` +
          `own subscription. Pass the provider configured for ${subscriptionId}.`,
      ];
    }
    return [];
  },
};
