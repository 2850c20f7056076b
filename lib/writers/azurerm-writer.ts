import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { SecurityCenterAutomation } from "../internal/azurerm";
import { AutomationSpec } from "./automation-spec";

/** Writes the automation as `azurerm_security_center_automation` (API 2019-01-01-preview). */
export function writeWithAzurerm(
  scope: Construct,
  id: string,
  spec: AutomationSpec,
  provider: TerraformProvider | undefined,
): SecurityCenterAutomation {
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
}
