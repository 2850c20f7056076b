/**
 * The one door to the azurerm provider binding. Every class is imported by its deep path: importing
 * the package root loads every resource of the provider (seconds and hundreds of MB per process).
 */
export { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
export { SecurityCenterAutomation } from "@cdktf/provider-azurerm/lib/security-center-automation";
export { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
export { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
export { LogAnalyticsSolution } from "@cdktf/provider-azurerm/lib/log-analytics-solution";
export { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
export { Eventhub } from "@cdktf/provider-azurerm/lib/eventhub";
export { EventhubAuthorizationRule } from "@cdktf/provider-azurerm/lib/eventhub-authorization-rule";
export { DataAzurermEventhubAuthorizationRule } from "@cdktf/provider-azurerm/lib/data-azurerm-eventhub-authorization-rule";
export { EventhubConsumerGroup } from "@cdktf/provider-azurerm/lib/eventhub-consumer-group";
export { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
export { LogicAppWorkflow } from "@cdktf/provider-azurerm/lib/logic-app-workflow";
export { LogicAppTriggerHttpRequest } from "@cdktf/provider-azurerm/lib/logic-app-trigger-http-request";
export { LighthouseDefinition } from "@cdktf/provider-azurerm/lib/lighthouse-definition";
export { LighthouseAssignment } from "@cdktf/provider-azurerm/lib/lighthouse-assignment";
export { ManagementGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/management-group-policy-assignment";
export { SubscriptionPolicyAssignment } from "@cdktf/provider-azurerm/lib/subscription-policy-assignment";
export { ManagementGroupPolicyRemediation } from "@cdktf/provider-azurerm/lib/management-group-policy-remediation";
export { SubscriptionPolicyRemediation } from "@cdktf/provider-azurerm/lib/subscription-policy-remediation";
