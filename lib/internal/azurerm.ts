/**
 * The one door to the azurerm provider binding. Every class is imported by its deep path: importing
 * the package root loads every resource of the provider (seconds and hundreds of MB per process).
 *
 * Each resource and data source the library writes is a subclass made by `literalElement`: its whole
 * output is escaped (see literal-element.ts): no text a user gives is evaluated by Terraform.
 */
import { literalElement } from "./literal-element";
export { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import * as SecurityCenterAutomationModule from "@cdktf/provider-azurerm/lib/security-center-automation";
import * as ResourceGroupModule from "@cdktf/provider-azurerm/lib/resource-group";
import * as LogAnalyticsWorkspaceModule from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import * as LogAnalyticsSolutionModule from "@cdktf/provider-azurerm/lib/log-analytics-solution";
import * as EventhubNamespaceModule from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import * as EventhubModule from "@cdktf/provider-azurerm/lib/eventhub";
import * as EventhubAuthorizationRuleModule from "@cdktf/provider-azurerm/lib/eventhub-authorization-rule";
import * as DataAzurermEventhubAuthorizationRuleModule from "@cdktf/provider-azurerm/lib/data-azurerm-eventhub-authorization-rule";
import * as EventhubConsumerGroupModule from "@cdktf/provider-azurerm/lib/eventhub-consumer-group";
import * as RoleAssignmentModule from "@cdktf/provider-azurerm/lib/role-assignment";
import * as LogicAppWorkflowModule from "@cdktf/provider-azurerm/lib/logic-app-workflow";
import * as LogicAppTriggerHttpRequestModule from "@cdktf/provider-azurerm/lib/logic-app-trigger-http-request";
import * as LighthouseDefinitionModule from "@cdktf/provider-azurerm/lib/lighthouse-definition";
import * as LighthouseAssignmentModule from "@cdktf/provider-azurerm/lib/lighthouse-assignment";
import * as ManagementGroupPolicyAssignmentModule from "@cdktf/provider-azurerm/lib/management-group-policy-assignment";
import * as SubscriptionPolicyAssignmentModule from "@cdktf/provider-azurerm/lib/subscription-policy-assignment";
import * as ManagementGroupPolicyRemediationModule from "@cdktf/provider-azurerm/lib/management-group-policy-remediation";
import * as SubscriptionPolicyRemediationModule from "@cdktf/provider-azurerm/lib/subscription-policy-remediation";
import * as MonitorScheduledQueryRulesAlertV2Module from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import * as MonitorMetricAlertModule from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
import * as MonitorActionGroupModule from "@cdktf/provider-azurerm/lib/monitor-action-group";
import * as MonitorDiagnosticSettingModule from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";

/**
 * The provider's own classes, as the library's public members name the resources they hold: the escaping
 * subclasses below are an implementation detail, not part of the shipped types.
 */
export type { RoleAssignment as AzurermRoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
export type { LighthouseDefinition as AzurermLighthouseDefinition } from "@cdktf/provider-azurerm/lib/lighthouse-definition";
export type { LighthouseAssignment as AzurermLighthouseAssignment } from "@cdktf/provider-azurerm/lib/lighthouse-assignment";
export type { MonitorActionGroup as AzurermMonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
export type { EventhubNamespace as AzurermEventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
export type { Eventhub as AzurermEventhub } from "@cdktf/provider-azurerm/lib/eventhub";
export type { LogicAppWorkflow as AzurermLogicAppWorkflow } from "@cdktf/provider-azurerm/lib/logic-app-workflow";
export type { LogicAppTriggerHttpRequest as AzurermLogicAppTriggerHttpRequest } from "@cdktf/provider-azurerm/lib/logic-app-trigger-http-request";
export type { EventhubConsumerGroup as AzurermEventhubConsumerGroup } from "@cdktf/provider-azurerm/lib/eventhub-consumer-group";
export type { EventhubAuthorizationRule as AzurermEventhubAuthorizationRule } from "@cdktf/provider-azurerm/lib/eventhub-authorization-rule";
export type { LogAnalyticsWorkspace as AzurermLogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
export type { LogAnalyticsSolution as AzurermLogAnalyticsSolution } from "@cdktf/provider-azurerm/lib/log-analytics-solution";

/** `azurerm_security_center_automation`, written through the door. */
export class SecurityCenterAutomation extends literalElement(SecurityCenterAutomationModule.SecurityCenterAutomation) {}

/** `azurerm_resource_group`, written through the door. */
export class ResourceGroup extends literalElement(ResourceGroupModule.ResourceGroup) {}

/** `azurerm_log_analytics_workspace`, written through the door. */
export class LogAnalyticsWorkspace extends literalElement(LogAnalyticsWorkspaceModule.LogAnalyticsWorkspace) {}

/** `azurerm_log_analytics_solution`, written through the door. */
export class LogAnalyticsSolution extends literalElement(LogAnalyticsSolutionModule.LogAnalyticsSolution) {}

/** `azurerm_eventhub_namespace`, written through the door. */
export class EventhubNamespace extends literalElement(EventhubNamespaceModule.EventhubNamespace) {}

/** `azurerm_eventhub`, written through the door. */
export class Eventhub extends literalElement(EventhubModule.Eventhub) {}

/** `azurerm_eventhub_authorization_rule`, written through the door. */
export class EventhubAuthorizationRule extends literalElement(EventhubAuthorizationRuleModule.EventhubAuthorizationRule) {}

/** data source `azurerm_eventhub_authorization_rule`, written through the door. */
export class DataAzurermEventhubAuthorizationRule extends literalElement(
  DataAzurermEventhubAuthorizationRuleModule.DataAzurermEventhubAuthorizationRule,
) {}

/** `azurerm_eventhub_consumer_group`, written through the door. */
export class EventhubConsumerGroup extends literalElement(EventhubConsumerGroupModule.EventhubConsumerGroup) {}

/** `azurerm_role_assignment`, written through the door. */
export class RoleAssignment extends literalElement(RoleAssignmentModule.RoleAssignment) {}

/** `azurerm_logic_app_workflow`, written through the door. */
export class LogicAppWorkflow extends literalElement(LogicAppWorkflowModule.LogicAppWorkflow) {}

/** `azurerm_logic_app_trigger_http_request`, written through the door. */
export class LogicAppTriggerHttpRequest extends literalElement(LogicAppTriggerHttpRequestModule.LogicAppTriggerHttpRequest) {}

/** `azurerm_lighthouse_definition`, written through the door. */
export class LighthouseDefinition extends literalElement(LighthouseDefinitionModule.LighthouseDefinition) {}

/** `azurerm_lighthouse_assignment`, written through the door. */
export class LighthouseAssignment extends literalElement(LighthouseAssignmentModule.LighthouseAssignment) {}

/** `azurerm_management_group_policy_assignment`, written through the door. */
export class ManagementGroupPolicyAssignment extends literalElement(ManagementGroupPolicyAssignmentModule.ManagementGroupPolicyAssignment) {}

/** `azurerm_subscription_policy_assignment`, written through the door. */
export class SubscriptionPolicyAssignment extends literalElement(SubscriptionPolicyAssignmentModule.SubscriptionPolicyAssignment) {}

/** `azurerm_management_group_policy_remediation`, written through the door. */
export class ManagementGroupPolicyRemediation extends literalElement(ManagementGroupPolicyRemediationModule.ManagementGroupPolicyRemediation) {}

/** `azurerm_subscription_policy_remediation`, written through the door. */
export class SubscriptionPolicyRemediation extends literalElement(SubscriptionPolicyRemediationModule.SubscriptionPolicyRemediation) {}

/** `azurerm_monitor_scheduled_query_rules_alert_v2` (a log search alert), written through the door. */
export class MonitorScheduledQueryRulesAlertV2 extends literalElement(MonitorScheduledQueryRulesAlertV2Module.MonitorScheduledQueryRulesAlertV2) {}

/** `azurerm_monitor_metric_alert`, written through the door. */
export class MonitorMetricAlert extends literalElement(MonitorMetricAlertModule.MonitorMetricAlert) {}

/** `azurerm_monitor_action_group`, written through the door. */
export class MonitorActionGroup extends literalElement(MonitorActionGroupModule.MonitorActionGroup) {}

/** `azurerm_monitor_diagnostic_setting`, written through the door. */
export class MonitorDiagnosticSetting extends literalElement(MonitorDiagnosticSettingModule.MonitorDiagnosticSetting) {}
