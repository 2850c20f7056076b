/**
 * The one door to the azurerm provider binding. Every class is imported by its deep path: importing
 * the package root loads every resource of the provider (seconds and hundreds of MB per process).
 *
 * Each resource and data source the library writes is a subclass that escapes every literal string of
 * its configuration (see terraform-literal.ts): no text a user gives is evaluated by Terraform.
 */
import { Construct } from "constructs";
import { escapeLiterals } from "./terraform-literal";
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

/** `azurerm_security_center_automation`, with every literal string of its configuration escaped. */
export class SecurityCenterAutomation extends SecurityCenterAutomationModule.SecurityCenterAutomation {
  constructor(scope: Construct, id: string, config: SecurityCenterAutomationModule.SecurityCenterAutomationConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_resource_group`, with every literal string of its configuration escaped. */
export class ResourceGroup extends ResourceGroupModule.ResourceGroup {
  constructor(scope: Construct, id: string, config: ResourceGroupModule.ResourceGroupConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_log_analytics_workspace`, with every literal string of its configuration escaped. */
export class LogAnalyticsWorkspace extends LogAnalyticsWorkspaceModule.LogAnalyticsWorkspace {
  constructor(scope: Construct, id: string, config: LogAnalyticsWorkspaceModule.LogAnalyticsWorkspaceConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_log_analytics_solution`, with every literal string of its configuration escaped. */
export class LogAnalyticsSolution extends LogAnalyticsSolutionModule.LogAnalyticsSolution {
  constructor(scope: Construct, id: string, config: LogAnalyticsSolutionModule.LogAnalyticsSolutionConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_eventhub_namespace`, with every literal string of its configuration escaped. */
export class EventhubNamespace extends EventhubNamespaceModule.EventhubNamespace {
  constructor(scope: Construct, id: string, config: EventhubNamespaceModule.EventhubNamespaceConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_eventhub`, with every literal string of its configuration escaped. */
export class Eventhub extends EventhubModule.Eventhub {
  constructor(scope: Construct, id: string, config: EventhubModule.EventhubConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_eventhub_authorization_rule`, with every literal string of its configuration escaped. */
export class EventhubAuthorizationRule extends EventhubAuthorizationRuleModule.EventhubAuthorizationRule {
  constructor(scope: Construct, id: string, config: EventhubAuthorizationRuleModule.EventhubAuthorizationRuleConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** data source `azurerm_eventhub_authorization_rule`, with every literal string of its configuration escaped. */
export class DataAzurermEventhubAuthorizationRule extends DataAzurermEventhubAuthorizationRuleModule.DataAzurermEventhubAuthorizationRule {
  constructor(scope: Construct, id: string, config: DataAzurermEventhubAuthorizationRuleModule.DataAzurermEventhubAuthorizationRuleConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_eventhub_consumer_group`, with every literal string of its configuration escaped. */
export class EventhubConsumerGroup extends EventhubConsumerGroupModule.EventhubConsumerGroup {
  constructor(scope: Construct, id: string, config: EventhubConsumerGroupModule.EventhubConsumerGroupConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_role_assignment`, with every literal string of its configuration escaped. */
export class RoleAssignment extends RoleAssignmentModule.RoleAssignment {
  constructor(scope: Construct, id: string, config: RoleAssignmentModule.RoleAssignmentConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_logic_app_workflow`, with every literal string of its configuration escaped. */
export class LogicAppWorkflow extends LogicAppWorkflowModule.LogicAppWorkflow {
  constructor(scope: Construct, id: string, config: LogicAppWorkflowModule.LogicAppWorkflowConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_logic_app_trigger_http_request`, with every literal string of its configuration escaped. */
export class LogicAppTriggerHttpRequest extends LogicAppTriggerHttpRequestModule.LogicAppTriggerHttpRequest {
  constructor(scope: Construct, id: string, config: LogicAppTriggerHttpRequestModule.LogicAppTriggerHttpRequestConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_lighthouse_definition`, with every literal string of its configuration escaped. */
export class LighthouseDefinition extends LighthouseDefinitionModule.LighthouseDefinition {
  constructor(scope: Construct, id: string, config: LighthouseDefinitionModule.LighthouseDefinitionConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_lighthouse_assignment`, with every literal string of its configuration escaped. */
export class LighthouseAssignment extends LighthouseAssignmentModule.LighthouseAssignment {
  constructor(scope: Construct, id: string, config: LighthouseAssignmentModule.LighthouseAssignmentConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_management_group_policy_assignment`, with every literal string of its configuration escaped. */
export class ManagementGroupPolicyAssignment extends ManagementGroupPolicyAssignmentModule.ManagementGroupPolicyAssignment {
  constructor(scope: Construct, id: string, config: ManagementGroupPolicyAssignmentModule.ManagementGroupPolicyAssignmentConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_subscription_policy_assignment`, with every literal string of its configuration escaped. */
export class SubscriptionPolicyAssignment extends SubscriptionPolicyAssignmentModule.SubscriptionPolicyAssignment {
  constructor(scope: Construct, id: string, config: SubscriptionPolicyAssignmentModule.SubscriptionPolicyAssignmentConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_management_group_policy_remediation`, with every literal string of its configuration escaped. */
export class ManagementGroupPolicyRemediation extends ManagementGroupPolicyRemediationModule.ManagementGroupPolicyRemediation {
  constructor(scope: Construct, id: string, config: ManagementGroupPolicyRemediationModule.ManagementGroupPolicyRemediationConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_subscription_policy_remediation`, with every literal string of its configuration escaped. */
export class SubscriptionPolicyRemediation extends SubscriptionPolicyRemediationModule.SubscriptionPolicyRemediation {
  constructor(scope: Construct, id: string, config: SubscriptionPolicyRemediationModule.SubscriptionPolicyRemediationConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_monitor_scheduled_query_rules_alert_v2` (a log search alert), with every literal string of its configuration escaped. */
export class MonitorScheduledQueryRulesAlertV2 extends MonitorScheduledQueryRulesAlertV2Module.MonitorScheduledQueryRulesAlertV2 {
  constructor(scope: Construct, id: string, config: MonitorScheduledQueryRulesAlertV2Module.MonitorScheduledQueryRulesAlertV2Config) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_monitor_metric_alert`, with every literal string of its configuration escaped. */
export class MonitorMetricAlert extends MonitorMetricAlertModule.MonitorMetricAlert {
  constructor(scope: Construct, id: string, config: MonitorMetricAlertModule.MonitorMetricAlertConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_monitor_action_group`, with every literal string of its configuration escaped. */
export class MonitorActionGroup extends MonitorActionGroupModule.MonitorActionGroup {
  constructor(scope: Construct, id: string, config: MonitorActionGroupModule.MonitorActionGroupConfig) {
    super(scope, id, escapeLiterals(config));
  }
}

/** `azurerm_monitor_diagnostic_setting`, with every literal string of its configuration escaped. */
export class MonitorDiagnosticSetting extends MonitorDiagnosticSettingModule.MonitorDiagnosticSetting {
  constructor(scope: Construct, id: string, config: MonitorDiagnosticSettingModule.MonitorDiagnosticSettingConfig) {
    super(scope, id, escapeLiterals(config));
  }
}
